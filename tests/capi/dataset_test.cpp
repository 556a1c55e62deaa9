// Loading datasets, building them from memory, and their diagnostics.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

// A small organisation given row by row: 2 units, 2 employees, one indicator with 3 months.
void fill_rows(kin_context* ctx, kin_dataset_builder* b) {
  const char* unit_cols[] = {"unit_id", "name", "parent_id"};
  REQUIRE(kin_dataset_builder_set_columns(ctx, b, "units", unit_cols, 3) == KIN_OK);
  const char* u1[] = {"U1", "Dinas, Pusat", nullptr};  // a comma in a field
  const char* u2[] = {"U2", "Bidang \"Satu\"", "U1"};   // quotes in a field
  REQUIRE(kin_dataset_builder_add_row(ctx, b, "units", u1, 3) == KIN_OK);
  REQUIRE(kin_dataset_builder_add_row(ctx, b, "units.csv", u2, 3) == KIN_OK);
  const char* emp_cols[] = {"nip", "name", "unit_id", "rater_nip", "status"};
  REQUIRE(kin_dataset_builder_set_columns(ctx, b, "employees", emp_cols, 5) == KIN_OK);
  const char* e1[] = {"198503152010011003", "Siti", "U1", nullptr, "pns"};
  const char* e2[] = {"199001152015032001", "Budi", "U2", "198503152010011003", "pns"};
  REQUIRE(kin_dataset_builder_add_row(ctx, b, "employees", e1, 5) == KIN_OK);
  REQUIRE(kin_dataset_builder_add_row(ctx, b, "employees", e2, 5) == KIN_OK);
}

// Indicators and realisations given column by column.
void fill_columns(kin_context* ctx, kin_dataset_builder* b) {
  const char* ids[] = {"I1"};
  const char* owner_type[] = {"employee"};
  const char* owner[] = {"199001152015032001"};
  const int64_t year[] = {2025};
  const char* name[] = {"Dokumen selesai"};
  const char* polarity[] = {"max"};
  const double target[] = {30};
  const char* accumulation[] = {"sum"};
  const char* kind[] = {"utama"};
  REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "indicators", "kind", kind, 1) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "indicators", "indicator_id", ids, 1) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "indicators", "owner_type", owner_type, 1) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "indicators", "owner_id", owner, 1) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_int64(ctx, b, "indicators", "year", year, 1) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "indicators", "name", name, 1) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "indicators", "polarity", polarity, 1) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_double(ctx, b, "indicators", "target", target, 1) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "indicators", "accumulation", accumulation, 1) == KIN_OK);
  const char* ind[] = {"I1", "I1", "I1"};
  const char* period[] = {"2025-01", "2025-02", "2025-03"};
  const double value[] = {10, 0.1 + 0.2, 14.7};  // 0.30000000000000004 must arrive exactly
  REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "realizations", "indicator_id", ind, 3) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "realizations", "period", period, 3) == KIN_OK);
  REQUIRE(kin_dataset_builder_set_column_double(ctx, b, "realizations", "value", value, 3) == KIN_OK);
}

}  // namespace

