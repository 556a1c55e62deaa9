// CSV ingest throughput: how fast a dataset folder becomes validated in-memory tables.
//
// Generates (once) a dataset whose realizations.csv has at least --size-mb megabytes, then
// measures, in this one process and on the same warm files:
//   1. the kinerja CSV tokenizer alone (fields split, nothing converted);
//   2. kinerja::load_dataset, the real thing: every field parsed and checked, every reference
//      resolved, duplicates and cycles checked, columnar tables built;
//   3. the baseline an agency developer would otherwise write in C++: std::getline, split into
//      std::strings, std::stod, an unordered_map for the indicator ids;
//   4. pandas.read_csv on every CSV file of the folder, the same bytes as load_dataset (a
//      subprocess), when python3-pandas is installed.
// Throughput is megabytes (10^6 bytes) of CSV per second of wall time. --dir may name a folder
// written by `kinerja generate` (with --size-mb 0 it is used as it is): the benchmark suite does.
// --csv FILE appends the tokenizer and load_dataset rows (machine.hpp's append_result).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/csv_reader.hpp"
#include "kinerja/load.hpp"
#include "machine.hpp"

namespace fs = std::filesystem;

namespace {

struct Options {
  std::size_t size_mb = 1024;
  int repeat = 3;
  bool baselines = true;
  std::string dir = "kinerja-bench-data";
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::uintmax_t folder_bytes(const std::string& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".csv") total += e.file_size();
  }
  return total;
}

// A NIP for employee i: valid PNS layout (birth 1970-1999, TMT 18+ years later).
std::string nip_of(std::size_t i) {
  char buf[32];
  const int year = 1970 + static_cast<int>(i % 30);
  const int month = 1 + static_cast<int>((i / 30) % 12);
  const int day = 1 + static_cast<int>((i / 360) % 28);
  const int seq = 1 + static_cast<int>((i / 10080) % 999);
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%04d%02d%d%03d", year, month, day, year + 22, month,
                1 + static_cast<int>(i % 2), seq);
  return buf;
}

// Writes units, employees, indicators and realizations until realizations.csv reaches the size.
void generate(const Options& o) {
  fs::create_directories(o.dir);
  const std::uintmax_t target = static_cast<std::uintmax_t>(o.size_mb) * 1000000u;
  const std::string real_path = o.dir + "/realizations.csv";
  if (fs::exists(real_path) && fs::file_size(real_path) >= target && fs::exists(o.dir + "/indicators.csv")) return;
  std::cerr << "generating " << o.size_mb << " MB of realisations in " << o.dir << " ...\n";
  // Rows are ~46 bytes; 12 months per indicator, 10 indicators per employee.
  const std::size_t indicators = target / (46 * 12) + 1;
  const std::size_t employees = indicators / 10 + 1;
  std::ofstream units(o.dir + "/units.csv");
  units << "unit_id,name,parent_id\nROOT,Pemerintah,\n";
  for (int u = 0; u < 100; ++u) units << "U" << u << ",Unit " << u << ",ROOT\n";
  std::ofstream emp(o.dir + "/employees.csv");
  emp << "nip,name,unit_id\n";
  std::size_t made = 0;
  std::vector<std::string> nips;
  for (std::size_t i = 0; made < employees; ++i) {
    std::string nip = nip_of(i);
    if (i >= 10080 * 999) break;
    nips.push_back(nip);
    emp << nip << ",Pegawai " << i << ",U" << (i % 100) << "\n";
    ++made;
  }
  std::ofstream ind(o.dir + "/indicators.csv");
  ind << "indicator_id,owner_type,owner_id,year,polarity,target,accumulation\n";
  std::ofstream real(real_path);
  real << "indicator_id,period,value\n";
  std::mt19937_64 rng(42);
  std::vector<char> line(128);
  for (std::size_t k = 0; k < indicators; ++k) {
    const std::string& owner = nips[k / 10 % nips.size()];
    const std::string id = "IKI-" + owner + "-2025-" + std::to_string(k % 10 + 1) + "-" + std::to_string(k / (nips.size() * 10));
    ind << id << ",employee," << owner << ",2025," << (k % 7 == 0 ? "min" : "max") << ",100,sum\n";
    for (int m = 1; m <= 12; ++m) {
      const double v = static_cast<double>(rng() % 1000000) / 100.0;
      const int n = std::snprintf(line.data(), line.size(), "%s,2025-%02d,%.2f\n", id.c_str(), m, v);
      real.write(line.data(), n);
    }
  }
}

