#include <doctest/doctest.h>

#include <sstream>

#include "cli/cli.hpp"
#include "kinerja/load.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>

namespace {
struct Run {
  int code;
  std::string out;
  std::string err;
};
Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  kinerja_cli::Streams io{out, err};
  const int code = kinerja_cli::run_cli(args, io);
  return {code, out.str(), err.str()};
}
}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("help and version") {
    Run r = run({"--help"});
    CHECK(r.code == 0);
    CHECK(r.out.find("validate") != std::string::npos);
    r = run({"validate", "--help"});
    CHECK(r.code == 0);
    CHECK(r.out.find("usage: kinerja validate DIR") != std::string::npos);
    CHECK(r.out.find("--max-problems N") != std::string::npos);
    r = run({"help", "validate"});
    CHECK(r.code == 0);
    r = run({"--version"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("kinerja ", 0) == 0);
  }

  TEST_CASE("usage errors exit with 2 and say what is wrong") {
    Run r = run({});
    CHECK(r.code == 2);
    r = run({"frobnicate"});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown command 'frobnicate'") != std::string::npos);
    r = run({"validate"});
    CHECK(r.code == 2);
    CHECK(r.err.find("exactly one dataset folder") != std::string::npos);
    r = run({"validate", KIN_SOURCE_DIR "/data/sample", "--bogus"});
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown option '--bogus'") != std::string::npos);
    r = run({"validate", KIN_SOURCE_DIR "/data/sample", "--max-problems", "many"});
    CHECK(r.code == 2);
    r = run({"validate", KIN_SOURCE_DIR "/data/sample", "--max-problems"});
    CHECK(r.code == 2);
    CHECK(r.err.find("needs a value") != std::string::npos);
    r = run({"validate", "/nonexistent/folder"});
    CHECK(r.code == 2);
    CHECK(r.err.find("does not exist") != std::string::npos);
  }

  TEST_CASE("validate on the sample prints the summary and exits 0") {
    const Run r = run({"validate", KIN_SOURCE_DIR "/data/sample"});
    CHECK(r.code == 0);
    CHECK(r.out.find("employees.csv") != std::string::npos);
    CHECK(r.out.find("Result: valid") != std::string::npos);
    CHECK(r.err.empty());
  }

  TEST_CASE("validate on invalid data lists problems on stderr and exits 1") {
    const std::string dir = KIN_TEST_DATA_DIR "/invalid_references";
    Run r = run({"validate", dir});
    CHECK(r.code == 1);
    CHECK(r.out.find("Result: INVALID") != std::string::npos);
    CHECK(r.err.find(dir + "/employees.csv:4:") != std::string::npos);
    r = run({"validate", dir, "--max-problems=1", "--quiet"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("more problems not shown") != std::string::npos);
  }

  TEST_CASE("--strict turns warnings into failure") {
    const std::string dir = KIN_TEST_DATA_DIR "/invalid_values";
    const Run r = run({"validate", dir, "--strict"});
    CHECK(r.code == 1);
  }

  TEST_CASE("score writes the three tables and a summary") {
    kin_test::TempDir dir;
    const Run r = run({"score", KIN_SOURCE_DIR "/data/sample", "--year", "2025", "--out", dir.path()});
    CHECK(r.code == 0);
    CHECK(r.out.find("Scores 2025 under permenpanrb-6-2022@1") != std::string::npos);
    for (const char* name : {"indicator_scores.csv", "employee_scores.csv", "unit_scores.csv"}) {
      CAPTURE(name);
      std::ifstream in(dir.file(name));
      std::string header;
      CHECK(std::getline(in, header));
      CHECK_FALSE(header.empty());
    }
    std::ifstream in(dir.file("employee_scores.csv"));
    std::string header;
    std::getline(in, header);
    CHECK(header.rfind("nip,year,rule_pack,result_score,behavior_score,final_score,result_rating,behavior_rating,predikat",
                       0) == 0);
  }

  TEST_CASE("score on invalid data exits 1 and writes nothing") {
    kin_test::TempDir dir;
    const std::string out = dir.path() + "/out";
    const Run r = run({"score", KIN_TEST_DATA_DIR "/invalid_values", "--year", "2025", "--out", out});
    CHECK(r.code == 1);
    CHECK(r.err.find("nothing was written") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));
  }

  TEST_CASE("score usage errors: missing year, bad setting, unknown pack") {
    CHECK(run({"score", KIN_SOURCE_DIR "/data/sample"}).code == 2);
    CHECK(run({"score", KIN_SOURCE_DIR "/data/sample", "--year", "25"}).code == 2);
    Run r = run({"score", KIN_SOURCE_DIR "/data/sample", "--year", "2025", "--set", "achievement.cap=lots"});
    CHECK(r.code == 2);
    CHECK(r.err.find("allowed: a number > 0 | none") != std::string::npos);
    r = run({"score", KIN_SOURCE_DIR "/data/sample", "--year", "2025", "--rules", "no-such-pack"});
    CHECK(r.code == 2);
  }

  TEST_CASE("rules show prints a rules file that reads back to the same pack") {
    kin_test::TempDir dir;
    Run r = run({"rules", "show", "permenpanrb-6-2022", "--set", "achievement.cap=110"});
    CHECK(r.code == 0);
    CHECK(r.out.find("base = permenpanrb-6-2022") != std::string::npos);
    CHECK(r.out.find("achievement.cap = 110") != std::string::npos);
    const std::string path = dir.write("agency.rules", r.out);
    const kinerja::RulePack p = kinerja::load_rules_file(path);
    CHECK(p.get("achievement.cap") == "110");
    CHECK(p.label() == "permenpanrb-6-2022@1+modified");
    r = run({"rules", "list"});
    CHECK(r.out == "permenpanrb-6-2022\npermenpanrb-8-2021\npp-46-2011\n");
    CHECK(run({"rules"}).code == 2);
    const std::string bad = dir.write("bad.rules", "achievement.cap 110\n");
    r = run({"score", KIN_SOURCE_DIR "/data/sample", "--year", "2025", "--rules", bad, "--out", dir.path()});
    CHECK(r.code == 2);
    CHECK(r.err.find("bad.rules:1:1: expected 'key = value'") != std::string::npos);
    CHECK(run({"rules", "show"}).code == 2);
    CHECK(run({"rules", "show", "nope"}).code == 2);
  }

  TEST_CASE("--threads gives the same files and output for any count and refuses a bad count") {
    const std::string sample = KIN_SOURCE_DIR "/data/sample";
    const std::vector<std::vector<std::string>> commands = {
        {"score", sample, "--year", "2025"},
        {"distribution", sample, "--period", "2025", "--calibrated"},
        {"calibrate", sample, "--period", "2025"},
        {"ikm", sample, "--period", "2025"},
        {"trend", sample, "--level", "unit"}};
    for (const auto& command : commands) {
      CAPTURE(command[0]);
      kin_test::TempDir one, three;
      auto with = [&](const std::string& threads, const std::string& out) {
        std::vector<std::string> args = command;
        for (const std::string& a : {std::string("--threads"), threads, std::string("--out"), out}) args.push_back(a);
        return run(args);
      };
      const Run a = with("1", one.path());
      const Run b = with("3", three.path());
      REQUIRE(a.code == 0);
      REQUIRE(b.code == 0);
      auto without_folder = [](std::string text, const std::string& folder) {
        for (std::size_t at; (at = text.find(folder)) != std::string::npos;) text.replace(at, folder.size(), "OUT");
        return text;
      };
      CHECK(without_folder(a.out, one.path()) == without_folder(b.out, three.path()));
      std::size_t files = 0;
      for (const auto& entry : std::filesystem::directory_iterator(one.path())) {
        const std::string name = entry.path().filename().string();
        CAPTURE(name);
        const std::string written = kin_test::read_file(entry.path().string());
        CHECK(kin_test::read_file(three.file(name)) == written);
        CHECK_FALSE(written.empty());
        ++files;
      }
      CHECK(files > 0);
      for (const char* bad : {"many", "-1", "99999"}) {
        const Run r = with(bad, one.path() + "/unused");
        CHECK(r.code == 2);
        CHECK(r.err.find("--threads") != std::string::npos);
      }
    }
  }

  TEST_CASE("distribution and ikm write their files and summaries") {
    kin_test::TempDir dir;
    Run r = run({"distribution", KIN_SOURCE_DIR "/data/sample", "--period", "2025", "--out", dir.path()});
    CHECK(r.code == 0);
    CHECK(r.out.find("Units that break the curve") != std::string::npos);
    CHECK(r.out.find("suggestions only") != std::string::npos);
    std::ifstream check(dir.file("distribution_check.csv"));
    std::string header;
    std::getline(check, header);
    CHECK(header.rfind("unit_id,period,org_predikat,employees,sangat_baik,baik,butuh_perbaikan,kurang_misconduct,"
                       "sangat_kurang,valid,violations",
                       0) == 0);
    std::ifstream suggestions(dir.file("distribution_suggestions.csv"));
    std::getline(suggestions, header);
    CHECK(header.rfind("unit_id,nip,from_predikat,to_predikat,reason", 0) == 0);
    r = run({"ikm", KIN_SOURCE_DIR "/data/sample", "--period", "2025", "--out", dir.path()});
    CHECK(r.code == 0);
    CHECK(r.out.find("PKM-SKM") != std::string::npos);
    std::ifstream ikm(dir.file("ikm.csv"));
    std::getline(ikm, header);
    CHECK(header.rfind("unit_id,period,respondents,nrr_u1,nrr_u2,nrr_u3,nrr_u4,nrr_u5,nrr_u6,nrr_u7,nrr_u8,nrr_u9,ikm,mutu",
                       0) == 0);
    CHECK(run({"distribution", KIN_SOURCE_DIR "/data/sample"}).code == 2);
    CHECK(run({"distribution", KIN_SOURCE_DIR "/data/sample", "--period", "2025-13"}).code == 2);
    CHECK(run({"distribution", KIN_SOURCE_DIR "/data/sample", "--period", "2025", "--rules", "pp-46-2011"}).code == 2);
    CHECK(run({"ikm", KIN_TEST_DATA_DIR "/invalid_values", "--period", "2025", "--out", dir.path() + "/x"}).code == 1);
  }

  TEST_CASE("--format json writes .json tables, and a bad format is a usage error") {
    kin_test::TempDir dir;
    Run r = run({"score", KIN_SOURCE_DIR "/data/sample", "--year", "2025", "--out", dir.path(), "--format", "json"});
    CHECK(r.code == 0);
    std::ifstream in(dir.file("employee_scores.json"));
    std::string first;
    std::getline(in, first);
    CHECK(first == "[");
    std::string row;
    std::getline(in, row);
    CHECK(row.rfind(" {\"nip\": \"", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(dir.file("employee_scores.csv")));
    r = run({"score", KIN_SOURCE_DIR "/data/sample", "--year", "2025", "--out", dir.path(), "--format", "xml"});
    CHECK(r.code == 2);
  }

  TEST_CASE("trend writes trends.csv with projections for indicators and lists units for the unit level") {
    kin_test::TempDir dir;
    Run r = run({"trend", KIN_SOURCE_DIR "/data/sample", "--from", "2026-01", "--to", "2026-10", "--out", dir.path()});
    CHECK(r.code == 0);
    CHECK(r.out.find("Year-end 2026 projection as of 2026-10") != std::string::npos);
    CHECK(r.out.find("most at risk") != std::string::npos);
    std::ifstream in(dir.file("trends.csv"));
    std::string header, row;
    std::getline(in, header);
    CHECK(header.rfind("series_id,level,n,first_period,last_period,ols_slope,ols_intercept,r2,ols_p,mk_s,mk_var_s,mk_z,"
                       "mk_p,mk_tau,sen_slope",
                       0) == 0);
    CHECK(header.find("projected_achievement") != std::string::npos);
    std::size_t rows = 0, projected = 0;
    while (std::getline(in, row)) {
      ++rows;
      CHECK(row.find("nan") == std::string::npos);
      if (row.find(",2026,") != std::string::npos) ++projected;
    }
    CHECK(rows > 1000);
    CHECK(projected > 1000);
    r = run({"trend", KIN_SOURCE_DIR "/data/sample", "--level", "unit", "--out", dir.path() + "/units"});
    CHECK(r.code == 0);
    CHECK(r.out.find("Strongest declining") != std::string::npos);
    CHECK(r.out.find("PKM-WNJ") != std::string::npos);
    // The early-warning thresholds are rule-pack settings: with both far below any capaian nothing
    // is at risk.
    r = run({"trend", KIN_SOURCE_DIR "/data/sample", "--from", "2026-01", "--to", "2026-10", "--set",
             "projection.on_track_at_least=-1000", "--set", "projection.off_track_under=-1000", "--out", dir.path() + "/lax"});
    CHECK(r.code == 0);
    CHECK(r.out.find("off_track") == std::string::npos);
    CHECK(r.out.find("most at risk") == std::string::npos);
    CHECK(run({"trend", KIN_SOURCE_DIR "/data/sample", "--level", "agency"}).code == 2);
    CHECK(run({"trend", KIN_SOURCE_DIR "/data/sample", "--from", "2026-13"}).code == 2);
  }
}
