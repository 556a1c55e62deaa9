// The analyses of a dataset through the C API: every one gives the tables of its output files.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

std::vector<std::string> table_names(const kin_result* r) {
  std::vector<std::string> names;
  for (size_t k = 0; k < kin_result_table_count(r); ++k) names.emplace_back(kin_result_table_name(r, k));
  return names;
}

}  // namespace

TEST_SUITE("capi") {
  TEST_CASE("score gives the three score tables of the sample") {
    capi_test::Context ctx;
    capi_test::Dataset d;
    capi_test::load_sample(ctx, d);
    REQUIRE(d != nullptr);
    capi_test::Result r;
    REQUIRE(kin_score(ctx, r.out(), d, 2025, nullptr) == KIN_OK);
    CHECK(table_names(r) == std::vector<std::string>{"indicator_scores", "employee_scores", "unit_scores"});
    CHECK(kin_result_rows(r, 1) == 322);
    CHECK(kin_result_rows(r, 2) == 55);
    // An explicit pack gives the same as the default for the year.
    capi_test::Rules rules;
    REQUIRE(kin_rules_for_year(ctx, rules.out(), 2025) == KIN_OK);
    capi_test::Result again;
    REQUIRE(kin_score(ctx, again.out(), d, 2025, rules) == KIN_OK);
    const size_t c = capi_test::column_index(ctx, r, 1, "result_score");
    CHECK(capi_test::numbers(ctx, r, 1, c).size() == 322);
    const auto a = capi_test::numbers(ctx, r, 1, c), b = capi_test::numbers(ctx, again, 1, c);
    for (size_t k = 0; k < a.size(); ++k) CHECK(((std::isnan(a[k]) && std::isnan(b[k])) || a[k] == b[k]));
    // Errors.
    CHECK(kin_score(ctx, r.out(), d, 0, nullptr) == KIN_ERANGE);
    CHECK(r == nullptr);
    CHECK(kin_score(ctx, r.out(), nullptr, 2025, nullptr) == KIN_EINVAL);
    CHECK(kin_score(ctx, nullptr, d, 2025, nullptr) == KIN_EINVAL);
  }

  TEST_CASE("distribution and calibrate and ikm and trend give their tables") {
    capi_test::Context ctx;
    capi_test::Dataset d;
    capi_test::load_sample(ctx, d);
    REQUIRE(d != nullptr);
    capi_test::Result r;
    REQUIRE(kin_distribution(ctx, r.out(), d, "2025", nullptr, 0) == KIN_OK);
    CHECK(table_names(r) == std::vector<std::string>{"distribution_check", "distribution_suggestions"});
    CHECK(kin_result_rows(r, 0) > 0);
    REQUIRE(kin_distribution(ctx, r.out(), d, "2025", nullptr, 1) == KIN_OK);
    CHECK(kin_result_rows(r, 0) > 0);
    REQUIRE(kin_calibrate(ctx, r.out(), d, "2025", nullptr) == KIN_OK);
    CHECK(table_names(r) == std::vector<std::string>{"rater_effects", "ratee_scores", "reliability", "rater_flags"});
    CHECK(kin_result_rows(r, 1) > 300);
    REQUIRE(kin_ikm(ctx, r.out(), d, "2025", nullptr) == KIN_OK);
    CHECK(table_names(r) == std::vector<std::string>{"ikm"});
    CHECK(kin_result_rows(r, 0) > 0);
    REQUIRE(kin_trend(ctx, r.out(), d, KIN_TREND_INDICATOR, nullptr, "2025-10", nullptr) == KIN_OK);
    CHECK(table_names(r) == std::vector<std::string>{"trends"});
    const size_t status = capi_test::column_index(ctx, r, 0, "projection_status");
    REQUIRE(status != static_cast<size_t>(-1));
    CHECK(kin_result_column_type(r, 0, status) == KIN_COLUMN_TEXT);
    size_t projected = 0;
    for (size_t row = 0; row < kin_result_rows(r, 0); ++row) projected += kin_result_text(r, 0, status, row) != nullptr;
    CHECK(projected > 100);
    for (int level : {KIN_TREND_EMPLOYEE, KIN_TREND_UNIT, KIN_TREND_PREDIKAT}) {
      CAPTURE(level);
      REQUIRE(kin_trend(ctx, r.out(), d, level, "2023-01", "2025-12", nullptr) == KIN_OK);
      CHECK(kin_result_rows(r, 0) > 10);
    }
  }

  TEST_CASE("analysis errors: periods and levels and regimes") {
    capi_test::Context ctx;
    capi_test::Dataset d;
    capi_test::load_sample(ctx, d);
    REQUIRE(d != nullptr);
    capi_test::Result r;
    CHECK(kin_distribution(ctx, r.out(), d, "2025-13", nullptr, 0) == KIN_EFORMAT);
    CHECK(ctx.error().find("2025-13") != std::string::npos);
    CHECK(kin_distribution(ctx, r.out(), d, nullptr, nullptr, 0) == KIN_EINVAL);
    capi_test::Rules old;
    REQUIRE(kin_rules_new(ctx, old.out(), "pp-46-2011") == KIN_OK);
    CHECK(kin_distribution(ctx, r.out(), d, "2025", old, 0) == KIN_EINVAL);
    CHECK(kin_calibrate(ctx, r.out(), d, "soon", nullptr) == KIN_EFORMAT);
    CHECK(kin_calibrate(ctx, r.out(), nullptr, "2025", nullptr) == KIN_EINVAL);
    CHECK(kin_ikm(ctx, r.out(), d, "", nullptr) == KIN_EFORMAT);
    CHECK(kin_ikm(ctx, nullptr, d, "2025", nullptr) == KIN_EINVAL);
    CHECK(kin_trend(ctx, r.out(), d, 0, nullptr, nullptr, nullptr) == KIN_EINVAL);
    CHECK(kin_trend(ctx, r.out(), d, KIN_TREND_UNIT, "2025-12", "2025-01", nullptr) == KIN_EINVAL);
    CHECK(kin_trend(ctx, r.out(), d, KIN_TREND_UNIT, "x", nullptr, nullptr) == KIN_EFORMAT);
    CHECK(kin_trend(ctx, r.out(), nullptr, KIN_TREND_UNIT, nullptr, nullptr, nullptr) == KIN_EINVAL);
    CHECK(r == nullptr);
  }

  TEST_CASE("feedback outside the scale of the pack gives KIN_EDATA naming the file and line") {
    capi_test::Context ctx;
    capi_test::Dataset d;
    capi_test::load_sample(ctx, d);
    REQUIRE(d != nullptr);
    capi_test::Rules rules;
    REQUIRE(kin_rules_for_year(ctx, rules.out(), 2025) == KIN_OK);
    REQUIRE(kin_rules_set(ctx, rules, "feedback.scale_max", "50") == KIN_OK);
    capi_test::Result r;
    CHECK(kin_calibrate(ctx, r.out(), d, "2025", rules) == KIN_EDATA);
    CHECK(r == nullptr);
    CHECK(ctx.error().find("feedback.csv:") != std::string::npos);
    CHECK(ctx.error().find("outside the scale") != std::string::npos);
  }

  TEST_CASE("trend without realisations needs both periods") {
    capi_test::Context ctx;
    capi_test::Builder b;
    REQUIRE(kin_dataset_builder_new(ctx, b.out()) == KIN_OK);
    const char* cols[] = {"unit_id", "name"};
    const char* row[] = {"U1", "Dinas"};
    REQUIRE(kin_dataset_builder_set_columns(ctx, b, "units", cols, 2) == KIN_OK);
    REQUIRE(kin_dataset_builder_add_row(ctx, b, "units", row, 2) == KIN_OK);
    const char* emp_cols[] = {"nip", "name", "unit_id", "status"};
    const char* emp[] = {"198503152010011003", "Siti", "U1", "pns"};
    REQUIRE(kin_dataset_builder_set_columns(ctx, b, "employees", emp_cols, 4) == KIN_OK);
    REQUIRE(kin_dataset_builder_add_row(ctx, b, "employees", emp, 4) == KIN_OK);
    capi_test::Dataset d;
    REQUIRE(kin_dataset_builder_build(ctx, d.out(), nullptr, b) == KIN_OK);
    capi_test::Result r;
    CHECK(kin_trend(ctx, r.out(), d, KIN_TREND_UNIT, nullptr, nullptr, nullptr) == KIN_EINVAL);
    CHECK(ctx.error().find("from and to") != std::string::npos);
    REQUIRE(kin_trend(ctx, r.out(), d, KIN_TREND_UNIT, "2025-01", "2025-12", nullptr) == KIN_OK);
    CHECK(kin_result_rows(r, 0) == 0);
  }

  TEST_CASE("calibrating a period without feedback gives empty tables and a reliability status") {
    capi_test::Context ctx;
    capi_test::Dataset d;
    capi_test::load_sample(ctx, d);
    REQUIRE(d != nullptr);
    capi_test::Result r;
    REQUIRE(kin_calibrate(ctx, r.out(), d, "2019", nullptr) == KIN_OK);
    REQUIRE(kin_result_table_count(r) == 4);
    CHECK(kin_result_rows(r, 0) == 0);
    CHECK(kin_result_rows(r, 1) == 0);
    CHECK(kin_result_rows(r, 3) == 0);
    const size_t status = capi_test::column_index(ctx, r, 2, "status");
    REQUIRE(kin_result_rows(r, 2) > 0);
    REQUIRE(kin_result_text(r, 2, status, 0) != nullptr);
    CHECK(std::string(kin_result_text(r, 2, status, 0)) != "ok");
  }

}
