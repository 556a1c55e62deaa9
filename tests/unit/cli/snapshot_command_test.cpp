// kinerja snapshot, and the commands reading a snapshot in place of a dataset folder.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "support/temp_dir.hpp"

namespace {

struct Outcome {
  int code;
  std::string out, err;
};

Outcome kinerja_command(std::vector<std::string> args) {
  std::ostringstream out, err;
  kinerja_cli::Streams io{out, err};
  const int code = kinerja_cli::run_cli(args, io);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("a snapshot of the sample scores exactly as the folder does") {
    kin_test::TempDir dir;
    const std::string file = dir.file("sample.kin"), xml = dir.file("sample.xml");
    Outcome r = kinerja_command({"snapshot", KIN_SOURCE_DIR "/data/sample", file});
    CHECK(r.code == 0);
    CHECK(r.out.find("employees.csv") != std::string::npos);
    CHECK(r.out.find("wrote " + file) != std::string::npos);
    r = kinerja_command({"snapshot", file, xml, "--format", "xml", "--quiet"});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    for (const std::string& source : {file, xml}) {
      CAPTURE(source);
      r = kinerja_command({"score", source, "--year", "2025", "--out", dir.file("from-snapshot"), "--quiet"});
      REQUIRE(r.code == 0);
      r = kinerja_command({"score", KIN_SOURCE_DIR "/data/sample", "--year", "2025", "--out", dir.file("from-folder"),
                           "--quiet"});
      REQUIRE(r.code == 0);
      for (const char* name : {"/indicator_scores.csv", "/employee_scores.csv", "/unit_scores.csv"}) {
        CHECK(kin_test::read_file(dir.file("from-snapshot") + name) == kin_test::read_file(dir.file("from-folder") + name));
      }
      r = kinerja_command({"validate", source});
      CHECK(r.code == 0);
      CHECK(r.out.find("Result: valid") != std::string::npos);
    }
  }

  TEST_CASE("generate writes a snapshot when the output name ends in .kin") {
    kin_test::TempDir dir;
    const std::string file = dir.file("generated.kin");
    Outcome r = kinerja_command({"generate", "--employees", "500", "--seed", "4", "--out", file, "--quiet"});
    REQUIRE(r.code == 0);
    r = kinerja_command({"validate", file});
    CHECK(r.code == 0);
    CHECK(r.out.find("500") != std::string::npos);
    // The same dataset as the folder written from the same options.
    REQUIRE(kinerja_command({"generate", "--employees", "500", "--seed", "4", "--out", dir.file("folder"), "--quiet"})
                .code == 0);
    REQUIRE(kinerja_command({"score", file, "--year", "2025", "--out", dir.file("a"), "--quiet"}).code == 0);
    REQUIRE(kinerja_command({"score", dir.file("folder"), "--year", "2025", "--out", dir.file("b"), "--quiet"}).code == 0);
    CHECK(kin_test::read_file(dir.file("a") + "/employee_scores.csv") == kin_test::read_file(dir.file("b") + "/employee_scores.csv"));
  }

  TEST_CASE("a damaged snapshot exits 1 with the reason and writes nothing") {
    kin_test::TempDir dir;
    const std::string file = dir.file("sample.kin"), cut = dir.file("cut.kin");
    REQUIRE(kinerja_command({"snapshot", KIN_SOURCE_DIR "/data/sample", file, "--quiet"}).code == 0);
    const std::string bytes = kin_test::read_file(file);
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 3);
    Outcome r = kinerja_command({"trend", cut, "--level", "unit", "--out", dir.file("out")});
    CHECK(r.code == 1);
    CHECK(r.err.find("truncated") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("out")));
    r = kinerja_command({"validate", cut});
    CHECK(r.code == 1);
    CHECK(r.err.find(cut) != std::string::npos);
    r = kinerja_command({"snapshot", KIN_SOURCE_DIR "/data/sample", dir.file("x.kin"), "--format", "zip"});
    CHECK(r.code == 2);
    r = kinerja_command({"snapshot", KIN_SOURCE_DIR "/data/sample"});
    CHECK(r.code == 2);
  }
}
