// project_year_end() on small datasets: each accumulation, polarity min and range, the prediction
// interval against statsmodels (tests/data/trend/projection/golden.py), statuses, as_of, quarters.
#include <doctest/doctest.h>
#include "kinerja/score.hpp"
#include "kinerja/load.hpp"
#include <algorithm>

#include <cmath>
#include <string>

#include "kinerja/error.hpp"
#include "kinerja/projection.hpp"
#include "support/dataset.hpp"

namespace {

using kinerja::Period;
using kinerja::ProjectionStatus;

// A dataset of unit indicators: `indicators` are lines "id,year,target,target_upper,polarity,
// accumulation", `realizations` lines "id,period,value".
kinerja::Dataset make_dataset(const std::string& indicators, const std::string& realizations) {
  kin_test::TempDir dir;
  dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
  std::string ind = "indicator_id,owner_type,owner_id,year,target,target_upper,polarity,accumulation\n";
  std::size_t start = 0;
  while (start < indicators.size()) {
    const std::size_t comma = indicators.find(',', start);
    const std::size_t end = indicators.find('\n', start);
    ind += indicators.substr(start, comma - start) + ",unit,U," + indicators.substr(comma + 1, end - comma);
    start = end + 1;
  }
  dir.write("indicators.csv", ind);
  dir.write("realizations.csv", "indicator_id,period,value\n" + realizations);
  return kin_test::load_valid(dir);
}

// "id,2025-01,v1\nid,2025-02,v2\n..." for months 1, 2, ...
std::string months(const std::string& id, std::initializer_list<double> values) {
  std::string text;
  int m = 1;
  for (double v : values) {
    text += id + ",2025-" + (m < 10 ? "0" : "") + std::to_string(m) + "," + std::to_string(v) + "\n";
    ++m;
  }
  return text;
}

const kinerja::RulePack& pack() {
  static const kinerja::RulePack rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
  return rules;
}

// Series A of golden.py: months 1..5 with values 3, 5, 4, 8, 9.
const std::initializer_list<double> series_a = {3, 5, 4, 8, 9};

}  // namespace

