// Snapshots: round trips that are bit-identical, and damaged files that are refused.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/load.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/score.hpp"
#include "kinerja/snapshot.hpp"
#include "kinerja/table.hpp"
#include "support/temp_dir.hpp"

namespace {

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

const kinerja::Dataset& sample() {
  static const kinerja::Dataset d = [] {
    kinerja::Diagnostics diags;
    return kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
  }();
  return d;
}

// The score tables of a dataset as one text, for comparisons.
std::string scores_text(const kinerja::Dataset& d) {
  std::ostringstream s;
  for (const kinerja::Table& t : kinerja::score_tables(d, kinerja::score(d, 2025, kinerja::RulePack::for_year(2025)))) {
    s << t.name << ' ' << t.rows << '\n';
    for (const kinerja::Column& c : t.columns) {
      s << c.name;
      for (std::size_t r = 0; r < t.rows; ++r) {
        s << ',';
        if (c.present[r] == 0) continue;
        if (c.type == kinerja::ColumnType::Number) s << std::hexfloat << c.numbers[r];
        if (c.type == kinerja::ColumnType::Integer) s << c.integers[r];
        if (c.type == kinerja::ColumnType::Text) s << c.texts[r];
      }
      s << '\n';
    }
  }
  return s.str();
}

// Expects loading `path` to fail with a kinerja::error naming the path.
void check_refused(const std::string& path, const char* what) {
  CAPTURE(what);
  try {
    (void)kinerja::load_snapshot(path);
    FAIL("a damaged snapshot was loaded: " << what);
  } catch (const kinerja::error& e) {
    CHECK(std::string(e.what()).find(path) != std::string::npos);
  }
}

}  // namespace

