// kinerja: combining multi-source (360 degree) feedback into one score per employee and aspect.
//
// Under PermenPANRB 6/2022 the Pejabat Penilai decides the behaviour rating (perilaku kerja); the
// feedback of peers, subordinates, the employee and the public is evidence for that decision, not
// a rating. The regulation gives no numeric rule to combine the sources, so every step below is an
// option of MultiSourceOptions with a documented default, and none of the defaults is normative.
//
// aggregate_feedback(dataset, period, options) reads the rows of feedback.csv whose period equals
// `period` exactly (the rows of 2025-Q1 are not part of 2025) and gives one row per ratee and
// aspect, plus one overall row per ratee (aspect = no_index) over all of that ratee's scores.
// Rows without an aspect count only in the overall row. Steps, per output row:
//
//  1. Source means. A rater's value is the mean of the scores they gave in the row (in an aspect
//     row, their one score). The mean of a source is the mean of its raters' values, so in the
//     overall row a rater who scored 3 aspects weighs as much as one who scored 7. `raters` counts
//     distinct raters (an employee, or for the public source the citizen's id), `scores` the rows.
//  2. Anonymity. A source with fewer than `min_raters` distinct raters would let the ratee guess
//     who said what. The minimum applies to every source that is not in `anonymity_exempt`
//     (default: supervisor and self are exempt, so it applies to peer, subordinate and public).
//      * Withhold (default): the source's mean is hidden (NaN, status Withheld) and left out.
//      * Merge: when peer or subordinate is below the minimum, every present non-exempt peer and
//        subordinate score is pooled into one "colleagues" group (both sources get status Merged
//        and their own means are hidden). Pooling both, not only the small one, keeps a reader
//        from recovering the small group's mean by subtraction. The colleagues mean (the mean of
//        the pooled raters' values) is used with the sum of the pooled sources' weights if the
//        pool has at least `min_raters` distinct raters; otherwise it is withheld as well.
//        Public scores below the minimum are withheld under both policies.
//  3. Combined score. combined = sum(w_s * mean_s) / sum(w_s) over the sources that are used
//     (status Used): the weights are renormalised over the sources present, so a missing or
//     withheld source never counts as 0. Sources with weight 0 (self and public by default) are
//     reported with status Unweighted and do not enter. No used source: combined is NaN and
//     shrink_status is NoCombined.
//  4. Empirical-Bayes shrinkage (option, default on) of each combined score toward the mean of a
//     group of comparable ratees, separately for every aspect and for the overall rows:
//        c_i   = sum over used sources s of (w_s / W)^2 / r_s    (W = sum of used weights,
//                r_s = distinct raters of s; n_eff = 1 / c_i is the effective number of raters)
//        s^2   = pooled within-ratee variance of the raters' values around their source mean,
//                sum (y - mean_s)^2 / sum (r_s - 1) over every used source of every row of the
//                period with that aspect (all units together: the noise of a rater is a property
//                of the instrument, not of the unit)
//        group = the ratee's unit (EmployeeTable::unit) if at least `min_group_ratees` ratees of
//                the unit have a combined score for the aspect; else the agency of the unit
//                (UnitTable::agency) if it has that many; else every ratee of the period; else
//                no shrinkage (status TooFewRatees, B = 1)
//        m_g   = unweighted mean of the k combined scores of the group
//        tau^2 = max(0, S_g^2 - s^2 * mean_g(c)),  S_g^2 = sum (x - m_g)^2 / (k - 1)
//                (method of moments: the observed spread minus the mean noise variance)
//        B_i   = tau^2 / (tau^2 + s^2 * c_i), and B_i = 1 when s^2 * c_i = 0 (nothing to correct)
//        shrunk = m_g + B_i * (x_i - m_g)
//     When s^2 cannot be estimated (no used source of the aspect has two raters) the status is
//     NoWithinVariance and B = 1. With shrinkage off, shrunk = combined and B = 1 (Disabled).
//     Shrinkage pulls a score based on few raters toward the group; it is evidence for the
//     Penilai's discussion, not a correction of the Penilai's rating.
//
// Scores must lie on the declared scale [scale_min, scale_max]: a score of the period outside it
// makes aggregate_feedback throw errc::InvalidData naming the first such row (file and line of
// feedback.csv when the dataset was loaded from files) and the number of such rows. Nothing is
// clipped: a score off the scale usually means a different scale (1-5, 0-10) that needs
// converting, and a mean over mixed scales is meaningless.
//
// No column holds NaN without a status that says why: a source mean is NaN exactly when its
// status is Absent, Withheld or Merged; combined, shrunk and shrinkage are NaN exactly when
// shrink_status is NoCombined; shrink_target and between_variance are NaN unless the status is
// Shrunk; within_variance is NaN unless it could be estimated.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "kinerja/dataset.hpp"
#include "kinerja/export.hpp"
#include "kinerja/period.hpp"
#include "kinerja/vocabulary.hpp"

