// kinerja distribution DIR --period P: the curve of SE MenPANRB 3/2023 for every unit.
#include <iomanip>

#include "cli/common.hpp"

namespace kinerja_cli {
namespace {

int run_distribution(const Arguments& args, Streams& io) {
  if (args.positional.size() != 1) throw UsageError("distribution needs exactly one dataset folder");
  const kinerja::Period period = period_from(args);
  const kinerja::RulePack rules = rule_pack_from(args, std::max(period.year(), 2022));
  const kinerja::OutputFormat format = format_from(args);
  if (rules.rule_set() != kinerja::RuleSet::PermenPanRb6_2022) {
    throw UsageError("the distribution curve belongs to PermenPANRB 6/2022; use --rules permenpanrb-6-2022");
  }
  const kinerja::Threads threads = threads_from(args);
  const auto dataset = load_valid_dataset(args.positional[0], io);
  if (!dataset) return exit_invalid_data;
  kinerja::DistributionReport report;
  if (args.has("calibrated")) {
    try {
      report = kinerja::check_distributions(*dataset, period, rules, kinerja::calibrate(*dataset, period, rules, threads),
                                            threads);
    } catch (const kinerja::error& e) {
      if (e.code() != kinerja::errc::InvalidData) throw;
      io.err << (e.where().file.empty() ? "" : e.where().to_string() + ": ") << "error: " << e.message() << "\n";
      return exit_invalid_data;
    }
  } else {
    report = kinerja::check_distributions(*dataset, period, rules, threads);
  }
  const auto written =
      kinerja::write_distribution_tables(*dataset, report, args.value_or("out", "kinerja-out"), format);
  if (args.has("quiet")) return exit_ok;

  std::ostream& out = io.out;
  std::size_t invalid = 0, warned = 0;
  for (const auto& u : report.units) {
    if (!u.check.valid) ++invalid;
    else if (!u.check.violations.empty()) ++warned;
  }
  out << "Distribution curve " << period.to_string() << " (SE MenPANRB 3/2023) under " << rules.label() << "\n\n";
  out << "  " << report.units.size() << " units checked (" << thousands(report.rated_employees)
      << " rated employees): " << report.units.size() - invalid << " follow the curve";
  if (warned > 0) out << " (" << warned << " with a warning)";
  out << ", " << invalid << " do not\n";
  if (!report.units_without_org_predikat.empty()) {
    out << "  " << report.units_without_org_predikat.size()
        << " units with rated employees have no organisation predikat for " << period.to_string() << "\n";
  }
  if (invalid > 0) {
    out << "\n  Units that break the curve (SB/B/BP/K/SK):\n";
    for (const auto& u : report.units) {
      if (u.check.valid) continue;
      out << "    " << std::left << std::setw(18) << dataset->units.ids[u.unit] << std::setw(16)
          << kinerja::to_string(u.org_predikat) << u.counts[0] << "/" << u.counts[1] << "/" << u.counts[2] << "/"
          << u.counts[3] << "/" << u.counts[4];
      for (const auto& v : u.check.violations) {
        if (v.hard) out << "\n      " << v.code << ": " << v.message;
      }
      out << "\n";
    }
    out << "\n  Suggested changes (suggestions only: the Penilai decides):\n";
    for (const auto& s : report.suggestions) {
      out << "    " << std::left << std::setw(18) << dataset->units.ids[s.unit] << dataset->employees.nips[s.employee]
          << "  " << kinerja::to_string(s.from) << " -> " << kinerja::to_string(s.to) << "  (evidence "
          << fixed(s.evidence, 1) << ")\n";
    }
  }
  out << "\n";
  for (const std::string& path : written) out << "wrote " << path << "\n";
  return exit_ok;
}

int run_ikm(const Arguments& args, Streams& io) {
  if (args.positional.size() != 1) throw UsageError("ikm needs exactly one dataset folder");
  const kinerja::Period period = period_from(args);
  const kinerja::Threads threads = threads_from(args);
  const kinerja::RulePack rules = rule_pack_from(args, std::max(period.year(), 2022));
  const kinerja::OutputFormat format = format_from(args);
  const auto dataset = load_valid_dataset(args.positional[0], io);
  if (!dataset) return exit_invalid_data;
  const kinerja::IkmReport report = kinerja::ikm_by_unit(*dataset, period, rules.ikm_weight(), threads);
  for (const auto& [unit, why] : report.skipped) {
    io.err << "kinerja: unit " << dataset->units.ids[unit] << ": no IKM: " << why << "\n";
  }
  const auto written = kinerja::write_ikm_table(*dataset, report, period, args.value_or("out", "kinerja-out"), format);
  if (args.has("quiet")) return exit_ok;
  io.out << "IKM " << period.to_string() << " (PermenPANRB 14/2017), weight " << rules.get("ikm.weight") << "\n\n";
  io.out << "  " << std::left << std::setw(18) << "unit" << std::right << std::setw(12) << "respondents"
         << std::setw(9) << "IKM" << std::setw(6) << "mutu" << "\n";
  for (const auto& u : report.units) {
    io.out << "  " << std::left << std::setw(18) << dataset->units.ids[u.unit] << std::right << std::setw(12)
           << u.result.respondents << std::setw(9) << u.result.ikm_rounded.to_decimal_string(2) << std::setw(6)
           << kinerja::to_string(u.result.mutu) << "  " << kinerja::unit_performance(u.result.mutu) << "\n";
  }
  io.out << "\n";
  for (const std::string& path : written) io.out << "wrote " << path << "\n";
  return exit_ok;
}

std::vector<OptionSpec> distribution_options() {
  std::vector<OptionSpec> options = period_options();
  options.push_back({"calibrated", false, "rank feedback evidence by calibrated scores (see kinerja calibrate)", ""});
  return options;
}

}  // namespace

Command distribution_command() {
  return Command{
      "distribution",
      "check each unit's predikat against the curve of its organisation predikat",
      "kinerja distribution DIR --period P [--calibrated] [--rules NAME|FILE] [--set KEY=VALUE]... [--out DIR]",
      "Counts the predikat (PermenPANRB 6/2022 matrix) of each unit's employees rated for P, checks\n"
      "them against the SE MenPANRB 3/2023 curve of the unit's organisation predikat, and proposes\n"
      "a small set of changes for every unit that breaks it, ranked by evidence (capaian, feedback).\n"
      "With --calibrated, employees without a capaian are ranked by their calibrated feedback score\n"
      "(kinerja calibrate) instead of the raw mean, so a lenient or severe rater does not decide.\n"
      "Writes distribution_check.csv and distribution_suggestions.csv (docs/scoring.md).",
      distribution_options(),
      run_distribution,
  };
}

Command ikm_command() {
  return Command{
      "ikm",
      "public satisfaction index (IKM) per unit",
      "kinerja ikm DIR --period P [--set ikm.weight=0.11] [--out DIR]",
      "Computes the IKM of PermenPANRB 14/2017 for every unit with survey answers for P: NRR per\n"
      "unsur, the index on the 25-100 scale and its mutu (A-D). Writes ikm.csv.",
      period_options(),
      run_ikm,
  };
}

}  // namespace kinerja_cli
