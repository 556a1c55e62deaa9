#include <doctest/doctest.h>

#include <cmath>

#include "kinerja/error.hpp"
#include "kinerja/rules.hpp"

using kinerja::RulePack;

TEST_SUITE("scoring") {
  TEST_CASE("the three built-in rule packs and their regimes") {
    CHECK(RulePack::builtin_names().size() == 3);
    for (const std::string& name : RulePack::builtin_names()) {
      const RulePack p = RulePack::builtin(name);
      CHECK(p.name() == name);
      CHECK(p.version() >= 1);
      CHECK_FALSE(p.modified());
      CHECK(kinerja::to_string(p.rule_set()) == name);
      CHECK_FALSE(p.settings().empty());
    }
    CHECK(RulePack::for_year(2025).rule_set() == kinerja::RuleSet::PermenPanRb6_2022);
    CHECK(RulePack::for_year(2021).rule_set() == kinerja::RuleSet::PermenPanRb8_2021);
    CHECK(RulePack::for_year(2019).rule_set() == kinerja::RuleSet::Pp46_2011);
    try {
      RulePack::builtin("permenpanrb-99-2030");
      FAIL("expected an error");
    } catch (const kinerja::error& e) {
      CHECK(e.code() == kinerja::errc::NotFound);
      CHECK(std::string(e.what()).find("permenpanrb-6-2022") != std::string::npos);
    }
  }

  TEST_CASE("settings are checked when set and turn into typed policies") {
    RulePack p = RulePack::builtin("permenpanrb-6-2022");
    CHECK(p.get("achievement.cap") == "120");
    CHECK(p.achievement_policy().cap == 120.0);
    p.set("achievement.cap", "none");
    CHECK(std::isinf(p.achievement_policy().cap));
    p.set("achievement.cap", "110.5");
    CHECK(p.achievement_policy().cap == 110.5);
    p.set("achievement.minimize", "target_over_realization");
    CHECK(p.achievement_policy().minimize == kinerja::MinimizeFormula::TargetOverRealization);
    CHECK(p.modified());
    CHECK(p.label() == "permenpanrb-6-2022@1+modified");
    CHECK_THROWS_AS(p.set("achievement.cap", "-5"), kinerja::error);
    CHECK_THROWS_AS(p.set("achievement.cap", "abc"), kinerja::error);
    CHECK_THROWS_AS(p.set("achievement.minimize", "t/r"), kinerja::error);
    CHECK_THROWS_AS(p.set("no.such.key", "1"), kinerja::error);
    CHECK_THROWS_AS(p.set("suggestion.above_at_least", "none"), kinerja::error);  // a threshold, never absent
    p.set("suggestion.above_at_least", "105");
    CHECK_THROWS_AS(p.set("nilai_iki.gap", "error"), kinerja::error);  // a setting of 8/2021 only
    try {
      p.set("distribution.rounding", "ceil");
    } catch (const kinerja::error& e) {
      CHECK(e.code() == kinerja::errc::InvalidArgument);
      CHECK(std::string(e.what()).find("exact | round_half_up | lenient") != std::string::npos);
    }
  }

  TEST_CASE("every setting shows its value, default, allowed values and description") {
    const RulePack p = RulePack::builtin("permenpanrb-8-2021");
    bool found_gap = false;
    for (const auto& s : p.settings()) {
      CHECK_FALSE(s.description.empty());
      CHECK_FALSE(s.allowed.empty());
      CHECK(s.value == s.default_value);
      if (s.key == "nilai_iki.gap") found_gap = true;
    }
    CHECK(found_gap);
    CHECK(RulePack::builtin("pp-46-2011").get("achievement.cap") == "none");
  }
}
