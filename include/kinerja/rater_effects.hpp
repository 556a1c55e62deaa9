// kinerja: rater effects in multi-source (360 degree) feedback.
//
// Each ratee is scored by a handful of raters (supervisor, peers, subordinates), and raters
// differ in severity: a ratee scored by strict raters looks worse than one scored by lenient
// raters. The models below separate the two, from a RaterDesign (one row per observed score):
//
//   score = mu + ratee effect + rater effect [+ aspect effect] + noise
//
//  * fit_fixed_effects(): ratee and rater effects as fixed parameters, by least squares. Only
//    differences inside a connected component of the ratee-rater graph are estimable (two units
//    whose raters never meet cannot be put on one scale without assumptions), so every component
//    gets its own mu, and the ratee and rater effects of a component sum to zero. Equals R's
//    lm(score ~ ratee + rater [+ aspect], contrasts = contr.sum) fitted per component with the
//    residual variance pooled over the components.
//  * fit_random_effects(): ratee and rater effects as random, the linear mixed model
//    score ~ 1 [+ aspect] + (1 | ratee) + (1 | rater) fitted by REML exactly as R's lme4::lmer
//    does by default (Bates, Maechler, Bolker & Walker 2015, "Fitting Linear Mixed-Effects Models
//    Using lme4", J. Stat. Softw. 67(1)): the profiled REML deviance is minimised over the
//    relative standard deviations theta = (sd_ratee / sd, sd_rater / sd) >= 0. The estimates are
//    the variance components, the fixed effects, and the best linear unbiased predictors (BLUP,
//    lme4's ranef) of every ratee and rater with their conditional standard deviations. The BLUP
//    of a ratee is the calibrated score: it corrects for the severity of the raters the ratee
//    happened to get and shrinks ratees with few scores toward the mean. Disconnected designs
//    are allowed: the common distribution of the effects links the components.
//
// Aspects (e.g. the seven BerAKHLAK values) enter as fixed effects with sum-to-zero contrasts:
// `aspect_effect` sums to zero over the aspects, and mu is the mean over aspects. The REML
// criterion is that of this coding (lme4 with contrasts = list(aspect = "contr.sum"); another
// coding of the same model shifts the criterion by a constant, not the estimates).
//
// Scale: the random-effects fit eliminates the larger of the two sides (ratees or raters, whose
// block of the mixed-model equations is diagonal) and factors the Schur complement of the other
// side, a sparse matrix, with a fill-reducing ordering computed once; every evaluation of the
// deviance is one numeric refactorisation. The conditional variances come from the selected
// inverse of that factor (Takahashi equations), never from a dense inverse. A design of one
// million ratees with about six raters and seven aspects each (44 million scores) fits in 15-20 s
// on two cores; at 50 000 ratees lme4 takes 150-200 times as long (benchmarks/bench_calibrate.cpp).
// Memory is proportional to the data: about 1.1 GB beyond the design itself at that size.
//
// Results do not depend on `threads` (bit for bit). The analyses do no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "kinerja/dataset.hpp"
#include "kinerja/export.hpp"

