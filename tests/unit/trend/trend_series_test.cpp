// build_series() on small datasets and trend_statistics() against the single-series functions.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/load.hpp"
#include "kinerja/trend_series.hpp"
#include "support/dataset.hpp"

namespace {

using kin_test::load_valid;
using kinerja::Period;
using kinerja::SeriesTable;
using kinerja::TrendLevel;

constexpr const char* nip1 = "199001152015032001";
constexpr const char* nip2 = "198512312010011002";

double month_time(int year, int month) { return 12.0 * year + month; }

// The points of series s as (time, value) vectors.
std::vector<double> values_of(const SeriesTable& t, std::size_t s) {
  return {t.value.begin() + static_cast<std::ptrdiff_t>(t.offsets[s]),
          t.value.begin() + static_cast<std::ptrdiff_t>(t.offsets[s + 1])};
}
std::vector<double> times_of(const SeriesTable& t, std::size_t s) {
  return {t.time.begin() + static_cast<std::ptrdiff_t>(t.offsets[s]),
          t.time.begin() + static_cast<std::ptrdiff_t>(t.offsets[s + 1])};
}

// Equal as numbers, or both NaN.
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// A table of `count` series of random length with gaps, ties and a few constant or short ones.
SeriesTable random_series(std::size_t count, std::uint64_t seed) {
  SeriesTable t;
  t.offsets.push_back(0);
  std::mt19937_64 rng(seed);
  for (std::size_t s = 0; s < count; ++s) {
    const std::size_t n = rng() % 70;
    const bool constant = rng() % 10 == 0;
    int month = 2015 * 12;
    for (std::size_t i = 0; i < n; ++i) {
      month += 1 + static_cast<int>(rng() % 4 == 0);  // a gap now and then
      const double noise = static_cast<double>(rng() % 20);  // integers: ties happen
      t.time.push_back(month);
      t.value.push_back(constant ? 7.0 : 0.3 * static_cast<double>(i) + noise);
      t.period.push_back(Period::month((month - 1) / 12, (month - 1) % 12 + 1));
      t.rule_set.push_back(kinerja::RuleSet::PermenPanRb6_2022);
    }
    t.subject.push_back(static_cast<kinerja::Index>(s));
    t.offsets.push_back(t.time.size());
  }
  return t;
}

// Appends a series of n points with values from `value(i)` at months 1, 2, 3, ... of 2000 on.
template <typename Value>
void append_series(SeriesTable& t, std::size_t n, Value value) {
  for (std::size_t i = 0; i < n; ++i) {
    const int month = 2000 * 12 + 1 + static_cast<int>(i);
    t.time.push_back(month);
    t.value.push_back(value(i));
    t.period.push_back(Period::month((month - 1) / 12, (month - 1) % 12 + 1));
    t.rule_set.push_back(kinerja::RuleSet::PermenPanRb6_2022);
  }
  t.subject.push_back(static_cast<kinerja::Index>(t.subject.size()));
  t.offsets.push_back(t.time.size());
}

}  // namespace

