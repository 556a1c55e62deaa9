// score() under the numeric rule packs, and the dataset-level curve and IKM reports.
#include <doctest/doctest.h>

#include <cmath>

#include "kinerja/distribution_report.hpp"
#include "kinerja/ikm_report.hpp"
#include "kinerja/load.hpp"
#include "kinerja/pp30.hpp"
#include "kinerja/pp46.hpp"
#include "kinerja/score.hpp"
#include "support/dataset.hpp"

namespace {

using kin_test::load_valid;

// P4: IKI capaian 98, 100, 105 -> nilai 88, 109, 1030/9 (mean 2803/27); perilaku 90.
void write_p4(const kin_test::TempDir& dir, bool with_peer) {
  dir.write("employees.csv",
            "nip,unit_id,rater_nip\n199001152015032001,U,\n198512312010011002,U,199001152015032001\n"
            "198703102012121003,U,199001152015032001\n");
  dir.write("indicators.csv",
            "indicator_id,owner_type,owner_id,year,target\n"
            "A,employee,198512312010011002,2021,100\nB,employee,198512312010011002,2021,50\n"
            "C,employee,198512312010011002,2021,20\n");
  dir.write("realizations.csv", "indicator_id,period,value\nA,2021,98\nB,2021,50\nC,2021,21\n");
  std::string feedback = "period,rater_nip,ratee_nip,source,score\n2021,199001152015032001,198512312010011002,supervisor,90\n";
  if (with_peer) feedback += "2021,198703102012121003,198512312010011002,peer,90\n";
  dir.write("feedback.csv", feedback);
}

}  // namespace

