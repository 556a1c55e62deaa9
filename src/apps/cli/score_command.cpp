// kinerja score DIR --year Y: indicator, employee and unit results for one year.
#include <algorithm>
#include <iomanip>

#include "cli/common.hpp"

namespace kinerja_cli {
namespace {

void print_summary(const kinerja::Dataset& d, const kinerja::ScoreResult& r, std::ostream& out) {
  const auto& labels = kinerja::predikat_labels(r.rule_set);
  std::size_t ok = 0, no_real = 0, other = 0;
  for (auto s : r.indicators.status) {
    if (s == kinerja::IndicatorStatus::Ok) ++ok;
    else if (s == kinerja::IndicatorStatus::NoRealization) ++no_real;
    else ++other;
  }
  out << "Scores " << r.year << " under " << r.rule_pack << "\n\n";
  out << "  indicators  " << thousands(r.indicators.size()) << ": " << thousands(ok) << " with capaian, "
      << thousands(no_real) << " without realisation";
  if (other > 0) out << ", " << thousands(other) << " with an undefined capaian";
  out << "\n";
  std::size_t rated = 0;
  double sum = 0;
  std::size_t scored = 0;
  kinerja::PredikatCounts total{};
  for (std::size_t e = 0; e < r.employees.size(); ++e) {
    if (r.employees.predikat[e] != kinerja::no_value) {
      ++rated;
      ++total[static_cast<std::size_t>(r.employees.predikat[e])];
    }
    const double s = r.rule_set == kinerja::RuleSet::PermenPanRb6_2022 ? r.employees.result_score[e]
                                                                       : r.employees.final_score[e];
    if (!std::isnan(s)) {
      sum += s;
      ++scored;
    }
  }
  out << "  employees   " << thousands(r.employees.size()) << ": " << thousands(rated) << " with a predikat";
  if (scored > 0) {
    out << ", mean " << (r.rule_set == kinerja::RuleSet::PermenPanRb6_2022 ? "result score " : "final score ")
        << fixed(sum / static_cast<double>(scored), 1);
  }
  out << "\n  predikat   ";
  for (std::size_t p = 0; p < 5; ++p) {
    out << " " << labels[p] << " " << total[p];
    if (rated > 0) out << " (" << fixed(100.0 * total[p] / static_cast<double>(rated), 1) << "%)";
    if (p < 4) out << ",";
  }
  out << "\n\n  " << std::left << std::setw(18) << "unit" << std::right << std::setw(6) << "staff" << std::setw(9)
      << "IKU %";
  const char* short_names[] = {"SB", "B", "BP", "K", "SK"};
  if (r.rule_set == kinerja::RuleSet::Pp46_2011) short_names[4] = "Bu";
  for (const char* s : short_names) out << std::setw(5) << s;
  out << "\n";
  for (std::size_t k = 0; k < r.units.size(); ++k) {
    if (r.units.employees[k] == 0 && r.units.iku[k] == 0) continue;
    out << "  " << std::left << std::setw(18) << d.units.ids[r.units.unit[k]] << std::right << std::setw(6)
        << r.units.employees[k] << std::setw(9) << fixed(r.units.iku_achievement[k], 1);
    for (int c : r.units.counts[k]) out << std::setw(5) << c;
    out << "\n";
  }
}

int run_score(const Arguments& args, Streams& io) {
  if (args.positional.size() != 1) throw UsageError("score needs exactly one dataset folder");
  const int year = year_from(args);
  const kinerja::Threads threads = threads_from(args);
  const kinerja::RulePack rules = rule_pack_from(args, year);
  const kinerja::OutputFormat format = format_from(args);
  const auto dataset = load_valid_dataset(args.positional[0], io);
  if (!dataset) return exit_invalid_data;
  const kinerja::ScoreResult result = kinerja::score(*dataset, year, rules, threads);
  for (const kinerja::Diagnostic& w : result.warnings) io.err << w.to_string() << "\n";
  const std::vector<std::string> written =
      kinerja::write_score_tables(*dataset, result, args.value_or("out", "kinerja-out"), format);
  if (!args.has("quiet")) {
    print_summary(*dataset, result, io.out);
    io.out << "\n";
    for (const std::string& path : written) io.out << "wrote " << path << "\n";
  }
  return exit_ok;
}

}  // namespace

Command score_command() {
  std::vector<OptionSpec> options = {{"year", true, "the performance year (required)", "YEAR"}};
  for (auto& o : rule_options()) options.push_back(o);
  options.push_back(out_option());
  options.push_back(format_option());
  options.push_back(threads_option());
  options.push_back({"quiet", false, "print nothing but problems", ""});
  return Command{
      "score",
      "score indicators, employees and units for one year under a rule pack",
      "kinerja score DIR --year YEAR [--rules NAME|FILE] [--set KEY=VALUE]... [--out DIR] [--format csv|json]",
      "Computes the capaian of every indicator of YEAR, the weighted result of every employee and\n"
      "unit, and the predikat under the rule pack (docs/scoring.md). Writes indicator_scores.csv,\n"
      "employee_scores.csv and unit_scores.csv into the output folder, all or nothing, and prints\n"
      "a summary per unit. An invalid dataset writes nothing and exits 1.",
      options,
      run_score,
  };
}

}  // namespace kinerja_cli
