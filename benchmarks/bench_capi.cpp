// Per-call overhead of the C API and of the Python binding, on the single-series statistics.
//
// --series N short series of --points P values (default 10^6 of 24: two years of months) get the
// Mann-Kendall test, in this one process:
//   1. C++: kinerja::mann_kendall() series by series (the work itself, no boundary);
//   2. C API unbatched: kin_series_statistic() once per series;
//   3. C API batched: one kin_series_statistic() call for all series (on one thread, then on all);
// and, through Debian's Python with the binding (bindings/python), the same series by series
// (kinerja.trend.mann_kendall) and in one batch (kinerja.trend.batch), on --python-series of them.
// The overhead per call is the time per series beyond the C++ time. Every way must give the same
// S for every series (checked).
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "kinerja.h"
#include "kinerja/trend_stats.hpp"
#include "machine.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

const char* python_script = R"PY(
import sys, time
import numpy as np
import kinerja
d, n, points = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
y = np.fromfile(d + '/y.f64', dtype=np.float64)[: n * points]
rows = y.reshape(n, points)
t0 = time.perf_counter()
s_one = [kinerja.trend.mann_kendall(row).s for row in rows]
one = time.perf_counter() - t0
offsets = np.arange(0, (n + 1) * points, points, dtype=np.uint64)
t0 = time.perf_counter()
batch = kinerja.trend.batch("mann_kendall", y, offsets=offsets)
many = time.perf_counter() - t0
s_batch = batch[:, 2]
same = all(float(a) == float(b) for a, b in zip(s_one, s_batch))
print(one, many, sum(float(s) for s in s_one), 1 if same else 0)
)PY";

}  // namespace