TEST_SUITE("io") {
  TEST_CASE("binary and XML snapshots give back the dataset and its results bit for bit") {
    kin_test::TempDir dir;
    const kinerja::Dataset& d = sample();
    const auto results = kinerja::score_tables(d, kinerja::score(d, 2025, kinerja::RulePack::for_year(2025)));
    for (auto format : {kinerja::SnapshotFormat::Binary, kinerja::SnapshotFormat::Xml}) {
      CAPTURE(static_cast<int>(format));
      const std::string first = dir.file("first.kin"), second = dir.file("second.kin");
      kinerja::save_snapshot(first, d, results, format);
      CHECK(kinerja::is_snapshot(first));
      const kinerja::Snapshot loaded = kinerja::load_snapshot(first);
      // Saving what was loaded writes the same bytes.
      kinerja::save_snapshot(second, loaded.dataset, loaded.results, format);
      CHECK(read_bytes(first) == read_bytes(second));
      // The loaded dataset is the same dataset: same rows, same ids, same analyses.
      CHECK(loaded.dataset.employees.size() == d.employees.size());
      CHECK(loaded.dataset.realizations.size() == d.realizations.size());
      CHECK(loaded.dataset.indicators.ids.find("IKU-PEMDA-2024-1") == d.indicators.ids.find("IKU-PEMDA-2024-1"));
      CHECK(loaded.dataset.employees.nips.find(d.employees.nips[5]) == 5);
      CHECK(loaded.dataset.indicators.source.lines.line(10) == d.indicators.source.lines.line(10));
      CHECK(scores_text(loaded.dataset) == scores_text(d));
      REQUIRE(loaded.results.size() == results.size());
      for (std::size_t t = 0; t < results.size(); ++t) {
        CHECK(loaded.results[t].name == results[t].name);
        CHECK(loaded.results[t].rows == results[t].rows);
        CHECK(loaded.results[t].columns.size() == results[t].columns.size());
      }
    }
    CHECK_FALSE(kinerja::is_snapshot(KIN_SOURCE_DIR "/data/sample/units.csv"));
    CHECK_FALSE(kinerja::is_snapshot(dir.file("missing.kin")));
  }

  TEST_CASE("truncated and corrupted binary snapshots are refused") {
    kin_test::TempDir dir;
    const std::string good = dir.file("good.kin"), bad = dir.file("bad.kin");
    kinerja::save_snapshot(good, sample());
    const std::string bytes = read_bytes(good);
    REQUIRE(bytes.size() > 100000);
    // Cut at every kind of place: inside the header, at column boundaries, in the middle.
    std::mt19937_64 random(3);
    for (std::size_t cut : {std::size_t{0}, std::size_t{7}, std::size_t{39}, std::size_t{40}, std::size_t{41},
                            bytes.size() / 2, bytes.size() - 1}) {
      write_bytes(bad, bytes.substr(0, cut));
      check_refused(bad, "truncated");
    }
    for (int k = 0; k < 25; ++k) {
      write_bytes(bad, bytes.substr(0, static_cast<std::size_t>(random() % bytes.size())));
      check_refused(bad, "truncated at random");
    }
    // Flip single bits anywhere: the checksums (or the header checks) catch every one.
    for (int k = 0; k < 60; ++k) {
      std::string flipped = bytes;
      const std::size_t at = k < 10 ? static_cast<std::size_t>(k) * 4 : static_cast<std::size_t>(random() % bytes.size());
      flipped[at] = static_cast<char>(flipped[at] ^ (1 << (random() % 8)));
      write_bytes(bad, flipped);
      check_refused(bad, "a flipped bit");
    }
    // Bytes appended after the end.
    write_bytes(bad, bytes + "tail");
    check_refused(bad, "appended bytes");
  }

  TEST_CASE("foreign and newer files are refused with the reason") {
    kin_test::TempDir dir;
    const std::string bad = dir.file("foreign.kin");
    write_bytes(bad, "unit_id,name\nU1,Dinas\n");
    CHECK_THROWS_WITH_AS(kinerja::load_snapshot(bad), doctest::Contains("does not start with a snapshot header"),
                         kinerja::error);
    write_bytes(bad, "");
    CHECK_THROWS_AS(kinerja::load_snapshot(bad), kinerja::error);
    CHECK_THROWS_AS(kinerja::load_snapshot(dir.file("missing.kin")), kinerja::error);
    // A format version from the future: the header checksum covers it, so an edited version is
    // refused either way (the XML test below checks the message of a newer version).
    const std::string good = dir.file("good.kin");
    kinerja::save_snapshot(good, sample());
    std::string bytes = read_bytes(good);
    const std::uint32_t future = kinerja::snapshot_format_version + 1;
    std::memcpy(bytes.data() + 8, &future, 4);
    write_bytes(bad, bytes);
    CHECK_THROWS_AS(kinerja::load_snapshot(bad), kinerja::error);
    // A limit below the file size.
    kinerja::SnapshotLimits small;
    small.max_file_bytes = 1000;
    CHECK_THROWS_WITH_AS(kinerja::load_snapshot(good, small), doctest::Contains("limit"), kinerja::error);
  }

  TEST_CASE("randomly damaged XML snapshots are refused or load a valid dataset") {
    kin_test::TempDir dir;
    const std::string good = dir.file("good.xml"), bad = dir.file("bad.xml");
    kinerja::save_snapshot(good, sample(), {}, kinerja::SnapshotFormat::Xml);
    const std::string xml = read_bytes(good);
    std::mt19937_64 random(11);
    int refused = 0;
    for (int k = 0; k < 40; ++k) {
      std::string damaged = xml;
      for (int changes = 0; changes < 3; ++changes) {
        const std::size_t at = static_cast<std::size_t>(random() % damaged.size());
        damaged[at] = "<>/ 0123456789x\"&;"[random() % 18];
      }
      write_bytes(bad, damaged);
      // Text damage can hit a name or a number and still be a valid dataset; what is loaded must
      // then pass the same validation, so analyses run on it. Anything else is an error.
      try {
        const kinerja::Snapshot s = kinerja::load_snapshot(bad);
        CHECK(s.dataset.employees.size() == sample().employees.size());
        (void)kinerja::score(s.dataset, 2025, kinerja::RulePack::for_year(2025));
      } catch (const kinerja::error& e) {
        CHECK(std::string(e.what()).find(bad) != std::string::npos);
        ++refused;
      }
    }
    CHECK(refused > 20);
  }

  TEST_CASE("an XML snapshot with impossible references or cycles is refused") {
    kin_test::TempDir dir;
    const std::string good = dir.file("good.xml"), bad = dir.file("bad.xml");
    kinerja::save_snapshot(good, sample(), {}, kinerja::SnapshotFormat::Xml);
    const std::string xml = read_bytes(good);
    auto replace_column = [&](const std::string& name, const std::string& values) {
      const std::string open = "<" + name + ">", close = "</" + name + ">";
      const std::size_t a = xml.find(open), b = xml.find(close);
      REQUIRE(a != std::string::npos);
      REQUIRE(b != std::string::npos);
      return xml.substr(0, a + open.size()) + values + xml.substr(b);
    };
    // A unit whose parent is a row that does not exist.
    std::string values = "4294967295";
    for (std::size_t k = 1; k < sample().units.size(); ++k) values += k == 3 ? " 999" : " 0";
    write_bytes(bad, replace_column("units.parent", values));
    CHECK_THROWS_WITH_AS(kinerja::load_snapshot(bad), doctest::Contains("does not exist"), kinerja::error);
    // Two units that are each other's parent.
    values = "1 0";
    for (std::size_t k = 2; k < sample().units.size(); ++k) values += " 0";
    write_bytes(bad, replace_column("units.parent", values));
    CHECK_THROWS_WITH_AS(kinerja::load_snapshot(bad), doctest::Contains("cycle"), kinerja::error);
    // A value that is not a number, and a cut file.
    write_bytes(bad, replace_column("indicators.target", "12 abc"));
    CHECK_THROWS_AS(kinerja::load_snapshot(bad), kinerja::error);
    write_bytes(bad, xml.substr(0, xml.size() / 2));
    CHECK_THROWS_AS(kinerja::load_snapshot(bad), kinerja::error);
    // A newer format version.
    const std::size_t at = xml.find("<format_version>");
    REQUIRE(at != std::string::npos);
    std::string newer = xml;
    newer.replace(at + 16, 1, "9");
    write_bytes(bad, newer);
    CHECK_THROWS_WITH_AS(kinerja::load_snapshot(bad), doctest::Contains("newer"), kinerja::error);
  }
}
