#include "kinerja/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "kinerja/error.hpp"
#include "kinerja/rater_effects.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
// Two-sided 95% normal quantile, for the intervals of the fair scores.
constexpr double z95 = 1.959963984540054;

bool counts_in_model(FeedbackSource s) {
  return s == FeedbackSource::Supervisor || s == FeedbackSource::Peer || s == FeedbackSource::Subordinate;
}

// The supervisor, peer and subordinate scores of the period, with the aspects numbered densely
// (only aspects that occur; rows without an aspect form one more aspect). Without at least two
// aspects there is no aspect term.
RaterDesign design_of(const Dataset& d, const Period& period) {
  const FeedbackTable& f = d.feedback;
  RaterDesign design;
  design.ratees = design.raters = d.employees.size();
  std::vector<Index> raw_aspect;
  for (std::size_t r = 0; r < f.size(); ++r) {
    if (f.period[r] != period || !counts_in_model(f.source[r]) || f.rater[r] == no_index) continue;
    if (f.rater[r] == f.ratee[r]) continue;  // a self rating filed under another source
    design.ratee.push_back(f.ratee[r]);
    design.rater.push_back(f.rater[r]);
    design.score.push_back(f.score[r]);
    raw_aspect.push_back(f.aspect[r]);
  }
  // Dense aspect ids: the aspects pool order, then "no aspect".
  const std::size_t none = f.aspects.size();
  std::vector<Index> dense(none + 1, no_index);
  for (Index a : raw_aspect) dense[a == no_index ? none : a] = 0;
  Index next = 0;
  for (Index& id : dense) {
    if (id != no_index) id = next++;
  }
  if (next >= 2) {
    design.aspects = next;
    design.aspect.reserve(raw_aspect.size());
    for (Index a : raw_aspect) design.aspect.push_back(dense[a == no_index ? none : a]);
  }
  return design;
}

// Distinct ratees and raters with scores, and the harmonic mean of distinct raters per ratee.
struct DesignCounts {
  std::size_t ratees = 0, raters = 0;
  double harmonic_raters = nan;
};

DesignCounts count_design(const RaterDesign& design) {
  DesignCounts c;
  std::vector<std::pair<Index, Index>> pairs(design.size());
  for (std::size_t k = 0; k < design.size(); ++k) pairs[k] = {design.ratee[k], design.rater[k]};
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::vector<std::uint8_t> is_rater(design.raters, 0);
  double inverse_sum = 0;
  for (std::size_t k = 0; k < pairs.size();) {
    std::size_t j = k;
    while (j < pairs.size() && pairs[j].first == pairs[k].first) is_rater[pairs[j++].second] = 1;
    ++c.ratees;
    inverse_sum += 1.0 / static_cast<double>(j - k);
    k = j;
  }
  for (std::uint8_t r : is_rater) c.raters += r;
  if (c.ratees > 0) c.harmonic_raters = static_cast<double>(c.ratees) / inverse_sum;
  return c;
}

ReliabilityRow icc_row(std::string statistic, std::string basis, double numerator, double denominator, double raters,
                       std::size_t units) {
  ReliabilityRow row;
  row.statistic = std::move(statistic);
  row.basis = std::move(basis);
  row.lower = row.upper = nan;
  row.raters = raters;
  row.units = units;
  if (denominator > 0) {
    row.value = numerator / denominator;
    row.status = "ok";
  } else {
    row.value = nan;
    row.status = "no_variance";
  }
  return row;
}

