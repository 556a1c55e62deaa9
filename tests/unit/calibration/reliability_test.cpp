// Inter-rater reliability: the six intraclass correlations against Shrout & Fleiss (1979) and
// psych::ICC, Krippendorff's alpha against Krippendorff (2011) and a brute-force pairwise
// reference, the argument errors and the degenerate designs. The golden numbers and the R script
// that produced them live in tests/data/calibration/reliability/.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/reliability.hpp"

using kinerja::AlphaLevel;
using kinerja::AlphaStatus;
using kinerja::IccStatus;
using kinerja::IccType;
using kinerja::ScoreMatrix;

namespace {

constexpr double na = kinerja::missing_score;
const std::string golden_dir = KIN_TEST_DATA_DIR "/calibration/reliability/";

constexpr AlphaLevel all_levels[] = {AlphaLevel::Nominal, AlphaLevel::Ordinal, AlphaLevel::Interval, AlphaLevel::Ratio};
constexpr IccType all_types[] = {IccType::Icc1,  IccType::Icc2,  IccType::Icc3,
                                 IccType::Icc1k, IccType::Icc2k, IccType::Icc3k};

// |actual - expected| <= relative * |expected| + absolute, with a readable failure.
void check_close(double actual, double expected, double relative, double absolute = 0) {
  CAPTURE(actual);
  CAPTURE(expected);
  CHECK(std::fabs(actual - expected) <= relative * std::fabs(expected) + absolute);
}

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, ',')) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

double number(const std::string& text) {
  return std::stod(text);
}

ScoreMatrix read_matrix(const std::string& name) {
  std::vector<std::vector<double>> rows;
  for (const auto& fields : read_csv(golden_dir + "data_" + name + ".csv")) {
    std::vector<double> row;
    for (const auto& f : fields) row.push_back(number(f));
    rows.push_back(row);
  }
  return ScoreMatrix::from_rows(rows);
}

IccType icc_type_named(const std::string& label) {
  for (const IccType t : all_types) {
    if (kinerja::to_string(t) == label) return t;
  }
  FAIL("unknown ICC label " << label);
  return IccType::Icc1;
}

// Shrout & Fleiss (1979), Table 2.
const ScoreMatrix shrout_fleiss = ScoreMatrix::from_rows({
    {9, 2, 5, 8},
    {6, 1, 3, 2},
    {8, 4, 6, 8},
    {7, 1, 2, 6},
    {10, 5, 6, 9},
    {6, 2, 4, 7},
});

// Krippendorff (2011), section D, as printed: one row per observer A-D, one column per unit.
const ScoreMatrix krippendorff_observers = ScoreMatrix::from_rows({
    {1, 2, 3, 3, 2, 1, 4, 1, 2, na, na, na},
    {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, na, 3},
    {na, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, na},
    {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, na},
});

// Expects `action` to throw errc::InvalidArgument with a message containing `fragment`.
template <typename Action>
void check_invalid(Action action, const std::string& fragment) {
  try {
    action();
    FAIL("no error for: " << fragment);
  } catch (const kinerja::error& e) {
    CHECK(e.code() == kinerja::errc::InvalidArgument);
    CHECK_MESSAGE(e.message().find(fragment) != std::string::npos, e.message());
  }
}

// ---------------------------------------------------------------------------------------------
// Brute-force Krippendorff's alpha: every ordered pair of pairable values, O(n^2), with the
// difference functions written out as in Krippendorff (2011).
// ---------------------------------------------------------------------------------------------

struct BruteAlpha {
  double alpha;
  double observed;
  double expected;
  std::size_t pairable_values;
};

