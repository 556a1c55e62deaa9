#include <doctest/doctest.h>

#include "kinerja/error.hpp"

TEST_SUITE("core") {
  TEST_CASE("a diagnostic prints as FILE:LINE:COLUMN: severity: message") {
    kinerja::Diagnostics diags;
    diags.error({"data/employees.csv", 12, 5}, "invalid NIP");
    diags.warning({"units.csv", 3, 0}, "odd");
    diags.error({"surveys.csv", 0, 0}, "required file is missing");
    REQUIRE(diags.items().size() == 3);
    CHECK(diags.items()[0].to_string() == "data/employees.csv:12:5: error: invalid NIP");
    CHECK(diags.items()[1].to_string() == "units.csv:3: warning: odd");
    CHECK(diags.items()[2].to_string() == "surveys.csv: error: required file is missing");
  }

  TEST_CASE("diagnostics keep the first problems up to the cap and count the rest") {
    kinerja::Diagnostics diags(3);
    for (int i = 0; i < 5; ++i) diags.error({"f.csv", static_cast<std::uint32_t>(i + 2), 1}, "bad");
    diags.warning({"f.csv", 9, 1}, "odd");
    CHECK(diags.items().size() == 3);
    CHECK(diags.error_count() == 5);
    CHECK(diags.warning_count() == 1);
    CHECK(diags.dropped() == 3);
    CHECK(diags.has_errors());
    CHECK(diags.items()[0].location.line == 2);
    CHECK(diags.items()[2].location.line == 4);
  }

  TEST_CASE("warnings alone do not make a dataset invalid") {
    kinerja::Diagnostics diags;
    diags.warning({"f.csv", 2, 1}, "odd");
    CHECK_FALSE(diags.has_errors());
    CHECK(diags.dropped() == 0);
  }

  TEST_CASE("kinerja::error carries a code, a location and the bare message") {
    const kinerja::error e(kinerja::errc::ParseError, {"a.csv", 4, 7}, "not a number");
    CHECK(e.code() == kinerja::errc::ParseError);
    CHECK(e.message() == "not a number");
    CHECK(std::string(e.what()) == "a.csv:4:7: not a number");
    CHECK(e.where().column == 7);
    const kinerja::error plain(kinerja::errc::Overflow, "too big");
    CHECK(std::string(plain.what()) == "too big");
    CHECK(kinerja::to_string(kinerja::errc::InvalidData) == "invalid_data");
    CHECK(static_cast<int>(kinerja::errc::InvalidArgument) == 1);
    CHECK(static_cast<int>(kinerja::errc::Internal) == 8);
  }
}
