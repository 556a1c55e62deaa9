// Trend statistics throughput: series per second for trend_statistics() on many monthly series.
//
// Generates --series N monthly series of --points P points (a linear trend that differs per
// series, a yearly season, deterministic noise and gaps of one month now and then), in chunks
// of --chunk series so that memory stays bounded, and measures in this one process:
//   1. kinerja::trend_statistics on all cores (--threads, 0 = all): OLS, Mann-Kendall, Theil-Sen
//      with its interval and Pettitt (and Hamed-Rao with --hamed-rao);
//   2. the same statistics series by series with scipy as an analyst would write them
//      (scipy.stats.linregress, scipy.stats.kendalltau, scipy.stats.theilslopes and Pettitt in
//      numpy) on the first --baseline-series series, handed over through binary files; only the
//      Python loop is timed. The rates are compared, and the mean Sen slope of that subset must
//      agree.
// --csv FILE appends the row of the suite; its baseline says when scipy ran on a subset (the
// ratio is then of the rates, kinerja's over all series against scipy's over the subset).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "kinerja/trend_series.hpp"
#include "machine.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct Options {
  std::size_t series = 5000000;
  std::size_t points = 60;
  std::size_t chunk = 250000;
  std::size_t baseline_series = 20000;
  unsigned threads = 0;
  bool hamed_rao = false;
  bool baseline = true;
  std::string dir = "kinerja-bench-trend";
};

// A deterministic 64-bit hash (splitmix64 finaliser) of a counter.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}
double unit_uniform(std::uint64_t x) { return static_cast<double>(mix(x) >> 11) * 0x1.0p-53; }

// Series first .. first + count of the benchmark into `t` (reused).
void generate(std::size_t first, std::size_t count, std::size_t points, kinerja::SeriesTable& t) {
  t.level = kinerja::TrendLevel::Employee;
  t.subject.resize(count);
  t.offsets.resize(count + 1);
  const std::size_t total = count * points;
  t.time.resize(total);
  t.value.resize(total);
  t.period.resize(total);
  t.rule_set.assign(total, kinerja::RuleSet::PermenPanRb6_2022);
  constexpr double two_pi = 6.283185307179586;
  for (std::size_t c = 0; c < count; ++c) {
    const std::uint64_t s = first + c;
    t.subject[c] = static_cast<kinerja::Index>(s);
    t.offsets[c] = c * points;
    const double slope = (unit_uniform(4 * s) - 0.5) * 0.6;  // capaian points per month
    const double level = 70 + 30 * unit_uniform(4 * s + 1);
    const double season = 4 * unit_uniform(4 * s + 2);
    int month = 2018 * 12;
    for (std::size_t i = 0; i < points; ++i) {
      const std::uint64_t key = (s << 8) ^ (i * 0x100000001B3ULL) ^ 0xA5A5;
      month += 1 + static_cast<int>(mix(key) % 8 == 0);  // a missing month now and then
      const std::size_t k = c * points + i;
      const double noise = 6 * (unit_uniform(key + 1) - 0.5);
      // Values rounded to 0.1 like reported capaian, so ties occur.
      t.value[k] = std::round(10 * (level + slope * static_cast<double>(i) + season * std::sin(two_pi * month / 12) +
                                    noise)) / 10;
      t.time[k] = month;
      t.period[k] = kinerja::Period::month((month - 1) / 12, (month - 1) % 12 + 1);
    }
  }
  t.offsets[count] = total;
}

template <typename T>
void dump(const std::string& path, const std::vector<T>& v) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}

// The analyst's scipy version, series by series. Prints "seconds mean_sen_slope".
const char* scipy_script = R"PY(
import sys, time
import numpy as np
from scipy import stats
d, points = sys.argv[1], int(sys.argv[2])
y_all = np.fromfile(d + '/value.f64', dtype=np.float64).reshape(-1, points)
t_all = np.fromfile(d + '/time.f64', dtype=np.float64).reshape(-1, points)

def pettitt(y):
    n = len(y)
    v = np.sign(y[:, None] - y[None, :]).sum(axis=1)
    u = np.cumsum(v)[:-1]
    k = np.abs(u).max()
    return int(np.argmax(np.abs(u))) + 1, min(1.0, 2 * np.exp(-6.0 * k * k / (n ** 3 + n ** 2)))

t0 = time.perf_counter()
sen_sum = 0.0
for y, t in zip(y_all, t_all):
    lr = stats.linregress(t, y)
    tau = stats.kendalltau(t, y)
    sen = stats.theilslopes(y, t, 0.95)
    cp = pettitt(y)
    sen_sum += sen[0]
elapsed = time.perf_counter() - t0
print(elapsed, sen_sum / len(y_all))
)PY";

}  // namespace

