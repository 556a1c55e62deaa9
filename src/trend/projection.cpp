#include "kinerja/projection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "kinerja/achievement.hpp"
#include "kinerja/error.hpp"
#include "dataset/indexed_realizations.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

// The continued fraction of the regularised incomplete beta function I_x(a, b), evaluated from
// the front by the modified Lentz method; it converges quickly for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  constexpr double eps = 1e-16;
  auto guard = [](double v) { return std::fabs(v) < tiny ? tiny : v; };
  double c = 1.0;
  double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
  double f = d;
  for (int k = 1; k <= 1000; ++k) {
    const double two_k = 2.0 * k;
    // Even step.
    double num = k * (b - k) * x / ((a + two_k - 1.0) * (a + two_k));
    d = 1.0 / guard(1.0 + num * d);
    c = guard(1.0 + num / c);
    f *= d * c;
    // Odd step.
    num = -(a + k) * (a + b + k) * x / ((a + two_k) * (a + two_k + 1.0));
    d = 1.0 / guard(1.0 + num * d);
    c = guard(1.0 + num / c);
    const double step = d * c;
    f *= step;
    if (std::fabs(step - 1.0) < eps) break;
  }
  return f;
}

// I_x(a, b), with y = 1 - x passed separately so that x close to 1 keeps its precision.
double regularized_beta(double a, double b, double x, double y) {
  if (x <= 0.0) return 0.0;
  if (y <= 0.0) return 1.0;
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log(y);
  if (x < (a + 1.0) / (a + b + 2.0)) return std::exp(log_front) * beta_continued_fraction(a, b, x) / a;
  return 1.0 - std::exp(log_front) * beta_continued_fraction(b, a, y) / b;
}

// P(T > t) for t >= 0, Student t with df degrees of freedom.
double student_upper_tail(double t, double df) {
  const double t2 = t * t;
  return 0.5 * regularized_beta(df / 2.0, 0.5, df / (df + t2), t2 / (df + t2));
}

// Capped capaian of one value. A target that cannot be divided by sets `invalid`; T / R with
// R = 0 counts as the cap (its limit as R falls to 0).
double capped_capaian(Polarity polarity, double target, double upper, double value, const AchievementPolicy& policy,
                      bool& invalid) {
  IndicatorStatus status = IndicatorStatus::Ok;
  const double c = achievement_percent(polarity, target, upper, value, policy, status);
  if (status == IndicatorStatus::ZeroRealization) return policy.cap;
  if (status != IndicatorStatus::Ok) {
    invalid = true;
    return nan;
  }
  return cap_achievement(c, policy);
}

// The lowest and highest capped capaian over the values in [lo, hi]. Capaian is monotone in the
// value between the points where its formula changes (the bounds of a target range, the middle
// of the range under RangeInside::NearestBound, and 0 for T / R), so those points inside the
// interval and its ends are the only candidates.
void capaian_extremes(Polarity polarity, double target, double upper, double lo, double hi,
                      const AchievementPolicy& policy, double& low, double& high, bool& invalid) {
  double points[8];
  int count = 0;
  points[count++] = lo;
  points[count++] = hi;
  auto add_inside = [&](double x) {
    if (x > lo && x < hi) points[count++] = x;
  };
  add_inside(0.0);
  if (has_target_range(polarity)) {
    add_inside(target);
    add_inside(upper);
    if (polarity != Polarity::Range && policy.range_inside == RangeInside::NearestBound) {
      // The capaian jumps at the middle of the range: take the value on both sides.
      const double middle = (target + upper) / 2.0;
      add_inside(middle);
      add_inside(std::nextafter(middle, inf));
    }
  }
  low = inf;
  high = -inf;
  for (int k = 0; k < count; ++k) {
    const double c = capped_capaian(polarity, target, upper, points[k], policy, invalid);
    if (invalid) {
      low = high = nan;
      return;
    }
    low = std::min(low, c);
    high = std::max(high, c);
  }
}

// One period value known at as_of.
struct Observation {
  std::uint32_t key;
  Period period;
  double value;
};

// The projection of one indicator before its capaian.
struct Projection {
  ProjectionStatus status = ProjectionStatus::OnTrack;
  std::uint32_t observed = 0, remaining = 0;
  Period last;
  double value = nan, lower = nan, upper = nan, slope = nan;
};

// The month in which a month or quarter ends, 1..12.
int end_month(const Period& p) {
  return p.kind() == PeriodKind::Quarter ? p.quarter() * 3 : p.month();
}