TEST_SUITE("capi") {
  TEST_CASE("the sample loads with its row counts") {
    capi_test::Context ctx;
    capi_test::Dataset d;
    capi_test::Diagnostics diags;
    REQUIRE(kin_dataset_load(ctx, d.out(), diags.out(), capi_test::sample_dir()) == KIN_OK);
    REQUIRE(d != nullptr);
    REQUIRE(diags != nullptr);
    CHECK(kin_diagnostics_errors(diags) == 0);
    CHECK(kin_dataset_rows(d, "employees") == 322);
    CHECK(kin_dataset_rows(d, "employees.csv") == 322);
    CHECK(kin_dataset_rows(d, "units") == 55);
    CHECK(kin_dataset_rows(d, "realizations") > 40000);
    CHECK(kin_dataset_rows(d, "surveys") > 0);
    CHECK(kin_dataset_rows(d, "nonsense") == 0);
    CHECK(kin_dataset_rows(nullptr, "units") == 0);
    CHECK(kin_dataset_rows(d, nullptr) == 0);
  }

  TEST_CASE("loading a missing folder or invalid data fails with the problem named") {
    capi_test::Context ctx;
    capi_test::Dataset d;
    capi_test::Diagnostics diags;
    CHECK(kin_dataset_load(ctx, d.out(), diags.out(), "/no/such/folder") == KIN_ENOTFOUND);
    CHECK(d == nullptr);
    CHECK(diags == nullptr);
    CHECK(ctx.error().find("/no/such/folder") != std::string::npos);
    CHECK(kin_dataset_load(ctx, d.out(), diags.out(), KIN_TEST_DATA_DIR "/invalid_references") == KIN_EDATA);
    CHECK(d == nullptr);
    REQUIRE(diags != nullptr);
    CHECK(kin_diagnostics_errors(diags) > 0);
    REQUIRE(kin_diagnostics_count(diags) > 0);
    const std::string first = kin_diagnostics_message(diags, 0);
    CHECK(first.find(".csv:") != std::string::npos);
    CHECK(kin_diagnostics_is_error(diags, 0) == 1);
    CHECK(kin_diagnostics_message(diags, kin_diagnostics_count(diags)) == nullptr);
    CHECK(kin_diagnostics_is_error(diags, kin_diagnostics_count(diags)) == 0);
    CHECK(kin_diagnostics_dropped(diags) == 0);
    CHECK(ctx.error().find("errors") != std::string::npos);
    // Without asking for the diagnostics.
    CHECK(kin_dataset_load(ctx, d.out(), nullptr, KIN_TEST_DATA_DIR "/invalid_references") == KIN_EDATA);
    CHECK(kin_dataset_load(ctx, nullptr, nullptr, capi_test::sample_dir()) == KIN_EINVAL);
    CHECK(kin_dataset_load(ctx, d.out(), nullptr, nullptr) == KIN_EINVAL);
    CHECK(kin_diagnostics_count(nullptr) == 0);
    CHECK(kin_diagnostics_errors(nullptr) == 0);
    CHECK(kin_diagnostics_dropped(nullptr) == 0);
    CHECK(kin_diagnostics_message(nullptr, 0) == nullptr);
  }

  TEST_CASE("a dataset built by rows and columns scores as its files would") {
    capi_test::Context ctx;
    capi_test::Builder b;
    REQUIRE(kin_dataset_builder_new(ctx, b.out()) == KIN_OK);
    fill_rows(ctx, b);
    fill_columns(ctx, b);
    capi_test::Dataset d;
    capi_test::Diagnostics diags;
    const int rc = kin_dataset_builder_build(ctx, d.out(), diags.out(), b);
    CAPTURE(ctx.error());
    REQUIRE(rc == KIN_OK);
    CHECK(kin_dataset_rows(d, "units") == 2);
    CHECK(kin_dataset_rows(d, "employees") == 2);
    CHECK(kin_dataset_rows(d, "indicators") == 1);
    CHECK(kin_dataset_rows(d, "realizations") == 3);
    capi_test::Result r;
    REQUIRE(kin_score(ctx, r.out(), d, 2025, nullptr) == KIN_OK);
    const size_t t = capi_test::table_index(ctx, r, "indicator_scores");
    const auto realization = capi_test::numbers(ctx, r, t, capi_test::column_index(ctx, r, t, "realization"));
    REQUIRE(realization.size() == 1);
    CHECK(realization[0] == 10 + (0.1 + 0.2) + 14.7);
    const auto achievement = capi_test::numbers(ctx, r, t, capi_test::column_index(ctx, r, t, "achievement"));
    CHECK(achievement[0] == doctest::Approx(100 * (10 + 0.3 + 14.7) / 30));
    // Unit names with a comma and quotes survive.
    CHECK(kin_dataset_rows(d, "units") == 2);
    // The builder can be built again.
    capi_test::Dataset again;
    CHECK(kin_dataset_builder_build(ctx, again.out(), nullptr, b) == KIN_OK);
  }

  TEST_CASE("builder errors: modes, counts, names and bad data with its location") {
    capi_test::Context ctx;
    capi_test::Builder b;
    REQUIRE(kin_dataset_builder_new(ctx, b.out()) == KIN_OK);
    const char* cols[] = {"unit_id", "name"};
    const char* dup[] = {"unit_id", "unit_id"};
    const char* empty[] = {"unit_id", ""};
    CHECK(kin_dataset_builder_set_columns(ctx, b, "units", dup, 2) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_columns(ctx, b, "units", empty, 2) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_columns(ctx, b, "units", cols, 0) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_columns(ctx, b, "people", cols, 2) == KIN_EINVAL);
    CHECK(ctx.error().find("people") != std::string::npos);
    const char* row[] = {"U1", "Dinas"};
    CHECK(kin_dataset_builder_add_row(ctx, b, "units", row, 2) == KIN_ESTATE);  // no columns yet
    REQUIRE(kin_dataset_builder_set_columns(ctx, b, "units", cols, 2) == KIN_OK);
    CHECK(kin_dataset_builder_add_row(ctx, b, "units", row, 1) == KIN_EINVAL);
    REQUIRE(kin_dataset_builder_add_row(ctx, b, "units", row, 2) == KIN_OK);
    CHECK(kin_dataset_builder_add_row(ctx, b, "people", row, 2) == KIN_EINVAL);
    const char* values[] = {"x"};
    CHECK(kin_dataset_builder_set_column_text(ctx, b, "units", "unit_id", values, 1) == KIN_ESTATE);
    CHECK(kin_dataset_builder_set_column_text(ctx, b, "people", "unit_id", values, 1) == KIN_EINVAL);
    REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "ratings", "nip", values, 1) == KIN_OK);
    CHECK(kin_dataset_builder_set_columns(ctx, b, "ratings", cols, 2) == KIN_ESTATE);
    const int64_t years[] = {2025};
    CHECK(kin_dataset_builder_set_column_int64(ctx, b, "units", "year", years, 1) == KIN_ESTATE);
    const double inf[] = {HUGE_VAL};
    CHECK(kin_dataset_builder_set_column_double(ctx, b, "realizations", "value", inf, 1) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_column_text(ctx, b, "realizations", "", values, 1) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_column_text(ctx, b, "realizations", "period", nullptr, 1) == KIN_EINVAL);
    // Columns of different lengths.
    const char* two[] = {"I1", "I2"};
    REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "realizations", "indicator_id", two, 2) == KIN_OK);
    REQUIRE(kin_dataset_builder_set_column_text(ctx, b, "realizations", "period", values, 1) == KIN_OK);
    capi_test::Dataset d;
    CHECK(kin_dataset_builder_build(ctx, d.out(), nullptr, b) == KIN_EINVAL);
    CHECK(ctx.error().find("realizations.csv") != std::string::npos);
    // NULL arguments.
    CHECK(kin_dataset_builder_new(ctx, nullptr) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_columns(ctx, nullptr, "units", cols, 2) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_columns(ctx, b, nullptr, cols, 2) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_columns(ctx, b, "units", nullptr, 2) == KIN_EINVAL);
    CHECK(kin_dataset_builder_add_row(ctx, nullptr, "units", row, 2) == KIN_EINVAL);
    CHECK(kin_dataset_builder_add_row(ctx, b, "units", nullptr, 2) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_column_int64(ctx, nullptr, "indicators", "year", nullptr, 0) == KIN_EINVAL);
    CHECK(kin_dataset_builder_set_column_double(ctx, b, "indicators", nullptr, nullptr, 0) == KIN_EINVAL);
    CHECK(kin_dataset_builder_build(ctx, nullptr, nullptr, b) == KIN_EINVAL);
    CHECK(kin_dataset_builder_build(ctx, d.out(), nullptr, nullptr) == KIN_EINVAL);
  }

  TEST_CASE("a built dataset with bad data names the table row and column") {
    capi_test::Context ctx;
    capi_test::Builder b;
    REQUIRE(kin_dataset_builder_new(ctx, b.out()) == KIN_OK);
    fill_rows(ctx, b);
    const char* emp_cols[] = {"nip", "name", "unit_id", "rater_nip", "status"};
    REQUIRE(kin_dataset_builder_set_columns(ctx, b, "employees", emp_cols, 5) == KIN_OK);
    const char* good[] = {"198503152010011003", "Siti", "U1", nullptr, "pns"};
    const char* bad[] = {"199001152015032001", "Budi", "U9", nullptr, "pns"};  // unknown unit
    REQUIRE(kin_dataset_builder_add_row(ctx, b, "employees", good, 5) == KIN_OK);
    REQUIRE(kin_dataset_builder_add_row(ctx, b, "employees", bad, 5) == KIN_OK);
    capi_test::Dataset d;
    capi_test::Diagnostics diags;
    CHECK(kin_dataset_builder_build(ctx, d.out(), diags.out(), b) == KIN_EDATA);
    CHECK(d == nullptr);
    REQUIRE(kin_diagnostics_count(diags) >= 1);
    const std::string message = kin_diagnostics_message(diags, 0);
    CAPTURE(message);
    CHECK(message.rfind("employees.csv:3:", 0) == 0);  // row 2 is line 3
    CHECK(message.find("U9") != std::string::npos);
  }
}