namespace kinerja {
inline namespace v1 {

/// Number of FeedbackSource values; arrays indexed by source have this size.
inline constexpr std::size_t feedback_source_count = 5;

/// What happens to a non-exempt source with fewer distinct raters than the minimum.
enum class AnonymityPolicy : std::uint8_t {
  Withhold,  ///< the source is hidden and left out of the combined score (default)
  Merge,     ///< peer and subordinate are pooled into one colleagues group, which must reach the minimum
};

/// How the sources of feedback are combined. Defaults are kinerja's choices, not the regulation's.
struct MultiSourceOptions {
  /// Weight of each source, indexed by FeedbackSource (supervisor, self, peer, subordinate,
  /// public). Finite and >= 0, at least one > 0. Only the ratios matter. Default 60/0/20/20/0:
  /// the Penilai's view dominates, self and public are reported but not mixed in.
  std::array<double, feedback_source_count> weights{60.0, 0.0, 20.0, 20.0, 0.0};
  /// Minimum distinct raters per source for its mean to be shown and used. 0 and 1 disable the
  /// rule. Default 3.
  std::uint32_t min_raters = 3;
  /// Sources to which min_raters does not apply, indexed by FeedbackSource. Default: supervisor
  /// (one known person by design) and self.
  std::array<bool, feedback_source_count> anonymity_exempt{true, true, false, false, false};
  /// Default Withhold.
  AnonymityPolicy below_minimum = AnonymityPolicy::Withhold;
  /// Empirical-Bayes shrinkage of the combined score toward the group mean. Default on.
  bool shrinkage = true;
  /// Minimum ratees with a combined score for a unit (then an agency, then the period) to serve
  /// as the shrinkage group. At least 2. Default 3.
  std::uint32_t min_group_ratees = 3;
  /// The scale of the scores; scale_min < scale_max, both finite. Default 0-100.
  double scale_min = 0.0;
  double scale_max = 100.0;
};

/// The state of one source (or the colleagues pool) in one output row.
enum class SourceStatus : std::uint8_t {
  Absent = 0,  ///< no score from this source; mean NaN
  Used,        ///< counted in the combined score
  Unweighted,  ///< shown but weight 0 (self and public by default); not in the combined score
  Withheld,    ///< fewer distinct raters than the minimum; mean hidden (NaN) and not used
  Merged,      ///< pooled into the colleagues group (AnonymityPolicy::Merge); own mean hidden (NaN)
};

/// The group a combined score was shrunk toward.
enum class ShrinkGroup : std::uint8_t { None = 0, Unit, Agency, All };

/// Why a row's shrinkage is what it is.
enum class ShrinkStatus : std::uint8_t {
  Shrunk = 0,        ///< B computed in shrink_group
  Disabled,          ///< MultiSourceOptions::shrinkage is off: shrunk = combined, B = 1
  NoCombined,        ///< no used source: combined, shrunk and B are NaN
  TooFewRatees,      ///< fewer than min_group_ratees ratees even in the whole period: B = 1
  NoWithinVariance,  ///< no used source of the aspect has two raters, s^2 unknown: B = 1
};

KIN_CXX_API std::string_view to_string(AnonymityPolicy value) noexcept;
KIN_CXX_API std::string_view to_string(SourceStatus value) noexcept;
KIN_CXX_API std::string_view to_string(ShrinkGroup value) noexcept;
KIN_CXX_API std::string_view to_string(ShrinkStatus value) noexcept;

/// Per-row figures of one source (or of the colleagues pool).
struct SourceColumns {
  std::vector<double> mean;           ///< mean of the raters' values; NaN unless Used or Unweighted
  std::vector<std::uint32_t> raters;  ///< distinct raters (also shown when withheld; 0 when absent)
  std::vector<std::uint32_t> scores;  ///< feedback rows
  std::vector<SourceStatus> status;
  std::size_t size() const noexcept { return mean.size(); }
};

/// One row per ratee and aspect, and one overall row per ratee (aspect = no_index), ratees in
/// employee order and, within a ratee, the overall row first and then the aspects in the order of
/// FeedbackTable::aspects. Only ratees with at least one score in the period appear.
struct MultiSourceScores {
  std::vector<Index> ratee;   ///< row in EmployeeTable
  std::vector<Index> aspect;  ///< row in FeedbackTable::aspects; no_index for the overall row
  /// By FeedbackSource. The self rating is sources[Self] (see self()).
  std::array<SourceColumns, feedback_source_count> sources;
  /// The pooled peer + subordinate group under AnonymityPolicy::Merge; status Absent when no
  /// pooling happened in the row.
  SourceColumns colleagues;
  std::vector<double> combined;          ///< weighted mean of the used sources
  std::vector<double> weight;            ///< W, the sum of the used weights (0 when none)
  std::vector<double> effective_raters;  ///< n_eff = 1 / c (0 when no source is used)
  std::vector<double> shrunk;            ///< combined after shrinkage
  std::vector<double> shrinkage;         ///< B in [0, 1]: 1 = kept as observed, 0 = the group mean
  std::vector<double> shrink_target;     ///< m_g
  std::vector<double> between_variance;  ///< tau^2 of the group
  std::vector<double> within_variance;   ///< s^2 of the aspect
  std::vector<ShrinkGroup> shrink_group;
  std::vector<ShrinkStatus> shrink_status;

  std::size_t size() const noexcept { return ratee.size(); }
  const SourceColumns& source(FeedbackSource s) const noexcept { return sources[static_cast<std::size_t>(s)]; }
  /// The employee's own rating, reported beside the others and (by default) not mixed in.
  const SourceColumns& self() const noexcept { return source(FeedbackSource::Self); }
};

/// Combines the feedback of `period` as described at the top of this header. Throws
/// errc::InvalidArgument for invalid options and errc::InvalidData for a score outside the scale.
/// Does no I/O.
KIN_CXX_API MultiSourceScores aggregate_feedback(const Dataset& dataset, Period period,
                                                 const MultiSourceOptions& options = {});

}  // namespace v1
}  // namespace kinerja
