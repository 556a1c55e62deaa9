// kinerja: synthetic datasets of national scale (`kinerja generate`, docs/generate.md).
//
// The generator models the Indonesian civil service: agencies (ministries and LPNK, provinces,
// kabupaten, kota) of realistic sizes, a unit tree per agency, employees with valid NIPs, unit
// heads and rater chains, IKU per unit and RHK/IKI per employee and year, monthly or quarterly
// realisations (level, trend, seasonality, noise, gaps, change points), annual ratings, 360
// degree feedback with planted lenient and severe raters, predikat kinerja organisasi and IKM
// surveys. Every file follows docs/dataset-format.md and loads without errors.
//
// Determinism: the output depends only on the options (never on the clock, the machine, the
// standard library or the thread count). The random numbers come from a fixed generator
// (xoshiro256**, seeded by splitmix64 from the seed, the agency and the purpose), the normal
// variates are built from uniforms with additions only, and no transcendental libm function
// touches a value that is written. Identical options give byte-identical files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kinerja/dataset.hpp"
#include "kinerja/export.hpp"

namespace kinerja {
inline namespace v1 {

/// What to generate. The defaults keep a national dataset (5.4 M employees, two years) at
/// about 10 GB in memory; see docs/generate.md for the sizes per option.
struct GeneratorOptions {
  /// Number of employees (ASN), exactly. At least 1.
  std::size_t employees = 10000;
  /// Seed of every random choice. The same options give the same bytes.
  std::uint64_t seed = 1;
  /// Performance years, inclusive (1900..2100, first_year <= last_year).
  int first_year = 2024;
  int last_year = 2025;
  /// Months of `last_year` with realisations (1..12). Below 12 the last year is year-to-date:
  /// realisations stop at that month, and instead of an annual rating every employee gets a
  /// periodic (quarterly) rating for each completed quarter.
  int as_of_month = 12;
  /// Mean number of RHK per employee and year (3..10; the count is 3..10, skewed to 3).
  double mean_rhk = 3.3;
  /// Mean number of IKI per RHK (1..3; the count is 1..3, skewed to 1).
  double mean_iki_per_rhk = 1.1;
  /// Share (0..1) of owners (a unit's IKU, an employee's IKI, per year) reported quarterly
  /// instead of monthly.
  double quarterly_share = 0.7;
  /// Share (0..1) of agencies that run 360 degree feedback (feedback.csv).
  double feedback_share = 0.05;
  /// BerAKHLAK values scored per rater-ratee pair (1..7; the first ones of
  /// berorientasi_pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif).
  int feedback_aspects = 7;
  /// Share (0..1) of feedback raters planted as lenient, and as severe: their scores (and the
  /// ratings of their team) are shifted up or down, so that calibration has something to find.
  double lenient_share = 0.03;
  double severe_share = 0.03;
  /// Share (0..1) of PPPK among the employees (the rest are PNS; unit heads are always PNS).
  double pppk_share = 0.32;
  /// Share (0..1) of leaf units that are service units with an IKM survey each year.
  double survey_share = 0.1;
  /// Largest number of survey respondents per unit and year (10..1000).
  int max_respondents = 150;
  /// Give every IKI a name (text from its template). Off saves about 30 bytes per IKI in
  /// memory; IKU always have names.
  bool iki_names = false;
  /// Called with the fraction done (0..1), a few hundred times at most, from the calling
  /// thread. May be empty.
  std::function<void(double fraction)> progress;
};

/// Rows written per table, and who was planted.
struct GeneratorReport {
  std::vector<TableSummary> tables;  ///< the 8 files, in dataset-format order
  std::size_t agencies = 0;
  std::size_t units = 0;
  std::size_t feedback_agencies = 0;  ///< agencies with 360 degree feedback
  /// NIPs of the planted lenient and severe raters that gave at least one feedback score
  /// (other than to themselves), in generation order.
  std::vector<std::string> lenient_raters;
  std::vector<std::string> severe_raters;
};

/// Expected size of a generated dataset, without generating it.
struct GeneratorEstimate {
  struct Table {
    std::string name;        ///< file name
    double rows = 0;         ///< expected rows
    double memory_bytes = 0; ///< expected bytes in a Dataset (columns, ids, names, index)
    double file_bytes = 0;   ///< expected CSV bytes
  };
  std::vector<Table> tables;  ///< the 8 files, in dataset-format order
  std::size_t agencies = 0;
  std::size_t units = 0;      ///< exact (the unit trees are built, nothing else)
  double memory_bytes = 0;    ///< sum over the tables
  double file_bytes = 0;
};

/// Throws kinerja::error(errc::InvalidArgument) naming the first option outside its range.
KIN_CXX_API void check_generator_options(const GeneratorOptions& options);

/// Builds the dataset in memory, exactly the tables load_dataset() would give for the folder
/// written by generate_folder() with the same options. The realisation index is built and
/// every table source is marked present (no file, no lines). `report`, when given, receives
/// the row counts and the planted raters.
KIN_CXX_API Dataset generate_dataset(const GeneratorOptions& options, GeneratorReport* report = nullptr);

/// Streams the 8 CSV files into `folder` (created if needed), one agency at a time: memory
/// stays bounded by the largest agency. All or nothing: the files are written under temporary
/// names and renamed at the end, so a failure leaves the folder as it was. Throws
/// kinerja::error (InvalidArgument, IoError).
KIN_CXX_API void generate_folder(const GeneratorOptions& options, const std::string& folder,
                                 GeneratorReport* report = nullptr);

/// Expected rows and bytes per table for `options` (builds only the agency and unit plan).
KIN_CXX_API GeneratorEstimate estimate_dataset(const GeneratorOptions& options);

}  // namespace v1
}  // namespace kinerja
