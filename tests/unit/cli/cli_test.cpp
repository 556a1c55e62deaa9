#include <doctest/doctest.h>

#include <sstream>

#include "cli/cli.hpp"

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
}
