// Rater-effect models against R: the random-effects fit against lme4::lmer (REML) and the
// fixed-effects fit against lm() with sum-to-zero contrasts, on the designs of
// tests/data/calibration/lme4 (make_designs.py writes them, make_golden.R the reference values);
// then the degenerate designs, the thread count, and the private building blocks (the bounded
// optimiser, the sparse LDL' and the selected inversion).
#include <doctest/doctest.h>

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "calibration/bounded_minimize.hpp"
#include "calibration/sparse_inverse.hpp"
#include "calibration/sparse_ldlt.hpp"
#include "kinerja/error.hpp"
#include "kinerja/rater_effects.hpp"

using kinerja::Index;
using kinerja::RaterDesign;

namespace {

const std::string golden_dir = std::string(KIN_TEST_DATA_DIR) + "/calibration/lme4/";
constexpr double tol = 1e-4;

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream s(line);
  for (std::string cell; std::getline(s, cell, ',');) out.push_back(cell);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

// A design CSV: ratee,rater[,aspect],score with 0-based ids; sizes are max id + 1.
RaterDesign read_design(const std::string& name) {
  std::ifstream in(golden_dir + name + ".csv");
  REQUIRE(in.good());
  std::string line;
  std::getline(in, line);
  const bool aspects = split(line).size() == 4;
  RaterDesign d;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto f = split(line);
    d.ratee.push_back(static_cast<Index>(std::stoul(f[0])));
    d.rater.push_back(static_cast<Index>(std::stoul(f[1])));
    if (aspects) d.aspect.push_back(static_cast<Index>(std::stoul(f[2])));
    d.score.push_back(std::stod(f.back()));
  }
  for (Index v : d.ratee) d.ratees = std::max<std::size_t>(d.ratees, v + std::size_t{1});
  for (Index v : d.rater) d.raters = std::max<std::size_t>(d.raters, v + std::size_t{1});
  for (Index v : d.aspect) d.aspects = std::max<std::size_t>(d.aspects, v + std::size_t{1});
  return d;
}

// quantity -> level ("" for scalars) -> value
using Golden = std::map<std::string, std::map<std::string, double>>;

Golden read_golden(const std::string& file) {
  std::ifstream in(golden_dir + file);
  REQUIRE(in.good());
  std::string line;
  std::getline(in, line);
  Golden g;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto f = split(line);
    REQUIRE(f.size() == 3);
    g[f[0]][f[1]] = std::stod(f[2]);
  }
  return g;
}

double scalar(const Golden& g, const std::string& q) {
  REQUIRE(g.count(q) == 1);
  return g.at(q).at("");
}

// Compares values[id] with every level of quantity q.
void compare(const Golden& g, const std::string& q, const std::vector<double>& values, double tolerance = tol) {
  REQUIRE(g.count(q) == 1);
  for (const auto& [level, expected] : g.at(q)) {
    const std::size_t id = std::stoul(level);
    REQUIRE(id < values.size());
    INFO(q << " level " << level);
    CHECK(std::fabs(values[id] - expected) <= tolerance);
  }
}

const char* const designs[] = {"balanced", "unbalanced", "aspects", "disconnected", "boundary", "many_raters", "teams"};

void check_lmer(const std::string& name) {
  INFO("design " << name);
  const RaterDesign d = read_design(name);
  const Golden g = read_golden(name + "_lmer.csv");
  const kinerja::RandomEffectsFit fit = kinerja::fit_random_effects(d);
  CHECK(fit.converged);
  CHECK(fit.observations == d.size());
  CHECK(std::fabs(fit.ratee_variance - scalar(g, "ratee_variance")) <= tol);
  CHECK(std::fabs(fit.rater_variance - scalar(g, "rater_variance")) <= tol);
  CHECK(std::fabs(fit.residual_variance - scalar(g, "residual_variance")) <= tol);
  CHECK(std::fabs(fit.theta_ratee - scalar(g, "theta_ratee")) <= tol);
  CHECK(std::fabs(fit.theta_rater - scalar(g, "theta_rater")) <= tol);
  CHECK(std::fabs(fit.reml_criterion - scalar(g, "reml")) <= tol);
  CHECK(std::fabs(fit.intercept - scalar(g, "intercept")) <= tol);
  CHECK(std::fabs(fit.intercept_se - scalar(g, "intercept_se")) <= tol);
  CHECK(fit.singular == (scalar(g, "singular") == 1));
  if (!d.aspect.empty()) {
    compare(g, "aspect", fit.aspect_effect);
    compare(g, "aspect_se", fit.aspect_se);
  } else {
    CHECK(fit.aspect_effect.empty());
  }
  compare(g, "ratee_blup", fit.ratee_effect);
  compare(g, "rater_blup", fit.rater_effect);
  compare(g, "ratee_condsd", fit.ratee_sd);
  compare(g, "rater_condsd", fit.rater_sd);
}