TEST_SUITE("projection") {
  TEST_CASE("student t quantiles agree with 40-digit values") {
    // From mpmath (root of the regularised incomplete beta at 40 digits); df 1 is tan(0.475 pi).
    CHECK(kinerja::student_t_quantile(0.975, 1) == doctest::Approx(12.706204736174704646).epsilon(1e-13));
    CHECK(kinerja::student_t_quantile(0.95, 3) == doctest::Approx(2.353363434801822899).epsilon(1e-13));
    CHECK(kinerja::student_t_quantile(0.9, 10) == doctest::Approx(1.3721836411103357746).epsilon(1e-13));
    CHECK(kinerja::student_t_quantile(0.05, 7) == doctest::Approx(-1.8945786050900067854).epsilon(1e-13));
    CHECK(kinerja::student_t_quantile(0.9995, 2) == doctest::Approx(31.599054576445363413).epsilon(1e-11));
    CHECK(kinerja::student_t_quantile(0.6, 50) == doctest::Approx(0.25469934298858811403).epsilon(1e-12));
    CHECK(kinerja::student_t_quantile(0.5, 4) == 0.0);
    CHECK_THROWS_AS(kinerja::student_t_quantile(1.0, 4), kinerja::error);
    CHECK_THROWS_AS(kinerja::student_t_quantile(0.9, 0), kinerja::error);
  }

  TEST_CASE("an exact linear trend projects exactly under each accumulation") {
    // y = 8 + 2 x over months 1..6; the remaining months 7..12 are 22 .. 32.
    std::string real;
    const char* ids[] = {"S", "L", "M", "X", "N"};
    for (const char* id : ids) real += months(id, {10, 12, 14, 16, 18, 20});
    const auto d = make_dataset(
        "S,2025,240,,max,sum\nL,2025,32,,max,last\nM,2025,21,,max,mean\nX,2025,32,,max,max\nN,2025,10,,max,min\n",
        real);
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 6), pack());
    REQUIRE(r.size() == 5);
    const double expected[] = {90 + 162, 32, 252.0 / 12, 32, 10};
    const double capaian[] = {105, 100, 100, 100, 100};
    for (std::size_t k = 0; k < 5; ++k) {
      CAPTURE(k);
      CHECK(r.projected[k] == doctest::Approx(expected[k]));
      CHECK(r.lower[k] == doctest::Approx(expected[k]));
      CHECK(r.upper[k] == doctest::Approx(expected[k]));
      CHECK(r.achievement[k] == doctest::Approx(capaian[k]));
      CHECK(r.slope[k] == doctest::Approx(2));
      CHECK(r.observed_periods[k] == 6);
      CHECK(r.remaining_periods[k] == 6);
      CHECK(r.last_observed[k] == Period::month(2025, 6));
    }
    CHECK(r.status[0] == ProjectionStatus::OnTrack);
    CHECK(r.achievement_low[0] == doctest::Approx(105));
    CHECK(r.achievement_high[0] == doctest::Approx(105));
  }

  TEST_CASE("the prediction interval agrees with statsmodels for sum and mean and last and max and min") {
    const auto d = make_dataset(
        "S,2025,120,,max,sum\nM,2025,10,,max,mean\nL,2025,20,,max,last\n"
        "X,2025,20,,max,max\nN,2025,3,,max,min\n",
        months("S", series_a) + months("M", series_a) + months("L", series_a) + months("X", series_a) +
            months("N", series_a));
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 5), pack());
    REQUIRE(r.size() == 5);
    const double golden[5][3] = {{132.60000000000002, 93.43788279691529, 171.76211720308476},
                                 {11.050000000000002, 7.786490233076274, 14.31350976692373},
                                 {19.300000000000008, 10.707805964017355, 27.892194035982662},
                                 {19.300000000000008, 10.707805964017355, 27.892194035982662},
                                 {3, 3, 3}};
    for (std::size_t k = 0; k < 5; ++k) {
      CAPTURE(k);
      CHECK(r.projected[k] == doctest::Approx(golden[k][0]).epsilon(1e-10));
      CHECK(r.lower[k] == doctest::Approx(golden[k][1]).epsilon(1e-10));
      CHECK(r.upper[k] == doctest::Approx(golden[k][2]).epsilon(1e-10));
      CHECK(r.slope[k] == doctest::Approx(1.5));
      CHECK(r.remaining_periods[k] == 7);
    }
    // sum against 120: 110.5% projected, 77.9% .. capped 120% over the interval.
    CHECK(r.achievement[0] == doctest::Approx(110.5));
    CHECK(r.achievement_low[0] == doctest::Approx(93.43788279691529 / 120 * 100));
    CHECK(r.achievement_high[0] == doctest::Approx(120));
    CHECK(r.status[0] == ProjectionStatus::AtRisk);
    CHECK(r.status[4] == ProjectionStatus::OnTrack);  // min already fixed at 3 = target
  }

  TEST_CASE("max and min: the observed extreme bounds the projection and the interval") {
    // Series C of golden.py: no trend, so the observed extremes stay and only one interval end moves.
    const auto d = make_dataset("X,2025,12,,max,max\nN,2025,9,,max,min\n",
                                months("X", {10, 12, 9, 11}) + months("N", {10, 12, 9, 11}));
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 4), pack());
    CHECK(r.projected[0] == 12);
    CHECK(r.lower[0] == 12);
    CHECK(r.upper[0] == doctest::Approx(30.782868062545038).epsilon(1e-10));
    CHECK(r.projected[1] == 9);
    CHECK(r.lower[1] == doctest::Approx(-9.782868062545038).epsilon(1e-10));
    CHECK(r.upper[1] == 9);
    CHECK(r.slope[0] == doctest::Approx(0));
    CHECK(r.status[0] == ProjectionStatus::OnTrack);
    CHECK(r.achievement_low[1] == doctest::Approx(-9.782868062545038 / 9 * 100));  // R / T is not clamped
    CHECK(r.status[1] == ProjectionStatus::AtRisk);
  }

  TEST_CASE("the thresholds decide on_track and at_risk and off_track") {
    const auto d = make_dataset("LOW,2025,80,,max,sum\nMID,2025,120,,max,sum\nHIGH,2025,200,,max,sum\n",
                                months("LOW", series_a) + months("MID", series_a) + months("HIGH", series_a));
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 5), pack());
    CHECK(r.status[0] == ProjectionStatus::OnTrack);  // 93.4 / 80 = 116.8%
    CHECK(r.status[1] == ProjectionStatus::AtRisk);
    CHECK(r.status[2] == ProjectionStatus::OffTrack);  // 171.8 / 200 = 85.9%
    CHECK(r.achievement_high[2] == doctest::Approx(171.76211720308476 / 2));
    kinerja::ProjectionOptions options;
    options.on_track_at_least = 75;
    options.off_track_under = 70;
    const auto loose = kinerja::project_year_end(d, 2025, Period::month(2025, 5), pack(), options);
    CHECK(loose.status[1] == ProjectionStatus::OnTrack);
    CHECK(loose.status[2] == ProjectionStatus::AtRisk);
    options.level = 0.5;
    const auto narrow = kinerja::project_year_end(d, 2025, Period::month(2025, 5), pack(), options);
    CHECK(narrow.upper[0] - narrow.lower[0] < r.upper[0] - r.lower[0]);
    CHECK(narrow.level == 0.5);
  }

  TEST_CASE("invalid options throw") {
    const auto d = make_dataset("S,2025,10,,max,sum\n", months("S", {1, 2, 3}));
    kinerja::ProjectionOptions options;
    options.level = 1.0;
    CHECK_THROWS_AS(kinerja::project_year_end(d, 2025, Period::month(2025, 3), pack(), options), kinerja::error);
    options = {};
    options.off_track_under = 110;
    CHECK_THROWS_AS(kinerja::project_year_end(d, 2025, Period::month(2025, 3), pack(), options), kinerja::error);
    options = {};
    options.on_track_at_least = NAN;
    CHECK_THROWS_AS(kinerja::project_year_end(d, 2025, Period::month(2025, 3), pack(), options), kinerja::error);
  }

  TEST_CASE("polarity min: the lower end of the interval gives the higher capaian") {
    // Series B of golden.py, accumulation last, target 30: projected 21.3, (2 - 21.3 / 30) = 129%.
    const auto d = make_dataset("B,2025,30,,min,last\n", months("B", {50, 46, 47, 41}));
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 4), pack());
    const double lower = -4.674744819186959, upper = 47.274744819187006;
    CHECK(r.projected[0] == doctest::Approx(21.300000000000026).epsilon(1e-10));
    CHECK(r.lower[0] == doctest::Approx(lower).epsilon(1e-10));
    CHECK(r.upper[0] == doctest::Approx(upper).epsilon(1e-10));
    CHECK(r.achievement[0] == doctest::Approx(120));  // capped
    CHECK(r.achievement_low[0] == doctest::Approx((2 - upper / 30) * 100));
    CHECK(r.achievement_high[0] == doctest::Approx(120));
    CHECK(r.status[0] == ProjectionStatus::AtRisk);
    CHECK(r.slope[0] == doctest::Approx(-2.6));
  }

  TEST_CASE("polarity range: an interval straddling the range reaches 100 inside it") {
    const auto d = make_dataset("R,2025,15,25,range,last\nW,2025,5,30,range,last\nRM,2025,19,21,range_max,last\n",
                                months("R", series_a) + months("W", series_a) + months("RM", series_a));
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 5), pack());
    const double lower = 10.707805964017355, upper = 27.892194035982662;
    CHECK(r.achievement[0] == doctest::Approx(100));
    CHECK(r.achievement_low[0] == doctest::Approx(lower / 15 * 100));
    CHECK(r.achievement_high[0] == doctest::Approx(100));
    CHECK(r.status[0] == ProjectionStatus::AtRisk);
    CHECK(r.achievement_low[1] == doctest::Approx(100));  // the whole interval inside 5..30
    CHECK(r.status[1] == ProjectionStatus::OnTrack);
    // range_max above the range keeps rising: R / U, capped.
    CHECK(r.achievement_low[2] == doctest::Approx(lower / 19 * 100));
    CHECK(r.achievement_high[2] == doctest::Approx(std::min(120.0, upper / 21 * 100)));
  }

  TEST_CASE("range_max with the nearest-bound setting takes both sides of the jump in the middle") {
    const auto d = make_dataset("RM,2025,10,30,range_max,last\n", months("RM", series_a));
    auto rules = pack();
    rules.set("achievement.range_inside", "nearest_bound");
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 5), rules);
    // Interval 10.7 .. 27.9 inside 10..30: R / 10 up to the middle 20 (200%, capped), then R / 30.
    CHECK(r.achievement_high[0] == doctest::Approx(120));
    CHECK(r.achievement_low[0] == doctest::Approx(20.0 / 30 * 100));
  }

  TEST_CASE("T over R with a final value of 0 counts as the cap") {
    const auto d = make_dataset("Z,2025,5,,min,last\n", "Z,2025,0\n");
    auto rules = pack();
    rules.set("achievement.minimize", "target_over_realization");
    const auto r = kinerja::project_year_end(d, 2025, Period::year(2025), rules);
    CHECK(r.status[0] == ProjectionStatus::Final);
    CHECK(r.achievement[0] == doctest::Approx(120));
  }

  TEST_CASE("a dataset without the realisation index is indexed on a copy") {
    auto d = make_dataset("S,2025,120,,max,sum\n", months("S", series_a));
    const auto indexed = kinerja::project_year_end(d, 2025, Period::month(2025, 5), pack());
    d.realizations.offsets.clear();
    d.realizations.order.clear();
    const auto copied = kinerja::project_year_end(d, 2025, Period::month(2025, 5), pack());
    CHECK(copied.projected[0] == indexed.projected[0]);
    CHECK(copied.upper[0] == indexed.upper[0]);
    CHECK(d.realizations.offsets.empty());
  }

  TEST_CASE("a whole-year value known at as_of closes the year") {
    const auto d = make_dataset("A,2025,10,,max,sum\n", months("A", {1, 1, 1}) + "A,2025,8\n");
    const auto closed = kinerja::project_year_end(d, 2025, Period::month(2025, 12), pack());
    CHECK(closed.status[0] == ProjectionStatus::Final);
    CHECK(closed.projected[0] == 8);
    CHECK(closed.achievement[0] == doctest::Approx(80));
    CHECK(closed.achievement_low[0] == doctest::Approx(80));
    CHECK(closed.observed_periods[0] == 1);
    CHECK(closed.last_observed[0] == Period::year(2025));
    CHECK(std::isnan(closed.slope[0]));
    // In March the whole-year value is not known yet: the months are projected.
    const auto open = kinerja::project_year_end(d, 2025, Period::month(2025, 3), pack());
    CHECK(open.status[0] == ProjectionStatus::OnTrack);
    CHECK(open.projected[0] == doctest::Approx(12));
  }

  TEST_CASE("an observed December closes the year with the value of score") {
    std::string real;
    for (int m = 1; m <= 12; ++m) real += "A,2025-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + ",1\n";
    const auto d = make_dataset("A,2025,10,,max,sum\n", real);
    const auto r = kinerja::project_year_end(d, 2026, Period::month(2026, 1), pack());
    CHECK(r.size() == 0);
    const auto f = kinerja::project_year_end(d, 2025, Period::month(2026, 1), pack());
    CHECK(f.status[0] == ProjectionStatus::Final);
    CHECK(f.projected[0] == doctest::Approx(12));
    CHECK(f.achievement[0] == doctest::Approx(120));
    CHECK(f.remaining_periods[0] == 0);
    CHECK(f.slope[0] == doctest::Approx(0));
  }

  TEST_CASE("no data and invalid target and unsupported periods") {
    auto d = make_dataset(
        "E,2025,10,,max,sum\nLATE,2025,10,,max,sum\nT,2025,10,,max,sum\nMIX,2025,10,,max,sum\n",
        "LATE,2025-07,5\n" + months("T", {1, 2, 3}) + "MIX,2025-01,1\nMIX,2025-Q1,2\n" + "MIX,2025-04,3\n");
    d.indicators.target[2] = 0;  // the loader refuses it: set in memory
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 6), pack());
    REQUIRE(r.size() == 4);
    CHECK(r.status[0] == ProjectionStatus::NoData);
    CHECK(r.observed_periods[0] == 0);
    CHECK(r.last_observed[0] == Period::year(2025));
    CHECK(std::isnan(r.projected[0]));
    CHECK(r.status[1] == ProjectionStatus::NoData);  // July is after as_of
    CHECK(r.status[2] == ProjectionStatus::InvalidTarget);
    CHECK(r.projected[2] == doctest::Approx(6 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12));
    CHECK(std::isnan(r.achievement[2]));
    CHECK(r.status[3] == ProjectionStatus::UnsupportedPeriods);
    CHECK(std::isnan(r.projected[3]));
    CHECK(kinerja::to_string(ProjectionStatus::UnsupportedPeriods) == "unsupported_periods");
    CHECK(kinerja::to_string(ProjectionStatus::InsufficientData) == "insufficient_data");
  }

  TEST_CASE("short series: two points give a line and one point is carried forward") {
    const auto d = make_dataset("TWO,2025,100,,max,sum\nONE,2025,100,,max,sum\nONEL,2025,4,,max,last\n",
                                months("TWO", {1, 3}) + months("ONE", {5}) + months("ONEL", {5}));
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 6), pack());
    // y = 2x - 1: months 3..12 add 5 + 7 + ... + 23 = 140.
    CHECK(r.status[0] == ProjectionStatus::InsufficientData);
    CHECK(r.projected[0] == doctest::Approx(144));
    CHECK(r.slope[0] == doctest::Approx(2));
    CHECK(r.achievement[0] == doctest::Approx(120));
    CHECK(std::isnan(r.lower[0]));
    CHECK(std::isnan(r.achievement_low[0]));
    CHECK(r.status[1] == ProjectionStatus::InsufficientData);
    CHECK(r.projected[1] == doctest::Approx(60));
    CHECK(r.achievement[1] == doctest::Approx(60));
    CHECK(std::isnan(r.slope[1]));
    CHECK(r.projected[2] == doctest::Approx(5));
    CHECK(r.remaining_periods[2] == 11);
  }

  TEST_CASE("as_of keeps only the periods ending by then") {
    const auto d = make_dataset("A,2025,100,,max,last\n", months("A", {2, 4, 6, 8, 100, 100, 100, 100}));
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 4), pack());
    CHECK(r.observed_periods[0] == 4);
    CHECK(r.last_observed[0] == Period::month(2025, 4));
    CHECK(r.projected[0] == doctest::Approx(24));
    CHECK(r.status[0] == ProjectionStatus::OffTrack);
    // A quarter as as_of ends on its last day: months 1..6 count.
    const auto q = kinerja::project_year_end(d, 2025, Period::quarter(2025, 2), pack());
    CHECK(q.observed_periods[0] == 6);
    // A day inside May: April is the last period that has ended.
    const auto day = kinerja::project_year_end(d, 2025, Period::day(kinerja::Date::from_ymd(2025, 5, 20)), pack());
    CHECK(day.observed_periods[0] == 4);
  }

  TEST_CASE("quarterly data projects the remaining quarters") {
    const auto d = make_dataset("Q,2025,100,,max,sum\nQL,2025,40,,max,last\nQ2,2025,100,,max,sum\n",
                                "Q,2025-Q1,10\nQ,2025-Q2,20\nQ,2025-Q3,30\nQL,2025-Q1,10\nQL,2025-Q2,20\n"
                                "QL,2025-Q3,30\nQ2,2025-Q1,10\nQ2,2025-Q2,20\n");
    const auto r = kinerja::project_year_end(d, 2025, Period::month(2025, 11), pack());
    CHECK(r.projected[0] == doctest::Approx(100));
    CHECK(r.remaining_periods[0] == 1);
    CHECK(r.slope[0] == doctest::Approx(10.0 / 3));
    CHECK(r.last_observed[0] == Period::quarter(2025, 3));
    CHECK(r.status[0] == ProjectionStatus::OnTrack);
    CHECK(r.projected[1] == doctest::Approx(40));
    CHECK(r.projected[2] == doctest::Approx(100));  // Q3 30 and Q4 40 from the line
    CHECK(r.remaining_periods[2] == 2);
    CHECK(r.status[2] == ProjectionStatus::InsufficientData);
  }

  TEST_CASE("on the sample a projection as of October foretells the final capaian of the year") {
    kinerja::Diagnostics diags;
    const kinerja::Dataset d = kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
    REQUIRE_FALSE(diags.has_errors());
    const auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    const auto p = kinerja::project_year_end(d, 2025, kinerja::Period::month(2025, 10), rules);
    const auto s = kinerja::score(d, 2025, rules);
    std::vector<double> final_of(d.indicators.size(), std::nan(""));
    for (std::size_t k = 0; k < s.indicators.size(); ++k) {
      final_of[s.indicators.indicator[k]] = s.indicators.capped_achievement[k];
    }
    std::size_t on = 0, on_met = 0, off = 0, off_missed = 0;
    std::vector<double> error;
    for (std::size_t k = 0; k < p.size(); ++k) {
      const double actual = final_of[p.indicator[k]];
      if (std::isnan(actual) || std::isnan(p.achievement[k])) continue;
      error.push_back(std::abs(p.achievement[k] - actual));
      if (p.status[k] == kinerja::ProjectionStatus::OnTrack) {
        ++on;
        on_met += actual >= 100;
      }
      if (p.status[k] == kinerja::ProjectionStatus::OffTrack) {
        ++off;
        off_missed += actual < 100;
      }
    }
    REQUIRE(error.size() > 1000);
    const auto middle = error.begin() + static_cast<std::ptrdiff_t>(error.size() / 2);
    std::nth_element(error.begin(), middle, error.end());
    CHECK(*middle < 1.0);  // median error under one capaian point
    REQUIRE(on > 100);
    REQUIRE(off > 100);
    CHECK(on_met >= on * 95 / 100);
    CHECK(off_missed >= off * 95 / 100);
  }
}
