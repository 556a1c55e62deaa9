#include "cli/common.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace kinerja_cli {

std::optional<kinerja::Dataset> load_valid_dataset(const std::string& folder, Streams& io) {
  if (std::filesystem::is_regular_file(folder)) {  // a snapshot (kinerja snapshot)
    try {
      return kinerja::load_snapshot(folder).dataset;
    } catch (const kinerja::error& e) {
      io.err << "error: " << e.what() << "\n";
      io.err << "kinerja: " << folder << " is not a usable snapshot; nothing was written\n";
      return std::nullopt;
    }
  }
  kinerja::Diagnostics diagnostics;
  kinerja::Dataset dataset = kinerja::load_dataset(folder, diagnostics);
  for (const kinerja::Diagnostic& d : diagnostics.items()) io.err << d.to_string() << "\n";
  if (diagnostics.dropped() > 0) io.err << "... and " << thousands(diagnostics.dropped()) << " more problems\n";
  if (diagnostics.has_errors()) {
    io.err << "kinerja: " << folder << " has " << thousands(diagnostics.error_count())
           << " errors; nothing was written (run 'kinerja validate' for the full list)\n";
    return std::nullopt;
  }
  return dataset;
}

kinerja::RulePack rule_pack_from(const Arguments& args, int year) {
  kinerja::RulePack pack = kinerja::RulePack::for_year(year);
  if (args.has("rules")) {
    try {
      pack = kinerja::load_rule_pack(args.value_or("rules", ""));
    } catch (const kinerja::error& e) {
      throw UsageError(e.what());  // a bad rules file is a usage error (exit 2), like a bad --set
    }
  }
  apply_settings(args, pack);
  return pack;
}

void apply_settings(const Arguments& args, kinerja::RulePack& pack) {
  for (const std::string& kv : args.all("set")) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) throw UsageError("--set needs key=value, got '" + kv + "'");
    try {
      pack.set(kv.substr(0, eq), kv.substr(eq + 1));
    } catch (const kinerja::error& e) {
      throw UsageError(e.message());
    }
  }
}

std::vector<OptionSpec> rule_options() {
  return {
      {"rules", true, "rule pack: a built-in name or a rules file (default: by year)", "NAME|FILE"},
      {"set", true, "change one setting of the rule pack (repeatable)", "KEY=VALUE"},
  };
}

OptionSpec out_option() { return {"out", true, "folder for the output files (default ./kinerja-out)", "DIR"}; }

OptionSpec format_option() { return {"format", true, "file format of the results: csv (default) or json", "csv|json"}; }

kinerja::OutputFormat format_from(const Arguments& args) {
  const std::string f = args.value_or("format", "csv");
  if (f == "csv") return kinerja::OutputFormat::Csv;
  if (f == "json") return kinerja::OutputFormat::Json;
  throw UsageError("--format must be csv or json, got '" + f + "'");
}

int year_from(const Arguments& args) {
  if (!args.has("year")) throw UsageError("--year is required");
  const std::string y = args.value_or("year", "");
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) {
    throw UsageError("--year needs a four-digit year, got '" + y + "'");
  }
  return std::stoi(y);
}

std::string thousands(std::size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

std::string fixed(double value, int decimals) {
  if (std::isnan(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

kinerja::Period period_from(const Arguments& args) {
  if (!args.has("period")) throw UsageError("--period is required (e.g. 2025 or 2025-Q3)");
  std::string why;
  const auto p = kinerja::Period::try_parse(args.value_or("period", ""), &why);
  if (!p) throw UsageError("--period: " + why);
  return *p;
}

std::vector<OptionSpec> period_options() {
  std::vector<OptionSpec> options = {{"period", true, "the evaluation period, e.g. 2025 or 2025-Q3 (required)", "P"}};
  for (auto& o : rule_options()) options.push_back(o);
  options.push_back(out_option());
  options.push_back(format_option());
  options.push_back(threads_option());
  options.push_back({"quiet", false, "print nothing but problems", ""});
  return options;
}

OptionSpec threads_option() {
  return {"threads", true, "threads to use (default 0: one per core); results do not depend on it", "N"};
}

kinerja::Threads threads_from(const Arguments& args) {
  const std::size_t n = args.size_or("threads", 0);
  if (n > 1024) throw UsageError("--threads needs at most 1024, got " + std::to_string(n));
  return kinerja::Threads{static_cast<unsigned>(n)};
}

}  // namespace kinerja_cli
