#include "kinerja/reliability.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <limits>
#include <string>
#include <utility>

#include "kinerja/error.hpp"
#include "core/numerics.hpp"

namespace kinerja {
inline namespace v1 {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

using Sum = detail::NeumaierSum;

std::string format_number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  return buffer;
}

std::string cell_label(std::size_t row, std::size_t column) {
  return "row " + std::to_string(row + 1) + ", column " + std::to_string(column + 1);
}

void check_shape(const ScoreMatrix& m) {
  if (m.columns != 0 && m.rows > std::numeric_limits<std::size_t>::max() / m.columns) {
    throw error(errc::InvalidArgument, "score matrix is too large");
  }
  if (m.values.size() != m.rows * m.columns) {
    throw error(errc::InvalidArgument, "score matrix holds " + std::to_string(m.values.size()) + " values, expected " +
                                           std::to_string(m.rows) + " x " + std::to_string(m.columns) + " = " +
                                           std::to_string(m.rows * m.columns));
  }
}

// ---------------------------------------------------------------------------------------------
// The F distribution, through the regularised incomplete beta function I_x(a, b)
// ---------------------------------------------------------------------------------------------

constexpr double half_log_two_pi = 0.91893853320467274178;  // ln(2 pi) / 2

// The Stirling part of ln Gamma(z): (z - 1/2) ln z - z + ln(2 pi)/2.
double stirling(double z) {
  return (z - 0.5) * std::log(z) - z + half_log_two_pi;
}

// delta(z) = ln Gamma(z) - stirling(z), z > 0. For z >= 10 the asymptotic series (terms
// B_2j / (2j (2j-1) z^(2j-1)), the first omitted one below 3e-17); below 10 the recurrence
// Gamma(z) = Gamma(z + m) / (z (z+1) ... (z+m-1)). No std::lgamma: it is not thread-safe everywhere.
double stirling_correction(double z) {
  if (z >= 10) {
    static constexpr double coefficients[] = {1.0 / 12,   -1.0 / 360,      1.0 / 1260, -1.0 / 1680,
                                              1.0 / 1188, -691.0 / 360360, 1.0 / 156};
    const double r2 = 1 / (z * z);
    double series = 0;
    for (std::size_t j = std::size(coefficients); j-- > 0;) series = series * r2 + coefficients[j];
    return series / z;
  }
  double shifted = z;
  double product = 1;
  while (shifted < 10) {
    product *= shifted;
    shifted += 1;
  }
  return stirling(shifted) + stirling_correction(shifted) - std::log(product) - stirling(z);
}

// ln(1 + t) where t = v/v0 - 1 is known accurately; `v` and `v0` serve when t is near -1.
double log_ratio(double t, double v, double v0) {
  if (t > -0.5) return std::log1p(t);
  return std::log(v) - std::log(v0);
}

// x^a y^b / B(a, b) with y = 1 - x and d = x - a/(a+b) given separately: written as
// a ln(x/x0) + b ln(y/y0) + ln(ab / (2 pi (a+b)))/2 + delta(a+b) - delta(a) - delta(b), with
// x0 = a/(a+b), so that no two large logarithms are subtracted even for df in the millions.
double beta_prefactor(double a, double b, double x, double y, double d) {
  if (x <= 0 || y <= 0) return 0;
  const double x0 = a / (a + b);
  const double y0 = b / (a + b);
  const double log_value = a * log_ratio(d / x0, x, x0) + b * log_ratio(-d / y0, y, y0) +
                           0.5 * std::log(a / (a + b) * b) - half_log_two_pi + stirling_correction(a + b) -
                           stirling_correction(a) - stirling_correction(b);
  return std::exp(log_value);
}

// The continued fraction of I_x(a, b) = x^a y^b / (a B(a, b)) * cf, evaluated by the modified
// Lentz method. It converges fast for x < (a+1)/(a+b+2). `d` = x - a/(a+b) gives the first
// denominator 1 - (a+b) x / (a+1) = (1 - (a+b) d) / (a+1) without cancellation near the switch.
double beta_continued_fraction(double a, double b, double x, double d0) {
  constexpr double tiny = 1e-300;
  constexpr int max_terms = 200000;
  auto guard = [](double v) { return std::fabs(v) < tiny ? tiny : v; };
  double c = 1;
  double d = 1 / guard((1 - (a + b) * d0) / (a + 1));
  double result = d;
  for (int m = 1; m <= max_terms; ++m) {
    const double dm = m;
    // Even term: m (b - m) x / ((a + 2m - 1)(a + 2m)).
    double coefficient = dm * (b - dm) * x / ((a + 2 * dm - 1) * (a + 2 * dm));
    d = 1 / guard(1 + coefficient * d);
    c = guard(1 + coefficient / c);
    result *= d * c;
    // Odd term: -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
    coefficient = -(a + dm) * (a + b + dm) * x / ((a + 2 * dm) * (a + 2 * dm + 1));
    d = 1 / guard(1 + coefficient * d);
    c = guard(1 + coefficient / c);
    const double step = d * c;
    result *= step;
    if (std::fabs(step - 1) < 1e-16) break;
  }
  return result;
}

struct Tails {
  double lower;    // P(X <= x)
  double upper;    // P(X > x)
  double density;  // x^a y^b / B(a, b): the derivative of `lower` with respect to ln(x / y)
};

// The beta(a, b) distribution at x, y = 1 - x, d = x - a/(a+b). The continued fraction gives the
// tail on its side of the switch point to a relative error of about 1e-16 (a + b): the rounding
// of x near 1 (or of y near 1) is what limits it. The other tail is 1 minus it.
Tails beta_tails(double a, double b, double x, double y, double d) {
  if (x <= 0) return {0, 1, 0};
  if (y <= 0) return {1, 0, 0};
  const double pre = beta_prefactor(a, b, x, y, d);
  if (x < (a + 1) / (a + b + 2)) {
    const double lower = pre * beta_continued_fraction(a, b, x, d) / a;
    return {lower, 1 - lower, pre};
  }
  const double upper = pre * beta_continued_fraction(b, a, y, -d) / b;
  return {1 - upper, upper, pre};
}

// The F(d1, d2) distribution at f: with x = d1 f / (d1 f + d2), P(F <= f) = I_x(d1/2, d2/2).
// `density` is the derivative of P(F <= f) with respect to ln f.
Tails f_tails(double f, double d1, double d2) {
  if (std::isnan(f)) return {nan, nan, nan};
  if (f <= 0) return {0, 1, 0};
  if (std::isinf(f)) return {1, 0, 0};
  const double r = d1 * f / d2;  // x / y, may overflow to infinity
  double x;
  double y;
  if (r > 1) {
    x = 1 / (1 + 1 / r);
    y = (1 / r) / (1 + 1 / r);
  } else {
    x = r / (1 + r);
    y = 1 / (1 + r);
  }
  // x - d1/(d1+d2) = d2/(d1+d2) * d1 (f-1) / (d1 f + d2), exact for f near 1.
  const double t = (f - 1) / (f + d2 / d1);
  const double d = t * (d2 / (d1 + d2));
  return beta_tails(d1 / 2, d2 / 2, x, y, d);
}

// P(F(d1, d2) > f).
double f_upper_tail(double f, double d1, double d2) {
  return f_tails(f, d1, d2).upper;
}

// The f with P(F <= f) = p and P(F > f) = q, where p + q = 1 and the smaller of the two is the
// one solved for (so 0.975 keeps the accuracy of its complement 0.025). Safeguarded Newton on
// ln f within a bracket; NaN when a degree of freedom is not a positive number.
double f_quantile(double p, double q, double d1, double d2) {
  if (!(d1 > 0) || !(d2 > 0) || std::isnan(p) || std::isnan(q)) return nan;
  if (p <= 0) return 0;
  if (q <= 0) return inf;
  const bool use_upper = q < p;
  // Increasing in u = ln f, with derivative `density`.
  auto residual = [&](double u, double& density) {
    const Tails tails = f_tails(std::exp(u), d1, d2);
    density = tails.density;
    return use_upper ? q - tails.upper : tails.lower - p;
  };
  constexpr double u_max = 709;   // e^709 is near the largest double
  constexpr double u_min = -745;  // e^-745 is the smallest
  double density = 0;
  double lo = 0;
  double hi = 0;
  const double r0 = residual(0, density);
  if (r0 == 0) return 1;
  if (r0 < 0) {
    for (double step = 1;; step *= 2) {
      hi = lo + step;
      if (hi >= u_max) return inf;
      if (residual(hi, density) >= 0) break;
      lo = hi;
    }
  } else {
    for (double step = 1;; step *= 2) {
      lo = hi - step;
      if (lo <= u_min) return 0;
      if (residual(lo, density) <= 0) break;
      hi = lo;
    }
  }
  double u = 0.5 * (lo + hi);
  for (int iteration = 0; iteration < 400; ++iteration) {
    const double r = residual(u, density);
    if (r == 0) return std::exp(u);
    if (r < 0) {
      lo = u;
    } else {
      hi = u;
    }
    double next = density > 0 ? u - r / density : nan;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const double tolerance = 4e-16 * std::max(1.0, std::fabs(u));
    if (std::fabs(next - u) <= tolerance || hi - lo <= tolerance) return std::exp(next);
    u = next;
  }
  return std::exp(u);
}

// ---------------------------------------------------------------------------------------------
// Intraclass correlations
// ---------------------------------------------------------------------------------------------

// (F - 1) / (F + k - 1), with its limit 1 when F is infinite.
double single_from_f(double f, double k) {
  return std::isinf(f) ? 1.0 : (f - 1) / (f + k - 1);
}
// 1 - 1/F, with its limit 1 when F is infinite.
double average_from_f(double f) {
  return std::isinf(f) ? 1.0 : 1 - 1 / f;
}

// A ratio of mean squares: +infinity for x/0, NaN for 0/0.
double ms_ratio(double numerator, double denominator) {
  if (denominator == 0) return numerator > 0 ? inf : nan;
  return numerator / denominator;
}

void finish(IccEstimate& e) {
  if (!std::isfinite(e.value)) {
    e.status = IccStatus::Undefined;
    e.value = e.f = e.p_value = e.lower = e.upper = nan;
  } else if (std::isnan(e.f) || std::isnan(e.p_value)) {
    e.status = IccStatus::NoTest;
    e.f = e.p_value = e.lower = e.upper = nan;
  } else if (!std::isfinite(e.lower) || !std::isfinite(e.upper)) {
    e.status = IccStatus::NoInterval;
    e.lower = e.upper = nan;
  } else {
    e.status = IccStatus::Ok;
  }
}

// ---------------------------------------------------------------------------------------------
// Krippendorff's alpha
// ---------------------------------------------------------------------------------------------

// Sum over ordered pairs (i, j) of w_i w_j ((c_i - c_j) / (c_i + c_j))^2 for distinct values
// c sorted ascending, all >= 0, with weights (counts) w.
constexpr std::size_t direct_ratio_limit = 512;

double ratio_pair_sum_direct(const std::vector<double>& c, const std::vector<double>& w) {
  Sum total;
  for (std::size_t i = 0; i < c.size(); ++i) {
    Sum row;
    for (std::size_t j = i + 1; j < c.size(); ++j) {
      const double s = c[i] + c[j];
      if (s == 0) continue;
      const double q = (c[j] - c[i]) / s;
      row.add(w[j] * q * q);
    }
    total.add(w[i] * row.value());
  }
  return 2 * total.value();
}

// The same sum through 1/(c+k)^2 = integral over s > 0 of s e^{-s(c+k)}:
//   sum = integral of s G(s) ds,  G(s) = sum_ij w_i w_j (c_i - c_j)^2 e^{-s c_i} e^{-s c_j}
//                                      = 2 W sum_i v_i (c_i - mu)^2,
// with v_i = w_i e^{-s c_i}, W = sum v_i and mu = sum v_i c_i / W: one weighted variance per s.
// With s = e^u each pair contributes ((c-k)/(c+k))^2 g(u + ln(c+k)), g(t) = exp(2t - e^t) of
// integral 1, and the trapezoidal rule with step h on g errs by about
// 2 |Gamma(2 - 2 pi i / h)| < 5e-15 relative for h = 1/4; g is cut where it is below 1e-16.
double ratio_pair_sum_quadrature(const std::vector<double>& c, const std::vector<double>& w) {
  const double c0 = c.front();
  const double c_max = c.back();
  const double c_min_positive = c0 > 0 ? c0 : c[1];
  constexpr double h = 0.25;
  const double u_lo = -18 - std::log(2 * c_max);
  const double u_hi = 4 - std::log(c_min_positive);
  const auto nodes = static_cast<std::size_t>(std::ceil((u_hi - u_lo) / h));
  std::vector<double> weight(c.size());
  Sum total;
  for (std::size_t node = 0; node <= nodes; ++node) {
    const double u = u_lo + h * static_cast<double>(node);
    const double s = std::exp(u);
    // Weights relative to the smallest value, so that they cannot all underflow.
    Sum weight_sum;
    Sum moment;
    std::size_t used = 0;
    for (; used < c.size(); ++used) {
      const double exponent = s * (c[used] - c0);
      // Here and for every later value, each pair term is below (s(c+k))^2 e^{-s(c+k)} < 5e-19 of
      // that pair's whole integral.
      if (exponent > 50) break;
      weight[used] = w[used] * std::exp(-exponent);
      weight_sum.add(weight[used]);
      moment.add(weight[used] * c[used]);
    }
    const double weight_total = weight_sum.value();
    const double mu = moment.value() / weight_total;
    Sum spread;
    for (std::size_t i = 0; i < used; ++i) {
      const double e = c[i] - mu;
      spread.add(weight[i] * e * e);
    }
    total.add(2 * weight_total * spread.value() * std::exp(2 * u - 2 * s * c0));
  }
  return h * total.value();
}

double ratio_pair_sum(const std::vector<double>& c, const std::vector<double>& w) {
  if (c.size() < 2) return 0;
  if (c.size() <= direct_ratio_limit) return ratio_pair_sum_direct(c, w);
  return ratio_pair_sum_quadrature(c, w);
}

// Distinct values of a sorted range and their counts.
void group_sorted(const double* first, const double* last, std::vector<double>& distinct, std::vector<double>& counts) {
  distinct.clear();
  counts.clear();
  for (const double* p = first; p != last; ++p) {
    if (distinct.empty() || *p != distinct.back()) {
      distinct.push_back(*p);
      counts.push_back(1);
    } else {
      counts.back() += 1;
    }
  }
}

// Sum over ordered pairs of values of one set of (t_i - t_j)^2 = 2 m sum (t_i - mean)^2.
double interval_pair_sum(const double* first, const double* last) {
  const auto m = static_cast<double>(last - first);
  Sum total;
  for (const double* p = first; p != last; ++p) total.add(*p);
  const double mean = total.value() / m;
  Sum spread;
  for (const double* p = first; p != last; ++p) spread.add((*p - mean) * (*p - mean));
  return 2 * m * spread.value();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// ScoreMatrix
// ---------------------------------------------------------------------------------------------

ScoreMatrix ScoreMatrix::from_rows(const std::vector<std::vector<double>>& rows) {
  ScoreMatrix m;
  m.rows = rows.size();
  m.columns = rows.empty() ? 0 : rows.front().size();
  m.values.reserve(m.rows * m.columns);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != m.columns) {
      throw error(errc::InvalidArgument, "score row " + std::to_string(r + 1) + " has " +
                                             std::to_string(rows[r].size()) + " values, row 1 has " +
                                             std::to_string(m.columns));
    }
    m.values.insert(m.values.end(), rows[r].begin(), rows[r].end());
  }
  return m;
}

