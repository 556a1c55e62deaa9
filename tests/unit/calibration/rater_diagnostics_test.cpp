// rater_diagnostics() on small hand-computed datasets, one flag at a time (positive and negative),
// degenerate input, and the planted raters of the sample.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kinerja/load.hpp"
#include "kinerja/rater_diagnostics.hpp"
#include "support/dataset.hpp"
#include "support/people.hpp"

namespace {

using kin_test::load_valid;
using kinerja::no_index;
using kinerja::Period;
using kinerja::RaterDiagnostics;
using kinerja::RaterDiagnosticsOptions;
using kinerja::RaterFlag;

using kin_test::nip;
using kin_test::num;
using kin_test::write_employees;

// Employees first..last in one unit.
std::vector<std::pair<int, std::string>> range(int first, int last, const std::string& unit) {
  std::vector<std::pair<int, std::string>> out;
  for (int k = first; k <= last; ++k) out.emplace_back(k, unit);
  return out;
}

std::vector<std::pair<int, std::string>> operator+(std::vector<std::pair<int, std::string>> a,
                                                   const std::vector<std::pair<int, std::string>>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

struct FeedbackCsv {
  std::string text = "period,rater_nip,ratee_nip,source,score,aspect\n";
  FeedbackCsv& add(int rater, int ratee, const char* source, double score, const char* aspect = "a") {
    text += "2025," + nip(rater) + "," + nip(ratee) + "," + source + "," + num(score) + "," + aspect + "\n";
    return *this;
  }
};

const Period y2025 = Period::year(2025);

// The summary row of employee k.
std::size_t summary_row(const kinerja::Dataset& d, const RaterDiagnostics& r, int k) {
  const auto e = d.employees.nips.find(nip(k));
  for (std::size_t i = 0; i < r.raters.size(); ++i) {
    if (r.raters.rater[i] == e) return i;
  }
  FAIL("no summary row for rater " << k);
  return 0;
}

// The flags of one kind, as employee sequence numbers (k of nip(k)).
std::set<int> flagged(const kinerja::Dataset& d, const RaterDiagnostics& r, RaterFlag kind) {
  std::set<int> out;
  for (std::size_t i = 0; i < r.flags.size(); ++i) {
    if (r.flags.flag[i] != kind) continue;
    const std::string n(d.employees.nips[r.flags.rater[i]]);
    out.insert(std::stoi(n.substr(15)));
  }
  return out;
}

// Seven raters 11..17 score ratees 1..4 as base + bias: rater 11 is `bias` points off, the others
// differ a little. No noise, so every d(r, j) equals the rater's leniency.
kinerja::Dataset seven_raters(const kin_test::TempDir& dir, double bias, int ratees = 4) {
  write_employees(dir, range(1, 4, "T") + range(11, 17, "R"));
  const double biases[7] = {bias, 1, -1, 0.5, -0.5, 0, 0};
  const double base[4] = {70, 75, 80, 65};
  FeedbackCsv f;
  for (int q = 0; q < 7; ++q) {
    for (int j = 0; j < ratees; ++j) f.add(11 + q, 1 + j, "peer", base[j] + biases[q]);
  }
  dir.write("feedback.csv", f.text);
  return load_valid(dir);
}

}  // namespace

TEST_SUITE("rater_diagnostics") {
  TEST_CASE("leniency: the mean deviation from the other raters of the same ratees, by hand") {
    // Raters 11, 12, 13 on ratees 1, 2, 3 (aspect a):
    //   ratee 1: 80, 70, 72   ratee 2: 85, 75, 74   ratee 3: 90, 78, 80
    // d(11, .) = 80 - 71, 85 - 74.5, 90 - 79 = 9, 10.5, 11        -> 61/6
    // d(12, .) = 70 - 76, 75 - 79.5, 78 - 85 = -6, -4.5, -7       -> -35/6
    // d(13, .) = 72 - 75, 74 - 80, 80 - 84 = -3, -6, -4           -> -13/3
    kin_test::TempDir dir;
    write_employees(dir, range(1, 3, "T") + range(11, 13, "R"));
    FeedbackCsv f;
    const double scores[3][3] = {{80, 70, 72}, {85, 75, 74}, {90, 78, 80}};
    for (int j = 0; j < 3; ++j) {
      for (int q = 0; q < 3; ++q) f.add(11 + q, 1 + j, "supervisor", scores[j][q]);
    }
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    RaterDiagnosticsOptions o;
    o.leniency_passes = 1;
    auto r = kinerja::rater_diagnostics(d, y2025, o);
    REQUIRE(r.raters.size() == 3);
    const double expected[3] = {61.0 / 6, -35.0 / 6, -13.0 / 3};
    const double sd =
        std::sqrt((expected[0] * expected[0] + expected[1] * expected[1] + expected[2] * expected[2]) / 2);
    for (int q = 0; q < 3; ++q) {
      CAPTURE(q);
      const std::size_t i = summary_row(d, r, 11 + q);
      CHECK(r.raters.leniency[i] == doctest::Approx(expected[q]));
      CHECK(r.raters.compared_ratees[i] == 3);
      CHECK(r.raters.leniency_z[i] == doctest::Approx(expected[q] / sd));  // the mean is 0
      CHECK(r.raters.ratings[i] == 3);
      CHECK(r.raters.ratees[i] == 3);
    }
    const std::size_t i11 = summary_row(d, r, 11);
    CHECK(r.raters.mean[i11] == doctest::Approx(85));
    CHECK(r.raters.sd[i11] == doctest::Approx(5));
    // Three raters cannot reach |z| >= 2 (at most 2/sqrt(3)): nobody is flagged.
    CHECK(r.flags.size() == 0);
    o.leniency_z = 1.1;
    r = kinerja::rater_diagnostics(d, y2025, o);
    CHECK(flagged(d, r, RaterFlag::Lenient) == std::set<int>{11});
    CHECK(flagged(d, r, RaterFlag::Severe).empty());
    REQUIRE(r.flags.size() == 1);
    CHECK(r.flags.statistic[0] == doctest::Approx(expected[0] / sd));
    CHECK(r.flags.threshold[0] == 1.1);
    CHECK(r.flags.partner[0] == no_index);
    CHECK(r.flags.detail[0].find("10.2 points above") != std::string::npos);
  }

  TEST_CASE("leniency and severity are flagged at |z| >= 2 with at least 3 ratees") {
    // z of rater 11 with biases (12, 1, -1, 0.5, -0.5, 0, 0): (12 - 12/7) / sd = 2.2447.
    const double z = (12 - 12.0 / 7) / std::sqrt((std::pow(12 - 12.0 / 7, 2) + std::pow(1 - 12.0 / 7, 2) +
                                                  std::pow(-1 - 12.0 / 7, 2) + std::pow(0.5 - 12.0 / 7, 2) +
                                                  std::pow(-0.5 - 12.0 / 7, 2) + 2 * std::pow(12.0 / 7, 2)) /
                                                 6);
    SUBCASE("lenient") {
      kin_test::TempDir dir;
      const auto d = seven_raters(dir, 12);
      const auto r = kinerja::rater_diagnostics(d, y2025);
      CHECK(flagged(d, r, RaterFlag::Lenient) == std::set<int>{11});
      CHECK(flagged(d, r, RaterFlag::Severe).empty());
      CHECK(r.raters.leniency_z[summary_row(d, r, 11)] == doctest::Approx(z));
      // No noise: the plain leniency is (7 b - sum b) / 6.
      RaterDiagnosticsOptions o;
      o.leniency_passes = 1;
      CHECK(kinerja::rater_diagnostics(d, y2025, o).raters.leniency[summary_row(d, r, 11)] ==
            doctest::Approx((7 * 12.0 - 12) / 6));
      o.leniency_z = 2.3;
      CHECK(kinerja::rater_diagnostics(d, y2025, o).flags.size() == 0);
    }
    SUBCASE("severe") {
      kin_test::TempDir dir;
      const auto d = seven_raters(dir, -12);
      const auto r = kinerja::rater_diagnostics(d, y2025);
      CHECK(flagged(d, r, RaterFlag::Severe) == std::set<int>{11});
      CHECK(flagged(d, r, RaterFlag::Lenient).empty());
      const std::size_t k = summary_row(d, r, 11);
      CHECK(r.raters.leniency_z[k] == doctest::Approx(-z));
      CHECK(r.flags.threshold[0] == -2.0);
    }
    SUBCASE("two ratees are too few") {
      kin_test::TempDir dir;
      const auto d = seven_raters(dir, 12, 2);
      const auto r = kinerja::rater_diagnostics(d, y2025);
      CHECK(r.flags.size() == 0);
      const std::size_t k = summary_row(d, r, 11);
      CHECK(r.raters.compared_ratees[k] == 2);
      CHECK(std::isnan(r.raters.leniency_z[k]));
      CHECK(!std::isnan(r.raters.leniency[k]));
      RaterDiagnosticsOptions o;
      o.min_ratees = 2;
      CHECK(flagged(d, kinerja::rater_diagnostics(d, y2025, o), RaterFlag::Lenient) == std::set<int>{11});
    }
  }

  TEST_CASE("further leniency passes take a lenient rater's bias out of the others' means") {
    // No noise. Rater 11 (+12) and rater 12 (0) rate ratees 1-3; raters 12, 13, 14 (all 0) rate
    // ratees 4-6. Pass 1: rater 12 is 12 below rater 11 on half of its ratees, so -6.
    kin_test::TempDir dir;
    write_employees(dir, range(1, 6, "T") + range(11, 14, "R"));
    FeedbackCsv f;
    for (int j = 1; j <= 3; ++j) f.add(11, j, "supervisor", 60 + 5 * j + 12).add(12, j, "peer", 60 + 5 * j);
    for (int j = 4; j <= 6; ++j) {
      for (int q = 12; q <= 14; ++q) f.add(q, j, "peer", 60 + 5 * j);
    }
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    RaterDiagnosticsOptions o;
    o.leniency_passes = 1;
    auto r = kinerja::rater_diagnostics(d, y2025, o);
    CHECK(r.raters.leniency[summary_row(d, r, 12)] == doctest::Approx(-6));
    CHECK(r.raters.leniency[summary_row(d, r, 11)] == doctest::Approx(12));
    o.leniency_passes = 100;
    r = kinerja::rater_diagnostics(d, y2025, o);
    const double base = r.raters.leniency[summary_row(d, r, 13)];  // the level is free: compare differences
    CHECK(r.raters.leniency[summary_row(d, r, 11)] - base == doctest::Approx(12).epsilon(0.01));
    CHECK(r.raters.leniency[summary_row(d, r, 12)] - base == doctest::Approx(0).epsilon(0.01));
    CHECK(r.raters.leniency[summary_row(d, r, 14)] - base == doctest::Approx(0).epsilon(0.01));
  }

  TEST_CASE("central tendency: a small spread across ratees, guarded by its chance") {
    // Ratees 1..6; raters 11, 12 give 60..85 in steps of 5, rater 13 gives 72..74, rater 14 gives
    // 69, 70, 71 to ratees 1..3. Pooled sd over df 5 + 5 + 5 + 2 = 7.19272508286.
    kin_test::TempDir dir;
    write_employees(dir, range(1, 6, "T") + range(11, 14, "R"));
    const double c[6] = {72, 72.5, 73, 73, 73.5, 74};
    FeedbackCsv f;
    for (int j = 0; j < 6; ++j) {
      f.add(11, 1 + j, "peer", 60 + 5 * j).add(12, 1 + j, "peer", 60 + 5 * j).add(13, 1 + j, "peer", c[j]);
    }
    f.add(14, 1, "peer", 69).add(14, 2, "peer", 70).add(14, 3, "peer", 71);
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    auto r = kinerja::rater_diagnostics(d, y2025);
    const std::size_t k13 = summary_row(d, r, 13), k14 = summary_row(d, r, 14), k11 = summary_row(d, r, 11);
    CHECK(r.raters.spread_ratio[k13] == doctest::Approx(0.0983086066881));
    CHECK(r.raters.spread_p[k13] == doctest::Approx(2.68375051566e-05));
    CHECK(r.raters.spread_ratio[k14] == doctest::Approx(0.139029364876));
    CHECK(r.raters.spread_p[k14] == doctest::Approx(0.0191435538239));  // 1 - exp(-x/2) for 2 df
    CHECK(r.raters.spread_ratio[k11] == doctest::Approx(1.30050062517));
    CHECK(r.raters.spread_p[k11] == doctest::Approx(0.867193395652));
    CHECK(flagged(d, r, RaterFlag::CentralTendency) == std::set<int>{13});
    RaterDiagnosticsOptions o;
    o.central_tendency_p = 1;  // the ratio alone
    r = kinerja::rater_diagnostics(d, y2025, o);
    CHECK(flagged(d, r, RaterFlag::CentralTendency) == std::set<int>{13, 14});
    o.central_tendency_ratio = 0.05;
    r = kinerja::rater_diagnostics(d, y2025, o);
    CHECK(flagged(d, r, RaterFlag::CentralTendency).empty());
  }

  TEST_CASE("halo and straight-lining: little or no spread across the aspects of a ratee") {
    // Ratees 1..3, aspects a, b, c. Raters 11 and 12 give (60, 70, 80) + 5 (j - 1); rater 13 gives
    // (70, 71, 70) + 5 (j - 1): within-ratee sd 0.57735 against the pooled 8.17177.
    // Rater 14 gives one score per ratee on every aspect.
    kin_test::TempDir dir;
    write_employees(dir, range(1, 3, "T") + range(11, 14, "R"));
    FeedbackCsv f;
    const char* aspects[3] = {"a", "b", "c"};
    const double spread[3] = {60, 70, 80}, flat[3] = {70, 71, 70};
    for (int j = 0; j < 3; ++j) {
      for (int a = 0; a < 3; ++a) {
        f.add(11, 1 + j, "peer", spread[a] + 5 * j, aspects[a]).add(12, 1 + j, "peer", spread[a] + 5 * j, aspects[a]);
        f.add(13, 1 + j, "peer", flat[a] + 5 * j, aspects[a]);
      }
    }
    dir.write("feedback.csv", f.text);
    auto d = load_valid(dir);
    auto r = kinerja::rater_diagnostics(d, y2025);
    CHECK(r.raters.halo_ratio[summary_row(d, r, 13)] == doctest::Approx(0.0706518261084));
    CHECK(flagged(d, r, RaterFlag::Halo) == std::set<int>{13});
    CHECK(flagged(d, r, RaterFlag::StraightLining).empty());
    CHECK(r.raters.straight_share[summary_row(d, r, 13)] == 0);
    RaterDiagnosticsOptions o;
    o.halo_ratio = 0.05;
    CHECK(flagged(d, kinerja::rater_diagnostics(d, y2025, o), RaterFlag::Halo).empty());

    SUBCASE("straight-lining with every ratee, or with two of three") {
      const double same[3] = {75, 80, 70};
      FeedbackCsv g = f;
      for (int j = 0; j < 3; ++j) {
        for (int a = 0; a < 3; ++a) g.add(14, 1 + j, "peer", same[j] + (j == 2 && a == 1 ? 1 : 0), aspects[a]);
      }
      dir.write("feedback.csv", g.text);
      d = load_valid(dir);
      r = kinerja::rater_diagnostics(d, y2025);
      CHECK(r.raters.straight_share[summary_row(d, r, 14)] == doctest::Approx(2.0 / 3));
      CHECK(flagged(d, r, RaterFlag::StraightLining).empty());
      o = {};
      o.straight_line_share = 0.6;
      CHECK(flagged(d, kinerja::rater_diagnostics(d, y2025, o), RaterFlag::StraightLining) == std::set<int>{14});
      g = f;
      for (int j = 0; j < 3; ++j) {
        for (int a = 0; a < 3; ++a) g.add(14, 1 + j, "peer", same[j], aspects[a]);
      }
      dir.write("feedback.csv", g.text);
      d = load_valid(dir);
      r = kinerja::rater_diagnostics(d, y2025);
      CHECK(r.raters.straight_share[summary_row(d, r, 14)] == 1.0);
      CHECK(flagged(d, r, RaterFlag::StraightLining) == std::set<int>{14});
      CHECK(flagged(d, r, RaterFlag::Halo) == std::set<int>{13, 14});
      // Ratees need three aspects to count: with four, none does.
      o = {};
      o.straight_line_min_aspects = 4;
      r = kinerja::rater_diagnostics(d, y2025, o);
      CHECK(std::isnan(r.raters.straight_share[summary_row(d, r, 14)]));
      CHECK(flagged(d, r, RaterFlag::StraightLining).empty());
    }
  }

  TEST_CASE("reciprocal peer inflation: two peers both well above the others") {
    // Employees 1 and 2 rate each other; raters 3, 4, 5 rate both.
    //   ratee 1: from 2: 90, from others 70, 72, 74 -> 2 gives 1 +18
    //   ratee 2: from 1: 88, from others 70, 71, 72 -> 1 gives 2 +17
    kin_test::TempDir dir;
    write_employees(dir, range(1, 5, "U"));
    auto write = [&](const char* source, double to_one) {
      FeedbackCsv f;
      f.add(2, 1, source, to_one).add(3, 1, "supervisor", 70).add(4, 1, "peer", 72).add(5, 1, "peer", 74);
      f.add(1, 2, source, 88).add(3, 2, "supervisor", 70).add(4, 2, "peer", 71).add(5, 2, "peer", 72);
      dir.write("feedback.csv", f.text);
      return load_valid(dir);
    };
    auto d = write("peer", 90);
    auto r = kinerja::rater_diagnostics(d, y2025);
    CHECK(flagged(d, r, RaterFlag::ReciprocalInflation) == std::set<int>{1, 2});
    for (std::size_t i = 0; i < r.flags.size(); ++i) {
      if (r.flags.flag[i] != RaterFlag::ReciprocalInflation) continue;
      const bool one = r.flags.rater[i] == d.employees.nips.find(nip(1));
      CHECK(r.flags.partner[i] == d.employees.nips.find(nip(one ? 2 : 1)));
      CHECK(r.flags.statistic[i] == doctest::Approx(one ? 17 : 18));
      CHECK(r.flags.threshold[i] == 10);
    }
    RaterDiagnosticsOptions o;
    o.reciprocal_delta = 17.5;
    CHECK(flagged(d, kinerja::rater_diagnostics(d, y2025, o), RaterFlag::ReciprocalInflation).empty());
    d = write("peer", 75);  // one direction only
    CHECK(flagged(d, kinerja::rater_diagnostics(d, y2025), RaterFlag::ReciprocalInflation).empty());
    d = write("subordinate", 90);  // not peers
    CHECK(flagged(d, kinerja::rater_diagnostics(d, y2025), RaterFlag::ReciprocalInflation).empty());
  }

  TEST_CASE("distribution differs from the unit: Kolmogorov-Smirnov and Mann-Whitney") {
    // Raters 11, 12, 13 of unit R rate ratees 1..6 (unit T): 11 gives 61, 63, ..., 71, 12 gives
    // 62, 64, ..., 72 and 13 gives 91..96. Rater 13 against the other twelve values: D = 1,
    // n_e = 6 * 12 / 18 = 4, lambda = (2 + 0.12 + 0.055) * 1, Q = 1.55618537231e-4. Rater 12: D =
    // 0.5, Q(1.0875) = 0.187684274198. Mann-Whitney for 13: U = 72, z = 35.5 / sqrt(114).
    kin_test::TempDir dir;
    write_employees(dir, range(1, 6, "T") + range(11, 13, "R"));
    FeedbackCsv f;
    for (int j = 0; j < 6; ++j) {
      f.add(11, 1 + j, "peer", 61 + 2 * j).add(12, 1 + j, "peer", 62 + 2 * j).add(13, 1 + j, "peer", 91 + j);
    }
    dir.write("feedback.csv", f.text);
    const auto d = load_valid(dir);
    auto r = kinerja::rater_diagnostics(d, y2025);
    const std::size_t k12 = summary_row(d, r, 12), k13 = summary_row(d, r, 13);
    CHECK(r.raters.distribution_statistic[k13] == doctest::Approx(1));
    CHECK(r.raters.distribution_p[k13] == doctest::Approx(1.55618537231e-4).epsilon(1e-6));
    CHECK(r.raters.distribution_statistic[k12] == doctest::Approx(0.5));
    CHECK(r.raters.distribution_p[k12] == doctest::Approx(0.187684274198).epsilon(1e-6));
    CHECK(flagged(d, r, RaterFlag::DistributionDiffers) == std::set<int>{13});
    RaterDiagnosticsOptions o;
    o.distribution_test = kinerja::DistributionTest::MannWhitney;
    r = kinerja::rater_diagnostics(d, y2025, o);
    CHECK(r.raters.distribution_statistic[k13] == doctest::Approx(35.5 / std::sqrt(114.0)));
    CHECK(r.raters.distribution_p[k13] == doctest::Approx(8.84567156305e-4).epsilon(1e-6));
    CHECK(flagged(d, r, RaterFlag::DistributionDiffers) == std::set<int>{13});
    o.distribution_p = 1e-4;
    CHECK(flagged(d, kinerja::rater_diagnostics(d, y2025, o), RaterFlag::DistributionDiffers).empty());
    o = {};
    o.distribution_min_unit_raters = 3;  // the unit has only two other raters
    r = kinerja::rater_diagnostics(d, y2025, o);
    CHECK(std::isnan(r.raters.distribution_p[k13]));
    CHECK(flagged(d, r, RaterFlag::DistributionDiffers).empty());
  }

  TEST_CASE("self and public ratings are left out, self on request counted") {
    kin_test::TempDir dir;
    write_employees(dir, range(1, 3, "U"));
    FeedbackCsv f;
    f.add(1, 1, "self", 95).add(2, 1, "supervisor", 80).add(3, 1, "peer", 70);
    std::string text = f.text + "2025,CITIZEN-1,199001152015031001,public,40,a\n";
    dir.write("feedback.csv", text);
    const auto d = load_valid(dir);
    RaterDiagnosticsOptions o;
    o.leniency_passes = 1;
    auto r = kinerja::rater_diagnostics(d, y2025, o);
    CHECK(r.raters.size() == 2);  // 2 and 3; no row for the self rater or the citizen
    CHECK(r.raters.leniency[summary_row(d, r, 2)] == doctest::Approx(10));
    o.include_self = true;
    r = kinerja::rater_diagnostics(d, y2025, o);
    CHECK(r.raters.size() == 3);
    CHECK(r.raters.leniency[summary_row(d, r, 1)] == doctest::Approx(20));
  }

  TEST_CASE("degenerate input: no flag, no crash, NaN only where documented") {
    SUBCASE("one rater, one ratee") {
      kin_test::TempDir dir;
      write_employees(dir, range(1, 2, "U"));
      dir.write("feedback.csv", FeedbackCsv().add(2, 1, "supervisor", 80, "a").add(2, 1, "supervisor", 80, "b").text);
      const auto d = load_valid(dir);
      const auto r = kinerja::rater_diagnostics(d, y2025);
      REQUIRE(r.raters.size() == 1);
      CHECK(r.flags.size() == 0);
      CHECK(r.raters.ratings[0] == 2);
      CHECK(r.raters.sd[0] == 0);
      CHECK(std::isnan(r.raters.leniency[0]));
      CHECK(r.raters.compared_ratees[0] == 0);
      CHECK(std::isnan(r.raters.leniency_z[0]));
      CHECK(std::isnan(r.raters.spread_ratio[0]));
      CHECK(std::isnan(r.raters.distribution_p[0]));
    }
    SUBCASE("many raters, every score equal") {
      kin_test::TempDir dir;
      write_employees(dir, range(1, 4, "T") + range(11, 16, "R"));
      FeedbackCsv f;
      for (int q = 11; q <= 16; ++q) {
        for (int j = 1; j <= 4; ++j) f.add(q, j, "peer", 80, "a").add(q, j, "peer", 80, "b").add(q, j, "peer", 80, "c");
      }
      dir.write("feedback.csv", f.text);
      const auto d = load_valid(dir);
      const auto r = kinerja::rater_diagnostics(d, y2025);
      // Everybody straight-lines; nothing else can be told apart.
      CHECK(flagged(d, r, RaterFlag::StraightLining).size() == 6);
      for (std::size_t i = 0; i < r.flags.size(); ++i) {
        CHECK(r.flags.flag[i] == RaterFlag::StraightLining);
        CHECK(!std::isnan(r.flags.statistic[i]));
      }
      for (std::size_t i = 0; i < r.raters.size(); ++i) {
        CHECK(r.raters.leniency[i] == 0);
        CHECK(std::isnan(r.raters.leniency_z[i]));  // no spread across raters
        CHECK(std::isnan(r.raters.spread_ratio[i]));
        CHECK(std::isnan(r.raters.halo_ratio[i]));
        CHECK(r.raters.distribution_p[i] == 1);
      }
    }
    SUBCASE("no feedback in the period") {
      kin_test::TempDir dir;
      write_employees(dir, range(1, 2, "U"));
      dir.write("feedback.csv", "period,rater_nip,ratee_nip,source,score,aspect\n");
      const auto r = kinerja::rater_diagnostics(load_valid(dir), y2025);
      CHECK(r.raters.size() == 0);
      CHECK(r.flags.size() == 0);
    }
  }

  TEST_CASE("invalid options are rejected") {
    kin_test::TempDir dir;
    write_employees(dir, range(1, 2, "U"));
    dir.write("feedback.csv", FeedbackCsv().add(2, 1, "supervisor", 80).text);
    const auto d = load_valid(dir);
    auto expect_invalid = [&](void (*change)(RaterDiagnosticsOptions&)) {
      RaterDiagnosticsOptions o;
      change(o);
      try {
        kinerja::rater_diagnostics(d, y2025, o);
        FAIL("no error");
      } catch (const kinerja::error& e) {
        CHECK(e.code() == kinerja::errc::InvalidArgument);
      }
    };
    expect_invalid([](RaterDiagnosticsOptions& o) { o.min_ratees = 1; });
    expect_invalid([](RaterDiagnosticsOptions& o) { o.leniency_z = 0; });
    expect_invalid([](RaterDiagnosticsOptions& o) { o.leniency_passes = 0; });
    expect_invalid([](RaterDiagnosticsOptions& o) { o.central_tendency_p = 0; });
    expect_invalid([](RaterDiagnosticsOptions& o) { o.straight_line_share = 1.5; });
    expect_invalid([](RaterDiagnosticsOptions& o) { o.straight_line_min_aspects = 1; });
    expect_invalid([](RaterDiagnosticsOptions& o) { o.reciprocal_delta = -1; });
    expect_invalid([](RaterDiagnosticsOptions& o) { o.distribution_p = 1; });
    expect_invalid([](RaterDiagnosticsOptions& o) { o.distribution_min_unit_raters = 0; });
  }

  TEST_CASE("the sample: the planted raters are found with the default thresholds") {
    kinerja::Diagnostics diags;
    const auto d = kinerja::load_dataset(KIN_SOURCE_DIR "/data/sample", diags);
    REQUIRE(!diags.has_errors());
    const auto r = kinerja::rater_diagnostics(d, y2025);
    std::set<std::string> lenient, severe, central, halo, straight, reciprocal, distribution;
    for (std::size_t i = 0; i < r.flags.size(); ++i) {
      const std::string n(d.employees.nips[r.flags.rater[i]]);
      switch (r.flags.flag[i]) {
        case RaterFlag::Lenient:
          lenient.insert(n);
          break;
        case RaterFlag::Severe:
          severe.insert(n);
          break;
        case RaterFlag::CentralTendency:
          central.insert(n);
          break;
        case RaterFlag::Halo:
          halo.insert(n);
          break;
        case RaterFlag::StraightLining:
          straight.insert(n);
          break;
        case RaterFlag::ReciprocalInflation:
          reciprocal.insert(n);
          break;
        case RaterFlag::DistributionDiffers:
          distribution.insert(n);
          break;
      }
      CHECK(!std::isnan(r.flags.statistic[i]));
    }
    for (const char* n : {"198104102003112913", "197701312001121822", "196906041998011363"}) {
      CAPTURE(n);
      CHECK(lenient.count(n) == 1);
      CHECK(distribution.count(n) == 1);
    }
    for (const char* n : {"197604282005021401", "199001222016052366"}) {
      CAPTURE(n);
      CHECK(severe.count(n) == 1);
      CHECK(distribution.count(n) == 1);
    }
    CHECK(straight == std::set<std::string>{"197503082001031910"});
    CHECK(central.count("197503082001031910") == 1);
    CHECK(central.count("198109132010121022") == 1);
    CHECK(halo == std::set<std::string>{"197503082001031910", "198109132010121022"});
    CHECK(reciprocal == std::set<std::string>{"198109132004121952", "199205082018072555"});
    // Screening, not a verdict: few other raters are flagged lenient or severe (3 of ~250).
    CHECK(lenient.size() + severe.size() <= 10);
  }
}
