// Every folder tests/data/invalid_*/ (and missing_*/) is a small broken dataset with an
// expected.txt listing exactly the problems the loader must report, one per line, as
// FILE:LINE:COLUMN: severity: message with paths relative to the folder.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kinerja/load.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> read_lines(const fs::path& file) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> problems_of(const fs::path& folder, kinerja::Diagnostics& diags) {
  (void)kinerja::load_dataset(folder.string(), diags);
  const std::string prefix = folder.string() + "/";
  std::vector<std::string> out;
  for (const auto& d : diags.items()) {
    std::string text = d.to_string();
    if (text.rfind(prefix, 0) == 0) text = text.substr(prefix.size());
    out.push_back(text);
  }
  return out;
}

}  // namespace

TEST_SUITE("io") {
  TEST_CASE("each invalid dataset reports exactly its expected problems") {
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(KIN_TEST_DATA_DIR)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_directory() && (name.rfind("invalid_", 0) == 0 || name.rfind("missing_", 0) == 0)) {
        folders.push_back(entry.path());
      }
    }
    std::sort(folders.begin(), folders.end());
    REQUIRE(folders.size() >= 9);
    for (const fs::path& folder : folders) {
      CAPTURE(folder.filename().string());
      REQUIRE(fs::exists(folder / "expected.txt"));
      kinerja::Diagnostics diags;
      std::vector<std::string> actual = problems_of(folder, diags);
      std::vector<std::string> expected = read_lines(folder / "expected.txt");
      CHECK(diags.has_errors());
      std::sort(actual.begin(), actual.end());
      std::sort(expected.begin(), expected.end());
      for (const std::string& line : expected) {
        CAPTURE(line);
        CHECK(std::binary_search(actual.begin(), actual.end(), line));
      }
      for (const std::string& line : actual) {
        CAPTURE(line);
        CHECK(std::binary_search(expected.begin(), expected.end(), line));
      }
    }
  }

  TEST_CASE("every problem names a file, and a line and column when it comes from a row") {
    for (const auto& entry : fs::directory_iterator(KIN_TEST_DATA_DIR)) {
      if (!entry.is_directory()) continue;
      kinerja::Diagnostics diags;
      (void)kinerja::load_dataset(entry.path().string(), diags);
      for (const auto& d : diags.items()) {
        CAPTURE(d.to_string());
        CHECK_FALSE(d.location.file.empty());
        if (d.location.line != 0) CHECK(d.location.column >= 1);
      }
    }
  }
}
