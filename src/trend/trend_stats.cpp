#include "kinerja/trend_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "kinerja/error.hpp"
#include "core/numerics.hpp"
#include "trend/rank_tests.hpp"
#include "trend/theil_sen.hpp"

namespace kinerja {
inline namespace v1 {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------------------------
// Argument checks
// ---------------------------------------------------------------------------------------------

void check_values(const std::vector<double>& y) {
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(y[i])) {
      throw error(errc::InvalidArgument, "trend series: value at index " + std::to_string(i) + " is not a number");
    }
  }
}

void check_series(const std::vector<double>& y, const std::vector<double>& t) {
  if (y.size() != t.size()) {
    throw error(errc::InvalidArgument,
                "trend series: " + std::to_string(y.size()) + " values but " + std::to_string(t.size()) + " times");
  }
  check_values(y);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!std::isfinite(t[i])) {
      throw error(errc::InvalidArgument, "trend series: time at index " + std::to_string(i) + " is not a number");
    }
    if (i > 0 && !(t[i] > t[i - 1])) {
      throw error(errc::InvalidArgument,
                  "trend series: times are not strictly increasing at index " + std::to_string(i));
    }
  }
}

std::size_t effective_minimum(std::size_t min_length, std::size_t needed) {
  return std::max(min_length, needed);
}

// ---------------------------------------------------------------------------------------------
// Small numerics
// ---------------------------------------------------------------------------------------------

using Sum = detail::NeumaierSum;

double mean(const std::vector<double>& x) {
  Sum sum;
  for (double v : x) sum.add(v);
  return sum.value() / static_cast<double>(x.size());
}

using detail::mk_variance;
using detail::mk_z;
using detail::normal_two_sided;

using detail::normal_upper_quantile;

// ln Gamma(x), x > 0, by the Lanczos approximation (g = 671/128, 14 terms); relative error about
// 1e-15. Own code because std::lgamma writes a global sign variable on some platforms.
double log_gamma(double x) {
  static constexpr double coefficients[14] = {57.1562356658629235,     -59.5979603554754912,    14.1360979747417471,
                                              -0.491913816097620199,   .339946499848118887e-4,  .465236289270485756e-4,
                                              -.983744753048795646e-4, .158088703224912494e-3,  -.210264441724104883e-3,
                                              .217439618115212643e-3,  -.164318106536763890e-3, .844182239838527433e-4,
                                              -.261908384015814087e-4, .368991826595316234e-5};
  double tmp = x + 5.24218750000000000;
  tmp = (x + 0.5) * std::log(tmp) - tmp;
  double series = 0.999999999999997092;
  double denominator = x;
  for (double c : coefficients) series += c / ++denominator;
  return tmp + std::log(2.5066282746310005 * series / x);
}

// Continued fraction of the regularised incomplete beta function (modified Lentz).
double beta_fraction(double a, double b, double x) {
  constexpr double tiny = 1e-300;
  constexpr double epsilon = 1e-16;
  auto guard = [](double v) { return std::fabs(v) < tiny ? tiny : v; };
  double c = 1;
  double d = 1 / guard(1 - (a + b) * x / (a + 1));
  double result = d;
  for (int m = 1; m <= 100000; ++m) {
    const double dm = m;
    double coefficient = dm * (b - dm) * x / ((a + 2 * dm - 1) * (a + 2 * dm));
    d = 1 / guard(1 + coefficient * d);
    c = guard(1 + coefficient / c);
    result *= d * c;
    coefficient = -(a + dm) * (a + b + dm) * x / ((a + 2 * dm) * (a + 2 * dm + 1));
    d = 1 / guard(1 + coefficient * d);
    c = guard(1 + coefficient / c);
    const double step = d * c;
    result *= step;
    if (std::fabs(step - 1) < epsilon) break;
  }
  return result;
}

// I_x(a, b) for 0 <= x <= 1, with y = 1 - x passed separately to keep its precision.
double incomplete_beta(double a, double b, double x, double y) {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const double log_front = a * std::log(x) + b * std::log(y) - (log_gamma(a) + log_gamma(b) - log_gamma(a + b));
  if (x < (a + 1) / (a + b + 2)) return std::exp(log_front) * beta_fraction(a, b, x) / a;
  return 1 - std::exp(log_front) * beta_fraction(b, a, y) / b;
}

