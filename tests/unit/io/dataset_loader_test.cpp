#include <doctest/doctest.h>

#include <cmath>

#include "kinerja/error.hpp"
#include "kinerja/load.hpp"
#include "support/temp_dir.hpp"

using kinerja::Diagnostics;
using kinerja::no_index;

namespace {

std::string problems(const Diagnostics& d) {
  std::string out;
  for (const auto& p : d.items()) out += p.to_string() + "\n";
  return out;
}

}  // namespace

TEST_SUITE("io") {
  TEST_CASE("a minimal dataset is just employees.csv, units come from it") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,DINKES\n198512312010011002,DINKES\n");
    Diagnostics diags;
    const auto d = kinerja::load_dataset(dir.path(), diags);
    CHECK_MESSAGE(!diags.has_errors(), problems(diags));
    CHECK(d.employees.size() == 2);
    CHECK(d.units.size() == 1);
    CHECK_FALSE(d.units.source.present);
    CHECK(d.employees.unit[1] == 0);
    CHECK(d.employees.status[0] == kinerja::EmploymentStatus::Pns);  // derived from the NIP
    CHECK_FALSE(d.indicators.source.present);
  }

  TEST_CASE("a folder without employees.csv is an error naming the file") {
    kin_test::TempDir dir;
    Diagnostics diags;
    (void)kinerja::load_dataset(dir.path(), diags);
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.items()[0].to_string() == dir.path() + "/employees.csv: error: required file is missing");
    CHECK_THROWS_AS(kinerja::load_dataset(dir.path() + "/nope", diags), kinerja::error);
  }

  TEST_CASE("forward references inside a file resolve at its end") {
    kin_test::TempDir dir;
    dir.write("units.csv", "unit_id,parent_id\nSEKSI,BIDANG\nBIDANG,DINAS\nDINAS,\n");
    dir.write("employees.csv",
              "nip,unit_id,rater_nip\n198512312010011002,SEKSI,199001152015032001\n199001152015032001,DINAS,\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,target,parent_id\n"
              "IKI-1,employee,198512312010011002,2025,10,IKU-1\n"
              "IKU-1,unit,DINAS,2025,100,\n");
    Diagnostics diags;
    const auto d = kinerja::load_dataset(dir.path(), diags);
    CHECK_MESSAGE(!diags.has_errors(), problems(diags));
    CHECK(d.units.parent[0] == 1);
    CHECK(d.units.parent[1] == 2);
    CHECK(d.units.parent[2] == no_index);
    CHECK(d.employees.rater[0] == 1);
    CHECK(d.indicators.parent[0] == 1);
  }

  TEST_CASE("columns are found by name in any order, case-insensitive, unknown columns ignored") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "Unit_ID;Remarks;NIP\nDINKES;anything;199001152015032001\n");
    dir.write("indicators.csv",
              "TARGET;year;owner_id;owner_type;indicator_id;polarity;target_upper;weight\n"
              "87,5;2025;199001152015032001;employee;IKI-1;range;92,25;0,5\n");
    dir.write("realizations.csv", "value;period;indicator_id\n90,125;2025-07;IKI-1\n");
    Diagnostics diags;
    const auto d = kinerja::load_dataset(dir.path(), diags);
    CHECK_MESSAGE(!diags.has_errors(), problems(diags));
    REQUIRE(d.indicators.size() == 1);
    CHECK(d.indicators.target[0] == 87.5);
    CHECK(d.indicators.target_upper[0] == 92.25);
    CHECK(d.indicators.weight[0] == 0.5);
    CHECK(d.indicators.polarity[0] == kinerja::Polarity::Range);
    REQUIRE(d.realizations.size() == 1);
    CHECK(d.realizations.value[0] == 90.125);
    CHECK(d.realizations.period[0] == kinerja::Period::month(2025, 7));
  }

  TEST_CASE("optional fields default as documented") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
    dir.write("indicators.csv",
              "indicator_id,owner_type,owner_id,year,target\nIKU-1,unit,U,2025,10\n");
    Diagnostics diags;
    const auto d = kinerja::load_dataset(dir.path(), diags);
    CHECK_MESSAGE(!diags.has_errors(), problems(diags));
    const auto& t = d.indicators;
    CHECK(t.polarity[0] == kinerja::Polarity::Max);
    CHECK(t.accumulation[0] == kinerja::Accumulation::Last);
    CHECK(t.kind[0] == kinerja::IndicatorKind::Utama);
    CHECK(t.aspect[0] == kinerja::Aspect::None);
    CHECK_FALSE(t.has_weight(0));
    CHECK_FALSE(t.has_target_upper(0));
    CHECK(t.parent[0] == no_index);
    CHECK(t.rhk[0] == no_index);
    CHECK(t.target_is_max[0] == 0);
  }

  TEST_CASE("rows with errors are left out, the rest is kept") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n1990,U\n198512312010011002,U\n");
    Diagnostics diags;
    const auto d = kinerja::load_dataset(dir.path(), diags);
    CHECK(diags.error_count() == 1);
    CHECK(d.employees.size() == 2);
    CHECK(d.employees.source.lines.line(1) == 4);  // row 1 came from line 4
  }

  TEST_CASE("public feedback may come from raters outside the dataset") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
    dir.write("feedback.csv",
              "period,rater_nip,ratee_nip,source,score\n2025,WARGA-17,199001152015032001,public,75\n"
              "2025,WARGA-18,199001152015032001,masyarakat,80\n");
    Diagnostics diags;
    const auto d = kinerja::load_dataset(dir.path(), diags);
    CHECK_MESSAGE(!diags.has_errors(), problems(diags));
    REQUIRE(d.feedback.size() == 2);
    CHECK(d.feedback.rater[0] == no_index);
    CHECK(d.feedback.external_raters[d.feedback.external_rater[1]] == "WARGA-18");
  }

  TEST_CASE("the cap on problems keeps memory bounded on a file full of errors") {
    kin_test::TempDir dir;
    std::string employees = "nip,unit_id\n";
    for (int i = 0; i < 5000; ++i) employees += "not-a-nip,U\n";
    dir.write("employees.csv", employees);
    Diagnostics diags(50);
    (void)kinerja::load_dataset(dir.path(), diags);
    CHECK(diags.error_count() == 5000);
    CHECK(diags.items().size() == 50);
    CHECK(diags.dropped() == 4950);
  }

  TEST_CASE("surveys keep nine answers per respondent, 0 for unanswered") {
    kin_test::TempDir dir;
    dir.write("employees.csv", "nip,unit_id\n199001152015032001,U\n");
    dir.write("units.csv", "unit_id\nU\n");
    dir.write("surveys.csv",
              "unit_id,period,respondent_id,u1,u2,u3,u4,u5,u6,u7,u8,u9\nU,2025,R1,4,3,,4,3,4,4,3,2\n");
    Diagnostics diags;
    const auto d = kinerja::load_dataset(dir.path(), diags);
    CHECK_MESSAGE(!diags.has_errors(), problems(diags));
    REQUIRE(d.surveys.size() == 1);
    CHECK(d.surveys.answer(0, 0) == 4);
    CHECK(d.surveys.answer(0, 2) == 0);
    CHECK(d.surveys.answer(0, 8) == 2);
  }
}
