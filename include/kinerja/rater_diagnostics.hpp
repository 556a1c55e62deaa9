// kinerja: screening the raters of multi-source (360 degree) feedback for the usual rating biases.
//
// rater_diagnostics(dataset, period, options) looks at the feedback rows whose period equals
// `period` exactly and describes every rater twice: a summary row (how many scores, the mean, the
// spread, the leniency) and one flag row for every bias found. A flag is a reason to look at the
// rater's scores with the rater's Penilai, not a finding of misconduct: a supervisor of a strong
// team looks lenient, a small homogeneous team looks like central tendency.
//
// Which scores: supervisor, peer and subordinate rows. Self ratings are excluded unless
// `include_self` (they are known to be higher, and the self rater has one ratee). Public rows are
// always excluded: their raters are citizens without an employee row. A rater who gave one ratee
// the same aspect under two sources counts once, with the mean of those scores. Rows without an
// aspect form their own aspect ("no aspect").
//
// Notation: x(r, j, a) is rater r's score of ratee j on aspect a; the "others" of (r, j, a) are
// the other raters of ratee j on aspect a.
//
//  * Leniency / severity. d(r, j) = mean over the aspects a of r for j that others also scored of
//    x(r, j, a) - mean of the others' x(q, j, a). leniency(r) = mean over those ratees j of d(r, j)
//    (each ratee counts once), compared_ratees(r) = their number. That is pass 1. A lenient
//    supervisor raises the others' mean of every ratee of the team and so makes the peers of that
//    team look severe; each further pass (`leniency_passes`, default 5) recomputes d(r, j) with the
//    others' scores corrected by their own leniency, x(q, j, a) - leniency(q), and takes the mean
//    of the previous estimate and the new one (the averaging keeps two raters of the same ratees
//    from oscillating). Many passes approach the least-squares leniencies of the additive model
//    score = ratee-and-aspect effect + rater leniency, which are fixed only up to a common level
//    (compare raters by differences or z) and whose differences between loosely linked groups of
//    raters rest on the few ratees they share; a few passes remove most of the spill-over and
//    little else. z(r) = (leniency(r) - mean) / sd, the mean and sample sd taken over the raters
//    with compared_ratees >= min_ratees. Flag Lenient when z >= leniency_z, Severe when z <=
//    -leniency_z, for raters with compared_ratees >= min_ratees.
//  * Central tendency. m(r, j) = the mean of r's scores of ratee j; spread(r) = sample sd of m(r,
//    j) over r's ratees; pooled = sqrt(sum (k_r - 1) spread(r)^2 / sum (k_r - 1)) over every rater
//    with k_r >= min_ratees ratees. spread_ratio(r) = spread(r) / pooled. With three ratees a
//    typical rater has a ratio <= 0.5 one time in five by chance alone, so the flag also needs
//    spread_p(r) = P(chi-square(k_r - 1) <= (k_r - 1) spread_ratio(r)^2) <= central_tendency_p:
//    the chance of a spread that small from k_r ratees of a rater with the pooled spread. Flag
//    when spread_ratio <= central_tendency_ratio and spread_p <= central_tendency_p (set
//    central_tendency_p = 1 to flag on the ratio alone).
//  * Halo. For every ratee j of r with at least two aspects, v(r, j) = sample variance of x(r, j,
//    .) over the aspects; halo(r) = sqrt(sum (n - 1) v / sum (n - 1)) over r's ratees, and the
//    reference H = the same pooled over every (rater, ratee) pair of the period. halo_ratio(r) =
//    halo(r) / H; flag when <= halo_ratio for raters with at least min_ratees such ratees.
//  * Straight-lining. The share of r's ratees scored on at least straight_line_min_aspects
//    aspects that got exactly the same score on every aspect; flag when >= straight_line_share
//    for raters with at least min_ratees such ratees.
//  * Reciprocal peer inflation. For two employees who rated each other as peers, inflation(a, b) =
//    mean over the aspects of x(a, b, a') - mean of the other raters' x(q, b, a') (not corrected
//    for leniency). Both are flagged when inflation(a, b) >= reciprocal_delta and inflation(b, a)
//    >= reciprocal_delta; each flag row names the partner.
//  * Distribution differs from the unit. One value per (rater, ratee) pair, the mean of the
//    rater's scores of that ratee: the rater's values against those of the other raters of the
//    same unit (EmployeeTable::unit of the raters). Pair means, not single scores, because the
//    seven aspect scores of one pair move together: tested as independent scores they make
//    ordinary differences between teams look highly significant. The test is a two-sample
//    Kolmogorov-Smirnov test (asymptotic Kolmogorov distribution with Stephens' small-sample
//    correction; ties make it conservative) or a Mann-Whitney test (normal approximation with
//    mid-ranks, tie and continuity corrections), two-sided. Flag when p <= distribution_p, for
//    raters with at least min_ratees ratees whose unit has at least distribution_min_unit_raters
//    other raters. The raters of a unit rate different people (a head rates the team, staff rate
//    their peers), so a difference may be the ratees', not the rater's.
//
// Thresholds are kinerja's defaults; no regulation sets them. A statistic that cannot be computed
// (one rater, one ratee, every score equal) is NaN in the summary, for the reason given with each
// column, and its flag is not tested: a flag row never holds NaN.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kinerja/dataset.hpp"
#include "kinerja/export.hpp"
#include "kinerja/period.hpp"

