// The 3x3 matrix of PermenPANRB 6/2022, all nine cells (vectors M1-M9).
#include <doctest/doctest.h>

#include "kinerja/predikat.hpp"

using kinerja::Predikat;
using kinerja::Rating;

TEST_SUITE("scoring") {
  TEST_CASE("M1-M9: every cell of the PermenPANRB 6/2022 matrix") {
    struct Cell {
      const char* name;
      Rating result;
      Rating behavior;
      Predikat expected;
    };
    const Cell cells[] = {
        {"M1", Rating::Above, Rating::Above, Predikat::SangatBaik},
        {"M2", Rating::Above, Rating::Meets, Predikat::Baik},
        {"M3", Rating::Above, Rating::Below, Predikat::KurangMisconduct},
        {"M4", Rating::Meets, Rating::Above, Predikat::Baik},
        {"M5", Rating::Meets, Rating::Meets, Predikat::Baik},
        {"M6", Rating::Meets, Rating::Below, Predikat::KurangMisconduct},
        {"M7", Rating::Below, Rating::Above, Predikat::ButuhPerbaikan},
        {"M8", Rating::Below, Rating::Meets, Predikat::ButuhPerbaikan},
        {"M9", Rating::Below, Rating::Below, Predikat::SangatKurang},
    };
    for (const Cell& c : cells) {
      CAPTURE(c.name);
      CHECK(kinerja::predikat_from_ratings(c.result, c.behavior) == c.expected);
    }
  }

  TEST_CASE("predikat spellings and the ordinal convention") {
    CHECK(kinerja::parse_predikat("Sangat Baik") == Predikat::SangatBaik);
    CHECK(kinerja::parse_predikat("kurang") == Predikat::KurangMisconduct);
    CHECK(kinerja::parse_predikat("cukup") == Predikat::ButuhPerbaikan);
    CHECK_FALSE(kinerja::parse_predikat("istimewa"));
    for (Predikat p : kinerja::all_predikat) CHECK(kinerja::parse_predikat(kinerja::to_string(p)) == p);
    CHECK(kinerja::predikat_ordinal(Predikat::SangatBaik) == 5);
    CHECK(kinerja::predikat_ordinal(Predikat::SangatKurang) == 1);
  }
}
