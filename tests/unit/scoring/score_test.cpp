// score() on small datasets: accumulation, weighting (vectors A1-A4), statuses, predikat counts.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kinerja/load.hpp"
#include "kinerja/score.hpp"
#include "support/dataset.hpp"

namespace {

using kin_test::load_valid;

// One employee with three indicators of weights 50/30/20 and capaian 110/95/130 (vector A1-A3).
void write_a_vectors(const kin_test::TempDir& dir, bool weights) {
  dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
  std::string w1 = weights ? "50" : "", w2 = weights ? "30" : "", w3 = weights ? "20" : "";
  dir.write("indicators.csv",
            "indicator_id,owner_type,owner_id,year,target,weight\n"
            "A,employee,199001152015032001,2025,100," + w1 + "\n"
            "B,employee,199001152015032001,2025,100," + w2 + "\n"
            "C,employee,199001152015032001,2025,100," + w3 + "\n");
  dir.write("realizations.csv", "indicator_id,period,value\nA,2025,110\nB,2025,95\nC,2025,130\n");
}

}  // namespace

TEST_SUITE("scoring") {
  TEST_CASE("A1-A3: weighted aggregate with the cap at 120, none and 100") {
    kin_test::TempDir dir;
    write_a_vectors(dir, true);
    const kinerja::Dataset d = load_valid(dir);
    auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    CHECK(kinerja::score(d, 2025, rules).employees.result_score[0] == doctest::Approx(107.5));
    rules.set("achievement.cap", "none");
    CHECK(kinerja::score(d, 2025, rules).employees.result_score[0] == doctest::Approx(109.5));
    rules.set("achievement.cap", "100");
    CHECK(kinerja::score(d, 2025, rules).employees.result_score[0] == doctest::Approx(98.5));
  }

  TEST_CASE("A4: equal weights when none are given") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,target\n"
              "A,employee,199001152015032001,2025,100\nB,employee,199001152015032001,2025,100\n"
              "C,employee,199001152015032001,2025,100\n");
    dir.write("realizations.csv", "indicator_id,period,value\nA,2025,100\nB,2025,80\nC,2025,120\n");
    const auto r = kinerja::score(load_valid(dir), 2025, kinerja::RulePack::builtin("permenpanrb-6-2022"));
    CHECK(r.employees.result_score[0] == doctest::Approx(100));
    CHECK(r.indicators.weight[1] == 1.0);
  }

  TEST_CASE("the year value follows the accumulation, and a whole-year value wins") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
    std::string ind = "indicator_id,owner_type,owner_id,year,target,accumulation\n";
    std::string real = "indicator_id,period,value\n";
    for (const char* acc : {"sum", "last", "mean", "max", "min"}) {
      ind += std::string("I-") + acc + ",unit,U,2025,10," + acc + "\n";
      // out of period order on purpose: last must take the latest period, not the last line
      real += std::string("I-") + acc + ",2025-03,6\n";
      real += std::string("I-") + acc + ",2025-01,2\n";
      real += std::string("I-") + acc + ",2025-02,4\n";
    }
    ind += "I-annual,unit,U,2025,10,sum\n";
    real += "I-annual,2025-01,1\nI-annual,2025,7\nI-annual,2025-02,1\n";
    dir.write("indicators.csv", ind);
    dir.write("realizations.csv", real);
    const auto r = kinerja::score(load_valid(dir), 2025, kinerja::RulePack::builtin("permenpanrb-6-2022"));
    const double expected[] = {12, 6, 4, 6, 2, 7};
    REQUIRE(r.indicators.size() == 6);
    for (std::size_t k = 0; k < 6; ++k) {
      CAPTURE(k);
      CHECK(r.indicators.realization[k] == doctest::Approx(expected[k]));
    }
    CHECK(r.indicators.periods[0] == 3);
    CHECK(r.indicators.periods[5] == 1);
    CHECK(r.units.iku_achievement[0] == doctest::Approx((120.0 + 60 + 40 + 60 + 20 + 70) / 6));
  }

  TEST_CASE("missing realisations are excluded by default, or count as 0") {
    kin_test::TempDir dir;
    write_a_vectors(dir, true);
    dir.write("realizations.csv", "indicator_id,period,value\nA,2025,110\nB,2025,95\n");
    const kinerja::Dataset d = load_valid(dir);
    auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    auto r = kinerja::score(d, 2025, rules);
    CHECK(r.indicators.status[2] == kinerja::IndicatorStatus::NoRealization);
    CHECK(std::isnan(r.indicators.achievement[2]));
    CHECK(r.employees.result_score[0] == doctest::Approx((50 * 110.0 + 30 * 95) / 80));
    CHECK(r.employees.indicators[0] == 3);
    CHECK(r.employees.indicators_scored[0] == 2);
    rules.set("aggregation.missing", "zero");
    r = kinerja::score(d, 2025, rules);
    CHECK(r.employees.result_score[0] == doctest::Approx((50 * 110.0 + 30 * 95) / 100));
  }

  TEST_CASE("cascading children roll up to their parent indicator") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n198512312010011002,U\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,target,parent_id,weight\n"
              "IKU,unit,U,2025,100,,\n"
              "K1,employee,199001152015032001,2025,50,IKU,\n"
              "K2,employee,198512312010011002,2025,50,IKU,\n");
    dir.write("realizations.csv", "indicator_id,period,value\nIKU,2025,90\nK1,2025,40\nK2,2025,65\n");
    const auto r = kinerja::score(load_valid(dir), 2025, kinerja::RulePack::builtin("permenpanrb-6-2022"));
    CHECK(r.indicators.children[0] == 2);
    CHECK(r.indicators.children_achievement[0] == doctest::Approx((80.0 + 120.0) / 2));  // 130% capped
    CHECK(r.indicators.children[1] == 0);
    CHECK(std::isnan(r.indicators.children_achievement[1]));
  }

  TEST_CASE("under 6/2022 the predikat comes from the annual ratings, counted per unit") {
    kin_test::TempDir dir;
    dir.write("employees.csv",
              "nip,unit_id,rater_nip\n199001152015032001,U,\n198512312010011002,U,199001152015032001\n"
              "198703102012121003,U,199001152015032001\n");
    dir.write("ratings.csv",
              "nip,period,result_rating,behavior_rating\n198512312010011002,2025,above,above\n"
              "198703102012121003,2025,meets,below\n198703102012121003,2025-Q4,above,above\n");
    const auto r = kinerja::score(load_valid(dir), 2025, kinerja::RulePack::builtin("permenpanrb-6-2022"));
    CHECK(r.employees.predikat[0] == kinerja::no_value);
    CHECK(r.employees.predikat[1] == static_cast<std::int8_t>(kinerja::Predikat::SangatBaik));
    CHECK(r.employees.predikat[2] == static_cast<std::int8_t>(kinerja::Predikat::KurangMisconduct));
    CHECK(r.units.employees[0] == 3);
    CHECK(r.units.counts[0][0] == 1);
    CHECK(r.units.counts[0][3] == 1);
    CHECK(kinerja::predikat_labels(kinerja::RuleSet::PermenPanRb6_2022)[3] == "kurang_misconduct");
  }

  TEST_CASE("partly weighted owners: unweighted indicators count 0, with a warning") {
    kin_test::TempDir dir;
    write_a_vectors(dir, true);
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,target,weight\n"
              "A,employee,199001152015032001,2025,100,50\nB,employee,199001152015032001,2025,100,\n"
              "C,employee,199001152015032001,2025,100,50\n");
    const auto r = kinerja::score(load_valid(dir), 2025, kinerja::RulePack::builtin("permenpanrb-6-2022"));
    CHECK(r.employees.result_score[0] == doctest::Approx((110.0 + 120.0) / 2));
    CHECK(r.indicators.weight[1] == 0.0);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].location.line == 3);
  }

  TEST_CASE("unit IKU achievement rolls up the unit tree") {
    kin_test::TempDir dir;
    dir.write("units.csv", "unit_id,parent_id\nROOT,\nA,ROOT\nB,ROOT\nA1,A\n");
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,ROOT\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,target\nR,unit,ROOT,2025,100\nA,unit,A,2025,100\n"
              "A1,unit,A1,2025,100\n");
    dir.write("realizations.csv", "indicator_id,period,value\nR,2025,90\nA,2025,100\nA1,2025,110\n");
    const auto r = kinerja::score(load_valid(dir), 2025, kinerja::RulePack::builtin("permenpanrb-6-2022"));
    CHECK(r.units.subtree_iku_achievement[0] == doctest::Approx(100));  // (90 + 100 + 110) / 3
    CHECK(r.units.subtree_units[0] == 3);
    CHECK(r.units.subtree_iku_achievement[1] == doctest::Approx(105));  // A and A1
    CHECK(std::isnan(r.units.subtree_iku_achievement[2]));              // B has no IKU
    CHECK(r.units.subtree_iku_achievement[3] == doctest::Approx(110));
  }

  TEST_CASE("year values agree between period-ordered and shuffled realisations, for 1 to 12 periods") {
    // In period order the values are read as one block, in four lanes; shuffled they take the
    // general path. Integer values, so that every sum is exact whatever its order.
    const char* accumulations[] = {"sum", "last", "mean", "max", "min"};
    std::string ind = "indicator_id,owner_type,owner_id,year,target,accumulation\n";
    std::string ordered = "indicator_id,period,value\n", shuffled = ordered;
    for (int periods = 1; periods <= 12; ++periods) {
      for (const char* acc : accumulations) {
        const std::string id = "I" + std::to_string(periods) + acc;
        ind += id + ",unit,U,2025,10," + acc + "\n";
        std::vector<std::string> lines;
        for (int m = 1; m <= periods; ++m) {
          const std::string period = "2025-" + std::string(m < 10 ? "0" : "") + std::to_string(m);
          const int v = (m * 7919 + periods * 31) % 23 - 5;  // negative values too
          lines.push_back(id + "," + period + "," + std::to_string(v) + "\n");
        }
        for (const auto& line : lines) ordered += line;
        // Reversed, with the latest period in the middle for 'last'.
        for (auto it = lines.rbegin(); it != lines.rend(); ++it) shuffled += *it;
      }
    }
    kin_test::TempDir a, b;
    for (const auto* dir : {&a, &b}) {
      dir->write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
      dir->write("indicators.csv", ind);
    }
    a.write("realizations.csv", ordered);
    b.write("realizations.csv", shuffled);
    const kinerja::Dataset da = load_valid(a), db = load_valid(b);
    const auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    const auto ra = kinerja::score(da, 2025, rules), rb = kinerja::score(db, 2025, rules);
    REQUIRE(ra.indicators.size() == 60);
    REQUIRE(rb.indicators.size() == 60);
    for (std::size_t k = 0; k < 60; ++k) {
      CAPTURE(k);
      CHECK(ra.indicators.periods[k] == k / 5 + 1);
      CHECK(ra.indicators.realization[k] == rb.indicators.realization[k]);
      CHECK(ra.indicators.achievement[k] == rb.indicators.achievement[k]);
    }
    // Spot checks against the values written above: 1 period, and 12 (sum, last, min).
    CHECK(ra.indicators.realization[0] == (7919 + 31) % 23 - 5);
    double sum12 = 0, min12 = 100;
    for (int m = 1; m <= 12; ++m) {
      const double v = (m * 7919 + 12 * 31) % 23 - 5;
      sum12 += v;
      min12 = v < min12 ? v : min12;
    }
    CHECK(ra.indicators.realization[55] == sum12);
    CHECK(ra.indicators.realization[56] == (12 * 7919 + 12 * 31) % 23 - 5);
    CHECK(ra.indicators.realization[59] == min12);
  }

  TEST_CASE("a dataset without a realisation index, or with a stale one, is indexed by score") {
    kin_test::TempDir dir;
    write_a_vectors(dir, true);
    kinerja::Dataset d = load_valid(dir);
    const auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    const double expected = kinerja::score(d, 2025, rules).employees.result_score[0];
    CHECK(expected == doctest::Approx(107.5));
    d.realizations.offsets.clear();
    d.realizations.in_period_order.clear();
    CHECK(kinerja::score(d, 2025, rules).employees.result_score[0] == expected);
    d.realizations.offsets.assign(2, 0);  // built for another indicator count
    CHECK(kinerja::score(d, 2025, rules).employees.result_score[0] == expected);
  }

  TEST_CASE("indicators of two years interleaved: each year scores its own rows") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,target\n"
              "A24,employee,199001152015032001,2024,100\nA25,employee,199001152015032001,2025,100\n"
              "B24,employee,199001152015032001,2024,100\nB25,employee,199001152015032001,2025,100\n");
    dir.write("realizations.csv",
              "indicator_id,period,value\nA24,2024,50\nA25,2025,90\nB24,2024,70\nB25,2025,110\n");
    const kinerja::Dataset d = load_valid(dir);
    const auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    const auto r25 = kinerja::score(d, 2025, rules), r24 = kinerja::score(d, 2024, rules);
    REQUIRE(r25.indicators.size() == 2);
    CHECK(r25.indicators.indicator[0] == 1);
    CHECK(r25.indicators.indicator[1] == 3);
    CHECK(r25.indicators.realization[1] == 110);
    CHECK(r25.employees.result_score[0] == doctest::Approx(100));
    CHECK(r24.indicators.indicator[1] == 2);
    CHECK(r24.employees.result_score[0] == doctest::Approx(60));
  }
}