// Krippendorff's alpha with the ratee-aspect pairs as units: alpha depends only on the values
// of each unit, not on who gave them, so the matrix has one column per value slot, not per rater.
std::vector<ReliabilityRow> alpha_rows(const RaterDesign& design) {
  std::vector<std::size_t> order(design.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto unit_of = [&](std::size_t k) {
    return std::make_pair(design.ratee[k], design.aspect.empty() ? Index{0} : design.aspect[k]);
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return unit_of(a) < unit_of(b); });
  std::size_t units = 0, widest = 0;
  for (std::size_t k = 0; k < order.size();) {
    std::size_t j = k;
    while (j < order.size() && unit_of(order[j]) == unit_of(order[k])) ++j;
    ++units;
    widest = std::max(widest, j - k);
    k = j;
  }
  ScoreMatrix m;
  m.rows = units;
  m.columns = std::max<std::size_t>(widest, 1);
  m.values.assign(m.rows * m.columns, missing_score);
  std::size_t row = 0;
  for (std::size_t k = 0; k < order.size(); ++row) {
    std::size_t j = k;
    while (j < order.size() && unit_of(order[j]) == unit_of(order[k])) {
      m.values[row * m.columns + (j - k)] = design.score[order[j]];
      ++j;
    }
    k = j;
  }
  std::vector<ReliabilityRow> out;
  for (AlphaLevel level : {AlphaLevel::Interval, AlphaLevel::Ordinal}) {
    ReliabilityRow r;
    r.statistic = "krippendorff_alpha_" + std::string(to_string(level));
    r.basis = "ratee-aspect pairs as units, supervisor, peer and subordinate scores as values";
    r.lower = r.upper = r.raters = nan;
    if (m.rows == 0) {
      r.value = nan;
      r.status = to_string(AlphaStatus::NoPairableUnits);
    } else {
      const AlphaResult a = krippendorff_alpha(m, level);
      r.value = a.alpha;
      r.units = a.pairable_units;
      r.status = to_string(a.status);
    }
    out.push_back(std::move(r));
  }
  return out;
}

// The per-employee columns from a fit's effects; `level` is the fair score of a ratee with
// effect 0 in component c.
template <typename LevelOf>
void take_effects(const DesignComponents& components, const std::vector<double>& ratee_effect,
                  const std::vector<double>& ratee_se, const std::vector<double>& rater_effect,
                  const std::vector<double>& rater_se, LevelOf level, CalibrationResult& out) {
  out.components = components.count;
  for (std::size_t e = 0; e < out.component.size(); ++e) {
    const Index as_ratee = components.ratee_component[e], as_rater = components.rater_component[e];
    out.component[e] = as_ratee != no_index ? as_ratee : as_rater;
    if (as_rater != no_index) {
      out.rater_effect[e] = rater_effect[e];
      out.rater_se[e] = rater_se[e];
    }
    if (as_ratee != no_index) {
      out.ratee_effect[e] = ratee_effect[e];
      out.ratee_se[e] = ratee_se[e];
      out.fair_score[e] = level(as_ratee) + ratee_effect[e];
      out.fair_lower[e] = out.fair_score[e] - z95 * ratee_se[e];
      out.fair_upper[e] = out.fair_score[e] + z95 * ratee_se[e];
    }
  }
}

void fit_model(const RaterDesign& design, Threads threads, CalibrationResult& out) {
  if (out.model == RaterModel::Random) {
    RandomEffectsOptions options;
    options.threads = threads.count;
    const RandomEffectsFit fit = fit_random_effects(design, options);
    out.intercept = fit.intercept;
    out.ratee_variance = fit.ratee_variance;
    out.rater_variance = fit.rater_variance;
    out.residual_variance = fit.residual_variance;
    out.residual_sd = std::sqrt(fit.residual_variance);
    out.reml_criterion = fit.reml_criterion;
    out.converged = fit.converged;
    out.singular = fit.singular;
    take_effects(fit.components, fit.ratee_effect, fit.ratee_sd, fit.rater_effect, fit.rater_sd,
                 [&](Index) { return fit.intercept; }, out);
  } else {
    FixedEffectsOptions options;
    options.threads = threads.count;
    const FixedEffectsFit fit = fit_fixed_effects(design, options);
    out.residual_sd = fit.residual_sd;
    out.converged = true;
    out.intercept = out.ratee_variance = out.rater_variance = out.residual_variance = out.reml_criterion = nan;
    take_effects(fit.components, fit.ratee_effect, fit.ratee_se, fit.rater_effect, fit.rater_se,
                 [&](Index component) { return fit.mu[component]; }, out);
  }
  out.model_status = ModelStatus::Fitted;
}