namespace kinerja {
inline namespace v1 {

/// The scores to analyse: one row per observed score. `ratee[k]` and `rater[k]` are ids in
/// 0..ratees-1 and 0..raters-1; they are separate id spaces, so ratee 5 and rater 5 may be the same
/// employee (a self-rating) or not, as the caller decides. Ids without any row are allowed: they
/// belong to no component (see DesignComponents) and the fits give them documented values.
struct RaterDesign {
  std::vector<Index> ratee;
  std::vector<Index> rater;
  std::vector<double> score;
  /// Empty (no aspect term), or one aspect id in 0..aspects-1 per row.
  std::vector<Index> aspect;
  std::size_t ratees = 0;
  std::size_t raters = 0;
  std::size_t aspects = 0;
  std::size_t size() const noexcept { return score.size(); }
};

/// Connected components of the bipartite graph whose vertices are the ratees and the raters and
/// whose edges are the scores. Components are numbered 0..count-1 in the order of their smallest
/// ratee id; ratees and raters without any score get no_index.
struct DesignComponents {
  std::vector<Index> ratee_component;     ///< per ratee id
  std::vector<Index> rater_component;     ///< per rater id
  std::vector<std::size_t> observations;  ///< per component: rows
  std::vector<std::size_t> ratee_count;   ///< per component: ratees with a score
  std::vector<std::size_t> rater_count;   ///< per component: raters with a score
  std::size_t count = 0;
};

/// The connected components of a design. Throws errc::InvalidArgument like the fits below when
/// the design is malformed (column lengths, ids out of range, non-finite scores).
KIN_CXX_API DesignComponents design_components(const RaterDesign& design);

struct FixedEffectsOptions {
  /// Threads for the aggregation and the normal equations; 0 = std::thread::hardware_concurrency().
  unsigned threads = 0;
};

/// Least-squares fit of score = mu[c] + ratee effect + rater effect [+ aspect effect], where c is
/// the component of the row. Standard errors are the usual ones of ordinary least squares with
/// the pooled residual variance.
struct FixedEffectsFit {
  DesignComponents components;
  std::vector<double> mu;  ///< per component: mean level
  std::vector<double> mu_se;
  /// Per ratee id: effect relative to the component's mean level (sums to zero over the
  /// component's ratees). NaN, with NaN standard error, for an id without scores.
  std::vector<double> ratee_effect;
  std::vector<double> ratee_se;
  std::vector<double> rater_effect;  ///< per rater id, as ratee_effect (positive = lenient)
  std::vector<double> rater_se;
  std::vector<double> aspect_effect;  ///< per aspect id, sums to zero; empty without aspects
  std::vector<double> aspect_se;
  double residual_sd = 0;  ///< sqrt(rss / df)
  double rss = 0;          ///< residual sum of squares
  std::size_t df = 0;      ///< rows - estimated parameters
  std::size_t observations = 0;
};

/// Fits the fixed-effects model. Throws errc::InvalidArgument on a malformed design (the message
/// names the first bad row), on an empty design, on an aspect without scores or aspects that
/// are confounded with the ratees and raters, and when no degree of freedom is left for the
/// residual variance (as many parameters as scores).
KIN_CXX_API FixedEffectsFit fit_fixed_effects(const RaterDesign& design, const FixedEffectsOptions& options = {});

struct RandomEffectsOptions {
  /// Final resolution of the optimiser on theta (Powell's rho_end); it also stops refining once
  /// the deviance no longer changes beyond its rounding. At the default the estimates agree with
  /// a run at 1e-9 to about 1e-8 in theta (relative 1e-7 in the variances), far below their
  /// standard errors; smaller values cost a few more evaluations per decade.
  double tolerance = 1e-7;
  /// Evaluations of the deviance before the optimiser gives up (converged = false).
  std::size_t max_evaluations = 2000;
  /// Threads for the aggregation, the assembly and the factorisation of the sparse system;
  /// 0 = std::thread::hardware_concurrency().
  unsigned threads = 0;
  /// Conditional standard deviations of the BLUPs (one selected inversion after the fit; about
  /// the cost of two evaluations). When false, ratee_sd and rater_sd are empty.
  bool conditional_sd = true;
};

/// REML fit of score ~ 1 [+ aspect] + (1 | ratee) + (1 | rater). All names follow lme4.
struct RandomEffectsFit {
  DesignComponents components;
  double intercept = 0;  ///< fixed intercept (mean over aspects)
  double intercept_se = 0;
  std::vector<double> aspect_effect;  ///< per aspect id, sums to zero; empty without aspects
  std::vector<double> aspect_se;
  double ratee_variance = 0;     ///< sd_ratee^2 (VarCorr)
  double rater_variance = 0;     ///< sd_rater^2
  double residual_variance = 0;  ///< sigma^2
  double theta_ratee = 0;        ///< sd_ratee / sigma (getME(fit, "theta"))
  double theta_rater = 0;        ///< sd_rater / sigma
  /// The REML criterion at the optimum (lme4's REMLcrit): -2 times the REML log-likelihood. When
  /// every score equals the fitted fixed part exactly (e.g. all scores equal), the residual
  /// variance is 0 and the criterion is -infinity; see `singular`.
  double reml_criterion = 0;
  /// Per ratee id: BLUP of the ratee effect (conditional mode, lme4's ranef). 0 for an id without
  /// scores (its prior mean).
  std::vector<double> ratee_effect;
  /// Per ratee id: conditional standard deviation of the effect given the data at the estimated
  /// parameters (lme4's ranef(condVar = TRUE)); sd_ratee for an id without scores.
  std::vector<double> ratee_sd;
  std::vector<double> rater_effect;  ///< per rater id, as ratee_effect (positive = lenient)
  std::vector<double> rater_sd;
  /// Evaluations of the profiled REML deviance (each one a refactorisation), all included.
  std::size_t evaluations = 0;
  /// The optimiser reached `tolerance` within `max_evaluations` and theta stayed finite.
  bool converged = false;
  /// A variance is estimated as exactly 0, i.e. theta is on the boundary (lme4's isSingular).
  /// When every score equals the fixed part exactly (all scores equal, or equal within each
  /// aspect), the fit is this boundary: all three variances, the BLUPs and their conditional
  /// standard deviations are 0, the standard errors of the fixed effects are 0 and the REML
  /// criterion is -infinity.
  bool singular = false;
  std::size_t observations = 0;
};

/// Fits the random-effects model. Throws errc::InvalidArgument on a malformed design (the message
/// names the first bad row), on an aspect without scores, when fewer than two ratees or two
/// raters have scores (a variance of one group is not identifiable), when a grouping has as many
/// levels as there are scores (its variance is confounded with the residual; lme4 refuses both
/// as well), and when no degree of freedom is left for REML.
KIN_CXX_API RandomEffectsFit fit_random_effects(const RaterDesign& design, const RandomEffectsOptions& options = {});

}  // namespace v1
}  // namespace kinerja