namespace kinerja {
inline namespace v1 {

/// The two-sample test of the "distribution differs from the unit" flag.
enum class DistributionTest : std::uint8_t { KolmogorovSmirnov = 0, MannWhitney };

/// Thresholds of the rater diagnostics; defaults are kinerja's screening choices.
struct RaterDiagnosticsOptions {
  /// Count self ratings too. Default false.
  bool include_self = false;
  /// Minimum ratees before a per-rater flag is tested (see each flag). At least 2. Default 3.
  std::uint32_t min_ratees = 3;
  /// |z| of the leniency at or above which a rater is flagged lenient or severe. > 0. Default 2.
  double leniency_z = 2.0;
  /// Passes of the leniency estimate; pass 1 compares with the raw scores of the others, each
  /// further pass with the others' scores corrected by their leniency of the pass before. 1..100.
  /// Default 5.
  std::uint32_t leniency_passes = 5;
  /// Central tendency when spread_ratio <= this (and spread_p <= central_tendency_p). Default 0.5.
  double central_tendency_ratio = 0.5;
  /// Central tendency only when spread_p <= this, in (0, 1]; 1 = the ratio alone. Default 0.01.
  double central_tendency_p = 0.01;
  /// Halo when halo_ratio <= this. Default 0.5.
  double halo_ratio = 0.5;
  /// Straight-lining when at least this share (0..1] of the qualifying ratees got one score on
  /// every aspect. Default 0.8.
  double straight_line_share = 0.8;
  /// Aspects a ratee needs to count for straight-lining (two equal scores happen by chance). At
  /// least 2. Default 3.
  std::uint32_t straight_line_min_aspects = 3;
  /// Points (on the feedback scale) by which two peers must both exceed the others. > 0.
  /// Default 10.
  double reciprocal_delta = 10.0;
  /// Default KolmogorovSmirnov.
  DistributionTest distribution_test = DistributionTest::KolmogorovSmirnov;
  /// p-value at or below which the distribution flag is set, in (0, 1). Default 0.01.
  double distribution_p = 0.01;
  /// Other raters the unit needs for the distribution test. At least 1. Default 2.
  std::uint32_t distribution_min_unit_raters = 2;
};

/// The kinds of flag, in the order flag rows are listed for one rater.
enum class RaterFlag : std::uint8_t {
  Lenient = 0,
  Severe,
  CentralTendency,
  Halo,
  StraightLining,
  ReciprocalInflation,
  DistributionDiffers,
};

/// "lenient", "severe", "central_tendency", "halo", "straight_lining", "reciprocal_inflation",
/// "distribution_differs".
KIN_CXX_API std::string_view to_string(RaterFlag value) noexcept;
KIN_CXX_API std::string_view to_string(DistributionTest value) noexcept;

/// One row per rater (employee) with at least one counted score, in employee order. Statistics
/// that cannot be computed are NaN, for the reason given per column.
struct RaterSummary {
  std::vector<Index> rater;            ///< row in EmployeeTable
  std::vector<std::uint32_t> ratings;  ///< scores given (after merging duplicates across sources)
  std::vector<std::uint32_t> ratees;   ///< distinct ratees
  std::vector<double> mean;            ///< mean score
  std::vector<double> sd;              ///< sample sd of the scores; NaN with fewer than 2
  /// Mean deviation from the other raters of the same ratees and aspects (after the last pass);
  /// NaN when no ratee of the rater has another rater.
  std::vector<double> leniency;
  std::vector<std::uint32_t> compared_ratees;  ///< ratees counted in leniency
  /// z of the leniency; NaN when compared_ratees < min_ratees, or fewer than two raters qualify,
  /// or their leniencies are all equal.
  std::vector<double> leniency_z;
  /// Central tendency statistic; NaN with fewer than min_ratees ratees or a pooled spread of 0.
  std::vector<double> spread_ratio;
  /// P(chi-square(k - 1) <= (k - 1) spread_ratio^2) for k ratees; NaN when spread_ratio is.
  std::vector<double> spread_p;
  /// Halo statistic; NaN with fewer than min_ratees ratees of two or more aspects, or H = 0.
  std::vector<double> halo_ratio;
  /// Straight-lining share; NaN with fewer than min_ratees ratees of straight_line_min_aspects.
  std::vector<double> straight_share;
  /// p-value of the distribution test; NaN when the test is not run (see the header comment).
  std::vector<double> distribution_p;
  /// The test statistic: Kolmogorov-Smirnov D, or the Mann-Whitney z (positive = the rater scores
  /// higher than the unit); NaN when the test is not run.
  std::vector<double> distribution_statistic;
  std::size_t size() const noexcept { return rater.size(); }
};

/// One row per (rater, flag) found, by rater (employee order) and then in RaterFlag order.
struct RaterFlags {
  std::vector<Index> rater;
  std::vector<RaterFlag> flag;
  /// The flagged statistic: leniency z, spread_ratio, halo_ratio, straight_share, inflation
  /// (points), or the p-value.
  std::vector<double> statistic;
  /// The threshold it crossed (for Severe the negative of leniency_z).
  std::vector<double> threshold;
  std::vector<Index> partner;       ///< the other peer of a reciprocal inflation, else no_index
  std::vector<std::string> detail;  ///< a short sentence for people, e.g. "scores 12.4 points above ..."
  std::size_t size() const noexcept { return rater.size(); }
};

struct RaterDiagnostics {
  RaterSummary raters;
  RaterFlags flags;
};

/// Screens the raters of `period` as described at the top of this header. Throws
/// errc::InvalidArgument for invalid options. Does no I/O.
KIN_CXX_API RaterDiagnostics rater_diagnostics(const Dataset& dataset, Period period,
                                               const RaterDiagnosticsOptions& options = {});

}  // namespace v1
}  // namespace kinerja
