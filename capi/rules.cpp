// Rule packs.
#include <cstring>

#include "handle.hpp"
#include "kinerja/load.hpp"

using kinerja_capi::fail;
using kinerja_capi::guard;
using kinerja_capi::require;

namespace {

kin_rules* make_rules(kinerja::RulePack pack) {
  auto* rules = new kin_rules{std::move(pack), std::string()};
  rules->label = rules->pack.label();
  return rules;
}

}  // namespace

extern "C" {

int kin_rules_new(kin_context* ctx, kin_rules** out, const char* name_or_path) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    require(name_or_path, "name_or_path");
    *out = make_rules(kinerja::load_rule_pack(name_or_path));
  });
}

int kin_rules_for_year(kin_context* ctx, kin_rules** out, int year) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    if (year < 1 || year > 9999) fail(KIN_ERANGE, "year " + std::to_string(year) + " is outside 1..9999");
    *out = make_rules(kinerja::RulePack::for_year(year));
  });
}

void kin_rules_free(kin_rules* rules) { delete rules; }

int kin_rules_set(kin_context* ctx, kin_rules* rules, const char* key, const char* value) {
  return guard(ctx, [&] {
    require(rules, "rules");
    require(key, "key");
    require(value, "value");
    rules->pack.set(key, value);
    rules->label = rules->pack.label();
  });
}

int kin_rules_get(kin_context* ctx, char* buffer, size_t capacity, size_t* needed, const kin_rules* rules,
                  const char* key) {
  return guard(ctx, [&] {
    require(rules, "rules");
    require(key, "key");
    const std::string& value = rules->pack.get(key);
    kinerja_capi::fill_buffer(buffer, capacity, needed, value.size() + 1,
                              [&](char* out) { std::memcpy(out, value.c_str(), value.size() + 1); });
  });
}

const char* kin_rules_label(const kin_rules* rules) { return rules == nullptr ? nullptr : rules->label.c_str(); }

}  // extern "C"
