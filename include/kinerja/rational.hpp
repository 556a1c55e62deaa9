// kinerja: exact rational numbers for the places where the regulations branch.
//
// Regulation thresholds (the 24% rule of PP 46/2011, the 70%-of-n counts of the distribution
// curve, the IKM and SAKIP bands) must never be decided in binary floating point: in IEEE double
// 0.7 * 90 is 62.99999999999999 and 100 - 9.12 / 12 * 100 is 24.000000000000014. `Rational`
// keeps numerator and denominator as 64-bit integers, always reduced, with every operation
// checked: a result that does not fit throws `kinerja::error` with `errc::Overflow` instead of
// silently wrapping.
//
// Values enter exactly from decimal text ("9.12" is 228/25) or from a double through its
// shortest round-trip decimal form (the double nearest 9.12 becomes 228/25 again), which is the
// number a user typed into a spreadsheet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kinerja/export.hpp"

namespace kinerja {
inline namespace v1 {

class KIN_CXX_API Rational {
 public:
  /// Zero.
  constexpr Rational() noexcept = default;
  /// An integer.
  constexpr Rational(std::int64_t value) noexcept : num_(value) {}  // NOLINT: implicit by design
  /// numerator / denominator, reduced. Throws errc::InvalidArgument if the denominator is 0.
  Rational(std::int64_t numerator, std::int64_t denominator);

  /// Parses a plain decimal: optional sign, digits, optional '.' (or ',' when `decimal_comma`)
  /// and fraction digits. No exponent, no thousands separators. Throws errc::ParseError, or
  /// errc::Overflow when the value needs more than 18 significant digits.
  static Rational parse(std::string_view text, bool decimal_comma = false);
  /// Like parse(), but returns nullopt instead of throwing.
  static std::optional<Rational> try_parse(std::string_view text, bool decimal_comma = false) noexcept;
  /// The exact value of the shortest decimal that round-trips to `value` (e.g. 9.12 -> 228/25).
  /// Throws errc::InvalidArgument for NaN or infinity, errc::Overflow if it does not fit.
  static Rational from_double(double value);

  constexpr std::int64_t numerator() const noexcept { return num_; }
  constexpr std::int64_t denominator() const noexcept { return den_; }
  constexpr bool is_integer() const noexcept { return den_ == 1; }

  /// Largest integer <= value.
  std::int64_t floor() const noexcept;
  /// Smallest integer >= value.
  std::int64_t ceil() const noexcept;
  /// Nearest integer, halves away from zero (the "round half up" of Indonesian regulations
  /// for positive values: 2.5 -> 3, -2.5 -> -3).
  std::int64_t round_half_up() const;
  /// Rounded to `decimals` fraction digits, halves away from zero (0 <= decimals <= 18).
  Rational round_half_up(int decimals) const;

  /// The nearest double (correctly rounded for values whose parts fit in 53 bits).
  double to_double() const noexcept;
  /// Decimal text rounded half-up to `decimals` digits, e.g. "88.67" for 266/3 and 2.
  std::string to_decimal_string(int decimals) const;
  /// "num/den", or just "num" for integers.
  std::string to_string() const;

  Rational operator-() const;
  Rational& operator+=(const Rational& rhs) { return *this = *this + rhs; }
  Rational& operator-=(const Rational& rhs) { return *this = *this - rhs; }
  Rational& operator*=(const Rational& rhs) { return *this = *this * rhs; }
  Rational& operator/=(const Rational& rhs) { return *this = *this / rhs; }

  friend KIN_CXX_API Rational operator+(const Rational& a, const Rational& b);
  friend KIN_CXX_API Rational operator-(const Rational& a, const Rational& b);
  friend KIN_CXX_API Rational operator*(const Rational& a, const Rational& b);
  /// Throws errc::InvalidArgument when dividing by zero.
  friend KIN_CXX_API Rational operator/(const Rational& a, const Rational& b);

  /// Three-way comparison, exact (uses 128-bit cross products): -1, 0 or 1.
  friend KIN_CXX_API int compare(const Rational& a, const Rational& b) noexcept;
  friend bool operator==(const Rational& a, const Rational& b) noexcept {
    return a.num_ == b.num_ && a.den_ == b.den_;  // both are reduced
  }
  friend bool operator!=(const Rational& a, const Rational& b) noexcept { return !(a == b); }
  friend bool operator<(const Rational& a, const Rational& b) noexcept { return compare(a, b) < 0; }
  friend bool operator<=(const Rational& a, const Rational& b) noexcept { return compare(a, b) <= 0; }
  friend bool operator>(const Rational& a, const Rational& b) noexcept { return compare(a, b) > 0; }
  friend bool operator>=(const Rational& a, const Rational& b) noexcept { return compare(a, b) >= 0; }

 private:
  friend struct RationalAccess;  // the implementation builds already-reduced values
  struct Reduced {};
  constexpr Rational(std::int64_t num, std::int64_t den, Reduced) noexcept : num_(num), den_(den) {}
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;  // always > 0; gcd(|num_|, den_) == 1
};

/// A sum of many exact values that cannot overflow on realistic data.
///
/// The sum stays exact while its fraction fits 64 bits. Sums of many decimals with different
/// denominators (the mean of nine NRR with different answer counts, the mean of activity values
/// R/T x 100) can outgrow that; from then on the sum and every further addend are rounded half-up
/// to `decimals` fraction digits (the decision precision, 12 by default), which keeps every
/// later threshold decision deterministic and exact on that rounded value. exact() tells whether
/// this happened. Values so large that even the rounded sum overflows still throw errc::Overflow.
class KIN_CXX_API RationalSum {
 public:
  static constexpr int default_decimals = 12;
  explicit RationalSum(int decimals = default_decimals) : decimals_(decimals) {}

  void add(const Rational& value);
  RationalSum& operator+=(const Rational& value) {
    add(value);
    return *this;
  }
  const Rational& value() const noexcept { return sum_; }
  /// False once the sum had to be rounded to `decimals` digits.
  bool exact() const noexcept { return exact_; }

 private:
  Rational sum_;
  int decimals_;
  bool exact_ = true;
};

}  // namespace v1
}  // namespace kinerja
