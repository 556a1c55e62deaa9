// Reading result tables through the C API.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

struct Scored {
  capi_test::Context ctx;
  capi_test::Dataset d;
  capi_test::Result r;
  size_t employees = 0;
  Scored() {
    capi_test::load_sample(ctx, d);
    kin_score(ctx, r.out(), d, 2025, nullptr);
    employees = capi_test::table_index(ctx, r, "employee_scores");
  }
};

}  // namespace

TEST_SUITE("capi") {
  TEST_CASE("tables and columns are found by name and index") {
    Scored s;
    REQUIRE(s.r != nullptr);
    CHECK(kin_result_table_count(s.r) == 3);
    CHECK(kin_result_table_count(nullptr) == 0);
    CHECK(s.employees == 1);
    CHECK(kin_result_table_name(s.r, 3) == nullptr);
    size_t at = 99;
    CHECK(kin_result_find_table(s.ctx, &at, s.r, "no_table") == KIN_ENOTFOUND);
    CHECK(kin_result_find_table(s.ctx, nullptr, s.r, "unit_scores") == KIN_EINVAL);
    CHECK(kin_result_find_table(s.ctx, &at, nullptr, "unit_scores") == KIN_EINVAL);
    CHECK(kin_result_find_table(s.ctx, &at, s.r, nullptr) == KIN_EINVAL);
    const size_t columns = kin_result_columns(s.r, s.employees);
    REQUIRE(columns == 12);
    CHECK(std::string(kin_result_column_name(s.r, s.employees, 0)) == "nip");
    CHECK(kin_result_column_name(s.r, s.employees, columns) == nullptr);
    CHECK(kin_result_column_name(s.r, 7, 0) == nullptr);
    CHECK(kin_result_columns(s.r, 7) == 0);
    CHECK(kin_result_rows(s.r, 7) == 0);
    CHECK(kin_result_column_type(s.r, s.employees, 0) == KIN_COLUMN_TEXT);
    CHECK(kin_result_column_type(s.r, s.employees, 1) == KIN_COLUMN_INTEGER);
    CHECK(kin_result_column_type(s.r, s.employees, 3) == KIN_COLUMN_NUMBER);
    CHECK(kin_result_column_type(s.r, s.employees, columns) == 0);
    CHECK(kin_result_find_column(s.ctx, &at, s.r, s.employees, "predikat") == KIN_OK);
    CHECK(at == 8);
    CHECK(kin_result_find_column(s.ctx, &at, s.r, s.employees, "nothing") == KIN_ENOTFOUND);
    CHECK(kin_result_find_column(s.ctx, &at, s.r, 9, "nip") == KIN_ERANGE);
    CHECK(kin_result_find_column(s.ctx, &at, nullptr, 0, "nip") == KIN_EINVAL);
  }

  TEST_CASE("numbers and integers and presence are copied into caller buffers") {
    Scored s;
    const size_t rows = kin_result_rows(s.r, s.employees);
    std::vector<double> score(rows);
    size_t needed = 0;
    CHECK(kin_result_numbers(s.ctx, nullptr, 0, &needed, s.r, s.employees, 3) == KIN_EBUFS);
    CHECK(needed == rows);
    REQUIRE(kin_result_numbers(s.ctx, score.data(), rows, &needed, s.r, s.employees, 3) == KIN_OK);
    size_t scored = 0;
    for (double v : score) scored += std::isnan(v) ? 0U : 1U;
    CHECK(scored > 300);
    // Integer columns read as integers and as numbers.
    std::vector<int64_t> year(rows);
    REQUIRE(kin_result_integers(s.ctx, year.data(), rows, nullptr, s.r, s.employees, 1) == KIN_OK);
    CHECK(year.front() == 2025);
    std::vector<double> year_number(rows);
    REQUIRE(kin_result_numbers(s.ctx, year_number.data(), rows, nullptr, s.r, s.employees, 1) == KIN_OK);
    CHECK(year_number.back() == 2025.0);
    // Presence follows NaN in number columns; 6/2022 has no final score.
    std::vector<uint8_t> present(rows);
    REQUIRE(kin_result_present(s.ctx, present.data(), rows, nullptr, s.r, s.employees, 5) == KIN_OK);
    for (uint8_t p : present) CHECK(p == 0);
    REQUIRE(kin_result_present(s.ctx, present.data(), rows, nullptr, s.r, s.employees, 3) == KIN_OK);
    for (size_t k = 0; k < rows; ++k) CHECK(present[k] == (std::isnan(score[k]) ? 0 : 1));
    // Wrong types, ranges and arguments.
    CHECK(kin_result_numbers(s.ctx, score.data(), rows, nullptr, s.r, s.employees, 0) == KIN_ESTATE);
    CHECK(kin_result_integers(s.ctx, year.data(), rows, nullptr, s.r, s.employees, 3) == KIN_ESTATE);
    CHECK(kin_result_numbers(s.ctx, score.data(), rows, nullptr, s.r, s.employees, 99) == KIN_ERANGE);
    CHECK(kin_result_numbers(s.ctx, score.data(), rows, nullptr, s.r, 9, 0) == KIN_ERANGE);
    CHECK(kin_result_present(s.ctx, present.data(), rows - 1, nullptr, s.r, s.employees, 0) == KIN_EBUFS);
    CHECK(kin_result_numbers(s.ctx, nullptr, rows, nullptr, s.r, s.employees, 3) == KIN_EINVAL);
    CHECK(kin_result_integers(s.ctx, year.data(), rows, nullptr, nullptr, 0, 0) == KIN_EINVAL);
  }

  TEST_CASE("text cells one by one and a whole text column at once") {
    Scored s;
    const size_t rows = kin_result_rows(s.r, s.employees);
    const char* first = kin_result_text(s.r, s.employees, 0, 0);
    REQUIRE(first != nullptr);
    CHECK(std::string(first).size() == 18);  // a NIP
    CHECK(kin_result_text(s.r, s.employees, 3, 0) == nullptr);     // a number column
    CHECK(kin_result_text(s.r, s.employees, 0, rows) == nullptr);  // past the last row
    CHECK(kin_result_text(nullptr, 0, 0, 0) == nullptr);
    size_t bytes = 0, offsets = 0;
    CHECK(kin_result_texts(s.ctx, nullptr, 0, &bytes, nullptr, 0, &offsets, s.r, s.employees, 0) == KIN_EBUFS);
    CHECK(bytes == 18 * rows);
    CHECK(offsets == rows + 1);
    std::vector<char> text(bytes);
    std::vector<uint64_t> at(offsets);
    REQUIRE(kin_result_texts(s.ctx, text.data(), bytes, nullptr, at.data(), offsets, nullptr, s.r, s.employees, 0) ==
            KIN_OK);
    for (size_t k = 0; k < rows; ++k) {
      CHECK(std::string(text.data() + at[k], text.data() + at[k + 1]) == kin_result_text(s.r, s.employees, 0, k));
    }
    // A text column with null cells: predikat of unrated employees is empty.
    const size_t predikat = capi_test::column_index(s.ctx, s.r, s.employees, "predikat");
    REQUIRE(kin_result_texts(s.ctx, nullptr, 0, &bytes, nullptr, 0, &offsets, s.r, s.employees, predikat) == KIN_EBUFS);
    CHECK(kin_result_texts(s.ctx, text.data(), bytes, nullptr, at.data(), offsets, nullptr, s.r, s.employees, 3) ==
          KIN_ESTATE);
    CHECK(kin_result_texts(s.ctx, text.data(), bytes, nullptr, at.data(), 0, nullptr, s.r, s.employees, 0) ==
          KIN_EBUFS);
    CHECK(kin_result_texts(s.ctx, text.data(), 18 * rows, nullptr, nullptr, rows + 1, nullptr, s.r, s.employees, 0) ==
          KIN_EINVAL);
  }
}