// Two-sided p-value of a Student t statistic: P(|T| > |t|) = I_{df/(df+t^2)}(df/2, 1/2).
double student_two_sided(double t, double df) {
  if (std::isinf(t)) return 0;
  const double t2 = t * t;
  return incomplete_beta(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
}

// ---------------------------------------------------------------------------------------------
// Mann-Kendall S in O(n log n)
// ---------------------------------------------------------------------------------------------

struct KendallCounts {
  std::int64_t s = 0;           // concordant - discordant pairs (i < j)
  double tie_variance = 0;      // sum over tied groups g of g(g-1)(2g+5)
  std::int64_t tied_pairs = 0;  // sum over tied groups of g(g-1)/2
};

// Counts the pairs i < j with x[i] > x[j] (strict inversions) by a bottom-up merge sort, and
// the tied groups of the sorted values. S = pairs - tied pairs - 2 inversions.
KendallCounts kendall_counts(std::vector<double> x) {
  const std::size_t n = x.size();
  std::vector<double> buffer(n);
  std::int64_t inversions = 0;
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t left = 0; left < n; left += 2 * width) {
      const std::size_t middle = std::min(left + width, n);
      const std::size_t right = std::min(left + 2 * width, n);
      std::size_t i = left;
      std::size_t j = middle;
      std::size_t k = left;
      while (i < middle && j < right) {
        if (x[j] < x[i]) {
          inversions += static_cast<std::int64_t>(middle - i);
          buffer[k++] = x[j++];
        } else {
          buffer[k++] = x[i++];
        }
      }
      while (i < middle) buffer[k++] = x[i++];
      while (j < right) buffer[k++] = x[j++];
    }
    x.swap(buffer);
  }
  KendallCounts counts;
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start + 1;
    while (end < n && x[end] == x[start]) ++end;
    const auto g = static_cast<std::int64_t>(end - start);
    if (g > 1) {
      const double dg = static_cast<double>(g);
      counts.tie_variance += dg * (dg - 1) * (2 * dg + 5);
      counts.tied_pairs += g * (g - 1) / 2;
    }
    start = end;
  }
  const auto pairs = static_cast<std::int64_t>(n) * static_cast<std::int64_t>(n - (n > 0 ? 1 : 0)) / 2;
  counts.s = pairs - counts.tied_pairs - 2 * inversions;
  return counts;
}

// Average ranks (1-based) of x, ties sharing the mean of their ranks.
std::vector<double> average_ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&x](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> ranks(x.size());
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start + 1;
    while (end < order.size() && x[order[end]] == x[order[start]]) ++end;
    const double rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2;
    for (std::size_t k = start; k < end; ++k) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}

}  // namespace

std::string_view to_string(TrendStatus status) noexcept {
  switch (status) {
    case TrendStatus::Ok:
      return "ok";
    case TrendStatus::TooShort:
      return "too_short";
    case TrendStatus::Constant:
      return "constant";
    case TrendStatus::Degenerate:
      return "degenerate";
  }
  return "unknown";
}

OlsResult ols(const std::vector<double>& y, const std::vector<double>& t, std::size_t min_length) {
  check_series(y, t);
  OlsResult result;
  result.n = y.size();
  if (y.size() < effective_minimum(min_length, 3)) return result;
  const double t_mean = mean(t);
  const double y_mean = mean(y);
  Sum sxx;
  Sum sxy;
  Sum syy;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double dt = t[i] - t_mean;
    const double dy = y[i] - y_mean;
    sxx.add(dt * dt);
    sxy.add(dt * dy);
    syy.add(dy * dy);
  }
  const double df = static_cast<double>(y.size() - 2);
  result.slope = sxy.value() / sxx.value();
  result.intercept = y_mean - result.slope * t_mean;
  if (std::all_of(y.begin(), y.end(), [&y](double v) { return v == y.front(); })) {
    result.status = TrendStatus::Constant;
    result.slope = 0;
    result.intercept = y.front();
    result.slope_stderr = 0;
    return result;
  }
  Sum residual;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double e = (y[i] - y_mean) - result.slope * (t[i] - t_mean);
    residual.add(e * e);
  }
  result.status = TrendStatus::Ok;
  result.r_squared = std::clamp(1 - residual.value() / syy.value(), 0.0, 1.0);
  result.slope_stderr = std::sqrt(residual.value() / df / sxx.value());
  if (result.slope_stderr == 0) {
    result.r_squared = 1;
    result.t_statistic = result.slope > 0 ? inf : -inf;
    result.p_value = 0;
    return result;
  }
  result.t_statistic = result.slope / result.slope_stderr;
  result.p_value = student_two_sided(result.t_statistic, df);
  return result;
}