int main(int argc, char** argv) {
  std::size_t series = 1000000, points = 24, python_series = 100000;
  bool python = true;
  std::string dir = "kinerja-bench-capi";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] { return kin_bench::option_value(argc, argv, i); };
    if (a == "--series") series = std::max<std::size_t>(1, std::stoul(value()));
    else if (a == "--points") points = std::max<std::size_t>(3, std::stoul(value()));
    else if (a == "--python-series") python_series = std::stoul(value());
    else if (a == "--no-baselines") python = false;
    else if (a == "--dir") dir = value();
    else {
      std::cerr << "usage: bench_capi [--series N] [--points P] [--python-series N] [--dir DIR] [--no-baselines]\n";
      return a == "--help" ? 0 : 2;
    }
  }
  std::cout << "kinerja C API and Python binding: overhead per call (Mann-Kendall of short series)\n"
            << "  machine: " << kin_bench::describe_machine() << "\n"
            << "  data: " << series << " series of " << points << " points\n\n";
  std::vector<double> y(series * points);
  for (std::size_t k = 0; k < y.size(); ++k) y[k] = static_cast<double>(mix(k) % 1000) / 10;
  std::vector<std::uint64_t> offsets(series + 1);
  for (std::size_t s = 0; s <= series; ++s) offsets[s] = s * points;

  // 1. C++ series by series.
  std::vector<double> t(points);
  for (std::size_t i = 0; i < points; ++i) t[i] = static_cast<double>(i);
  std::vector<double> cxx_s(series), ys;
  auto t0 = Clock::now();
  for (std::size_t s = 0; s < series; ++s) {
    ys.assign(y.begin() + static_cast<std::ptrdiff_t>(s * points), y.begin() + static_cast<std::ptrdiff_t>((s + 1) * points));
    cxx_s[s] = static_cast<double>(kinerja::mann_kendall(ys, t).s);
  }
  const double cxx = seconds_since(t0);

  // 2. C API, one call per series.
  kin_context* ctx = nullptr;
  if (kin_context_new(&ctx) != KIN_OK) return 1;
  kin_context_set_threads(ctx, 1);
  const std::size_t fields = kin_series_statistic_fields(KIN_STAT_MANN_KENDALL);
  std::vector<double> out(series * fields);
  bool same = true;
  t0 = Clock::now();
  for (std::size_t s = 0; s < series; ++s) {
    if (kin_series_statistic(ctx, out.data() + s * fields, fields, nullptr, KIN_STAT_MANN_KENDALL, y.data() + s * points,
                             nullptr, points, nullptr, 1, 0) != KIN_OK) {
      return 1;
    }
  }
  const double unbatched = seconds_since(t0);
  for (std::size_t s = 0; s < series; ++s) same = same && out[s * fields + 2] == cxx_s[s];

  // 3. C API, all series in one call: one thread, then all.
  t0 = Clock::now();
  if (kin_series_statistic(ctx, out.data(), out.size(), nullptr, KIN_STAT_MANN_KENDALL, y.data(), nullptr, y.size(),
                           offsets.data(), series, 0) != KIN_OK) {
    return 1;
  }
  const double batched = seconds_since(t0);
  for (std::size_t s = 0; s < series; ++s) same = same && out[s * fields + 2] == cxx_s[s];
  kin_context_set_threads(ctx, 0);
  t0 = Clock::now();
  if (kin_series_statistic(ctx, out.data(), out.size(), nullptr, KIN_STAT_MANN_KENDALL, y.data(), nullptr, y.size(),
                           offsets.data(), series, 0) != KIN_OK) {
    return 1;
  }
  const double batched_all = seconds_since(t0);
  for (std::size_t s = 0; s < series; ++s) same = same && out[s * fields + 2] == cxx_s[s];
  kin_context_free(ctx);

  const double n = static_cast<double>(series);
  auto row = [&](const char* name, double seconds, double count, bool overhead) {
    std::cout << "  " << std::left << std::setw(48) << name << std::right << std::fixed << std::setprecision(3)
              << std::setw(9) << seconds << " s" << std::setprecision(2) << std::setw(10) << seconds / count * 1e6
              << " us/series";
    if (overhead) std::cout << std::setw(10) << (seconds / count - cxx / n) * 1e6 << " us overhead";
    std::cout << "\n";
  };
  row("C++ mann_kendall, series by series", cxx, n, false);
  row("C API, one call per series", unbatched, n, true);
  row("C API, one call (1 thread)", batched, n, true);
  row("C API, one call (all threads)", batched_all, n, false);
  std::cout << "  same S in every way: " << (same ? "yes" : "NO") << "\n";

  if (python && python_series > 0) {
    const std::size_t count = std::min(python_series, series);
    fs::create_directories(dir);
    std::ofstream(dir + "/y.f64", std::ios::binary)
        .write(reinterpret_cast<const char*>(y.data()), static_cast<std::streamsize>(count * points * sizeof(double)));
    std::ofstream(dir + "/bench.py") << python_script;
    const std::string interpreter = kin_bench::baseline_python();
    const std::string cmd = "PYTHONPATH=" KIN_PYTHON_SOURCE " KIN_C_LIBRARY=" KIN_C_LIBRARY " " + interpreter + " " +
                            dir + "/bench.py " + dir + " " + std::to_string(count) + " " + std::to_string(points) + " 2>&1";
    const std::string output = kin_bench::command_output(cmd);
    double one = 0, many = 0, sum = 0;
    int agree = 0;
    if (std::sscanf(output.c_str(), "%lf %lf %lf %d", &one, &many, &sum, &agree) == 4) {
      double expected = 0;
      for (std::size_t s = 0; s < count; ++s) expected += cxx_s[s];
      const double c = static_cast<double>(count);
      std::cout << "\n  Python (" << count << " series)\n";
      row("Python kinerja.trend.mann_kendall, per series", one, c, true);
      row("Python kinerja.trend.batch, one call", many, c, true);
      std::cout << "  Python gives the same S: " << (agree == 1 && sum == expected ? "yes" : "NO") << "\n";
      same = same && agree == 1 && sum == expected;
    } else {
      std::cout << "\n  Python binding unavailable: " << output.substr(0, 300) << "\n";
    }
  }
  std::cout << "  peak memory: " << std::setprecision(0) << kin_bench::peak_memory_mib() << " MiB\n";
  return same ? 0 : 1;
}