Projection project_one(const std::vector<Observation>& obs, Accumulation accumulation, double level) {
  Projection out;
  const std::size_t n = obs.size();
  out.observed = static_cast<std::uint32_t>(n);
  if (n == 0) {
    out.status = ProjectionStatus::NoData;
    return out;
  }
  out.last = obs.back().period;
  const PeriodKind kind = obs.front().period.kind();
  for (const Observation& o : obs) {
    if (o.period.kind() != kind || (kind != PeriodKind::Month && kind != PeriodKind::Quarter)) {
      out.status = ProjectionStatus::UnsupportedPeriods;
      return out;
    }
  }
  const int step = kind == PeriodKind::Quarter ? 3 : 1;

  // Least squares on the month of each period's end.
  double sum_x = 0, sum_y = 0, max_y = -inf, min_y = inf;
  for (const Observation& o : obs) {
    sum_x += end_month(o.period);
    sum_y += o.value;
    max_y = std::max(max_y, o.value);
    min_y = std::min(min_y, o.value);
  }
  const double dn = static_cast<double>(n);
  const double x_bar = sum_x / dn, y_bar = sum_y / dn;
  double sxx = 0, sxy = 0;
  for (const Observation& o : obs) {
    const double dx = end_month(o.period) - x_bar;
    sxx += dx * dx;
    sxy += dx * (o.value - y_bar);
  }
  const bool has_line = n >= 2 && sxx > 0.0;
  const double slope = has_line ? sxy / sxx : 0.0;  // carried forward without a line
  const double intercept = y_bar - slope * x_bar;
  if (has_line) out.slope = slope;

  const int last_month = end_month(out.last);
  const int m = (12 - last_month) / step;
  out.remaining = static_cast<std::uint32_t>(m);

  const bool has_interval = n >= 3 && has_line;
  double s2 = 0, t = 0;
  if (has_interval) {
    double sse = 0;
    for (const Observation& o : obs) {
      const double r = o.value - (intercept + slope * end_month(o.period));
      sse += r * r;
    }
    s2 = sse / (dn - 2.0);
    t = student_t_quantile(1.0 - (1.0 - level) / 2.0, dn - 2.0);
  }
  // Variance factor of one future value at month x (times s^2).
  auto single_factor = [&](double x) { return 1.0 + 1.0 / dn + (x - x_bar) * (x - x_bar) / sxx; };

  double sum_pred = 0, sum_future_x = 0, max_pred = -inf, min_pred = inf;
  double max_lo = -inf, max_hi = -inf, min_lo = inf, min_hi = inf;
  for (int j = 1; j <= m; ++j) {
    const double x = last_month + j * step;
    const double y = intercept + slope * x;
    sum_pred += y;
    sum_future_x += x;
    max_pred = std::max(max_pred, y);
    min_pred = std::min(min_pred, y);
    if (has_interval) {
      const double half = t * std::sqrt(s2 * single_factor(x));
      max_lo = std::max(max_lo, y - half);
      max_hi = std::max(max_hi, y + half);
      min_lo = std::min(min_lo, y - half);
      min_hi = std::min(min_hi, y + half);
    }
  }
  const double dm = static_cast<double>(m);
  // Standard error of the sum of the m future values.
  const double sum_se =
      has_interval
          ? std::sqrt(s2 * (dm + dm * dm / dn + (sum_future_x - dm * x_bar) * (sum_future_x - dm * x_bar) / sxx))
          : 0.0;
  double half = 0;
  switch (accumulation) {
    case Accumulation::Sum:
      out.value = sum_y + sum_pred;
      half = t * sum_se;
      break;
    case Accumulation::Mean:
      out.value = (sum_y + sum_pred) / (dn + dm);
      half = t * sum_se / (dn + dm);
      break;
    case Accumulation::Last:
      if (m == 0) {
        out.value = obs.back().value;
      } else {
        out.value = intercept + slope * 12.0;
        if (has_interval) half = t * std::sqrt(s2 * single_factor(12.0));
      }
      break;
    case Accumulation::Max:
      out.value = std::max(max_y, max_pred);
      if (has_interval && m > 0) {
        out.lower = std::max(max_y, max_lo);
        out.upper = std::max(max_y, max_hi);
      }
      break;
    case Accumulation::Min:
      out.value = std::min(min_y, min_pred);
      if (has_interval && m > 0) {
        out.lower = std::min(min_y, min_lo);
        out.upper = std::min(min_y, min_hi);
      }
      break;
  }
  if (m == 0) {
    out.status = ProjectionStatus::Final;
    out.lower = out.upper = out.value;
  } else if (!has_interval) {
    out.status = ProjectionStatus::InsufficientData;
  } else if (accumulation != Accumulation::Max && accumulation != Accumulation::Min) {
    out.lower = out.value - half;
    out.upper = out.value + half;
  }
  return out;
}

}  // namespace

std::string_view to_string(ProjectionStatus status) noexcept {
  switch (status) {
    case ProjectionStatus::OnTrack:
      return "on_track";
    case ProjectionStatus::AtRisk:
      return "at_risk";
    case ProjectionStatus::OffTrack:
      return "off_track";
    case ProjectionStatus::Final:
      return "final";
    case ProjectionStatus::NoData:
      return "no_data";
    case ProjectionStatus::InsufficientData:
      return "insufficient_data";
    case ProjectionStatus::InvalidTarget:
      return "invalid_target";
    case ProjectionStatus::UnsupportedPeriods:
      return "unsupported_periods";
  }
  return "unknown";
}