void check_lm(const std::string& name) {
  INFO("design " << name);
  const RaterDesign d = read_design(name);
  const Golden g = read_golden(name + "_lm.csv");
  const kinerja::FixedEffectsFit fit = kinerja::fit_fixed_effects(d);
  CHECK(fit.df == static_cast<std::size_t>(scalar(g, "df")));
  CHECK(std::fabs(fit.residual_sd - scalar(g, "sigma")) <= 1e-9);
  CHECK(fit.components.count == g.at("mu").size());
  compare(g, "mu", fit.mu, 1e-8);
  compare(g, "mu_se", fit.mu_se, 1e-8);
  compare(g, "ratee", fit.ratee_effect, 1e-8);
  compare(g, "ratee_se", fit.ratee_se, 1e-8);
  compare(g, "rater", fit.rater_effect, 1e-8);
  compare(g, "rater_se", fit.rater_se, 1e-8);
  if (!d.aspect.empty()) {
    compare(g, "aspect", fit.aspect_effect, 1e-8);
    compare(g, "aspect_se", fit.aspect_se, 1e-8);
  }
}

// Expects `fn` to throw kinerja::error InvalidArgument whose message contains `fragment`.
template <typename Fn>
void check_invalid(Fn&& fn, const std::string& fragment) {
  try {
    fn();
    FAIL("no error, expected one containing: " << fragment);
  } catch (const kinerja::error& e) {
    CHECK(e.code() == kinerja::errc::InvalidArgument);
    INFO("message: " << e.what());
    CHECK(std::string(e.what()).find(fragment) != std::string::npos);
  }
}

// An organisation in teams of 5-30 (the shape of benchmarks/bench_calibrate.cpp, smaller):
// every employee scored on 7 aspects by the team head, 3 peers and up to 2 subordinates. The
// rows are shuffled, so they are not grouped by ratee.
RaterDesign team_design(std::size_t employees, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::vector<std::size_t> team_start;
  for (std::size_t e = 0; e < employees;) {
    team_start.push_back(e);
    e += std::min<std::size_t>(5 + rng() % 26, employees - e);
  }
  team_start.push_back(employees);
  std::vector<double> level(employees), severity(employees);
  for (auto& v : level) v = 5 * normal(rng);
  for (auto& v : severity) v = 4 * normal(rng);
  RaterDesign d;
  d.ratees = d.raters = employees;
  d.aspects = 7;
  for (std::size_t t = 0; t + 1 < team_start.size(); ++t) {
    const std::size_t t0 = team_start[t], t1 = team_start[t + 1];
    for (std::size_t e = t0; e < t1; ++e) {
      std::vector<std::size_t> raters;
      auto add = [&](std::size_t r) {
        if (r != e && std::find(raters.begin(), raters.end(), r) == raters.end()) raters.push_back(r);
      };
      if (e != t0)
        add(t0);
      else if (t > 0)
        add(team_start[rng() % t]);
      for (int k = 0; k < 3; ++k) add(t0 + rng() % (t1 - t0));
      for (std::size_t s = e + 1; s < t1 && s < e + 3; ++s) add(s);
      for (std::size_t r : raters)
        for (Index a = 0; a < 7; ++a) {
          d.ratee.push_back(static_cast<Index>(e));
          d.rater.push_back(static_cast<Index>(r));
          d.aspect.push_back(a);
          d.score.push_back(78 + level[e] + severity[r] + 0.5 * a + 5 * normal(rng));
        }
    }
  }
  // Shuffle the rows.
  for (std::size_t k = d.size(); k > 1; --k) {
    const std::size_t j = rng() % k;
    std::swap(d.ratee[k - 1], d.ratee[j]);
    std::swap(d.rater[k - 1], d.rater[j]);
    std::swap(d.aspect[k - 1], d.aspect[j]);
    std::swap(d.score[k - 1], d.score[j]);
  }
  return d;
}