// Step 6. Cut scores that would reproduce the Penilai's counts of above / meets / below if the
// employees were ranked by fair score: the midpoints between neighbours at the two boundaries.
// A rating is suggested to change only when the ratee's whole 95% interval lies outside the band
// of the rating given, so a fair score near a cut never moves anyone.
void suggest_ratings(const Dataset& d, const Period& period, CalibrationResult& out) {
  const RatingTable& ratings = d.ratings;
  for (std::size_t r = 0; r < ratings.size(); ++r) {
    if (ratings.period[r] != period) continue;
    const Index e = ratings.employee[r];
    out.result_rating[e] = static_cast<std::int8_t>(ratings.result[r]);
    out.behavior_rating[e] = static_cast<std::int8_t>(ratings.behavior[r]);
    out.predikat[e] = static_cast<std::int8_t>(predikat_from_ratings(ratings.result[r], ratings.behavior[r]));
  }
  std::vector<Index> candidates;
  std::array<std::size_t, 3> given{};  // by Rating: above, meets, below
  for (std::size_t e = 0; e < out.behavior_rating.size(); ++e) {
    if (out.behavior_rating[e] == no_value || std::isnan(out.fair_score[e])) continue;
    candidates.push_back(static_cast<Index>(e));
    ++given[static_cast<std::size_t>(out.behavior_rating[e])];
  }
  if (candidates.empty()) return;
  // Highest fair score first; ties keep employee order, so the result is deterministic.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](Index a, Index b) { return out.fair_score[a] > out.fair_score[b]; });
  const double inf = std::numeric_limits<double>::infinity();
  auto cut_after = [&](std::size_t count) {  // between the count-th and the next fair score
    if (count == 0) return inf;
    if (count >= candidates.size()) return -inf;
    return (out.fair_score[candidates[count - 1]] + out.fair_score[candidates[count]]) / 2;
  };
  out.above_cut = cut_after(given[0]);
  out.below_cut = cut_after(given[0] + given[1]);
  auto band = [&](double x) {
    return x >= out.above_cut ? Rating::Above : x >= out.below_cut ? Rating::Meets : Rating::Below;
  };
  // The band of a rating is [low, high) on the fair-score scale.
  auto low = [&](Rating r) { return r == Rating::Above ? out.above_cut : r == Rating::Meets ? out.below_cut : -inf; };
  auto high = [&](Rating r) { return r == Rating::Above ? inf : r == Rating::Meets ? out.above_cut : out.below_cut; };
  for (Index e : candidates) {
    const Rating actual = static_cast<Rating>(out.behavior_rating[e]);
    const bool interval_meets_band = out.fair_lower[e] < high(actual) && out.fair_upper[e] >= low(actual);
    const Rating suggested = interval_meets_band ? actual : band(out.fair_score[e]);
    out.suggested_behavior_rating[e] = static_cast<std::int8_t>(suggested);
    const Predikat after = predikat_from_ratings(static_cast<Rating>(out.result_rating[e]), suggested);
    out.suggested_predikat[e] = static_cast<std::int8_t>(after);
    ++out.counts_before[static_cast<std::size_t>(out.predikat[e])];
    ++out.counts_after[static_cast<std::size_t>(after)];
  }
}

}  // namespace

std::string_view to_string(RaterModel value) noexcept { return value == RaterModel::Fixed ? "fixed" : "random"; }

std::string_view to_string(ModelStatus value) noexcept {
  switch (value) {
    case ModelStatus::Fitted: return "fitted";
    case ModelStatus::NoScores: return "no_scores";
    case ModelStatus::TooFewRatees: return "too_few_ratees";
    case ModelStatus::TooFewRaters: return "too_few_raters";
    case ModelStatus::Unidentified: return "unidentified";
  }
  return "";
}

