#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/period.hpp"

using kinerja::Date;
using kinerja::Period;
using kinerja::PeriodKind;

TEST_SUITE("core") {
  TEST_CASE("periods parse from the four textual forms") {
    const Period y = Period::parse("2025");
    CHECK(y.kind() == PeriodKind::Year);
    CHECK(y.year() == 2025);
    const Period q = Period::parse("2025-Q3");
    CHECK(q.kind() == PeriodKind::Quarter);
    CHECK(q.quarter() == 3);
    CHECK(q.first_month() == 7);
    CHECK(Period::parse("2025q3") == q);
    CHECK(Period::parse("2025-q3") == q);
    const Period m = Period::parse("2025-07");
    CHECK(m.kind() == PeriodKind::Month);
    CHECK(m.month() == 7);
    CHECK(m.quarter() == 3);
    const Period d = Period::parse("2025-07-15");
    CHECK(d.kind() == PeriodKind::Day);
    CHECK(d.first_day() == Date::from_ymd(2025, 7, 15));
  }

  TEST_CASE("period text round-trips through to_string") {
    for (const char* text : {"2025", "2025-Q1", "2025-Q4", "2025-01", "2025-12", "2024-02-29", "1999-12-31"}) {
      CHECK(Period::parse(text).to_string() == text);
    }
  }

  TEST_CASE("malformed periods are rejected with a reason") {
    std::string why;
    CHECK_FALSE(Period::try_parse("2025-13", &why));
    CHECK(why.find("01..12") != std::string::npos);
    CHECK_FALSE(Period::try_parse("2025-Q5", &why));
    CHECK(why.find("Q1..Q4") != std::string::npos);
    CHECK_FALSE(Period::try_parse("2025-02-29", &why));  // not a leap year
    CHECK(why.find("not a day") != std::string::npos);
    CHECK_FALSE(Period::try_parse("1399", &why));
    CHECK_FALSE(Period::try_parse("", &why));
    CHECK_FALSE(Period::try_parse("TW III", &why));
    CHECK_FALSE(Period::try_parse("2025-7", &why));
    CHECK_FALSE(Period::try_parse("2025/07", &why));
    CHECK_FALSE(Period::try_parse("2025-07-15T00:00", &why));
    CHECK_THROWS_AS(Period::parse("20x5"), kinerja::error);
    CHECK(Period::try_parse("2024-02-29"));
  }

  TEST_CASE("periods order by first day, longer first on ties") {
    std::vector<Period> v = {Period::parse("2025-01-01"), Period::parse("2025-01"), Period::parse("2025-Q1"),
                             Period::parse("2025"),       Period::parse("2024-12"), Period::parse("2025-02")};
    std::sort(v.begin(), v.end());
    std::vector<std::string> text;
    for (const Period& p : v) text.push_back(p.to_string());
    CHECK(text == std::vector<std::string>{"2024-12", "2025", "2025-Q1", "2025-01", "2025-01-01", "2025-02"});
    CHECK(Period::month(2025, 7) < Period::month(2025, 8));
    CHECK(Period::year(2024) < Period::month(2025, 1));
  }

  TEST_CASE("first and last days follow the calendar") {
    CHECK(Period::year(2024).length_in_days() == 366);
    CHECK(Period::year(2025).length_in_days() == 365);
    CHECK(Period::month(2024, 2).last_day() == Date::from_ymd(2024, 2, 29));
    CHECK(Period::month(2100, 2).last_day() == Date::from_ymd(2100, 2, 28));
    CHECK(Period::quarter(2025, 4).first_day() == Date::from_ymd(2025, 10, 1));
    CHECK(Period::quarter(2025, 4).last_day() == Date::from_ymd(2025, 12, 31));
    CHECK(Period::quarter(2025, 1).length_in_days() == 90);
  }

  TEST_CASE("distances are measured on real time, gaps kept") {
    CHECK(kinerja::days_between(Period::month(2025, 1), Period::month(2025, 3)) == 59);
    CHECK(kinerja::days_between(Period::month(2024, 1), Period::month(2024, 3)) == 60);
    CHECK(kinerja::months_between(Period::month(2024, 11), Period::month(2025, 2)) == 3);
    CHECK(kinerja::months_between(Period::quarter(2025, 1), Period::quarter(2025, 3)) == 6);
    CHECK(kinerja::months_between(Period::month(2025, 5), Period::month(2025, 2)) == -3);
    CHECK(kinerja::days_between(Period::year(2024), Period::year(2025)) == 366);
  }

  TEST_CASE("containment and overlap") {
    CHECK(Period::year(2025).contains(Period::parse("2025-Q3")));
    CHECK(Period::parse("2025-Q3").contains(Period::parse("2025-09-30")));
    CHECK_FALSE(Period::parse("2025-Q3").contains(Period::parse("2025-10")));
    CHECK(Period::parse("2025-Q3").overlaps(Period::parse("2025-07")));
    CHECK_FALSE(Period::parse("2025-Q3").overlaps(Period::parse("2025-Q4")));
  }

  TEST_CASE("dates: validity, accessors, ages") {
    CHECK_FALSE(Date::try_from_ymd(2023, 2, 29));
    CHECK(Date::try_from_ymd(2000, 2, 29));
    CHECK_FALSE(Date::try_from_ymd(1900, 2, 29));
    CHECK_FALSE(Date::try_from_ymd(2025, 4, 31));
    CHECK_FALSE(Date::try_from_ymd(1399, 1, 1));
    CHECK_THROWS_AS(Date::from_ymd(2025, 0, 1), kinerja::error);
    const Date d = Date::parse("1990-01-15");
    CHECK(d.year() == 1990);
    CHECK(d.month() == 1);
    CHECK(d.day() == 15);
    CHECK(d.to_string() == "1990-01-15");
    CHECK(Date().to_string() == "1970-01-01");
    CHECK(Date::from_ymd(1970, 1, 2).days_since_epoch() == 1);
    CHECK(Date::from_ymd(2026, 11, 22).iso_weekday() == 7);  // a Sunday
    CHECK(Date::full_years_between(Date::from_ymd(2000, 2, 29), Date::from_ymd(2018, 2, 28)) == 17);
    CHECK(Date::full_years_between(Date::from_ymd(2000, 2, 29), Date::from_ymd(2018, 3, 1)) == 18);
    CHECK(Date::from_ymd(2025, 3, 1) - Date::from_ymd(2025, 2, 1) == 28);
    CHECK_THROWS_AS(Date::parse("1990-1-15"), kinerja::error);
  }

  TEST_CASE("named constructors check their arguments") {
    CHECK_THROWS_AS(Period::quarter(2025, 0), kinerja::error);
    CHECK_THROWS_AS(Period::month(2025, 13), kinerja::error);
    CHECK_THROWS_AS(Period::year(10000), kinerja::error);
    CHECK(Period::day(Date::from_ymd(2025, 7, 15)).to_string() == "2025-07-15");
    CHECK(Period::parse("2025-07").key() < Period::parse("2025-07-01").key());
  }
}
