// kinerja: scoring a performance year under a rule pack.
//
// score() turns a validated Dataset into three tables, one row per indicator, employee and unit
// of the year (the output files indicator_scores.csv, employee_scores.csv, unit_scores.csv):
//
//  1. year value of each indicator from its period values, by its accumulation (sum, last, mean,
//     max, min); a realisation for the whole year (period "2025") is the year value itself;
//  2. capaian by polarity and the pack's AchievementPolicy, then the cap;
//  3. weighted aggregate per owner: sum(w_i * cap(C_i)) / sum(w_i) over the utama indicators,
//     equal weights when the owner gives none, missing capaian excluded (or 0, per pack);
//  4. per rule set: the predikat (6/2022 matrix from ratings.csv; 8/2021 nilai kinerja; PP 46/2011
//     nilai prestasi kerja) and per unit the counts per predikat.
//
// score() does no I/O. Call it on a dataset loaded without errors; a year without indicators
// gives empty indicator rows (employees and units are still listed). load_dataset() builds the
// realisation index; for a dataset built in memory without RealizationTable::build_index() (or
// changed since), score() builds one on a copy of the realisations, which costs their memory.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kinerja/achievement.hpp"
#include "kinerja/dataset.hpp"
#include "kinerja/error.hpp"
#include "kinerja/export.hpp"
#include "kinerja/predikat.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/threads.hpp"

namespace kinerja {
inline namespace v1 {

/// One row per indicator of the year, in indicators.csv order.
struct IndicatorScores {
  std::vector<Index> indicator;           ///< row in IndicatorTable
  std::vector<double> realization;        ///< year value after accumulation; NaN if none
  std::vector<std::uint32_t> periods;     ///< number of period values used
  std::vector<double> achievement;        ///< capaian %, before the cap; NaN unless status Ok
  std::vector<double> capped_achievement; ///< after the cap
  std::vector<double> weight;             ///< weight in the owner's aggregate (equal weights: 1)
  std::vector<IndicatorStatus> status;
  /// PermenPANRB 8/2021 nilai IKI, or the PP 46/2011 aspect value; NaN when undefined. Empty
  /// (size 0) under permenpanrb-6-2022.
  std::vector<double> nilai;
  /// Indicators cascading from this one, and the mean of their capped capaian (NaN if none; the
  /// children belong to different owners, so their weights are not used). Both empty (size 0)
  /// when no indicator of the year has a parent_id.
  std::vector<std::uint32_t> children;
  std::vector<double> children_achievement;
  std::size_t size() const noexcept { return indicator.size(); }
};


/// One row per employee.
struct EmployeeScores {
  std::vector<Index> employee;
  std::vector<double> result_score;    ///< weighted capped capaian of the utama IKI (6/2022), nilai SKP (8/2021, PP 46)
  std::vector<double> behavior_score;  ///< nilai perilaku (8/2021, PP 46); NaN under 6/2022
  std::vector<double> final_score;     ///< nilai kinerja / nilai prestasi kerja; NaN under 6/2022
  std::vector<std::int8_t> result_rating;    ///< Rating, or no_value
  std::vector<std::int8_t> behavior_rating;  ///< Rating, or no_value
  std::vector<std::int8_t> predikat;         ///< index into predikat_labels(rule set), or no_value
  std::vector<std::int8_t> suggested_result_rating;  ///< a non-normative suggestion, or no_value
  std::vector<std::uint32_t> indicators;     ///< IKI of the year counted in result_score
  std::vector<std::uint32_t> indicators_scored;  ///< of those, with a capaian
  std::size_t size() const noexcept { return employee.size(); }
};

/// One row per unit.
struct UnitScores {
  std::vector<Index> unit;
  std::vector<double> iku_achievement;  ///< weighted capped capaian of the unit's own IKU; NaN if none
  /// Roll-up of the unit tree: the mean of iku_achievement over the unit and every unit below it
  /// that has one (each unit counts once); NaN if none has.
  std::vector<double> subtree_iku_achievement;
  std::vector<std::uint32_t> subtree_units;  ///< units counted in subtree_iku_achievement
  std::vector<std::uint32_t> iku;       ///< IKU of the year
  std::vector<std::uint32_t> employees; ///< employees of the unit (direct members)
  std::vector<PredikatCounts> counts;   ///< employees per predikat, in predikat_labels order
  std::size_t size() const noexcept { return unit.size(); }
};

namespace detail {
/// Running sums of one owner (employee, unit or cascade parent) inside score_into().
struct OwnerSums {
  double weighted_sum = 0, weight_total = 0;  ///< over indicators with an explicit weight
  double equal_sum = 0;                       ///< every included indicator with weight 1
  std::uint32_t equal_count = 0, counted = 0, scored = 0, weighted = 0;
};
}  // namespace detail

struct ScoreResult {
  int year = 0;
  RuleSet rule_set = RuleSet::PermenPanRb6_2022;
  std::string rule_pack;  ///< RulePack::label()
  IndicatorScores indicators;
  EmployeeScores employees;
  UnitScores units;
  /// Findings that do not stop scoring (e.g. an owner mixing given and empty weights).
  std::vector<Diagnostic> warnings;
  /// Scratch space of score_into(), kept between calls so that scoring again allocates nothing
  /// (on a national dataset a fresh allocation costs more than the computation). Not a result.
  std::vector<detail::OwnerSums> workspace;
};

/// The five predikat of a rule set, best first: the column names of unit_scores.csv and the
/// values of employee_scores.csv's predikat.
KIN_CXX_API const std::array<std::string_view, 5>& predikat_labels(RuleSet rule_set) noexcept;

/// Scores year `year` of a validated dataset under `rules`, on `threads` (the result is the same
/// for any count).
KIN_CXX_API ScoreResult score(const Dataset& dataset, int year, const RulePack& rules, Threads threads = {});

/// The same, into an existing result whose buffers are reused: scoring many years, packs or
/// datasets in a loop then allocates nothing after the first call.
KIN_CXX_API void score_into(const Dataset& dataset, int year, const RulePack& rules, ScoreResult& out,
                            Threads threads = {});

}  // namespace v1
}  // namespace kinerja
