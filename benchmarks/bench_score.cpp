// Scoring throughput: indicators per second for score() on a national-size dataset in memory.
//
// Builds (in memory, no CSV) a dataset of --employees employees with 8 IKI each and 12 monthly
// realisations per IKI, then measures in this one process:
//   1. RealizationTable::build_index (done once per load);
//   2. kinerja::score under permenpanrb-6-2022: year values by accumulation, capaian by
//      polarity, cap, weighted aggregate per employee and unit, predikat counts;
//   3. the same computation written in pandas as an analyst would (groupby + agg, np.select for
//      polarity and accumulation, a weighted groupby per owner), on the same numbers, which are
//      handed over through binary files; only pandas' computation is timed.
// The two results are compared (the mean result score must agree). kinerja runs on --threads N
// (default 0: all cores; the result is the same for any count). --csv FILE appends the rows
// of a first call and of a call with buffers reused, each against the same pandas run.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "kinerja/kinerja.hpp"
#include "machine.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct Options {
  std::size_t employees = 1000000;
  int repeat = 3;
  unsigned threads = 0;  // of score_into; 0: one per core
  bool baseline = true;
  std::string dir = "kinerja-bench-score";
};

constexpr int iki_per_employee = 8;
constexpr int months = 12;

kinerja::Dataset build(const Options& o) {
  using namespace kinerja;
  Dataset d;
  const std::size_t units = std::max<std::size_t>(1, o.employees / 1000);
  for (std::size_t u = 0; u < units; ++u) {
    d.units.ids.insert("U" + std::to_string(u));
    d.units.name.push_back("");
    d.units.parent.push_back(no_index);
    d.units.agency.push_back(no_index);
  }
  for (std::size_t e = 0; e < o.employees; ++e) {
    d.employees.nips.insert(std::to_string(100000000000000000ULL + e));
    d.employees.name.push_back("");
    d.employees.unit.push_back(static_cast<Index>(e % units));
    d.employees.rater.push_back(no_index);
    d.employees.status.push_back(EmploymentStatus::Pns);
    d.employees.grade.push_back(Grade());
    d.employees.position.push_back(Position::Unknown);
  }
  const std::size_t n = o.employees * iki_per_employee;
  IndicatorTable& t = d.indicators;
  t.ids.reserve(n, n * 12);
  std::mt19937_64 rng(7);
  const Polarity polarities[] = {Polarity::Max, Polarity::Max, Polarity::Max, Polarity::Max, Polarity::Max,
                                 Polarity::Max, Polarity::Max, Polarity::Min, Polarity::Min, Polarity::RangeMax};
  const Accumulation accumulations[] = {Accumulation::Sum, Accumulation::Last, Accumulation::Mean, Accumulation::Max,
                                        Accumulation::Min};
  RealizationTable& r = d.realizations;
  r.indicator.reserve(n * months);
  r.period.reserve(n * months);
  r.value.reserve(n * months);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t e = k / iki_per_employee;
    t.ids.insert("I" + std::to_string(k));
    t.owner_type.push_back(OwnerType::Employee);
    t.owner.push_back(static_cast<Index>(e));
    t.year.push_back(2025);
    t.name.push_back("");
    t.rhk.push_back(no_index);
    t.kind.push_back(IndicatorKind::Utama);
    t.aspect.push_back(Aspect::None);
    t.unit_of_measure.push_back(no_index);
    const Polarity p = polarities[rng() % 10];
    const Accumulation a = accumulations[rng() % 5];
    const double target = 50 + static_cast<double>(rng() % 100);
    t.polarity.push_back(p);
    t.target.push_back(target);
    t.target_upper.push_back(p == Polarity::RangeMax ? target * 1.1 : std::nan(""));
    t.weight.push_back(e % 2 == 0 ? static_cast<double>(1 + rng() % 50) : std::nan(""));
    t.accumulation.push_back(a);
    t.parent.push_back(no_index);
    t.target_is_max.push_back(0);
    const double per_month = a == Accumulation::Sum ? target / months : target;
    for (int m = 1; m <= months; ++m) {
      r.indicator.push_back(static_cast<Index>(k));
      r.period.push_back(Period::month(2025, m));
      r.value.push_back(per_month * (0.6 + static_cast<double>(rng() % 800) / 1000.0));
    }
  }
  return d;
}

template <typename T, typename Allocator>
void dump(const std::string& path, const std::vector<T, Allocator>& v) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}

