// The kinerja command: subcommand table, argument parsing and exit codes (docs/cli.md).
#pragma once

#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja_cli {

/// Exit codes of every subcommand (docs/cli.md).
enum ExitCode : int {
  exit_ok = 0,            ///< success
  exit_invalid_data = 1,  ///< the data is invalid; problems on stderr
  exit_usage = 2,         ///< bad command line
};

/// A command-line mistake: printed with the usage hint, exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An option a subcommand accepts.
struct OptionSpec {
  std::string name;       ///< without dashes: "max-problems"
  bool takes_value;       ///< "--name VALUE" / "--name=VALUE"
  std::string help;       ///< one line
  std::string value_name; ///< shown in help: "N"
};

/// Parsed arguments of one subcommand.
struct Arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> values;  ///< options with values, in order given
  std::map<std::string, int> flags;                        ///< options without values, with their count

  bool has(const std::string& name) const { return values.count(name) != 0 || flags.count(name) != 0; }
  /// The last value given for an option, or `fallback`.
  std::string value_or(const std::string& name, const std::string& fallback) const {
    auto it = values.find(name);
    return it == values.end() ? fallback : it->second.back();
  }
  /// Every value given for a repeatable option.
  std::vector<std::string> all(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
  }
  /// A non-negative integer option; throws UsageError when malformed.
  std::size_t size_or(const std::string& name, std::size_t fallback) const;
};

/// Parses `args` against `options`; "--help"/"-h" sets the "help" flag. Throws UsageError.
Arguments parse_arguments(const std::vector<std::string>& args, const std::vector<OptionSpec>& options);

/// Where a subcommand writes: stdout for results, stderr for problems and progress.
struct Streams {
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  std::string_view name;
  std::string_view summary;               ///< one line for `kinerja --help`
  std::string_view usage;                 ///< "kinerja validate DIR [options]"
  std::string_view description;           ///< paragraph for `kinerja NAME --help`
  std::vector<OptionSpec> options;
  int (*run)(const Arguments& args, Streams& io);
};

/// Prints the help of one command.
void print_command_help(const Command& command, std::ostream& out);

/// All subcommands, in help order.
const std::vector<Command>& commands();

/// Entry point used by main(): dispatches, maps exceptions to exit codes. Never throws.
int run_cli(const std::vector<std::string>& args, Streams& io);

// Subcommands (one file each).
Command validate_command();
Command score_command();
Command rules_command();
Command distribution_command();
Command ikm_command();
Command calibrate_command();
Command trend_command();
Command generate_command();
Command snapshot_command();

}  // namespace kinerja_cli