int main(int argc, char** argv) {
  Options o;
  kin_bench::ResultFile results;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] { return kin_bench::option_value(argc, argv, i); };
    if (results.parse(argc, argv, i)) continue;
    if (a == "--series") o.series = std::stoul(value());
    else if (a == "--points") o.points = std::max<std::size_t>(2, std::stoul(value()));
    else if (a == "--chunk") o.chunk = std::max<std::size_t>(1, std::stoul(value()));
    else if (a == "--baseline-series") o.baseline_series = std::max<std::size_t>(1, std::stoul(value()));
    else if (a == "--threads") o.threads = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--hamed-rao") o.hamed_rao = true;
    else if (a == "--dir") o.dir = value();
    else if (a == "--no-baselines") o.baseline = false;
    else {
      std::cerr << "usage: bench_trend [--series N] [--points P] [--chunk N] [--threads N] [--hamed-rao]\n"
                   "                   [--baseline-series N] [--dir DIR] [--no-baselines]\n"
                   "                   [--csv FILE] [--size-label LABEL] [--size-employees N]\n";
      return a == "--help" ? 0 : 2;
    }
  }
  const unsigned threads = o.threads != 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  std::cout << "kinerja trend statistics benchmark\n"
            << "  machine: " << kin_bench::describe_machine() << "\n"
            << "  data: " << o.series << " monthly series of " << o.points
            << " points (trend + season + noise + gaps), generated in chunks of " << o.chunk << " series\n"
            << "  statistics: OLS, Mann-Kendall, Theil-Sen with 95% interval, Pettitt"
            << (o.hamed_rao ? ", Hamed-Rao" : "") << "; " << threads << " threads\n\n";

  kinerja::TrendOptions options;
  options.threads = threads;
  options.hamed_rao = o.hamed_rao;
  options.seasonal = false;  // the statistics of the issue: OLS, Mann-Kendall, Sen, Pettitt
  kinerja::SeriesTable table;
  double stats_s = 0, generate_s = 0, sen_sum_subset = 0;
  std::size_t increasing = 0, decreasing = 0;
  for (std::size_t first = 0; first < o.series; first += o.chunk) {
    const std::size_t count = std::min(o.chunk, o.series - first);
    auto t0 = Clock::now();
    generate(first, count, o.points, table);
    generate_s += seconds_since(t0);
    t0 = Clock::now();
    const kinerja::TrendTable r = kinerja::trend_statistics(table, options);
    stats_s += seconds_since(t0);
    for (std::size_t s = 0; s < r.size(); ++s) {
      increasing += r.direction[s] == kinerja::TrendDirection::Increasing;
      decreasing += r.direction[s] == kinerja::TrendDirection::Decreasing;
      if (first + s < o.baseline_series) sen_sum_subset += r.sen_slope[s];
    }
  }
  const double rate = static_cast<double>(o.series) / stats_s;
  std::cout << std::fixed << std::setprecision(3);
  std::cout << "  generating the series (not timed) " << std::setw(9) << generate_s << " s\n";
  std::cout << "  kinerja trend_statistics          " << std::setw(9) << stats_s << " s   " << std::setprecision(0)
            << rate << " series/s   " << increasing << " increasing, " << decreasing << " decreasing\n";
  kin_bench::Result row{"trend", "trend_statistics", "series/s"};
  row.kinerja_seconds = stats_s;
  row.kinerja_per_second = rate;
  row.kinerja_peak_mib = kin_bench::peak_memory_mib();

  if (o.baseline) {
    const std::size_t subset = std::min(o.baseline_series, o.series);
    const double kinerja_mean = sen_sum_subset / static_cast<double>(subset);
    fs::create_directories(o.dir);
    generate(0, subset, o.points, table);
    dump(o.dir + "/value.f64", table.value);
    dump(o.dir + "/time.f64", table.time);
    std::ofstream(o.dir + "/trend.py") << scipy_script;
    const std::string python = kin_bench::baseline_python();
    const std::string cmd = python + " " + o.dir + "/trend.py " + o.dir + " " + std::to_string(o.points) + " 2>&1";
    double scipy_peak = 0;
    const std::string output = kin_bench::command_output(cmd, &scipy_peak);
    double scipy_s = 0, scipy_mean = 0;
    if (std::sscanf(output.c_str(), "%lf %lf", &scipy_s, &scipy_mean) == 2 && scipy_s > 0) {
      const double scipy_rate = static_cast<double>(subset) / scipy_s;
      const bool agree = std::fabs(scipy_mean - kinerja_mean) <= 1e-9 * std::max(1.0, std::fabs(kinerja_mean));
      row.baseline = subset < o.series ? "scipy (first " + std::to_string(subset) + " series)" : "scipy";
      if (!agree) row.baseline += " (MEAN SEN SLOPE DIFFERS)";
      row.baseline_seconds = scipy_s;
      row.baseline_per_second = scipy_rate;
      row.baseline_peak_mib = scipy_peak;
      std::cout << std::setprecision(3) << "  scipy series by series (" << subset << " series, one core) "
                << scipy_s << " s   " << std::setprecision(0) << scipy_rate << " series/s\n";
      std::cout << "\n  kinerja is " << std::setprecision(1) << rate / scipy_rate << "x scipy in series/s ("
                << threads << " threads against one Python process)"
                << (agree ? ", mean Sen slope agrees" : ", MEAN SEN SLOPE DIFFERS")
                << "\n";
    } else {
      std::cout << "  scipy baseline unavailable (apt-get install python3-scipy): " << output.substr(0, 200) << "\n";
    }
    fs::remove_all(o.dir);
  }
  kin_bench::append_result(results, row);
  std::cout << "  peak memory: " << std::setprecision(0) << kin_bench::peak_memory_mib() << " MiB\n";
  return 0;
}
