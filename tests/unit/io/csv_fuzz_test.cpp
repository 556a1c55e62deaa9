// Fuzz-style robustness: random bytes, truncations and mutations of a valid dataset must give
// clean diagnostics (a file, a line, a message), never a crash, hang or sanitizer report.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "kinerja/load.hpp"
#include "support/temp_dir.hpp"

namespace {

// Loads a dataset and checks the shape of every problem.
void load_and_check(const std::string& folder, std::size_t& problems_seen) {
  kinerja::Diagnostics diags(100);
  const kinerja::Dataset d = kinerja::load_dataset(folder, diags);
  problems_seen += diags.error_count() + diags.warning_count();
  for (const auto& p : diags.items()) {
    REQUIRE_FALSE(p.location.file.empty());
    REQUIRE_FALSE(p.message.empty());
  }
  // Whatever was kept is internally consistent.
  for (std::size_t i = 0; i < d.employees.size(); ++i) REQUIRE(d.employees.unit[i] < d.units.size());
  for (std::size_t i = 0; i < d.realizations.size(); ++i) REQUIRE(d.realizations.indicator[i] < d.indicators.size());
}

const char* sample_files[] = {"units.csv", "employees.csv", "indicators.csv", "ratings.csv", "org_ratings.csv"};

}  // namespace

TEST_SUITE("io") {
  TEST_CASE("random bytes in every file give clean errors") {
    std::mt19937 rng(7);
    std::size_t problems = 0;
    for (int round = 0; round < 40; ++round) {
      kin_test::TempDir dir;
      for (const char* name : {"units.csv", "employees.csv", "indicators.csv", "realizations.csv", "surveys.csv"}) {
        std::string bytes(rng() % 3000, '\0');
        for (char& c : bytes) c = static_cast<char>(rng() % 256);
        if (round % 2 == 0) {
          // Mostly printable noise with delimiters, quotes and line ends: reaches deeper paths.
          const char alphabet[] = "0123456789,;\"\n\r abcQ-.";
          for (char& c : bytes) c = alphabet[rng() % (sizeof alphabet - 1)];
        }
        dir.write(name, std::string(name == std::string("employees.csv") ? "nip,unit_id\n" : "") + bytes);
      }
      load_and_check(dir.path(), problems);
    }
    CHECK(problems > 0);
  }

  TEST_CASE("every truncation of sample files gives clean errors") {
    const std::string sample = KIN_SOURCE_DIR "/data/sample/";
    std::size_t problems = 0;
    for (const char* name : sample_files) {
      CAPTURE(name);
      const std::string full = kin_test::read_file(sample + name);
      REQUIRE(full.size() > 100);
      // Cut at a spread of positions, including inside the header and mid-field.
      for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{5}, std::size_t{17}, full.size() / 7,
                              full.size() / 3, full.size() / 2, full.size() - 3}) {
        kin_test::TempDir dir;
        for (const char* other : sample_files) {
          const std::string content = kin_test::read_file(sample + other);
          dir.write(other, std::string(other) == name ? content.substr(0, cut) : content);
        }
        load_and_check(dir.path(), problems);
      }
    }
    CHECK(problems > 0);  // cutting inside the header must at least break something
  }

  TEST_CASE("random byte mutations of a valid dataset give clean errors") {
    const std::string sample = KIN_SOURCE_DIR "/data/sample/";
    std::mt19937 rng(11);
    std::size_t problems = 0;
    std::vector<std::string> originals;
    for (const char* name : sample_files) originals.push_back(kin_test::read_file(sample + name));
    for (int round = 0; round < 30; ++round) {
      kin_test::TempDir dir;
      for (std::size_t f = 0; f < originals.size(); ++f) {
        std::string content = originals[f];
        const int mutations = 1 + static_cast<int>(rng() % 20);
        for (int m = 0; m < mutations && !content.empty(); ++m) {
          const std::size_t at = rng() % content.size();
          switch (rng() % 4) {
            case 0: content[at] = static_cast<char>(rng() % 256); break;
            case 1: content.insert(at, 1, "\",;\n\r\0"[rng() % 6]); break;
            case 2: content.erase(at, 1 + rng() % 10); break;
            default: content.insert(at, content.substr(rng() % content.size(), 1 + rng() % 40)); break;
          }
        }
        dir.write(sample_files[f], content);
      }
      load_and_check(dir.path(), problems);
    }
    CHECK(problems > 0);
  }
}
