// kinerja: trend statistics of one series.
//
// A series is a sequence of values y[0..n) observed at real times t[0..n): for example the
// monthly capaian (achievement) of one pegawai or one unit, with t in months since an epoch.
// The times must be finite and strictly increasing; gaps (a missing month) are kept as they are,
// never re-indexed. Every value and time must be a number: a NaN or an infinity throws
// errc::InvalidArgument naming its 0-based index, so drop missing periods before calling.
//
// The tests and estimators:
//
//  * ols: least-squares line y = intercept + slope t, r^2 and the two-sided t test of the slope
//    (n - 2 degrees of freedom), as scipy.stats.linregress.
//  * mann_kendall: the Mann-Kendall trend test (Mann 1945, Kendall 1975; Hipel & McLeod 1994):
//    S = sum over i < j of sign(y[j] - y[i]), Var(S) = (n(n-1)(2n+5) - sum over tied groups of
//    g(g-1)(2g+5)) / 18, Z = (S - sign(S)) / sqrt(Var(S)), the two-sided normal p-value and
//    Kendall's tau-b. Computed in O(n log n) by counting inversions with a merge sort.
//  * hamed_rao: Mann-Kendall with the Hamed & Rao (1998) variance correction for
//    autocorrelation: the series is detrended with the Sen slope (on the real times), ranked,
//    and the lag-k autocorrelations r_k of the ranks that are significant at level `alpha`
//    (|r_k| > z(1 - alpha/2) / sqrt(n)) inflate the variance by
//    n/n* = 1 + 2 / (n(n-1)(n-2)) * sum of (n-k)(n-k-1)(n-k-2) r_k. Lags count positions, not
//    time. This is pymannkendall's hamed_rao_modification_test when t = 1, 2, ..., n.
//    O(n^2) (the Sen slope and the autocorrelations over all lags).
//  * seasonal_mann_kendall: the seasonal Kendall test (Hirsch, Slack & Smith 1982) for monthly
//    or quarterly data: S and Var(S) are the sums over seasons of the per-season Mann-Kendall
//    S and Var(S) (ties corrected, no covariance between seasons).
//  * sen_slope: the Theil-Sen slope, the median of the pairwise slopes (y[j]-y[i]) / (t[j]-t[i])
//    on real time distances, the intercept median(y - slope t) and the distribution-free
//    confidence interval of Sen (1968) eq. 2.6, as scipy.stats.theilslopes(y, t, confidence,
//    method="joint"). It forms all n(n-1)/2 slopes: O(n^2) memory and O(n^2 log n) time, meant
//    for series up to a few thousand points (20 years of months is 240).
//  * pettitt: the Pettitt (1979) test for one change point in the level of the series.
//  * moving_average and ewma: simple smoothers.
//
// Degenerate but valid input gives a `TrendStatus`, never an unexplained NaN: a series shorter
// than the minimum length is TooShort, a series whose values are all equal is Constant, and
// each result lists which of its fields are numbers in that case. Every function takes a
// `min_length` guard (default 3); the effective minimum is the larger of `min_length` and what
// the statistic needs (2 for Mann-Kendall, Sen and Pettitt, 3 for OLS and Hamed-Rao).
//
// All p-values use kinerja's own normal and Student t distributions (the complementary error
// function and the regularised incomplete beta function), accurate to about 1e-14.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "kinerja/export.hpp"

