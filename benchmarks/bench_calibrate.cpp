// Rater calibration at national scale: kinerja::fit_random_effects (REML, lme4's model
// score ~ 1 + aspect + (1 | ratee) + (1 | rater)) on a generated organisation, and the same fit by
// R's lme4::lmer on the largest design lme4 finishes in a few minutes.
//
// The organisation (deterministic, --seed): employees in teams of 5-30, the first member heading
// the team and every other team hanging under a random earlier one. Every employee is scored on
// the 7 BerAKHLAK aspects by their supervisor (the team head; for a head, the head of the parent
// team), 3-4 peers (members of the same team; for a head, of the parent team) and up to 2
// subordinates (lower-ranked members of the team they belong to or head), about 6 raters in all.
// Raters are drawn from the same employees, so there are about as many raters as ratees, and
// rater severities, ratee levels and aspect effects are normal, plus noise.
//
// Printed: the machine, the design, kinerja's time (aggregation, ordering and symbolic analysis
// once, then one numeric refactorisation per evaluation; the conditional SDs by selected
// inversion), the evaluations, the peak memory; then lme4 and kinerja side by side on the same
// smaller design (lme4's own time around lmer() only, not reading the CSV), their ratio and the
// largest difference of the estimates (variances, fixed effects, BLUPs of every ratee and rater).
// When --lme4-ratees is at least --ratees, lme4 fits the big design itself.
//
// --csv FILE appends the rows of the suite, in scores (ratings) per second: kinerja's fit of the
// big design, against lme4 when lme4 fitted that design; otherwise a second row compares the two
// on lme4's smaller design.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "kinerja/error.hpp"
#include "kinerja/rater_effects.hpp"
#include "machine.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using kinerja::Index;

namespace {

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

struct Options {
  std::size_t ratees = 1000000;
  std::size_t lme4_ratees = 50000;
  unsigned threads = 0;
  double tolerance = 0;  // 0: the library's default
  std::uint64_t seed = 2025;
  bool baseline = true;
  bool lme4_tight = false;
  std::string dir = "kinerja-bench-calibrate";
};

constexpr Index aspects = 7;

kinerja::RaterDesign generate(std::size_t employees, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  std::normal_distribution<double> normal(0.0, 1.0);
  // Teams: contiguous ids, the first one heads the team.
  std::vector<std::size_t> team_start, team_of(employees), parent;
  for (std::size_t e = 0; e < employees;) {
    const std::size_t size = std::min<std::size_t>(5 + uniform(26), employees - e);
    const std::size_t t = team_start.size();
    team_start.push_back(e);
    parent.push_back(t == 0 ? t : uniform(t));
    for (std::size_t k = 0; k < size; ++k) team_of[e + k] = t;
    e += size;
  }
  team_start.push_back(employees);
  std::vector<double> level(employees), severity(employees);
  for (auto& v : level) v = 5.0 * normal(rng);
  for (auto& v : severity) v = 4.0 * normal(rng);
  const double aspect_effect[aspects] = {2.0, -1.0, 0.5, 1.5, -2.0, -0.5, -0.5};

  kinerja::RaterDesign d;
  d.ratees = d.raters = employees;
  d.aspects = aspects;
  const std::size_t expected = employees * 7 * aspects;  // at most 7 raters: no regrowth
  d.ratee.reserve(expected);
  d.rater.reserve(expected);
  d.aspect.reserve(expected);
  d.score.reserve(expected);
  std::vector<std::size_t> raters;
  auto add = [&](std::size_t r, std::size_t e) {
    if (r != e && std::find(raters.begin(), raters.end(), r) == raters.end()) raters.push_back(r);
  };
  for (std::size_t e = 0; e < employees; ++e) {
    const std::size_t t = team_of[e], head = team_start[t], t1 = team_start[t + 1];
    const bool is_head = e == head;
    raters.clear();
    if (!is_head)
      add(head, e);
    else if (t != 0)
      add(team_start[parent[t]], e);
    // Peers: from the own team, or for a head from the parent team.
    const std::size_t pt = is_head && t != 0 ? parent[t] : t;
    const std::size_t p0 = team_start[pt] + 1, p1 = team_start[pt + 1];
    const std::size_t want = 3 + uniform(2);
    for (std::size_t tries = 0, got = 0; p1 > p0 && got < want && tries < 4 * want; ++tries) {
      const std::size_t before = raters.size();
      add(p0 + uniform(p1 - p0), e);
      got += raters.size() - before;
    }
    // Subordinates: two of the lower-ranked members of the own team, at random.
    for (std::size_t tries = 0, got = 0; e + 1 < t1 && got < 2 && tries < 8; ++tries) {
      const std::size_t before = raters.size();
      add(e + 1 + uniform(t1 - e - 1), e);
      got += raters.size() - before;
    }
    for (std::size_t r : raters) {
      for (Index k = 0; k < aspects; ++k) {
        const double y = 78 + level[e] + severity[r] + aspect_effect[k] + 5.0 * normal(rng);
        d.ratee.push_back(static_cast<Index>(e));
        d.rater.push_back(static_cast<Index>(r));
        d.aspect.push_back(k);
        d.score.push_back(std::min(100.0, std::max(0.0, y)));
      }
    }
  }
  return d;
}

void write_csv(const kinerja::RaterDesign& d, const std::string& path) {
  std::ofstream out(path);
  out << "ratee,rater,aspect,score\n";
  out << std::setprecision(17);
  for (std::size_t k = 0; k < d.size(); ++k)
    out << d.ratee[k] << ',' << d.rater[k] << ',' << d.aspect[k] << ',' << d.score[k] << '\n';
}

// lme4's fit: prints "seconds evaluations" then writes quantity,level,value to out.csv.
const char* lme4_script = R"R(
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(lme4))
d <- read.csv(file.path(args[1], "design.csv"))
d$ratee <- factor(d$ratee); d$rater <- factor(d$rater); d$aspect <- factor(d$aspect)
ctrl <- if (length(args) > 1 && args[2] == "tight") {
  lmerControl(optimizer = "nloptwrap", calc.derivs = FALSE,
              optCtrl = list(xtol_abs = 1e-12, ftol_abs = 1e-14, xtol_rel = 0, ftol_rel = 0, maxeval = 1e5))
} else lmerControl()
t <- system.time(fit <- lmer(score ~ 1 + aspect + (1 | ratee) + (1 | rater), data = d, REML = TRUE,
                             contrasts = list(aspect = "contr.sum"), control = ctrl))[["elapsed"]]