BruteAlpha brute_alpha(const ScoreMatrix& m, AlphaLevel level) {
  std::vector<std::vector<double>> units;
  for (std::size_t r = 0; r < m.rows; ++r) {
    std::vector<double> unit;
    for (std::size_t c = 0; c < m.columns; ++c) {
      if (!std::isnan(m(r, c))) unit.push_back(m(r, c));
    }
    if (unit.size() >= 2) units.push_back(unit);
  }
  std::vector<double> all;
  for (const auto& u : units) all.insert(all.end(), u.begin(), u.end());
  std::vector<double> distinct = all;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<double> n_value(distinct.size(), 0);
  auto index = [&](double v) {
    return static_cast<std::size_t>(std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin());
  };
  for (const double v : all) n_value[index(v)] += 1;
  auto delta2 = [&](double c, double k) {
    switch (level) {
      case AlphaLevel::Nominal: return c == k ? 0.0 : 1.0;
      case AlphaLevel::Ordinal: {
        std::size_t lo = index(c);
        std::size_t hi = index(k);
        if (lo > hi) std::swap(lo, hi);
        double between = 0;
        for (std::size_t g = lo; g <= hi; ++g) between += n_value[g];
        const double d = between - (n_value[lo] + n_value[hi]) / 2;
        return d * d;
      }
      case AlphaLevel::Interval: return (c - k) * (c - k);
      case AlphaLevel::Ratio: return c + k == 0 ? 0.0 : ((c - k) / (c + k)) * ((c - k) / (c + k));
    }
    return 0.0;
  };
  double observed = 0;
  for (const auto& u : units) {
    for (std::size_t i = 0; i < u.size(); ++i) {
      for (std::size_t j = 0; j < u.size(); ++j) {
        if (i != j) observed += delta2(u[i], u[j]) / static_cast<double>(u.size() - 1);
      }
    }
  }
  double expected = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = 0; j < all.size(); ++j) {
      if (i != j) expected += delta2(all[i], all[j]);
    }
  }
  const auto n = static_cast<double>(all.size());
  BruteAlpha b;
  b.observed = observed / n;
  b.expected = expected / (n * (n - 1));
  b.alpha = 1 - b.observed / b.expected;
  b.pairable_values = all.size();
  return b;
}

// A units x coders matrix of random scores: `distinct` possible values (0 = continuous), a
// fraction of them missing.
ScoreMatrix random_scores(std::mt19937_64& rng, std::size_t units, std::size_t coders, int distinct,
                          double missing_fraction) {
  std::uniform_real_distribution<double> uniform(0, 1);
  ScoreMatrix m;
  m.rows = units;
  m.columns = coders;
  for (std::size_t u = 0; u < units; ++u) {
    const double truth = uniform(rng);
    for (std::size_t c = 0; c < coders; ++c) {
      if (uniform(rng) < missing_fraction) {
        m.values.push_back(na);
        continue;
      }
      double v = std::clamp(truth + 0.3 * (uniform(rng) - 0.5), 0.0, 1.0);
      if (distinct > 0) v = std::round(v * (distinct - 1)) * 0.5;  // 0, 0.5, 1, ... (ties)
      m.values.push_back(v);
    }
  }
  return m;
}

void check_against_brute_force(const ScoreMatrix& m, AlphaLevel level, double tolerance) {
  CAPTURE(kinerja::to_string(level));
  const auto fast = kinerja::krippendorff_alpha(m, level);
  const auto slow = brute_alpha(m, level);
  REQUIRE(fast.status == AlphaStatus::Ok);
  CHECK(fast.pairable_values == slow.pairable_values);
  check_close(fast.observed_disagreement, slow.observed, tolerance, 1e-300);
  check_close(fast.expected_disagreement, slow.expected, tolerance);
  check_close(fast.alpha, slow.alpha, 0, tolerance);
}

}  // namespace

