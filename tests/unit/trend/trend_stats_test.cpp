// Trend statistics: OLS, Mann-Kendall, Hamed-Rao, seasonal Mann-Kendall, Theil-Sen and Pettitt
// against golden values from scipy and from plain O(n^2) transcriptions of the published formulas
// (tests/data/trend/make_golden.py), plus the statuses, the argument errors and the smoothers.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/trend_stats.hpp"

using kinerja::TrendStatus;

namespace {

const std::string golden_dir = KIN_TEST_DATA_DIR "/trend/";

struct Series {
  std::vector<double> t;
  std::vector<double> y;
  std::vector<std::size_t> season;
};

struct Expected {
  std::string series;
  std::string method;
  std::string field;
  std::string value;
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  std::string cell;
  while (std::getline(stream, cell, ',')) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

std::vector<std::vector<std::string>> read_csv(const std::string& name) {
  std::ifstream in(golden_dir + name);
  REQUIRE(in.good());
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(split(line));
  }
  return rows;
}

std::map<std::string, Series> read_series() {
  std::map<std::string, Series> all;
  for (const auto& row : read_csv("series.csv")) {
    REQUIRE(row.size() == 5);
    Series& s = all[row[0]];
    s.t.push_back(std::stod(row[2]));
    s.y.push_back(std::stod(row[3]));
    if (!row[4].empty()) s.season.push_back(static_cast<std::size_t>(std::stoul(row[4])));
  }
  return all;
}

std::vector<Expected> read_expected() {
  std::vector<Expected> all;
  for (const auto& row : read_csv("expected.csv")) {
    REQUIRE(row.size() == 4);
    all.push_back({row[0], row[1], row[2], row[3]});
  }
  return all;
}

void check_close(double actual, double expected, double tolerance = 1e-9) {
  CAPTURE(actual);
  CAPTURE(expected);
  CHECK(std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected)));
}

// Compares one golden field; `fields` maps names to the computed numbers.
void check_field(const Expected& e, const std::string& status, const std::map<std::string, double>& fields) {
  CAPTURE(e.series);
  CAPTURE(e.method);
  CAPTURE(e.field);
  if (e.field == "status") {
    CHECK(status == e.value);
    return;
  }
  const auto found = fields.find(e.field);
  REQUIRE(found != fields.end());
  const double value = std::stod(e.value);
  check_close(found->second, value);
  // p-values also relatively: the tails (down to 1e-29 here) must stay accurate.
  if (e.field == "p_value") {
    CAPTURE(found->second);
    CHECK(std::fabs(found->second - value) <= 1e-9 * value);
  }
}

}  // namespace