ScoreMatrix ScoreMatrix::transposed() const {
  check_shape(*this);
  ScoreMatrix t;
  t.rows = columns;
  t.columns = rows;
  t.values.resize(values.size());
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) t.values[c * rows + r] = values[r * columns + c];
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Intraclass correlations
// ---------------------------------------------------------------------------------------------

std::string_view to_string(IccType type) noexcept {
  switch (type) {
    case IccType::Icc1: return "ICC1";
    case IccType::Icc2: return "ICC2";
    case IccType::Icc3: return "ICC3";
    case IccType::Icc1k: return "ICC1k";
    case IccType::Icc2k: return "ICC2k";
    case IccType::Icc3k: return "ICC3k";
  }
  return "";
}

std::string_view shrout_fleiss_name(IccType type) noexcept {
  switch (type) {
    case IccType::Icc1: return "ICC(1,1)";
    case IccType::Icc2: return "ICC(2,1)";
    case IccType::Icc3: return "ICC(3,1)";
    case IccType::Icc1k: return "ICC(1,k)";
    case IccType::Icc2k: return "ICC(2,k)";
    case IccType::Icc3k: return "ICC(3,k)";
  }
  return "";
}

std::string_view mcgraw_wong_name(IccType type) noexcept {
  switch (type) {
    case IccType::Icc1: return "ICC(1)";
    case IccType::Icc2: return "ICC(A,1)";
    case IccType::Icc3: return "ICC(C,1)";
    case IccType::Icc1k: return "ICC(k)";
    case IccType::Icc2k: return "ICC(A,k)";
    case IccType::Icc3k: return "ICC(C,k)";
  }
  return "";
}

