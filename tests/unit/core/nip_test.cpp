// NIP vectors N1-N6 (docs/dataset-format.md, "NIP"), and the error positions the validator reports.
#include <doctest/doctest.h>

#include "kinerja/error.hpp"
#include "kinerja/nip.hpp"

using kinerja::check_nip;
using kinerja::Date;
using kinerja::EmploymentStatus;
using kinerja::Gender;

TEST_SUITE("core") {
  TEST_CASE("N1: PNS, born 1990-01-15, TMT CPNS 2015-03, female, sequence 001") {
    const auto c = check_nip("199001152015032001");
    REQUIRE(c.nip);
    CHECK(c.problem.empty());
    CHECK(c.nip->status == EmploymentStatus::Pns);
    CHECK(c.nip->birth_date == Date::from_ymd(1990, 1, 15));
    CHECK(c.nip->tmt_year == 2015);
    CHECK(c.nip->tmt_month == 3);
    CHECK(c.nip->gender == Gender::Female);
    CHECK(c.nip->sequence == 1);
    CHECK(c.nip->display() == "19900115 201503 2 001");
    CHECK(c.nip->to_integer() == 199001152015032001ULL);
    CHECK(c.warning.empty());
  }

  TEST_CASE("N2: PNS, born 1985-12-31, TMT CPNS 2010-01, male, sequence 002") {
    const auto c = check_nip("198512312010011002");
    REQUIRE(c.nip);
    CHECK(c.nip->status == EmploymentStatus::Pns);
    CHECK(c.nip->birth_date == Date::from_ymd(1985, 12, 31));
    CHECK(c.nip->tmt_year == 2010);
    CHECK(c.nip->tmt_month == 1);
    CHECK(c.nip->gender == Gender::Male);
    CHECK(c.nip->sequence == 2);
  }

  TEST_CASE("N3: PPPK, born 2000-12-31, TMT 2024, first appointment, male, sequence 001") {
    const auto c = check_nip("200012312024211001");
    REQUIRE(c.nip);
    CHECK(c.nip->status == EmploymentStatus::Pppk);
    CHECK(c.nip->birth_date == Date::from_ymd(2000, 12, 31));
    CHECK(c.nip->tmt_year == 2024);
    CHECK(c.nip->tmt_month == 0);
    CHECK(c.nip->appointment == 1);
    CHECK(c.nip->gender == Gender::Male);
    CHECK(c.nip->sequence == 1);
    CHECK(c.nip->display() == "20001231 2024 2 1 1 001");
  }

  TEST_CASE("N4: birth month 13 is invalid, reported at the month digits") {
    const auto c = check_nip("199013152015031001");
    CHECK_FALSE(c.nip);
    CHECK(c.problem.find("birth month 13") != std::string::npos);
    CHECK(c.problem_at == 4);
  }

  TEST_CASE("N5: gender digit 3 is invalid (digit 13 is 0, so it is not a PPPK NIP)") {
    const auto c = check_nip("199001152015033001");
    CHECK_FALSE(c.nip);
    CHECK(c.problem.find("gender") != std::string::npos);
    CHECK(c.problem_at == 14);
  }

  TEST_CASE("N6: 17 digits are invalid") {
    const auto c = check_nip("19900115201503200");
    CHECK_FALSE(c.nip);
    CHECK(c.problem.find("18 digits") != std::string::npos);
    CHECK_THROWS_AS(kinerja::parse_nip("19900115201503200"), kinerja::error);
  }

  TEST_CASE("other invalid NIPs name what is wrong and where") {
    auto c = check_nip("19900115 201503 2 001");
    CHECK_FALSE(c.nip);
    CHECK(c.problem.find("without spaces") != std::string::npos);
    CHECK(c.problem_at == 8);
    c = check_nip("1990011520150320O1");  // letter O for zero
    CHECK_FALSE(c.nip);
    CHECK(c.problem_at == 16);
    c = check_nip("199002302015032001");  // 30 February
    CHECK_FALSE(c.nip);
    CHECK(c.problem.find("not a day") != std::string::npos);
    c = check_nip("199001152015002001");  // TMT month 00
    CHECK_FALSE(c.nip);
    CHECK(c.problem_at == 12);
    c = check_nip("199001152015032000");  // sequence 000
    CHECK_FALSE(c.nip);
    CHECK(c.problem_at == 15);
    c = check_nip("200012312024201001");  // PPPK appointment 0
    CHECK_FALSE(c.nip);
    CHECK(c.problem_at == 13);
    c = check_nip("199001151985032001");  // appointed before birth
    CHECK_FALSE(c.nip);
    c = check_nip("");
    CHECK_FALSE(c.nip);
    c = check_nip("1990011520150320011");  // 19 digits
    CHECK_FALSE(c.nip);
  }

  TEST_CASE("the soft age check warns but accepts") {
    const auto c = check_nip("200501152015032001");  // appointed at 10
    REQUIRE(c.nip);
    CHECK(c.warning.find("age of 18") != std::string::npos);
  }

  TEST_CASE("employment status spellings") {
    CHECK(kinerja::parse_employment_status("PNS") == EmploymentStatus::Pns);
    CHECK(kinerja::parse_employment_status("pppk") == EmploymentStatus::Pppk);
    CHECK_FALSE(kinerja::parse_employment_status("honorer"));
    CHECK(kinerja::to_string(EmploymentStatus::Pppk) == "pppk");
  }
}
