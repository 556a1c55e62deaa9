// Capaian by polarity (vectors Y1-Y4 and the range examples C1-C5 of PermenPANRB 8/2021).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "kinerja/achievement.hpp"

using kinerja::AchievementPolicy;
using kinerja::IndicatorStatus;
using kinerja::Polarity;

namespace {
constexpr double none = std::numeric_limits<double>::quiet_NaN();
double capaian(Polarity p, double t, double u, double r, const AchievementPolicy& policy = {}) {
  IndicatorStatus s;
  const double c = kinerja::achievement_percent(p, t, u, r, policy, s);
  REQUIRE(s == IndicatorStatus::Ok);
  return c;
}
}  // namespace

TEST_SUITE("scoring") {
  TEST_CASE("Y1-Y3: maximize, minimize (2 - R/T), minimize T/R, and the clamp at 0") {
    AchievementPolicy t_over_r;
    t_over_r.minimize = kinerja::MinimizeFormula::TargetOverRealization;
    // Y1: T 25, R 20
    CHECK(capaian(Polarity::Max, 25, none, 20) == doctest::Approx(80));
    CHECK(capaian(Polarity::Min, 25, none, 20) == doctest::Approx(120));
    CHECK(capaian(Polarity::Min, 25, none, 20, t_over_r) == doctest::Approx(125));
    // Y2: T 25, R 30
    CHECK(capaian(Polarity::Max, 25, none, 30) == doctest::Approx(120));
    CHECK(capaian(Polarity::Min, 25, none, 30) == doctest::Approx(80));
    CHECK(capaian(Polarity::Min, 25, none, 30, t_over_r) == doctest::Approx(250.0 / 3));
    // Y3: T 25, R 60: 2 - R/T = -40% clamps to 0
    CHECK(capaian(Polarity::Max, 25, none, 60) == doctest::Approx(240));
    CHECK(capaian(Polarity::Min, 25, none, 60) == 0.0);
    AchievementPolicy no_clamp;
    no_clamp.clamp_negative = false;
    CHECK(capaian(Polarity::Min, 25, none, 60, no_clamp) == doctest::Approx(-40));
    CHECK(capaian(Polarity::Min, 25, none, 60, t_over_r) == doctest::Approx(125.0 / 3));
  }

  TEST_CASE("Y4: the cap applies per indicator (130% -> 120%), and can be lifted") {
    const double c = capaian(Polarity::Max, 100, none, 130);
    CHECK(c == doctest::Approx(130));
    CHECK(kinerja::cap_achievement(c, AchievementPolicy{}) == 120.0);
    AchievementPolicy no_cap;
    no_cap.cap = std::numeric_limits<double>::infinity();
    CHECK(kinerja::cap_achievement(c, no_cap) == doctest::Approx(130));
    CHECK(std::isnan(kinerja::cap_achievement(none, AchievementPolicy{})));
  }

  TEST_CASE("C1-C5: target ranges, higher and lower is better") {
    // C1, C2, C5: normal indicator with target 80-90%
    CHECK(capaian(Polarity::RangeMax, 80, 90, 70) == doctest::Approx(87.5));
    CHECK(capaian(Polarity::RangeMax, 80, 90, 92) == doctest::Approx(9200.0 / 90));  // not the 113 printed
    CHECK(capaian(Polarity::RangeMax, 80, 90, 85) == 100.0);
    // C3, C4: kondisi khusus with target 7-8 months
    CHECK(capaian(Polarity::RangeMin, 7, 8, 6.5) == doctest::Approx(1500.0 / 14));
    CHECK(capaian(Polarity::RangeMin, 7, 8, 9) == doctest::Approx(87.5));
    CHECK(capaian(Polarity::RangeMin, 7, 8, 7.5) == 100.0);
  }

  TEST_CASE("a stabilise range is lowered by deviation on either side") {
    CHECK(capaian(Polarity::Range, 80, 90, 85) == 100.0);
    CHECK(capaian(Polarity::Range, 80, 90, 72) == doctest::Approx(90));
    CHECK(capaian(Polarity::Range, 80, 90, 99) == doctest::Approx(90));
    CHECK(capaian(Polarity::Range, 80, 90, 80) == 100.0);
    CHECK(capaian(Polarity::Range, 80, 90, 90) == 100.0);
  }

  TEST_CASE("inside a range the nearest-bound policy uses the nearer bound") {
    AchievementPolicy nearest;
    nearest.range_inside = kinerja::RangeInside::NearestBound;
    CHECK(capaian(Polarity::RangeMax, 80, 90, 82, nearest) == doctest::Approx(102.5));   // vs 80
    CHECK(capaian(Polarity::RangeMax, 80, 90, 88, nearest) == doctest::Approx(8800.0 / 90));  // vs 90
    CHECK(capaian(Polarity::RangeMin, 7, 8, 7.2, nearest) == doctest::Approx((2 - 7.2 / 7) * 100));
    CHECK(capaian(Polarity::Range, 80, 90, 82, nearest) == 100.0);  // stabilise: always 100 inside
  }

  TEST_CASE("undefined capaian has a status, never a silent number") {
    IndicatorStatus s;
    CHECK(std::isnan(kinerja::achievement_percent(Polarity::Max, 0, none, 5, {}, s)));
    CHECK(s == IndicatorStatus::InvalidTarget);
    CHECK(std::isnan(kinerja::achievement_percent(Polarity::Min, -3, none, 5, {}, s)));
    CHECK(s == IndicatorStatus::InvalidTarget);
    CHECK(std::isnan(kinerja::achievement_percent(Polarity::RangeMax, 90, 80, 85, {}, s)));
    CHECK(s == IndicatorStatus::InvalidTarget);
    CHECK(std::isnan(kinerja::achievement_percent(Polarity::RangeMax, 0, 10, -1, {}, s)));
    CHECK(s == IndicatorStatus::InvalidTarget);
    AchievementPolicy t_over_r;
    t_over_r.minimize = kinerja::MinimizeFormula::TargetOverRealization;
    CHECK(std::isnan(kinerja::achievement_percent(Polarity::Min, 5, none, 0, t_over_r, s)));
    CHECK(s == IndicatorStatus::ZeroRealization);
    CHECK(kinerja::to_string(IndicatorStatus::NoRealization) == "no_realization");
  }
}
