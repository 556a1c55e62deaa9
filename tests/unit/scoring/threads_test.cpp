// Every analysis gives the same tables, bit for bit, whatever its thread count (kinerja/threads.hpp):
// score under the three regimes, the distribution check with and without calibration, the
// calibration under both rater models, and the IKM, on the sample and on generated datasets
// large enough that every analysis splits its work into several parts.
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "kinerja/calibration.hpp"
#include "kinerja/distribution_report.hpp"
#include "kinerja/generate.hpp"
#include "kinerja/ikm_report.hpp"
#include "kinerja/load.hpp"
#include "kinerja/score.hpp"
#include "kinerja/table.hpp"

using namespace kinerja;

namespace {

const Dataset& sample() {
  static const Dataset d = [] {
    Diagnostics diags;
    return load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
  }();
  return d;
}

Dataset generate(std::size_t employees, double feedback_share) {
  GeneratorOptions o;
  o.employees = employees;
  o.seed = 7;
  o.feedback_share = feedback_share;
  o.survey_share = 1.0;
  return generate_dataset(o);
}

// 12,000 employees: about 43,000 indicators a year (two parts or more of the scoring pass, at
// 16,384 each) and about 1,300 units.
const Dataset& generated() {
  static const Dataset d = generate(12000, 0.0);
  return d;
}

// 3,000 employees, all with 360-degree feedback: the rater models split their work too.
const Dataset& with_feedback() {
  static const Dataset d = generate(3000, 1.0);
  return d;
}

// Names, row counts and every cell, numbers compared by their bits (NaN included).
void check_same(const std::vector<Table>& expected, const std::vector<Table>& got, const std::string& what) {
  INFO(what);
  REQUIRE(got.size() == expected.size());
  for (std::size_t t = 0; t < expected.size(); ++t) {
    const Table& a = expected[t];
    const Table& b = got[t];
    INFO("table " << a.name);
    REQUIRE(b.name == a.name);
    REQUIRE(b.rows == a.rows);
    REQUIRE(b.columns.size() == a.columns.size());
    for (std::size_t c = 0; c < a.columns.size(); ++c) {
      const Column& x = a.columns[c];
      const Column& y = b.columns[c];
      INFO("column " << x.name);
      CHECK(y.name == x.name);
      CHECK(y.present == x.present);
      CHECK(y.integers == x.integers);
      CHECK(y.texts == x.texts);
      REQUIRE(y.numbers.size() == x.numbers.size());
      if (!x.numbers.empty()) {
        CHECK(std::memcmp(y.numbers.data(), x.numbers.data(), x.numbers.size() * sizeof(double)) == 0);
      }
    }
  }
}

const unsigned thread_counts[] = {2, 3, 0};

}  // namespace

TEST_CASE("threads: scores are the same for any thread count") {
  for (const Dataset* d : {&sample(), &generated()}) {
    for (const char* pack : {"permenpanrb-6-2022", "permenpanrb-8-2021", "pp-46-2011"}) {
      const RulePack rules = RulePack::builtin(pack);
      const std::vector<Table> one = score_tables(*d, score(*d, 2025, rules, Threads{1}));
      REQUIRE(one.size() == 3);
      CHECK(one[0].rows > 0);
      for (unsigned n : thread_counts) {
        check_same(one, score_tables(*d, score(*d, 2025, rules, Threads{n})),
                   std::string(pack) + " on " + std::to_string(n) + " threads");
      }
      // score_into reusing a result scored on another thread count
      ScoreResult reused = score(*d, 2024, rules, Threads{3});
      score_into(*d, 2025, rules, reused, Threads{2});
      check_same(one, score_tables(*d, reused), std::string(pack) + " by score_into");
    }
  }
}

TEST_CASE("threads: distribution checks are the same for any thread count") {
  for (const Dataset* d : {&sample(), &generated()}) {
    const RulePack rules = RulePack::for_year(2025);
    const Period year = Period::year(2025);
    const DistributionReport plain = check_distributions(*d, year, rules, Threads{1});
    CHECK(plain.units.size() > 0);
    CHECK(plain.suggestions.size() > 0);
    const std::vector<Table> distribution = distribution_tables(*d, plain);
    for (unsigned n : thread_counts) {
      check_same(distribution, distribution_tables(*d, check_distributions(*d, year, rules, Threads{n})),
                 "distribution on " + std::to_string(n) + " threads");
    }
  }
}

TEST_CASE("threads: calibrations are the same for any thread count") {
  for (const Dataset* d : {&sample(), &with_feedback()}) {
    const RulePack rules = RulePack::for_year(2025);
    const Period year = Period::year(2025);
    const CalibrationResult calibrated = calibrate(*d, year, rules, Threads{1});
    REQUIRE(calibrated.model_status == ModelStatus::Fitted);
    const std::vector<Table> calibration = calibration_tables(*d, calibrated);
    const std::vector<Table> with_calibration =
        distribution_tables(*d, check_distributions(*d, year, rules, calibrated, Threads{1}));
    RulePack fixed = rules;
    fixed.set("calibration.model", "fixed");
    const std::vector<Table> fixed_model = calibration_tables(*d, calibrate(*d, year, fixed, Threads{1}));
    for (unsigned n : thread_counts) {
      const std::string on = " on " + std::to_string(n) + " threads";
      const CalibrationResult again = calibrate(*d, year, rules, Threads{n});
      check_same(calibration, calibration_tables(*d, again), "calibration" + on);
      check_same(fixed_model, calibration_tables(*d, calibrate(*d, year, fixed, Threads{n})), "fixed model" + on);
      check_same(with_calibration, distribution_tables(*d, check_distributions(*d, year, rules, again, Threads{n})),
                 "calibrated distribution" + on);
    }
  }
}

TEST_CASE("threads: the IKM is the same for any thread count") {
  for (const Dataset* d : {&sample(), &generated()}) {
    const RulePack rules = RulePack::for_year(2025);
    for (const Period& period : {Period::year(2025), Period::year(2024)}) {
      const IkmReport one = ikm_by_unit(*d, period, rules.ikm_weight(), Threads{1});
      const std::vector<Table> expected = ikm_tables(*d, one, period);
      for (unsigned n : thread_counts) {
        check_same(expected, ikm_tables(*d, ikm_by_unit(*d, period, rules.ikm_weight(), Threads{n}), period),
                   "IKM of " + period.to_string() + " on " + std::to_string(n) + " threads");
      }
    }
  }
}