// The analyst's pandas version. Prints "seconds mean_result_score".
const char* pandas_script = R"PY(
import sys, time
import numpy as np, pandas as pd
d = sys.argv[1]
ind = np.fromfile(d + '/r_ind.u32', dtype=np.uint32)
month = np.fromfile(d + '/r_month.u8', dtype=np.uint8)
value = np.fromfile(d + '/r_value.f64', dtype=np.float64)
owner = np.fromfile(d + '/i_owner.u32', dtype=np.uint32)
polarity = np.fromfile(d + '/i_polarity.u8', dtype=np.uint8)
accum = np.fromfile(d + '/i_accum.u8', dtype=np.uint8)
target = np.fromfile(d + '/i_target.f64', dtype=np.float64)
upper = np.fromfile(d + '/i_upper.f64', dtype=np.float64)
weight = np.fromfile(d + '/i_weight.f64', dtype=np.float64)
real = pd.DataFrame({'indicator': ind, 'month': month, 'value': value})
indicators = pd.DataFrame({'owner': owner, 'polarity': polarity, 'accumulation': accum,
                           'target': target, 'upper': upper, 'weight': weight})
t0 = time.perf_counter()
real = real.sort_values(['indicator', 'month'])
agg = real.groupby('indicator')['value'].agg(['sum', 'last', 'mean', 'max', 'min'])
df = indicators.join(agg)
# accumulation codes: 0 last, 1 sum, 2 mean, 3 max, 4 min
a = df['accumulation']
df['year_value'] = np.select([a == 0, a == 1, a == 2, a == 3, a == 4],
                             [df['last'], df['sum'], df['mean'], df['max'], df['min']])
R, T, U = df['year_value'], df['target'], df['upper']
# polarity codes: 0 max, 1 min, 3 range_max (R/L below, 100 inside, R/U above)
cap_max = R / T * 100
cap_min = ((2 - R / T) * 100).clip(lower=0)
cap_range = np.where(R < T, R / T * 100, np.where(R > U, R / U * 100, 100.0))
df['capaian'] = np.select([df['polarity'] == 0, df['polarity'] == 1], [cap_max, cap_min], cap_range)
df['capped'] = df['capaian'].clip(upper=120)
has_w = df['weight'].notna().groupby(df['owner']).transform('any')
df['w'] = np.where(has_w, df['weight'].fillna(0), 1.0)
df['wc'] = df['w'] * df['capped']
sums = df.groupby('owner')[['wc', 'w']].sum()
result = sums['wc'] / sums['w']
elapsed = time.perf_counter() - t0
print(elapsed, result.mean())
)PY";

}  // namespace