RaterDesign small_design() {
  // 6 ratees, 4 raters, every ratee scored by 3 raters.
  RaterDesign d;
  d.ratees = 6;
  d.raters = 4;
  const double base[6] = {80, 75, 85, 70, 78, 82};
  const double sev[4] = {2, -1, 0.5, -1.5};
  int k = 0;
  for (Index i = 0; i < 6; ++i)
    for (Index j = 0; j < 4; ++j) {
      if ((i + j) % 4 == 3) continue;
      d.ratee.push_back(i);
      d.rater.push_back(j);
      d.score.push_back(base[i] + sev[j] + ((k++ * 7) % 5) - 2.0);
    }
  return d;
}

}  // namespace

TEST_SUITE("rater_effects") {
  TEST_CASE("random effects match lme4 REML on the golden designs") {
    for (const char* name : designs) check_lmer(name);
  }

  TEST_CASE("fixed effects match lm with sum-to-zero contrasts per component") {
    for (const char* name : designs) check_lm(name);
  }

  TEST_CASE("components of a disconnected design") {
    const RaterDesign d = read_design("disconnected");
    const kinerja::DesignComponents c = kinerja::design_components(d);
    REQUIRE(c.count == 3);
    CHECK(c.ratee_component[0] == 0);
    CHECK(c.ratee_component[20] == 1);
    CHECK(c.ratee_component[35] == 2);
    CHECK(c.rater_component[18] == 2);
    CHECK(c.rater_component[19] == 2);
    CHECK(c.observations[2] == 4);
    CHECK(c.ratee_count[0] == 20);
    CHECK(c.rater_count[0] == 10);
    CHECK(c.ratee_count[1] == 15);
    CHECK(c.rater_count[1] == 8);
    CHECK(c.observations[0] + c.observations[1] + c.observations[2] == d.size());
    // The random-effects fit reports the same components.
    const kinerja::RandomEffectsFit fit = kinerja::fit_random_effects(d);
    CHECK(fit.components.count == 3);
    CHECK(fit.components.ratee_component == c.ratee_component);
  }

  TEST_CASE("results do not depend on the thread count") {
    const RaterDesign d = team_design(4000, 17);
    kinerja::RandomEffectsOptions o1, o2, o3;
    o1.threads = 1;
    o2.threads = 2;
    o3.threads = 3;
    const auto f1 = kinerja::fit_random_effects(d, o1);
    const auto f2 = kinerja::fit_random_effects(d, o2);
    const auto f3 = kinerja::fit_random_effects(d, o3);
    CHECK(f1.reml_criterion == f2.reml_criterion);
    CHECK(f1.reml_criterion == f3.reml_criterion);
    CHECK(f1.evaluations == f2.evaluations);
    CHECK(f1.ratee_effect == f2.ratee_effect);
    CHECK(f1.ratee_sd == f3.ratee_sd);
    CHECK(f1.rater_effect == f3.rater_effect);
    CHECK(f1.rater_sd == f2.rater_sd);
    CHECK(f1.converged);
    kinerja::FixedEffectsOptions e1, e2;
    e1.threads = 1;
    e2.threads = 2;
    const auto x1 = kinerja::fit_fixed_effects(d, e1);
    const auto x2 = kinerja::fit_fixed_effects(d, e2);
    CHECK(x1.ratee_effect == x2.ratee_effect);
    CHECK(x1.rater_se == x2.rater_se);
    CHECK(x1.rss == x2.rss);
  }

  TEST_CASE("malformed designs name the problem and the row") {
    RaterDesign d = small_design();
    {
      RaterDesign bad = d;
      bad.rater[5] = 4;
      check_invalid([&] { kinerja::fit_random_effects(bad); }, "design row 5: rater 4 is out of range (raters = 4)");
      check_invalid([&] { kinerja::fit_fixed_effects(bad); }, "fit_fixed_effects: design row 5");
      check_invalid([&] { kinerja::design_components(bad); }, "design row 5");
    }
    {
      RaterDesign bad = d;
      bad.ratee[7] = 6;
      check_invalid([&] { kinerja::fit_random_effects(bad); }, "design row 7: ratee 6 is out of range (ratees = 6)");
    }
    {
      RaterDesign bad = d;
      bad.score[3] = std::numeric_limits<double>::quiet_NaN();
      bad.score[9] = std::numeric_limits<double>::infinity();
      check_invalid([&] { kinerja::fit_random_effects(bad); }, "design row 3: score nan is not finite");
    }
    {
      RaterDesign bad = d;
      bad.score.pop_back();
      check_invalid([&] { kinerja::fit_random_effects(bad); }, "columns differ in length");
    }
    {
      RaterDesign bad = d;
      bad.aspect.assign(d.size(), 0);
      bad.aspects = 2;
      check_invalid([&] { kinerja::fit_random_effects(bad); }, "aspect 1 has no scores");
      check_invalid([&] { kinerja::fit_fixed_effects(bad); }, "aspect 1 has no scores");
      bad.aspect[2] = 2;
      check_invalid([&] { kinerja::fit_random_effects(bad); }, "design row 2: aspect 2 is out of range (aspects = 2)");
      bad.aspect.clear();
      check_invalid([&] { kinerja::fit_random_effects(bad); }, "the aspect column is empty");
    }
    check_invalid([&] { kinerja::fit_random_effects(RaterDesign{}); }, "no scores");
  }

  TEST_CASE("one rater or one ratee is refused by the random-effects fit") {
    RaterDesign d = small_design();
    RaterDesign one_rater = d;
    std::fill(one_rater.rater.begin(), one_rater.rater.end(), 2);
    check_invalid([&] { kinerja::fit_random_effects(one_rater); }, "only 1 rater has scores");
    // The fixed-effects fit is defined: the ratee means, rater effect 0.
    const auto fe = kinerja::fit_fixed_effects(one_rater);
    CHECK(fe.components.count == 1);
    CHECK(fe.rater_effect[2] == doctest::Approx(0).scale(1));
    CHECK(std::isnan(fe.rater_effect[0]));
    RaterDesign one_ratee = d;
    std::fill(one_ratee.ratee.begin(), one_ratee.ratee.end(), 4);
    check_invalid([&] { kinerja::fit_random_effects(one_ratee); }, "only 1 ratee has scores");
    // One score per ratee: the ratee variance is confounded with the residual.
    RaterDesign single;
    single.ratees = 5;
    single.raters = 2;
    for (Index i = 0; i < 5; ++i) {
      single.ratee.push_back(i);
      single.rater.push_back(i % 2);
      single.score.push_back(70.0 + i);
    }
    check_invalid([&] { kinerja::fit_random_effects(single); }, "every ratee has a single score");
    check_invalid([&] { kinerja::fit_fixed_effects(single); }, "no degree of freedom");
  }

  TEST_CASE("all scores equal give the documented boundary fit") {
    RaterDesign d = small_design();
    std::fill(d.score.begin(), d.score.end(), 80.0);
    const auto fit = kinerja::fit_random_effects(d);
    CHECK(fit.converged);
    CHECK(fit.singular);
    CHECK(fit.ratee_variance == 0);
    CHECK(fit.rater_variance == 0);
    CHECK(fit.residual_variance == 0);
    CHECK(fit.reml_criterion == -std::numeric_limits<double>::infinity());
    CHECK(fit.intercept == 80.0);
    CHECK(fit.intercept_se == 0);
    for (double v : fit.ratee_effect) CHECK(v == 0);
    for (double v : fit.rater_sd) CHECK(v == 0);
    // Scores that differ only by aspect: the same, with the aspect effects.
    RaterDesign a = small_design();
    a.aspects = 2;
    for (std::size_t k = 0; k < a.size(); ++k) {
      a.aspect.push_back(static_cast<Index>(k % 2));
      a.score[k] = k % 2 ? 70.5 : 80.5;
    }
    const auto fa = kinerja::fit_random_effects(a);
    CHECK(fa.singular);
    CHECK(fa.intercept == doctest::Approx(75.5));
    REQUIRE(fa.aspect_effect.size() == 2);
    CHECK(fa.aspect_effect[0] == doctest::Approx(5.0));
    CHECK(fa.aspect_effect[1] == doctest::Approx(-5.0));
    // The fixed-effects fit has a zero residual.
    const auto fe = kinerja::fit_fixed_effects(d);
    CHECK(fe.rss == doctest::Approx(0).scale(1));
    CHECK(fe.mu[0] == doctest::Approx(80.0));
  }

  TEST_CASE("ids without scores and self-ratings") {
    RaterDesign d = small_design();
    // Ratee 3 and rater 2 are the same employee here: rater 3 scores ratee 3 (ids are separate
    // spaces, so this is an ordinary row).
    d.ratee.push_back(3);
    d.rater.push_back(3);
    d.score.push_back(90);
    // Ids 6..7 and 4..5 exist but have no scores.
    d.ratees = 8;
    d.raters = 6;
    const auto fit = kinerja::fit_random_effects(d);
    CHECK(fit.converged);
    REQUIRE(fit.ratee_effect.size() == 8);
    CHECK(fit.ratee_effect[7] == 0);
    CHECK(fit.ratee_sd[7] == doctest::Approx(std::sqrt(fit.ratee_variance)));
    CHECK(fit.rater_sd[5] == doctest::Approx(std::sqrt(fit.rater_variance)));
    CHECK(fit.components.ratee_component[7] == kinerja::no_index);
    CHECK(fit.components.rater_component[4] == kinerja::no_index);
    // The unused ids change nothing.
    RaterDesign tight = d;
    tight.ratees = 6;
    tight.raters = 4;
    const auto ft = kinerja::fit_random_effects(tight);
    CHECK(ft.reml_criterion == fit.reml_criterion);
    CHECK(ft.ratee_effect[3] == fit.ratee_effect[3]);
    const auto fe = kinerja::fit_fixed_effects(d);
    CHECK(std::isnan(fe.ratee_effect[6]));
    CHECK(std::isnan(fe.rater_se[5]));
    CHECK(std::isfinite(fe.ratee_effect[3]));
  }

  TEST_CASE("conditional_sd = false skips the conditional standard deviations") {
    const RaterDesign d = read_design("balanced");
    kinerja::RandomEffectsOptions o;
    o.conditional_sd = false;
    const auto fit = kinerja::fit_random_effects(d, o);
    CHECK(fit.ratee_sd.empty());
    CHECK(fit.rater_sd.empty());
    CHECK(fit.ratee_effect.size() == d.ratees);
    kinerja::RandomEffectsOptions bad;
    bad.tolerance = 0;
    check_invalid([&] { kinerja::fit_random_effects(d, bad); }, "tolerance");
  }

  TEST_CASE("the bounded optimiser reaches interior and boundary minima") {
    using kinerja::detail::Point2;
    kinerja::detail::Minimize2Options o;
    o.rho_end = 1e-10;
    // A tilted quadratic with its minimum inside the bounds.
    auto quad = [](const Point2& x) {
      const double a = x[0] - 0.7, b = x[1] - 2.5;
      return 3 * a * a + 2 * a * b + 5 * b * b + 1;
    };
    auto r = kinerja::detail::minimize_bounded_2d(quad, {1, 1}, {0, 0}, {1e4, 1e4}, o);
    CHECK(r.converged);
    CHECK(r.x[0] == doctest::Approx(0.7).epsilon(1e-8));
    CHECK(r.x[1] == doctest::Approx(2.5).epsilon(1e-8));
    // The unconstrained minimum at x0 = -1: the bound x0 = 0 is active and hit exactly.
    auto bound = [](const Point2& x) {
      const double a = x[0] + 1, b = x[1] - 0.3;
      return a * a + a * b + 2 * b * b;
    };
    r = kinerja::detail::minimize_bounded_2d(bound, {1, 1}, {0, 0}, {1e4, 1e4}, o);
    CHECK(r.converged);
    CHECK(r.x[0] == 0);
    CHECK(r.x[1] == doctest::Approx(0.3 - 0.25).epsilon(1e-8));
    // Rosenbrock's valley.
    auto rosen = [](const Point2& x) {
      const double a = 1 - x[0], b = x[1] - x[0] * x[0];
      return a * a + 100 * b * b;
    };
    r = kinerja::detail::minimize_bounded_2d(rosen, {0.2, 1.5}, {0, 0}, {10, 10}, o);
    CHECK(r.converged);
    CHECK(r.x[0] == doctest::Approx(1).epsilon(1e-7));
    CHECK(r.x[1] == doctest::Approx(1).epsilon(1e-7));
  }

  TEST_CASE("sparse LDL and selected inversion give the inverse on the pattern of the factor") {
    // A sparse SPD matrix: two 10 x 10 grids with random weights and a dominant diagonal, in
    // natural order, and a last node joined to both (two subtrees: split over threads).
    const int side = 10, block = side * side, n = 2 * block + 1;
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(0.5, 2.0);
    std::vector<Eigen::Triplet<double>> t;
    for (int g = 0; g < 2; ++g)
      for (int i = 0; i < side; ++i)
        for (int j = 0; j < side; ++j) {
          const int k = g * block + i * side + j;
          t.emplace_back(k, k, 8 + u(rng));  // diagonally dominant: positive definite
          if (j + 1 < side) t.emplace_back(k, k + 1, -u(rng));
          if (i + 1 < side) t.emplace_back(k, k + side, -u(rng));
        }
    t.emplace_back(n - 1, n - 1, 8 + u(rng));
    t.emplace_back(block - 1, n - 1, -u(rng));
    t.emplace_back(2 * block - 1, n - 1, -u(rng));
    Eigen::SparseMatrix<double> upper(n, n);  // column k: rows <= k, sorted
    upper.setFromTriplets(t.begin(), t.end());
    upper.makeCompressed();
    kinerja::detail::SparseLdlt one, two;
    one.analyze(n, upper.outerIndexPtr(), upper.innerIndexPtr(), 1);
    two.analyze(n, upper.outerIndexPtr(), upper.innerIndexPtr(), 2, 0);
    REQUIRE(one.factorize(upper.outerIndexPtr(), upper.innerIndexPtr(), upper.valuePtr()));
    REQUIRE(two.factorize(upper.outerIndexPtr(), upper.innerIndexPtr(), upper.valuePtr()));
    CHECK(one.d() == two.d());
    CHECK(std::equal(one.values(), one.values() + one.nonzeros(), two.values()));
    kinerja::detail::UnitLower ul;
    ul.n = n;
    ul.colptr = two.colptr();
    ul.rowind = two.rowind();
    ul.values = two.values();
    std::vector<double> zval, zdiag;
    kinerja::detail::selected_inverse(ul, two.d().data(), zval, zdiag);
    Eigen::SparseMatrix<double> sym = upper.selfadjointView<Eigen::Upper>();
    const Eigen::MatrixXd full = Eigen::MatrixXd(sym);
    const Eigen::MatrixXd inv = full.inverse();
    const Eigen::LLT<Eigen::MatrixXd> llt(full);
    const double log_det = 2 * llt.matrixL().toDenseMatrix().diagonal().array().log().sum();
    CHECK(two.log_det() == doctest::Approx(log_det).epsilon(1e-12));
    double worst = 0;
    for (int j = 0; j < n; ++j) {
      worst = std::max(worst, std::fabs(zdiag[static_cast<std::size_t>(j)] - inv(j, j)));
      for (int p = ul.colptr[j]; p < ul.colptr[j + 1]; ++p)
        worst = std::max(worst, std::fabs(zval[static_cast<std::size_t>(p)] - inv(ul.rowind[p], j)));
    }
    CHECK(worst < 1e-13);
    CHECK(kinerja::detail::selected_entry(ul, zval, zdiag, side, 0) == doctest::Approx(inv(side, 0)));
    CHECK(kinerja::detail::selected_entry(ul, zval, zdiag, 0, n - 1) == 0);  // off the pattern
    // A matrix that is not positive definite is reported.
    Eigen::SparseMatrix<double> bad = upper;
    bad.coeffRef(n / 2, n / 2) = -1;
    CHECK_FALSE(two.factorize(bad.outerIndexPtr(), bad.innerIndexPtr(), bad.valuePtr()));
  }
}