double student_t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0)) throw error(errc::InvalidArgument, "t quantile: p must be in (0, 1)");
  if (!(df > 0.0) || std::isinf(df)) throw error(errc::InvalidArgument, "t quantile: df must be a number > 0");
  if (p == 0.5) return 0.0;
  if (p < 0.5) return -student_t_quantile(1.0 - p, df);
  const double tail = 1.0 - p;
  double lo = 0.0, hi = 1.0;
  while (student_upper_tail(hi, df) > tail) {
    lo = hi;
    hi *= 2.0;
    if (hi > 1e300) return hi;
  }
  // Bisection: the upper tail falls strictly with t.
  for (int k = 0; k < 2000 && hi - lo > 1e-15 * hi; ++k) {
    const double mid = 0.5 * (lo + hi);
    if (student_upper_tail(mid, df) > tail) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

ProjectionResult project_year_end(const Dataset& d, int year, Period as_of, const RulePack& rules,
                                  const ProjectionOptions& options) {
  if (!(options.level > 0.0 && options.level < 1.0)) {
    throw error(errc::InvalidArgument, "projection: level must be in (0, 1), got " + std::to_string(options.level));
  }
  if (!std::isfinite(options.on_track_at_least) || !std::isfinite(options.off_track_under)) {
    throw error(errc::InvalidArgument, "projection: the on-track and off-track thresholds must be finite");
  }
  if (options.off_track_under > options.on_track_at_least) {
    throw error(errc::InvalidArgument, "projection: off_track_under (" + std::to_string(options.off_track_under) +
                                           ") must not exceed on_track_at_least (" +
                                           std::to_string(options.on_track_at_least) + ")");
  }
  const IndicatorTable& ind = d.indicators;
  const AchievementPolicy policy = rules.achievement_policy();
  const bool year_ok = year >= Period::min_year && year <= Period::max_year;
  const Period whole_year = year_ok ? Period::year(year) : Period();
  const Date cutoff = as_of.last_day();

  const detail::IndexedRealizations indexed(d.realizations, ind.size());
  const RealizationTable* r = indexed.get();

  ProjectionResult out;
  out.year = year;
  out.as_of = as_of;
  out.level = options.level;
  std::vector<Observation> obs;
  for (std::size_t i = 0; i < ind.size(); ++i) {
    if (ind.year[i] != year) continue;
    obs.clear();
    bool has_year_value = false;
    double year_value = nan;
    for (std::uint64_t k = r->offsets[i]; k < r->offsets[i + 1]; ++k) {
      const std::size_t row = r->row_at(k);
      const Period& p = r->period[row];
      if (p.year() != year || p.last_day() > cutoff) continue;
      if (p.kind() == PeriodKind::Year) {
        has_year_value = true;
        year_value = r->value[row];
      } else {
        obs.push_back({p.key(), p, r->value[row]});
      }
    }
    std::sort(obs.begin(), obs.end(), [](const Observation& a, const Observation& b) { return a.key < b.key; });

    Projection pr;
    if (has_year_value) {
      pr.status = ProjectionStatus::Final;
      pr.observed = 1;
      pr.last = whole_year;
      pr.value = pr.lower = pr.upper = year_value;
    } else {
      pr = project_one(obs, ind.accumulation[i], options.level);
      if (pr.observed == 0) pr.last = whole_year;
    }

    const Polarity polarity = ind.polarity[i];
    const double target = ind.target[i], upper = ind.target_upper[i];
    bool invalid = false;
    capped_capaian(polarity, target, upper, has_target_range(polarity) ? upper : target, policy, invalid);
    double c = nan, low = nan, high = nan;
    const bool has_value = !std::isnan(pr.value);
    if (!invalid && has_value) c = capped_capaian(polarity, target, upper, pr.value, policy, invalid);
    if (!invalid && has_value && !std::isnan(pr.lower)) {
      capaian_extremes(polarity, target, upper, pr.lower, pr.upper, policy, low, high, invalid);
    }
    if (invalid) {
      pr.status = ProjectionStatus::InvalidTarget;
      c = low = high = nan;
    } else if (pr.status == ProjectionStatus::OnTrack) {  // a projection with an interval
      if (low >= options.on_track_at_least) {
        pr.status = ProjectionStatus::OnTrack;
      } else if (high < options.off_track_under) {
        pr.status = ProjectionStatus::OffTrack;
      } else {
        pr.status = ProjectionStatus::AtRisk;
      }
    }

    out.indicator.push_back(static_cast<Index>(i));
    out.observed_periods.push_back(pr.observed);
    out.remaining_periods.push_back(pr.remaining);
    out.last_observed.push_back(pr.last);
    out.projected.push_back(pr.value);
    out.lower.push_back(pr.lower);
    out.upper.push_back(pr.upper);
    out.achievement.push_back(c);
    out.achievement_low.push_back(low);
    out.achievement_high.push_back(high);
    out.status.push_back(pr.status);
    out.slope.push_back(pr.slope);
  }
  return out;
}

ProjectionOptions projection_options(const RulePack& rules) {
  ProjectionOptions o;
  o.level = std::stod(rules.get("projection.level"));
  o.on_track_at_least = std::stod(rules.get("projection.on_track_at_least"));
  o.off_track_under = std::stod(rules.get("projection.off_track_under"));
  return o;
}

}  // namespace v1
}  // namespace kinerja
