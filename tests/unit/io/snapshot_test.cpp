// Snapshots: round trips that are bit-identical, and damaged files that are refused, for both
// ways of loading the binary form (the file mapped and used in place, or copied into memory).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/generate.hpp"
#include "kinerja/load.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/score.hpp"
#include "kinerja/snapshot.hpp"
#include "kinerja/table.hpp"
#include "support/temp_dir.hpp"

namespace {

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

kinerja::SnapshotLoadOptions load_mode(bool map_file) {
  kinerja::SnapshotLoadOptions options;
  options.map_file = map_file;
  return options;
}

// Expects loading `path` to fail with a kinerja::error naming the path, in both load modes.
void check_refused(const std::string& path, const char* what) {
  CAPTURE(what);
  for (bool map_file : {true, false}) {
    CAPTURE(map_file);
    try {
      (void)kinerja::load_snapshot(path, load_mode(map_file));
      FAIL("a damaged snapshot was loaded: " << what);
    } catch (const kinerja::error& e) {
      CHECK(std::string(e.what()).find(path) != std::string::npos);
    }
  }
}

// The position of `column`'s bytes in `file` (a snapshot), found by their content.
template <typename T>
std::size_t find_column(const std::string& file, const kinerja::DataColumn<T>& column) {
  return file.find(std::string(reinterpret_cast<const char*>(column.data()), column.size() * sizeof(T)));
}

// Calls check(name, data, bytes, mapped) for the storage of every column of a dataset that is
// visible from outside (the private offsets and hash tables of the pools are loaded alike).
template <typename Check>
void each_column(const kinerja::Dataset& d, Check check) {
  auto column = [&](const char* name, const auto& c) {
    check(name, static_cast<const void*>(c.data()), c.size() * sizeof(c[0]), c.get_allocator().mapping() != nullptr);
  };
  auto chars = [&](const char* name, const auto& pool) {
    if (pool.size() > 0) check(name, static_cast<const void*>(pool[0].data()), std::size_t{1}, true);
  };
  chars("units.ids", d.units.ids);
  chars("units.name", d.units.name);
  column("units.parent", d.units.parent);
  column("units.agency", d.units.agency);
  chars("employees.nips", d.employees.nips);
  chars("employees.name", d.employees.name);
  column("employees.unit", d.employees.unit);
  column("employees.rater", d.employees.rater);
  column("employees.status", d.employees.status);
  column("employees.grade", d.employees.grade);
  column("employees.position", d.employees.position);
  const kinerja::IndicatorTable& i = d.indicators;
  chars("indicators.ids", i.ids);
  chars("indicators.name", i.name);
  column("indicators.owner_type", i.owner_type);
  column("indicators.owner", i.owner);
  column("indicators.year", i.year);
  column("indicators.rhk", i.rhk);
  column("indicators.kind", i.kind);
  column("indicators.aspect", i.aspect);
  column("indicators.unit_of_measure", i.unit_of_measure);
  column("indicators.polarity", i.polarity);
  column("indicators.target", i.target);
  column("indicators.target_upper", i.target_upper);
  column("indicators.weight", i.weight);
  column("indicators.accumulation", i.accumulation);
  column("indicators.parent", i.parent);
  column("indicators.target_is_max", i.target_is_max);
  const kinerja::RealizationTable& r = d.realizations;
  column("realizations.indicator", r.indicator);
  column("realizations.period", r.period);
  column("realizations.value", r.value);
  column("realizations.index_offsets", r.offsets);
  column("realizations.index_order", r.order);
  column("realizations.in_period_order", r.in_period_order);
  const kinerja::RatingTable& g = d.ratings;
  for (const auto* c : {&g.employee, &g.rater}) column("ratings", *c);
  column("ratings.period", g.period);
  column("ratings.result", g.result);
  column("ratings.behavior", g.behavior);
  column("ratings.innovation", g.innovation);
  const kinerja::FeedbackTable& f = d.feedback;
  for (const auto* c : {&f.rater, &f.external_rater, &f.ratee, &f.aspect}) column("feedback", *c);
  column("feedback.period", f.period);
  column("feedback.source", f.source);
  column("feedback.score", f.score);
  column("org_ratings.unit", d.org_ratings.unit);
  column("org_ratings.period", d.org_ratings.period);
  column("org_ratings.predikat", d.org_ratings.predikat);
  column("surveys.unit", d.surveys.unit);
  column("surveys.period", d.surveys.period);
  column("surveys.respondent", d.surveys.respondent);
  column("surveys.answers", d.surveys.answers);
}

}  // namespace