// The kinerja tokenizer alone.
std::size_t tokenize_only(const std::string& path) {
  kinerja::Diagnostics diags;
  kinerja::detail::CsvReader csv(path, path, diags);
  if (!csv.open() || !csv.read_header()) return 0;
  std::size_t fields = 0;
  while (csv.next()) fields += csv.size();
  return fields;
}

// What a developer writes without kinerja: getline, split, stod, a hash map of ids.
std::size_t naive_cpp(const std::string& dir) {
  std::unordered_map<std::string, std::size_t> ids;
  {
    std::ifstream in(dir + "/indicators.csv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      const std::string id = line.substr(0, line.find(','));
      ids.emplace(id, ids.size());
    }
  }
  std::ifstream in(dir + "/realizations.csv");
  std::string line;
  std::getline(in, line);
  std::vector<std::size_t> indicator;
  std::vector<std::string> period;
  std::vector<double> value;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream ss(line);
    for (std::string f; std::getline(ss, f, ',');) fields.push_back(f);
    if (fields.size() != 3) continue;
    auto it = ids.find(fields[0]);
    if (it == ids.end()) continue;
    indicator.push_back(it->second);
    period.push_back(fields[1]);
    value.push_back(std::stod(fields[2]));
  }
  return value.size();
}

// pandas.read_csv on every CSV file of the folder (ids and periods of the realisations as
// strings); returns seconds, or a negative value if unavailable, and pandas' peak memory.
double pandas_seconds(const std::string& dir, double& peak_mib) {
  // Debian's interpreter first: python3-pandas installs for it, not for other pythons on PATH.
  const std::string python = kin_bench::baseline_python();
  const std::string cmd =
      python + " -c \"import sys,time,glob\ntry:\n import pandas\nexcept ImportError:\n print(-1); sys.exit()\n"
      "files=sorted(glob.glob(sys.argv[1]+'/*.csv')); t=time.perf_counter()\n"
      "frames=[pandas.read_csv(f, dtype={'indicator_id':'string','period':'string'} if f.endswith('/realizations.csv') "
      "else None) for f in files]\n"
      "print(time.perf_counter()-t)\" '" + dir + "' 2>/dev/null";
  const std::string output = kin_bench::command_output(cmd, &peak_mib);
  return output.empty() ? -1 : std::atof(output.c_str());
}

