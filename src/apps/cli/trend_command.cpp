// kinerja trend DIR --level indicator|employee|unit [--from P --to P]: trend statistics per
// series, and for indicators the year-end projection with its early warning.
#include <algorithm>
#include <cmath>
#include <iomanip>

#include "cli/common.hpp"

namespace kinerja_cli {
namespace {

kinerja::Period optional_period(const Arguments& args, const char* name, kinerja::Period fallback) {
  if (!args.has(name)) return fallback;
  std::string why;
  const auto p = kinerja::Period::try_parse(args.value_or(name, ""), &why);
  if (!p) throw UsageError(std::string("--") + name + ": " + why);
  return *p;
}

kinerja::TrendLevel level_from(const Arguments& args) {
  const std::string level = args.value_or("level", "indicator");
  if (level == "indicator") return kinerja::TrendLevel::Indicator;
  if (level == "employee") return kinerja::TrendLevel::Employee;
  if (level == "unit") return kinerja::TrendLevel::Unit;
  if (level == "predikat") return kinerja::TrendLevel::Predikat;
  throw UsageError("--level: indicator, employee, unit or predikat, not '" + level + "'");
}

void print_at_risk(std::ostream& out, const kinerja::Dataset& d, const kinerja::ProjectionResult& p) {
  std::array<std::size_t, 8> counts{};
  std::vector<std::size_t> risky;
  for (std::size_t k = 0; k < p.size(); ++k) {
    ++counts[static_cast<std::size_t>(p.status[k])];
    if (p.status[k] == kinerja::ProjectionStatus::OffTrack || p.status[k] == kinerja::ProjectionStatus::AtRisk) {
      risky.push_back(k);
    }
  }
  out << "\n  Year-end " << p.year << " projection as of " << p.as_of.to_string() << " (" << fixed(100 * p.level, 0)
      << "% prediction interval): ";
  bool first = true;
  for (std::size_t s = 0; s < counts.size(); ++s) {
    if (counts[s] == 0) continue;
    out << (first ? "" : ", ") << counts[s] << " " << kinerja::to_string(static_cast<kinerja::ProjectionStatus>(s));
    first = false;
  }
  out << (first ? "no indicators\n" : "\n");
  std::stable_sort(risky.begin(), risky.end(), [&](std::size_t a, std::size_t b) {
    return p.achievement_high[a] < p.achievement_high[b];
  });
  if (risky.empty()) return;
  out << "\n  Indicators most at risk of missing their target (projected capaian, interval):\n";
  for (std::size_t k = 0; k < std::min<std::size_t>(10, risky.size()); ++k) {
    const std::size_t r = risky[k];
    const kinerja::Index i = p.indicator[r];
    const bool unit = d.indicators.owner_type[i] == kinerja::OwnerType::Unit;
    out << "    " << std::left << std::setw(22) << d.indicators.ids[i] << std::setw(20)
        << (unit ? d.units.ids[d.indicators.owner[i]] : d.employees.nips[d.indicators.owner[i]]) << std::right
        << std::setw(7) << fixed(p.achievement[r], 1) << "%  [" << fixed(p.achievement_low[r], 1) << ", "
        << fixed(p.achievement_high[r], 1) << "]  " << kinerja::to_string(p.status[r]) << "\n";
  }
}

void print_strongest(std::ostream& out, const kinerja::Dataset& d, const kinerja::SeriesTable& series,
                     const kinerja::TrendTable& t) {
  std::vector<std::size_t> up, down;
  for (std::size_t s = 0; s < t.size(); ++s) {
    if (t.direction[s] == kinerja::TrendDirection::Increasing) up.push_back(s);
    if (t.direction[s] == kinerja::TrendDirection::Decreasing) down.push_back(s);
  }
  std::stable_sort(up.begin(), up.end(), [&](std::size_t a, std::size_t b) { return t.sen_slope[a] > t.sen_slope[b]; });
  std::stable_sort(down.begin(), down.end(),
                   [&](std::size_t a, std::size_t b) { return t.sen_slope[a] < t.sen_slope[b]; });
  auto list = [&](const char* title, const std::vector<std::size_t>& rows) {
    out << "\n  " << title << " (Sen's slope per month, Mann-Kendall p):\n";
    if (rows.empty()) out << "    none\n";
    for (std::size_t k = 0; k < std::min<std::size_t>(5, rows.size()); ++k) {
      const std::size_t s = rows[k];
      out << "    " << std::left << std::setw(22) << kinerja::series_id(d, series, s) << std::right << std::setw(8)
          << (t.sen_slope[s] >= 0 ? "+" : "") + fixed(t.sen_slope[s], 3) << "   p " << fixed(t.mk_p[s], 4) << "   "
          << t.n[s] << " points " << t.first_period[s].to_string() << ".." << t.last_period[s].to_string() << "\n";
    }
  };
  list("Strongest improving", up);
  list("Strongest declining", down);
}

int run_trend(const Arguments& args, Streams& io) {
  if (args.positional.size() != 1) throw UsageError("trend needs exactly one dataset folder");
  const kinerja::TrendLevel level = level_from(args);
  const kinerja::OutputFormat format = format_from(args);
  const kinerja::Threads threads = threads_from(args);
  const auto dataset = load_valid_dataset(args.positional[0], io);
  if (!dataset) return exit_invalid_data;
  const kinerja::Dataset& d = *dataset;
  // Default range: every period with a realisation (whole-year values aside).
  kinerja::Period earliest, latest;
  const bool any = kinerja::realization_period_range(d, earliest, latest);
  if (!any && (!args.has("from") || !args.has("to"))) {
    throw UsageError("the dataset has no period realisations: give --from and --to");
  }
  const kinerja::Period from = optional_period(args, "from", earliest);
  const kinerja::Period to = optional_period(args, "to", latest);
  const kinerja::RulePack rules = rule_pack_from(args, to.year());
  kinerja::SeriesOptions series_options;
  series_options.threads = threads.count;
  if (args.has("rules")) series_options.rules = rules;
  series_options.sum_target =
      rules.get("trend.sum_target") == "full" ? kinerja::SumTarget::Full : kinerja::SumTarget::Prorated;
  const kinerja::SeriesTable series = kinerja::build_series(d, level, from, to, series_options);
  kinerja::TrendOptions trend_options;
  trend_options.threads = series_options.threads;
  const kinerja::TrendTable trends = kinerja::trend_statistics(series, trend_options);

  std::optional<kinerja::ProjectionResult> projection;
  if (level == kinerja::TrendLevel::Indicator) {
    projection = kinerja::project_year_end(d, to.year(), to, rules, kinerja::projection_options(rules));
  }
  const auto written = kinerja::write_trend_table(d, series, trends, projection ? &*projection : nullptr,
                                                  args.value_or("out", "kinerja-out"), format);
  if (args.has("quiet")) return exit_ok;

  std::ostream& out = io.out;
  std::array<std::size_t, 3> directions{};
  for (auto dir : trends.direction) ++directions[static_cast<std::size_t>(dir)];
  out << "Trends per " << kinerja::to_string(level) << ", " << from.to_string() << " to " << to.to_string() << "\n\n";
  out << "  " << thousands(series.size()) << " series, " << thousands(series.points()) << " points: "
      << directions[static_cast<std::size_t>(kinerja::TrendDirection::Increasing)] << " increasing, "
      << directions[static_cast<std::size_t>(kinerja::TrendDirection::Decreasing)] << " decreasing, "
      << directions[static_cast<std::size_t>(kinerja::TrendDirection::NoTrend)]
      << " without a trend (Mann-Kendall, p <= 0.05)\n";
  if (projection) {
    print_at_risk(out, d, *projection);
  } else {
    print_strongest(out, d, series, trends);
  }
  out << "\n";
  for (const std::string& path : written) out << "wrote " << path << "\n";
  return exit_ok;
}

}  // namespace

Command trend_command() {
  std::vector<OptionSpec> options = {
      {"level", true, "indicator (default), employee, unit, or predikat (per employee, SB = 5 ... SK = 1)", "LEVEL"},
      {"from", true, "first period (default: the earliest realisation)", "P"},
      {"to", true, "last period, also the as-of of the projection (default: the latest)", "P"},
  };
  for (auto& o : rule_options()) options.push_back(o);
  options.push_back(out_option());
  options.push_back(format_option());
  options.push_back(threads_option());
  options.push_back({"quiet", false, "print nothing but problems", ""});
  return Command{
      "trend",
      "trend statistics per indicator, employee or unit, and year-end projections",
      "kinerja trend DIR [--level indicator|employee|unit|predikat] [--from P] [--to P] [--rules NAME|FILE] [--out DIR]",
      "For every series of the level over [from, to] (realisations of an indicator, or the\n"
      "weighted capaian of an employee or unit per period, on real time with gaps kept): OLS,\n"
      "Mann-Kendall, Hamed-Rao, Sen's slope and Pettitt's change point. --level predikat follows\n"
      "each employee's predikat across regimes on the ordinal scale SB = 5 ... SK = 1 (a kinerja\n"
      "convention, not a regulation). For indicators also the\n"
      "projection of the year of --to as of --to, with an early-warning status. Writes trends.csv\n"
      "(docs/trend.md).",
      options,
      run_trend,
  };
}

}  // namespace kinerja_cli