TEST_SUITE("scoring") {
  TEST_CASE("P4 through score(): nilai IKI, nilai SKP and 70/30 without peer input") {
    kin_test::TempDir dir;
    write_p4(dir, false);
    const auto r = kinerja::score(load_valid(dir), 2021, kinerja::RulePack::builtin("permenpanrb-8-2021"));
    CHECK(r.indicators.nilai[0] == doctest::Approx(88));
    CHECK(r.indicators.nilai[1] == doctest::Approx(109));
    CHECK(r.indicators.nilai[2] == doctest::Approx(1030.0 / 9));
    CHECK(r.employees.result_score[1] == doctest::Approx(2803.0 / 27).epsilon(1e-12));
    CHECK(r.employees.behavior_score[1] == doctest::Approx(90));
    CHECK(r.employees.final_score[1] == doctest::Approx(0.7 * 2803.0 / 27 + 27).epsilon(1e-12));
    CHECK(r.employees.predikat[1] == static_cast<std::int8_t>(kinerja::Pp30Predikat::Baik));
    CHECK(std::isnan(r.employees.result_score[0]));  // no IKI
  }

  TEST_CASE("P4 through score(): peer input switches to 60/40 (perilaku.weight auto)") {
    kin_test::TempDir dir;
    write_p4(dir, true);
    const kinerja::Dataset d = load_valid(dir);
    auto rules = kinerja::RulePack::builtin("permenpanrb-8-2021");
    auto r = kinerja::score(d, 2021, rules);
    CHECK(r.employees.final_score[1] == doctest::Approx(0.6 * 2803.0 / 27 + 36).epsilon(1e-12));
    rules.set("perilaku.weight", "70_30");
    r = kinerja::score(d, 2021, rules);
    CHECK(r.employees.final_score[1] == doctest::Approx(0.7 * 2803.0 / 27 + 27).epsilon(1e-12));
  }

  TEST_CASE("S1 and S2 through score(): PP 46/2011 activities from rhk_id and aspects") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n198512312010011002,U\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,rhk_id,aspect,target\n"
              "S1-K,employee,198512312010011002,2019,S1,kuantitas,12\n"
              "S1-Q,employee,198512312010011002,2019,S1,kualitas,100\n"
              "S1-W,employee,198512312010011002,2019,S1,waktu,12\n"
              "S2-K,employee,198512312010011002,2019,S2,kuantitas,10\n"
              "S2-Q,employee,198512312010011002,2019,S2,kualitas,100\n"
              "S2-W,employee,198512312010011002,2019,S2,waktu,12\n"
              "S2-B,employee,198512312010011002,2019,S2,biaya,10000000\n");
    dir.write("realizations.csv",
              "indicator_id,period,value\nS1-K,2019,12\nS1-Q,2019,90\nS1-W,2019,12\n"
              "S2-K,2019,8\nS2-Q,2019,85\nS2-W,2019,10\nS2-B,2019,9000000\n");
    dir.write("feedback.csv",
              "period,rater_nip,ratee_nip,source,score,aspect\n"
              "2019,199001152015032001,198512312010011002,supervisor,80,orientasi_pelayanan\n"
              "2019,199001152015032001,198512312010011002,supervisor,85,integritas\n"
              "2019,199001152015032001,198512312010011002,supervisor,80,komitmen\n"
              "2019,199001152015032001,198512312010011002,supervisor,75,disiplin\n"
              "2019,199001152015032001,198512312010011002,supervisor,80,kerja_sama\n");
    const auto r = kinerja::score(load_valid(dir), 2019, kinerja::RulePack::builtin("pp-46-2011"));
    // S4 = mean(266/3, 1031/12) = 2095/24; S5 = 80; S6 = 0.6 S4 + 0.4 S5 = 84.375 -> Baik.
    CHECK(r.employees.result_score[1] == doctest::Approx(2095.0 / 24).epsilon(1e-12));
    CHECK(r.employees.behavior_score[1] == doctest::Approx(80));
    CHECK(r.employees.final_score[1] == doctest::Approx(84.375));
    CHECK(r.employees.predikat[1] == static_cast<std::int8_t>(kinerja::Pp46Sebutan::Baik));
    CHECK(r.indicators.nilai[2] == doctest::Approx(76));  // W of S1
    CHECK(kinerja::predikat_labels(kinerja::RuleSet::Pp46_2011)[4] == "buruk");
  }

  TEST_CASE("the curve per unit: D2 from ratings, with a suggestion ranked by capaian") {
    kin_test::TempDir dir;
    std::string employees = "nip,unit_id\n";
    std::string ratings = "nip,period,result_rating,behavior_rating\n";
    std::string indicators = "indicator_id,owner_type,owner_id,year,target\n";
    std::string real = "indicator_id,period,value\n";
    // 20 employees: 3 SB, 15 B, 2 BP (D2: Baik 15 > 14); employee k has capaian 80 + k.
    for (int k = 0; k < 20; ++k) {
      char nip[32];
      std::snprintf(nip, sizeof nip, "1990011520150320%02d", k + 1);
      employees += std::string(nip) + ",U\n";
      const char* rating = k < 3 ? "above,above" : k < 18 ? "meets,meets" : "below,meets";
      ratings += std::string(nip) + ",2025," + rating + "\n";
      indicators += "I" + std::to_string(k) + ",employee," + nip + ",2025,100\n";
      real += "I" + std::to_string(k) + ",2025," + std::to_string(80 + k) + "\n";
    }
    dir.write("employees.csv", employees);
    dir.write("ratings.csv", ratings);
    dir.write("indicators.csv", indicators);
    dir.write("realizations.csv", real);
    dir.write("units.csv", "unit_id\nU\n");
    dir.write("org_ratings.csv", "unit_id,period,predikat\nU,2025,baik\n");
    const kinerja::Dataset d = load_valid(dir);
    const auto report = kinerja::check_distributions(d, kinerja::Period::year(2025),
                                                     kinerja::RulePack::builtin("permenpanrb-6-2022"));
    REQUIRE(report.units.size() == 1);
    CHECK(report.rated_employees == 20);
    CHECK(report.units[0].counts == kinerja::PredikatCounts{3, 15, 2, 0, 0});
    CHECK_FALSE(report.units[0].check.valid);
    REQUIRE(report.suggestions.size() == 1);
    // The Baik with the lowest capaian (employee 3, 83%) is the one suggested to move.
    CHECK(d.employees.nips[report.suggestions[0].employee] == "199001152015032004");
    CHECK(report.suggestions[0].evidence == doctest::Approx(83));
    CHECK_THROWS_AS(kinerja::check_distributions(d, kinerja::Period::year(2025),
                                                 kinerja::RulePack::builtin("permenpanrb-8-2021")),
                    kinerja::error);
  }

  TEST_CASE("tiny units pool into their parent when the pack says so") {
    kin_test::TempDir dir;
    dir.write("units.csv", "unit_id,parent_id\nP,\nC,P\n");
    dir.write("employees.csv",
              "nip,unit_id\n199001152015032001,P\n198512312010011002,P\n198703102012121003,P\n"
              "198804122013032004,C\n");
    dir.write("ratings.csv",
              "nip,period,result_rating,behavior_rating\n199001152015032001,2025,above,above\n"
              "198512312010011002,2025,meets,meets\n198703102012121003,2025,below,meets\n"
              "198804122013032004,2025,meets,meets\n");
    dir.write("org_ratings.csv", "unit_id,period,predikat\nP,2025,baik\nC,2025,baik\n");
    const kinerja::Dataset d = load_valid(dir);
    auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    auto report = kinerja::check_distributions(d, kinerja::Period::year(2025), rules);
    CHECK(report.units.size() == 2);
    rules.set("distribution.pool_smaller_than", "2");
    report = kinerja::check_distributions(d, kinerja::Period::year(2025), rules);
    REQUIRE(report.units.size() == 1);
    CHECK(report.units[0].counts == kinerja::PredikatCounts{1, 2, 1, 0, 0});
    CHECK(report.units[0].pooled_units == std::vector<kinerja::Index>{1});
    CHECK(report.units[0].check.valid);
  }

  TEST_CASE("IKM per unit from surveys.csv, for one period") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
    dir.write("units.csv", "unit_id\nU\nV\n");
    // Vector I1 for U in 2025; another period and another unit are left out or separate.
    dir.write("surveys.csv",
              "unit_id,period,respondent_id,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"
              "U,2025,R1,4,3,3,4,3,4,4,3,2\nU,2025,R2,3,3,2,4,4,3,4,3,3\nU,2025,R3,4,4,3,4,3,3,3,3,3\n"
              "U,2025,R4,3,3,3,4,3,3,3,3,3\nU,2024,R1,1,1,1,1,1,1,1,1,1\nV,2025,R1,4,4,4,4,4,4,4,4,\n");
    const auto report = kinerja::ikm_by_unit(load_valid(dir), kinerja::Period::year(2025), kinerja::IkmWeight::ExactOneNinth);
    REQUIRE(report.units.size() == 1);
    CHECK(report.units[0].result.ikm == kinerja::Rational::parse("81.25"));
    CHECK(report.units[0].result.mutu == kinerja::IkmMutu::B);
    REQUIRE(report.skipped.size() == 1);  // V: nobody answered u9
    CHECK(report.skipped[0].first == 1);
  }
}

