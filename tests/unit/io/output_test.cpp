#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "io/output.hpp"
#include "kinerja/error.hpp"
#include "kinerja/load.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

TEST_SUITE("io") {
  TEST_CASE("output files appear only when the whole set is committed") {
    kin_test::TempDir dir;
    const std::string out = dir.path() + "/results/2025";
    {
      kinerja::detail::OutputSet files(out);
      files.open("a.csv") << "x\n1\n";
      files.open("b.csv") << "y\n2\n";
      // no commit: as if the run failed half-way
    }
    CHECK(fs::exists(out));
    CHECK(fs::is_empty(out));
    {
      kinerja::detail::OutputSet files(out);
      files.open("a.csv") << "x\n1\n";
      files.open("b.csv") << "y\n2\n";
      const auto paths = files.commit();
      CHECK(paths.size() == 2);
    }
    CHECK(kin_test::read_file(out + "/a.csv") == "x\n1\n");
    CHECK(kin_test::read_file(out + "/b.csv") == "y\n2\n");
    {
      // A later failed run leaves the previous results untouched.
      kinerja::detail::OutputSet files(out);
      files.open("a.csv") << "partial";
    }
    CHECK(kin_test::read_file(out + "/a.csv") == "x\n1\n");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++entries;
    CHECK(entries == 2);
  }

  TEST_CASE("an output folder that cannot be created is an I/O error") {
    kin_test::TempDir dir;
    dir.write("file", "x");
    CHECK_THROWS_AS(kinerja::detail::OutputSet(dir.file("file") + "/sub"), kinerja::error);
  }

  TEST_CASE("CSV writer: quoting, full-precision numbers, empty for NaN") {
    std::ostringstream s;
    kinerja::detail::CsvWriter w(s);
    w.header({{"a", kinerja::ColumnType::Text}, {"b", kinerja::ColumnType::Number}});
    w.text("Dinas \"A\", Bidang B").number(0.1 + 0.2).number(std::numeric_limits<double>::quiet_NaN()).integer(-7);
    w.end_row();
    w.number(107.5).text("line\nbreak").empty();
    w.end_row();
    CHECK(s.str() == "a,b\n\"Dinas \"\"A\"\", Bidang B\",0.30000000000000004,,-7\n107.5,\"line\nbreak\",\n");
    std::ostringstream big;
    kinerja::detail::CsvWriter(big).number(100000).number(250000000).number(1e-7).end_row();
    CHECK(big.str() == "100000,250000000,0.0000001\n");
  }

  TEST_CASE("rules files: a base pack and overrides, with located errors") {
    kin_test::TempDir dir;
    const std::string ok = dir.write("ok.rules",
                                     "# agency rules\n"
                                     "base = permenpanrb-6-2022\n"
                                     "achievement.cap = 110   # as in our Perbup\n"
                                     "\n"
                                     "distribution.rounding = round_half_up\n");
    const kinerja::RulePack p = kinerja::load_rules_file(ok);
    CHECK(p.name() == "permenpanrb-6-2022");
    CHECK(p.get("achievement.cap") == "110");
    CHECK(p.get("distribution.rounding") == "round_half_up");
    CHECK(kinerja::load_rule_pack(ok).modified());
    CHECK(kinerja::load_rule_pack("pp-46-2011").name() == "pp-46-2011");

    auto error_of = [&](const std::string& content) {
      const std::string path = dir.write("bad.rules", content);
      try {
        kinerja::load_rules_file(path);
      } catch (const kinerja::error& e) {
        std::string text = e.what();
        return text.substr(text.find("bad.rules"));
      }
      return std::string("no error");
    };
    CHECK(error_of("achievement.cap = -1\n") ==
          "bad.rules:1:19: invalid value '-1' for achievement.cap (allowed: a number > 0 | none)");
    CHECK(error_of("\n  achievement.kap = 1\n").rfind("bad.rules:2:3: rule pack permenpanrb-6-2022 has no setting", 0) == 0);
    CHECK(error_of("achievement.cap 110\n") == "bad.rules:1:1: expected 'key = value'");
    CHECK(error_of("achievement.cap = 110\nbase = pp-46-2011\n") ==
          "bad.rules:2:8: 'base' must come before the settings it changes");
    CHECK(error_of("base = permenpanrb-9-2099\n").rfind("bad.rules:1:8: unknown rule pack", 0) == 0);
    CHECK(error_of("achievement.cap = 110\nachievement.cap = 100\n") == "bad.rules:2:1: 'achievement.cap' is set twice");
    CHECK_THROWS_AS(kinerja::load_rule_pack(dir.file("missing.rules")), kinerja::error);
  }

  TEST_CASE("JSON writer: an array of objects, numbers as numbers, no value as null") {
    std::ostringstream s;
    kinerja::detail::JsonWriter w(s);
    w.header({{"id", kinerja::ColumnType::Text},
              {"score", kinerja::ColumnType::Number},
              {"note", kinerja::ColumnType::Text},
              {"n", kinerja::ColumnType::Integer}});
    w.text("U\"1\"\\x").number(107.5).text("").integer(3);
    w.end_row();
    w.text("tab\there\n").number(std::numeric_limits<double>::quiet_NaN()).empty().integer(-1);
    w.end_row();
    w.finish();
    CHECK(s.str() ==
          "[\n {\"id\": \"U\\\"1\\\"\\\\x\", \"score\": 107.5, \"note\": null, \"n\": 3},\n"
          " {\"id\": \"tab\\u0009here\\u000a\", \"score\": null, \"note\": null, \"n\": -1}\n]\n");
    std::ostringstream none;
    kinerja::detail::JsonWriter empty_table(none);
    empty_table.header({{"a", kinerja::ColumnType::Text}});
    empty_table.finish();
    CHECK(none.str() == "[]\n");
  }
}
