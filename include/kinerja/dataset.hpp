// kinerja: the in-memory dataset, one columnar table per file of docs/dataset-format.md.
//
// Tables are structs of columns (a DataColumn per field, kinerja/column.hpp: a std::vector that
// may live in a mapped snapshot file) so that analyses stream over exactly the fields they need
// and a national dataset fits in memory: string ids are interned once (IdPool) and every
// reference is a dense 32-bit row index. A realisation row costs 16 bytes.
//
// Invariants after a successful load (Diagnostics without errors):
//  * every Index column holds a valid row of the referenced table, or no_index where the
//    field is optional and was empty;
//  * the unit tree, the rater chain and the indicator cascade have no cycles;
//  * optional numbers that were empty hold NaN (see the `has_*` helpers); present numbers are
//    finite.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kinerja/column.hpp"
#include "kinerja/export.hpp"
#include "kinerja/grade.hpp"
#include "kinerja/id_pool.hpp"
#include "kinerja/nip.hpp"
#include "kinerja/period.hpp"
#include "kinerja/vocabulary.hpp"

namespace kinerja {
inline namespace v1 {

/// Where the rows of a table came from, for messages that point back into the file.
struct TableSource {
  std::string file;  ///< path of the CSV file; empty if built in memory or absent
  RowLines lines;    ///< row -> line
  bool present = false;
};

/// units.csv: the organisation tree (unit kerja).
struct UnitTable {
  IdPool ids;                  ///< unit_id -> row
  TextColumn name;
  DataColumn<Index> parent;    ///< row of parent_id, no_index for a root
  DataColumn<Index> agency;    ///< row in `agencies`, no_index if empty
  IdPool agencies;             ///< agency_id values
  TableSource source;
  std::size_t size() const noexcept { return parent.size(); }
};

/// employees.csv: one row per ASN.
struct EmployeeTable {
  IdPool nips;                        ///< nip (18 digits) -> row
  TextColumn name;
  DataColumn<Index> unit;             ///< row in UnitTable
  DataColumn<Index> rater;            ///< row of the Pejabat Penilai, no_index if none
  DataColumn<EmploymentStatus> status;
  DataColumn<Grade> grade;            ///< empty Grade if not given
  DataColumn<Position> position;      ///< Position::Unknown if not given
  TableSource source;
  std::size_t size() const noexcept { return unit.size(); }
};

/// indicators.csv: unit IKU and employee IKI.
struct IndicatorTable {
  IdPool ids;                          ///< indicator_id -> row
  DataColumn<OwnerType> owner_type;
  DataColumn<Index> owner;             ///< row in UnitTable or EmployeeTable, per owner_type
  DataColumn<std::int16_t> year;
  TextColumn name;
  DataColumn<Index> rhk;               ///< row in `rhks`, no_index if empty
  IdPool rhks;                         ///< rhk_id values
  DataColumn<IndicatorKind> kind;
  DataColumn<Aspect> aspect;
  DataColumn<Index> unit_of_measure;   ///< row in `units_of_measure`, no_index if empty
  IdPool units_of_measure;
  DataColumn<Polarity> polarity;
  DataColumn<double> target;
  DataColumn<double> target_upper;     ///< NaN unless the polarity has a target range
  DataColumn<double> weight;           ///< NaN if empty (equal weights within the owner-year)
  DataColumn<Accumulation> accumulation;
  DataColumn<Index> parent;            ///< cascading parent (intervensi), no_index if none
  DataColumn<std::uint8_t> target_is_max;
  TableSource source;
  std::size_t size() const noexcept { return owner.size(); }
  bool has_target_upper(std::size_t row) const noexcept { return !std::isnan(target_upper[row]); }
  bool has_weight(std::size_t row) const noexcept { return !std::isnan(weight[row]); }
};

/// realizations.csv: realised values per indicator and period.
struct RealizationTable {
  DataColumn<Index> indicator;
  DataColumn<Period> period;
  DataColumn<double> value;
  TableSource source;
  /// Index by indicator (compressed rows): the realisations of indicator i are the rows
  /// order[offsets[i]] .. order[offsets[i + 1] - 1], in file order; when the rows are already
  /// grouped by indicator in increasing order (the usual export), `order` is empty and the rows
  /// are offsets[i] .. offsets[i + 1] - 1 directly. Built by build_index().
  DataColumn<std::uint64_t> offsets;
  DataColumn<Index> order;
  /// Per indicator: 1 when its rows are in strictly increasing period order and none covers the
  /// whole year, so its year value needs only the values (the last row is the latest period).
  DataColumn<std::uint8_t> in_period_order;
  std::size_t size() const noexcept { return indicator.size(); }
  /// (Re)builds `offsets` and `order` for `indicator_count` indicators, in linear time.
  KIN_CXX_API void build_index(std::size_t indicator_count);
  bool has_index() const noexcept { return !offsets.empty(); }
  /// Row of the k-th realisation in the index (k in offsets[i] .. offsets[i + 1]).
  std::size_t row_at(std::uint64_t k) const noexcept { return order.empty() ? k : order[k]; }
};

/// ratings.csv: the Penilai's categorical ratings.
struct RatingTable {
  DataColumn<Index> employee;
  DataColumn<Period> period;
  DataColumn<Rating> result;
  DataColumn<Rating> behavior;
  DataColumn<Index> rater;                  ///< no_index if not given
  DataColumn<std::uint8_t> innovation;      ///< 1 if the employee created a new idea or method
  TableSource source;
  std::size_t size() const noexcept { return employee.size(); }
};

/// feedback.csv: multi-source numeric scores.
struct FeedbackTable {
  DataColumn<Period> period;
  /// Row in EmployeeTable; no_index for a rater outside the dataset (allowed only for the
  /// `public` source, whose raters are citizens; see `external_rater`).
  DataColumn<Index> rater;
  DataColumn<Index> external_rater;         ///< row in `external_raters`, or no_index
  IdPool external_raters;
  DataColumn<Index> ratee;
  DataColumn<FeedbackSource> source;
  DataColumn<double> score;
  DataColumn<Index> aspect;                 ///< row in `aspects`, no_index if empty
  IdPool aspects;
  TableSource source_file;
  std::size_t size() const noexcept { return ratee.size(); }
};

/// org_ratings.csv: predikat kinerja organisasi per unit and period.
struct OrgRatingTable {
  DataColumn<Index> unit;
  DataColumn<Period> period;
  DataColumn<OrgPredikat> predikat;
  TableSource source;
  std::size_t size() const noexcept { return unit.size(); }
};

/// surveys.csv: IKM answers (PermenPANRB 14/2017), nine unsur per respondent.
struct SurveyTable {
  static constexpr int unsur_count = 9;
  DataColumn<Index> unit;
  DataColumn<Period> period;
  DataColumn<Index> respondent;             ///< row in `respondents`
  IdPool respondents;
  /// answers[row * 9 + u] in 1..4, 0 when not answered.
  DataColumn<std::uint8_t> answers;
  TableSource source;
  std::size_t size() const noexcept { return unit.size(); }
  std::uint8_t answer(std::size_t row, int unsur) const noexcept {
    return answers[row * unsur_count + static_cast<std::size_t>(unsur)];
  }
};

/// Row count of one table, for summaries.
struct TableSummary {
  std::string name;   ///< file name, e.g. "employees.csv"
  bool present = false;
  std::size_t rows = 0;
};

/// A whole dataset: one folder of CSV files.
class KIN_CXX_API Dataset {
 public:
  std::string folder;  ///< where it was loaded from; empty if built in memory
  UnitTable units;
  EmployeeTable employees;
  IndicatorTable indicators;
  RealizationTable realizations;
  RatingTable ratings;
  FeedbackTable feedback;
  OrgRatingTable org_ratings;
  SurveyTable surveys;

  /// One entry per table, in dataset-format order.
  std::vector<TableSummary> summary() const;
  /// Approximate bytes held by all tables (on the heap, or in a mapped snapshot file).
  std::size_t memory_bytes() const noexcept;
};

}  // namespace v1
}  // namespace kinerja
