#include "cli/cli.hpp"

#include <iomanip>
#include <new>

#include "kinerja/kinerja.hpp"

namespace kinerja_cli {

std::size_t Arguments::size_or(const std::string& name, std::size_t fallback) const {
  auto it = values.find(name);
  if (it == values.end()) return fallback;
  const std::string& v = it->second.back();
  if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos) {
    throw UsageError("--" + name + " needs a non-negative integer, got '" + v + "'");
  }
  return static_cast<std::size_t>(std::stoull(v));
}

Arguments parse_arguments(const std::vector<std::string>& args, const std::vector<OptionSpec>& options) {
  Arguments out;
  bool only_positional = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_positional || a.size() < 2 || a[0] != '-' ) {
      out.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    if (a == "-h" || a == "--help") {
      ++out.flags["help"];
      continue;
    }
    if (a.rfind("--", 0) != 0) throw UsageError("unknown option '" + a + "'");
    std::string name = a.substr(2);
    std::string value;
    bool inline_value = false;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inline_value = true;
    }
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& o : options) {
      if (o.name == name) spec = &o;
    }
    if (spec == nullptr) throw UsageError("unknown option '--" + name + "'");
    if (spec->takes_value) {
      if (!inline_value) {
        if (i + 1 >= args.size()) throw UsageError("option '--" + name + "' needs a value");
        value = args[++i];
      }
      out.values[name].push_back(value);
    } else {
      if (inline_value) throw UsageError("option '--" + name + "' takes no value");
      ++out.flags[name];
    }
  }
  return out;
}

void print_command_help(const Command& command, std::ostream& out) {
  out << "usage: " << command.usage << "\n\n" << command.description << "\n";
  out << "\noptions:\n";
  for (const OptionSpec& o : command.options) {
    std::string left = "--" + o.name + (o.takes_value ? " " + o.value_name : "");
    out << "  " << std::left << std::setw(24) << left << o.help << "\n";
  }
  out << "  " << std::left << std::setw(24) << "-h, --help" << "show this help\n";
  out << "\nexit status: 0 success, 1 invalid data (problems on stderr), 2 usage error\n";
}

namespace {

void print_main_help(std::ostream& out) {
  out << "kinerja " << kinerja::version_string()
      << ": performance management engine for Indonesian civil servants (ASN)\n\n"
      << "usage: kinerja COMMAND [ARGS]...\n\ncommands:\n";
  for (const Command& c : commands()) {
    out << "  " << std::left << std::setw(12) << c.name << c.summary << "\n";
  }
  out << "  " << std::left << std::setw(12) << "version" << "print the version\n";
  out << "\nRun 'kinerja COMMAND --help' for the options of a command.\n"
      << "A dataset is a folder of CSV files; see docs/dataset-format.md.\n";
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {validate_command(),  score_command(), distribution_command(),
                                            calibrate_command(), trend_command(), ikm_command(),
                                            rules_command(),    snapshot_command(), generate_command()};
  return all;
}

int run_cli(const std::vector<std::string>& args, Streams& io) {
  try {
    if (args.empty()) {
      print_main_help(io.err);
      return exit_usage;
    }
    const std::string& name = args[0];
    if (name == "-h" || name == "--help" || name == "help") {
      if (args.size() > 1) {
        for (const Command& c : commands()) {
          if (c.name == args[1]) {
            print_command_help(c, io.out);
            return exit_ok;
          }
        }
        throw UsageError("unknown command '" + args[1] + "'");
      }
      print_main_help(io.out);
      return exit_ok;
    }
    if (name == "--version" || name == "version") {
      io.out << "kinerja " << kinerja::version_string() << "\n";
      return exit_ok;
    }
    for (const Command& c : commands()) {
      if (c.name != name) continue;
      const Arguments parsed = parse_arguments({args.begin() + 1, args.end()}, c.options);
      if (parsed.has("help")) {
        print_command_help(c, io.out);
        return exit_ok;
      }
      return c.run(parsed, io);
    }
    throw UsageError("unknown command '" + name + "'");
  } catch (const UsageError& e) {
    io.err << "kinerja: " << e.what() << "\nTry 'kinerja --help'.\n";
    return exit_usage;
  } catch (const kinerja::error& e) {
    io.err << "kinerja: " << e.what() << "\n";
    return e.code() == kinerja::errc::InvalidArgument || e.code() == kinerja::errc::NotFound ? exit_usage
                                                                                              : exit_invalid_data;
  } catch (const std::bad_alloc&) {
    io.err << "kinerja: out of memory\n";
    return exit_invalid_data;
  } catch (const std::exception& e) {
    io.err << "kinerja: internal error: " << e.what() << "\n";
    return exit_invalid_data;
  }
}

}  // namespace kinerja_cli