CalibrationResult calibrate(const Dataset& d, const Period& period, const RulePack& rules, Threads threads) {
  CalibrationResult out;
  out.period = period;
  out.rule_pack = rules.label();
  out.model = rules.get("calibration.model") == "fixed" ? RaterModel::Fixed : RaterModel::Random;
  out.feedback = aggregate_feedback(d, period, rules.multisource_options());
  out.raters = rater_diagnostics(d, period, rules.rater_diagnostics_options());

  const std::size_t ne = d.employees.size();
  out.component.assign(ne, no_index);
  for (auto* column : {&out.rater_effect, &out.rater_se, &out.ratee_effect, &out.ratee_se, &out.raw_mean,
                       &out.fair_score, &out.fair_lower, &out.fair_upper}) {
    column->assign(ne, nan);
  }
  out.rater_scores.assign(ne, 0);
  out.ratee_scores.assign(ne, 0);
  for (auto* column : {&out.result_rating, &out.behavior_rating, &out.suggested_behavior_rating, &out.predikat,
                       &out.suggested_predikat}) {
    column->assign(ne, no_value);
  }

  const RaterDesign design = design_of(d, period);
  out.observations = design.size();
  std::vector<double> received(ne, 0.0);
  for (std::size_t k = 0; k < design.size(); ++k) {
    ++out.rater_scores[design.rater[k]];
    ++out.ratee_scores[design.ratee[k]];
    received[design.ratee[k]] += design.score[k];
  }
  for (std::size_t e = 0; e < ne; ++e) {
    if (out.ratee_scores[e] > 0) out.raw_mean[e] = received[e] / out.ratee_scores[e];
  }

  const DesignCounts counts = count_design(design);
  if (design.size() == 0) {
    out.model_status = ModelStatus::NoScores;
    out.model_message = "no supervisor, peer or subordinate score in " + period.to_string();
  } else if (counts.ratees < 2) {
    out.model_status = ModelStatus::TooFewRatees;
    out.model_message = "the scores of " + period.to_string() + " concern fewer than two ratees";
  } else if (counts.raters < 2) {
    out.model_status = ModelStatus::TooFewRaters;
    out.model_message = "the scores of " + period.to_string() + " come from fewer than two raters";
  } else {
    try {
      fit_model(design, threads, out);
    } catch (const error& e) {
      if (e.code() != errc::InvalidArgument) throw;
      // The fits refuse designs whose effects cannot be separated; that is a finding, not a failure.
      out.model_status = ModelStatus::Unidentified;
      out.model_message = e.message();
      std::fill(out.fair_score.begin(), out.fair_score.end(), nan);
      std::fill(out.fair_lower.begin(), out.fair_lower.end(), nan);
      std::fill(out.fair_upper.begin(), out.fair_upper.end(), nan);
    }
  }

  if (out.model_status == ModelStatus::Fitted && out.model == RaterModel::Random) {
    const std::string basis = "REML variance components of the crossed random-effects model";
    const double va = out.ratee_variance, vr = out.rater_variance, ve = out.residual_variance;
    const double k = counts.harmonic_raters;
    out.reliability.push_back(icc_row("icc_agreement_single", basis, va, va + vr + ve, nan, counts.ratees));
    out.reliability.push_back(icc_row("icc_consistency_single", basis, va, va + ve, nan, counts.ratees));
    out.reliability.push_back(icc_row("icc_agreement_average", basis, va, va + (vr + ve) / k, k, counts.ratees));
    out.reliability.push_back(icc_row("icc_consistency_average", basis, va, va + ve / k, k, counts.ratees));
  }
  for (ReliabilityRow& row : alpha_rows(design)) out.reliability.push_back(std::move(row));

  out.above_cut = out.below_cut = nan;
  if (rules.rule_set() == RuleSet::PermenPanRb6_2022 && rules.get("calibration.behavior_ratings") == "matched") {
    suggest_ratings(d, period, out);
  }
  return out;
}

}  // namespace v1
}  // namespace kinerja
