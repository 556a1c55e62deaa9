// Pieces shared by the analysis commands: loading a dataset that must be valid, choosing the
// rule pack, and the common options.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "kinerja/kinerja.hpp"

namespace kinerja_cli {

/// Loads the dataset folder DIR, or the snapshot file of `kinerja snapshot`, and prints its
/// problems on stderr. nullopt when it has errors (the command then exits 1 and writes nothing).
std::optional<kinerja::Dataset> load_valid_dataset(const std::string& folder, Streams& io);

/// --rules NAME|FILE (default: the pack for the year) with every --set key=value applied.
kinerja::RulePack rule_pack_from(const Arguments& args, int year);

/// Applies every --set key=value to `pack`; throws UsageError for a malformed or refused one.
void apply_settings(const Arguments& args, kinerja::RulePack& pack);

/// The options --rules, --set and --out.
std::vector<OptionSpec> rule_options();
OptionSpec out_option();
/// --format csv|json (default csv); throws UsageError for another value.
OptionSpec format_option();
kinerja::OutputFormat format_from(const Arguments& args);

/// A required four-digit --year; throws UsageError.
int year_from(const Arguments& args);

/// A required --period; throws UsageError.
kinerja::Period period_from(const Arguments& args);
/// --threads N: the threads an analysis may use (0, the default: one per core).
OptionSpec threads_option();
kinerja::Threads threads_from(const Arguments& args);

/// --period, the rule options, --out, --format, --threads and --quiet: the options of a
/// per-period analysis.
std::vector<OptionSpec> period_options();

/// "1,234"
std::string thousands(std::size_t n);
/// A number with `decimals` fraction digits, or "-" for NaN.
std::string fixed(double value, int decimals);

}  // namespace kinerja_cli
