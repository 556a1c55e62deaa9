// Sen's slope on long series: time per series by series length, for the three ways in one
// process, on one core (scipy up to --max-scipy-points, as it holds n x n matrices):
//   1. kinerja's selection without forming the slopes (O(n log n), used from 512 points on);
//   2. kinerja's selection among all n (n - 1) / 2 slopes (O(n^2), used below 512 points);
//   3. scipy.stats.theilslopes, which forms and sorts all slopes, as an analyst would call it.
// Each series is a daily capaian with a trend, a change point, noise rounded to 0.1 (ties) and
// gaps. The median and both interval ends are asked for, as sen_slope() does; the two kinerja
// ways must give identical values and scipy the same median.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "machine.hpp"
#include "trend/theil_sen.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct Series {
  std::vector<double> t, y;
};

Series make_series(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::normal_distribution<double> noise(0, 2);
  Series s{std::vector<double>(n), std::vector<double>(n)};
  double day = 12.0 * 2018;  // months since year 0, a day being 1/31
  const double slope = (unit(random) - 0.5) * 0.02;
  for (std::size_t i = 0; i < n; ++i) {
    day += (unit(random) < 0.1 ? 3.0 : 1.0) / 31;
    s.t[i] = day;
    const double shift = i > n / 2 ? 4 : 0;
    s.y[i] = std::round(10 * (80 + slope * static_cast<double>(i) + shift + noise(random))) / 10;
  }
  return s;
}

// The ranks sen_slope() asks for at 95%: the interval ends and the middle two.
std::vector<std::size_t> sen_ranks(std::size_t n) {
  const std::size_t total = n * (n - 1) / 2;
  const double dn = static_cast<double>(n), dtotal = static_cast<double>(total);
  const double sigma = std::sqrt(dn * (dn - 1) * (2 * dn + 5) / 18);
  const double z = 1.959963984540054;
  const auto lower = static_cast<std::size_t>(std::nearbyint((dtotal - z * sigma) / 2) - 1);
  const auto upper = static_cast<std::size_t>(std::nearbyint((dtotal + z * sigma) / 2));
  return {lower, total / 2 - 1, total / 2, upper};
}

const char* scipy_script = R"PY(
import sys, time
import numpy as np
from scipy import stats
d, n, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
y_all = np.fromfile(d + '/y.f64', dtype=np.float64).reshape(-1, n)[:count]
t_all = np.fromfile(d + '/t.f64', dtype=np.float64).reshape(-1, n)[:count]
t0 = time.perf_counter()
total = 0.0
for y, t in zip(y_all, t_all):
    total += stats.theilslopes(y, t, 0.95)[0]
print(time.perf_counter() - t0, total / len(y_all))
)PY";

}  // namespace