TEST_SUITE("trend_stats") {
  TEST_CASE("golden values from scipy and the published formulas") {
    const auto series = read_series();
    const auto expected = read_expected();
    REQUIRE(series.size() >= 15);
    std::size_t checked = 0;
    for (const Expected& e : expected) {
      const Series& s = series.at(e.series);
      // min_length 2 everywhere: the golden statuses follow each statistic's own minimum.
      if (e.method == "ols") {
        const auto r = kinerja::ols(s.y, s.t, 2);
        check_field(e, std::string(to_string(r.status)),
                    {{"slope", r.slope},
                     {"intercept", r.intercept},
                     {"r_squared", r.r_squared},
                     {"p_value", r.p_value},
                     {"slope_stderr", r.slope_stderr},
                     {"t_statistic", r.t_statistic}});
      } else if (e.method == "mann_kendall") {
        const auto r = kinerja::mann_kendall(s.y, s.t, 2);
        check_field(e, std::string(to_string(r.status)),
                    {{"s", static_cast<double>(r.s)},
                     {"var_s", r.var_s},
                     {"z", r.z},
                     {"p_value", r.p_value},
                     {"tau_b", r.tau_b}});
      } else if (e.method == "hamed_rao" || e.method == "hamed_rao_lag3") {
        const auto r = kinerja::hamed_rao(s.y, s.t, e.method == "hamed_rao" ? 0 : 3, 0.05, 2);
        check_field(e, std::string(to_string(r.status)),
                    {{"s", static_cast<double>(r.s)},
                     {"var_s", r.var_s},
                     {"correction", r.correction},
                     {"corrected_var_s", r.corrected_var_s},
                     {"significant_lags", static_cast<double>(r.significant_lags)},
                     {"z", r.z},
                     {"p_value", r.p_value}});
      } else if (e.method == "seasonal_mann_kendall") {
        const std::size_t period = e.series == "seasonal_monthly" ? 12 : 4;
        const auto r = kinerja::seasonal_mann_kendall(s.y, s.season, period, 2);
        check_field(e, std::string(to_string(r.status)),
                    {{"s", static_cast<double>(r.s)},
                     {"var_s", r.var_s},
                     {"z", r.z},
                     {"p_value", r.p_value},
                     {"tau", r.tau},
                     {"seasons_used", static_cast<double>(r.seasons_used)}});
      } else if (e.method == "sen_slope") {
        const auto r = kinerja::sen_slope(s.y, s.t, 0.95, 2);
        check_field(e, std::string(to_string(r.status)),
                    {{"slope", r.slope}, {"intercept", r.intercept}, {"lower", r.lower}, {"upper", r.upper}});
      } else if (e.method == "pettitt") {
        const auto r = kinerja::pettitt(s.y, 2);
        check_field(e, std::string(to_string(r.status)),
                    {{"change_point", static_cast<double>(r.change_point)},
                     {"k", static_cast<double>(r.k)},
                     {"u", static_cast<double>(r.u)},
                     {"p_value", r.p_value}});
      } else {
        FAIL("unknown method " << e.method);
      }
      ++checked;
    }
    CHECK(checked == expected.size());
    CHECK(checked > 300);
  }

  TEST_CASE("the minimum length guard") {
    const std::vector<double> y = {1, 3, 2, 5};
    const std::vector<double> t = {0, 1, 2, 3};
    CHECK(kinerja::mann_kendall(y, t).status == TrendStatus::Ok);
    CHECK(kinerja::mann_kendall(y, t, 5).status == TrendStatus::TooShort);
    CHECK(kinerja::mann_kendall(y, t, 5).n == 4);
    CHECK(std::isnan(kinerja::mann_kendall(y, t, 5).p_value));
    CHECK(kinerja::ols(y, t, 5).status == TrendStatus::TooShort);
    CHECK(kinerja::sen_slope(y, t, 0.95, 5).status == TrendStatus::TooShort);
    CHECK(kinerja::pettitt(y, 5).status == TrendStatus::TooShort);
    CHECK(kinerja::hamed_rao(y, t, 0, 0.05, 5).status == TrendStatus::TooShort);
    // The default minimum of 3 rejects two points; OLS and Hamed-Rao need 3 whatever the guard.
    const std::vector<double> y2 = {1, 2};
    const std::vector<double> t2 = {0, 1};
    CHECK(kinerja::mann_kendall(y2, t2).status == TrendStatus::TooShort);
    CHECK(kinerja::mann_kendall(y2, t2, 2).status == TrendStatus::Ok);
    CHECK(kinerja::ols(y2, t2, 0).status == TrendStatus::TooShort);
    CHECK(kinerja::hamed_rao(y2, t2, 0, 0.05, 0).status == TrendStatus::TooShort);
    CHECK(kinerja::mann_kendall({}, {}, 0).status == TrendStatus::TooShort);
    CHECK(kinerja::pettitt({}, 0).status == TrendStatus::TooShort);
    CHECK(kinerja::sen_slope({}, {}, 0.95, 0).status == TrendStatus::TooShort);
  }

  TEST_CASE("degenerate series give statuses") {
    const std::vector<double> flat(6, 80.0);
    const std::vector<double> t = {0, 1, 2, 3, 4, 5};
    const auto o = kinerja::ols(flat, t);
    CHECK(o.status == TrendStatus::Constant);
    CHECK(o.slope == 0);
    CHECK(o.intercept == 80);
    CHECK(std::isnan(o.p_value));
    const auto mk = kinerja::mann_kendall(flat, t);
    CHECK(mk.status == TrendStatus::Constant);
    CHECK(mk.s == 0);
    CHECK(mk.var_s == 0);
    const auto sen = kinerja::sen_slope(flat, t);
    CHECK(sen.status == TrendStatus::Ok);
    CHECK(sen.slope == 0);
    CHECK(sen.lower == 0);
    CHECK(sen.upper == 0);
    const auto p = kinerja::pettitt(flat);
    CHECK(p.status == TrendStatus::Constant);
    CHECK(p.p_value == 1);
    // An exact line: r^2 = 1 and p = 0.
    const std::vector<double> line = {1, 3, 5, 7, 9, 11};
    const auto exact = kinerja::ols(line, t);
    CHECK(exact.status == TrendStatus::Ok);
    CHECK(exact.r_squared == doctest::Approx(1));
    CHECK(exact.slope == doctest::Approx(2));
    CHECK(exact.p_value < 1e-10);
    // Every season tied: nothing to test.
    const auto seasonal = kinerja::seasonal_mann_kendall({1, 2, 1, 2, 1, 2}, {0, 1, 0, 1, 0, 1}, 2);
    CHECK(seasonal.status == TrendStatus::Constant);
    CHECK(seasonal.seasons_used == 2);
    // One value per season: too short.
    CHECK(kinerja::seasonal_mann_kendall({1, 2, 3}, {0, 1, 2}, 12).status == TrendStatus::TooShort);
    CHECK(to_string(TrendStatus::TooShort) == "too_short");
    CHECK(to_string(TrendStatus::Degenerate) == "degenerate");
  }

  TEST_CASE("Mann-Kendall by merge sort agrees with the pairwise definition") {
    std::mt19937_64 random(7);
    std::uniform_int_distribution<int> level(0, 9);
    for (std::size_t n : {2U, 3U, 17U, 64U, 257U, 1000U}) {
      std::vector<double> y(n);
      std::vector<double> t(n);
      for (std::size_t i = 0; i < n; ++i) {
        y[i] = level(random);
        t[i] = static_cast<double>(i) * 1.5;
      }
      std::int64_t s = 0;
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) s += (y[j] > y[i]) - (y[j] < y[i]);
      }
      CAPTURE(n);
      CHECK(kinerja::mann_kendall(y, t, 2).s == s);
      // Pettitt by ranks against its definition.
      std::int64_t best = -1;
      std::size_t at = 0;
      for (std::size_t k = 1; k < n; ++k) {
        std::int64_t u = 0;
        for (std::size_t i = 0; i < k; ++i) {
          for (std::size_t j = k; j < n; ++j) u += (y[i] > y[j]) - (y[i] < y[j]);
        }
        if ((u < 0 ? -u : u) > best) {
          best = u < 0 ? -u : u;
          at = k;
        }
      }
      const auto p = kinerja::pettitt(y, 2);
      CHECK(p.k == best);
      CHECK(p.change_point == at);
    }
  }

  TEST_CASE("argument errors name the index") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> t = {0, 1, 2, 3};
    auto message = [](auto&& call) -> std::string {
      try {
        call();
      } catch (const kinerja::error& e) {
        CHECK(e.code() == kinerja::errc::InvalidArgument);
        return e.message();
      }
      FAIL("no error");
      return {};
    };
    CHECK(message([&] { kinerja::mann_kendall({1, nan, 2, 3}, t); }).find("index 1") != std::string::npos);
    CHECK(message([&] { kinerja::ols({1, 2, 3, 4}, {0, 1, 1, 2}); }).find("index 2") != std::string::npos);
    CHECK(message([&] { kinerja::sen_slope({1, 2, 3, 4}, {0, 1, nan, 2}); }).find("index 2") != std::string::npos);
    CHECK(message([&] { kinerja::pettitt({1, 2, 3, nan}); }).find("index 3") != std::string::npos);
    CHECK(!message([&] { kinerja::ols({1, 2, 3}, t); }).empty());
    CHECK(!message([&] { kinerja::sen_slope({1, 2, 3, 4}, t, 1.0); }).empty());
    CHECK(!message([&] { kinerja::hamed_rao({1, 2, 3, 4}, t, 0, 0.0); }).empty());
    CHECK(!message([&] { kinerja::seasonal_mann_kendall({1, 2}, {0, 12}, 12); }).empty());
    CHECK(!message([&] { kinerja::seasonal_mann_kendall({1, 2}, {0, 1}, 0); }).empty());
    CHECK(!message([&] { kinerja::seasonal_mann_kendall({1, 2}, {0}, 12); }).empty());
    CHECK(!message([&] { kinerja::moving_average({1, 2}, 0); }).empty());
    CHECK(!message([&] { kinerja::ewma({1, 2}, 1.5); }).empty());
    CHECK(!message([&] { kinerja::ewma({1, nan}, 0.5); }).empty());
  }

  TEST_CASE("moving average and ewma") {
    const std::vector<double> y = {1, 2, 3, 4, 10};
    const auto ma = kinerja::moving_average(y, 3);
    REQUIRE(ma.size() == 3);
    CHECK(ma[0] == doctest::Approx(2));
    CHECK(ma[1] == doctest::Approx(3));
    CHECK(ma[2] == doctest::Approx(17.0 / 3));
    CHECK(kinerja::moving_average(y, 1) == y);
    CHECK(kinerja::moving_average(y, 6).empty());
    const auto e = kinerja::ewma(y, 0.5);
    REQUIRE(e.size() == 5);
    CHECK(e[0] == 1);
    CHECK(e[1] == doctest::Approx(1.5));
    CHECK(e[2] == doctest::Approx(2.25));
    CHECK(e[3] == doctest::Approx(3.125));
    CHECK(e[4] == doctest::Approx(6.5625));
    CHECK(kinerja::ewma(y, 1.0) == y);
    CHECK(kinerja::ewma({}, 0.3).empty());
  }
}