TEST_SUITE("trend_series") {
  TEST_CASE("indicator series keep gaps and period order and leave out whole-year rows") {
    kin_test::TempDir dir;
    dir.write("employees.csv", std::string("nip,unit_id\n") + nip1 + ",U\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,target\n"
              "A,unit,U,2025,10\nB,unit,U,2025,10\nC,unit,U,2025,10\nD,unit,U,2024,10\n");
    dir.write("realizations.csv",
              "indicator_id,period,value\n"
              "A,2025-04,4\nA,2025-01,1\nA,2025,9\nA,2025-03,3\n"
              "B,2025-Q2,20\nB,2025-Q1,10\nB,2025-07-15,5\n"
              "C,2025,7\n"
              "D,2024-12,2\n");
    const kinerja::Dataset d = load_valid(dir);
    const SeriesTable t =
        kinerja::build_series(d, TrendLevel::Indicator, Period::parse("2025-01"), Period::parse("2025-12"));
    REQUIRE(t.size() == 2);  // C has only a whole-year value, D lies outside
    CHECK(t.level == TrendLevel::Indicator);
    CHECK(kinerja::series_id(d, t, 0) == "A");
    CHECK(kinerja::series_id(d, t, 1) == "B");
    CHECK(times_of(t, 0) == std::vector<double>{month_time(2025, 1), month_time(2025, 3), month_time(2025, 4)});
    CHECK(values_of(t, 0) == std::vector<double>{1, 3, 4});
    CHECK(t.period[1] == Period::parse("2025-03"));
    const std::vector<double> tb = times_of(t, 1);
    REQUIRE(tb.size() == 3);
    CHECK(tb[0] == month_time(2025, 3));
    CHECK(tb[1] == month_time(2025, 6));
    CHECK(tb[2] == doctest::Approx(month_time(2025, 6) + 15.0 / 31));
    CHECK(values_of(t, 1) == std::vector<double>{10, 20, 5});
    for (kinerja::RuleSet r : t.rule_set) CHECK(r == kinerja::RuleSet::PermenPanRb6_2022);
    CHECK(t.offsets == std::vector<std::uint64_t>{0, 3, 6});

    // A narrower range, and a range crossing the year.
    const SeriesTable narrow =
        kinerja::build_series(d, TrendLevel::Indicator, Period::parse("2024-12"), Period::parse("2025-Q1"));
    REQUIRE(narrow.size() == 3);
    CHECK(values_of(narrow, 0) == std::vector<double>{1, 3});
    CHECK(values_of(narrow, 1) == std::vector<double>{10});
    CHECK(kinerja::series_id(d, narrow, 2) == "D");
    CHECK_THROWS_AS(kinerja::build_series(d, TrendLevel::Indicator, Period::parse("2025-02"),
                                          Period::parse("2025-01")),
                    kinerja::error);
  }

  TEST_CASE("employee series use year-to-date values against pro-rated sum targets") {
    kin_test::TempDir dir;
    dir.write("employees.csv", std::string("nip,unit_id\n") + nip1 + ",U\n" + nip2 + ",U\n");
    dir.write("indicators.csv",
              std::string("indicator_id,owner_type,owner_id,year,target,weight,accumulation\n") + "S,employee," +
                  nip1 + ",2025,100,60,sum\n" + "L,employee," + nip1 + ",2025,50,40,last\n");
    dir.write("realizations.csv",
              "indicator_id,period,value\nS,2025-Q2,20\nS,2025-Q1,30\nL,2025-Q1,40\nL,2025-Q3,55\n");
    const kinerja::Dataset d = load_valid(dir);
    const Period from = Period::parse("2025-01"), to = Period::parse("2025-12");
    const SeriesTable t = kinerja::build_series(d, TrendLevel::Employee, from, to);
    REQUIRE(t.size() == 1);  // the second employee has no indicators
    CHECK(kinerja::series_id(d, t, 0) == nip1);
    CHECK(times_of(t, 0) == std::vector<double>{month_time(2025, 3), month_time(2025, 6), month_time(2025, 9)});
    CHECK(t.period[2] == Period::parse("2025-Q3"));
    const std::vector<double> v = values_of(t, 0);
    REQUIRE(v.size() == 3);
    // Q1: S 30 of 25 -> 120 (capped from 120), L 40 of 50 -> 80.
    CHECK(v[0] == doctest::Approx((60 * 120.0 + 40 * 80.0) / 100));
    // Q2: S 50 of 50 -> 100, L still 40 -> 80.
    CHECK(v[1] == doctest::Approx((60 * 100.0 + 40 * 80.0) / 100));
    // Q3: S 50 of 75, L 55 of 50 -> 110.
    CHECK(v[2] == doctest::Approx((60 * (50.0 / 75 * 100) + 40 * 110.0) / 100));

    kinerja::SeriesOptions full;
    full.sum_target = kinerja::SumTarget::Full;
    const std::vector<double> f = values_of(kinerja::build_series(d, TrendLevel::Employee, from, to, full), 0);
    REQUIRE(f.size() == 3);
    CHECK(f[0] == doctest::Approx((60 * 30.0 + 40 * 80.0) / 100));
    CHECK(f[1] == doctest::Approx((60 * 50.0 + 40 * 80.0) / 100));
    CHECK(f[2] == doctest::Approx((60 * 50.0 + 40 * 110.0) / 100));

    // Points outside the range are left out, but the year-to-date value still counts them.
    const SeriesTable late = kinerja::build_series(d, TrendLevel::Employee, Period::parse("2025-Q2"), to);
    CHECK(values_of(late, 0) == std::vector<double>{v[1], v[2]});
  }

  TEST_CASE("unit series combine the IKU with equal weights and leave out missing ones") {
    kin_test::TempDir dir;
    dir.write("employees.csv", std::string("nip,unit_id\n") + nip1 + ",U\n");
    dir.write("units.csv", "unit_id,parent_id\nU,\nV,U\n");
    dir.write("indicators.csv",
              std::string("indicator_id,owner_type,owner_id,year,target,accumulation,polarity,kind\n") +
                  "X,unit,U,2025,10,mean,max,utama\nY,unit,U,2025,10,last,min,utama\n"
                  "Z,unit,U,2025,10,last,max,tambahan\nE,employee," + nip1 + ",2025,10,last,max,utama\n");
    dir.write("realizations.csv",
              "indicator_id,period,value\nX,2025-01,8\nX,2025-02,12\nY,2025-02,9\nZ,2025-01,1\nE,2025-01,1\n");
    const kinerja::Dataset d = load_valid(dir);
    const SeriesTable t =
        kinerja::build_series(d, TrendLevel::Unit, Period::parse("2025-01"), Period::parse("2025-12"));
    REQUIRE(t.size() == 1);
    CHECK(kinerja::series_id(d, t, 0) == "U");
    CHECK(times_of(t, 0) == std::vector<double>{month_time(2025, 1), month_time(2025, 2)});
    const std::vector<double> v = values_of(t, 0);
    CHECK(v[0] == doctest::Approx(80));                  // X 8/10; Y has no value yet; Z is tambahan
    CHECK(v[1] == doctest::Approx((100.0 + 110) / 2));  // X mean 10 -> 100, Y (2 - 0.9) -> 110

    auto zero = kinerja::RulePack::builtin("permenpanrb-6-2022");
    zero.set("aggregation.missing", "zero");
    kinerja::SeriesOptions o;
    o.rules = zero;
    const SeriesTable z = kinerja::build_series(d, TrendLevel::Unit, Period::parse("2025-01"),
                                                Period::parse("2025-12"), o);
    CHECK(values_of(z, 0)[0] == doctest::Approx(40));  // Y counts 0
  }

  TEST_CASE("each point records the rule set of its year") {
    kin_test::TempDir dir;
    dir.write("employees.csv", std::string("nip,unit_id\n") + nip1 + ",U\n");
    dir.write("indicators.csv",
              std::string("indicator_id,owner_type,owner_id,year,target\n") + "A,employee," + nip1 +
                  ",2021,10\nB,employee," + nip1 + ",2022,10\n");
    dir.write("realizations.csv", "indicator_id,period,value\nA,2021-06,5\nA,2021-12,10\nB,2022-06,8\n");
    const kinerja::Dataset d = load_valid(dir);
    const Period from = Period::parse("2021-01"), to = Period::parse("2022-12");
    const SeriesTable t = kinerja::build_series(d, TrendLevel::Employee, from, to);
    REQUIRE(t.size() == 1);
    CHECK(values_of(t, 0) == std::vector<double>{50, 100, 80});
    CHECK(t.rule_set == std::vector<kinerja::RuleSet>{kinerja::RuleSet::PermenPanRb8_2021,
                                                      kinerja::RuleSet::PermenPanRb8_2021,
                                                      kinerja::RuleSet::PermenPanRb6_2022});
    const SeriesTable ind = kinerja::build_series(d, TrendLevel::Indicator, from, to);
    CHECK(ind.rule_set == t.rule_set);
    kinerja::SeriesOptions one;
    one.rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    for (kinerja::RuleSet r : kinerja::build_series(d, TrendLevel::Employee, from, to, one).rule_set) {
      CHECK(r == kinerja::RuleSet::PermenPanRb6_2022);
    }
  }

  TEST_CASE("batch statistics equal the single-series functions") {
    SeriesTable t = random_series(400, 11);
    // Long series (another code path above 512 points), heavy ties, and a smooth trend whose
    // pairwise slopes crowd around the median.
    std::mt19937_64 rng(3);
    append_series(t, 600, [&rng](std::size_t i) {
      return 0.01 * static_cast<double>(i) + static_cast<double>(rng() % 50);
    });
    append_series(t, 90, [&rng](std::size_t) { return static_cast<double>(rng() % 3); });
    append_series(t, 80, [](std::size_t i) { return std::sqrt(static_cast<double>(i)); });
    append_series(t, 61, [&rng](std::size_t i) {
      return static_cast<double>(i % 12) + 0.001 * static_cast<double>(rng() % 7);
    });
    kinerja::TrendOptions o;
    o.threads = 3;
    const kinerja::TrendTable r = kinerja::trend_statistics(t, o);
    REQUIRE(r.size() == t.size());
    for (std::size_t s = 0; s < t.size(); ++s) {
      CAPTURE(s);
      const std::vector<double> y = values_of(t, s), x = times_of(t, s);
      REQUIRE(r.n[s] == y.size());
      const auto l = kinerja::ols(y, x);
      CHECK(same(r.ols_slope[s], l.slope));
      CHECK(same(r.ols_intercept[s], l.intercept));
      CHECK(same(r.ols_r_squared[s], l.r_squared));
      CHECK(same(r.ols_p[s], l.p_value));
      const auto mk = kinerja::mann_kendall(y, x);
      CHECK(r.mk_s[s] == mk.s);
      CHECK(same(r.mk_var_s[s], mk.var_s));
      CHECK(same(r.mk_z[s], mk.z));
      CHECK(same(r.mk_p[s], mk.p_value));
      CHECK(same(r.mk_tau[s], mk.tau_b));
      CHECK(r.status[s] == mk.status);
      const auto sen = kinerja::sen_slope(y, x);
      CHECK(same(r.sen_slope[s], sen.slope));
      CHECK(same(r.sen_intercept[s], sen.intercept));
      CHECK(same(r.sen_lower[s], sen.lower));
      CHECK(same(r.sen_upper[s], sen.upper));
      const auto pt = kinerja::pettitt(y);
      CHECK(r.pettitt_index[s] == pt.change_point);
      CHECK(same(r.pettitt_p[s], pt.p_value));
      if (!y.empty()) {
        CHECK(r.pettitt_period[s] == t.period[t.offsets[s] + pt.change_point]);
        CHECK(r.first_period[s] == t.period[t.offsets[s]]);
        CHECK(r.last_period[s] == t.period[t.offsets[s + 1] - 1]);
      }
      CHECK(same(r.hamed_rao_p[s], kinerja::hamed_rao(y, x).p_value));
      const auto expected = mk.status == kinerja::TrendStatus::Ok && mk.p_value <= 0.05
                                ? (mk.s > 0 ? kinerja::TrendDirection::Increasing : kinerja::TrendDirection::Decreasing)
                                : kinerja::TrendDirection::NoTrend;
      CHECK(r.direction[s] == expected);
    }
  }

  TEST_CASE("batch statistics follow their options as the single-series functions do") {
    const SeriesTable t = random_series(300, 21);
    kinerja::TrendOptions o;
    o.alpha = 0.1;
    o.confidence = 0.8;
    o.min_length = 5;
    o.max_lag = 4;
    const kinerja::TrendTable r = kinerja::trend_statistics(t, o);
    std::size_t increasing = 0;
    for (std::size_t s = 0; s < t.size(); ++s) {
      CAPTURE(s);
      const std::vector<double> y = values_of(t, s), x = times_of(t, s);
      const auto sen = kinerja::sen_slope(y, x, 0.8, 5);
      CHECK(same(r.sen_lower[s], sen.lower));
      CHECK(same(r.sen_upper[s], sen.upper));
      CHECK(same(r.hamed_rao_p[s], kinerja::hamed_rao(y, x, 4, 0.1, 5).p_value));
      const auto mk = kinerja::mann_kendall(y, x, 5);
      CHECK(r.status[s] == mk.status);
      CHECK(same(r.pettitt_p[s], kinerja::pettitt(y, 5).p_value));
      increasing += r.direction[s] == kinerja::TrendDirection::Increasing;
      CHECK((r.direction[s] != kinerja::TrendDirection::NoTrend) == (mk.status == kinerja::TrendStatus::Ok &&
                                                                      mk.p_value <= 0.1 && mk.s != 0));
    }
    CHECK(increasing > 0);
    o.hamed_rao = false;
    for (double p : kinerja::trend_statistics(t, o).hamed_rao_p) CHECK(std::isnan(p));
  }

  TEST_CASE("batch statistics do not depend on the thread count") {
    const SeriesTable t = random_series(1000, 5);
    kinerja::TrendOptions o;
    o.threads = 1;
    const kinerja::TrendTable one = kinerja::trend_statistics(t, o);
    for (unsigned threads : {2u, 3u, 8u, 0u}) {
      CAPTURE(threads);
      o.threads = threads;
      const kinerja::TrendTable many = kinerja::trend_statistics(t, o);
      auto bytes_equal = [](const std::vector<double>& a, const std::vector<double>& b) {
        return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
      };
      CHECK(bytes_equal(one.ols_slope, many.ols_slope));
      CHECK(bytes_equal(one.ols_p, many.ols_p));
      CHECK(bytes_equal(one.mk_z, many.mk_z));
      CHECK(bytes_equal(one.sen_slope, many.sen_slope));
      CHECK(bytes_equal(one.sen_lower, many.sen_lower));
      CHECK(bytes_equal(one.pettitt_p, many.pettitt_p));
      CHECK(bytes_equal(one.hamed_rao_p, many.hamed_rao_p));
      CHECK(one.mk_s == many.mk_s);
      CHECK(one.direction == many.direction);
      CHECK(one.status == many.status);
      CHECK(one.pettitt_period == many.pettitt_period);
    }
  }

  TEST_CASE("series of the sample do not depend on the thread count") {
    kinerja::Diagnostics diags;
    const kinerja::Dataset d = kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
    const Period from = Period::parse("2023-01"), to = Period::parse("2026-12");
    for (TrendLevel level : {TrendLevel::Indicator, TrendLevel::Employee, TrendLevel::Unit}) {
      kinerja::SeriesOptions o;
      o.threads = 1;
      const SeriesTable one = kinerja::build_series(d, level, from, to, o);
      REQUIRE(one.size() > 10);
      for (unsigned threads : {2u, 3u, 5u, 0u}) {
        CAPTURE(level);
        CAPTURE(threads);
        o.threads = threads;
        const SeriesTable many = kinerja::build_series(d, level, from, to, o);
        CHECK(many.subject == one.subject);
        CHECK(many.offsets == one.offsets);
        CHECK(std::memcmp(many.value.data(), one.value.data(), one.value.size() * sizeof(double)) == 0);
        CHECK(many.time == one.time);
        CHECK(many.period == one.period);
        CHECK(many.rule_set == one.rule_set);
      }
    }
  }

  TEST_CASE("short and constant series get their status and no direction") {
    SeriesTable t;
    t.offsets = {0, 2, 7, 12, 12};
    t.subject = {0, 1, 2, 3};
    for (int i = 0; i < 12; ++i) {
      const int k = i < 2 ? i : (i < 7 ? i - 2 : i - 7);
      t.time.push_back(month_time(2025, 1 + k));
      t.period.push_back(Period::month(2025, 1 + k));
      t.rule_set.push_back(kinerja::RuleSet::PermenPanRb6_2022);
      t.value.push_back(i < 2 ? i : (i < 7 ? 5.0 : 10.0 * k));  // short, constant, increasing
    }
    const kinerja::TrendTable r = kinerja::trend_statistics(t);
    REQUIRE(r.size() == 4);
    CHECK(r.status[0] == kinerja::TrendStatus::TooShort);
    CHECK(std::isnan(r.ols_slope[0]));
    CHECK(std::isnan(r.sen_slope[0]));
    CHECK(r.direction[0] == kinerja::TrendDirection::NoTrend);
    CHECK(r.status[1] == kinerja::TrendStatus::Constant);
    CHECK(r.ols_slope[1] == 0);
    CHECK(r.sen_slope[1] == 0);
    CHECK(r.pettitt_p[1] == 1);
    CHECK(std::isnan(r.mk_p[1]));
    CHECK(r.direction[1] == kinerja::TrendDirection::NoTrend);
    CHECK(r.status[2] == kinerja::TrendStatus::Ok);
    CHECK(r.mk_s[2] == 10);
    CHECK(r.sen_slope[2] == doctest::Approx(10));  // per month
    CHECK(r.direction[2] == kinerja::TrendDirection::Increasing);
    CHECK(r.n[3] == 0);
    CHECK(r.status[3] == kinerja::TrendStatus::TooShort);
    kinerja::TrendOptions strict;
    strict.min_length = 6;
    CHECK(kinerja::trend_statistics(t, strict).status[2] == kinerja::TrendStatus::TooShort);
  }

  TEST_CASE("invalid options and series throw") {
    SeriesTable t = random_series(3, 1);
    kinerja::TrendOptions o;
    o.alpha = 1;
    CHECK_THROWS_AS(kinerja::trend_statistics(t, o), kinerja::error);
    o = {};
    o.confidence = 0;
    CHECK_THROWS_AS(kinerja::trend_statistics(t, o), kinerja::error);
    SeriesTable bad;
    bad.offsets = {0, 2};
    bad.subject = {0};
    bad.time = {5, 5};
    bad.value = {1, 2};
    bad.period = {Period::month(2025, 5), Period::month(2025, 5)};
    CHECK_THROWS_AS(kinerja::trend_statistics(bad), kinerja::error);
    bad.offsets = {0, 3};
    CHECK_THROWS_AS(kinerja::trend_statistics(bad), kinerja::error);
  }

  TEST_CASE("predikat series put the matrix of every rating on the ordinal scale with the annual point kept") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015031001,U\n");
    dir.write("ratings.csv",
              "nip,period,result_rating,behavior_rating\n"
              "199001152015031001,2023,above,above\n"      // sangat baik: 5
              "199001152015031001,2024-Q4,below,below\n"   // same day as the annual 2024: dropped
              "199001152015031001,2024,meets,meets\n"      // baik: 4
              "199001152015031001,2025-Q1,meets,below\n"   // kurang/misconduct: 2
              "199001152015031001,2025-Q2,below,meets\n");  // butuh perbaikan: 3
    const kinerja::Dataset d = kin_test::load_valid(dir);
    const auto s = kinerja::build_series(d, kinerja::TrendLevel::Predikat, kinerja::Period::year(2023),
                                         kinerja::Period::year(2025));
    REQUIRE(s.size() == 1);
    CHECK(kinerja::series_id(d, s, 0) == "199001152015031001");
    REQUIRE(s.points() == 4);
    const double expected[] = {5, 4, 2, 3};
    for (std::size_t k = 0; k < 4; ++k) {
      CAPTURE(k);
      CHECK(s.value[k] == expected[k]);
      CHECK(s.rule_set[k] == kinerja::RuleSet::PermenPanRb6_2022);
    }
    CHECK(s.period[1] == kinerja::Period::year(2024));
    CHECK(kinerja::to_string(s.level) == "predikat");
  }

  TEST_CASE("the seasonal Mann-Kendall column uses months or quarters as seasons") {
    kinerja::SeriesTable t;
    t.level = kinerja::TrendLevel::Indicator;
    t.offsets = {0};
    std::vector<double> y;
    std::vector<std::size_t> season;
    // Series 0: 36 months with a yearly pattern and a small rise. Series 1: 12 quarters.
    // Series 2: days, which have no seasonal test.
    for (int k = 0; k < 36; ++k) {
      const int year = 2022 + k / 12, month = k % 12 + 1;
      const kinerja::Period p = kinerja::Period::month(year, month);
      const double v = 50 + 10 * std::sin(month) + 0.3 * k + (k % 5 == 0 ? 1.5 : 0);
      t.time.push_back(kinerja::period_end_time(p));
      t.value.push_back(v);
      t.period.push_back(p);
      t.rule_set.push_back(kinerja::RuleSet::PermenPanRb6_2022);
      y.push_back(v);
      season.push_back(static_cast<std::size_t>(month - 1));
    }
    t.subject.push_back(0);
    t.offsets.push_back(t.time.size());
    std::vector<double> yq;
    std::vector<std::size_t> sq;
    for (int k = 0; k < 12; ++k) {
      const kinerja::Period p = kinerja::Period::quarter(2022 + k / 4, k % 4 + 1);
      const double v = 10 + (k % 4) * 3 + 0.5 * k * ((k % 3) + 1);
      t.time.push_back(kinerja::period_end_time(p));
      t.value.push_back(v);
      t.period.push_back(p);
      t.rule_set.push_back(kinerja::RuleSet::PermenPanRb6_2022);
      yq.push_back(v);
      sq.push_back(static_cast<std::size_t>(k % 4));
    }
    t.subject.push_back(1);
    t.offsets.push_back(t.time.size());
    for (int k = 1; k <= 5; ++k) {
      const kinerja::Period p = kinerja::Period::day(kinerja::Date::from_ymd(2025, 3, k));
      t.time.push_back(kinerja::period_end_time(p));
      t.value.push_back(k * 2.0);
      t.period.push_back(p);
      t.rule_set.push_back(kinerja::RuleSet::PermenPanRb6_2022);
    }
    t.subject.push_back(2);
    t.offsets.push_back(t.time.size());
    const auto table = kinerja::trend_statistics(t);
    CHECK(table.seasonal_mk_p[0] == kinerja::seasonal_mann_kendall(y, season, 12).p_value);
    CHECK(table.seasonal_mk_p[1] == kinerja::seasonal_mann_kendall(yq, sq, 4).p_value);
    CHECK(std::isnan(table.seasonal_mk_p[2]));
    kinerja::TrendOptions off;
    off.seasonal = false;
    CHECK(std::isnan(kinerja::trend_statistics(t, off).seasonal_mk_p[0]));
  }
}
