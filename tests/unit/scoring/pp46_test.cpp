// PP 46/2011 with Perka BKN 1/2013: the 1.76 rule (W1-W6, B1-B3), whole activities and final
// values (S1-S7), the sebutan bands. Every value is exact.
#include <doctest/doctest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/pp46.hpp"

using kinerja::Pp46Activity;
using kinerja::Pp46Sebutan;
using kinerja::Rational;

namespace {

Rational dec(const char* text) {
  return Rational::parse(text);
}

// True when `f` throws a kinerja::error with errc::InvalidArgument.
template <typename F>
bool throws_invalid_argument(F f) {
  try {
    f();
  } catch (const kinerja::error& e) {
    return e.code() == kinerja::errc::InvalidArgument;
  }
  return false;
}

// The closed form of the 1.76 rule: 76 + e up to an efficiency of 24, 100 - e above it.
Rational closed_form(const Rational& target, const Rational& realization) {
  const Rational e = 100 - realization / target * 100;
  return e <= 24 ? 76 + e : 100 - e;
}

// S1: TO = RO = 12; TK 100, RK 90; TW = RW = 12; no biaya.
Pp46Activity s1() {
  Pp46Activity a;
  a.target_output = 12;
  a.realized_output = 12;
  a.target_quality = 100;
  a.realized_quality = 90;
  a.target_time = 12;
  a.realized_time = 12;
  return a;
}

// S2: TO 10, RO 8; TK 100, RK 85; TW 12, RW 10; TB 10 jt, RB 9 jt.
Pp46Activity s2() {
  Pp46Activity a;
  a.target_output = 10;
  a.realized_output = 8;
  a.target_quality = 100;
  a.realized_quality = 85;
  a.target_time = 12;
  a.realized_time = 10;
  a.target_cost = 10;
  a.realized_cost = 9;
  return a;
}

}  // namespace