vc <- as.data.frame(VarCorr(fit))
re <- ranef(fit, condVar = FALSE)
out <- rbind(
  data.frame(q = c("ratee_variance", "rater_variance", "residual_variance", "reml"), l = "",
             v = c(vc$vcov[vc$grp == "ratee"], vc$vcov[vc$grp == "rater"], vc$vcov[vc$grp == "Residual"], REMLcrit(fit))),
  data.frame(q = "fixef", l = seq_along(fixef(fit)) - 1, v = unname(fixef(fit))),
  data.frame(q = "ratee", l = rownames(re$ratee), v = re$ratee[, 1]),
  data.frame(q = "rater", l = rownames(re$rater), v = re$rater[, 1]))
write.csv(out, file.path(args[1], "out.csv"), row.names = FALSE, quote = FALSE)
cat(t, fit@optinfo$feval, "\n")
)R";

struct Timed {
  kinerja::RandomEffectsFit fit;
  double seconds = 0;
};

Timed run(const kinerja::RaterDesign& d, const Options& o) {
  kinerja::RandomEffectsOptions ro;
  ro.threads = o.threads;
  if (o.tolerance > 0) ro.tolerance = o.tolerance;
  const auto t0 = Clock::now();
  Timed t;
  t.fit = kinerja::fit_random_effects(d, ro);
  t.seconds = seconds_since(t0);
  return t;
}

