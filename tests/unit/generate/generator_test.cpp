// The synthetic dataset generator: sizes, determinism, validity, equality of the in-memory and
// the written dataset, the structural promises of docs/generate.md, and that the analyses find
// what was planted.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "kinerja/calibration.hpp"
#include "kinerja/error.hpp"
#include "kinerja/generate.hpp"
#include "kinerja/load.hpp"
#include "kinerja/score.hpp"
#include "support/temp_dir.hpp"

using namespace kinerja;

namespace {

const char* const file_names[] = {"units.csv",   "employees.csv", "indicators.csv",  "realizations.csv",
                                  "ratings.csv", "feedback.csv",  "org_ratings.csv", "surveys.csv"};

GeneratorOptions options_for(std::size_t n, std::uint64_t seed = 1) {
  GeneratorOptions o;
  o.employees = n;
  o.seed = seed;
  return o;
}

// Equal, with NaN equal to NaN.
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

template <class T>
bool same_column(const DataColumn<T>& a, const DataColumn<T>& b) {
  return a == b;
}
bool same_column(const DataColumn<double>& a, const DataColumn<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same(a[i], b[i])) return false;
  }
  return true;
}
bool same_pool(const IdPool& a, const IdPool& b) {
  if (a.size() != b.size()) return false;
  for (Index i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}
bool same_text(const TextColumn& a, const TextColumn& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

TEST_SUITE("generate") {
  TEST_CASE("the dataset has exactly the requested number of employees") {
    for (std::size_t n : {std::size_t{1}, std::size_t{37}, std::size_t{1000}, std::size_t{20000}}) {
      CAPTURE(n);
      GeneratorReport report;
      const Dataset d = generate_dataset(options_for(n), &report);
      CHECK(d.employees.size() == n);
      CHECK(report.agencies >= 1);
      CHECK(d.units.size() == report.units);
      CHECK(d.units.size() >= 1);
      CHECK(d.units.size() <= n);
    }
  }

  TEST_CASE("the same seed writes byte-identical folders and another seed differs") {
    kin_test::TempDir a, b, c;
    GeneratorOptions o = options_for(1000, 7);
    o.feedback_share = 1;
    generate_folder(o, a.path());
    generate_folder(o, b.path());
    o.seed = 8;
    generate_folder(o, c.path());
    bool any_difference = false;
    for (const char* f : file_names) {
      CAPTURE(f);
      const std::string x = kin_test::read_file(a.file(f));
      CHECK(x.size() > 0);
      CHECK(x == kin_test::read_file(b.file(f)));
      any_difference |= x != kin_test::read_file(c.file(f));
    }
    CHECK(any_difference);
  }

  TEST_CASE("a generated folder loads without any problem") {
    kin_test::TempDir dir;
    GeneratorOptions o = options_for(3000, 3);
    o.feedback_share = 1;
    GeneratorReport report;
    generate_folder(o, dir.path(), &report);
    Diagnostics diagnostics;
    const Dataset d = load_dataset(dir.path(), diagnostics);
    for (const Diagnostic& item : diagnostics.items()) MESSAGE(item.to_string());
    CHECK_FALSE(diagnostics.has_errors());
    CHECK(diagnostics.warning_count() == 0);
    CHECK(d.employees.size() == 3000);
    REQUIRE(report.tables.size() == 8);
    const auto summary = d.summary();
    for (std::size_t t = 0; t < 8; ++t) {
      CAPTURE(report.tables[t].name);
      CHECK(summary[t].present);
      CHECK(summary[t].rows == report.tables[t].rows);
      CHECK(summary[t].rows > 0);
    }
  }

  TEST_CASE("generate_dataset equals load_dataset of generate_folder") {
    kin_test::TempDir dir;
    GeneratorOptions o = options_for(1500, 11);
    o.feedback_share = 1;
    o.iki_names = true;
    o.as_of_month = 9;
    generate_folder(o, dir.path());
    Diagnostics diagnostics;
    const Dataset loaded = load_dataset(dir.path(), diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    const Dataset built = generate_dataset(o);

    const auto a = built.summary(), b = loaded.summary();
    REQUIRE(a.size() == b.size());
    for (std::size_t t = 0; t < a.size(); ++t) {
      CAPTURE(a[t].name);
      CHECK(a[t].rows == b[t].rows);
      CHECK(a[t].present == b[t].present);
    }
    // units
    CHECK(same_pool(built.units.ids, loaded.units.ids));
    CHECK(same_text(built.units.name, loaded.units.name));
    CHECK(built.units.parent == loaded.units.parent);
    CHECK(built.units.agency == loaded.units.agency);
    CHECK(same_pool(built.units.agencies, loaded.units.agencies));
    // employees
    const EmployeeTable &be = built.employees, &le = loaded.employees;
    CHECK(same_pool(be.nips, le.nips));
    CHECK(same_text(be.name, le.name));
    CHECK(be.unit == le.unit);
    CHECK(be.rater == le.rater);
    CHECK(be.status == le.status);
    CHECK(be.grade == le.grade);
    CHECK(be.position == le.position);
    // indicators
    const IndicatorTable &bi = built.indicators, &li = loaded.indicators;
    CHECK(same_pool(bi.ids, li.ids));
    CHECK(bi.owner_type == li.owner_type);
    CHECK(bi.owner == li.owner);
    CHECK(bi.year == li.year);
    CHECK(same_text(bi.name, li.name));
    CHECK(bi.rhk == li.rhk);
    CHECK(same_pool(bi.rhks, li.rhks));
    CHECK(bi.kind == li.kind);
    CHECK(bi.aspect == li.aspect);
    CHECK(bi.unit_of_measure == li.unit_of_measure);
    CHECK(same_pool(bi.units_of_measure, li.units_of_measure));
    CHECK(bi.polarity == li.polarity);
    CHECK(same_column(bi.target, li.target));
    CHECK(same_column(bi.target_upper, li.target_upper));
    CHECK(same_column(bi.weight, li.weight));
    CHECK(bi.accumulation == li.accumulation);
    CHECK(bi.parent == li.parent);
    CHECK(bi.target_is_max == li.target_is_max);
    // realizations, with the index
    const RealizationTable &br = built.realizations, &lr = loaded.realizations;
    CHECK(br.indicator == lr.indicator);
    CHECK(br.period == lr.period);
    CHECK(same_column(br.value, lr.value));
    CHECK(br.offsets == lr.offsets);
    CHECK(br.order == lr.order);
    CHECK(br.in_period_order == lr.in_period_order);
    CHECK(br.has_index());
    // the other tables
    CHECK(built.ratings.employee == loaded.ratings.employee);
    CHECK(built.ratings.period == loaded.ratings.period);
    CHECK(built.ratings.result == loaded.ratings.result);
    CHECK(built.ratings.behavior == loaded.ratings.behavior);
    CHECK(built.ratings.rater == loaded.ratings.rater);
    CHECK(built.ratings.innovation == loaded.ratings.innovation);
    CHECK(built.feedback.rater == loaded.feedback.rater);
    CHECK(built.feedback.ratee == loaded.feedback.ratee);
    CHECK(built.feedback.source == loaded.feedback.source);
    CHECK(same_column(built.feedback.score, loaded.feedback.score));
    CHECK(built.feedback.aspect == loaded.feedback.aspect);
    CHECK(same_pool(built.feedback.aspects, loaded.feedback.aspects));
    CHECK(built.org_ratings.unit == loaded.org_ratings.unit);
    CHECK(built.org_ratings.predikat == loaded.org_ratings.predikat);
    CHECK(built.surveys.unit == loaded.surveys.unit);
    CHECK(built.surveys.respondent == loaded.surveys.respondent);
    CHECK(built.surveys.answers == loaded.surveys.answers);
  }

  TEST_CASE("the structure keeps its promises") {
    GeneratorOptions o = options_for(3000, 5);
    o.feedback_share = 1;
    const Dataset d = generate_dataset(o);
    const EmployeeTable& e = d.employees;
    const UnitTable& u = d.units;

    // Unit heads: the first employee of each unit (employees are written head first).
    std::vector<Index> head(u.size(), no_index);
    for (Index i = 0; i < e.size(); ++i) {
      if (head[e.unit[i]] == no_index) head[e.unit[i]] = i;
    }
    std::size_t roots = 0;
    for (Index x = 0; x < u.size(); ++x) {
      CHECK(head[x] != no_index);
      roots += u.parent[x] == no_index;
    }
    std::size_t without_rater = 0, wrong_rater = 0, endless = 0;
    for (Index i = 0; i < e.size(); ++i) {
      const Index unit = e.unit[i];
      if (head[unit] == i) {
        const Index parent = u.parent[unit];
        wrong_rater += e.rater[i] != (parent == no_index ? no_index : head[parent]);
      } else {
        wrong_rater += e.rater[i] != head[unit];
      }
      without_rater += e.rater[i] == no_index;
      // No cycle: the chain ends within the depth of the tree.
      Index r = e.rater[i];
      int steps = 0;
      while (r != no_index && steps < 10) r = e.rater[r], ++steps;
      endless += r != no_index;
    }
    CHECK(wrong_rater == 0);
    CHECK(endless == 0);
    CHECK(without_rater == roots);
    CHECK(std::count(e.status.begin(), e.status.end(), EmploymentStatus::Pppk) > 0);

    // RHK 3..10 and IKI 1..3 per RHK, per employee and year.
    const IndicatorTable& t = d.indicators;
    std::map<std::pair<Index, int>, std::map<Index, int>> per_owner;
    std::set<Polarity> polarities;
    std::set<Accumulation> accumulations;
    std::set<Aspect> aspects;
    std::size_t iki = 0, iki_with_parent = 0, tambahan = 0, bad_cascade = 0;
    for (Index i = 0; i < t.size(); ++i) {
      polarities.insert(t.polarity[i]);
      accumulations.insert(t.accumulation[i]);
      aspects.insert(t.aspect[i]);
      if (t.owner_type[i] != OwnerType::Employee) {
        if (t.parent[i] != no_index) bad_cascade += t.owner_type[t.parent[i]] != OwnerType::Unit;
        continue;
      }
      ++iki;
      REQUIRE(t.rhk[i] != no_index);
      ++per_owner[{t.owner[i], t.year[i]}][t.rhk[i]];
      if (t.kind[i] == IndicatorKind::Tambahan) ++tambahan;
      if (t.parent[i] != no_index) {
        ++iki_with_parent;
        // Cascading: from the unit's IKU, or from the rater's IKI.
        const Index p = t.parent[i];
        if (t.owner_type[p] == OwnerType::Unit) {
          bad_cascade += t.owner[p] != e.unit[t.owner[i]];
        } else {
          bad_cascade += t.owner[p] != e.rater[t.owner[i]];
        }
        bad_cascade += t.year[p] != t.year[i];
      }
    }
    CHECK(bad_cascade == 0);
    CHECK(per_owner.size() == 2 * e.size());
    std::size_t bad_rhk = 0, bad_iki = 0;
    std::map<std::size_t, std::size_t> rhk_histogram;
    for (const auto& [owner, rhks] : per_owner) {
      bad_rhk += rhks.size() < 3 || rhks.size() > 10;
      ++rhk_histogram[rhks.size()];
      for (const auto& [rhk, count] : rhks) bad_iki += count < 1 || count > 3;
    }
    CHECK(bad_rhk == 0);
    CHECK(bad_iki == 0);
    CHECK(rhk_histogram[3] > rhk_histogram[4]);  // skewed towards the smallest SKP
    CHECK(rhk_histogram.size() >= 5);
    CHECK(polarities.size() == 5);
    CHECK(accumulations.size() == 5);
    CHECK(aspects.count(Aspect::Kuantitas) == 1);
    CHECK(aspects.count(Aspect::Waktu) == 1);
    CHECK(tambahan > 0);
    CHECK(iki_with_parent + tambahan == iki);

    // Quarterly series and monthly series with gaps.
    const RealizationTable& r = d.realizations;
    REQUIRE(r.has_index());
    std::size_t quarterly = 0, gapped = 0, empty = 0, outside_year = 0;
    for (Index i = 0; i < t.size(); ++i) {
      const auto n = r.offsets[i + 1] - r.offsets[i];
      if (n == 0) {
        ++empty;
        continue;
      }
      const Period first = r.period[r.row_at(r.offsets[i])];
      if (first.kind() == PeriodKind::Quarter) ++quarterly;
      if (first.kind() == PeriodKind::Month && n < 12) ++gapped;
      for (auto k = r.offsets[i]; k < r.offsets[i + 1]; ++k) outside_year += r.period[r.row_at(k)].year() != t.year[i];
    }
    CHECK(outside_year == 0);
    CHECK(quarterly > 0);
    CHECK(gapped > 0);
    CHECK(empty > 0);

    // 360 degree feedback from every source but the public.
    std::set<FeedbackSource> sources(d.feedback.source.begin(), d.feedback.source.end());
    CHECK(sources.count(FeedbackSource::Self) == 1);
    CHECK(sources.count(FeedbackSource::Peer) == 1);
    CHECK(sources.count(FeedbackSource::Supervisor) == 1);
    CHECK(sources.count(FeedbackSource::Subordinate) == 1);
    CHECK(d.feedback.aspects.size() == 7);
    CHECK(d.org_ratings.size() == 2 * u.size());
    CHECK(d.ratings.size() == 2 * e.size());
  }

  TEST_CASE("scoring a generated year gives a result score to most employees") {
    const Dataset d = generate_dataset(options_for(2000, 9));
    const ScoreResult s = score(d, 2025, RulePack::for_year(2025));
    REQUIRE(s.employees.size() == d.employees.size());
    std::size_t scored = 0, predikat = 0;
    for (std::size_t i = 0; i < s.employees.size(); ++i) {
      scored += !std::isnan(s.employees.result_score[i]);
      predikat += s.employees.predikat[i] != no_value;
    }
    CHECK(scored > d.employees.size() * 95 / 100);
    CHECK(predikat > d.employees.size() * 95 / 100);
  }

  TEST_CASE("calibration finds the planted lenient raters more lenient than the planted severe ones") {
    GeneratorOptions o = options_for(2000, 13);
    o.feedback_share = 1;
    o.lenient_share = 0.04;
    o.severe_share = 0.04;
    GeneratorReport report;
    const Dataset d = generate_dataset(o, &report);
    REQUIRE(report.lenient_raters.size() > 10);
    REQUIRE(report.severe_raters.size() > 10);
    const CalibrationResult c = calibrate(d, Period::year(2024), RulePack::for_year(2024));
    auto mean_effect = [&](const std::vector<std::string>& nips) {
      double sum = 0;
      int n = 0;
      for (const std::string& nip : nips) {
        const Index row = d.employees.nips.find(nip);
        REQUIRE(row != no_index);
        if (std::isnan(c.rater_effect[row])) continue;
        sum += c.rater_effect[row];
        ++n;
      }
      REQUIRE(n > 0);
      return sum / n;
    };
    const double lenient = mean_effect(report.lenient_raters);
    const double severe = mean_effect(report.severe_raters);
    MESSAGE("mean rater effect: lenient " << lenient << ", severe " << severe);
    CHECK(lenient > 3);
    CHECK(severe < -3);
  }

  TEST_CASE("the estimate is close to the generated row counts") {
    GeneratorOptions o = options_for(20000, 4);
    o.feedback_share = 0.5;
    const GeneratorEstimate est = estimate_dataset(o);
    GeneratorReport report;
    const Dataset d = generate_dataset(o, &report);
    REQUIRE(est.tables.size() == 8);
    CHECK(est.units == d.units.size());
    CHECK(est.agencies == report.agencies);
    for (std::size_t t = 0; t < 8; ++t) {
      CAPTURE(est.tables[t].name);
      const double actual = static_cast<double>(report.tables[t].rows);
      CHECK(est.tables[t].rows == doctest::Approx(actual).epsilon(0.05));
    }
    CHECK(est.memory_bytes == doctest::Approx(static_cast<double>(d.memory_bytes())).epsilon(0.25));
  }

  TEST_CASE("options outside their range are refused") {
    GeneratorOptions o = options_for(0);
    CHECK_THROWS_AS(generate_dataset(o), kinerja::error);
    o = options_for(10);
    o.mean_rhk = 2;
    CHECK_THROWS_AS(check_generator_options(o), kinerja::error);
    o = options_for(10);
    o.first_year = 2026;
    o.last_year = 2025;
    CHECK_THROWS_AS(check_generator_options(o), kinerja::error);
    o = options_for(10);
    o.feedback_aspects = 8;
    CHECK_THROWS_AS(check_generator_options(o), kinerja::error);
    CHECK_NOTHROW(check_generator_options(options_for(10)));
  }

  TEST_CASE("a partial last year stops at the as-of month and has quarterly ratings") {
    GeneratorOptions o = options_for(500, 2);
    o.first_year = o.last_year = 2026;
    o.as_of_month = 8;
    const Dataset d = generate_dataset(o);
    Period latest = Period::year(2026);
    for (const Period& p : d.realizations.period) {
      if (p.first_month() > latest.first_month()) latest = p;
    }
    CHECK(latest.first_month() <= 8);
    CHECK(d.ratings.size() == 2 * d.employees.size());
    CHECK(std::count_if(d.ratings.period.begin(), d.ratings.period.end(),
                        [](const Period& p) { return p.kind() != PeriodKind::Quarter; }) == 0);
    CHECK(d.org_ratings.size() == 0);
  }

  TEST_CASE("the command writes a folder and prints a summary") {
    kin_test::TempDir dir;
    std::ostringstream out, err;
    kinerja_cli::Streams io{out, err};
    const std::string folder = dir.path() + "/gen";
    CHECK(kinerja_cli::run_cli({"generate", "--employees", "120", "--seed", "3", "--out", folder}, io) == 0);
    CHECK(out.str().find("employees.csv") != std::string::npos);
    CHECK(err.str().empty());
    CHECK(kin_test::read_file(folder + "/employees.csv").size() > 0);

    std::ostringstream out2, err2;
    kinerja_cli::Streams io2{out2, err2};
    CHECK(kinerja_cli::run_cli({"generate", "--employees", "5400000", "--estimate"}, io2) == 0);
    CHECK(out2.str().find("realizations.csv") != std::string::npos);

    std::ostringstream out3, err3;
    kinerja_cli::Streams io3{out3, err3};
    CHECK(kinerja_cli::run_cli({"generate", "--out", folder}, io3) == 2);
    CHECK(kinerja_cli::run_cli({"generate", "--employees", "10", "--quarterly", "2", "--out", folder}, io3) == 2);
  }
}