int main(int argc, char** argv) {
  Options o;
  kin_bench::ResultFile results;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] { return kin_bench::option_value(argc, argv, i); };
    if (results.parse(argc, argv, i)) continue;
    if (a == "--employees") o.employees = std::stoul(value());
    else if (a == "--repeat") o.repeat = std::max(1, std::stoi(value()));
    else if (a == "--dir") o.dir = value();
    else if (a == "--threads") o.threads = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--no-baselines") o.baseline = false;
    else {
      std::cerr << "usage: bench_score [--employees N] [--repeat N] [--threads N] [--dir DIR] [--no-baselines]\n"
                   "                   [--csv FILE] [--size-label LABEL] [--size-employees N]\n";
      return a == "--help" ? 0 : 2;
    }
  }
  std::cerr << "building a dataset of " << o.employees << " employees in memory ...\n";
  kinerja::Dataset d = build(o);
  const std::size_t n = d.indicators.size();

  std::cout << "kinerja scoring benchmark\n"
            << "  machine: " << kin_bench::describe_machine() << "\n"
            << "  data: " << o.employees << " employees, " << n << " indicators, " << d.realizations.size()
            << " monthly realisations, in memory (best of " << o.repeat << ", "
            << (o.threads == 0 ? std::string("all cores") : std::to_string(o.threads) + " thread(s)") << ")\n\n";

  auto t0 = Clock::now();
  d.realizations.build_index(n);
  const double index_s = seconds_since(t0);

  const kinerja::RulePack rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
  double best = 1e30, first = 0;
  double mean_score = 0;
  kinerja::ScoreResult result;
  for (int rep = 0; rep < o.repeat; ++rep) {
    t0 = Clock::now();
    kinerja::score_into(d, 2025, rules, result, kinerja::Threads{o.threads});
    const double s = seconds_since(t0);
    if (rep == 0) first = s;
    best = std::min(best, s);
    double sum = 0;
    std::size_t count = 0;
    for (double score : result.employees.result_score) {
      if (!std::isnan(score)) {
        sum += score;
        ++count;
      }
    }
    mean_score = count ? sum / static_cast<double>(count) : std::nan("");
  }
  const double rate = static_cast<double>(n) / best;
  std::cout << std::fixed << std::setprecision(3);
  std::cout << "  build_index (once per load)    " << std::setw(8) << index_s << " s\n";
  std::cout << "  kinerja score, first call      " << std::setw(8) << first << " s   " << std::setprecision(1)
            << static_cast<double>(n) / first / 1e6 << " M indicators/s (allocates the result tables)\n";
  std::cout << std::setprecision(3) << "  kinerja score, buffers reused  " << std::setw(8) << best << " s   "
            << std::setprecision(1) << rate / 1e6 << " M indicators/s   mean result score " << std::setprecision(6)
            << mean_score << "\n";
  kin_bench::Result first_row{"score", "score (first call)", "indicators/s", o.employees};
  first_row.kinerja_seconds = first;
  first_row.kinerja_per_second = static_cast<double>(n) / first;
  first_row.kinerja_peak_mib = kin_bench::peak_memory_mib();
  kin_bench::Result reused_row = first_row;
  reused_row.step = "score (buffers reused)";
  reused_row.kinerja_seconds = best;
  reused_row.kinerja_per_second = rate;

  if (o.baseline) {
    fs::create_directories(o.dir);
    std::vector<std::uint8_t> month(d.realizations.size()), polarity(n), accum(n);
    for (std::size_t k = 0; k < month.size(); ++k) month[k] = static_cast<std::uint8_t>(d.realizations.period[k].month());
    for (std::size_t k = 0; k < n; ++k) {
      polarity[k] = static_cast<std::uint8_t>(d.indicators.polarity[k]);
      accum[k] = static_cast<std::uint8_t>(d.indicators.accumulation[k]);
    }
    dump(o.dir + "/r_ind.u32", d.realizations.indicator);
    dump(o.dir + "/r_month.u8", month);
    dump(o.dir + "/r_value.f64", d.realizations.value);
    dump(o.dir + "/i_owner.u32", d.indicators.owner);
    dump(o.dir + "/i_polarity.u8", polarity);
    dump(o.dir + "/i_accum.u8", accum);
    dump(o.dir + "/i_target.f64", d.indicators.target);
    dump(o.dir + "/i_upper.f64", d.indicators.target_upper);
    dump(o.dir + "/i_weight.f64", d.indicators.weight);
    std::ofstream(o.dir + "/score.py") << pandas_script;
    const std::string python = kin_bench::baseline_python();
    const std::string cmd = python + " " + o.dir + "/score.py " + o.dir + " 2>&1";
    double pandas_peak = 0;
    const std::string output = kin_bench::command_output(cmd, &pandas_peak);
    double pandas_s = 0, pandas_mean = 0;
    if (std::sscanf(output.c_str(), "%lf %lf", &pandas_s, &pandas_mean) == 2 && pandas_s > 0) {
      const bool agree = std::fabs(pandas_mean - mean_score) < 1e-6 * std::fabs(mean_score);
      for (kin_bench::Result* r : {&first_row, &reused_row}) {
        r->baseline = agree ? "pandas" : "pandas (RESULTS DIFFER)";
        r->baseline_seconds = pandas_s;
        r->baseline_per_second = static_cast<double>(n) / pandas_s;
        r->baseline_peak_mib = pandas_peak;
      }
      std::cout << std::setprecision(3) << "  pandas (same computation)      " << std::setw(8) << pandas_s << " s   "
                << std::setprecision(1) << static_cast<double>(n) / pandas_s / 1e6 << " M indicators/s   mean result score "
                << std::setprecision(6) << pandas_mean << "\n";
      std::cout << "\n  kinerja is " << std::setprecision(1) << pandas_s / best << "x pandas with buffers reused, "
                << pandas_s / first << "x on a first call"
                << (agree ? " (results agree)" : " (RESULTS DIFFER)")
                << "\n";
    } else {
      std::cout << "  pandas baseline unavailable (apt-get install python3-pandas): " << output.substr(0, 200) << "\n";
    }
    fs::remove_all(o.dir);
  }
  kin_bench::append_result(results, first_row);
  kin_bench::append_result(results, reused_row);
  std::cout << "  peak memory: " << std::setprecision(0) << kin_bench::peak_memory_mib() << " MiB\n";
  return 0;
}
