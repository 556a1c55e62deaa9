// calibrate(): the calibration modules put together, its tables, and `kinerja calibrate`.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/cli.hpp"
#include "kinerja/calibration.hpp"
#include "kinerja/distribution_report.hpp"
#include "kinerja/report.hpp"
#include "support/dataset.hpp"

namespace {

using kinerja::Index;

Index employee(const kinerja::Dataset& d, const char* nip) { return d.employees.nips.find(nip); }

const kinerja::Dataset& sample() {
  static const kinerja::Dataset d = [] {
    kinerja::Diagnostics diags;
    kinerja::Dataset loaded = kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
    REQUIRE_FALSE(diags.has_errors());
    return loaded;
  }();
  return d;
}

// A team of five under one head; the head and two peers score everyone on two aspects.
// NIPs: head H, staff S1..S4 (valid PNS NIPs).
const char* const head = "197001012000031001";
const char* const staff[] = {"198001012005031002", "198101012006031003", "198201012007031004",
                             "198301012008031005"};

void write_team(const kin_test::TempDir& dir, const std::string& feedback) {
  std::string employees = "nip,unit_id,rater_nip\n" + std::string(head) + ",U,\n";
  for (const char* s : staff) employees += std::string(s) + ",U," + head + "\n";
  dir.write("employees.csv", employees);
  dir.write("feedback.csv", "period,rater_nip,ratee_nip,source,score,aspect\n" + feedback);
}

}  // namespace

