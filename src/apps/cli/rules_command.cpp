// kinerja rules show NAME|FILE: every setting of a rule pack.
#include <iomanip>

#include "cli/common.hpp"

namespace kinerja_cli {
namespace {

int run_rules(const Arguments& args, Streams& io) {
  if (args.positional.empty()) throw UsageError("rules needs a subcommand: show or list");
  const std::string& sub = args.positional[0];
  if (sub == "list") {
    if (args.positional.size() != 1) throw UsageError("rules list takes no argument");
    for (const std::string& name : kinerja::RulePack::builtin_names()) io.out << name << "\n";
    return exit_ok;
  }
  if (sub != "show") throw UsageError("unknown rules subcommand '" + sub + "' (show, list)");
  if (args.positional.size() != 2) throw UsageError("rules show needs one rule pack name or rules file");
  kinerja::RulePack pack = kinerja::RulePack::builtin("permenpanrb-6-2022");
  try {
    pack = kinerja::load_rule_pack(args.positional[1]);
  } catch (const kinerja::error& e) {
    throw UsageError(e.what());
  }
  apply_settings(args, pack);
  io.out << "# rule pack " << pack.label() << " (" << kinerja::to_string(pack.rule_set()) << ")\n";
  io.out << "# a rules file: these lines, edited; see docs/scoring.md\n";
  io.out << "base = " << pack.name() << "\n";
  for (const kinerja::RuleSetting& s : pack.settings()) {
    io.out << "\n# " << s.description << "\n# allowed: " << s.allowed;
    if (s.value != s.default_value) io.out << " (default " << s.default_value << ")";
    io.out << "\n" << s.key << " = " << s.value << "\n";
  }
  return exit_ok;
}

}  // namespace

Command rules_command() {
  return Command{
      "rules",
      "list the built-in rule packs, or show every setting of one",
      "kinerja rules list | kinerja rules show NAME|FILE [--set KEY=VALUE]...",
      "'rules show' prints every setting of a rule pack with its value, the allowed values and the\n"
      "regulation it comes from, in the rules-file format: save it, edit it, and pass it with\n"
      "--rules FILE.",
      {{"set", true, "change one setting before showing (repeatable)", "KEY=VALUE"}},
      run_rules,
  };
}

}  // namespace kinerja_cli
