// kinerja: writing analysis results as the CSV files of docs/output-files.md.
//
// Every writer puts all its files into one folder atomically: each file is written under a
// temporary name and renamed into place only when all of them are complete, so a failed run
// leaves no partial output. Numbers are written in full precision (the shortest text that reads
// back to the same double); a value that does not exist is an empty field, never 0 or NaN.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kinerja/calibration.hpp"
#include "kinerja/dataset.hpp"
#include "kinerja/distribution_report.hpp"
#include "kinerja/export.hpp"
#include "kinerja/ikm_report.hpp"
#include "kinerja/projection.hpp"
#include "kinerja/score.hpp"
#include "kinerja/trend_series.hpp"

namespace kinerja {
inline namespace v1 {

/// File format of the result tables: CSV (default) or JSON (an array of objects per file,
/// numbers as numbers, no value = null). The file names end in .csv or .json.
enum class OutputFormat : std::uint8_t { Csv, Json };

/// Writes indicator_scores.csv, employee_scores.csv and unit_scores.csv into `folder` (created
/// if needed). Returns the paths written. Throws kinerja::error(errc::IoError).
KIN_CXX_API std::vector<std::string> write_score_tables(const Dataset& dataset, const ScoreResult& result,
                                                        const std::string& folder,
                                                        OutputFormat format = OutputFormat::Csv);

/// Writes distribution_check.csv (one row per checked unit) and distribution_suggestions.csv.
KIN_CXX_API std::vector<std::string> write_distribution_tables(const Dataset& dataset, const DistributionReport& report,
                                                               const std::string& folder,
                                                               OutputFormat format = OutputFormat::Csv);

/// Writes ikm.csv (one row per surveyed unit).
KIN_CXX_API std::vector<std::string> write_ikm_table(const Dataset& dataset, const IkmReport& report,
                                                     const Period& period, const std::string& folder,
                                                     OutputFormat format = OutputFormat::Csv);

/// Writes rater_effects.csv (one row per rater), ratee_scores.csv (one row per ratee or rated
/// employee), reliability.csv and rater_flags.csv (one row per flag) for a calibration.
KIN_CXX_API std::vector<std::string> write_calibration_tables(const Dataset& dataset, const CalibrationResult& result,
                                                              const std::string& folder,
                                                              OutputFormat format = OutputFormat::Csv);

/// Writes trends.csv: one row per series with its statistics, and for indicators the year-end
/// projection of `projection` (may be null; then those columns are empty).
KIN_CXX_API std::vector<std::string> write_trend_table(const Dataset& dataset, const SeriesTable& series,
                                                       const TrendTable& trends, const ProjectionResult* projection,
                                                       const std::string& folder,
                                                       OutputFormat format = OutputFormat::Csv);

}  // namespace v1
}  // namespace kinerja
