// Describes the machine a benchmark ran on, so every printed figure says where it came from, runs
// the baselines, and writes the rows of the benchmark suite (docs/benchmark-suite.md).
#pragma once

#include <cstddef>
#include <string>
#include <utility>

namespace kin_bench {

/// "CPU model, N cores, M GiB RAM, compiler, build type".
std::string describe_machine();
/// Peak resident memory of this process so far, in MiB.
double peak_memory_mib();

/// The value after option argv[i] (advancing i); exits with status 2 when it is missing.
std::string option_value(int argc, char** argv, int& i);

/// Debian's Python (/usr/bin/python3, which has numpy, pandas and scipy from apt) when it is
/// there, else the python3 on PATH: the interpreter of the baselines.
std::string baseline_python();

/// Runs `command` through the shell and returns what it printed on stdout (empty when it could
/// not start). With `peak_mib`, stores there the peak resident memory of that command alone, in
/// MiB (measured by /usr/bin/time, GNU time; 0 when it is not installed): a baseline's memory.
std::string command_output(const std::string& command, double* peak_mib = nullptr);

/// The options that make a benchmark of the suite (benchmarks/suite.py) append its results to a
/// CSV file: --csv FILE, --size-label LABEL (kabupaten, province, nation) and --size-employees N
/// (the suite's size in employees, for the rows of benchmarks whose own size is not counted in
/// employees).
struct ResultFile {
  std::string path;  // empty: no rows written
  std::string size_label;
  std::size_t employees = 0;
  /// Takes argv[i] (and its value, advancing i) when it is one of the three options.
  bool parse(int argc, char** argv, int& i);
};

/// One row of the suite: a step of a benchmark, kinerja's figures and, when one ran, the baseline's
/// on the same data (an empty `baseline` leaves the baseline columns and the ratio empty).
struct Result {
  Result(std::string benchmark_, std::string step_, std::string unit_, std::size_t employees_ = 0)
      : benchmark(std::move(benchmark_)), step(std::move(step_)), unit(std::move(unit_)), employees(employees_) {}
  std::string benchmark;  // csv_ingest, score, calibrate, trend, pipeline
  std::string step;
  std::string unit;           // of the throughputs: "MB/s", "GB/s", "indicators/s", "series/s", ...
  std::size_t employees = 0;  // used when the command line gave no --size-employees
  double kinerja_seconds = 0, kinerja_per_second = 0, kinerja_peak_mib = 0;
  std::string baseline;  // e.g. "pandas", "lme4", "scipy (first 20000 series)"
  double baseline_seconds = 0, baseline_per_second = 0, baseline_peak_mib = 0;
};

/// Appends `r` to file.path (writing the header first when the file is new or empty):
/// size_label,employees,benchmark,step,unit,kinerja_seconds,kinerja_per_second,kinerja_peak_mib,
/// baseline,baseline_seconds,baseline_per_second,baseline_peak_mib,ratio
/// where ratio = kinerja_per_second / baseline_per_second (baseline_peak_mib is empty when it was
/// not measured). Does nothing without a path.
void append_result(const ResultFile& file, const Result& r);

}  // namespace kin_bench