TEST_SUITE("reliability") {
  // -------------------------------------------------------------------------------------------
  // Intraclass correlations
  // -------------------------------------------------------------------------------------------

  TEST_CASE("Shrout and Fleiss Table 2 gives the published ICCs to 2 decimals") {
    const auto r = kinerja::intraclass_correlations(shrout_fleiss);
    CHECK(r.targets == 6);
    CHECK(r.raters == 4);
    CHECK(r.confidence == 0.95);
    const double published[] = {0.17, 0.29, 0.71, 0.44, 0.62, 0.91};
    for (const IccType t : all_types) {
      CAPTURE(kinerja::shrout_fleiss_name(t));
      CHECK(r[t].type == t);
      CHECK(r[t].status == IccStatus::Ok);
      CHECK(std::round(r[t].value * 100) / 100 == doctest::Approx(published[static_cast<int>(t)]));
    }
  }

  TEST_CASE("the ANOVA mean squares match psych::ICC") {
    for (const auto& row : read_csv(golden_dir + "psych_anova.csv")) {
      if (row[0] == "dataset") continue;
      CAPTURE(row[0]);
      const auto r = kinerja::intraclass_correlations(read_matrix(row[0]));
      check_close(r.anova.ms_rows, number(row[1]), 1e-12);
      check_close(r.anova.ms_columns, number(row[2]), 1e-12);
      check_close(r.anova.ms_error, number(row[3]), 1e-12);
      check_close(r.anova.ms_within, number(row[4]), 1e-12);
      CHECK(r.anova.df_rows == static_cast<double>(r.targets - 1));
      CHECK(r.anova.df_columns == static_cast<double>(r.raters - 1));
      CHECK(r.anova.df_error == static_cast<double>((r.targets - 1) * (r.raters - 1)));
      CHECK(r.anova.df_within == static_cast<double>(r.targets * (r.raters - 1)));
    }
  }

  TEST_CASE("value F df p and bounds match psych::ICC with lmer = FALSE at 95 and 90 percent") {
    std::size_t compared = 0;
    for (const auto& row : read_csv(golden_dir + "psych_icc.csv")) {
      if (row[0] == "dataset" || row[1] != "FALSE") continue;
      CAPTURE(row[0]);
      CAPTURE(row[2]);
      CAPTURE(row[3]);
      const auto r = kinerja::intraclass_correlations(read_matrix(row[0]), number(row[2]));
      const auto& e = r[icc_type_named(row[3])];
      REQUIRE(e.status == IccStatus::Ok);
      check_close(e.value, number(row[4]), 1e-13, 1e-15);
      check_close(e.f, number(row[5]), 1e-13);
      CHECK(e.df1 == number(row[6]));
      CHECK(e.df2 == number(row[7]));
      check_close(e.p_value, number(row[8]), 1e-11, 1e-300);  // p goes down to 1e-62 (200 targets)
      check_close(e.lower, number(row[9]), 1e-12, 1e-14);
      check_close(e.upper, number(row[10]), 1e-12, 1e-14);
      ++compared;
    }
    CHECK(compared == 3 * 2 * 6);
  }

  TEST_CASE("psych::ICC's default lme4 estimates agree to the optimiser tolerance") {
    std::size_t compared = 0;
    for (const auto& row : read_csv(golden_dir + "psych_icc.csv")) {
      if (row[0] == "dataset" || row[1] != "TRUE") continue;
      CAPTURE(row[0]);
      CAPTURE(row[3]);
      const auto r = kinerja::intraclass_correlations(read_matrix(row[0]), number(row[2]));
      const auto& e = r[icc_type_named(row[3])];
      check_close(e.value, number(row[4]), 1e-4, 1e-6);
      check_close(e.f, number(row[5]), 1e-4);
      check_close(e.p_value, number(row[8]), 1e-3, 1e-300);
      check_close(e.lower, number(row[9]), 1e-4, 1e-6);
      check_close(e.upper, number(row[10]), 1e-4, 1e-6);
      ++compared;
    }
    CHECK(compared == 3 * 6);
  }

  TEST_CASE("each ICC has its Shrout-Fleiss and McGraw-Wong and psych names and a description") {
    const char* sf[] = {"ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"};
    const char* mw[] = {"ICC(1)", "ICC(A,1)", "ICC(C,1)", "ICC(k)", "ICC(A,k)", "ICC(C,k)"};
    const char* psych[] = {"ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"};
    for (const IccType t : all_types) {
      const auto i = static_cast<std::size_t>(t);
      CHECK(kinerja::shrout_fleiss_name(t) == sf[i]);
      CHECK(kinerja::mcgraw_wong_name(t) == mw[i]);
      CHECK(kinerja::to_string(t) == psych[i]);
    }
    CHECK(kinerja::description(IccType::Icc1) == "one-way random effects, absolute agreement, single rater");
    CHECK(kinerja::description(IccType::Icc2k) == "two-way random effects, absolute agreement, average of k raters");
    CHECK(kinerja::description(IccType::Icc3) == "two-way mixed effects, consistency, single rater");
    CHECK(kinerja::to_string(IccStatus::NoInterval) == "no_interval");
    CHECK(kinerja::to_string(IccStatus::Undefined) == "undefined");
  }

  TEST_CASE("an incomplete design or a short matrix or a bad confidence is an error") {
    ScoreMatrix holed = shrout_fleiss;
    holed.values[1 * 4 + 2] = na;
    check_invalid([&] { kinerja::intraclass_correlations(holed); }, "row 2, column 3 is missing");
    ScoreMatrix infinite = shrout_fleiss;
    infinite.values[5 * 4 + 0] = std::numeric_limits<double>::infinity();
    check_invalid([&] { kinerja::intraclass_correlations(infinite); }, "row 6, column 1 is infinite");
    check_invalid([] { kinerja::intraclass_correlations(ScoreMatrix::from_rows({{1, 2, 3}})); }, "at least 2 targets");
    check_invalid(
        [] {
          kinerja::intraclass_correlations(ScoreMatrix::from_rows({{1}, {2}, {3}}));
        },
        "at least 2 raters");
    check_invalid([] { kinerja::intraclass_correlations(ScoreMatrix{}); }, "at least 2 targets");
    for (const double confidence : {0.0, 1.0, -0.5, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
      CAPTURE(confidence);
      check_invalid([&] { kinerja::intraclass_correlations(shrout_fleiss, confidence); }, "confidence");
    }
    ScoreMatrix short_values = shrout_fleiss;
    short_values.values.pop_back();
    check_invalid([&] { kinerja::intraclass_correlations(short_values); }, "expected 6 x 4 = 24");
    check_invalid([] { ScoreMatrix::from_rows({{1, 2}, {3}}); }, "row 2 has 1 values");
  }

  TEST_CASE("all scores equal: every ICC is undefined and not a silent NaN") {
    const auto r = kinerja::intraclass_correlations(ScoreMatrix::from_rows({{3.1, 3.1}, {3.1, 3.1}, {3.1, 3.1}}));
    CHECK(r.anova.ms_rows == 0);
    CHECK(r.anova.ms_error == 0);
    for (const auto& e : r.estimates) {
      CHECK(e.status == IccStatus::Undefined);
      CHECK_FALSE(e.defined());
      CHECK(std::isnan(e.value));
      CHECK(std::isnan(e.f));
      CHECK(std::isnan(e.p_value));
      CHECK(std::isnan(e.lower));
      CHECK(e.df1 == 2);
    }
  }

  TEST_CASE("raters who differ by a constant: MSE is 0 and ICC3 is 1 with an infinite F") {
    // Each rater adds an offset to the target's score: perfect consistency, imperfect agreement.
    const auto r = kinerja::intraclass_correlations(ScoreMatrix::from_rows({
        {1.1, 2.1, 4.1},
        {2.7, 3.7, 5.7},
        {0.3, 1.3, 3.3},
        {5.0, 6.0, 8.0},
    }));
    CHECK(r.anova.ms_error == 0);
    for (const IccType t : {IccType::Icc3, IccType::Icc3k}) {
      const auto& e = r[t];
      CHECK(e.status == IccStatus::Ok);
      CHECK(e.value == 1);
      CHECK(std::isinf(e.f));
      CHECK(e.p_value == 0);
      CHECK(e.lower == 1);
      CHECK(e.upper == 1);
    }
    // ICC2: finite, with the interval's limit as MSE goes to 0. A tiny error term gives almost
    // the same interval.
    const auto& icc2 = r[IccType::Icc2];
    CHECK(icc2.status == IccStatus::Ok);
    CHECK(icc2.value < 1);
    CHECK(icc2.lower < icc2.value);
    CHECK(icc2.upper > icc2.value);
    const auto nearly = kinerja::intraclass_correlations(ScoreMatrix::from_rows({
        {1.1, 2.1, 4.1 + 1e-4},
        {2.7, 3.7, 5.7},
        {0.3, 1.3 + 1e-4, 3.3},
        {5.0, 6.0, 8.0},
    }));
    CHECK(nearly.anova.ms_error > 0);
    for (const IccType t : {IccType::Icc2, IccType::Icc2k}) {
      CAPTURE(kinerja::to_string(t));
      CHECK(nearly[t].lower == doctest::Approx(r[t].lower).epsilon(1e-4));
      CHECK(nearly[t].upper == doctest::Approx(r[t].upper).epsilon(1e-4));
    }
  }

  TEST_CASE("raters who agree exactly: every ICC is 1") {
    const auto r = kinerja::intraclass_correlations(ScoreMatrix::from_rows({{80, 80}, {75, 75}, {90, 90}}));
    for (const auto& e : r.estimates) {
      CAPTURE(kinerja::to_string(e.type));
      CHECK(e.status == IccStatus::Ok);
      CHECK(e.value == 1);
      CHECK(e.p_value == 0);
      CHECK(e.lower == 1);
      CHECK(e.upper == 1);
    }
  }

  TEST_CASE("identical targets: ICC2 is 0 without a test while ICC3 and ICC1k are undefined") {
    // Every target gets the same profile: no target variance, no error, only rater differences.
    const auto r = kinerja::intraclass_correlations(ScoreMatrix::from_rows({{1, 2, 4}, {1, 2, 4}, {1, 2, 4}}));
    CHECK(r.anova.ms_rows == 0);
    CHECK(r.anova.ms_error == 0);
    CHECK(r.anova.ms_columns > 0);
    const auto& icc1 = r[IccType::Icc1];
    CHECK(icc1.status == IccStatus::Ok);
    CHECK(icc1.value == doctest::Approx(-0.5));  // -1/(k-1)
    CHECK(icc1.f == 0);
    CHECK(icc1.p_value == 1);
    CHECK(icc1.lower == doctest::Approx(-0.5));
    for (const IccType t : {IccType::Icc2, IccType::Icc2k}) {
      CHECK(r[t].status == IccStatus::NoTest);
      CHECK(r[t].value == 0);
      CHECK(std::isnan(r[t].f));
      CHECK(std::isnan(r[t].lower));
    }
    for (const IccType t : {IccType::Icc3, IccType::Icc1k, IccType::Icc3k}) {
      CHECK(r[t].status == IccStatus::Undefined);
      CHECK(std::isnan(r[t].value));
    }
  }

  TEST_CASE("2 x 2 with equal row and column means: ICC2 undefined and ICC1 = ICC3 = -1 and ICC2k = 2") {
    const auto r = kinerja::intraclass_correlations(ScoreMatrix::from_rows({{1, 2}, {2, 1}}));
    CHECK(r.anova.ms_rows == 0);
    CHECK(r.anova.ms_columns == 0);
    CHECK(r[IccType::Icc1].value == doctest::Approx(-1));
    CHECK(r[IccType::Icc3].value == doctest::Approx(-1));
    CHECK(r[IccType::Icc3].status == IccStatus::Ok);
    CHECK(r[IccType::Icc2].status == IccStatus::Undefined);   // 0/0 with k = n = 2
    CHECK(r[IccType::Icc1k].status == IccStatus::Undefined);  // MSB = 0
    // ICC2k = -MSE / (-MSE/n) = 2, as psych::ICC gives it: the moment estimator is not clamped.
    // Its interval builds on the undefined ICC2.
    CHECK(r[IccType::Icc2k].value == doctest::Approx(2));
    CHECK(r[IccType::Icc2k].p_value == 1);
    CHECK(r[IccType::Icc2k].status == IccStatus::NoInterval);
  }

  TEST_CASE("the ICCs depend neither on the order of targets or raters nor on a shift of the scores") {
    const auto reference = kinerja::intraclass_correlations(shrout_fleiss);
    ScoreMatrix permuted = shrout_fleiss.transposed();  // raters as rows: reverse them, then back
    std::reverse(permuted.values.begin(), permuted.values.end());
    permuted = permuted.transposed();
    for (double& v : permuted.values) v += 1000;
    const auto r = kinerja::intraclass_correlations(permuted);
    for (const IccType t : all_types) {
      CHECK(r[t].value == doctest::Approx(reference[t].value).epsilon(1e-12));
      CHECK(r[t].lower == doctest::Approx(reference[t].lower).epsilon(1e-10));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Krippendorff's alpha
  // -------------------------------------------------------------------------------------------

  TEST_CASE("Krippendorff 2011 section D gives the published alphas") {
    const ScoreMatrix data = krippendorff_observers.transposed();  // units x observers
    REQUIRE(data.rows == 12);
    REQUIRE(data.columns == 4);
    const double published[] = {0.743, 0.815, 0.849, 0.797};
    for (const AlphaLevel level : all_levels) {
      CAPTURE(kinerja::to_string(level));
      const auto r = kinerja::krippendorff_alpha(data, level);
      CHECK(r.status == AlphaStatus::Ok);
      CHECK(r.level == level);
      CHECK(r.units == 12);
      CHECK(r.pairable_units == 11);  // unit 12 has a single value
      CHECK(r.pairable_values == 40);
      CHECK(r.distinct_values == 5);
      CHECK(std::round(r.alpha * 1000) / 1000 == doctest::Approx(published[static_cast<int>(level)]));
    }
  }

  TEST_CASE("Krippendorff's alpha matches the coincidence-matrix R reference to 1e-12") {
    const ScoreMatrix section_d = krippendorff_observers.transposed();
    const ScoreMatrix section_a = ScoreMatrix::from_rows({
                                                             {0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
                                                             {1, 1, 1, 0, 0, 1, 0, 0, 0, 0},
                                                         })
                                      .transposed();
    std::size_t compared = 0;
    for (const auto& row : read_csv(golden_dir + "krippendorff_alpha.csv")) {
      if (row[0] == "example") continue;
      CAPTURE(row[0]);
      CAPTURE(row[1]);
      AlphaLevel level = AlphaLevel::Nominal;
      for (const AlphaLevel l : all_levels) {
        if (kinerja::to_string(l) == row[1]) level = l;
      }
      const auto r = kinerja::krippendorff_alpha(row[0] == "krippendorff_2011_a" ? section_a : section_d, level);
      check_close(r.alpha, number(row[2]), 1e-12, 1e-14);
      check_close(r.observed_disagreement, number(row[3]), 1e-12);
      check_close(r.expected_disagreement, number(row[4]), 1e-12);
      CHECK(static_cast<double>(r.pairable_values) == number(row[5]));
      CHECK(static_cast<double>(r.pairable_units) == number(row[6]));
      ++compared;
    }
    CHECK(compared == 5);
  }

  TEST_CASE("Krippendorff 2011 section A with binary data gives alpha = 0.095") {
    const auto r = kinerja::krippendorff_alpha(ScoreMatrix::from_rows({
                                                                          {0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
                                                                          {1, 1, 1, 0, 0, 1, 0, 0, 0, 0},
                                                                      })
                                                   .transposed(),
                                               AlphaLevel::Nominal);
    CHECK(r.alpha == doctest::Approx(1 - 19.0 * 4 / (14 * 6)));
    CHECK(std::round(r.alpha * 1000) / 1000 == doctest::Approx(0.095));
  }

  TEST_CASE("the fast alpha equals a brute-force pairwise reference on random data with missing values") {
    std::mt19937_64 rng(20240611);
    for (int trial = 0; trial < 40; ++trial) {
      CAPTURE(trial);
      const std::size_t units = 3 + static_cast<std::size_t>(trial % 7) * 4;
      const std::size_t coders = 2 + static_cast<std::size_t>(trial % 5);
      const int distinct = trial % 3 == 0 ? 0 : 3 + trial % 6;  // continuous, or few tied values
      const ScoreMatrix m = random_scores(rng, units, coders, distinct, 0.25);
      if (brute_alpha(m, AlphaLevel::Nominal).pairable_values < 2) continue;
      const auto check = kinerja::krippendorff_alpha(m, AlphaLevel::Nominal);
      if (check.status != AlphaStatus::Ok) continue;
      for (const AlphaLevel level : all_levels) check_against_brute_force(m, level, 1e-12);
    }
  }

  TEST_CASE("the ratio metric's quadrature for many distinct values equals the pairwise sum") {
    // More than 512 distinct values overall and in single units: the integral path of the
    // expected and of the observed disagreement.
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> spread(0, 2);  // values over several orders of magnitude
    ScoreMatrix wide;
    wide.rows = 2;
    wide.columns = 700;
    for (std::size_t i = 0; i < 1400; ++i) wide.values.push_back(i % 97 == 0 ? na : spread(rng));
    wide.values[5] = 0;  // a zero: its ratio distance to everything else is 1
    check_against_brute_force(wide, AlphaLevel::Ratio, 1e-12);

    ScoreMatrix many = random_scores(rng, 600, 3, 0, 0.1);
    for (double& v : many.values) {
      if (!std::isnan(v)) v = 1 + 1000 * v;
    }
    check_against_brute_force(many, AlphaLevel::Ratio, 1e-12);
    check_against_brute_force(many, AlphaLevel::Interval, 1e-12);
  }

  TEST_CASE("all pairable values equal: no variation with Do = De = 0 and alpha undefined") {
    const ScoreMatrix m = ScoreMatrix::from_rows({{2, 2, na}, {2, na, 2}, {7, na, na}});
    for (const AlphaLevel level : all_levels) {
      const auto r = kinerja::krippendorff_alpha(m, level);
      CHECK(r.status == AlphaStatus::NoVariation);
      CHECK(r.observed_disagreement == 0);
      CHECK(r.expected_disagreement == 0);
      CHECK(std::isnan(r.alpha));
      CHECK(r.pairable_units == 2);  // the lone 7 is not pairable
      CHECK(r.pairable_values == 4);
      CHECK(r.distinct_values == 1);
    }
    CHECK(kinerja::to_string(AlphaStatus::NoVariation) == "no_variation");
  }

  TEST_CASE("one coder or no unit with two values: no pairable units") {
    const ScoreMatrix one_coder = ScoreMatrix::from_rows({{1}, {2}, {3}});
    const ScoreMatrix scattered = ScoreMatrix::from_rows({{1, na}, {na, 2}, {na, na}});
    for (const ScoreMatrix* m : {&one_coder, &scattered}) {
      const auto r = kinerja::krippendorff_alpha(*m, AlphaLevel::Interval);
      CHECK(r.status == AlphaStatus::NoPairableUnits);
      CHECK(r.pairable_units == 0);
      CHECK(r.pairable_values == 0);
      CHECK(std::isnan(r.alpha));
      CHECK(std::isnan(r.observed_disagreement));
      CHECK(std::isnan(r.expected_disagreement));
    }
    CHECK(kinerja::krippendorff_alpha(ScoreMatrix{}, AlphaLevel::Nominal).status == AlphaStatus::NoPairableUnits);
    CHECK(kinerja::to_string(AlphaStatus::NoPairableUnits) == "no_pairable_units");
  }

  TEST_CASE("a single pairable unit has Do = De and alpha 0") {
    const ScoreMatrix m = ScoreMatrix::from_rows({{1, 3, 4, na}, {na, 5, na, na}});
    for (const AlphaLevel level : all_levels) {
      const auto r = kinerja::krippendorff_alpha(m, level);
      CHECK(r.status == AlphaStatus::Ok);
      CHECK(r.pairable_units == 1);
      CHECK(r.observed_disagreement == doctest::Approx(r.expected_disagreement));
      CHECK(r.alpha == doctest::Approx(0).epsilon(1e-12));
    }
  }

  TEST_CASE("where the missing values sit does not matter but which values share a unit does") {
    const ScoreMatrix base = krippendorff_observers.transposed();
    // Move every unit's values to the left and reverse the coders: the same units.
    ScoreMatrix moved = base;
    for (std::size_t u = 0; u < moved.rows; ++u) {
      std::vector<double> present;
      for (std::size_t c = 0; c < moved.columns; ++c) {
        if (!std::isnan(base(u, c))) present.push_back(base(u, c));
      }
      std::reverse(present.begin(), present.end());
      for (std::size_t c = 0; c < moved.columns; ++c) {
        moved.values[u * moved.columns + c] = c < present.size() ? present[c] : na;
      }
    }
    // Extra units with a single value and extra empty coders change nothing either.
    ScoreMatrix padded;
    padded.rows = base.rows + 2;
    padded.columns = base.columns + 1;
    for (std::size_t u = 0; u < padded.rows; ++u) {
      for (std::size_t c = 0; c < padded.columns; ++c) {
        const bool inside = u < base.rows && c < base.columns;
        padded.values.push_back(inside ? base(u, c) : (c == 0 ? 9.0 : na));
      }
    }
    for (const AlphaLevel level : all_levels) {
      CAPTURE(kinerja::to_string(level));
      const double reference = kinerja::krippendorff_alpha(base, level).alpha;
      CHECK(kinerja::krippendorff_alpha(moved, level).alpha == doctest::Approx(reference).epsilon(1e-14));
      const auto p = kinerja::krippendorff_alpha(padded, level);
      CHECK(p.alpha == doctest::Approx(reference).epsilon(1e-14));
      CHECK(p.units == 14);
      CHECK(p.pairable_units == 11);
    }
  }

  TEST_CASE("alpha rejects infinite scores and negative ratio scores and a wrong size") {
    ScoreMatrix m = krippendorff_observers.transposed();
    m.values[3 * 4 + 1] = -std::numeric_limits<double>::infinity();
    check_invalid([&] { kinerja::krippendorff_alpha(m, AlphaLevel::Nominal); }, "row 4, column 2 is infinite");
    ScoreMatrix negative = ScoreMatrix::from_rows({{1, 2}, {0.5, -0.25}});
    check_invalid([&] { kinerja::krippendorff_alpha(negative, AlphaLevel::Ratio); }, "row 2, column 2 is -0.25");
    CHECK(kinerja::krippendorff_alpha(negative, AlphaLevel::Interval).status == AlphaStatus::Ok);
    ScoreMatrix wrong = negative;
    wrong.columns = 3;
    check_invalid([&] { kinerja::krippendorff_alpha(wrong, AlphaLevel::Ordinal); }, "expected 2 x 3 = 6");
    CHECK(kinerja::to_string(AlphaLevel::Ratio) == "ratio");
  }

  TEST_CASE("a million distinct scores take near-linear time at every level") {
    // 250000 units x 4 coders; a pairwise computation would need 10^12 steps.
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> truth(1, 1000);
    std::normal_distribution<double> noise(0, 100);
    ScoreMatrix m;
    m.rows = 250000;
    m.columns = 4;
    m.values.reserve(m.rows * m.columns);
    for (std::size_t u = 0; u < m.rows; ++u) {
      const double t = truth(rng);
      for (std::size_t c = 0; c < m.columns; ++c) m.values.push_back(std::fabs(t + noise(rng)));
    }
    for (const AlphaLevel level : all_levels) {
      CAPTURE(kinerja::to_string(level));
      const auto r = kinerja::krippendorff_alpha(m, level);
      CHECK(r.status == AlphaStatus::Ok);
      CHECK(r.pairable_values == 1000000);
      CHECK(r.distinct_values > 999000);
      if (level == AlphaLevel::Nominal) {
        CHECK(r.alpha == doctest::Approx(0).epsilon(1e-3));  // all distinct: no exact agreement
      } else {
        // Truth variance 999^2/12, error variance 100^2: alpha near 0.89 on the interval scale;
        // lower on the ratio scale, where the error weighs more on small scores.
        CHECK(r.alpha > (level == AlphaLevel::Ratio ? 0.6 : 0.8));
        CHECK(r.alpha < 0.95);
      }
    }
    check_close(kinerja::krippendorff_alpha(m, AlphaLevel::Interval).alpha, 83166.75 / (83166.75 + 10000), 0.01);
  }
}