namespace kinerja {
inline namespace v1 {

/// The default minimum series length of the trend statistics.
inline constexpr std::size_t default_min_length = 3;

/// What a trend statistic could compute.
enum class TrendStatus : std::uint8_t {
  Ok,          ///< every field is a number
  TooShort,    ///< fewer values than the minimum length: only `n` is set, the statistics are NaN or 0
  Constant,    ///< all values equal (or all tied within every season): no test; see each result
  Degenerate,  ///< Hamed-Rao only: the corrected variance is not positive, so Z and p are NaN
};

/// "ok", "too_short", "constant", "degenerate".
KIN_CXX_API std::string_view to_string(TrendStatus status) noexcept;

/// Ordinary least squares fit y = intercept + slope t with the t test of H0: slope = 0.
/// Constant: slope 0, intercept the common value, slope_stderr 0; r_squared, t_statistic and
/// p_value NaN. An exact line gives r_squared 1, slope_stderr 0, t_statistic +-infinity, p 0.
struct OlsResult {
  TrendStatus status = TrendStatus::TooShort;
  std::size_t n = 0;
  double slope = std::numeric_limits<double>::quiet_NaN();         ///< change of y per unit of t
  double intercept = std::numeric_limits<double>::quiet_NaN();     ///< fitted y at t = 0
  double slope_stderr = std::numeric_limits<double>::quiet_NaN();  ///< standard error of the slope
  double r_squared = std::numeric_limits<double>::quiet_NaN();     ///< coefficient of determination
  double t_statistic = std::numeric_limits<double>::quiet_NaN();   ///< slope / slope_stderr
  double p_value = std::numeric_limits<double>::quiet_NaN();       ///< two-sided, Student t with n - 2 df
};

/// The Mann-Kendall test. Constant: s 0 and var_s 0; z, p_value and tau_b NaN.
struct MannKendallResult {
  TrendStatus status = TrendStatus::TooShort;
  std::size_t n = 0;
  std::int64_t s = 0;                                         ///< concordant minus discordant pairs
  double var_s = std::numeric_limits<double>::quiet_NaN();    ///< Var(S) with the tie correction
  double z = std::numeric_limits<double>::quiet_NaN();        ///< (S - sign(S)) / sqrt(Var(S))
  double p_value = std::numeric_limits<double>::quiet_NaN();  ///< two-sided normal p-value of z
  double tau_b = std::numeric_limits<double>::quiet_NaN();    ///< Kendall's tau-b of (t, y)
};

/// The Mann-Kendall test with the Hamed-Rao variance correction. Constant: s 0, var_s 0, the
/// rest NaN. Degenerate: s, var_s and correction are numbers, corrected_var_s <= 0, z and
/// p_value NaN.
struct HamedRaoResult {
  TrendStatus status = TrendStatus::TooShort;
  std::size_t n = 0;
  std::int64_t s = 0;                                                 ///< the Mann-Kendall S
  double var_s = std::numeric_limits<double>::quiet_NaN();            ///< uncorrected Var(S)
  double correction = std::numeric_limits<double>::quiet_NaN();       ///< n/n*
  double corrected_var_s = std::numeric_limits<double>::quiet_NaN();  ///< var_s * correction
  double z = std::numeric_limits<double>::quiet_NaN();                ///< (S - sign(S)) / sqrt(corrected)
  double p_value = std::numeric_limits<double>::quiet_NaN();          ///< two-sided normal p-value of z
  std::size_t significant_lags = 0;                                   ///< lags that entered the correction
};

/// The seasonal Mann-Kendall test. TooShort when no season has 2 values (or n < min_length);
/// Constant when every season is all ties (s 0, var_s 0, the rest NaN).
struct SeasonalMannKendallResult {
  TrendStatus status = TrendStatus::TooShort;
  std::size_t n = 0;
  std::size_t seasons_used = 0;                               ///< seasons with at least 2 values
  std::int64_t s = 0;                                         ///< sum of the per-season S
  double var_s = std::numeric_limits<double>::quiet_NaN();    ///< sum of the per-season Var(S)
  double z = std::numeric_limits<double>::quiet_NaN();        ///< (S - sign(S)) / sqrt(Var(S))
  double p_value = std::numeric_limits<double>::quiet_NaN();  ///< two-sided normal p-value of z
  double tau = std::numeric_limits<double>::quiet_NaN();      ///< S / sum over seasons of m(m-1)/2
};

/// The Theil-Sen slope with its confidence interval. A constant series is a valid fit (status
/// Ok, slope and bounds 0).
struct SenSlopeResult {
  TrendStatus status = TrendStatus::TooShort;
  std::size_t n = 0;
  double slope = std::numeric_limits<double>::quiet_NaN();      ///< median of the pairwise slopes
  double intercept = std::numeric_limits<double>::quiet_NaN();  ///< median of y - slope t
  double lower = std::numeric_limits<double>::quiet_NaN();      ///< lower confidence bound of the slope
  double upper = std::numeric_limits<double>::quiet_NaN();      ///< upper confidence bound of the slope
};

/// The Pettitt change-point test. U_k = sum over i < k <= j of sign(y[i] - y[j]) for
/// k = 1..n-1, K = max |U_k|, and the change point is the first k reaching it: the series
/// changes level between y[k-1] and y[k]. p = min(1, 2 exp(-6 K^2 / (n^3 + n^2))).
/// Constant: change_point 0, k 0, u 0, p_value 1.
struct PettittResult {
  TrendStatus status = TrendStatus::TooShort;
  std::size_t n = 0;
  std::size_t change_point = 0;                               ///< first index of the second segment
  std::int64_t k = 0;                                         ///< K = max |U_k|
  std::int64_t u = 0;                                         ///< U at the change point (its sign: > 0 a drop)
  double p_value = std::numeric_limits<double>::quiet_NaN();  ///< approximate two-sided p-value
};

/// Least squares trend of y on t. Throws errc::InvalidArgument when y and t differ in length,
/// a value or time is not finite, or the times are not strictly increasing.
KIN_CXX_API OlsResult ols(const std::vector<double>& y, const std::vector<double>& t,
                          std::size_t min_length = default_min_length);

/// The Mann-Kendall test of y ordered by t (only the order of t matters). Throws as ols.
KIN_CXX_API MannKendallResult mann_kendall(const std::vector<double>& y, const std::vector<double>& t,
                                           std::size_t min_length = default_min_length);

/// The Mann-Kendall test with the Hamed-Rao correction over lags 1..max_lag (0: all lags,
/// 1..n-1; larger values are capped at n-1); `alpha` in (0, 1) is the level at which a rank
/// autocorrelation counts as significant. Throws as ols, and on an `alpha` outside (0, 1).
KIN_CXX_API HamedRaoResult hamed_rao(const std::vector<double>& y, const std::vector<double>& t,
                                     std::size_t max_lag = 0, double alpha = 0.05,
                                     std::size_t min_length = default_min_length);

/// The seasonal Mann-Kendall test. y is in time order and season[i] in [0, period) is the season
/// of y[i] (the month 0..11 for period 12). Throws errc::InvalidArgument when the lengths differ,
/// period is 0, a season is out of range or a value is not finite.
KIN_CXX_API SeasonalMannKendallResult seasonal_mann_kendall(const std::vector<double>& y,
                                                            const std::vector<std::size_t>& season,
                                                            std::size_t period = 12,
                                                            std::size_t min_length = default_min_length);

/// The Theil-Sen slope of y on t with its `confidence` interval (in (0, 1), default 0.95).
/// Throws as ols, and on a confidence outside (0, 1).
KIN_CXX_API SenSlopeResult sen_slope(const std::vector<double>& y, const std::vector<double>& t,
                                     double confidence = 0.95, std::size_t min_length = default_min_length);

/// The Pettitt change-point test of y in its given order. O(n log n). Throws
/// errc::InvalidArgument when a value is not finite.
KIN_CXX_API PettittResult pettitt(const std::vector<double>& y, std::size_t min_length = default_min_length);

/// Trailing moving average: n - window + 1 values, entry k the mean of y[k .. k+window), which
/// belongs to time t[k + window - 1]. Positions, not times: gaps are not filled. Empty when
/// window > n. Throws errc::InvalidArgument when window is 0 or a value is not finite.
KIN_CXX_API std::vector<double> moving_average(const std::vector<double>& y, std::size_t window);

/// Exponentially weighted moving average: s[0] = y[0], s[i] = alpha y[i] + (1 - alpha) s[i-1]
/// (pandas ewm(alpha=alpha, adjust=False).mean()). Throws errc::InvalidArgument when alpha is
/// outside (0, 1] or a value is not finite.
KIN_CXX_API std::vector<double> ewma(const std::vector<double>& y, double alpha);

}  // namespace v1
}  // namespace kinerja
