// The national pipeline, stage by stage, in one process: a synthetic dataset of --employees N
// (default 5.4 M, the civil service of 2025) is generated once and kept as a snapshot; then, timed:
// load the snapshot, score the last year, check the distribution curve, calibrate the feedback,
// and the trend statistics of every employee's capaian over the periods (an existing snapshot
// file is reused unless --regenerate; it must come from the same options). Prints the seconds,
// the throughput and the peak memory after each stage, and the total after generation.
// --csv FILE appends a row per stage, and one for saving the snapshot when it was generated (timed
// once, not part of the pipeline); no baselines.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <string>

#include "kinerja/calibration.hpp"
#include "kinerja/distribution_report.hpp"
#include "kinerja/generate.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/score.hpp"
#include "kinerja/snapshot.hpp"
#include "kinerja/trend_series.hpp"
#include "machine.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Prints a stage and appends its row to the suite's CSV file (when --csv).
void row(const kin_bench::ResultFile& results, std::size_t employees, const char* stage, double seconds,
         double count, const char* unit) {
  std::cout << "  " << std::left << std::setw(34) << stage << std::right << std::fixed << std::setprecision(2)
            << std::setw(9) << seconds << " s" << std::setprecision(count / seconds < 100 ? 2 : 0) << std::setw(14)
            << count / seconds << " "
            << std::left << std::setw(18) << unit << std::right << std::setw(8) << kin_bench::peak_memory_mib()
            << " MiB peak" << std::endl;  // flushed: a stage that runs out of memory still shows the ones before
  kin_bench::Result r{"pipeline", stage, unit, employees};
  r.kinerja_seconds = seconds;
  r.kinerja_per_second = count / seconds;
  r.kinerja_peak_mib = kin_bench::peak_memory_mib();
  kin_bench::append_result(results, r);
}

}  // namespace

int main(int argc, char** argv) {
  kinerja::GeneratorOptions options;
  options.employees = 5400000;
  std::string snapshot = "kinerja-national.kin";
  unsigned threads = 0;
  bool regenerate = false;
  kin_bench::ResultFile results;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] { return kin_bench::option_value(argc, argv, i); };
    if (results.parse(argc, argv, i)) continue;
    if (a == "--employees") options.employees = std::stoul(value());
    else if (a == "--seed") options.seed = std::stoull(value());
    else if (a == "--snapshot") snapshot = value();
    else if (a == "--threads") threads = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--regenerate") regenerate = true;
    else {
      std::cerr << "usage: bench_pipeline [--employees N] [--seed S] [--snapshot FILE] [--regenerate] [--threads N]\n"
                   "                      [--csv FILE] [--size-label LABEL] [--size-employees N]\n";
      return a == "--help" ? 0 : 2;
    }
  }
  std::cout << "kinerja national pipeline\n  machine: " << kin_bench::describe_machine() << "\n";
  if (regenerate || !fs::exists(snapshot)) {
    const auto t0 = Clock::now();
    const kinerja::Dataset generated = kinerja::generate_dataset(options);
    const double generate_s = seconds_since(t0);
    const auto t1 = Clock::now();
    kinerja::save_snapshot(snapshot, generated);
    const double save_s = seconds_since(t1);
    const double saved_gb = static_cast<double>(fs::file_size(snapshot)) / 1e9;
    std::cout << "  generated " << options.employees << " employees in " << std::fixed << std::setprecision(1)
              << generate_s << " s, saved the snapshot in " << save_s << " s (" << std::setprecision(2)
              << saved_gb / save_s << " GB/s; not part of the pipeline)\n";
    kin_bench::Result save{"pipeline", "save snapshot", "GB/s", options.employees};
    save.kinerja_seconds = save_s;
    save.kinerja_per_second = saved_gb / save_s;
    save.kinerja_peak_mib = kin_bench::peak_memory_mib();
    kin_bench::append_result(results, save);
  }
  const double bytes = static_cast<double>(fs::file_size(snapshot));
  std::cout << "  snapshot " << snapshot << ": " << std::setprecision(2) << bytes / 1e9 << " GB\n\n";

  const auto start = Clock::now();
  auto t = Clock::now();
  const kinerja::Dataset d = kinerja::load_snapshot(snapshot).dataset;
  row(results, options.employees, "load snapshot", seconds_since(t), bytes / 1e9, "GB/s");
  int year = 0;
  for (auto y : d.indicators.year) year = std::max<int>(year, y);
  const kinerja::RulePack rules = kinerja::RulePack::for_year(year);
  std::cout << "  (" << d.employees.size() << " employees, " << d.indicators.size() << " indicators, "
            << d.realizations.size() << " realisations, " << d.feedback.size() << " feedback scores; year " << year
            << ")\n";

  t = Clock::now();
  const kinerja::ScoreResult scored = kinerja::score(d, year, rules, kinerja::Threads{threads});
  row(results, options.employees, "score", seconds_since(t), static_cast<double>(scored.indicators.size()),
      "indicators/s");

  t = Clock::now();
  const kinerja::Period period = kinerja::Period::year(year);
  const kinerja::DistributionReport distribution =
      kinerja::check_distributions(d, period, rules, kinerja::Threads{threads});
  row(results, options.employees, "distribution check", seconds_since(t),
      static_cast<double>(distribution.units.size()), "units/s");

  t = Clock::now();
  const kinerja::CalibrationResult calibrated = kinerja::calibrate(d, period, rules, kinerja::Threads{threads});
  row(results, options.employees, "calibrate", seconds_since(t), static_cast<double>(d.feedback.size()),
      "scores/s");

  // Trends per employee (the weighted capaian of each employee per period, 5.4 M series at the
  // national size). Trends of every single indicator at that size (40 M series) need the
  // statistics in chunks, which the pipeline does not do yet.
  t = Clock::now();
  kinerja::Period first, last;
  kinerja::realization_period_range(d, first, last);
  kinerja::SeriesOptions series_options;
  series_options.threads = threads;
  const kinerja::SeriesTable series =
      kinerja::build_series(d, kinerja::TrendLevel::Employee, first, last, series_options);
  kinerja::TrendOptions trend_options;
  trend_options.threads = threads;
  trend_options.hamed_rao = false;
  const kinerja::TrendTable trends = kinerja::trend_statistics(series, trend_options);
  row(results, options.employees, "trend (employees)", seconds_since(t), static_cast<double>(series.size()),
      "series/s");

  const double total = seconds_since(start);
  std::cout << "\n  pipeline after generation: " << std::setprecision(1) << total << " s (target 120 s), peak "
            << std::setprecision(0) << kin_bench::peak_memory_mib() << " MiB (target 16384 MiB)\n";
  std::cout << "  checks: " << scored.employees.size() << " employees scored, " << distribution.units.size()
            << " units checked, " << calibrated.raters.raters.size() << " raters screened, " << trends.size()
            << " series\n";
  return 0;
}