TEST_SUITE("io") {
  TEST_CASE("binary and XML snapshots give back the dataset and its results bit for bit") {
    kin_test::TempDir dir;
    const kinerja::Dataset& d = sample();
    const auto results = kinerja::score_tables(d, kinerja::score(d, 2025, kinerja::RulePack::for_year(2025)));
    for (auto [format, map_file] : {std::pair{kinerja::SnapshotFormat::Binary, true}, std::pair{kinerja::SnapshotFormat::Binary, false},
                                    std::pair{kinerja::SnapshotFormat::Xml, true}}) {
      CAPTURE(static_cast<int>(format));
      CAPTURE(map_file);
      const std::string first = dir.file("first.kin"), second = dir.file("second.kin");
      kinerja::save_snapshot(first, d, results, format);
      CHECK(kinerja::is_snapshot(first));
      const kinerja::Snapshot loaded = kinerja::load_snapshot(first, load_mode(map_file));
      // Saving what was loaded writes the same bytes.
      kinerja::save_snapshot(second, loaded.dataset, loaded.results, format);
      CHECK(kin_test::read_file(first) == kin_test::read_file(second));
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

  TEST_CASE("a version-1 snapshot of an older kinerja is still read") {
    // Written by kinerja before format version 2 (tests/data/README.md). Its columns are not
    // aligned, so both load modes copy them; compared through the XML form, which holds every
    // value and no padding.
    kin_test::TempDir dir;
    kinerja::GeneratorOptions options;
    options.employees = 40;
    options.seed = 3;
    kinerja::save_snapshot(dir.file("now.xml"), kinerja::generate_dataset(options), {}, kinerja::SnapshotFormat::Xml);
    const std::string expected = kin_test::read_file(dir.file("now.xml"));
    for (bool map_file : {true, false}) {
      CAPTURE(map_file);
      const kinerja::Snapshot old = kinerja::load_snapshot(KIN_TEST_DATA_DIR "/snapshot/gen40-v1.kin", load_mode(map_file));
      CHECK(old.dataset.employees.size() == 40);
      kinerja::save_snapshot(dir.file("old.xml"), old.dataset, old.results, kinerja::SnapshotFormat::Xml);
      CHECK(kin_test::read_file(dir.file("old.xml")) == expected);
    }
  }

  TEST_CASE("the same dataset loaded twice gives the same snapshot bytes") {
    // Loaded into different memory (the first load's leftovers on the heap): a snapshot holds no
    // padding or other uninitialised bytes.
    kin_test::TempDir dir;
    std::vector<std::string> files;
    for (int round = 0; round < 2; ++round) {
      kinerja::Diagnostics diags;
      const kinerja::Dataset d = kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
      REQUIRE_FALSE(diags.has_errors());
      const std::string path = dir.file("round" + std::to_string(round) + ".kin");
      kinerja::save_snapshot(path, d);
      files.push_back(kin_test::read_file(path));
    }
    CHECK(files[0] == files[1]);
  }

  TEST_CASE("a mapped binary snapshot: columns in place, aligned, and the file never changes") {
    kin_test::TempDir dir;
    const std::string path = dir.file("mapped.kin");
    kinerja::save_snapshot(path, sample());
    const std::string bytes = kin_test::read_file(path);
    kinerja::DataColumn<double> values;
    kinerja::DataColumn<kinerja::Index> units;
    {
      kinerja::Snapshot loaded = kinerja::load_snapshot(path, load_mode(true));
      kinerja::Dataset& d = loaded.dataset;
#if defined(__linux__)
      // Every non-empty column lies in the mapping, at an offset that is a multiple of 64 (the
      // mapping starts on a page).
      int columns = 0;
      each_column(d, [&](const char* name, const void* data, std::size_t size, bool mapped) {
        CAPTURE(name);
        if (size == 0) return;
        ++columns;
        CHECK(mapped);
        CHECK(reinterpret_cast<std::uintptr_t>(data) % 64 == 0);
      });
      CHECK(columns > 40);
      CHECK(d.realizations.value.get_allocator().mapping() != nullptr);
#endif
      // Found in the file by their content, the columns start at multiples of 64 too.
      for (std::size_t at : {find_column(bytes, d.realizations.value), find_column(bytes, d.indicators.target),
                             find_column(bytes, d.employees.unit), find_column(bytes, d.feedback.score)}) {
        REQUIRE(at != std::string::npos);
        CHECK(at % 64 == 0);
      }
      // Writing in place and growing beyond the capacity change the dataset, not the file.
      const double first = d.realizations.value[0];
      d.realizations.value[0] = first + 1000.0;
      CHECK(d.realizations.value[0] == first + 1000.0);
      const std::size_t rows = d.ratings.employee.size();
      d.ratings.employee.push_back(0);
      CHECK(d.ratings.employee.size() == rows + 1);
      CHECK(d.ratings.employee.get_allocator().mapping() != nullptr);  // moved to the heap, same allocator
      CHECK(std::equal(sample().ratings.employee.begin(), sample().ratings.employee.end(), d.ratings.employee.begin()));
      CHECK(kin_test::read_file(path) == bytes);
      d.realizations.value[0] = first;
      // A copy is a heap column; clearing and resizing a mapped column gives zeroes again.
      const kinerja::DataColumn<double> copy = d.indicators.target;
      CHECK(copy.get_allocator().mapping() == nullptr);
      CHECK(copy == sample().indicators.target);
      kinerja::DataColumn<std::uint8_t>& answers = d.surveys.answers;
      REQUIRE(answers.size() > 10);
      answers.clear();
      answers.resize(10);
      CHECK(std::count(answers.begin(), answers.end(), 0) == 10);
      // Columns moved out keep the mapping alive after the dataset is gone.
      values = std::move(d.realizations.value);
      units = std::move(d.employees.unit);
    }
    CHECK(std::equal(values.begin(), values.end(), sample().realizations.value.begin(), sample().realizations.value.end(),
                     [](double a, double b) { return a == b || (a != a && b != b); }));
    CHECK(units == sample().employees.unit);
    CHECK(kin_test::read_file(path) == bytes);
    // Saving over a file that is still mapped writes a new file: the mapped columns keep the old
    // contents.
    kinerja::Dataset other = sample();
    other.realizations.value.assign(other.realizations.value.size(), 1.0);
    kinerja::save_snapshot(path, other);
    CHECK(units == sample().employees.unit);
    CHECK(std::equal(values.begin(), values.end(), sample().realizations.value.begin(), sample().realizations.value.end(),
                     [](double a, double b) { return a == b || (a != a && b != b); }));
  }

  TEST_CASE("of several damaged columns, the first in the file is reported, in both load modes") {
    kin_test::TempDir dir;
    const std::string good = dir.file("good.kin"), bad = dir.file("bad.kin");
    kinerja::save_snapshot(good, sample());
    std::string bytes = kin_test::read_file(good);
    const std::size_t target = find_column(bytes, sample().indicators.target);
    const std::size_t value = find_column(bytes, sample().realizations.value);
    REQUIRE(target != std::string::npos);
    REQUIRE(value != std::string::npos);
    REQUIRE(target < value);
    bytes[value + 3] = static_cast<char>(bytes[value + 3] ^ 0x10);
    write_bytes(bad, bytes);
    for (bool map_file : {true, false}) {
      CHECK_THROWS_WITH_AS(kinerja::load_snapshot(bad, load_mode(map_file)),
                           doctest::Contains("column realizations.value is corrupted"), kinerja::error);
    }
    bytes[target + 5] = static_cast<char>(bytes[target + 5] ^ 0x01);
    write_bytes(bad, bytes);
    for (bool map_file : {true, false}) {
      CHECK_THROWS_WITH_AS(kinerja::load_snapshot(bad, load_mode(map_file)),
                           doctest::Contains("column indicators.target is corrupted"), kinerja::error);
    }
    // Damage in the padding before a column (between its checksum and its bytes) is found too.
    const std::string good_bytes = kin_test::read_file(good);
    int padded_columns = 0;
    for (std::size_t at : {target, value}) {
      const std::uint64_t count = at == target ? sample().indicators.target.size() : sample().realizations.value.size();
      std::size_t pad = 0;
      while (pad < 64 && std::memcmp(good_bytes.data() + at - pad - 16, &count, 8) != 0) ++pad;
      REQUIRE(pad < 64);
      if (pad == 0) continue;
      ++padded_columns;
      std::string padded = good_bytes;
      padded[at - 1] = 'x';
      write_bytes(bad, padded);
      check_refused(bad, "damaged padding");
      CHECK_THROWS_WITH_AS(kinerja::load_snapshot(bad), doctest::Contains("padding"), kinerja::error);
    }
    CHECK(padded_columns > 0);
  }

  TEST_CASE("truncated and corrupted binary snapshots are refused") {
    kin_test::TempDir dir;
    const std::string good = dir.file("good.kin"), bad = dir.file("bad.kin");
    kinerja::save_snapshot(good, sample());
    const std::string bytes = kin_test::read_file(good);
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
    std::string bytes = kin_test::read_file(good);
    const std::uint32_t future = kinerja::snapshot_format_version + 1;
    std::memcpy(bytes.data() + 8, &future, 4);
    write_bytes(bad, bytes);
    CHECK_THROWS_AS(kinerja::load_snapshot(bad), kinerja::error);
    // A limit below the file size.
    kinerja::SnapshotLoadOptions small;
    small.max_file_bytes = 1000;
    CHECK_THROWS_WITH_AS(kinerja::load_snapshot(good, small), doctest::Contains("limit"), kinerja::error);
  }

  TEST_CASE("randomly damaged XML snapshots are refused or load a valid dataset") {
    kin_test::TempDir dir;
    const std::string good = dir.file("good.xml"), bad = dir.file("bad.xml");
    kinerja::save_snapshot(good, sample(), {}, kinerja::SnapshotFormat::Xml);
    const std::string xml = kin_test::read_file(good);
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
    const std::string xml = kin_test::read_file(good);
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
