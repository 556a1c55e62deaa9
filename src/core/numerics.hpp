// Small numerical pieces shared by the statistics of kinerja (reliability, trends).
#pragma once

#include <cmath>

namespace kinerja {
inline namespace v1 {
namespace detail {

/// Compensated (Neumaier) summation: long sums of squares stay accurate.
class NeumaierSum {
 public:
  void add(double x) {
    const double t = sum_ + x;
    if (std::fabs(sum_) >= std::fabs(x)) {
      compensation_ += (sum_ - t) + x;
    } else {
      compensation_ += (x - t) + sum_;
    }
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0;
  double compensation_ = 0;
};

/// The upper quantile of the standard normal distribution: x with P(Z > x) = q, 0 < q <= 1/2,
/// by bisection on erfc (no closed form to trust over the whole range; 200 halvings reach the
/// spacing of doubles).
inline double normal_upper_quantile(double q) {
  double low = 0;
  double high = 40;
  for (int i = 0; i < 200 && high - low > 0; ++i) {
    const double middle = low + (high - low) / 2;
    if (middle <= low || middle >= high) break;
    if (0.5 * std::erfc(middle / std::sqrt(2.0)) > q) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return low + (high - low) / 2;
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
