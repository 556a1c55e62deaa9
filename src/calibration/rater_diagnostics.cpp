// Rater diagnostics of multi-source feedback: leniency and severity, central tendency, halo,
// straight-lining, reciprocal peer inflation and a two-sample test against the rater's unit
// (definitions in include/kinerja/rater_diagnostics.hpp).
#include "kinerja/rater_diagnostics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <tuple>
#include <utility>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double pi = 3.14159265358979323846;

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string general(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

void validate(const RaterDiagnosticsOptions& o) {
  auto fail = [](const std::string& what) { throw error(errc::InvalidArgument, "rater diagnostics: " + what); };
  if (o.min_ratees < 2) fail("min_ratees must be at least 2");
  if (!(std::isfinite(o.leniency_z) && o.leniency_z > 0)) fail("leniency_z must be a finite number > 0");
  if (o.leniency_passes < 1 || o.leniency_passes > 100) fail("leniency_passes must be in 1..100");
  if (!(std::isfinite(o.central_tendency_ratio) && o.central_tendency_ratio >= 0)) {
    fail("central_tendency_ratio must be a finite number >= 0");
  }
  if (!(o.central_tendency_p > 0 && o.central_tendency_p <= 1)) fail("central_tendency_p must be in (0, 1]");
  if (!(std::isfinite(o.halo_ratio) && o.halo_ratio >= 0)) fail("halo_ratio must be a finite number >= 0");
  if (!(o.straight_line_share > 0 && o.straight_line_share <= 1)) fail("straight_line_share must be in (0, 1]");
  if (o.straight_line_min_aspects < 2) fail("straight_line_min_aspects must be at least 2");
  if (!(std::isfinite(o.reciprocal_delta) && o.reciprocal_delta > 0))
    fail("reciprocal_delta must be a finite number > 0");
  if (!(o.distribution_p > 0 && o.distribution_p < 1)) fail("distribution_p must be in (0, 1)");
  if (o.distribution_min_unit_raters < 1) fail("distribution_min_unit_raters must be at least 1");
}

// One counted score: rater r's score of ratee j on aspect a (the mean if given under two sources).
struct Cell {
  Index ratee = 0, aspect = 0, rater = 0;
  double x = 0;
  std::uint32_t pair = 0;  // index of (rater, ratee) in the pair list
};

// One (rater, ratee) pair: the rater's scores of that ratee over the aspects.
struct Pair {
  Index rater = 0, ratee = 0;
  std::uint32_t aspects = 0;
  double sum = 0, sum_sq = 0;  // of x over the aspects (sum_sq around the pair's mean, see below)
  bool all_equal = true;
  double first = 0;
  double plain_dev = nan;  // pass-1 d(r, j): mean deviation from the unadjusted others
};

// Mean and sample sd of a sequence.
struct Moments {
  double n = 0, mean = 0, m2 = 0;
  void add(double v) {
    n += 1;
    const double delta = v - mean;
    mean += delta / n;
    m2 += delta * (v - mean);
  }
  double variance() const { return n > 1 ? m2 / (n - 1) : nan; }
};

// Regularised lower incomplete gamma P(a, x), by its series for x < a + 1 and by the continued
// fraction of Q = 1 - P otherwise (both converge fast in their range).
double gamma_p(double a, double x) {
  if (!(x > 0)) return 0.0;
  const double log_prefix = a * std::log(x) - x - std::lgamma(a);
  if (x < a + 1) {
    double term = 1.0 / a, sum = term;
    for (int n = 1; n < 1000; ++n) {
      term *= x / (a + n);
      sum += term;
      if (std::fabs(term) < std::fabs(sum) * 1e-15) break;
    }
    return std::clamp(sum * std::exp(log_prefix), 0.0, 1.0);
  }
  // Modified Lentz evaluation of the continued fraction of Q(a, x).
  const double tiny = 1e-300;
  double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (int n = 1; n < 1000; ++n) {
    const double an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < 1e-15) break;
  }
  return std::clamp(1 - std::exp(log_prefix) * h, 0.0, 1.0);
}

// P(chi-square with df degrees of freedom <= x).
double chi_square_cdf(double x, double df) {
  return gamma_p(df / 2, x / 2);
}

