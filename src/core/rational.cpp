#include "kinerja/rational.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <system_error>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
struct RationalAccess {
  static Rational reduced(std::int64_t num, std::int64_t den) noexcept {
    return Rational(num, den, Rational::Reduced{});
  }
};

namespace {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

u128 abs128(i128 v) { return v < 0 ? static_cast<u128>(-(v + 1)) + 1 : static_cast<u128>(v); }

u128 gcd128(u128 a, u128 b) {
  while (b != 0) {
    u128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

[[noreturn]] void overflow(const char* what) {
  throw error(errc::Overflow, std::string("exact arithmetic overflow in ") + what +
                                  ": the value needs more than 64-bit numerator or denominator");
}

// Reduces num/den (den != 0) and checks that both fit in 64 bits.
Rational make(i128 num, i128 den, const char* what) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const u128 g = gcd128(abs128(num), static_cast<u128>(den));
  if (g > 1) {
    num /= static_cast<i128>(g);
    den /= static_cast<i128>(g);
  }
  if (num > int64_max || num < int64_min || den > int64_max) overflow(what);
  return RationalAccess::reduced(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
}

constexpr std::int64_t pow10_table[19] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};

enum class ParseStatus { Ok, Syntax, Overflow };

// Grammar: [+-]? digits* ([.,] digits*)? ([eE] [+-]? digits+)?  with at least one digit in the
// mantissa; ',' only with decimal_comma; exponent only with allow_exponent.
ParseStatus parse_decimal(std::string_view s, bool decimal_comma, bool allow_exponent, Rational& out) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    negative = s[i] == '-';
    ++i;
  }
  std::uint64_t mantissa = 0;
  int significant = 0;
  int scale = 0;  // value = mantissa * 10^scale
  bool any_digit = false;
  bool seen_point = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      const auto d = static_cast<std::uint64_t>(c - '0');
      if (seen_point) --scale;
      if (mantissa == 0 && d == 0) continue;  // leading zeros carry no significance
      if (significant == 18) {
        if (d != 0) return ParseStatus::Overflow;
        // A trailing zero: absorb it as a power of ten instead of a digit.
        ++scale;
        continue;
      }
      mantissa = mantissa * 10 + d;
      ++significant;
    } else if ((c == '.' || (decimal_comma && c == ',')) && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any_digit) return ParseStatus::Syntax;
  if (i < s.size() && allow_exponent && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      exp_negative = s[i] == '-';
      ++i;
    }
    int exponent = 0;
    bool exp_digit = false;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      exp_digit = true;
      if (exponent < 10000) exponent = exponent * 10 + (s[i] - '0');
    }
    if (!exp_digit) return ParseStatus::Syntax;
    scale += exp_negative ? -exponent : exponent;
  }
  if (i != s.size()) return ParseStatus::Syntax;
  if (mantissa == 0) {
    out = Rational();
    return ParseStatus::Ok;
  }
  // Drop trailing zeros of the mantissa into the scale, so 1.500000 stays small.
  while (mantissa % 10 == 0) {
    mantissa /= 10;
    ++scale;
  }
  i128 num = static_cast<i128>(mantissa);
  i128 den = 1;
  if (scale > 0) {
    if (scale > 18) return ParseStatus::Overflow;
    num *= pow10_table[scale];
  } else if (scale < 0) {
    if (scale < -18) return ParseStatus::Overflow;
    den = pow10_table[-scale];
  }
  if (negative) num = -num;
  if (num > int64_max || num < int64_min) return ParseStatus::Overflow;
  out = make(num, den, "parse");
  return ParseStatus::Ok;
}

}  // namespace

Rational::Rational(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) throw error(errc::InvalidArgument, "rational number with denominator 0");
  *this = make(numerator, denominator, "construction");
}

Rational Rational::parse(std::string_view text, bool decimal_comma) {
  Rational out;
  switch (parse_decimal(text, decimal_comma, false, out)) {
    case ParseStatus::Ok: return out;
    case ParseStatus::Overflow:
      throw error(errc::Overflow, "decimal '" + std::string(text) + "' has more than 18 significant digits");
    case ParseStatus::Syntax: break;
  }
  throw error(errc::ParseError, "'" + std::string(text) + "' is not a plain decimal number");
}

std::optional<Rational> Rational::try_parse(std::string_view text, bool decimal_comma) noexcept {
  Rational out;
  if (parse_decimal(text, decimal_comma, false, out) != ParseStatus::Ok) return std::nullopt;
  return out;
}

