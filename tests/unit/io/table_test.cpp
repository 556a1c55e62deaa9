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

// Every table equals the file of the same name written by the writer.
void check_same(const std::vector<kinerja::Table>& tables, const std::vector<std::string>& files) {
  REQUIRE(tables.size() == files.size());
  for (std::size_t k = 0; k < tables.size(); ++k) {
    CAPTURE(tables[k].name);
    CHECK(files[k].size() > tables[k].name.size());
    CHECK(files[k].find(tables[k].name + ".csv") != std::string::npos);
    CHECK(as_csv(tables[k]) == kin_test::read_file(files[k]));
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

  TEST_CASE("collected columns keep their declared types whatever the values") {
    using kinerja::ColumnType;
    kinerja::Table t;
    t.name = "typed";
    kinerja::detail::TableCollector w(t);
    w.header({{"a", ColumnType::Number}, {"b", ColumnType::Integer}, {"c", ColumnType::Text}, {"d", ColumnType::Number}});
    w.integer(1).empty().text("x").number(std::nan(""));
    w.end_row();
    w.number(0.5).integer(7).text("").empty();
    w.end_row();
    w.finish();
    REQUIRE(t.rows == 2);
    CHECK(t.columns[0].type == ColumnType::Number);
    CHECK(t.columns[0].numbers == std::vector<double>{1.0, 0.5});
    CHECK(t.columns[1].type == ColumnType::Integer);
    CHECK(t.columns[1].integers == std::vector<std::int64_t>{0, 7});
    CHECK(t.columns[1].present == std::vector<std::uint8_t>{0, 1});
    CHECK(t.columns[2].type == ColumnType::Text);
    CHECK(t.columns[2].texts == std::vector<std::string>{"x", ""});
    CHECK(t.columns[2].present == std::vector<std::uint8_t>{1, 0});
    // A column without any value keeps its type: a number column of nulls.
    CHECK(t.columns[3].type == ColumnType::Number);
    CHECK(t.columns[3].present == std::vector<std::uint8_t>{0, 0});
    CHECK(std::isnan(t.columns[3].numbers[1]));
    CHECK(to_string(ColumnType::Integer) == "integer");
    // A value that does not fit its column is a bug, not a silent conversion.
    kinerja::detail::TableCollector again(t);
    again.header({{"a", ColumnType::Integer}, {"b", ColumnType::Text}});
    CHECK_THROWS_AS(again.number(2.5), kinerja::error);
    CHECK_THROWS_AS(again.integer(4), kinerja::error);  // an integer in the text column
    kinerja::detail::TableCollector short_row(t);
    short_row.header({{"a", ColumnType::Integer}, {"b", ColumnType::Text}});
    short_row.integer(1);
    CHECK_THROWS_AS(short_row.end_row(), kinerja::error);
  }

  TEST_CASE("a table without rows still has the types of its columns") {
    kinerja::Diagnostics diags;
    const kinerja::Dataset d = kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
    const kinerja::RulePack rules = kinerja::RulePack::for_year(2019);
    const kinerja::ScoreResult scored = kinerja::score(d, 2019, rules);  // a year without indicators
    const std::vector<kinerja::Table> tables = kinerja::score_tables(d, scored);
    CHECK(tables[0].rows == 0);
    CHECK(tables[0].find("achievement")->type == kinerja::ColumnType::Number);
    CHECK(tables[0].find("periods")->type == kinerja::ColumnType::Integer);
    // Under 6/2022 the numeric final score has no value for anyone, and stays a number column.
    const kinerja::ScoreResult now = kinerja::score(d, 2025, kinerja::RulePack::for_year(2025));
    CHECK(kinerja::score_tables(d, now)[1].find("final_score")->type == kinerja::ColumnType::Number);
  }
}