// Kolmogorov distribution tail Q(lambda) = P(K > lambda).
double kolmogorov_q(double lambda) {
  if (!(lambda > 0)) return 1.0;
  if (lambda < 1.18) {
    const double y = std::exp(-pi * pi / (8 * lambda * lambda));
    const double y8 = std::pow(y, 8);
    const double p = std::sqrt(2 * pi) / lambda * y * (1 + y8 * (1 + y8 * y8 * (1 + y8 * y8 * y8)));
    return std::clamp(1 - p, 0.0, 1.0);
  }
  const double x = std::exp(-2 * lambda * lambda);
  return std::clamp(2 * (x - std::pow(x, 4) + std::pow(x, 9) - std::pow(x, 16)), 0.0, 1.0);
}

struct TestResult {
  double statistic = nan, p = nan;
};

// Two-sample tests of sample A (sorted) against B = all minus A, where `all` (sorted) contains A.
TestResult ks_test(const std::vector<double>& a, const std::vector<double>& all) {
  const double n = static_cast<double>(a.size()), m = static_cast<double>(all.size() - a.size());
  std::size_t i = 0, k = 0;
  double d = 0;
  while (k < all.size()) {
    const double t = all[k];
    while (k < all.size() && all[k] == t) ++k;
    while (i < a.size() && a[i] == t) ++i;
    const double fa = static_cast<double>(i) / n;
    const double fb = static_cast<double>(k - i) / m;
    d = std::max(d, std::fabs(fa - fb));
  }
  const double ne = n * m / (n + m);
  const double sq = std::sqrt(ne);
  return {d, kolmogorov_q((sq + 0.12 + 0.11 / sq) * d)};
}

TestResult mann_whitney_test(const std::vector<double>& a, const std::vector<double>& all) {
  const double n = static_cast<double>(a.size()), total = static_cast<double>(all.size());
  const double m = total - n;
  double rank_sum = 0, ties = 0;
  std::size_t i = 0, k = 0;
  while (k < all.size()) {
    const double t = all[k];
    const std::size_t start = k;
    while (k < all.size() && all[k] == t) ++k;
    std::size_t in_a = 0;
    while (i < a.size() && a[i] == t) {
      ++i;
      ++in_a;
    }
    const double c = static_cast<double>(k - start);
    rank_sum += static_cast<double>(in_a) * (static_cast<double>(start) + (c + 1) / 2);
    ties += c * c * c - c;
  }
  const double u = rank_sum - n * (n + 1) / 2;
  const double mu = n * m / 2;
  const double var = n * m / 12 * ((total + 1) - ties / (total * (total - 1)));
  if (!(var > 0)) return {0.0, 1.0};
  double diff = u - mu;
  if (std::fabs(diff) <= 0.5) return {0.0, 1.0};
  diff -= diff > 0 ? 0.5 : -0.5;
  const double z = diff / std::sqrt(var);
  return {z, std::erfc(std::fabs(z) / std::sqrt(2.0))};
}

class Diagnoser {
 public:
  Diagnoser(const Dataset& d, Period period, const RaterDiagnosticsOptions& o) : d_(d), o_(o) { collect(period); }

  RaterDiagnostics run() {
    leniency();
    per_pair_flags();
    distribution();
    reciprocal();
    return finish();
  }