std::string_view description(IccType type) noexcept {
  switch (type) {
    case IccType::Icc1: return "one-way random effects, absolute agreement, single rater";
    case IccType::Icc2: return "two-way random effects, absolute agreement, single rater";
    case IccType::Icc3: return "two-way mixed effects, consistency, single rater";
    case IccType::Icc1k: return "one-way random effects, absolute agreement, average of k raters";
    case IccType::Icc2k: return "two-way random effects, absolute agreement, average of k raters";
    case IccType::Icc3k: return "two-way mixed effects, consistency, average of k raters";
  }
  return "";
}

std::string_view to_string(IccStatus status) noexcept {
  switch (status) {
    case IccStatus::Ok: return "ok";
    case IccStatus::NoInterval: return "no_interval";
    case IccStatus::NoTest: return "no_test";
    case IccStatus::Undefined: return "undefined";
  }
  return "";
}

IccResult intraclass_correlations(const ScoreMatrix& scores, double confidence) {
  check_shape(scores);
  if (scores.rows < 2) {
    throw error(errc::InvalidArgument,
                "intraclass correlation needs at least 2 targets (rows), got " + std::to_string(scores.rows));
  }
  if (scores.columns < 2) {
    throw error(errc::InvalidArgument,
                "intraclass correlation needs at least 2 raters (columns), got " + std::to_string(scores.columns));
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw error(errc::InvalidArgument, "confidence must be strictly between 0 and 1, got " + format_number(confidence));
  }
  const std::size_t n_rows = scores.rows;
  const std::size_t n_columns = scores.columns;
  for (std::size_t r = 0; r < n_rows; ++r) {
    for (std::size_t c = 0; c < n_columns; ++c) {
      const double x = scores(r, c);
      if (std::isnan(x)) {
        throw error(errc::InvalidArgument, "intraclass correlation needs a complete design: the score of " +
                                               cell_label(r, c) + " is missing (NaN)");
      }
      if (std::isinf(x)) {
        throw error(errc::InvalidArgument, "the score of " + cell_label(r, c) + " is infinite");
      }
    }
  }

  const auto n = static_cast<double>(n_rows);
  const auto k = static_cast<double>(n_columns);

  // Two passes: the grand mean, then row and column means of the deviations from it.
  Sum grand;
  for (const double x : scores.values) grand.add(x);
  const double mean = grand.value() / (n * k);
  std::vector<double> row_mean(n_rows);
  std::vector<Sum> column_sum(n_columns);
  Sum deviation_sum;
  for (std::size_t r = 0; r < n_rows; ++r) {
    Sum row;
    for (std::size_t c = 0; c < n_columns; ++c) {
      const double d = scores(r, c) - mean;
      row.add(d);
      column_sum[c].add(d);
      deviation_sum.add(d);
    }
    row_mean[r] = row.value() / k;
  }
  const double offset = deviation_sum.value() / (n * k);  // the rounding left in `mean`
  std::vector<double> column_mean(n_columns);
  for (std::size_t c = 0; c < n_columns; ++c) column_mean[c] = column_sum[c].value() / n;

  Sum ss_total_sum;
  Sum ss_rows_sum;
  Sum ss_columns_sum;
  Sum ss_error_sum;
  for (std::size_t r = 0; r < n_rows; ++r) {
    ss_rows_sum.add((row_mean[r] - offset) * (row_mean[r] - offset));
    for (std::size_t c = 0; c < n_columns; ++c) {
      const double d = scores(r, c) - mean;
      ss_total_sum.add((d - offset) * (d - offset));
      const double residual = d - row_mean[r] - column_mean[c] + offset;
      ss_error_sum.add(residual * residual);
    }
  }
  for (std::size_t c = 0; c < n_columns; ++c) {
    ss_columns_sum.add((column_mean[c] - offset) * (column_mean[c] - offset));
  }
  const bool all_equal =
      std::all_of(scores.values.begin(), scores.values.end(), [&](double x) { return x == scores.values.front(); });
  const double ss_total = all_equal ? 0.0 : ss_total_sum.value();
  const double noise = 1e-13 * ss_total;
  auto clean = [&](double ss) { return ss <= noise ? 0.0 : ss; };
  const double ss_rows = clean(k * ss_rows_sum.value());
  const double ss_columns = clean(n * ss_columns_sum.value());
  const double ss_error = clean(ss_error_sum.value());

  IccResult result;
  result.targets = n_rows;
  result.raters = n_columns;
  result.confidence = confidence;
  IccAnova& a = result.anova;
  a.df_rows = n - 1;
  a.df_columns = k - 1;
  a.df_error = (n - 1) * (k - 1);
  a.df_within = n * (k - 1);
  a.ms_rows = ss_rows / a.df_rows;
  a.ms_columns = ss_columns / a.df_columns;
  a.ms_error = ss_error / a.df_error;
  a.ms_within = (ss_columns + ss_error) / a.df_within;
  const double msb = a.ms_rows;
  const double msj = a.ms_columns;
  const double mse = a.ms_error;
  const double msw = a.ms_within;

  auto ratio = [](double numerator, double denominator) { return denominator == 0 ? nan : numerator / denominator; };
  const double f1 = ms_ratio(msb, msw);
  const double f3 = ms_ratio(msb, mse);
  const double p1 = f_upper_tail(f1, a.df_rows, a.df_within);
  const double p3 = f_upper_tail(f3, a.df_rows, a.df_error);
  const double q = (1 - confidence) / 2;  // upper tail of each bound
  const double p = 1 - q;

  auto& e = result.estimates;
  for (std::size_t i = 0; i < icc_type_count; ++i) {
    e[i].type = static_cast<IccType>(i);
    const bool one_way = e[i].type == IccType::Icc1 || e[i].type == IccType::Icc1k;
    e[i].df1 = a.df_rows;
    e[i].df2 = one_way ? a.df_within : a.df_error;
    e[i].f = one_way ? f1 : f3;
    e[i].p_value = one_way ? p1 : p3;
  }
  IccEstimate& icc1 = e[static_cast<std::size_t>(IccType::Icc1)];
  IccEstimate& icc2 = e[static_cast<std::size_t>(IccType::Icc2)];
  IccEstimate& icc3 = e[static_cast<std::size_t>(IccType::Icc3)];
  IccEstimate& icc1k = e[static_cast<std::size_t>(IccType::Icc1k)];
  IccEstimate& icc2k = e[static_cast<std::size_t>(IccType::Icc2k)];
  IccEstimate& icc3k = e[static_cast<std::size_t>(IccType::Icc3k)];

  icc1.value = ratio(msb - msw, msb + (k - 1) * msw);
  icc2.value = ratio(msb - mse, msb + (k - 1 - k / n) * mse + k * msj / n);
  icc3.value = ratio(msb - mse, msb + (k - 1) * mse);
  icc1k.value = ratio(msb - msw, msb);
  icc2k.value = ratio(msb - mse, msb + (msj - mse) / n);
  icc3k.value = ratio(msb - mse, msb);

  // ICC1 and ICC3: F-based bounds, F / F_{1-q}(df1, df2) and F * F_{1-q}(df2, df1).
  {
    const double f_lower = f1 / f_quantile(p, q, a.df_rows, a.df_within);
    const double f_upper = f1 * f_quantile(p, q, a.df_within, a.df_rows);
    icc1.lower = single_from_f(f_lower, k);
    icc1.upper = single_from_f(f_upper, k);
    icc1k.lower = average_from_f(f_lower);
    icc1k.upper = average_from_f(f_upper);
  }
  {
    const double f_lower = f3 / f_quantile(p, q, a.df_rows, a.df_error);
    const double f_upper = f3 * f_quantile(p, q, a.df_error, a.df_rows);
    icc3.lower = single_from_f(f_lower, k);
    icc3.upper = single_from_f(f_upper, k);
    icc3k.lower = average_from_f(f_lower);
    icc3k.upper = average_from_f(f_upper);
  }
  // ICC2: Shrout & Fleiss (1979) eq. 9 with the approximate denominator degrees of freedom v.
  // psych writes v with Fj = MSJ/MSE; multiplied through by MSE^2 it stays finite when MSE = 0.
  {
    const double rho = icc2.value;
    const double base = n * (1 + (k - 1) * rho) - k * rho;
    const double numerator_term = k * rho * msj + base * mse;
    const double v = ((k - 1) * (n - 1) * numerator_term * numerator_term) /
                     ((n - 1) * k * k * rho * rho * msj * msj + base * base * mse * mse);
    const double f_upper = f_quantile(p, q, n - 1, v);
    const double f_lower = f_quantile(p, q, v, n - 1);
    const double spread = k * msj + (k * n - k - n) * mse;
    double lower = n * (msb - f_upper * mse) / (f_upper * spread + n * msb);
    double upper = n * (f_lower * msb - mse) / (spread + n * f_lower * msb);
    if (mse == 0 && msj == 0 && msb > 0) lower = upper = 1;  // every formula above is x/x
    icc2.lower = lower;
    icc2.upper = upper;
    icc2k.lower = lower * k / (1 + lower * (k - 1));
    icc2k.upper = upper * k / (1 + upper * (k - 1));
  }
  for (auto& estimate : e) finish(estimate);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Krippendorff's alpha
// ---------------------------------------------------------------------------------------------

std::string_view to_string(AlphaLevel level) noexcept {
  switch (level) {
    case AlphaLevel::Nominal: return "nominal";
    case AlphaLevel::Ordinal: return "ordinal";
    case AlphaLevel::Interval: return "interval";
    case AlphaLevel::Ratio: return "ratio";
  }
  return "";
}

std::string_view to_string(AlphaStatus status) noexcept {
  switch (status) {
    case AlphaStatus::Ok: return "ok";
    case AlphaStatus::NoPairableUnits: return "no_pairable_units";
    case AlphaStatus::NoVariation: return "no_variation";
  }
  return "";
}

AlphaResult krippendorff_alpha(const ScoreMatrix& scores, AlphaLevel level) {
  check_shape(scores);
  AlphaResult result;
  result.level = level;
  result.units = scores.rows;

  // The pairable values, unit after unit: unit u holds values[offsets[u] .. offsets[u+1]).
  std::vector<double> values;
  std::vector<std::size_t> offsets{0};
  for (std::size_t r = 0; r < scores.rows; ++r) {
    const std::size_t start = values.size();
    for (std::size_t c = 0; c < scores.columns; ++c) {
      const double x = scores(r, c);
      if (std::isnan(x)) continue;
      if (std::isinf(x)) throw error(errc::InvalidArgument, "the score of " + cell_label(r, c) + " is infinite");
      if (level == AlphaLevel::Ratio && x < 0) {
        throw error(errc::InvalidArgument,
                    "ratio alpha needs scores >= 0: the score of " + cell_label(r, c) + " is " + format_number(x));
      }
      values.push_back(x);
    }
    if (values.size() - start < 2) {
      values.resize(start);
    } else {
      offsets.push_back(values.size());
    }
  }
  const std::size_t units = offsets.size() - 1;
  result.pairable_units = units;
  result.pairable_values = values.size();
  if (units == 0) {
    result.status = AlphaStatus::NoPairableUnits;
    return result;
  }

  // Each unit sorted in place; the distinct values overall and their counts n_c.
  for (std::size_t u = 0; u < units; ++u) {
    std::sort(values.begin() + static_cast<std::ptrdiff_t>(offsets[u]),
              values.begin() + static_cast<std::ptrdiff_t>(offsets[u + 1]));
  }
  std::vector<double> distinct;
  std::vector<double> counts;
  {
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    group_sorted(sorted.data(), sorted.data() + sorted.size(), distinct, counts);
  }
  result.distinct_values = distinct.size();
  const auto n = static_cast<double>(values.size());
  if (distinct.size() == 1) {
    result.status = AlphaStatus::NoVariation;
    result.observed_disagreement = 0;
    result.expected_disagreement = 0;
    return result;
  }

  Sum observed;         // sum over units of (sum over ordered pairs in the unit of delta^2) / (m_u - 1)
  double expected = 0;  // sum over ordered pairs of all pairable values of delta^2
  switch (level) {
    case AlphaLevel::Nominal: {
      // Pairs that differ: m^2 - sum of squared counts, in integers.
      std::uint64_t total_squares = 0;
      for (const double count : counts) {
        const auto c = static_cast<std::uint64_t>(count);
        total_squares += c * c;
      }
      const auto n_int = static_cast<std::uint64_t>(values.size());
      expected = static_cast<double>(n_int * n_int - total_squares);
      for (std::size_t u = 0; u < units; ++u) {
        const std::uint64_t m = offsets[u + 1] - offsets[u];
        std::uint64_t squares = 0;
        std::uint64_t run = 1;
        for (std::size_t i = offsets[u] + 1; i <= offsets[u + 1]; ++i) {
          if (i < offsets[u + 1] && values[i] == values[i - 1]) {
            ++run;
          } else {
            squares += run * run;
            run = 1;
          }
        }
        observed.add(static_cast<double>(m * m - squares) / static_cast<double>(m - 1));
      }
      break;
    }
    case AlphaLevel::Ordinal:
    case AlphaLevel::Interval: {
      if (level == AlphaLevel::Ordinal) {
        // Mid-ranks: the ordinal delta between c and k is the difference of their mid-ranks
        // (values below + half of the own count), squared.
        std::vector<double> mid_rank(distinct.size());
        double below = 0;
        for (std::size_t g = 0; g < distinct.size(); ++g) {
          mid_rank[g] = below + counts[g] / 2;
          below += counts[g];
        }
        for (double& x : values) {
          const auto g = std::lower_bound(distinct.begin(), distinct.end(), x) - distinct.begin();
          x = mid_rank[static_cast<std::size_t>(g)];
        }
      }
      expected = interval_pair_sum(values.data(), values.data() + values.size());
      for (std::size_t u = 0; u < units; ++u) {
        const double* first = values.data() + offsets[u];
        const double* last = values.data() + offsets[u + 1];
        observed.add(interval_pair_sum(first, last) / static_cast<double>(last - first - 1));
      }
      break;
    }
    case AlphaLevel::Ratio: {
      expected = ratio_pair_sum(distinct, counts);
      std::vector<double> unit_distinct;
      std::vector<double> unit_counts;
      for (std::size_t u = 0; u < units; ++u) {
        const double* first = values.data() + offsets[u];
        const double* last = values.data() + offsets[u + 1];
        group_sorted(first, last, unit_distinct, unit_counts);
        observed.add(ratio_pair_sum(unit_distinct, unit_counts) / static_cast<double>(last - first - 1));
      }
      break;
    }
  }
  result.status = AlphaStatus::Ok;
  result.observed_disagreement = observed.value() / n;
  result.expected_disagreement = expected / (n * (n - 1));
  result.alpha = 1 - result.observed_disagreement / result.expected_disagreement;
  return result;
}

}  // namespace v1
}  // namespace kinerja
