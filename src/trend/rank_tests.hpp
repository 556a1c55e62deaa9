// The formulas of the rank tests (Mann-Kendall, Pettitt), shared by the single-series functions
// (trend_stats.cpp) and the batch statistics (trend_series.cpp), which count the pairs in
// different ways but must give the same values bit for bit.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "kinerja/trend_stats.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {

/// Two-sided p-value of a standard normal statistic: P(|Z| > |z|) = erfc(|z| / sqrt 2).
inline double normal_two_sided(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

/// Var(S) of Mann-Kendall for n values; `tie_variance` is the sum over tied groups of
/// g (g - 1) (2 g + 5).
inline double mk_variance(std::size_t n, double tie_variance) {
  const double dn = static_cast<double>(n);
  return (dn * (dn - 1) * (2 * dn + 5) - tie_variance) / 18;
}

/// The continuity-corrected Mann-Kendall Z.
inline double mk_z(std::int64_t s, double var_s) {
  if (s > 0) return static_cast<double>(s - 1) / std::sqrt(var_s);
  if (s < 0) return static_cast<double>(s + 1) / std::sqrt(var_s);
  return 0;
}

/// Pettitt's test from V_i = sum over j of sign(y[i] - y[j]) (`v(i)`, i < n - 1 is asked):
/// U_k = U_{k-1} + V_{k-1}, K = max |U_k| over k = 1 .. n - 1 (the first k reaching it), and the
/// approximate p-value 2 exp(-6 K^2 / (n^3 + n^2)). Sets status Ok; n >= 2, y not constant.
template <typename V>
void pettitt_scan(std::size_t n, V&& v, PettittResult& result) {
  std::int64_t u = 0;
  for (std::size_t k = 1; k < n; ++k) {
    u += v(k - 1);
    const std::int64_t magnitude = u < 0 ? -u : u;
    if (magnitude > result.k) {
      result.k = magnitude;
      result.u = u;
      result.change_point = k;
    }
  }
  result.status = TrendStatus::Ok;
  const double dn = static_cast<double>(n);
  const double dk = static_cast<double>(result.k);
  result.p_value = std::min(1.0, 2 * std::exp(-6 * dk * dk / (dn * dn * dn + dn * dn)));
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
