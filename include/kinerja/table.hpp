// kinerja: result tables in memory.
//
// Every analysis result can be turned into the tables of its output files (docs/output-files.md),
// with the same names, columns and rows as the files, but typed and in memory: for programs that
// pass results on (a web service, the C API and its bindings) instead of writing files. A cell
// without a value (an empty field in the CSV file) is null.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
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

/// What a column holds. Integer columns hold counts and years; a column whose values mix kinds
/// in a table is Text (numbers in the CSV files' notation); a column without any value is Text.
enum class ColumnType : std::uint8_t { Text = 1, Number = 2, Integer = 3 };

/// "text", "number", "integer".
KIN_CXX_API std::string_view to_string(ColumnType type) noexcept;

/// One column: its values in the vector of its type (the others are empty), and which rows have
/// a value. A null cell holds NaN (Number), 0 (Integer) or "" (Text).
struct Column {
  std::string name;
  ColumnType type = ColumnType::Text;
  std::vector<double> numbers;
  std::vector<std::int64_t> integers;
  std::vector<std::string> texts;
  std::vector<std::uint8_t> present;  ///< 1 where the row has a value
  std::size_t size() const noexcept { return present.size(); }
};

/// A named table of equally long columns.
struct Table {
  std::string name;  ///< the output file's name without extension, e.g. "employee_scores"
  std::vector<Column> columns;
  std::size_t rows = 0;
  /// The column named `name`, or nullptr.
  KIN_CXX_API const Column* find(std::string_view name) const noexcept;
};

/// indicator_scores, employee_scores and unit_scores.
KIN_CXX_API std::vector<Table> score_tables(const Dataset& dataset, const ScoreResult& result);
/// distribution_check and distribution_suggestions.
KIN_CXX_API std::vector<Table> distribution_tables(const Dataset& dataset, const DistributionReport& report);
/// ikm.
KIN_CXX_API std::vector<Table> ikm_tables(const Dataset& dataset, const IkmReport& report, const Period& period);
/// rater_effects, ratee_scores, reliability and rater_flags.
KIN_CXX_API std::vector<Table> calibration_tables(const Dataset& dataset, const CalibrationResult& result);
/// trends (with the projection columns empty when `projection` is null).
KIN_CXX_API std::vector<Table> trend_tables(const Dataset& dataset, const SeriesTable& series,
                                            const TrendTable& trends, const ProjectionResult* projection);

}  // namespace v1
}  // namespace kinerja