int main(int argc, char** argv) {
  std::size_t max_points = 16384, max_all_pairs = 8192, max_scipy = 8192, scipy_series = 3;
  double budget = 0.5;  // seconds per way and length
  bool baseline = true;
  std::string dir = "kinerja-bench-theil-sen";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] { return kin_bench::option_value(argc, argv, i); };
    if (a == "--max-points") max_points = std::stoul(value());
    else if (a == "--max-all-pairs") max_all_pairs = std::stoul(value());
    else if (a == "--max-scipy-points") max_scipy = std::stoul(value());
    else if (a == "--scipy-series") scipy_series = std::max<std::size_t>(1, std::stoul(value()));
    else if (a == "--budget") budget = std::stod(value());
    else if (a == "--dir") dir = value();
    else if (a == "--no-baselines") baseline = false;
    else {
      std::cerr << "usage: bench_theil_sen [--max-points N] [--max-all-pairs N] [--max-scipy-points N]\n"
                   "                       [--scipy-series N] [--budget S] [--dir DIR] [--no-baselines]\n";
      return a == "--help" ? 0 : 2;
    }
  }
  std::cout << "kinerja Sen's slope on long series (median and 95% interval), one core\n"
            << "machine: " << kin_bench::describe_machine() << "\n\n"
            << "  points   by cuts us   all pairs us   scipy us   all pairs / cuts   scipy / cuts\n";
  const std::string python = kin_bench::baseline_python();
  fs::create_directories(dir);
  kinerja::detail::SlopeWorkspace workspace;
  bool identical = true, scipy_agrees = true;
  for (std::size_t n = 128; n <= max_points; n *= 2) {
    const std::vector<std::size_t> ranks = sen_ranks(n);
    std::vector<Series> series;
    for (std::size_t k = 0; k < 8; ++k) series.push_back(make_series(n, 1000 * n + k));
    // Each way repeats over the series until the budget is used, at least once per series.
    auto time_way = [&](bool by_cuts, std::vector<double>& medians) {
      std::size_t calls = 0;
      medians.assign(series.size(), 0);
      const auto t0 = Clock::now();
      do {
        for (std::size_t k = 0; k < series.size(); ++k) {
          double v[4];
          const Series& s = series[k];
          if (by_cuts) {
            if (!kinerja::detail::select_slopes_by_cuts(s.y.data(), s.t.data(), n, ranks.data(), 4, v, workspace)) {
              v[1] = v[2] = std::nan("");
            }
          } else {
            kinerja::detail::select_slopes_from_all_pairs(s.y.data(), s.t.data(), n, ranks.data(), 4, v, workspace);
          }
          medians[k] = v[1] + (v[2] - v[1]) / 2;
          ++calls;
        }
      } while (seconds_since(t0) < budget);
      return seconds_since(t0) / static_cast<double>(calls) * 1e6;
    };
    std::vector<double> cut_medians, pair_medians;
    const double cuts_us = time_way(true, cut_medians);
    double pairs_us = std::nan("");
    if (n <= max_all_pairs) {
      pairs_us = time_way(false, pair_medians);
      identical = identical && cut_medians == pair_medians;
    }
    double scipy_us = std::nan("");
    if (baseline && n <= max_scipy) {  // scipy holds n x n matrices: 0.5 GB each at 8192 points
      std::vector<double> ys, ts;
      for (const Series& s : series) {
        ys.insert(ys.end(), s.y.begin(), s.y.end());
        ts.insert(ts.end(), s.t.begin(), s.t.end());
      }
      std::ofstream(dir + "/y.f64", std::ios::binary)
          .write(reinterpret_cast<const char*>(ys.data()), static_cast<std::streamsize>(ys.size() * sizeof(double)));
      std::ofstream(dir + "/t.f64", std::ios::binary)
          .write(reinterpret_cast<const char*>(ts.data()), static_cast<std::streamsize>(ts.size() * sizeof(double)));
      std::ofstream(dir + "/theil_sen.py") << scipy_script;
      const std::size_t count = std::min(scipy_series, series.size());
      const std::string cmd = python + " " + dir + "/theil_sen.py " + dir + " " + std::to_string(n) + " " +
                              std::to_string(count) + " 2>&1";
      const std::string output = kin_bench::command_output(cmd);
      double seconds = 0, mean = 0;
      if (std::sscanf(output.c_str(), "%lf %lf", &seconds, &mean) == 2) {
        scipy_us = seconds / static_cast<double>(count) * 1e6;
        double ours = 0;
        for (std::size_t k = 0; k < count; ++k) ours += cut_medians[k];
        ours /= static_cast<double>(count);
        scipy_agrees = scipy_agrees && std::fabs(ours - mean) <= 1e-12 * std::max(1.0, std::fabs(mean));
      } else {
        std::cerr << "scipy baseline unavailable (apt-get install python3-scipy): " << output.substr(0, 200) << "\n";
        baseline = false;
      }
    }
    std::cout << std::fixed << std::setprecision(1) << "  " << std::setw(6) << n << std::setw(14) << cuts_us
              << std::setw(15) << pairs_us << std::setw(11) << std::setprecision(0) << scipy_us << std::setprecision(1)
              << std::setw(19) << pairs_us / cuts_us << std::setw(15) << scipy_us / cuts_us << "\n";
  }
  std::cout << "\n  both kinerja ways give identical values: " << (identical ? "yes" : "NO") << "\n";
  if (baseline) std::cout << "  scipy gives the same medians: " << (scipy_agrees ? "yes" : "NO") << "\n";
  std::cout << "  peak memory: " << std::setprecision(0) << kin_bench::peak_memory_mib() << " MiB\n";
  return identical && scipy_agrees ? 0 : 1;
}