void describe(const char* label, const kinerja::RaterDesign& d, const Timed& t) {
  const auto& f = t.fit;
  std::cout << std::fixed << std::setprecision(2) << "  " << label << std::setw(9) << t.seconds << " s   "
            << f.evaluations << " evaluations (" << std::setprecision(3)
            << t.seconds / static_cast<double>(f.evaluations) << " s each, all included)   converged "
            << (f.converged ? "yes" : "NO") << "\n"
            << std::setprecision(4) << "      variances: ratee " << f.ratee_variance << "  rater " << f.rater_variance
            << "  residual " << f.residual_variance << "   intercept " << f.intercept << "   REML "
            << std::setprecision(2) << f.reml_criterion << "\n";
  (void)d;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  kin_bench::ResultFile results;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&] { return kin_bench::option_value(argc, argv, i); };
    if (results.parse(argc, argv, i)) continue;
    if (a == "--ratees")
      o.ratees = std::stoul(value());
    else if (a == "--lme4-ratees")
      o.lme4_ratees = std::stoul(value());
    else if (a == "--threads")
      o.threads = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--tolerance")
      o.tolerance = std::stod(value());
    else if (a == "--seed")
      o.seed = std::stoull(value());
    else if (a == "--dir")
      o.dir = value();
    else if (a == "--no-baselines")
      o.baseline = false;
    else if (a == "--lme4-tight")
      o.lme4_tight = true;
    else {
      std::cerr << "usage: bench_calibrate [--ratees N] [--lme4-ratees N] [--threads N] [--tolerance T] [--seed S]\n"
                   "                       [--dir DIR] [--no-baselines] [--lme4-tight]\n"
                   "                       [--csv FILE] [--size-label LABEL] [--size-employees N]\n"
                   "  --lme4-tight  lme4 with a tight optimiser tolerance (slower), to compare the estimates\n";
      return a == "--help" ? 0 : 2;
    }
  }
  const unsigned threads = o.threads != 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  std::cout << "kinerja rater calibration benchmark (fit_random_effects, REML)\n"
            << "  machine: " << kin_bench::describe_machine() << "\n"
            << "  threads: " << threads << " (--threads; results do not depend on it)\n\n";

  auto t0 = Clock::now();
  const kinerja::RaterDesign big = generate(o.ratees, o.seed);
  const double gen_s = seconds_since(t0);
  std::cout << "  design: " << o.ratees << " employees as ratees and raters, " << big.size() << " scores ("
            << std::setprecision(2) << std::fixed
            << static_cast<double>(big.size()) / static_cast<double>(o.ratees) / aspects
            << " raters x 7 aspects per ratee), generated in " << gen_s << " s\n";
  const double before = kin_bench::peak_memory_mib();
  const Timed kb = run(big, o);
  describe("kinerja  ", big, kb);
  std::cout << "  peak memory: " << std::setprecision(0) << before
            << " MiB before the fit (the design: " << static_cast<double>(big.size()) * 20 / (1024.0 * 1024.0)
            << " MiB), " << kin_bench::peak_memory_mib() << " MiB after\n";
  kin_bench::Result fit_row{"calibrate", "fit_random_effects", "ratings/s", o.ratees};
  fit_row.kinerja_seconds = kb.seconds;
  fit_row.kinerja_per_second = static_cast<double>(big.size()) / kb.seconds;
  fit_row.kinerja_peak_mib = kin_bench::peak_memory_mib();

  if (o.baseline && o.lme4_ratees > 0) {
    // lme4 on the big design itself when it is not larger than --lme4-ratees.
    const bool same = o.lme4_ratees >= o.ratees;
    const std::size_t lme4_ratees = same ? o.ratees : o.lme4_ratees;
    std::cout << "\n  side by side with lme4 at " << lme4_ratees << " ratees (same generator and seed)\n";
    kinerja::RaterDesign smaller;
    if (!same) smaller = generate(lme4_ratees, o.seed);
    const kinerja::RaterDesign& small = same ? big : smaller;
    fs::create_directories(o.dir);
    write_csv(small, o.dir + "/design.csv");
    std::ofstream(o.dir + "/fit.R") << lme4_script;
    const Timed ks = same ? kb : run(small, o);
    const std::string rscript = fs::exists("/usr/bin/Rscript") ? "/usr/bin/Rscript" : "Rscript";
    const std::string cmd =
        rscript + " " + o.dir + "/fit.R " + o.dir + (o.lme4_tight ? " tight" : " default") + " 2>&1";
    double lme4_peak = 0;
    const std::string output = kin_bench::command_output(cmd, &lme4_peak);
    // The last line holds "seconds evaluations"; lme4's warnings (if any) come before it.
    double lme4_s = 0, lme4_evals = 0;
    std::string last;
    {
      std::stringstream lines(output);
      for (std::string l; std::getline(lines, l);)
        if (!l.empty()) last = l;
    }
    std::ifstream est(o.dir + "/out.csv");
    if (std::sscanf(last.c_str(), "%lf %lf", &lme4_s, &lme4_evals) == 2 && lme4_s > 0 && est.good()) {
      std::string line;
      std::getline(est, line);
      double worst_var = 0, worst_fix = 0, worst_blup = 0, reml_diff = 0;
      const auto& f = ks.fit;
      while (std::getline(est, line)) {
        std::stringstream s(line);
        std::string q, l, v;
        std::getline(s, q, ',');
        std::getline(s, l, ',');
        std::getline(s, v, ',');
        const double x = std::stod(v);
        if (q == "ratee_variance")
          worst_var = std::max(worst_var, std::fabs(x - f.ratee_variance));
        else if (q == "rater_variance")
          worst_var = std::max(worst_var, std::fabs(x - f.rater_variance));
        else if (q == "residual_variance")
          worst_var = std::max(worst_var, std::fabs(x - f.residual_variance));
        else if (q == "reml")
          reml_diff = x - f.reml_criterion;
        else if (q == "fixef") {
          const std::size_t k = std::stoul(l);
          worst_fix = std::max(worst_fix, std::fabs(x - (k == 0 ? f.intercept : f.aspect_effect[k - 1])));
        } else if (q == "ratee") {
          worst_blup = std::max(worst_blup, std::fabs(x - f.ratee_effect[std::stoul(l)]));
        } else if (q == "rater") {
          worst_blup = std::max(worst_blup, std::fabs(x - f.rater_effect[std::stoul(l)]));
        }
      }
      if (output.find("Warning") != std::string::npos)
        std::cout << "  (lme4 warned: " << output.substr(0, output.find('\n', output.find("Warning") + 20)) << ")\n";
      std::cout << "  design: " << small.size() << " scores\n";
      describe("kinerja  ", small, ks);
      std::cout << std::setprecision(2) << "  lme4     " << std::setw(9) << lme4_s << " s   "
                << static_cast<std::size_t>(lme4_evals) << " evaluations (lmer() only, "
                << (o.lme4_tight ? "tight" : "default") << " nloptwrap tolerance)\n"
                << std::setprecision(1) << "\n  kinerja is " << lme4_s / ks.seconds << "x lme4 at " << lme4_ratees
                << " ratees\n"
                << std::scientific << std::setprecision(1) << "  max |kinerja - lme4|: variances " << worst_var
                << ", fixed effects " << worst_fix << ", BLUPs " << worst_blup << ", REML criterion "
                << std::fabs(reml_diff) << "\n"
                << (o.lme4_tight
                        ? "  (lme4 with xtol_abs = 1e-12, ftol_abs = 1e-14)\n"
                        : "  (both at their default tolerances; lme4's nloptwrap stops at xtol_abs = ftol_abs = "
                          "1e-8,\n   which leaves its variances about 1e-4 from the optimum: see --lme4-tight)\n");
      kin_bench::Result small_row = fit_row;
      if (!same) {
        small_row.step = "fit_random_effects (lme4 design of " + std::to_string(lme4_ratees) + " ratees)";
        small_row.kinerja_seconds = ks.seconds;
        small_row.kinerja_per_second = static_cast<double>(small.size()) / ks.seconds;
      }
      small_row.baseline = o.lme4_tight ? "lme4 (tight tolerance)" : "lme4";
      small_row.baseline_seconds = lme4_s;
      small_row.baseline_per_second = static_cast<double>(small.size()) / lme4_s;
      small_row.baseline_peak_mib = lme4_peak;
      // On a smaller design, the big one's row goes first, without a baseline.
      if (!same) kin_bench::append_result(results, fit_row);
      fit_row = small_row;  // the last row, written below
    } else {
      std::cout << "  lme4 baseline unavailable (needs Rscript with lme4): " << output.substr(0, 300) << "\n";
    }
    fs::remove_all(o.dir);
  }
  kin_bench::append_result(results, fit_row);
  std::cout << std::fixed << std::setprecision(0) << "  peak memory: " << kin_bench::peak_memory_mib() << " MiB\n";
  return 0;
}
