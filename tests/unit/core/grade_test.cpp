#include <doctest/doctest.h>

#include "kinerja/error.hpp"
#include "kinerja/grade.hpp"

using kinerja::Grade;
using kinerja::Position;

TEST_SUITE("core") {
  TEST_CASE("PNS grades parse in the spellings agencies use") {
    CHECK(Grade::parse("III/a") == Grade::pns(9));
    CHECK(Grade::parse("iii/A") == Grade::pns(9));
    CHECK(Grade::parse("III-a") == Grade::pns(9));
    CHECK(Grade::parse("IIIa") == Grade::pns(9));
    CHECK(Grade::parse("Penata Muda Tk.I III/b") == Grade::pns(10));
    CHECK(Grade::parse("Pembina Tk.I IV/b") == Grade::pns(14));
    CHECK(Grade::parse("I/a") == Grade::pns(1));
    CHECK(Grade::parse("IV/e") == Grade::pns(17));
    CHECK_FALSE(Grade::parse("III/e"));
    CHECK_FALSE(Grade::parse("V/a"));
    CHECK_FALSE(Grade::parse("IV/f"));
    CHECK_FALSE(Grade::parse(""));
    CHECK_FALSE(Grade::parse("3a"));
  }

  TEST_CASE("PPPK grades are roman numerals I..XVII") {
    CHECK(Grade::parse("IX") == Grade::pppk(9));
    CHECK(Grade::parse("xvii") == Grade::pppk(17));
    CHECK(Grade::parse("I") == Grade::pppk(1));
    CHECK_FALSE(Grade::parse("XVIII"));
    CHECK_FALSE(Grade::parse("IIII"));
    CHECK(Grade::parse("IX")->scheme() == kinerja::EmploymentStatus::Pppk);
  }

  TEST_CASE("grades print, name their pangkat and SAPK code") {
    CHECK(Grade::pns(9).to_string() == "III/a");
    CHECK(Grade::pns(17).to_string() == "IV/e");
    CHECK(Grade::pns(16).to_string() == "IV/d");
    CHECK(Grade::pppk(9).to_string() == "IX");
    CHECK(Grade().to_string().empty());
    CHECK(Grade().empty());
    CHECK(Grade::pns(9).pangkat() == "Penata Muda");
    CHECK(Grade::pns(17).pangkat() == "Pembina Utama");
    CHECK(Grade::pppk(9).pangkat().empty());
    CHECK(Grade::pns(1).sapk_code() == 11);
    CHECK(Grade::pns(12).sapk_code() == 34);
    CHECK(Grade::pns(17).sapk_code() == 45);
    CHECK_THROWS_AS(Grade::pns(18), kinerja::error);
    CHECK_THROWS_AS(Grade::pppk(0), kinerja::error);
  }

  TEST_CASE("positions and their taxonomies") {
    CHECK(kinerja::parse_position("jpt_pratama") == Position::JptPratama);
    CHECK(kinerja::parse_position("JPT Pratama") == Position::JptPratama);
    CHECK(kinerja::parse_position("fungsional") == Position::Fungsional);
    CHECK_FALSE(kinerja::parse_position("eselon_2"));
    CHECK(kinerja::to_string(Position::Pengawas) == "pengawas");
    CHECK(kinerja::is_managerial(Position::Pengawas));
    CHECK_FALSE(kinerja::is_managerial(Position::Pelaksana));
    CHECK_FALSE(kinerja::is_managerial(Position::Fungsional));
    CHECK(kinerja::is_jpt(Position::JptMadya));
    CHECK_FALSE(kinerja::is_jpt(Position::Administrator));
  }
}
