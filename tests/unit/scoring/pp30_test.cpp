// PP 30/2019 with PermenPANRB 8/2021: capaian IKI (C1-C5), nilai IKI, nilai kinerja and
// predikat (P1-P5), the gap policies and the predikat thresholds. Every value is exact.
#include <doctest/doctest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/pp30.hpp"

using kinerja::GapPolicy;
using kinerja::PerilakuWeight;
using kinerja::Polarity;
using kinerja::Pp30Predikat;
using kinerja::Rational;

namespace {

Rational dec(const char* text) {
  return Rational::parse(text);
}

// The message of the kinerja::error with errc::InvalidArgument that `f` throws; nullopt if it
// returns or throws something else.
template <typename F>
std::optional<std::string> invalid_argument(F f) {
  try {
    f();
  } catch (const kinerja::error& e) {
    if (e.code() == kinerja::errc::InvalidArgument) return e.message();
  }
  return std::nullopt;
}

}  // namespace

TEST_SUITE("scoring") {
  TEST_CASE("C1-C5: capaian IKI of the range examples of PermenPANRB 8/2021") {
    const std::optional<Rational> percent_upper = Rational(90);
    const std::optional<Rational> month_upper = Rational(8);
    // C1: below the range 80-90%, the lower bound is the target: 70/80.
    CHECK(kinerja::capaian_iki(Polarity::RangeMax, 80, percent_upper, 70) == Rational(175, 2));
    // C2: above the range, the upper bound is the target: 92/90, not the 113% printed in the regulation.
    const Rational c2 = kinerja::capaian_iki(Polarity::RangeMax, 80, percent_upper, 92);
    CHECK(c2 == Rational(9200, 90));
    CHECK(c2 == Rational(920, 9));
    CHECK(c2.to_decimal_string(4) == "102.2222");
    CHECK(c2 != Rational(113));
    // C3: kondisi khusus, faster than 7-8 months: 2 - 6.5/7 = 15/14.
    const Rational c3 = kinerja::capaian_iki(Polarity::RangeMin, 7, month_upper, dec("6.5"));
    CHECK(c3 == Rational(1500, 14));
    CHECK(c3.to_decimal_string(4) == "107.1429");
    // C4: slower than the range: 2 - 9/8.
    CHECK(kinerja::capaian_iki(Polarity::RangeMin, 7, month_upper, 9) == Rational(175, 2));
    // C5: inside the range, the target is met.
    CHECK(kinerja::capaian_iki(Polarity::RangeMax, 80, percent_upper, 85) == Rational(100));
    CHECK(kinerja::capaian_iki(Polarity::RangeMin, 7, month_upper, dec("7.5")) == Rational(100));
  }

  TEST_CASE("a realisation on a bound of the range meets the target") {
    CHECK(kinerja::capaian_iki(Polarity::RangeMax, 80, Rational(90), 80) == Rational(100));
    CHECK(kinerja::capaian_iki(Polarity::RangeMax, 80, Rational(90), 90) == Rational(100));
    CHECK(kinerja::capaian_iki(Polarity::RangeMin, 7, Rational(8), 8) == Rational(100));
  }

  TEST_CASE("normal capaian is R/T x 100 and kondisi khusus is (2 - R/T) x 100") {
    CHECK(kinerja::capaian_iki(Polarity::Max, 100, std::nullopt, 98) == Rational(98));
    CHECK(kinerja::capaian_iki(Polarity::Max, 12, std::nullopt, 9) == Rational(75));
    CHECK(kinerja::capaian_iki(Polarity::Min, 10, std::nullopt, 8) == Rational(120));
    CHECK(kinerja::capaian_iki(Polarity::Min, 10, std::nullopt, 10) == Rational(100));
    // More than twice the target of a lower-is-better indicator: negative capaian, nilai 0.
    const Rational negative = kinerja::capaian_iki(Polarity::Min, 10, std::nullopt, 25);
    CHECK(negative == Rational(-50));
    CHECK(kinerja::nilai_iki(negative, false) == Rational(0));
  }

  TEST_CASE("a stabilise range scores a deviation either way below 100") {
    CHECK(kinerja::capaian_iki(Polarity::Range, 80, Rational(90), 72) == Rational(90));   // 72/80
    CHECK(kinerja::capaian_iki(Polarity::Range, 80, Rational(90), 99) == Rational(90));   // 2 - 99/90
    CHECK(kinerja::capaian_iki(Polarity::Range, 80, Rational(90), 85) == Rational(100));  // inside
  }

  TEST_CASE("capaian IKI rejects targets it cannot divide by and inconsistent ranges") {
    CHECK(invalid_argument([] { kinerja::capaian_iki(Polarity::Max, 0, std::nullopt, 5); }));
    CHECK(invalid_argument([] { kinerja::capaian_iki(Polarity::Min, -3, std::nullopt, 5); }));
    CHECK(invalid_argument([] { kinerja::capaian_iki(Polarity::Max, 80, Rational(90), 85); }));
    CHECK(invalid_argument([] { kinerja::capaian_iki(Polarity::RangeMax, 80, std::nullopt, 85); }));
    CHECK(invalid_argument([] { kinerja::capaian_iki(Polarity::RangeMax, 90, Rational(80), 85); }));
    CHECK(invalid_argument([] { kinerja::capaian_iki(Polarity::RangeMin, 0, Rational(0), 0); }));
    CHECK(invalid_argument([] { kinerja::capaian_iki(Polarity::RangeMax, -1, Rational(5), 0); }));
    CHECK(invalid_argument([] { kinerja::capaian_iki(Polarity::RangeMax, 0, Rational(5), -1); }));
    // A range may start at 0 (e.g. an error rate of 0-5%): inside it the target is met.
    CHECK(kinerja::capaian_iki(Polarity::RangeMin, 0, Rational(5), 0) == Rational(100));
    const std::optional<std::string> message =
        invalid_argument([] { kinerja::capaian_iki(Polarity::Max, 0, std::nullopt, 5); });
    REQUIRE(message);
    CHECK(message->find("> 0") != std::string::npos);
  }

  TEST_CASE("nilai IKI vectors of the PermenPANRB 8/2021 table") {
    CHECK(kinerja::nilai_iki(98, false) == Rational(88));  // the regulation's own example
    CHECK(kinerja::nilai_iki(100, false) == Rational(109));
    CHECK(kinerja::nilai_iki(100, true) == Rational(120));  // the target is already the maximum
    const Rational n105 = kinerja::nilai_iki(105, false);
    CHECK(n105 == Rational(1030, 9));  // 110 + 40/9
    CHECK(n105.to_decimal_string(4) == "114.4444");
    CHECK(kinerja::nilai_iki(110, false) == Rational(120));
    CHECK(kinerja::nilai_iki(115, false) == Rational(120));
    CHECK(kinerja::nilai_iki(70, false) == Rational(60));
    const Rational n50 = kinerja::nilai_iki(50, false);
    CHECK(n50 == Rational(2450, 59));
    CHECK(n50.to_decimal_string(4) == "41.5254");
  }

  TEST_CASE("every integer edge of the nilai IKI bands") {
    CHECK(kinerja::nilai_iki(111, false) == Rational(120));
    CHECK(kinerja::nilai_iki(101, false) == Rational(110));
    CHECK(kinerja::nilai_iki(99, false) == Rational(89));
    CHECK(kinerja::nilai_iki(99, true) == Rational(89));  // target_is_max only changes C = 100
    CHECK(kinerja::nilai_iki(80, false) == Rational(70));
    CHECK(kinerja::nilai_iki(79, false) == Rational(69));
    CHECK(kinerja::nilai_iki(60, false) == Rational(50));
    CHECK(kinerja::nilai_iki(59, false) == Rational(49));
    CHECK(kinerja::nilai_iki(0, false) == Rational(0));
    CHECK(kinerja::nilai_iki(-10, false) == Rational(0));
  }

  TEST_CASE("99.5 is 109 when capaian is rounded first and 89.5 when the lower band is extended") {
    const Rational c = dec("99.5");
    CHECK(kinerja::nilai_iki(c, false) == Rational(109));  // RoundToInteger is the default
    CHECK(kinerja::nilai_iki(c, false, GapPolicy::RoundToInteger) == Rational(109));
    CHECK(kinerja::nilai_iki(c, false, GapPolicy::ExtendLowerBand) == dec("89.5"));
  }

  TEST_CASE("RoundToInteger rounds every capaian half up before the table") {
    CHECK(kinerja::nilai_iki(dec("99.49"), false) == Rational(89));
    CHECK(kinerja::nilai_iki(dec("100.5"), false) == Rational(110));
    CHECK(kinerja::nilai_iki(dec("100.4"), true) == Rational(120));
    CHECK(kinerja::nilai_iki(dec("79.5"), false) == Rational(70));
    CHECK(kinerja::nilai_iki(dec("59.5"), false) == Rational(50));
    CHECK(kinerja::nilai_iki(dec("98.4"), false) == Rational(88));  // inside a band too
    CHECK(kinerja::nilai_iki(dec("-0.4"), false) == Rational(0));
  }

  TEST_CASE("ExtendLowerBand applies the band below in every gap") {
    const auto extend = [](const char* c, bool target_is_max = false) {
      return kinerja::nilai_iki(dec(c), target_is_max, GapPolicy::ExtendLowerBand);
    };
    CHECK(extend("59.5") == Rational(49, 59) * dec("59.5"));  // (49/59) C
    CHECK(extend("79.5") == dec("69.5"));                     // 50 + (C - 60)
    CHECK(extend("99.5") == dec("89.5"));                     // 70 + (C - 80)
    CHECK(extend("100.5") == Rational(109));                  // the value at C = 100
    CHECK(extend("100.5", true) == Rational(120));
    CHECK(extend("110.5") == Rational(120));  // no gap: C > 110
    CHECK(extend("98.5") == dec("88.5"));     // inside a band: the band's own formula
    CHECK(extend("105.5") == 110 + Rational(10, 9) * dec("4.5"));
  }

  TEST_CASE("the Error gap policy throws for a capaian between bands and names it") {
    for (const char* c : {"59.5", "79.5", "99.5", "100.5"}) {
      CAPTURE(c);
      const std::optional<std::string> message =
          invalid_argument([c] { kinerja::nilai_iki(dec(c), false, GapPolicy::Error); });
      REQUIRE(message);
      CHECK(message->find(c) != std::string::npos);
    }
    CHECK(kinerja::nilai_iki(dec("98.5"), false, GapPolicy::Error) == dec("88.5"));
    CHECK(kinerja::nilai_iki(dec("110.5"), false, GapPolicy::Error) == Rational(120));
    CHECK(kinerja::nilai_iki(100, false, GapPolicy::Error) == Rational(109));
  }

  TEST_CASE("P1-P3: nilai kinerja with 70/30 and 60/40 weights and its predikat") {
    struct Vector {
      const char* name;
      Rational skp, perilaku;
      bool innovation;
      Rational seventy, sixty;
      Pp30Predikat predikat;
    };
    const Vector vectors[] = {
        {"P1", 105, 95, false, 102, 101, Pp30Predikat::Baik},
        {"P2", 118, 110, true, dec("115.6"), dec("114.8"), Pp30Predikat::SangatBaik},
        {"P3", 80, 60, false, 74, 72, Pp30Predikat::Cukup},
    };
    for (const Vector& v : vectors) {
      CAPTURE(v.name);
      const Rational seventy = kinerja::nilai_kinerja(v.skp, v.perilaku, PerilakuWeight::Seventy);
      const Rational sixty = kinerja::nilai_kinerja(v.skp, v.perilaku, PerilakuWeight::Sixty);
      CHECK(seventy == v.seventy);
      CHECK(sixty == v.sixty);
      CHECK(kinerja::pp30_predikat(seventy, v.innovation) == v.predikat);
      CHECK(kinerja::pp30_predikat(sixty, v.innovation) == v.predikat);
    }
    // P2 without an innovation is Baik.
    CHECK(kinerja::pp30_predikat(dec("115.6"), false) == Pp30Predikat::Baik);
    CHECK(kinerja::pp30_predikat(dec("114.8"), false) == Pp30Predikat::Baik);
  }

  TEST_CASE("P4: capaian 98 and 100 and 105 lead to a Baik nilai kinerja") {
    std::vector<Rational> nilai;
    for (int c : {98, 100, 105})
      nilai.push_back(kinerja::nilai_iki(kinerja::capaian_iki(Polarity::Max, 100, std::nullopt, c), false));
    CHECK(nilai == std::vector<Rational>{88, 109, Rational(1030, 9)});
    const Rational skp = kinerja::nilai_skp(nilai);
    CHECK(skp == Rational(2803, 27));
    CHECK(skp.to_decimal_string(4) == "103.8148");
    const Rational seventy = kinerja::nilai_kinerja(skp, 90, PerilakuWeight::Seventy);
    CHECK(seventy == Rational(7, 10) * Rational(2803, 27) + 27);
    CHECK(seventy == Rational(26911, 270));
    CHECK(seventy.to_decimal_string(4) == "99.6704");
    const Rational sixty = kinerja::nilai_kinerja(skp, 90, PerilakuWeight::Sixty);
    CHECK(sixty == Rational(6, 10) * Rational(2803, 27) + 36);
    CHECK(sixty == Rational(4423, 45));
    CHECK(sixty.to_decimal_string(4) == "98.2889");
    CHECK(kinerja::pp30_predikat(seventy, false) == Pp30Predikat::Baik);
    CHECK(kinerja::pp30_predikat(sixty, false) == Pp30Predikat::Baik);
  }

  TEST_CASE("P5: the periodic nilai is the mean of the rencana aksi mean and the kinerja utama mean") {
    CHECK(kinerja::nilai_periodik({100, 90}, {109}) == Rational(102));
    CHECK(kinerja::nilai_periodik({100, 90}, {109, 109}) == Rational(102));
    CHECK(invalid_argument([] { kinerja::nilai_periodik({}, {109}); }));
    CHECK(invalid_argument([] { kinerja::nilai_periodik({100}, {}); }));
    CHECK(invalid_argument([] { kinerja::nilai_periodik({121}, {100}); }));
  }

  TEST_CASE("predikat thresholds: exactly on each bound and just below it") {
    const Rational epsilon(1, 1000000);
    CHECK(kinerja::pp30_predikat(120, true) == Pp30Predikat::SangatBaik);
    CHECK(kinerja::pp30_predikat(120, false) == Pp30Predikat::Baik);
    CHECK(kinerja::pp30_predikat(110, true) == Pp30Predikat::SangatBaik);
    CHECK(kinerja::pp30_predikat(110, false) == Pp30Predikat::Baik);
    CHECK(kinerja::pp30_predikat(110 - epsilon, true) == Pp30Predikat::Baik);
    CHECK(kinerja::pp30_predikat(90, true) == Pp30Predikat::Baik);
    CHECK(kinerja::pp30_predikat(90 - epsilon, true) == Pp30Predikat::Cukup);
    CHECK(kinerja::pp30_predikat(70, false) == Pp30Predikat::Cukup);
    CHECK(kinerja::pp30_predikat(70 - epsilon, false) == Pp30Predikat::Kurang);
    CHECK(kinerja::pp30_predikat(50, false) == Pp30Predikat::Kurang);
    CHECK(kinerja::pp30_predikat(50 - epsilon, false) == Pp30Predikat::SangatKurang);
    CHECK(kinerja::pp30_predikat(0, false) == Pp30Predikat::SangatKurang);
  }

  TEST_CASE("a nilai kinerja above 120 is capped at 120 before the predikat") {
    CHECK(kinerja::pp30_predikat(125, true) == Pp30Predikat::SangatBaik);
    CHECK(kinerja::pp30_predikat(125, false) == Pp30Predikat::Baik);
    CHECK(kinerja::pp30_predikat(120 + Rational(1, 1000000), true) == Pp30Predikat::SangatBaik);
  }

  TEST_CASE("nilai SKP is the mean of the nilai IKI utama on the 0..120 scale") {
    CHECK(kinerja::nilai_skp({120}) == Rational(120));
    CHECK(kinerja::nilai_skp({0, 120}) == Rational(60));
    CHECK(invalid_argument([] { kinerja::nilai_skp({}); }));
    CHECK(invalid_argument([] { kinerja::nilai_skp({100, dec("120.5")}); }));
    CHECK(invalid_argument([] { kinerja::nilai_skp({-1}); }));
  }

  TEST_CASE("nilai kinerja rejects negative inputs and is not capped") {
    CHECK(invalid_argument([] { kinerja::nilai_kinerja(-1, 90, PerilakuWeight::Seventy); }));
    CHECK(invalid_argument([] { kinerja::nilai_kinerja(90, -1, PerilakuWeight::Sixty); }));
    CHECK(kinerja::nilai_kinerja(130, 120, PerilakuWeight::Seventy) == Rational(127));
  }

  TEST_CASE("PP 30/2019 predikat spellings round-trip and have the cross-regime ordinal") {
    for (Pp30Predikat p : {Pp30Predikat::SangatBaik, Pp30Predikat::Baik, Pp30Predikat::Cukup, Pp30Predikat::Kurang,
                           Pp30Predikat::SangatKurang}) {
      CHECK(kinerja::parse_pp30_predikat(kinerja::to_string(p)) == p);
    }
    CHECK(kinerja::parse_pp30_predikat(" Sangat Kurang ") == Pp30Predikat::SangatKurang);
    CHECK(kinerja::parse_pp30_predikat("sangat-baik") == Pp30Predikat::SangatBaik);
    CHECK_FALSE(kinerja::parse_pp30_predikat("butuh_perbaikan"));
    CHECK(kinerja::predikat_ordinal(Pp30Predikat::SangatBaik) == 5);
    CHECK(kinerja::predikat_ordinal(Pp30Predikat::SangatKurang) == 1);
  }
}
