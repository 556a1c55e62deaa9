// The Theil-Sen estimator: order statistics of the pairwise slopes of a series, shared by
// sen_slope(), hamed_rao() and the batch statistics of trend_statistics().
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace kinerja {
inline namespace v1 {
namespace detail {

/// Reusable scratch space of the slope selection (one per thread): fresh memory on every call
/// would cost more than the selection on long series.
struct SlopeWorkspace {
  SlopeWorkspace();
  ~SlopeWorkspace();
  SlopeWorkspace(const SlopeWorkspace&) = delete;
  SlopeWorkspace& operator=(const SlopeWorkspace&) = delete;

  std::vector<double> slopes, band, residuals;
  std::vector<std::size_t> local_ranks;
  struct Cuts;  // the scratch of the selection without forming the slopes (theil_sen.cpp)
  std::unique_ptr<Cuts> cuts;
};

/// Series from this length on take the O(n log n) selection; shorter ones form all slopes.
constexpr std::size_t long_series_length = 512;

/// Writes to values[k] the slope of 0-based rank ranks[k] among the n (n - 1) / 2 slopes
/// (y[j] - y[i]) / (t[j] - t[i]), i < j, each the IEEE quotient of the two differences, so the
/// values equal those of sorting all slopes. `ranks` is ascending; times strictly increase and
/// values and times are finite. Short series form all slopes and select in O(n^2); long ones
/// find each rank without forming them, in O(n log n) expected time (see theil_sen.cpp).
void select_slopes(const double* y, const double* t, std::size_t n, const std::size_t* ranks, std::size_t count,
                   double* values, SlopeWorkspace& workspace);

/// The two ways of select_slopes(), apart for tests and benchmarks. All slopes formed and
/// selected among, for any n >= 2:
void select_slopes_from_all_pairs(const double* y, const double* t, std::size_t n, const std::size_t* ranks,
                                  std::size_t count, double* values, SlopeWorkspace& workspace);
/// Without forming them (n >= 3); false, with `values` unspecified, when the result cannot be
/// vouched for (values or times near overflow).
bool select_slopes_by_cuts(const double* y, const double* t, std::size_t n, const std::size_t* ranks,
                           std::size_t count, double* values, SlopeWorkspace& workspace);

/// The median of the pairwise slopes; n >= 2.
double median_slope(const double* y, const double* t, std::size_t n, SlopeWorkspace& workspace);

struct TheilSen {
  double slope = 0, intercept = 0, lower = 0, upper = 0;
};

/// Sen's slope, the median of y - slope t, and the interval of Sen (1968) whose ranks come from
/// the Mann-Kendall variance `var_s` of y (tie-corrected; 0 for a constant series) and the
/// normal quantile `z`; ranks are rounded half to even as in the reference implementation.
TheilSen theil_sen(const double* y, const double* t, std::size_t n, double var_s, double z,
                   SlopeWorkspace& workspace);

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
