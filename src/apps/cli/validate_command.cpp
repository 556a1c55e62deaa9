// kinerja validate DIR: load the whole dataset, print a summary and every problem.
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/common.hpp"
#include "kinerja/kinerja.hpp"

namespace kinerja_cli {
namespace {

// Depth of the deepest unit (a root has depth 1).
std::size_t tree_depth(const kinerja::UnitTable& units) {
  std::vector<std::size_t> depth(units.size(), 0);
  std::size_t deepest = 0;
  for (std::size_t i = 0; i < units.size(); ++i) {
    // Walk up until a known depth; the loader guarantees there are no cycles.
    std::vector<kinerja::Index> chain;
    kinerja::Index v = static_cast<kinerja::Index>(i);
    while (v != kinerja::no_index && depth[v] == 0) {
      chain.push_back(v);
      v = units.parent[v];
    }
    std::size_t d = v == kinerja::no_index ? 0 : depth[v];
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) depth[*it] = ++d;
    deepest = std::max(deepest, depth[i]);
  }
  return deepest;
}

// A short description of what each table holds, beyond its row count.
std::string detail_of(const kinerja::Dataset& d, const std::string& file) {
  std::ostringstream s;
  if (file == "units.csv" && d.units.size() > 0) {
    const auto roots = std::count(d.units.parent.begin(), d.units.parent.end(), kinerja::no_index);
    s << roots << (roots == 1 ? " root" : " roots") << ", " << tree_depth(d.units) << " levels";
  } else if (file == "employees.csv" && d.employees.size() > 0) {
    const auto pppk = std::count(d.employees.status.begin(), d.employees.status.end(), kinerja::EmploymentStatus::Pppk);
    s << "PNS " << thousands(d.employees.size() - static_cast<std::size_t>(pppk)) << ", PPPK "
      << thousands(static_cast<std::size_t>(pppk));
  } else if (file == "indicators.csv" && d.indicators.size() > 0) {
    const auto& t = d.indicators;
    const auto iku = std::count(t.owner_type.begin(), t.owner_type.end(), kinerja::OwnerType::Unit);
    const auto [lo, hi] = std::minmax_element(t.year.begin(), t.year.end());
    s << "IKU " << thousands(static_cast<std::size_t>(iku)) << ", IKI "
      << thousands(t.size() - static_cast<std::size_t>(iku)) << "; years " << *lo;
    if (*hi != *lo) s << "-" << *hi;
  } else if (file == "realizations.csv" && d.realizations.size() > 0) {
    const auto [lo, hi] = std::minmax_element(d.realizations.period.begin(), d.realizations.period.end());
    s << "periods " << lo->to_string() << " .. " << hi->to_string();
  } else if (file == "feedback.csv" && d.feedback.size() > 0) {
    std::vector<kinerja::Index> raters;
    for (kinerja::Index r : d.feedback.rater) {
      if (r != kinerja::no_index) raters.push_back(r);
    }
    std::sort(raters.begin(), raters.end());
    raters.erase(std::unique(raters.begin(), raters.end()), raters.end());
    s << thousands(raters.size()) << " raters";
  }
  return s.str();
}

int run_validate(const Arguments& args, Streams& io) {
  if (args.positional.size() != 1) throw UsageError("validate needs exactly one dataset folder");
  const std::string& folder = args.positional[0];
  kinerja::Diagnostics diagnostics(args.size_or("max-problems", kinerja::Diagnostics::default_capacity));
  kinerja::Dataset dataset;
  if (std::filesystem::is_regular_file(folder)) {
    // A snapshot was validated when it was made; loading checks that it is intact.
    try {
      dataset = kinerja::load_snapshot(folder).dataset;
    } catch (const kinerja::error& e) {
      diagnostics.error(e.where(), e.message());
    }
  } else {
    dataset = kinerja::load_dataset(folder, diagnostics);
  }

  for (const kinerja::Diagnostic& d : diagnostics.items()) io.err << d.to_string() << "\n";
  if (diagnostics.dropped() > 0) {
    io.err << "... and " << thousands(diagnostics.dropped()) << " more problems not shown (--max-problems)\n";
  }

  const bool strict = args.has("strict");
  const bool valid = !diagnostics.has_errors() && !(strict && diagnostics.warning_count() > 0);
  if (!args.has("quiet")) {
    std::ostream& out = io.out;
    out << "Dataset " << folder << "\n\n";
    out << "  " << std::left << std::setw(18) << "file" << std::right << std::setw(10) << "rows" << "\n";
    for (const kinerja::TableSummary& t : dataset.summary()) {
      out << "  " << std::left << std::setw(18) << t.name << std::right << std::setw(10);
      if (!t.present && t.rows == 0) {
        out << "-" << "  (absent)\n";
        continue;
      }
      out << thousands(t.rows);
      const std::string detail = detail_of(dataset, t.name);
      if (!detail.empty()) out << "  " << detail;
      out << "\n";
    }
    out << "\n";
    if (diagnostics.error_count() + diagnostics.warning_count() == 0) {
      out << "Problems: none\n";
    } else {
      out << "Problems: " << thousands(diagnostics.error_count()) << " error"
          << (diagnostics.error_count() == 1 ? "" : "s") << ", " << thousands(diagnostics.warning_count()) << " warning"
          << (diagnostics.warning_count() == 1 ? "" : "s") << " (listed on stderr)\n";
    }
    out << "Result: " << (valid ? "valid" : "INVALID") << "\n";
  }
  return valid ? exit_ok : exit_invalid_data;
}

}  // namespace

Command validate_command() {
  return Command{
      "validate",
      "check a dataset folder (or a snapshot) and print a summary and every problem",
      "kinerja validate DIR|SNAPSHOT [--max-problems N] [--strict] [--quiet]",
      "Reads every CSV file of the dataset folder DIR, checks every field and every reference\n"
      "(docs/dataset-format.md) and prints the row count of each file. Every problem is printed on\n"
      "stderr as FILE:LINE:COLUMN: severity: message. Exits 1 if there is any error. Given a\n"
      "snapshot file (kinerja snapshot), checks that it is intact.",
      {
          {"max-problems", true, "print at most N problems (default 1000); the rest are counted", "N"},
          {"strict", false, "treat warnings as errors", ""},
          {"quiet", false, "print only the problems, no summary", ""},
      },
      run_validate,
  };
}

}  // namespace kinerja_cli
