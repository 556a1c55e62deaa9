// Result tables in memory: the same names, columns and cells as the output files.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/output.hpp"
#include "kinerja/calibration.hpp"
#include "kinerja/distribution_report.hpp"
#include "kinerja/load.hpp"
#include "kinerja/report.hpp"
#include "kinerja/score.hpp"
#include "kinerja/table.hpp"
#include "kinerja/trend_series.hpp"
#include "support/temp_dir.hpp"

namespace {

// The table as the CSV writer would write it, from its typed cells.
std::string as_csv(const kinerja::Table& t) {
  std::ostringstream text;
  kinerja::detail::CsvWriter w(text);
  std::vector<std::string_view> names;
  for (const kinerja::Column& c : t.columns) names.push_back(c.name);
  // header() takes an initializer list: write the header line by hand, as CsvWriter does.
  for (std::size_t k = 0; k < names.size(); ++k) text << (k > 0 ? "," : "") << names[k];
  text << "\n";
  for (std::size_t r = 0; r < t.rows; ++r) {
    for (const kinerja::Column& c : t.columns) {
      if (c.present[r] == 0) {
        w.empty();
      } else if (c.type == kinerja::ColumnType::Number) {
        w.number(c.numbers[r]);
      } else if (c.type == kinerja::ColumnType::Integer) {
        w.integer(c.integers[r]);
      } else {
        w.text(c.texts[r]);
      }
    }
    w.end_row();
  }
  return text.str();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every table equals the file of the same name written by the writer.
void check_same(const std::vector<kinerja::Table>& tables, const std::vector<std::string>& files) {
  REQUIRE(tables.size() == files.size());
  for (std::size_t k = 0; k < tables.size(); ++k) {
    CAPTURE(tables[k].name);
    CHECK(files[k].size() > tables[k].name.size());
    CHECK(files[k].find(tables[k].name + ".csv") != std::string::npos);
    CHECK(as_csv(tables[k]) == read_file(files[k]));
    for (const kinerja::Column& c : tables[k].columns) CHECK(c.size() == tables[k].rows);
  }
}

}  // namespace

TEST_SUITE("io") {
  TEST_CASE("result tables in memory hold the cells of the output files") {
    kinerja::Diagnostics diags;
    const kinerja::Dataset d = kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
    REQUIRE_FALSE(diags.has_errors());
    kin_test::TempDir dir;
    const kinerja::RulePack rules = kinerja::RulePack::for_year(2025);
    const kinerja::ScoreResult scored = kinerja::score(d, 2025, rules);
    const std::vector<kinerja::Table> tables = kinerja::score_tables(d, scored);
    check_same(tables, kinerja::write_score_tables(d, scored, dir.path() + "/score"));
    // Types follow the values: ids are text, counts integers, scores numbers.
    const kinerja::Table& employees = tables[1];
    CHECK(employees.name == "employee_scores");
    CHECK(employees.rows == d.employees.size());
    REQUIRE(employees.find("nip") != nullptr);
    CHECK(employees.find("nip")->type == kinerja::ColumnType::Text);
    CHECK(employees.find("year")->type == kinerja::ColumnType::Integer);
    CHECK(employees.find("result_score")->type == kinerja::ColumnType::Number);
    CHECK(employees.find("no_such_column") == nullptr);
    // 6/2022 has no final score: a column of nulls.
    const kinerja::Column& final_score = *employees.find("final_score");
    for (std::size_t r = 0; r < employees.rows; ++r) CHECK(final_score.present[r] == 0);

    const kinerja::DistributionReport report = kinerja::check_distributions(d, kinerja::Period::year(2025), rules);
    check_same(kinerja::distribution_tables(d, report), kinerja::write_distribution_tables(d, report, dir.path() + "/dist"));

    const kinerja::SeriesTable series =
        kinerja::build_series(d, kinerja::TrendLevel::Unit, kinerja::Period::parse("2024-01"), kinerja::Period::parse("2025-12"));
    const kinerja::TrendTable trends = kinerja::trend_statistics(series);
    check_same(kinerja::trend_tables(d, series, trends, nullptr),
               kinerja::write_trend_table(d, series, trends, nullptr, dir.path() + "/trend"));
  }

  TEST_CASE("a collected column widens integer to number and anything mixed with text to text") {
    kinerja::Table t;
    t.name = "mixed";
    kinerja::detail::TableCollector w(t);
    w.header({"a", "b", "c", "d"});
    w.integer(1).empty().number(2.5).empty();
    w.end_row();
    w.number(0.5).integer(7).text("x").empty();
    w.end_row();
    w.empty().text("").integer(3).empty();
    w.end_row();
    w.finish();
    REQUIRE(t.rows == 3);
    CHECK(t.columns[0].type == kinerja::ColumnType::Number);
    CHECK(t.columns[0].numbers[0] == 1.0);
    CHECK(t.columns[0].numbers[1] == 0.5);
    CHECK(std::isnan(t.columns[0].numbers[2]));
    CHECK(t.columns[1].type == kinerja::ColumnType::Integer);
    CHECK(t.columns[1].integers == std::vector<std::int64_t>{0, 7, 0});
    CHECK(t.columns[1].present == std::vector<std::uint8_t>{0, 1, 0});
    CHECK(t.columns[2].type == kinerja::ColumnType::Text);
    CHECK(t.columns[2].texts == std::vector<std::string>{"2.5", "x", "3"});
    CHECK(t.columns[3].type == kinerja::ColumnType::Text);
    CHECK(t.columns[3].present == std::vector<std::uint8_t>{0, 0, 0});
    CHECK(to_string(kinerja::ColumnType::Integer) == "integer");
  }
}