TEST_SUITE("scoring") {
  TEST_CASE("W1-W6 and B1-B3: the 1.76 rule for waktu and biaya") {
    struct Vector {
      const char* name;
      Rational target, realization, expected;
    };
    const Vector vectors[] = {
        {"W1", 12, dec("9.12"), 100},      // e = 24 exactly: branch 1
        {"W2", 12, 9, 75},                 // e = 25
        {"W3", 12, 8, Rational(200, 3)},   // e = 33.333...
        {"W4", 12, 12, 76},                // on time
        {"W5", 12, 14, Rational(178, 3)},  // late, e = -16.667
        {"W6", 12, 6, 50},                 // e = 50
        {"B1", 10, 7, 70},                 // Rupiah in millions: 10 jt, 7 jt
        {"B2", 10, 9, 86},
        {"B3", 10, 12, 56},
    };
    for (const Vector& v : vectors) {
      CAPTURE(v.name);
      const Rational value = kinerja::pp46_time_or_cost(v.target, v.realization);
      CHECK(value == v.expected);
      CHECK(value == closed_form(v.target, v.realization));
    }
    CHECK(kinerja::pp46_time_or_cost(12, 8).to_decimal_string(4) == "66.6667");
    CHECK(kinerja::pp46_time_or_cost(12, 14).to_decimal_string(4) == "59.3333");
  }

  TEST_CASE("biaya in whole Rupiah gives the same values as in millions") {
    CHECK(kinerja::pp46_time_or_cost(10'000'000, 7'000'000) == Rational(70));
    CHECK(kinerja::pp46_time_or_cost(10'000'000, 9'000'000) == Rational(86));
    CHECK(kinerja::pp46_time_or_cost(10'000'000, 12'000'000) == Rational(56));
  }

  TEST_CASE("the regulation's two branches agree with the closed form 76 + e / 100 - e") {
    const Rational target(12);
    for (int k = 0; k <= 2400; ++k) {
      const Rational realization(k, 100);  // 0.00 .. 24.00 months, in steps of 0.01
      CAPTURE(k);
      CHECK(kinerja::pp46_time_or_cost(target, realization) == closed_form(target, realization));
    }
  }

  TEST_CASE("naive double arithmetic puts W1 on the wrong side of the cliff but the library does not") {
    const double tw = 12.0;
    const double rw = 9.12;
    const double efficiency = 100 - rw / tw * 100;
    const double inner = (1.76 * tw - rw) / tw * 100;
    const double naive = efficiency <= 24 ? inner : 76 - (inner - 100);
    CHECK(efficiency > 24.0);               // 24.000000000000014
    CHECK(naive == doctest::Approx(76.0));  // the second branch: wrong
    CHECK(kinerja::pp46_time_or_cost(Rational::from_double(tw), Rational::from_double(rw)) == Rational(100));
  }

  TEST_CASE("just past an efficiency of 24 the value drops below 76") {
    const Rational value = kinerja::pp46_time_or_cost(12, dec("9.119"));  // e = 24.008333...
    CHECK(value == 100 - (100 - dec("9.119") / 12 * 100));
    CHECK(value < 76);
    CHECK(value.to_decimal_string(4) == "75.9917");
  }

  TEST_CASE("W is not clamped: a realisation beyond 1.76 x target gives a negative value") {
    CHECK(kinerja::pp46_time_or_cost(12, 24) == Rational(-24));
  }

  TEST_CASE("K and Q are R/T x 100 and reject a target of 0 or a negative realisation") {
    CHECK(kinerja::pp46_quantity_or_quality(10, 11) == Rational(110));
    CHECK(kinerja::pp46_quantity_or_quality(100, 85) == Rational(85));
    CHECK(throws_invalid_argument([] { kinerja::pp46_quantity_or_quality(0, 5); }));
    CHECK(throws_invalid_argument([] { kinerja::pp46_quantity_or_quality(10, -1); }));
    CHECK(throws_invalid_argument([] { kinerja::pp46_time_or_cost(-12, 5); }));
    CHECK(throws_invalid_argument([] { kinerja::pp46_time_or_cost(12, -5); }));
  }

  TEST_CASE("S1-S3: capaian of whole activities with and without biaya") {
    const Rational a1 = kinerja::pp46_activity_achievement(s1());  // (100 + 90 + 76) / 3
    CHECK(a1 == Rational(266, 3));
    CHECK(a1.to_decimal_string(4) == "88.6667");

    const Rational a2 = kinerja::pp46_activity_achievement(s2());  // (80 + 85 + 278/3 + 86) / 4
    CHECK(kinerja::pp46_time_or_cost(12, 10) == Rational(278, 3));
    CHECK(a2 == Rational(1031, 12));
    CHECK(a2.to_decimal_string(4) == "85.9167");

    Pp46Activity s3;  // K = 110, Q = 100, W = 50 (e = 50)
    s3.target_output = 10;
    s3.realized_output = 11;
    s3.target_quality = 100;
    s3.realized_quality = 100;
    s3.target_time = 12;
    s3.realized_time = 6;
    const Rational a3 = kinerja::pp46_activity_achievement(s3);
    CHECK(a3 == Rational(260, 3));
    CHECK(a3.to_decimal_string(4) == "86.6667");
  }

  TEST_CASE("S4-S7: nilai SKP and nilai perilaku give the prestasi kerja") {
    const Rational skp =
        kinerja::pp46_skp_value({kinerja::pp46_activity_achievement(s1()), kinerja::pp46_activity_achievement(s2())});
    CHECK(skp == Rational(2095, 24));  // S4
    CHECK(skp.to_decimal_string(4) == "87.2917");
    CHECK(kinerja::pp46_sebutan(skp) == Pp46Sebutan::Baik);

    const Rational perilaku = kinerja::pp46_perilaku({80, 85, 80, 75, 80});
    CHECK(perilaku == Rational(80));  // S5

    const Rational prestasi = kinerja::pp46_prestasi_kerja(skp, perilaku);
    CHECK(prestasi == dec("84.375"));  // S6: 52.375 + 32
    CHECK(prestasi == Rational(675, 8));
    CHECK(kinerja::pp46_sebutan(prestasi) == Pp46Sebutan::Baik);

    const Rational with_kepemimpinan = kinerja::pp46_perilaku({80, 85, 80, 75, 80, 90});
    CHECK(with_kepemimpinan == Rational(490, 6));  // S7
    CHECK(with_kepemimpinan.to_decimal_string(4) == "81.6667");
  }

  TEST_CASE("an activity not carried out scores 0 and cannot have a realisation") {
    Pp46Activity skipped;
    skipped.target_output = 12;
    skipped.target_quality = 100;
    skipped.target_time = 12;
    skipped.carried_out = false;
    CHECK(kinerja::pp46_activity_achievement(skipped) == Rational(0));
    CHECK(kinerja::pp46_skp_value({Rational(266, 3), kinerja::pp46_activity_achievement(skipped)}) == Rational(133, 3));
    skipped.realized_output = 5;
    CHECK(throws_invalid_argument([&] { kinerja::pp46_activity_achievement(skipped); }));
  }

  TEST_CASE("an activity with inconsistent aspects is rejected") {
    const auto rejects = [](void (*change)(Pp46Activity&)) {
      Pp46Activity a = s2();
      change(a);
      return throws_invalid_argument([&] { kinerja::pp46_activity_achievement(a); });
    };
    CHECK(rejects([](Pp46Activity& a) { a.realized_cost.reset(); }));  // biaya target, no realisation
    CHECK(rejects([](Pp46Activity& a) { a.target_cost.reset(); }));    // biaya realisation, no target
    CHECK(rejects([](Pp46Activity& a) {                                // no waktu at all
      a.target_time.reset();
      a.realized_time.reset();
    }));
    CHECK(rejects([](Pp46Activity& a) { a.realized_output.reset(); }));  // carried out, no output
    CHECK(rejects([](Pp46Activity& a) { a.target_output = 0; }));
    CHECK(rejects([](Pp46Activity& a) { a.target_cost = -10; }));
    CHECK(rejects([](Pp46Activity& a) { a.realized_time = -1; }));
    CHECK(rejects([](Pp46Activity& a) { a.realized_quality = 101; }));
    CHECK_FALSE(rejects([](Pp46Activity&) {}));
  }

  TEST_CASE("tugas tambahan and kreativitas add to the nilai SKP") {
    CHECK(kinerja::pp46_tugas_tambahan_value(0) == Rational(0));
    CHECK(kinerja::pp46_tugas_tambahan_value(1) == Rational(1));
    CHECK(kinerja::pp46_tugas_tambahan_value(3) == Rational(1));
    CHECK(kinerja::pp46_tugas_tambahan_value(4) == Rational(2));
    CHECK(kinerja::pp46_tugas_tambahan_value(6) == Rational(2));
    CHECK(kinerja::pp46_tugas_tambahan_value(7) == Rational(3));
    CHECK(kinerja::pp46_tugas_tambahan_value(40) == Rational(3));
    const std::vector<Rational> activities{Rational(266, 3), Rational(1031, 12)};
    CHECK(kinerja::pp46_skp_value(activities, 2, 3) == Rational(2095, 24) + 1 + 3);
    CHECK(kinerja::pp46_skp_value({100}, 7, 12) == Rational(115));  // may exceed 100
    for (int points : {0, 3, 6, 12}) CHECK(kinerja::pp46_skp_value({80}, 0, points) == 80 + Rational(points));
    CHECK(throws_invalid_argument([] { kinerja::pp46_skp_value({80}, 0, 5); }));
    CHECK(throws_invalid_argument([] { kinerja::pp46_skp_value({80}, -1, 0); }));
    CHECK(throws_invalid_argument([] { kinerja::pp46_skp_value({}); }));
  }

  TEST_CASE("sebutan bands: on each threshold and just below it") {
    CHECK(kinerja::pp46_sebutan(110) == Pp46Sebutan::SangatBaik);
    CHECK(kinerja::pp46_sebutan(91) == Pp46Sebutan::SangatBaik);
    CHECK(kinerja::pp46_sebutan(dec("90.99")) == Pp46Sebutan::Baik);
    CHECK(kinerja::pp46_sebutan(dec("90.5")) == Pp46Sebutan::Baik);  // between the printed bands 76-90 and >= 91
    CHECK(kinerja::pp46_sebutan(76) == Pp46Sebutan::Baik);
    CHECK(kinerja::pp46_sebutan(dec("75.99")) == Pp46Sebutan::Cukup);
    CHECK(kinerja::pp46_sebutan(61) == Pp46Sebutan::Cukup);
    CHECK(kinerja::pp46_sebutan(dec("60.99")) == Pp46Sebutan::Kurang);
    CHECK(kinerja::pp46_sebutan(51) == Pp46Sebutan::Kurang);
    CHECK(kinerja::pp46_sebutan(dec("50.99")) == Pp46Sebutan::Buruk);
    CHECK(kinerja::pp46_sebutan(50) == Pp46Sebutan::Buruk);
    CHECK(kinerja::pp46_sebutan(0) == Pp46Sebutan::Buruk);
  }

  TEST_CASE("perilaku needs 5 or 6 aspects scored 0..100") {
    CHECK(kinerja::pp46_perilaku({100, 100, 100, 100, 100}) == Rational(100));
    CHECK(kinerja::pp46_perilaku({0, 0, 0, 0, 0, 0}) == Rational(0));
    CHECK(throws_invalid_argument([] { kinerja::pp46_perilaku({80, 80, 80, 80}); }));
    CHECK(throws_invalid_argument([] { kinerja::pp46_perilaku({80, 80, 80, 80, 80, 80, 80}); }));
    CHECK(throws_invalid_argument([] { kinerja::pp46_perilaku({80, 80, 80, 80, 101}); }));
    CHECK(throws_invalid_argument([] { kinerja::pp46_perilaku({80, 80, 80, 80, -1}); }));
  }

  TEST_CASE("prestasi kerja is 60% SKP + 40% perilaku and the SKP may exceed 100") {
    CHECK(kinerja::pp46_prestasi_kerja(110, 90) == Rational(102));
    CHECK(kinerja::pp46_prestasi_kerja(0, 0) == Rational(0));
    CHECK(throws_invalid_argument([] { kinerja::pp46_prestasi_kerja(-1, 80); }));
    CHECK(throws_invalid_argument([] { kinerja::pp46_prestasi_kerja(80, 101); }));
  }

  TEST_CASE("sebutan spellings round-trip and have the cross-regime ordinal") {
    for (Pp46Sebutan s :
         {Pp46Sebutan::SangatBaik, Pp46Sebutan::Baik, Pp46Sebutan::Cukup, Pp46Sebutan::Kurang, Pp46Sebutan::Buruk}) {
      CHECK(kinerja::parse_pp46_sebutan(kinerja::to_string(s)) == s);
    }
    CHECK(kinerja::parse_pp46_sebutan("Sangat Baik") == Pp46Sebutan::SangatBaik);
    CHECK_FALSE(kinerja::parse_pp46_sebutan("sangat_kurang"));
    CHECK(kinerja::predikat_ordinal(Pp46Sebutan::SangatBaik) == 5);
    CHECK(kinerja::predikat_ordinal(Pp46Sebutan::Buruk) == 1);
  }
}