TEST_SUITE("calibration") {
  TEST_CASE("on the sample the planted lenient and severe raters stand out and suggestions keep their labels") {
    const kinerja::Dataset& d = sample();
    const auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    const kinerja::CalibrationResult r = kinerja::calibrate(d, kinerja::Period::year(2025), rules);
    REQUIRE(r.model_status == kinerja::ModelStatus::Fitted);
    CHECK(r.converged);
    CHECK(r.ratee_variance > 0);
    CHECK(r.rater_variance > 0);
    for (const char* nip : {"198104102003112913", "197701312001121822", "196906041998011363"}) {
      CAPTURE(nip);
      const Index e = employee(d, nip);
      CHECK(r.rater_effect[e] > 2 * r.rater_se[e]);  // lenient: clearly above a typical rater
    }
    for (const char* nip : {"197604282005021401", "199001222016052366"}) {
      CAPTURE(nip);
      const Index e = employee(d, nip);
      CHECK(r.rater_effect[e] < -2 * r.rater_se[e]);
    }
    // Every ratee of the model has a fair score inside its interval.
    std::size_t ratees = 0;
    for (std::size_t e = 0; e < d.employees.size(); ++e) {
      if (r.ratee_scores[e] == 0) continue;
      ++ratees;
      CHECK(r.fair_lower[e] <= r.fair_score[e]);
      CHECK(r.fair_score[e] <= r.fair_upper[e]);
    }
    CHECK(ratees == 322);
    // Reliability: the four ICCs from the model and two alphas, all computed.
    REQUIRE(r.reliability.size() == 6);
    for (const auto& row : r.reliability) {
      CAPTURE(row.statistic);
      CHECK(row.status == "ok");
      CHECK(row.value > 0);
      CHECK(row.value < 1);
    }
    // Averaging over raters makes the ICC larger.
    CHECK(r.reliability[2].value > r.reliability[0].value);
    // Suggestions move only where the interval is clear of the rating given, and the counts
    // before and after cover the same employees.
    int before = 0, after = 0;
    for (int c : r.counts_before) before += c;
    for (int c : r.counts_after) after += c;
    CHECK(before == after);
    CHECK(before == 322);
    for (std::size_t e = 0; e < d.employees.size(); ++e) {
      if (r.suggested_behavior_rating[e] == kinerja::no_value ||
          r.suggested_behavior_rating[e] == r.behavior_rating[e]) {
        continue;
      }
      const auto given = static_cast<kinerja::Rating>(r.behavior_rating[e]);
      if (given == kinerja::Rating::Above) CHECK(r.fair_upper[e] < r.above_cut);
      if (given == kinerja::Rating::Below) CHECK(r.fair_lower[e] >= r.below_cut);
      if (given == kinerja::Rating::Meets) CHECK((r.fair_lower[e] >= r.above_cut || r.fair_upper[e] < r.below_cut));
    }
    CHECK(r.above_cut > r.below_cut);
  }

  TEST_CASE("the fixed-effects model gives fair scores on the same scale") {
    const kinerja::Dataset& d = sample();
    auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    rules.set("calibration.model", "fixed");
    const auto fixed = kinerja::calibrate(d, kinerja::Period::year(2025), rules);
    rules.set("calibration.model", "random");
    const auto random = kinerja::calibrate(d, kinerja::Period::year(2025), rules);
    REQUIRE(fixed.model_status == kinerja::ModelStatus::Fitted);
    double largest = 0;
    for (std::size_t e = 0; e < d.employees.size(); ++e) {
      if (std::isnan(fixed.fair_score[e])) continue;
      largest = std::max(largest, std::abs(fixed.fair_score[e] - random.fair_score[e]));
    }
    // The random model shrinks toward the mean, so the two differ, but only by a few points.
    CHECK(largest > 0);
    CHECK(largest < 10);
    const Index lenient = employee(d, "197701312001121822");
    CHECK(fixed.rater_effect[lenient] > 5);
    // Without a variance-component model there are no model ICCs, only the alphas.
    CHECK(fixed.reliability.size() == 2);
  }

  TEST_CASE("degenerate feedback gives a documented result and never NaN in the tables") {
    kin_test::TempDir dir;
    SUBCASE("no feedback in the period") { write_team(dir, std::string("2024,") + head + "," + staff[0] + ",supervisor,80,\n"); }
    SUBCASE("one rater") {
      std::string f;
      for (const char* s : staff) f += std::string("2025,") + head + "," + s + ",supervisor,80,\n";
      write_team(dir, f);
    }
    SUBCASE("one ratee") {
      std::string f;
      for (const char* s : staff) {
        if (s != staff[0]) f += std::string("2025,") + s + "," + staff[0] + ",peer,80,\n";
      }
      write_team(dir, f);
    }
    SUBCASE("a rater rating only themself") {
      write_team(dir, std::string("2025,") + head + "," + head + ",self,90,\n");
    }
    SUBCASE("every score equal") {
      std::string f;
      for (const char* a : {"akuntabel", "loyal"}) {
        for (const char* s : staff) {
          f += std::string("2025,") + head + "," + s + ",supervisor,80," + a + "\n";
          for (const char* q : staff) {
            if (q != s) f += std::string("2025,") + q + "," + s + ",peer,80," + a + "\n";
          }
        }
      }
      write_team(dir, f);
    }
    const kinerja::Dataset d = kin_test::load_valid(dir);
    const auto r = kinerja::calibrate(d, kinerja::Period::year(2025), kinerja::RulePack::builtin("permenpanrb-6-2022"));
    if (r.model_status == kinerja::ModelStatus::Fitted) {
      CHECK(r.singular);  // every score equal: all variances 0
      CHECK(r.ratee_variance == 0);
    } else {
      CHECK_FALSE(r.model_message.empty());
    }
    kin_test::TempDir out;
    const auto files = kinerja::write_calibration_tables(d, r, out.path());
    CHECK(files.size() == 4);
    for (const std::string& f : files) {
      const std::string text = kin_test::read_file(f);
      CAPTURE(f);
      CHECK(text.find("nan") == std::string::npos);
      CHECK(text.find("inf") == std::string::npos);
    }
  }

  TEST_CASE("a score outside the declared scale is an error with its line") {
    kin_test::TempDir dir;
    write_team(dir, std::string("2025,") + head + "," + staff[0] + ",supervisor,80,\n2025," + head + "," + staff[1] +
                        ",supervisor,120,\n");
    const kinerja::Dataset d = kin_test::load_valid(dir);
    auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    try {
      kinerja::calibrate(d, kinerja::Period::year(2025), rules);
      FAIL("no error");
    } catch (const kinerja::error& e) {
      CHECK(e.code() == kinerja::errc::InvalidData);
      CHECK(std::string(e.what()).find(":3") != std::string::npos);
    }
    rules.set("feedback.scale_max", "150");
    CHECK_NOTHROW(kinerja::calibrate(d, kinerja::Period::year(2025), rules));
    rules.set("feedback.scale_min", "200");
    CHECK_THROWS_AS(kinerja::calibrate(d, kinerja::Period::year(2025), rules), kinerja::error);
  }

  TEST_CASE("with a calibration the distribution suggestions rank by calibrated feedback") {
    // Four staff all rated above/above by the head: under an org predikat 'baik' the unit needs
    // someone in butuh perbaikan or below, and nobody has a capaian, so feedback decides.
    kin_test::TempDir dir;
    std::string f;
    const double base[] = {70, 74, 78, 82};
    for (int k = 0; k < 4; ++k) {
      for (const char* a : {"akuntabel", "loyal", "kompeten"}) {
        f += std::string("2025,") + head + "," + staff[k] + ",supervisor," + std::to_string(base[k] + 8) + "," + a + "\n";
        for (int q = 0; q < 4; ++q) {
          if (q != k) f += std::string("2025,") + staff[q] + "," + staff[k] + ",peer," + std::to_string(base[k] + q) + "," + a + "\n";
        }
      }
    }
    write_team(dir, f);
    std::string ratings = "nip,period,result_rating,behavior_rating\n";
    for (const char* s : staff) ratings += std::string(s) + ",2025,above,above\n";
    dir.write("ratings.csv", ratings);
    dir.write("units.csv", "unit_id\nU\n");
    dir.write("org_ratings.csv", "unit_id,period,predikat\nU,2025,baik\n");
    const kinerja::Dataset d = kin_test::load_valid(dir);
    const auto rules = kinerja::RulePack::builtin("permenpanrb-6-2022");
    const auto period = kinerja::Period::year(2025);
    const auto calibration = kinerja::calibrate(d, period, rules);
    REQUIRE(calibration.model_status == kinerja::ModelStatus::Fitted);
    const auto report = kinerja::check_distributions(d, period, rules, calibration);
    REQUIRE_FALSE(report.suggestions.empty());
    for (const auto& s : report.suggestions) {
      CHECK(s.evidence == calibration.fair_score[s.employee]);
    }
    // The lowest calibrated score is demoted first.
    CHECK(report.suggestions[0].employee == employee(d, staff[0]));
  }

  TEST_CASE("kinerja calibrate writes its four tables and names the raters") {
    kin_test::TempDir dir;
    std::ostringstream out, err;
    kinerja_cli::Streams io{out, err};
    int code = kinerja_cli::run_cli({"calibrate", KIN_SOURCE_DIR "/data/sample", "--period", "2025", "--out", dir.path()}, io);
    CHECK(code == 0);
    const std::string text = out.str();
    CHECK(text.find("Most lenient raters") != std::string::npos);
    CHECK(text.find("197701312001121822") != std::string::npos);
    CHECK(text.find("Most severe raters") != std::string::npos);
    CHECK(text.find("199001222016052366") != std::string::npos);
    CHECK(text.find("the Penilai decides") != std::string::npos);
    const char* headers[][2] = {
        {"rater_effects.csv", "rater_nip,unit_id,period,model,scores,effect,se,z,lower,upper,component,leniency"},
        {"ratee_scores.csv", "nip,unit_id,period,scores,raw_mean,combined,shrunk,self,fair_score,fair_lower"},
        {"reliability.csv", "period,statistic,value,lower,upper,raters,units,status,basis"},
        {"rater_flags.csv", "rater_nip,unit_id,period,flag,statistic,threshold,partner_nip,detail"}};
    for (const auto& h : headers) {
      CAPTURE(h[0]);
      const std::string content = kin_test::read_file(dir.file(h[0]));
      CHECK(content.rfind(h[1], 0) == 0);
      CHECK(content.find("nan") == std::string::npos);
    }
    std::ostringstream out2, err2;
    kinerja_cli::Streams io2{out2, err2};
    CHECK(kinerja_cli::run_cli({"calibrate", KIN_SOURCE_DIR "/data/sample", "--period", "2025", "--model", "mixed"},
                               io2) == 2);
    CHECK(kinerja_cli::run_cli({"calibrate", KIN_SOURCE_DIR "/data/sample"}, io2) == 2);
    code = kinerja_cli::run_cli(
        {"calibrate", KIN_SOURCE_DIR "/data/sample", "--period", "2025", "--set", "feedback.scale_max=50", "--out",
         dir.path() + "/bad"},
        io2);
    CHECK(code == 1);
    CHECK(err2.str().find("feedback.csv:") != std::string::npos);
    std::ifstream none(dir.path() + "/bad/rater_effects.csv");
    CHECK_FALSE(none.good());
  }
}