TEST_SUITE("scoring") {
  TEST_CASE("a year value summed in double is decided exactly: W1 from three quarters") {
    // 0.04 + 8.04 + 1.04 is 9.119999999999997 in double; the waktu aspect must still see 9.12
    // against 12 months, e = 24 exactly, and score 100 (not the 76 of the other branch).
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n198512312010011002,U\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,rhk_id,aspect,target,accumulation\n"
              "W,employee,198512312010011002,2019,A,waktu,12,sum\n");
    dir.write("realizations.csv", "indicator_id,period,value\nW,2019-Q1,0.04\nW,2019-Q2,8.04\nW,2019-Q3,1.04\n");
    const auto r = kinerja::score(load_valid(dir), 2019, kinerja::RulePack::builtin("pp-46-2011"));
    CHECK(r.indicators.realization[0] != 9.12);  // the double sum really is off
    CHECK(r.indicators.nilai[0] == 100.0);
  }

  TEST_CASE("PP 46/2011: a lower-is-better kuantitas never scores higher when it gets worse") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n198512312010011002,U\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,aspect,polarity,target\n"
              "GOOD,employee,198512312010011002,2019,kuantitas,min,10\n"
              "BAD,employee,198512312010011002,2019,kuantitas,min,10\n");
    dir.write("realizations.csv", "indicator_id,period,value\nGOOD,2019,8\nBAD,2019,12\n");
    const auto r = kinerja::score(load_valid(dir), 2019, kinerja::RulePack::builtin("pp-46-2011"));
    CHECK(r.indicators.nilai[0] == doctest::Approx(120));
    CHECK(r.indicators.nilai[1] == doctest::Approx(80));
  }
}
