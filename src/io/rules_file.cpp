// Rules files: a base pack and "key = value" overrides, one per line.
#include <fstream>
#include <set>

#include "core/text_util.hpp"
#include "io/text.hpp"
#include "kinerja/load.hpp"

namespace kinerja {
inline namespace v1 {

RulePack load_rules_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(errc::NotFound, "cannot read rules file '" + path + "'");
  RulePack pack = RulePack::builtin("permenpanrb-6-2022");
  bool any_setting = false;
  std::set<std::string> seen;
  std::string line;
  std::uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (const std::size_t bad = detail::find_invalid_utf8(line); bad != std::string::npos) {
      throw error(errc::ParseError, {path, number, static_cast<std::uint32_t>(bad + 1)}, "invalid UTF-8");
    }
    const std::size_t hash = line.find('#');
    const std::string_view content = detail::trim(std::string_view(line).substr(0, hash));
    if (content.empty()) continue;
    const std::size_t eq = content.find('=');
    const auto column_of = [&](std::string_view part) {
      return static_cast<std::uint32_t>(part.data() - line.data() + 1);
    };
    if (eq == std::string_view::npos) {
      throw error(errc::ParseError, {path, number, column_of(content)}, "expected 'key = value'");
    }
    const std::string_view key = detail::trim(content.substr(0, eq));
    const std::string_view value = detail::trim(content.substr(eq + 1));
    if (key.empty()) throw error(errc::ParseError, {path, number, column_of(content)}, "missing key before '='");
    if (!seen.insert(std::string(key)).second) {
      throw error(errc::InvalidArgument, {path, number, column_of(key)}, "'" + std::string(key) + "' is set twice");
    }
    try {
      if (key == "base") {
        if (any_setting) {
          throw error(errc::InvalidArgument, "'base' must come before the settings it changes");
        }
        pack = RulePack::builtin(value);
      } else {
        any_setting = true;
        pack.get(key);  // unknown keys are reported at the key
        try {
          pack.set(key, value);
        } catch (const error& e) {
          throw error(e.code(), {path, number, value.empty() ? column_of(key) : column_of(value)}, e.message());
        }
      }
    } catch (const error& e) {
      if (!e.where().file.empty()) throw;
      throw error(e.code(), {path, number, column_of(key == "base" ? value : key)}, e.message());
    }
  }
  return pack;
}

RulePack load_rule_pack(const std::string& name_or_path) {
  for (const std::string& name : RulePack::builtin_names()) {
    if (name == name_or_path) return RulePack::builtin(name);
  }
  std::ifstream probe(name_or_path);
  if (!probe) {
    std::string known;
    for (const std::string& n : RulePack::builtin_names()) known += (known.empty() ? "" : ", ") + n;
    throw error(errc::NotFound, "'" + name_or_path + "' is neither a built-in rule pack (" + known +
                                    ") nor a readable rules file");
  }
  return load_rules_file(name_or_path);
}

}  // namespace v1
}  // namespace kinerja
