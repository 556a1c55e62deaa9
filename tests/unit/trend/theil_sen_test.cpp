// Order statistics of pairwise slopes: the selection without forming the slopes (long series)
// and the one that forms them must both give exactly the values of sorting all slopes, on series
// with ties, gaps, steps, large time offsets and large values.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include "kinerja/trend_stats.hpp"
#include "trend/theil_sen.hpp"

namespace {

struct Series {
  std::string kind;
  std::vector<double> t, y;
};

// A series of length n of one of several kinds, on irregular times.
Series make_series(const std::string& kind, std::size_t n, unsigned seed) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::normal_distribution<double> noise(0, 1);
  Series s{kind, std::vector<double>(n), std::vector<double>(n)};
  double time = 12.0 * 2019;  // months since year 0, as period_end_time() gives
  for (std::size_t i = 0; i < n; ++i) {
    if (kind == "daily_gaps") {
      time += (unit(random) < 0.1 ? 5.0 : 1.0) / 31;  // days, with some longer gaps
    } else if (kind == "tiny_steps") {
      time += unit(random) < 0.5 ? 1e-6 : 1.0;  // very uneven spacing
    } else {
      time += 1;
    }
    s.t[i] = time;
    const double x = static_cast<double>(i);
    if (kind == "integer_ties") {
      s.y[i] = std::floor(unit(random) * 10);  // ten levels: most slopes tie in value
    } else if (kind == "steps") {
      s.y[i] = std::floor(x / 97) + (unit(random) < 0.05 ? 1 : 0);  // long flat stretches
    } else if (kind == "large_values") {
      s.y[i] = 1e12 + 3e3 * x + 1e5 * noise(random);
    } else if (kind == "outliers") {
      s.y[i] = 0.02 * x + noise(random) + (unit(random) < 0.02 ? 500 * noise(random) : 0);
    } else {  // trend with noise, and with a change point halfway
      s.y[i] = 80 + 0.01 * x + noise(random) + (x > static_cast<double>(n) / 2 ? 3 : 0);
    }
  }
  return s;
}

std::vector<double> sorted_slopes(const Series& s) {
  std::vector<double> slopes;
  const std::size_t n = s.y.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) slopes.push_back((s.y[j] - s.y[i]) / (s.t[j] - s.t[i]));
  }
  std::sort(slopes.begin(), slopes.end());
  return slopes;
}

}  // namespace

TEST_SUITE("theil_sen") {
  TEST_CASE("slopes selected without forming them equal those of sorting all slopes") {
    const std::vector<std::string> kinds = {"trend", "daily_gaps", "tiny_steps", "integer_ties",
                                            "steps",  "large_values", "outliers"};
    unsigned seed = 11;
    for (std::size_t n : {3U, 5U, 40U, 150U, 150U, 400U, 1024U, 1301U}) {
      for (const std::string& kind : kinds) {
        const Series s = make_series(kind, n, ++seed);
        const std::vector<double> all = sorted_slopes(s);
        const std::size_t total = all.size();
        // The extremes, the quartiles, the middle two and their neighbours, and an interval.
        std::vector<std::size_t> ranks = {0,         total / 4,     total / 2 - 1, total / 2,
                                          total / 2, 3 * total / 4, total - 1};
        if (total > 4) ranks.push_back(total / 2 + 1);
        std::sort(ranks.begin(), ranks.end());
        CAPTURE(kind);
        CAPTURE(n);
        std::vector<double> by_cuts(ranks.size()), by_pairs(ranks.size()), chosen(ranks.size());
        kinerja::detail::SlopeWorkspace workspace;
        REQUIRE(kinerja::detail::select_slopes_by_cuts(s.y.data(), s.t.data(), n, ranks.data(), ranks.size(),
                                                       by_cuts.data(), workspace));
        kinerja::detail::select_slopes_from_all_pairs(s.y.data(), s.t.data(), n, ranks.data(), ranks.size(),
                                                      by_pairs.data(), workspace);
        kinerja::detail::select_slopes(s.y.data(), s.t.data(), n, ranks.data(), ranks.size(), chosen.data(),
                                       workspace);
        for (std::size_t k = 0; k < ranks.size(); ++k) {
          CAPTURE(ranks[k]);
          CHECK(by_cuts[k] == all[ranks[k]]);
          CHECK(by_pairs[k] == all[ranks[k]]);
          CHECK(chosen[k] == all[ranks[k]]);
        }
      }
    }
  }

  TEST_CASE("sen_slope and hamed_rao of long series use the exact median and interval") {
    for (const std::string kind : {"trend", "integer_ties", "daily_gaps"}) {
      const Series s = make_series(kind, 1500, 5);
      const std::vector<double> all = sorted_slopes(s);
      const std::size_t half = all.size() / 2;  // 1124250 slopes: an even count
      const double median = all[half - 1] + (all[half] - all[half - 1]) / 2;
      CAPTURE(kind);
      const kinerja::SenSlopeResult sen = kinerja::sen_slope(s.y, s.t, 0.95);
      CHECK(sen.slope == median);
      // The interval is two slopes, around the median, a few thousand ranks apart.
      const auto lower = std::find(all.begin(), all.end(), sen.lower);
      const auto upper = std::find(all.begin(), all.end(), sen.upper);
      REQUIRE(lower != all.end());
      REQUIRE(upper != all.end());
      CHECK(sen.lower <= median);
      CHECK(sen.upper >= median);
      // Mann-Kendall with ties: the interval ranks round((N -+ z sqrt(Var S)) / 2).
      const kinerja::MannKendallResult mk = kinerja::mann_kendall(s.y, s.t);
      const double count = static_cast<double>(all.size());
      const double width = 1.959963984540054 * std::sqrt(mk.var_s);
      CHECK(sen.lower == all[static_cast<std::size_t>(std::nearbyint((count - width) / 2) - 1)]);
      CHECK(sen.upper == all[static_cast<std::size_t>(std::nearbyint((count + width) / 2))]);
      // Hamed-Rao detrends by the same slope.
      const kinerja::HamedRaoResult hr = kinerja::hamed_rao(s.y, s.t, 10);
      CHECK(hr.status == kinerja::TrendStatus::Ok);
      CHECK(hr.s == mk.s);
    }
  }

  TEST_CASE("a constant long series has every slope 0") {
    const std::vector<double> y(1200, 4.25);
    std::vector<double> t(1200);
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = 24000 + static_cast<double>(i) * 0.5;
    const kinerja::SenSlopeResult sen = kinerja::sen_slope(y, t, 0.9);
    CHECK(sen.slope == 0);
    CHECK(sen.lower == 0);
    CHECK(sen.upper == 0);
    CHECK(sen.intercept == 4.25);
  }

  TEST_CASE("values near overflow fall back to forming all slopes") {
    Series s = make_series("trend", 1100, 3);
    for (double& v : s.y) v *= 1e160;
    const std::size_t rank = 1000;
    double value = 0;
    kinerja::detail::SlopeWorkspace workspace;
    CHECK_FALSE(
        kinerja::detail::select_slopes_by_cuts(s.y.data(), s.t.data(), s.y.size(), &rank, 1, &value, workspace));
    kinerja::detail::select_slopes(s.y.data(), s.t.data(), s.y.size(), &rank, 1, &value, workspace);
    CHECK(value == sorted_slopes(s)[rank]);
  }
}