MannKendallResult mann_kendall(const std::vector<double>& y, const std::vector<double>& t, std::size_t min_length) {
  check_series(y, t);
  MannKendallResult result;
  result.n = y.size();
  if (y.size() < effective_minimum(min_length, 2)) return result;
  const KendallCounts counts = kendall_counts(y);
  result.s = counts.s;
  result.var_s = mk_variance(y.size(), counts.tie_variance);
  if (result.var_s <= 0) {
    result.status = TrendStatus::Constant;
    result.var_s = 0;
    return result;
  }
  result.status = TrendStatus::Ok;
  result.z = mk_z(result.s, result.var_s);
  result.p_value = normal_two_sided(result.z);
  const double n = static_cast<double>(y.size());
  const double pairs = n * (n - 1) / 2;
  result.tau_b = static_cast<double>(result.s) / std::sqrt(pairs * (pairs - static_cast<double>(counts.tied_pairs)));
  return result;
}

HamedRaoResult hamed_rao(const std::vector<double>& y, const std::vector<double>& t, std::size_t max_lag, double alpha,
                         std::size_t min_length) {
  check_series(y, t);
  if (!(alpha > 0 && alpha < 1)) throw error(errc::InvalidArgument, "hamed_rao: alpha must lie in (0, 1)");
  HamedRaoResult result;
  const std::size_t n = y.size();
  result.n = n;
  if (n < effective_minimum(min_length, 3)) return result;
  const KendallCounts counts = kendall_counts(y);
  result.s = counts.s;
  result.var_s = mk_variance(n, counts.tie_variance);
  if (result.var_s <= 0) {
    result.status = TrendStatus::Constant;
    result.var_s = 0;
    return result;
  }
  // Ranks of the series detrended by its Sen slope, and their autocorrelations.
  detail::SlopeWorkspace workspace;
  const double slope = detail::median_slope(y.data(), t.data(), n, workspace);
  std::vector<double> detrended(n);
  for (std::size_t i = 0; i < n; ++i) detrended[i] = y[i] - t[i] * slope;
  std::vector<double> ranks = average_ranks(detrended);
  const double rank_mean = mean(ranks);
  for (double& r : ranks) r -= rank_mean;
  auto autocovariance = [&ranks, n](std::size_t lag) {
    Sum sum;
    for (std::size_t i = 0; i + lag < n; ++i) sum.add(ranks[i] * ranks[i + lag]);
    return sum.value();
  };
  const double variance = autocovariance(0);
  const double dn = static_cast<double>(n);
  const double bound = normal_upper_quantile(alpha / 2) / std::sqrt(dn);
  const std::size_t last_lag = max_lag == 0 ? n - 1 : std::min(max_lag, n - 1);
  Sum inflation;
  if (variance > 0) {
    for (std::size_t lag = 1; lag <= last_lag; ++lag) {
      const double r = autocovariance(lag) / variance;
      if (std::fabs(r) <= bound) continue;
      const double m = dn - static_cast<double>(lag);
      inflation.add(m * (m - 1) * (m - 2) * r);
      ++result.significant_lags;
    }
  }
  result.correction = 1 + 2 / (dn * (dn - 1) * (dn - 2)) * inflation.value();
  result.corrected_var_s = result.var_s * result.correction;
  if (!(result.corrected_var_s > 0)) {
    result.status = TrendStatus::Degenerate;
    return result;
  }
  result.status = TrendStatus::Ok;
  result.z = mk_z(result.s, result.corrected_var_s);
  result.p_value = normal_two_sided(result.z);
  return result;
}

