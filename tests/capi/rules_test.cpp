// Rule packs through the C API.
#include <doctest/doctest.h>

#include <string>

#include "support.hpp"

TEST_SUITE("capi") {
  TEST_CASE("rule packs by name and by year with their labels") {
    capi_test::Context ctx;
    capi_test::Rules r;
    REQUIRE(kin_rules_new(ctx, r.out(), "permenpanrb-8-2021") == KIN_OK);
    CHECK(std::string(kin_rules_label(r)).find("permenpanrb-8-2021") == 0);
    REQUIRE(kin_rules_for_year(ctx, r.out(), 2019) == KIN_OK);
    CHECK(std::string(kin_rules_label(r)).find("pp-46-2011") == 0);
    REQUIRE(kin_rules_for_year(ctx, r.out(), 2025) == KIN_OK);
    CHECK(std::string(kin_rules_label(r)).find("permenpanrb-6-2022") == 0);
    CHECK(kin_rules_label(nullptr) == nullptr);
    CHECK(kin_rules_for_year(ctx, r.out(), 0) == KIN_ERANGE);
    CHECK(r == nullptr);
    CHECK(kin_rules_for_year(ctx, nullptr, 2025) == KIN_EINVAL);
    CHECK(kin_rules_new(ctx, r.out(), nullptr) == KIN_EINVAL);
    CHECK(kin_rules_new(ctx, nullptr, "pp-46-2011") == KIN_EINVAL);
    CHECK(kin_rules_new(ctx, r.out(), "/no/such/rules.txt") == KIN_ENOTFOUND);
  }

  TEST_CASE("a rules file with a bad line names its line") {
    capi_test::Context ctx;
    capi_test::Rules r;
    const int rc = kin_rules_new(ctx, r.out(), KIN_TEST_DATA_DIR "/rules/bad_value.txt");
    CHECK((rc == KIN_EINVAL || rc == KIN_EFORMAT));
    CHECK(r == nullptr);
    CHECK(ctx.error().find("bad_value.txt:") != std::string::npos);
  }

  TEST_CASE("settings are set and read back and checked") {
    capi_test::Context ctx;
    capi_test::Rules r;
    REQUIRE(kin_rules_for_year(ctx, r.out(), 2025) == KIN_OK);
    size_t needed = 0;
    CHECK(kin_rules_get(ctx, nullptr, 0, &needed, r, "projection.level") == KIN_EBUFS);
    CHECK(needed == 4);  // "0.9" and the NUL
    char small[2];
    CHECK(kin_rules_get(ctx, small, sizeof small, &needed, r, "projection.level") == KIN_EBUFS);
    char value[64];
    REQUIRE(kin_rules_get(ctx, value, sizeof value, &needed, r, "projection.level") == KIN_OK);
    CHECK(std::string(value) == "0.9");
    REQUIRE(kin_rules_set(ctx, r, "projection.level", "0.8") == KIN_OK);
    REQUIRE(kin_rules_get(ctx, value, sizeof value, nullptr, r, "projection.level") == KIN_OK);
    CHECK(std::string(value) == "0.8");
    CHECK(std::string(kin_rules_label(r)).find("modified") != std::string::npos);
    CHECK(kin_rules_set(ctx, r, "projection.level", "1.5") == KIN_EINVAL);
    CHECK(kin_rules_set(ctx, r, "no.such.setting", "1") == KIN_ENOTFOUND);
    CHECK(kin_rules_get(ctx, value, sizeof value, nullptr, r, "no.such.setting") == KIN_ENOTFOUND);
    CHECK(kin_rules_set(ctx, nullptr, "projection.level", "0.8") == KIN_EINVAL);
    CHECK(kin_rules_set(ctx, r, nullptr, "0.8") == KIN_EINVAL);
    CHECK(kin_rules_set(ctx, r, "projection.level", nullptr) == KIN_EINVAL);
    CHECK(kin_rules_get(ctx, value, sizeof value, nullptr, nullptr, "projection.level") == KIN_EINVAL);
    CHECK(kin_rules_get(ctx, value, sizeof value, nullptr, r, nullptr) == KIN_EINVAL);
  }
}
