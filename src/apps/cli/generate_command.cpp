// kinerja generate --employees N --seed S --out DIR|FILE.kin: a synthetic dataset (docs/generate.md).
#include "kinerja/generate.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/common.hpp"

namespace kinerja_cli {
namespace {

double share_option(const Arguments& args, const std::string& name, double fallback) {
  if (!args.has(name)) return fallback;
  const std::string v = args.value_or(name, "");
  std::istringstream in(v);
  double x = 0;
  if (v.empty() || !(in >> x) || !in.eof()) throw UsageError("--" + name + " needs a number, got '" + v + "'");
  return x;
}

// "2024-2025" or "2025".
void years_option(const Arguments& args, kinerja::GeneratorOptions& o) {
  if (!args.has("years")) return;
  const std::string v = args.value_or("years", "");
  auto year = [&](const std::string& s) {
    if (s.size() != 4 || s.find_first_not_of("0123456789") != std::string::npos) {
      throw UsageError("--years needs YEAR or FIRST-LAST (e.g. 2024-2025), got '" + v + "'");
    }
    return std::stoi(s);
  };
  const auto dash = v.find('-');
  if (dash == std::string::npos) {
    o.first_year = o.last_year = year(v);
  } else {
    o.first_year = year(v.substr(0, dash));
    o.last_year = year(v.substr(dash + 1));
  }
  if (o.first_year > o.last_year) throw UsageError("--years: the first year is after the last, '" + v + "'");
}

std::string megabytes(double bytes) {
  std::ostringstream s;
  if (bytes >= 1e9) {
    s << std::fixed << std::setprecision(2) << bytes / 1e9 << " GB";
  } else {
    s << std::fixed << std::setprecision(1) << bytes / 1e6 << " MB";
  }
  return s.str();
}

int run_generate(const Arguments& args, Streams& io) {
  if (!args.positional.empty()) throw UsageError("generate takes no positional argument (use --out DIR)");
  if (!args.has("employees")) throw UsageError("generate needs --employees N");
  kinerja::GeneratorOptions o;
  o.employees = args.size_or("employees", 0);
  if (o.employees == 0) throw UsageError("--employees must be at least 1");
  o.seed = args.size_or("seed", 1);
  years_option(args, o);
  o.as_of_month = static_cast<int>(args.size_or("as-of-month", 12));
  o.mean_rhk = share_option(args, "rhk", o.mean_rhk);
  o.mean_iki_per_rhk = share_option(args, "iki-per-rhk", o.mean_iki_per_rhk);
  o.quarterly_share = share_option(args, "quarterly", o.quarterly_share);
  o.feedback_share = share_option(args, "feedback", o.feedback_share);
  o.feedback_aspects = static_cast<int>(args.size_or("aspects", static_cast<std::size_t>(o.feedback_aspects)));
  o.survey_share = share_option(args, "surveys", o.survey_share);
  if (args.has("iki-names")) o.iki_names = true;
  try {
    kinerja::check_generator_options(o);
  } catch (const kinerja::error& e) {
    throw UsageError(e.message());
  }

  const bool quiet = args.has("quiet");
  if (args.has("estimate")) {
    const kinerja::GeneratorEstimate est = kinerja::estimate_dataset(o);
    std::ostream& out = io.out;
    out << "Estimate for " << thousands(o.employees) << " employees, " << o.first_year << "-" << o.last_year << ": "
        << thousands(est.agencies) << (est.agencies == 1 ? " agency, " : " agencies, ") << thousands(est.units) << " units\n\n";
    out << "  " << std::left << std::setw(18) << "file" << std::right << std::setw(16) << "rows" << std::setw(12)
        << "memory" << std::setw(12) << "CSV" << "\n";
    for (const auto& t : est.tables) {
      out << "  " << std::left << std::setw(18) << t.name << std::right << std::setw(16)
          << thousands(static_cast<std::size_t>(t.rows + 0.5)) << std::setw(12) << megabytes(t.memory_bytes)
          << std::setw(12) << megabytes(t.file_bytes) << "\n";
    }
    out << "  " << std::left << std::setw(18) << "total" << std::right << std::setw(16) << "" << std::setw(12)
        << megabytes(est.memory_bytes) << std::setw(12) << megabytes(est.file_bytes) << "\n";
    return exit_ok;
  }
  if (!args.has("out")) throw UsageError("generate needs --out DIR or --out FILE.kin (or --estimate)");
  const std::string folder = args.value_or("out", "");
  // A name ending in .kin or .xml is a snapshot (kinerja snapshot): the dataset is built in memory
  // and saved in one file, ready for every command; anything else is a folder of CSV files.
  const auto ends_with = [&folder](const char* suffix) {
    const std::string s(suffix);
    return folder.size() > s.size() && folder.compare(folder.size() - s.size(), s.size(), s) == 0;
  };
  const bool snapshot = ends_with(".kin") || ends_with(".xml");

  // A progress bar only on a terminal, never into a file or a pipe.
  const bool bar = !quiet && ::isatty(2) == 1;
  int shown = -1;
  if (bar) {
    o.progress = [&](double f) {
      const int percent = static_cast<int>(f * 100);
      if (percent == shown) return;
      shown = percent;
      const int width = 40, filled = percent * width / 100;
      io.err << "\r  generating [" << std::string(static_cast<std::size_t>(filled), '#')
             << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << std::setw(3) << percent << "%"
             << std::flush;
    };
  }
  const auto start = std::chrono::steady_clock::now();
  kinerja::GeneratorReport report;
  if (snapshot) {
    const kinerja::Dataset dataset = kinerja::generate_dataset(o, &report);
    kinerja::save_snapshot(folder, dataset, {},
                           ends_with(".xml") ? kinerja::SnapshotFormat::Xml : kinerja::SnapshotFormat::Binary);
  } else {
    kinerja::generate_folder(o, folder, &report);
  }
  if (bar) io.err << "\r" << std::string(60, ' ') << "\r" << std::flush;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (quiet) return exit_ok;
  std::ostream& out = io.out;
  out << "Generated " << folder << ": " << thousands(o.employees) << " employees in " << thousands(report.agencies)
      << (report.agencies == 1 ? " agency (" : " agencies (") << thousands(report.units) << " units, " << thousands(report.feedback_agencies)
      << " with 360 degree feedback), " << o.first_year << "-" << o.last_year << ", seed " << o.seed << "\n\n";
  for (const auto& t : report.tables) {
    out << "  " << std::left << std::setw(18) << t.name << std::right << std::setw(16) << thousands(t.rows) << "\n";
  }
  out << "\n  planted raters: " << thousands(report.lenient_raters.size()) << " lenient, "
      << thousands(report.severe_raters.size()) << " severe\n";
  out << "  " << fixed(seconds, 1) << " s\n";
  return exit_ok;
}

}  // namespace

Command generate_command() {
  static const std::vector<OptionSpec> options = {
      {"employees", true, "number of employees (exactly)", "N"},
      {"seed", true, "random seed (default 1); the same options give the same bytes", "S"},
      {"out", true, "folder to write the 8 CSV files to (all or nothing), or a snapshot FILE.kin / FILE.xml", "DIR|FILE"},
      {"years", true, "performance years, YEAR or FIRST-LAST (default 2024-2025)", "A-B"},
      {"as-of-month", true, "months of data in the last year, 1..12 (default 12)", "M"},
      {"rhk", true, "mean RHK per employee and year, 3..10 (default 3.3)", "X"},
      {"iki-per-rhk", true, "mean IKI per RHK, 1..3 (default 1.1)", "X"},
      {"quarterly", true, "share of owners reporting quarterly, 0..1 (default 0.7)", "X"},
      {"feedback", true, "share of agencies with 360 degree feedback, 0..1 (default 0.05)", "X"},
      {"aspects", true, "BerAKHLAK values per feedback pair, 1..7 (default 7)", "K"},
      {"surveys", true, "share of leaf units with an IKM survey, 0..1 (default 0.1)", "X"},
      {"iki-names", false, "give every IKI a name (costs memory at national scale)", ""},
      {"estimate", false, "print the expected rows and memory per table; generate nothing", ""},
      {"quiet", false, "print nothing but problems", ""},
  };
  return Command{
      "generate",
      "a synthetic dataset of any size, up to the national civil service",
      "kinerja generate --employees N [--seed S] --out DIR|FILE.kin [--years A-B] [--estimate] [options]",
      "Writes a synthetic, valid dataset (the 8 files of docs/dataset-format.md) for N employees:\n"
      "agencies of realistic sizes, unit trees, NIPs, rater chains, IKU/IKI with monthly or\n"
      "quarterly realisations, ratings, 360 degree feedback with planted lenient and severe raters,\n"
      "org predikat and IKM surveys. Deterministic for a seed. With --out FILE.kin (or .xml) the\n"
      "dataset is built in memory and saved as a snapshot that every command reads in place of a\n"
      "folder. --estimate prints the expected rows and memory instead (docs/generate.md).",
      options,
      run_generate,
  };
}

}  // namespace kinerja_cli