 private:
  void collect(Period period) {
    const FeedbackTable& f = d_.feedback;
    std::vector<Cell> raw;
    for (std::size_t r = 0; r < f.size(); ++r) {
      if (f.period[r] != period) continue;
      const FeedbackSource s = f.source[r];
      if (s == FeedbackSource::Public || f.rater[r] == no_index) continue;
      if ((s == FeedbackSource::Self || f.rater[r] == f.ratee[r]) && !o_.include_self) continue;
      raw.push_back({f.ratee[r], f.aspect[r], f.rater[r], f.score[r], 0});
      if (s == FeedbackSource::Peer) peer_pairs_.emplace_back(f.rater[r], f.ratee[r]);
    }
    std::sort(peer_pairs_.begin(), peer_pairs_.end());
    peer_pairs_.erase(std::unique(peer_pairs_.begin(), peer_pairs_.end()), peer_pairs_.end());
    std::sort(raw.begin(), raw.end(), [](const Cell& a, const Cell& b) {
      return std::tie(a.ratee, a.aspect, a.rater) < std::tie(b.ratee, b.aspect, b.rater);
    });
    // The same (ratee, aspect, rater) under two sources counts once, with the mean.
    for (std::size_t i = 0; i < raw.size();) {
      std::size_t k = i;
      double sum = 0;
      while (k < raw.size() && raw[k].ratee == raw[i].ratee && raw[k].aspect == raw[i].aspect &&
             raw[k].rater == raw[i].rater) {
        sum += raw[k].x;
        ++k;
      }
      Cell c = raw[i];
      c.x = sum / static_cast<double>(k - i);
      cells_.push_back(c);
      i = k;
    }
    // Pairs (rater, ratee) in that order; each cell learns its pair.
    std::vector<std::uint32_t> order(cells_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return std::tie(cells_[a].rater, cells_[a].ratee, cells_[a].aspect) <
             std::tie(cells_[b].rater, cells_[b].ratee, cells_[b].aspect);
    });
    for (std::uint32_t i : order) {
      Cell& c = cells_[i];
      if (pairs_.empty() || pairs_.back().rater != c.rater || pairs_.back().ratee != c.ratee) {
        Pair p;
        p.rater = c.rater;
        p.ratee = c.ratee;
        p.first = c.x;
        pairs_.push_back(p);
      }
      Pair& p = pairs_.back();
      c.pair = static_cast<std::uint32_t>(pairs_.size() - 1);
      ++p.aspects;
      p.sum += c.x;
      if (c.x != p.first) p.all_equal = false;
    }
    for (const Cell& c : cells_) {
      Pair& p = pairs_[c.pair];
      const double dev = c.x - p.sum / static_cast<double>(p.aspects);
      p.sum_sq += dev * dev;
    }
    // Raters: the distinct raters of the pairs, in employee order; pairs of a rater are contiguous.
    for (std::size_t i = 0; i < pairs_.size(); ++i) {
      if (raters_.empty() || raters_.back().rater != pairs_[i].rater) raters_.push_back({pairs_[i].rater, i, i});
      raters_.back().end = i + 1;
    }
    rater_row_.assign(d_.employees.size(), no_index);
    for (std::size_t k = 0; k < raters_.size(); ++k) rater_row_[raters_[k].rater] = static_cast<Index>(k);
  }

  // d(r, j) for every pair given the leniency `lenient` (per rater row) of the others.
  void pair_deviations(const std::vector<double>& lenient, std::vector<double>& dev_sum,
                       std::vector<std::uint32_t>& dev_n) const {
    dev_sum.assign(pairs_.size(), 0.0);
    dev_n.assign(pairs_.size(), 0);
    for (std::size_t i = 0; i < cells_.size();) {
      std::size_t k = i;
      double adjusted = 0;
      while (k < cells_.size() && cells_[k].ratee == cells_[i].ratee && cells_[k].aspect == cells_[i].aspect) {
        adjusted += cells_[k].x - lenient[rater_row_[cells_[k].rater]];
        ++k;
      }
      const double n = static_cast<double>(k - i);
      if (k - i >= 2) {
        for (std::size_t c = i; c < k; ++c) {
          const double own = cells_[c].x - lenient[rater_row_[cells_[c].rater]];
          const double others = (adjusted - own) / (n - 1);
          dev_sum[cells_[c].pair] += cells_[c].x - others;
          ++dev_n[cells_[c].pair];
        }
      }
      i = k;
    }
  }

  void leniency() {
    const std::size_t nr = raters_.size();
    leniency_.assign(nr, 0.0);
    compared_.assign(nr, 0);
    std::vector<double> dev_sum, next(nr);
    std::vector<std::uint32_t> dev_n;
    for (std::uint32_t pass = 0; pass < o_.leniency_passes; ++pass) {
      pair_deviations(leniency_, dev_sum, dev_n);
      if (pass == 0) {
        for (std::size_t p = 0; p < pairs_.size(); ++p) {
          if (dev_n[p] > 0) pairs_[p].plain_dev = dev_sum[p] / dev_n[p];
        }
      }
      for (std::size_t k = 0; k < nr; ++k) {
        double total = 0;
        std::uint32_t count = 0;
        for (std::size_t p = raters_[k].begin; p < raters_[k].end; ++p) {
          if (dev_n[p] == 0) continue;
          total += dev_sum[p] / dev_n[p];
          ++count;
        }
        compared_[k] = count;
        next[k] = count > 0 ? total / count : 0.0;
      }
      for (std::size_t k = 0; k < nr; ++k) leniency_[k] = pass == 0 ? next[k] : (leniency_[k] + next[k]) / 2;
    }
    Moments spread;
    for (std::size_t k = 0; k < nr; ++k) {
      if (compared_[k] >= o_.min_ratees) spread.add(leniency_[k]);
    }
    const double sd = std::sqrt(spread.variance());
    z_.assign(nr, nan);
    for (std::size_t k = 0; k < nr; ++k) {
      if (compared_[k] >= o_.min_ratees && sd > 0) z_[k] = (leniency_[k] - spread.mean) / sd;
    }
  }

  void per_pair_flags() {
    const std::size_t nr = raters_.size();
    spread_ratio_.assign(nr, nan);
    spread_p_.assign(nr, nan);
    halo_ratio_.assign(nr, nan);
    straight_.assign(nr, nan);
    std::vector<double> spread_var(nr, nan), halo_var(nr, nan);
    std::vector<double> spread_df(nr, 0);
    double pooled_ss = 0, pooled_df = 0, halo_ss = 0, halo_df = 0;
    for (std::size_t k = 0; k < nr; ++k) {
      Moments means;
      double h_ss = 0, h_df = 0;
      std::uint32_t halo_ratees = 0, qualifying = 0, straight = 0;
      for (std::size_t p = raters_[k].begin; p < raters_[k].end; ++p) {
        const Pair& pr = pairs_[p];
        means.add(pr.sum / pr.aspects);
        if (pr.aspects >= 2) {
          h_ss += pr.sum_sq;
          h_df += pr.aspects - 1;
          ++halo_ratees;
        }
        if (pr.aspects >= o_.straight_line_min_aspects) {
          ++qualifying;
          if (pr.all_equal) ++straight;
        }
      }
      halo_ss += h_ss;
      halo_df += h_df;
      if (halo_ratees >= o_.min_ratees) halo_var[k] = h_ss / h_df;
      if (qualifying >= o_.min_ratees) straight_[k] = static_cast<double>(straight) / qualifying;
      const std::size_t ratees = raters_[k].end - raters_[k].begin;
      if (ratees >= o_.min_ratees) {
        spread_var[k] = means.variance();
        spread_df[k] = means.n - 1;
        pooled_ss += spread_var[k] * spread_df[k];
        pooled_df += spread_df[k];
      }
    }
    const double pooled = pooled_df > 0 ? std::sqrt(pooled_ss / pooled_df) : 0.0;
    const double halo_ref = halo_df > 0 ? std::sqrt(halo_ss / halo_df) : 0.0;
    for (std::size_t k = 0; k < nr; ++k) {
      if (!std::isnan(spread_var[k]) && pooled > 0) {
        spread_ratio_[k] = std::sqrt(spread_var[k]) / pooled;
        spread_p_[k] = chi_square_cdf(spread_df[k] * spread_ratio_[k] * spread_ratio_[k], spread_df[k]);
      }
      if (!std::isnan(halo_var[k]) && halo_ref > 0) halo_ratio_[k] = std::sqrt(halo_var[k]) / halo_ref;
    }
  }

  void distribution() {
    const std::size_t nr = raters_.size();
    dist_p_.assign(nr, nan);
    dist_stat_.assign(nr, nan);
    // Raters grouped by their unit.
    std::vector<std::size_t> order(nr);
    for (std::size_t k = 0; k < nr; ++k) order[k] = k;
    auto unit_of = [&](std::size_t k) { return d_.employees.unit[raters_[k].rater]; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return unit_of(a) < unit_of(b); });
    // Each rater's values (one per ratee: the mean over the aspects), sorted.
    std::vector<std::vector<double>> scores(nr);
    for (const Pair& p : pairs_) scores[rater_row_[p.rater]].push_back(p.sum / p.aspects);
    for (auto& s : scores) std::sort(s.begin(), s.end());
    std::vector<double> all;
    for (std::size_t i = 0; i < nr;) {
      const Index unit = unit_of(order[i]);
      std::size_t k = i;
      while (k < nr && unit_of(order[k]) == unit) ++k;
      const std::size_t unit_raters = k - i;
      if (unit != no_index && unit_raters >= std::size_t{o_.distribution_min_unit_raters} + 1) {
        all.clear();
        for (std::size_t j = i; j < k; ++j) all.insert(all.end(), scores[order[j]].begin(), scores[order[j]].end());
        std::sort(all.begin(), all.end());
        for (std::size_t j = i; j < k; ++j) {
          const std::size_t r = order[j];
          if (raters_[r].end - raters_[r].begin < o_.min_ratees) continue;
          const TestResult t = o_.distribution_test == DistributionTest::KolmogorovSmirnov
                                   ? ks_test(scores[r], all)
                                   : mann_whitney_test(scores[r], all);
          dist_stat_[r] = t.statistic;
          dist_p_[r] = t.p;
        }
      }
      i = k;
    }
  }

  void reciprocal() {
    const std::size_t nr = raters_.size();
    reciprocal_.assign(nr, {});
    auto find_pair = [&](Index rater, Index ratee) -> const Pair* {
      const Index k = rater_row_[rater];
      if (k == no_index) return nullptr;
      const auto first = pairs_.begin() + static_cast<std::ptrdiff_t>(raters_[k].begin);
      const auto last = pairs_.begin() + static_cast<std::ptrdiff_t>(raters_[k].end);
      const auto it = std::lower_bound(first, last, ratee, [](const Pair& p, Index j) { return p.ratee < j; });
      return it != last && it->ratee == ratee ? &*it : nullptr;
    };
    for (const auto& [a, b] : peer_pairs_) {
      if (a >= b || !std::binary_search(peer_pairs_.begin(), peer_pairs_.end(), std::make_pair(b, a))) continue;
      const Pair* ab = find_pair(a, b);
      const Pair* ba = find_pair(b, a);
      if (ab == nullptr || ba == nullptr || std::isnan(ab->plain_dev) || std::isnan(ba->plain_dev)) continue;
      if (ab->plain_dev >= o_.reciprocal_delta && ba->plain_dev >= o_.reciprocal_delta) {
        reciprocal_[rater_row_[a]].push_back({b, ab->plain_dev, ba->plain_dev});
        reciprocal_[rater_row_[b]].push_back({a, ba->plain_dev, ab->plain_dev});
      }
    }
    for (auto& list : reciprocal_) {
      std::sort(list.begin(), list.end(), [](const Mutual& x, const Mutual& y) { return x.partner < y.partner; });
    }
  }

  void add_flag(RaterDiagnostics& out, Index rater, RaterFlag flag, double statistic, double threshold,
                std::string detail, Index partner = no_index) const {
    RaterFlags& f = out.flags;
    f.rater.push_back(rater);
    f.flag.push_back(flag);
    f.statistic.push_back(statistic);
    f.threshold.push_back(threshold);
    f.partner.push_back(partner);
    f.detail.push_back(std::move(detail));
  }

  RaterDiagnostics finish() const {
    RaterDiagnostics out;
    RaterSummary& s = out.raters;
    std::vector<Moments> moments(raters_.size());
    for (const Cell& c : cells_) moments[rater_row_[c.rater]].add(c.x);
    for (std::size_t k = 0; k < raters_.size(); ++k) {
      const Index rater = raters_[k].rater;
      const Moments& m = moments[k];
      std::uint32_t ratings = 0;
      for (std::size_t p = raters_[k].begin; p < raters_[k].end; ++p) ratings += pairs_[p].aspects;
      s.rater.push_back(rater);
      s.ratings.push_back(ratings);
      s.ratees.push_back(static_cast<std::uint32_t>(raters_[k].end - raters_[k].begin));
      s.mean.push_back(m.mean);
      s.sd.push_back(std::sqrt(m.variance()));
      s.leniency.push_back(compared_[k] > 0 ? leniency_[k] : nan);
      s.compared_ratees.push_back(compared_[k]);
      s.leniency_z.push_back(z_[k]);
      s.spread_ratio.push_back(spread_ratio_[k]);
      s.spread_p.push_back(spread_p_[k]);
      s.halo_ratio.push_back(halo_ratio_[k]);
      s.straight_share.push_back(straight_[k]);
      s.distribution_p.push_back(dist_p_[k]);
      s.distribution_statistic.push_back(dist_stat_[k]);

      const std::string ratees = " of the same " + std::to_string(compared_[k]) + " ratees";
      if (z_[k] >= o_.leniency_z) {
        add_flag(out, rater, RaterFlag::Lenient, z_[k], o_.leniency_z,
                 "scores " + fixed(leniency_[k], 1) + " points above the other raters" + ratees +
                     " (z = " + fixed(z_[k], 2) + ")");
      }
      if (z_[k] <= -o_.leniency_z) {
        add_flag(out, rater, RaterFlag::Severe, z_[k], -o_.leniency_z,
                 "scores " + fixed(-leniency_[k], 1) + " points below the other raters" + ratees +
                     " (z = " + fixed(z_[k], 2) + ")");
      }
      if (spread_ratio_[k] <= o_.central_tendency_ratio && spread_p_[k] <= o_.central_tendency_p) {
        add_flag(out, rater, RaterFlag::CentralTendency, spread_ratio_[k], o_.central_tendency_ratio,
                 "spread of the means of " + std::to_string(s.ratees.back()) + " ratees is " +
                     fixed(spread_ratio_[k] * 100, 0) +
                     "% of the pooled spread of all raters (p = " + general(spread_p_[k]) + ")");
      }
      if (halo_ratio_[k] <= o_.halo_ratio) {
        add_flag(
            out, rater, RaterFlag::Halo, halo_ratio_[k], o_.halo_ratio,
            "spread across aspects within a ratee is " + fixed(halo_ratio_[k] * 100, 0) + "% of that of all raters");
      }
      if (straight_[k] >= o_.straight_line_share) {
        add_flag(out, rater, RaterFlag::StraightLining, straight_[k], o_.straight_line_share,
                 "the same score on every aspect for " + fixed(straight_[k] * 100, 0) + "% of the ratees");
      }
      for (const Mutual& mu : reciprocal_[k]) {
        add_flag(out, rater, RaterFlag::ReciprocalInflation, mu.given, o_.reciprocal_delta,
                 "rates peer '" + std::string(d_.employees.nips[mu.partner]) + "' " + fixed(mu.given, 1) +
                     " points above the other raters, who returns " + fixed(mu.received, 1),
                 mu.partner);
      }
      if (dist_p_[k] <= o_.distribution_p) {
        const bool ks = o_.distribution_test == DistributionTest::KolmogorovSmirnov;
        add_flag(out, rater, RaterFlag::DistributionDiffers, dist_p_[k], o_.distribution_p,
                 std::string("scores differ from the other raters of the unit (") +
                     (ks ? "Kolmogorov-Smirnov D = " + fixed(dist_stat_[k], 3)
                         : "Mann-Whitney z = " + fixed(dist_stat_[k], 2)) +
                     ", p = " + general(dist_p_[k]) + ")");
      }
    }
    return out;
  }

  struct RaterSpan {
    Index rater;
    std::size_t begin, end;  // pairs
  };
  struct Mutual {
    Index partner;
    double given, received;
  };

  const Dataset& d_;
  const RaterDiagnosticsOptions& o_;
  std::vector<Cell> cells_;  // by (ratee, aspect, rater)
  std::vector<Pair> pairs_;  // by (rater, ratee)
  std::vector<RaterSpan> raters_;
  std::vector<Index> rater_row_;  // employee -> index in raters_, or no_index
  std::vector<std::pair<Index, Index>> peer_pairs_;
  std::vector<double> leniency_, z_, spread_ratio_, spread_p_, halo_ratio_, straight_, dist_p_, dist_stat_;
  std::vector<std::uint32_t> compared_;
  std::vector<std::vector<Mutual>> reciprocal_;
};

}  // namespace

std::string_view to_string(RaterFlag value) noexcept {
  switch (value) {
    case RaterFlag::Lenient:
      return "lenient";
    case RaterFlag::Severe:
      return "severe";
    case RaterFlag::CentralTendency:
      return "central_tendency";
    case RaterFlag::Halo:
      return "halo";
    case RaterFlag::StraightLining:
      return "straight_lining";
    case RaterFlag::ReciprocalInflation:
      return "reciprocal_inflation";
    case RaterFlag::DistributionDiffers:
      return "distribution_differs";
  }
  return "?";
}

std::string_view to_string(DistributionTest value) noexcept {
  switch (value) {
    case DistributionTest::KolmogorovSmirnov:
      return "kolmogorov_smirnov";
    case DistributionTest::MannWhitney:
      return "mann_whitney";
  }
  return "?";
}

RaterDiagnostics rater_diagnostics(const Dataset& dataset, Period period, const RaterDiagnosticsOptions& options) {
  validate(options);
  return Diagnoser(dataset, period, options).run();
}

}  // namespace v1
}  // namespace kinerja
