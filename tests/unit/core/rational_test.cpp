// Exact arithmetic at the edges where the regulations branch (docs/architecture.md, "Exact arithmetic").
#include <doctest/doctest.h>

#include <limits>

#include "kinerja/error.hpp"
#include "kinerja/rational.hpp"

using kinerja::Rational;

TEST_SUITE("core") {
  TEST_CASE("decimal text becomes the exact fraction") {
    CHECK(Rational::parse("9.12") == Rational(228, 25));
    CHECK(Rational::parse("0.7") == Rational(7, 10));
    CHECK(Rational::parse("-1.50") == Rational(-3, 2));
    CHECK(Rational::parse("+12") == Rational(12));
    CHECK(Rational::parse(".5") == Rational(1, 2));
    CHECK(Rational::parse("87,5", true) == Rational(175, 2));
    CHECK(Rational::parse("000123.4500") == Rational(24690, 200));
    CHECK(Rational::parse("0.000000000000000001") == Rational(1, 1000000000000000000));
  }

  TEST_CASE("malformed decimals are rejected") {
    CHECK_THROWS_AS(Rational::parse("1,234.5"), kinerja::error);
    CHECK_THROWS_AS(Rational::parse("87,5"), kinerja::error);  // comma without decimal_comma
    CHECK_FALSE(Rational::try_parse("1e3"));
    CHECK_FALSE(Rational::try_parse("NaN"));
    CHECK_FALSE(Rational::try_parse(""));
    CHECK_FALSE(Rational::try_parse("-"));
    CHECK_FALSE(Rational::try_parse("1.2.3"));
    try {
      Rational::parse("12345678901234567891");
      FAIL("expected overflow");
    } catch (const kinerja::error& e) {
      CHECK(e.code() == kinerja::errc::Overflow);
    }
  }

  TEST_CASE("0.7 * 90 is exactly 63, where IEEE double gives 62.99999999999999") {
    const double naive = 0.7 * 90;
    CHECK(naive < 63.0);  // the trap this type exists for
    const Rational exact = Rational::parse("0.7") * 90;
    CHECK(exact == Rational(63));
    CHECK(exact.floor() == 63);
    CHECK(exact.ceil() == 63);
    // D13: B = 63 <= floor(0.7 * 90) accepts the unit.
    CHECK(Rational(63) <= exact);
  }

  TEST_CASE("9.12 / 12 is exactly 0.76 and the PP 46/2011 efficiency is exactly 24") {
    const Rational rw = Rational::parse("9.12");
    const Rational tw(12);
    CHECK(rw / tw == Rational::parse("0.76"));
    const Rational efficiency = Rational(100) - rw / tw * 100;
    CHECK(efficiency == Rational(24));
    CHECK_FALSE(efficiency > Rational(24));  // W1 takes branch 1
    const double naive = 100 - 9.12 / 12 * 100;
    CHECK(naive > 24.0);  // the float implementation would take branch 2
    // W1: ((1.76 * TW - RW) / TW) * 100 = 100
    CHECK((Rational::parse("1.76") * tw - rw) / tw * 100 == Rational(100));
  }

  TEST_CASE("from_double recovers the decimal a user typed") {
    CHECK(Rational::from_double(9.12) == Rational(228, 25));
    CHECK(Rational::from_double(0.1) == Rational(1, 10));
    CHECK(Rational::from_double(-2.5) == Rational(-5, 2));
    CHECK(Rational::from_double(1e15) == Rational(1000000000000000));
    CHECK(Rational::from_double(0.0) == Rational(0));
    // 0.1 + 0.2 is a different double from 0.3, and stays different.
    CHECK(Rational::from_double(0.1 + 0.2) == Rational::parse("0.30000000000000004"));
    CHECK_THROWS_AS(Rational::from_double(std::numeric_limits<double>::quiet_NaN()), kinerja::error);
    CHECK_THROWS_AS(Rational::from_double(std::numeric_limits<double>::infinity()), kinerja::error);
    CHECK_THROWS_AS(Rational::from_double(1e300), kinerja::error);
  }

  TEST_CASE("IKM vector I4': 9 x 3.54 x 0.11 x 25 is exactly 87.615, below the 88.31 band") {
    const Rational ikm = Rational(9) * Rational::parse("3.54") * Rational::parse("0.11") * 25;
    CHECK(ikm == Rational::parse("87.615"));
    CHECK(ikm.round_half_up(2) == Rational::parse("87.62"));
    CHECK(ikm < Rational::parse("88.31"));
    const Rational exact_weight = Rational(9) * Rational::parse("3.54") * Rational(1, 9) * 25;
    CHECK(exact_weight == Rational::parse("88.5"));
  }

  TEST_CASE("comparisons, arithmetic and reduction are exact") {
    CHECK(Rational(2, 4) == Rational(1, 2));
    CHECK(Rational(1, -2) == Rational(-1, 2));
    CHECK(Rational(1, 3) + Rational(1, 6) == Rational(1, 2));
    CHECK(Rational(1, 3) - Rational(1, 2) == Rational(-1, 6));
    CHECK(Rational(2, 3) * Rational(3, 4) == Rational(1, 2));
    CHECK(Rational(2, 3) / Rational(4, 9) == Rational(3, 2));
    CHECK(Rational(1, 3) < Rational(34, 100));
    CHECK(Rational(-1, 3) > Rational(-34, 100));
    CHECK(compare(Rational(5, 10), Rational(1, 2)) == 0);
    CHECK(Rational(266, 3).to_decimal_string(4) == "88.6667");
    CHECK(Rational(1031, 12).to_decimal_string(4) == "85.9167");
    CHECK(Rational(-1, 8).to_decimal_string(2) == "-0.13");
    CHECK(Rational(5).to_decimal_string(0) == "5");
    CHECK(Rational(1, 2).to_string() == "1/2");
    CHECK(Rational(7).to_string() == "7");
    CHECK(Rational(2803, 27).to_double() == doctest::Approx(103.8148148148).epsilon(1e-12));
    CHECK_THROWS_AS(Rational(1, 0), kinerja::error);
    CHECK_THROWS_AS(Rational(1) / Rational(0), kinerja::error);
  }

  TEST_CASE("rounding: half away from zero, floor and ceil for negatives") {
    CHECK(Rational(5, 2).round_half_up() == 3);
    CHECK(Rational(-5, 2).round_half_up() == -3);
    CHECK(Rational(7, 3).round_half_up() == 2);
    CHECK(Rational(-7, 2).floor() == -4);
    CHECK(Rational(-7, 2).ceil() == -3);
    CHECK(Rational(21, 5).ceil() == 5);   // D6: ceil(0.6 * 7) = 5
    CHECK(Rational(21, 5).floor() == 4);
    CHECK(Rational(21, 5).round_half_up() == 4);
    CHECK(Rational(7, 10).round_half_up() == 1);  // D7: round(0.7) = 1
    CHECK(Rational::parse("88.305").round_half_up(2) == Rational::parse("88.31"));
    CHECK(Rational::parse("88.3049").round_half_up(2) == Rational::parse("88.30"));
  }

  TEST_CASE("overflow is reported, never wrapped") {
    const Rational big(std::numeric_limits<std::int64_t>::max());
    CHECK_THROWS_AS(big + Rational(1), kinerja::error);
    CHECK_THROWS_AS(big * Rational(2), kinerja::error);
    CHECK(big - Rational(1) < big);
    const Rational tiny(1, std::numeric_limits<std::int64_t>::max());
    CHECK_THROWS_AS(tiny * tiny, kinerja::error);
    try {
      (void)(big * big);
    } catch (const kinerja::error& e) {
      CHECK(e.code() == kinerja::errc::Overflow);
    }
  }
}