void row(const std::string& what, double mb, double secs, double kinerja_mbps) {
  const double mbps = mb / secs;
  std::cout << "  " << std::left << std::setw(40) << what << std::right << std::setw(10) << std::fixed
            << std::setprecision(1) << mbps << " MB/s" << std::setw(10) << std::setprecision(2) << secs << " s";
  if (kinerja_mbps > 0) std::cout << std::setw(12) << std::setprecision(1) << kinerja_mbps / mbps << "x";
  std::cout << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  kin_bench::ResultFile results;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] { return kin_bench::option_value(argc, argv, i); };
    if (results.parse(argc, argv, i)) continue;
    if (a == "--size-mb") o.size_mb = std::stoul(value());
    else if (a == "--repeat") o.repeat = std::max(1, std::stoi(value()));
    else if (a == "--dir") o.dir = value();
    else if (a == "--no-baselines") o.baselines = false;
    else {
      std::cerr << "usage: bench_csv_ingest [--size-mb N] [--repeat N] [--dir DIR] [--no-baselines]\n"
                   "                        [--csv FILE] [--size-label LABEL] [--size-employees N]\n";
      return a == "--help" ? 0 : 2;
    }
  }
  generate(o);
  const std::string real_path = o.dir + "/realizations.csv";
  const double real_mb = static_cast<double>(fs::file_size(real_path)) / 1e6;
  const double all_mb = static_cast<double>(folder_bytes(o.dir)) / 1e6;
  tokenize_only(real_path);  // warm the page cache

  std::cout << "kinerja CSV ingest benchmark\n"
            << "  machine: " << kin_bench::describe_machine() << "\n"
            << "  data: " << o.dir << ": realizations.csv " << std::fixed << std::setprecision(1) << real_mb
            << " MB, whole folder " << all_mb << " MB (warm page cache; best of " << o.repeat << ")\n\n";
  std::cout << "  " << std::left << std::setw(40) << "what" << std::right << std::setw(15) << "throughput"
            << std::setw(12) << "time" << std::setw(13) << "kinerja is" << "\n";

  double best_tokenize = 1e30, best_load = 1e30;
  std::size_t rows = 0, employees = 0;
  for (int r = 0; r < o.repeat; ++r) {
    auto t0 = Clock::now();
    const std::size_t fields = tokenize_only(real_path);
    best_tokenize = std::min(best_tokenize, seconds_since(t0));
    if (fields == 0) return 1;
    t0 = Clock::now();
    kinerja::Diagnostics diags;
    const kinerja::Dataset d = kinerja::load_dataset(o.dir, diags);
    best_load = std::min(best_load, seconds_since(t0));
    rows = d.realizations.size();
    employees = d.employees.size();
    if (diags.has_errors()) {
      std::cerr << "generated data is invalid: " << diags.items().front().to_string() << "\n";
      return 1;
    }
  }
  row("kinerja tokenizer (realizations.csv)", real_mb, best_tokenize, 0);
  const double load_mbps = all_mb / best_load;
  row("kinerja load_dataset (whole folder)", all_mb, best_load, 0);
  std::cout << "    " << rows << " realisations loaded and validated, "
            << std::setprecision(1) << static_cast<double>(rows) / best_load / 1e6 << " M rows/s\n";
  // The rows of the suite; the baseline of load_dataset is filled in below when pandas runs.
  kin_bench::Result tokenize{"csv_ingest", "tokenize realizations.csv", "MB/s", employees};
  tokenize.kinerja_seconds = best_tokenize;
  tokenize.kinerja_per_second = real_mb / best_tokenize;
  tokenize.kinerja_peak_mib = kin_bench::peak_memory_mib();
  kin_bench::append_result(results, tokenize);
  kin_bench::Result load{"csv_ingest", "load_dataset (every CSV)", "MB/s", employees};
  load.kinerja_seconds = best_load;
  load.kinerja_per_second = load_mbps;
  load.kinerja_peak_mib = kin_bench::peak_memory_mib();

  if (o.baselines) {
    auto t0 = Clock::now();
    const std::size_t naive_rows = naive_cpp(o.dir);
    const double naive = seconds_since(t0);
    // The naive reader reads indicators.csv and realizations.csv only and checks nothing.
    const double naive_mb = real_mb + static_cast<double>(fs::file_size(o.dir + "/indicators.csv")) / 1e6;
    row("baseline: getline + stod (no checks)", naive_mb, naive, load_mbps);
    if (naive_rows != rows) std::cout << "    (baseline read " << naive_rows << " rows)\n";
    double pandas_peak = 0;
    const double pandas = pandas_seconds(o.dir, pandas_peak);
    if (pandas > 0) {
      row("baseline: pandas.read_csv (every CSV)", all_mb, pandas, load_mbps);
      load.baseline = "pandas.read_csv";
      load.baseline_seconds = pandas;
      load.baseline_per_second = all_mb / pandas;
      load.baseline_peak_mib = pandas_peak;
    } else {
      std::cout << "  baseline: pandas not installed (apt-get install python3-pandas)\n";
    }
  }
  kin_bench::append_result(results, load);
  std::cout << "\n  peak memory: " << std::setprecision(0) << kin_bench::peak_memory_mib() << " MiB\n";
  return 0;
}
