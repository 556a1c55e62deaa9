// kinerja: calibration across raters for one evaluation period, the analysis behind
// `kinerja calibrate`.
//
// calibrate(dataset, period, rules) puts the calibration modules together on the feedback.csv
// rows of `period` (exactly that period):
//
//  1. multi-source aggregation per ratee and aspect (multisource.hpp, the feedback.* settings);
//  2. rater screening: leniency, severity, central tendency, halo, straight-lining, reciprocal
//     peer inflation, a distribution unlike the unit's (rater_diagnostics.hpp, raters.*);
//  3. a rater-effect model over the scores of supervisors, peers and subordinates (self ratings
//     and citizens' scores are left out: a self rating says nothing about the rater's severity,
//     and citizens have no identity across ratees), with the aspects as fixed effects:
//     `calibration.model` = random (crossed random effects by REML, as lme4; the default) or
//     fixed (least squares, comparable only inside a connected part of the design);
//  4. the calibrated ("fair") score of every ratee: what a typical rater would give on a typical
//     aspect, on the original scale, with a 95% interval:
//       random: intercept + BLUP(ratee) +- 1.96 x conditional sd
//       fixed:  mu(component) + effect(ratee) +- 1.96 x standard error
//     The random-effects interval leaves out the uncertainty of the intercept (as lme4's
//     conditional variances do); it is a statement about the ratee's effect.
//  5. reliability of the feedback: intraclass correlations from the variance components (the
//     mixed-model form for sparse designs, where the ANOVA forms of reliability.hpp need a
//     complete targets x raters table) and Krippendorff's alpha (interval and ordinal) with the
//     ratee-aspect pairs as units;
//  6. back to the regulation (PermenPANRB 6/2022 packs, `calibration.behavior_ratings` =
//     matched): among the employees with a behaviour rating for `period` in ratings.csv and a
//     fair score, two cut scores split the fair-score scale so that ranking by fair score would
//     give as many above / meets / below as the Penilai gave (the midpoints between neighbours at
//     the two boundaries). An employee gets a *suggested* behaviour rating from the band of the
//     fair score only when the whole 95% interval lies outside the band of the rating given;
//     otherwise the suggestion is the rating given. With it comes the predikat of the 3x3 matrix
//     with the employee's own result rating. Always a suggestion: under Pasal 25 the Penilai
//     decides.
//
// Degenerate designs are not errors: fewer than two ratees or raters, every score equal, a
// period without feedback. The model is then not fitted (`model_status` says why), the fair
// scores stay empty and everything else is still reported.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kinerja/dataset.hpp"
#include "kinerja/export.hpp"
#include "kinerja/multisource.hpp"
#include "kinerja/predikat.hpp"
#include "kinerja/rater_diagnostics.hpp"
#include "kinerja/reliability.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/threads.hpp"

namespace kinerja {
inline namespace v1 {

/// The rater-effect model (`calibration.model`).
enum class RaterModel : std::uint8_t { Random = 0, Fixed };

/// Whether the model could be fitted.
enum class ModelStatus : std::uint8_t {
  Fitted = 0,
  NoScores,       ///< no supervisor, peer or subordinate score in the period
  TooFewRatees,   ///< fewer than two ratees with scores
  TooFewRaters,   ///< fewer than two raters with scores
  Unidentified,   ///< the design cannot separate the effects (e.g. one score per ratee); see model_message
};

KIN_CXX_API std::string_view to_string(RaterModel value) noexcept;
KIN_CXX_API std::string_view to_string(ModelStatus value) noexcept;

/// One reliability statistic of the period's feedback.
struct ReliabilityRow {
  std::string statistic;  ///< e.g. "icc_agreement_single", "krippendorff_alpha_interval"
  std::string basis;      ///< how it was computed, for people
  double value = 0;       ///< NaN when `status` is not "ok"
  double lower = 0;       ///< interval at 95%; NaN when none is computed
  double upper = 0;
  double raters = 0;      ///< raters per unit behind an average-rater form (harmonic mean); NaN otherwise
  std::size_t units = 0;  ///< ratees (ICC) or pairable ratee-aspect units (alpha)
  std::string status;     ///< "ok", or why there is no value
};

/// Everything calibrate() finds. Per-employee columns are indexed by EmployeeTable row.
struct CalibrationResult {
  Period period;
  std::string rule_pack;  ///< RulePack::label()
  RaterModel model = RaterModel::Random;
  ModelStatus model_status = ModelStatus::NoScores;
  std::string model_message;  ///< details when not fitted

  MultiSourceScores feedback;  ///< step 1
  RaterDiagnostics raters;     ///< step 2

  // Step 3: the model (meaningful when model_status == Fitted).
  std::size_t observations = 0;  ///< scores in the model
  std::size_t components = 0;    ///< connected parts of the ratee-rater design
  double intercept = 0;          ///< level of a typical rater on a typical aspect (random model)
  double ratee_variance = 0, rater_variance = 0, residual_variance = 0;  ///< random model
  double residual_sd = 0;        ///< fixed model: sqrt(rss / df); random model: sqrt(residual_variance)
  double reml_criterion = 0;     ///< random model
  bool converged = false, singular = false;
  std::vector<Index> component;       ///< per employee: part of the design; no_index if not in it
  std::vector<double> rater_effect;   ///< per employee as a rater: points above a typical rater; NaN if none
  std::vector<double> rater_se;       ///< conditional sd (random) or standard error (fixed)
  std::vector<std::uint32_t> rater_scores;  ///< scores the employee gave in the model
  std::vector<double> ratee_effect;   ///< per employee as a ratee; NaN if none
  std::vector<double> ratee_se;
  std::vector<std::uint32_t> ratee_scores;  ///< scores the employee received in the model
  std::vector<double> raw_mean;       ///< plain mean of the scores received in the model
  std::vector<double> fair_score;     ///< step 4; NaN when not a ratee or not fitted
  std::vector<double> fair_lower, fair_upper;

  std::vector<ReliabilityRow> reliability;  ///< step 5

  // Step 6 (6/2022 packs with calibration.behavior_ratings = matched); no_value elsewhere.
  std::vector<std::int8_t> result_rating;              ///< Rating from ratings.csv for the period
  std::vector<std::int8_t> behavior_rating;            ///< Rating from ratings.csv for the period
  std::vector<std::int8_t> suggested_behavior_rating;  ///< Rating, a suggestion
  std::vector<std::int8_t> predikat;                   ///< Predikat from the ratings
  std::vector<std::int8_t> suggested_predikat;         ///< Predikat with the suggested behaviour rating
  PredikatCounts counts_before{}, counts_after{};      ///< over the employees with both
  /// The cut scores on the fair-score scale: ranked by fair score, the employees from above_cut
  /// up would be as many as the Penilai rated above, those under below_cut as many as rated
  /// below. +-infinity when a rating was not given; NaN without suggestions.
  double above_cut = 0, below_cut = 0;
};

/// Calibrates the feedback of `period` under the feedback.*, raters.* and calibration.* settings
/// of `rules`. Throws errc::InvalidArgument for inconsistent settings (e.g. feedback.scale_min >=
/// feedback.scale_max) and errc::InvalidData for a score outside the scale (with its file and
/// line). Does no I/O. `threads` runs the rater-effect model (the result is the same for any
/// count).
KIN_CXX_API CalibrationResult calibrate(const Dataset& dataset, const Period& period, const RulePack& rules,
                                        Threads threads = {});

}  // namespace v1
}  // namespace kinerja
