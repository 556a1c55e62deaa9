// The library's versions, status texts and contexts.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "support.hpp"

TEST_SUITE("capi") {
  TEST_CASE("the library's version is the header's") {
    CHECK(kin_version_number() == KIN_VERSION_NUMBER);
    CHECK(std::string(kin_version_string()) == KIN_VERSION_STRING);
    CHECK(kin_abi_version() == KIN_ABI_VERSION);
    CHECK(KIN_VERSION_NUMBER == KIN_VERSION_MAJOR * 10000 + KIN_VERSION_MINOR * 100 + KIN_VERSION_PATCH);
    CHECK(KIN_VERSION_AT_LEAST(0, 1, 0));
    CHECK_FALSE(KIN_VERSION_AT_LEAST(99, 0, 0));
  }

  TEST_CASE("every status has a text of its own") {
    const int codes[] = {KIN_OK,       KIN_ERROR,    KIN_EINVAL,  KIN_ENOMEM,    KIN_ERANGE, KIN_ENOTFOUND, KIN_EBUFS,
                         KIN_EFORMAT, KIN_EVERSION, KIN_ESTATE, KIN_EINTERNAL, KIN_EDATA,  KIN_EIO};
    for (int a : codes) {
      CAPTURE(a);
      CHECK(std::strcmp(kin_status_string(a), "unknown status") != 0);
      for (int b : codes) {
        if (a != b) CHECK(std::strcmp(kin_status_string(a), kin_status_string(b)) != 0);
      }
    }
    CHECK(std::string(kin_status_string(-99)) == "unknown status");
    CHECK(std::string(kin_status_string(KIN_EINVAL)) == "invalid argument");
  }

  TEST_CASE("a context keeps the last error until the next call") {
    kin_context* ctx = nullptr;
    REQUIRE(kin_context_new(&ctx) == KIN_OK);
    REQUIRE(ctx != nullptr);
    CHECK(std::string(kin_context_last_error(ctx)).empty());
    CHECK(kin_context_last_status(ctx) == KIN_OK);
    kin_rules* rules = nullptr;
    CHECK(kin_rules_new(ctx, &rules, "no-such-pack") == KIN_ENOTFOUND);
    CHECK(rules == nullptr);
    CHECK(kin_context_last_status(ctx) == KIN_ENOTFOUND);
    CHECK(std::string(kin_context_last_error(ctx)).find("no-such-pack") != std::string::npos);
    CHECK(kin_rules_for_year(ctx, &rules, 2025) == KIN_OK);
    CHECK(std::string(kin_context_last_error(ctx)).empty());
    CHECK(kin_context_last_status(ctx) == KIN_OK);
    kin_rules_free(rules);
    kin_context_free(ctx);
  }

  TEST_CASE("NULL contexts and handles give KIN_EINVAL and frees accept NULL") {
    CHECK(kin_context_new(nullptr) == KIN_EINVAL);
    CHECK(std::string(kin_context_last_error(nullptr)).size() > 0);
    CHECK(kin_context_last_status(nullptr) == KIN_EINVAL);
    CHECK(kin_context_set_threads(nullptr, 2) == KIN_EINVAL);
    kin_rules* rules = nullptr;
    CHECK(kin_rules_for_year(nullptr, &rules, 2025) == KIN_EINVAL);
    CHECK(rules == nullptr);
    kin_context_free(nullptr);
    kin_dataset_free(nullptr);
    kin_dataset_builder_free(nullptr);
    kin_diagnostics_free(nullptr);
    kin_rules_free(nullptr);
    kin_result_free(nullptr);
  }

  TEST_CASE("the thread count of a context does not change results") {
    capi_test::Context ctx;
    capi_test::Dataset d;
    capi_test::load_sample(ctx, d);
    REQUIRE(d != nullptr);
    capi_test::Result one, many;
    REQUIRE(kin_context_set_threads(ctx, 1) == KIN_OK);
    REQUIRE(kin_trend(ctx, one.out(), d, KIN_TREND_UNIT, "2024-01", "2025-12", nullptr) == KIN_OK);
    REQUIRE(kin_context_set_threads(ctx, 3) == KIN_OK);
    REQUIRE(kin_trend(ctx, many.out(), d, KIN_TREND_UNIT, "2024-01", "2025-12", nullptr) == KIN_OK);
    const size_t column = capi_test::column_index(ctx, one, 0, "sen_slope");
    const auto a = capi_test::numbers(ctx, one, 0, column), b = capi_test::numbers(ctx, many, 0, column);
    REQUIRE(a.size() > 10);
    CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
  }
}
