// kinerja calibrate DIR --period P: multi-source aggregation, rater effects, reliability.
#include <algorithm>
#include <cmath>
#include <iomanip>

#include "cli/common.hpp"

namespace kinerja_cli {
namespace {

std::string signed_points(double value) {
  return (value >= 0 ? "+" : "") + fixed(value, 1);
}

// The raters with the largest and smallest effects, `count` each.
void print_extreme_raters(std::ostream& out, const kinerja::Dataset& d, const kinerja::CalibrationResult& r,
                          std::size_t count) {
  std::vector<kinerja::Index> raters;
  for (std::size_t e = 0; e < r.rater_effect.size(); ++e) {
    if (!std::isnan(r.rater_effect[e])) raters.push_back(static_cast<kinerja::Index>(e));
  }
  std::stable_sort(raters.begin(), raters.end(),
                   [&](kinerja::Index a, kinerja::Index b) { return r.rater_effect[a] > r.rater_effect[b]; });
  std::vector<std::string> flags(r.rater_effect.size());
  for (std::size_t k = 0; k < r.raters.flags.size(); ++k) {
    std::string& list = flags[r.raters.flags.rater[k]];
    list += (list.empty() ? "" : ", ") + std::string(kinerja::to_string(r.raters.flags.flag[k]));
  }
  auto row = [&](kinerja::Index e) {
    out << "    " << d.employees.nips[e] << "  " << std::left << std::setw(18) << d.units.ids[d.employees.unit[e]]
        << std::right << std::setw(7) << signed_points(r.rater_effect[e]) << " +- " << std::setw(4)
        << fixed(1.96 * r.rater_se[e], 1) << "  " << std::setw(4) << r.rater_scores[e] << " scores";
    if (!flags[e].empty()) out << "  [" << flags[e] << "]";
    out << "\n";
  };
  const std::size_t n = std::min(count, raters.size() / 2);
  out << "\n  Most lenient raters (points above a typical rater, 95% interval):\n";
  for (std::size_t k = 0; k < n; ++k) row(raters[k]);
  out << "\n  Most severe raters:\n";
  for (std::size_t k = 0; k < n; ++k) row(raters[raters.size() - 1 - k]);
}

void print_predikat_effect(std::ostream& out, const kinerja::Dataset& d, const kinerja::CalibrationResult& r) {
  std::size_t rated = 0, changed = 0;
  for (std::size_t e = 0; e < r.suggested_predikat.size(); ++e) {
    if (r.suggested_predikat[e] == kinerja::no_value) continue;
    ++rated;
    if (r.suggested_predikat[e] != r.predikat[e]) ++changed;
  }
  if (rated == 0) return;
  out << "\n  Effect of calibration on the predikat of the " << thousands(rated) << " rated employees with feedback\n"
      << "  (behaviour rating from the fair score where its 95% interval is clear of the rating given; cut scores "
      << fixed(r.above_cut, 1) << " and " << fixed(r.below_cut, 1) << "\n  reproduce the Penilai's counts. "
      << "Suggestions only: the Penilai decides.)\n";
  out << "    " << std::setw(14) << "" << std::right;
  for (const char* label : {"SB", "B", "BP", "K/M", "SK"}) out << std::setw(7) << label;
  out << "\n    " << std::left << std::setw(14) << "as rated" << std::right;
  for (int c : r.counts_before) out << std::setw(7) << c;
  out << "\n    " << std::left << std::setw(14) << "calibrated" << std::right;
  for (int c : r.counts_after) out << std::setw(7) << c;
  out << "\n    " << changed << " employees would get another predikat";
  // A few examples, in employee order.
  std::size_t shown = 0;
  for (std::size_t e = 0; e < r.suggested_predikat.size() && shown < 5; ++e) {
    if (r.suggested_predikat[e] == kinerja::no_value || r.suggested_predikat[e] == r.predikat[e]) continue;
    out << (shown == 0 ? ", e.g.:\n" : "") << "      " << d.employees.nips[static_cast<kinerja::Index>(e)] << "  " << std::left << std::setw(18)
        << d.units.ids[d.employees.unit[e]] << std::right
        << kinerja::to_string(static_cast<kinerja::Predikat>(r.predikat[e])) << " -> "
        << kinerja::to_string(static_cast<kinerja::Predikat>(r.suggested_predikat[e])) << "  (fair score "
        << fixed(r.fair_score[e], 1) << ", raw mean " << fixed(r.raw_mean[e], 1) << ")\n";
    ++shown;
  }
  if (shown == 0) out << "\n";
}

int run_calibrate(const Arguments& args, Streams& io) {
  if (args.positional.size() != 1) throw UsageError("calibrate needs exactly one dataset folder");
  const kinerja::Period period = period_from(args);
  const kinerja::Threads threads = threads_from(args);
  kinerja::RulePack rules = rule_pack_from(args, period.year());
  if (args.has("model")) {
    const std::string model = args.value_or("model", "");
    if (model != "random" && model != "fixed") throw UsageError("--model: random or fixed, not '" + model + "'");
    rules.set("calibration.model", model);
  }
  const kinerja::OutputFormat format = format_from(args);
  const auto dataset = load_valid_dataset(args.positional[0], io);
  if (!dataset) return exit_invalid_data;
  kinerja::CalibrationResult result;
  try {
    result = kinerja::calibrate(*dataset, period, rules, threads);
  } catch (const kinerja::error& e) {
    if (e.code() != kinerja::errc::InvalidData) throw;
    io.err << (e.where().file.empty() ? "" : e.where().to_string() + ": ") << "error: " << e.message() << "\n";
    return exit_invalid_data;
  }
  const auto written =
      kinerja::write_calibration_tables(*dataset, result, args.value_or("out", "kinerja-out"), format);
  if (args.has("quiet")) return exit_ok;

  std::ostream& out = io.out;
  const kinerja::Dataset& d = *dataset;
  out << "Calibration " << period.to_string() << " under " << result.rule_pack << " (model: "
      << kinerja::to_string(result.model) << ")\n\n";
  std::size_t ratees = 0, raters = 0;
  for (std::size_t e = 0; e < d.employees.size(); ++e) {
    ratees += result.ratee_scores[e] > 0;
    raters += result.rater_scores[e] > 0;
  }
  out << "  " << thousands(result.observations) << " supervisor, peer and subordinate scores: " << thousands(ratees)
      << " ratees, " << thousands(raters) << " raters";
  if (result.model_status != kinerja::ModelStatus::Fitted) {
    out << "\n  no rater-effect model: " << result.model_message << "\n";
  } else {
    out << ", " << result.components << (result.components == 1 ? " connected design" : " separate parts")
        << "\n";
    if (result.model == kinerja::RaterModel::Random) {
      out << "  variance: ratee " << fixed(result.ratee_variance, 2) << ", rater " << fixed(result.rater_variance, 2)
          << ", residual " << fixed(result.residual_variance, 2) << (result.singular ? " (a variance is 0)" : "")
          << (result.converged ? "" : " (NOT converged)") << "\n";
    } else {
      out << "  residual sd " << fixed(result.residual_sd, 2) << "\n";
    }
  }
  auto stat = [&](const char* name) {
    for (const auto& row : result.reliability) {
      if (row.statistic == name) return row.status == "ok" ? fixed(row.value, 2) : "-";
    }
    return std::string("-");
  };
  out << "  reliability: ";
  if (result.model_status == kinerja::ModelStatus::Fitted && result.model == kinerja::RaterModel::Random) {
    double k = 0;
    for (const auto& row : result.reliability) {
      if (row.statistic == "icc_agreement_average") k = row.raters;
    }
    out << "ICC agreement " << stat("icc_agreement_single") << " (one rater), " << stat("icc_agreement_average")
        << " (mean of " << fixed(k, 1) << " raters); consistency " << stat("icc_consistency_single") << ", "
        << stat("icc_consistency_average") << "; ";
  }
  out << "Krippendorff's alpha " << stat("krippendorff_alpha_interval") << " (interval), "
      << stat("krippendorff_alpha_ordinal") << " (ordinal)\n";
  if (result.model_status == kinerja::ModelStatus::Fitted) print_extreme_raters(out, d, result, 5);

  std::array<std::size_t, 7> flag_counts{};
  for (auto f : result.raters.flags.flag) ++flag_counts[static_cast<std::size_t>(f)];
  out << "\n  Rater flags (screening, not findings):";
  bool any = false;
  for (std::size_t f = 0; f < flag_counts.size(); ++f) {
    if (flag_counts[f] == 0) continue;
    out << (any ? ", " : " ") << flag_counts[f] << " " << kinerja::to_string(static_cast<kinerja::RaterFlag>(f));
    any = true;
  }
  out << (any ? "\n" : " none\n");
  print_predikat_effect(out, d, result);
  out << "\n";
  for (const std::string& path : written) out << "wrote " << path << "\n";
  return exit_ok;
}

}  // namespace

Command calibrate_command() {
  std::vector<OptionSpec> options = period_options();
  options.insert(options.begin() + 1, {"model", true, "random (REML, as lme4; default) or fixed", "MODEL"});
  return Command{
      "calibrate",
      "multi-source feedback, rater severity and leniency, reliability",
      "kinerja calibrate DIR --period P [--model random|fixed] [--rules NAME|FILE] [--set KEY=VALUE]... [--out DIR]",
      "Combines the feedback.csv scores of P per ratee (source weights, anonymity, shrinkage),\n"
      "screens the raters (leniency, severity, central tendency, halo, straight-lining,\n"
      "reciprocal peers), fits a rater-effect model to calibrate every ratee's score, and\n"
      "measures reliability. Under PermenPANRB 6/2022 it also suggests behaviour ratings in\n"
      "calibrated order. Writes rater_effects.csv, ratee_scores.csv, reliability.csv and\n"
      "rater_flags.csv (docs/calibration.md).",
      options,
      run_calibrate,
  };
}

}  // namespace kinerja_cli