SeasonalMannKendallResult seasonal_mann_kendall(const std::vector<double>& y, const std::vector<std::size_t>& season,
                                                std::size_t period, std::size_t min_length) {
  if (y.size() != season.size()) {
    throw error(errc::InvalidArgument, "seasonal_mann_kendall: " + std::to_string(y.size()) + " values but " +
                                           std::to_string(season.size()) + " seasons");
  }
  if (period == 0) throw error(errc::InvalidArgument, "seasonal_mann_kendall: period must be positive");
  check_values(y);
  std::vector<std::vector<double>> by_season(period);
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (season[i] >= period) {
      throw error(errc::InvalidArgument, "seasonal_mann_kendall: season at index " + std::to_string(i) +
                                             " is not below the period " + std::to_string(period));
    }
    by_season[season[i]].push_back(y[i]);
  }
  SeasonalMannKendallResult result;
  result.n = y.size();
  if (y.size() < effective_minimum(min_length, 2)) return result;
  double var_s = 0;
  double pairs = 0;
  for (const std::vector<double>& values : by_season) {
    if (values.size() < 2) continue;
    ++result.seasons_used;
    const KendallCounts counts = kendall_counts(values);
    result.s += counts.s;
    var_s += mk_variance(values.size(), counts.tie_variance);
    const double m = static_cast<double>(values.size());
    pairs += m * (m - 1) / 2;
  }
  if (result.seasons_used == 0) return result;
  result.var_s = var_s;
  if (var_s <= 0) {
    result.status = TrendStatus::Constant;
    result.var_s = 0;
    return result;
  }
  result.status = TrendStatus::Ok;
  result.z = mk_z(result.s, var_s);
  result.p_value = normal_two_sided(result.z);
  result.tau = static_cast<double>(result.s) / pairs;
  return result;
}

SenSlopeResult sen_slope(const std::vector<double>& y, const std::vector<double>& t, double confidence,
                         std::size_t min_length) {
  check_series(y, t);
  if (!(confidence > 0 && confidence < 1)) {
    throw error(errc::InvalidArgument, "sen_slope: confidence must lie in (0, 1)");
  }
  SenSlopeResult result;
  const std::size_t n = y.size();
  result.n = n;
  if (n < effective_minimum(min_length, 2)) return result;
  // Sen (1968) eq. 2.6: the variance of the Kendall statistic with ties in y (t has none).
  const KendallCounts counts = kendall_counts(y);
  const double z = normal_upper_quantile(std::min(confidence, 1 - confidence) / 2);
  detail::SlopeWorkspace workspace;
  const detail::TheilSen sen =
      detail::theil_sen(y.data(), t.data(), n, mk_variance(n, counts.tie_variance), z, workspace);
  result.status = TrendStatus::Ok;
  result.slope = sen.slope;
  result.intercept = sen.intercept;
  result.lower = sen.lower;
  result.upper = sen.upper;
  return result;
}

PettittResult pettitt(const std::vector<double>& y, std::size_t min_length) {
  check_values(y);
  PettittResult result;
  const std::size_t n = y.size();
  result.n = n;
  if (n < effective_minimum(min_length, 2)) return result;
  if (std::all_of(y.begin(), y.end(), [&y](double v) { return v == y.front(); })) {
    result.status = TrendStatus::Constant;
    result.p_value = 1;
    return result;
  }
  // V_i = sum over all j of sign(y[i] - y[j]) = 2 (values below) + (values equal) - n, and
  // U_k = U_{k-1} + V_{k-1}.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&y](std::size_t a, std::size_t b) { return y[a] < y[b]; });
  std::vector<std::int64_t> v(n);
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start + 1;
    while (end < n && y[order[end]] == y[order[start]]) ++end;
    const auto value = static_cast<std::int64_t>(2 * start + (end - start)) - static_cast<std::int64_t>(n);
    for (std::size_t k = start; k < end; ++k) v[order[k]] = value;
    start = end;
  }
  detail::pettitt_scan(n, [&v](std::size_t i) { return v[i]; }, result);
  return result;
}

std::vector<double> moving_average(const std::vector<double>& y, std::size_t window) {
  if (window == 0) throw error(errc::InvalidArgument, "moving_average: window must be positive");
  check_values(y);
  std::vector<double> result;
  if (window > y.size()) return result;
  result.reserve(y.size() - window + 1);
  const double size = static_cast<double>(window);
  for (std::size_t k = 0; k + window <= y.size(); ++k) {
    Sum sum;
    for (std::size_t i = k; i < k + window; ++i) sum.add(y[i]);
    result.push_back(sum.value() / size);
  }
  return result;
}

std::vector<double> ewma(const std::vector<double>& y, double alpha) {
  if (!(alpha > 0 && alpha <= 1)) throw error(errc::InvalidArgument, "ewma: alpha must lie in (0, 1]");
  check_values(y);
  std::vector<double> result;
  result.reserve(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) {
    result.push_back(i == 0 ? y[0] : alpha * y[i] + (1 - alpha) * result.back());
  }
  return result;
}

}  // namespace v1
}  // namespace kinerja
