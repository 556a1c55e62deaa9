// kinerja: year-end projection of each indicator, with an early warning.
//
// project_year_end() answers, part way through a performance year, "where will this indicator
// end, and will it meet its target?". For every indicator of the year:
//
//  1. Period values known at `as_of`: the monthly or quarterly realisations of the year whose
//     period ends on or before the last day of `as_of`. The year is closed (status `final`) when
//     a whole-year realisation is known at `as_of` (its period ends on or before as_of, i.e.
//     as_of reaches 31 December), or when the year's last period (December, or Q4) is observed;
//     the projected value is then the year value of score() and the interval has zero width.
//  2. A least-squares line y = a + b x of the period values on real time: x is the month in
//     which the period ends (January 1 ... December 12, Q1 3 ... Q4 12), so gaps stay gaps and
//     `slope` is per month for both granularities.
//  3. The remaining periods: those of the same granularity after the last observed one, up to
//     December (or Q4). Missing periods before the last observed one are not filled in.
//  4. The projected year value by the indicator's accumulation, with m remaining periods at
//     times x_j, predictions yhat_j = a + b x_j, n observed periods with sum S, and
//     s^2 = SSE / (n - 2):
//       sum   S + sum_j yhat_j; Var = s^2 [m + a^T (X^T X)^-1 a] with a = sum_j (1, x_j), the
//             prediction variance of a sum of m future values;
//       last  yhat at the year's final period; Var = s^2 [1 + 1/n + (12 - xbar)^2 / Sxx];
//       mean  (S + sum_j yhat_j) / (n + m), the standard error of `sum` divided by (n + m);
//       max   max(observed max, max_j yhat_j); the interval is a heuristic: its ends are
//             max(observed max, max_j of the ends of each future value's own prediction
//             interval). The pointwise intervals are not simultaneous, so the coverage of this
//             interval is only approximate;
//       min   the same with min.
//     The interval is yhat +- t(1 - (1 - level)/2, n - 2) sqrt(Var), Student t with n - 2
//     degrees of freedom (level 0.90 by default); an exact line or a constant series gives a
//     zero-width interval.
//  5. Short series (kinerja's choice): 2 periods give the line through both points, 1 period
//     is carried forward (every remaining period equals it, slope NaN). Both give a projected
//     value and capaian but no interval (lower, upper and both interval capaian NaN) and status
//     `insufficient_data`.
//  6. Capaian of the projection and over the interval by achievement_percent() with the pack's
//     AchievementPolicy, then the cap. achievement_low / achievement_high are the lowest and
//     highest capaian of any value in [lower, upper]: for polarity max they sit at lower/upper,
//     for min the other way round, and for the range polarities, whose capaian is not monotone,
//     the bounds of the target range inside the interval count too. With the minimize formula
//     T / R, a value of exactly 0 counts as the cap (the limit as R falls to 0), where score()
//     reports zero_realization.
//  7. The status: on_track when achievement_low >= on_track_at_least, off_track when
//     achievement_high < off_track_under, at_risk otherwise. The thresholds (both 100 by
//     default) are kinerja's choice: no regulation sets an early-warning rule.
//
// Statuses are checked in this order: invalid_target (the target cannot be divided by; the
// projection is still given), final, no_data (no period value known at as_of),
// unsupported_periods (day periods among the period values, or months and quarters mixed: no
// projection), insufficient_data, then on_track / off_track / at_risk.
//
// project_year_end() does no I/O and needs a dataset loaded without errors. A dataset without the
// realisation index (RealizationTable::build_index) is indexed on a copy, as score() does.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "kinerja/dataset.hpp"
#include "kinerja/export.hpp"
#include "kinerja/period.hpp"
#include "kinerja/rules.hpp"

namespace kinerja {
inline namespace v1 {

/// The early warning of one indicator.
enum class ProjectionStatus : std::uint8_t {
  OnTrack = 0,         ///< even the pessimistic end of the interval reaches on_track_at_least
  AtRisk,              ///< the interval straddles the thresholds
  OffTrack,            ///< even the optimistic end stays under off_track_under
  Final,               ///< the year is closed: the value is known, not projected
  NoData,              ///< no period value known at as_of
  InsufficientData,    ///< 1 or 2 period values: a projection without an interval
  InvalidTarget,       ///< the target cannot be divided by (<= 0, or an empty range)
  UnsupportedPeriods,  ///< day periods, or months and quarters mixed, in the year
};

/// "on_track", "at_risk", "off_track", "final", "no_data", "insufficient_data", "invalid_target",
/// "unsupported_periods".
KIN_CXX_API std::string_view to_string(ProjectionStatus status) noexcept;

/// Settings of the projection; the defaults are kinerja's choices (see the file comment).
struct ProjectionOptions {
  double level = 0.90;               ///< two-sided level of the prediction interval, in (0, 1)
  double on_track_at_least = 100.0;  ///< capped capaian % that the pessimistic end must reach
  double off_track_under = 100.0;    ///< capped capaian % that the optimistic end stays under
};

/// One row per indicator of the year, in indicators.csv order. NaN marks a value that the
/// row's status does not define.
struct ProjectionResult {
  int year = 0;
  Period as_of;
  double level = 0.90;
  std::vector<Index> indicator;                  ///< row in IndicatorTable
  std::vector<std::uint32_t> observed_periods;   ///< period values used (1 for a whole-year value)
  std::vector<std::uint32_t> remaining_periods;  ///< periods projected
  /// The latest period used; Period::year(year) when none was (observed_periods 0) or for a
  /// whole-year value.
  std::vector<Period> last_observed;
  std::vector<double> projected;         ///< projected (or final) year value
  std::vector<double> lower;             ///< lower end of the prediction interval
  std::vector<double> upper;             ///< upper end
  std::vector<double> achievement;       ///< capped capaian % of `projected`
  std::vector<double> achievement_low;   ///< lowest capped capaian % over [lower, upper]
  std::vector<double> achievement_high;  ///< highest capped capaian % over [lower, upper]
  std::vector<ProjectionStatus> status;
  std::vector<double> slope;  ///< fitted change per month; NaN with fewer than 2 periods
  std::size_t size() const noexcept { return indicator.size(); }
};

/// Projects every indicator of `year` to the year end from the realisations known at `as_of`.
/// Throws errc::InvalidArgument when options.level is outside (0, 1), a threshold is not finite,
/// or off_track_under > on_track_at_least.
KIN_CXX_API ProjectionResult project_year_end(const Dataset& dataset, int year, Period as_of, const RulePack& rules,
                                              const ProjectionOptions& options = {});

/// The projection.* settings of a rule pack (projection.level, projection.on_track_at_least,
/// projection.off_track_under) as options.
KIN_CXX_API ProjectionOptions projection_options(const RulePack& rules);

/// Quantile of Student's t distribution with `df` > 0 degrees of freedom at probability p in
/// (0, 1), from kinerja's own t distribution function (accurate to about 1e-12). Throws
/// errc::InvalidArgument outside those domains.
KIN_CXX_API double student_t_quantile(double p, double df);

}  // namespace v1
}  // namespace kinerja