Rational Rational::from_double(double value) {
  if (!std::isfinite(value)) throw error(errc::InvalidArgument, "cannot make an exact number from NaN or infinity");
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  if (res.ec != std::errc()) throw error(errc::Internal, "to_chars failed");
  Rational out;
  const std::string_view text(buf, static_cast<std::size_t>(res.ptr - buf));
  if (parse_decimal(text, false, true, out) != ParseStatus::Ok) {
    throw error(errc::Overflow, "the number " + std::string(text) + " is outside the exact range (18 digits)");
  }
  return out;
}

std::int64_t Rational::floor() const noexcept {
  std::int64_t q = num_ / den_;
  if ((num_ % den_) != 0 && num_ < 0) --q;
  return q;
}

std::int64_t Rational::ceil() const noexcept {
  std::int64_t q = num_ / den_;
  if ((num_ % den_) != 0 && num_ > 0) ++q;
  return q;
}

std::int64_t Rational::round_half_up() const {
  // |x| + 1/2, truncated, with the sign restored: halves go away from zero.
  const i128 n = num_ < 0 ? -static_cast<i128>(num_) : static_cast<i128>(num_);
  const i128 q = (2 * n + den_) / (2 * static_cast<i128>(den_));
  const i128 r = num_ < 0 ? -q : q;
  return static_cast<std::int64_t>(r);
}

Rational Rational::round_half_up(int decimals) const {
  if (decimals < 0 || decimals > 18) throw error(errc::InvalidArgument, "decimals must be in 0..18");
  const i128 scale = pow10_table[decimals];
  const i128 n = num_ < 0 ? -static_cast<i128>(num_) : static_cast<i128>(num_);
  const i128 scaled = n * scale;  // fits: |num| < 2^63, scale <= 10^18 < 2^60
  i128 q = (2 * scaled + den_) / (2 * static_cast<i128>(den_));
  if (num_ < 0) q = -q;
  return make(q, scale, "rounding");
}

double Rational::to_double() const noexcept { return static_cast<double>(num_) / static_cast<double>(den_); }

std::string Rational::to_decimal_string(int decimals) const {
  const Rational r = round_half_up(decimals);
  const i128 scale = pow10_table[decimals];
  // r * 10^decimals is an integer by construction.
  const i128 scaled = static_cast<i128>(r.num_) * (scale / r.den_);
  const u128 mag = abs128(scaled);
  const u128 int_part = mag / static_cast<u128>(scale);
  u128 frac_part = mag % static_cast<u128>(scale);
  std::string digits;
  u128 ip = int_part;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(ip % 10)));
    ip /= 10;
  } while (ip != 0);
  std::string out = scaled < 0 ? "-" : "";
  out += digits;
  if (decimals > 0) {
    std::string frac(static_cast<std::size_t>(decimals), '0');
    for (int k = decimals - 1; k >= 0; --k) {
      frac[static_cast<std::size_t>(k)] = static_cast<char>('0' + static_cast<int>(frac_part % 10));
      frac_part /= 10;
    }
    out += '.';
    out += frac;
  }
  return out;
}

std::string Rational::to_string() const {
  if (den_ == 1) return std::to_string(num_);
  return std::to_string(num_) + "/" + std::to_string(den_);
}

Rational Rational::operator-() const { return make(-static_cast<i128>(num_), den_, "negation"); }

Rational operator+(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.den_ + static_cast<i128>(b.num_) * a.den_,
              static_cast<i128>(a.den_) * b.den_, "addition");
}

Rational operator-(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.den_ - static_cast<i128>(b.num_) * a.den_,
              static_cast<i128>(a.den_) * b.den_, "subtraction");
}

Rational operator*(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.num_, static_cast<i128>(a.den_) * b.den_, "multiplication");
}

Rational operator/(const Rational& a, const Rational& b) {
  if (b.num_ == 0) throw error(errc::InvalidArgument, "division by zero");
  return make(static_cast<i128>(a.num_) * b.den_, static_cast<i128>(a.den_) * b.num_, "division");
}

void RationalSum::add(const Rational& value) {
  if (exact_) {
    try {
      sum_ += value;
      return;
    } catch (const error& e) {
      if (e.code() != errc::Overflow) throw;
      exact_ = false;
      sum_ = sum_.round_half_up(decimals_);
    }
  }
  sum_ += value.round_half_up(decimals_);
}

int compare(const Rational& a, const Rational& b) noexcept {
  const i128 l = static_cast<i128>(a.num_) * b.den_;
  const i128 r = static_cast<i128>(b.num_) * a.den_;
  return l < r ? -1 : (l > r ? 1 : 0);
}

}  // namespace v1
}  // namespace kinerja
