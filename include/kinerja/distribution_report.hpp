// kinerja: the distribution curve checked for every unit of a dataset, with suggestions.
//
// For a period P (an annual "2025" or a periodic "2025-Q3" evaluation), each unit's employees
// with a rating for P get their predikat from the PermenPANRB 6/2022 matrix; the counts are
// checked against the curve of the unit's predikat kinerja organisasi for P (org_ratings.csv)
// with check_distribution(), and for every unit that breaks a hard rule a small set of changes
// is suggested with suggest_distribution_changes(), ranked by evidence: the employee's weighted
// capaian of P's year (score()), or, without indicators, the mean of the feedback received in
// P's year (given a calibration, the calibrated feedback score). Units with fewer than
// `distribution.pool_smaller_than` rated employees are checked
// together with their parent unit, whose organisation predikat then applies.
#pragma once

#include <string>
#include <vector>

#include "kinerja/calibration.hpp"
#include "kinerja/dataset.hpp"
#include "kinerja/distribution.hpp"
#include "kinerja/export.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/threads.hpp"

namespace kinerja {
inline namespace v1 {

/// One checked group: a unit, plus the small units pooled into it.
struct UnitDistribution {
  Index unit = no_index;
  OrgPredikat org_predikat = OrgPredikat::Baik;
  PredikatCounts counts{};
  DistributionCheck check;
  std::vector<Index> pooled_units;  ///< units whose employees were checked with this one
};

/// A suggested change for one employee (always a suggestion: the Penilai decides).
struct DistributionSuggestion {
  Index unit = no_index;
  Index employee = no_index;
  Predikat from = Predikat::Baik;
  Predikat to = Predikat::Baik;
  double evidence = 0;  ///< NaN when the employee had none
  std::string reason;
};

struct DistributionReport {
  Period period;
  std::vector<UnitDistribution> units;  ///< units with an organisation predikat and rated employees
  std::vector<DistributionSuggestion> suggestions;
  std::vector<Index> units_without_org_predikat;  ///< rated employees but no org predikat for P
  std::size_t rated_employees = 0;
};

/// Checks every unit for period `period` under the pack's distribution settings. Requires a
/// rule pack of the 6/2022 regime (throws errc::InvalidArgument otherwise).
KIN_CXX_API DistributionReport check_distributions(const Dataset& dataset, const Period& period,
                                                   const RulePack& rules, Threads threads = {});

/// The same, with the calibrated feedback score (CalibrationResult::fair_score) as the evidence of
/// employees without a capaian instead of the raw mean feedback, so that a lenient or severe rater
/// no longer decides who is suggested. `calibration` must come from calibrate() on `dataset`.
KIN_CXX_API DistributionReport check_distributions(const Dataset& dataset, const Period& period,
                                                   const RulePack& rules, const CalibrationResult& calibration,
                                                   Threads threads = {});

}  // namespace v1
}  // namespace kinerja
