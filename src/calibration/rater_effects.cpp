// kinerja: rater-effect models (include/kinerja/rater_effects.hpp).
//
// Notation. Of the two groupings (ratees, raters), counting only ids with scores, the larger is
// the eliminated side E and the other the kept side K (ratees on a tie). A "pair" is an (E, K)
// level pair with at least one score; c_ij is the number of scores it shares. Every quantity the
// models need is a sum over the rows, so the rows are read a few times (validation, centring,
// grouping by E, sums by K) and after that all work is on the pairs and the levels:
//
//   per level   count n_i, sum of centred scores, sums of the fixed-effect columns X
//   per pair    c_ij
//   global      X'X, X'y, y'y (y centred at its mean, which only moves the intercept)
//
// Both models lead to a symmetric system over E and K whose E block is diagonal. Eliminating E
// leaves S = diag(alpha) - sum_i beta_i c_i c_i' over K (c_i: the pair counts of E level i),
// whose pattern (K levels that share an E level) is fixed. beta_i depends on i only through n_i,
// so E levels are grouped by count and every entry of S is a short sum beta_g * coef over the
// groups, precomputed once. The pattern is ordered once (approximate minimum degree, Eigen's
// AMD), analysed once (sparse_ldlt.hpp), and every evaluation assembles the values in place and
// refactors (LDL'). Sums that span threads are taken in fixed blocks or fixed orders, so results
// do not depend on the thread count.
//
// Random effects (lme4's parametrisation, Bates et al. 2015): b = Lambda u, Lambda =
// diag(theta_E I, theta_K I), u ~ N(0, sigma^2 I). With M = Lambda'Z'Z Lambda + I,
//   M = [D_E  B; B'  E_K],  D_E = diag(theta_E^2 n_i + 1),  B_ij = theta_E theta_K c_ij,
//   E_K = diag(theta_K^2 m_j + 1),  S = E_K - B' D_E^-1 B,
// so alpha_j = theta_K^2 m_j + 1 and beta_i = theta_E^2 theta_K^2 / (theta_E^2 n_i + 1). The
// Cholesky factor of M is [D_E^1/2 0; B'D_E^-1/2 L_S] and the profiled REML deviance
//   d(theta) = log|M| + log|R_X|^2 + (n - p) (1 + log(2 pi r^2 / (n - p)))
// follows from C = L_M^-1 Lambda'Z'[X y]: R_X'R_X = X'X - C_X'C_X and
// r^2 = y'y - |c_y|^2 - |c_beta|^2, with no pass over the rows. The conditional variances are
// sigma^2 theta^2 diag(M^-1): diag(S^-1) for K from the selected inverse of L_S, and for E
//   (M^-1)_ii = 1 / d_i + theta_E^2 theta_K^2 / d_i^2  c_i' S^-1 c_i,
// whose entries of S^-1 lie on the pattern of S.
//
// Fixed effects: E levels carry the component's level (a_i' = mu_c + a_i), K levels their
// effect with one reference level per component fixed at 0, aspects their contrasts. With
// alpha_j = m_j and beta_i = 1 / n_i, S is the K block of the normal equations after
// eliminating E; the aspect contrasts are eliminated last (a small dense system). The
// sum-to-zero effects are linear functions w'u of this solution, and their variances
// sigma^2 w'(G + H C^-1 H')w need diag(G) (selected inversion again) and two solves with G for
// the per-component means (G = inverse of the ratee-rater block, block diagonal by component).
#include "kinerja/rater_effects.hpp"

#include <Eigen/OrderingMethods>
#include <Eigen/SparseCore>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/parallel.hpp"
#include "calibration/bounded_minimize.hpp"
#include "calibration/sparse_inverse.hpp"
#include "calibration/sparse_ldlt.hpp"
#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

constexpr std::size_t block_rows = 65536;  // fixed blocks for reductions over rows
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double theta_upper = 1e4;  // bound on sd_effect / sigma for the optimiser
constexpr double pi = 3.14159265358979323846;

inline std::size_t sz(int v) {
  return static_cast<std::size_t>(v);
}
inline double dbl(std::size_t v) {
  return static_cast<double>(v);
}

// ---------------------------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------------------------

unsigned resolve_threads(unsigned requested, std::size_t work) { return detail::resolve_threads(requested, work, 4096); }

using detail::run_threads;

std::pair<std::size_t, std::size_t> part(std::size_t count, unsigned parts, unsigned t) {
  return detail::part_of(count, parts, t);
}

// Splits [0, weights.size()) into `parts` contiguous ranges of about equal total weight.
std::vector<std::size_t> balanced_split(const std::vector<double>& weights, unsigned parts) {
  std::vector<std::size_t> cut;
  cut.reserve(parts + 1);
  cut.push_back(0);
  double total = 0;
  for (double w : weights) total += w;
  double acc = 0;
  for (std::size_t i = 0; i < weights.size() && cut.size() < parts; ++i) {
    acc += weights[i];
    while (cut.size() < parts && acc >= total * static_cast<double>(cut.size()) / parts) cut.push_back(i + 1);
  }
  while (cut.size() <= parts) cut.push_back(weights.size());
  return cut;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

[[noreturn]] void fail(const char* what, const std::string& message) {
  throw error(errc::InvalidArgument, std::string(what) + ": " + message);
}

void check_shape(const RaterDesign& d, const char* what) {
  const std::size_t n = d.score.size();
  if (d.ratee.size() != n || d.rater.size() != n || (!d.aspect.empty() && d.aspect.size() != n)) {
    std::ostringstream s;
    s << "the design's columns differ in length (ratee " << d.ratee.size() << ", rater " << d.rater.size() << ", score "
      << n;
    if (!d.aspect.empty()) s << ", aspect " << d.aspect.size();
    s << ")";
    fail(what, s.str());
  }
  if (n == 0) fail(what, "the design has no scores");
  if (n > std::numeric_limits<Index>::max()) fail(what, "the design has more than 2^32 - 1 scores");
  if (d.aspect.empty() && d.aspects > 0)
    fail(what, "aspects = " + std::to_string(d.aspects) + " but the aspect column is empty");
}

// The problem of row k, or an empty string.
std::string row_problem(const RaterDesign& d, std::size_t k) {
  std::ostringstream s;
  if (d.ratee[k] >= d.ratees)
    s << "ratee " << d.ratee[k] << " is out of range (ratees = " << d.ratees << ")";
  else if (d.rater[k] >= d.raters)
    s << "rater " << d.rater[k] << " is out of range (raters = " << d.raters << ")";
  else if (!d.aspect.empty() && d.aspect[k] >= d.aspects)
    s << "aspect " << d.aspect[k] << " is out of range (aspects = " << d.aspects << ")";
  else if (!std::isfinite(d.score[k]))
    s << "score " << d.score[k] << " is not finite";
  return s.str();
}

inline bool row_ok(const RaterDesign& d, std::size_t k) {
  return d.ratee[k] < d.ratees && d.rater[k] < d.raters && (d.aspect.empty() || d.aspect[k] < d.aspects) &&
         std::isfinite(d.score[k]);
}

// ---------------------------------------------------------------------------------------------
// Aggregation
// ---------------------------------------------------------------------------------------------

// One grouping (ratees or raters), restricted to the ids with scores ("levels").
struct Side {
  std::vector<Index> id;           // level -> design id (ascending)
  std::vector<Index> level;        // design id -> level, or no_index
  std::vector<double> count;       // scores per level
  std::vector<double> ysum;        // sum of centred scores per level
  std::vector<double> x;           // level-major, p columns: sums of the fixed-effect columns
  std::vector<std::uint64_t> ptr;  // pairs of level l: ptr[l] .. ptr[l + 1]
  std::vector<Index> partner;      // level on the other side
  std::vector<double> shared;      // scores the pair shares
  std::size_t size() const noexcept { return id.size(); }
};

struct Aggregate {
  std::size_t n = 0;        // scores
  std::size_t aspects = 0;  // 0 = no aspect term
  std::size_t p = 1;        // fixed-effect columns: intercept, then aspects - 1 sum-to-zero contrasts
  double ybar = 0;          // mean score
  double yy = 0;            // sum of squared centred scores
  std::vector<double> xx;   // X'X, p x p
  std::vector<double> xy;   // X'y (centred), p
  std::vector<std::size_t> aspect_count;
  bool e_is_ratee = true;
  Side e, k;
  std::vector<Index> e_comp, k_comp;  // component per level
  // E levels grouped by their number of scores (everything about an E level in S depends on it).
  std::vector<Index> e_group;       // per E level
  std::vector<double> group_count;  // per group: the number of scores, ascending
  std::vector<double> group_size;   // per group: E levels
  DesignComponents components;
};

// Row order grouped by `key` (stable), from per-thread histograms over the design ids.
void group_rows(const std::vector<Index>& key, std::vector<std::vector<std::uint32_t>>& hist,
                const std::vector<std::pair<std::size_t, std::size_t>>& chunks, std::vector<Index>& order) {
  const unsigned threads = static_cast<unsigned>(hist.size());
  const std::size_t ids = hist[0].size();
  // hist[t][id] becomes the first position of thread t's rows of id.
  std::uint64_t pos = 0;
  for (std::size_t id = 0; id < ids; ++id) {
    for (unsigned t = 0; t < threads; ++t) {
      const std::uint32_t c = hist[t][id];
      hist[t][id] = static_cast<std::uint32_t>(pos);
      pos += c;
    }
  }
  order.resize(key.size());
  run_threads(threads, [&](unsigned t) {
    std::vector<std::uint32_t>& cursor = hist[t];
    for (std::size_t r = chunks[t].first; r < chunks[t].second; ++r) order[cursor[key[r]]++] = static_cast<Index>(r);
  });
}

// Fills `side` (with its pairs) from the rows grouped by its id: order[start[id]] ..
// order[start[id + 1] - 1], or the rows start[id] .. start[id + 1] - 1 themselves when `order` is
// null (rows already sorted by the id).
void summarise(const RaterDesign& d, const Aggregate& a, const std::vector<Index>& other_key,
               const Side& other_levels_of, Side& side, const Index* order, const std::vector<std::uint64_t>& start,
               unsigned threads) {
  const std::size_t levels = side.size();
  const std::size_t p = a.p, na = std::max<std::size_t>(a.aspects, 1);
  side.count.assign(levels, 0);
  side.ysum.assign(levels, 0);
  side.x.assign(levels * p, 0);
  std::vector<std::vector<Index>> partners(threads);
  std::vector<std::vector<double>> shared(threads);
  std::vector<std::vector<std::uint64_t>> sizes(threads);
  const std::size_t other_size = other_levels_of.size();
  constexpr std::uint64_t small_list = 16;
  run_threads(threads, [&](unsigned t) {
    const auto [l0, l1] = part(levels, threads, t);
    std::vector<std::uint64_t> mark(other_size, std::numeric_limits<std::uint64_t>::max());
    std::vector<double> acount(na);
    auto& out_partner = partners[t];
    auto& out_shared = shared[t];
    auto& out_size = sizes[t];
    out_size.reserve(l1 - l0);
    // At most one pair per row: reserving that much (address space, not touched memory) spares
    // the copies of growing.
    const std::uint64_t rows_here = l1 > l0 ? start[side.id[l1 - 1] + std::size_t{1}] - start[side.id[l0]] : 0;
    out_partner.reserve(rows_here);
    out_shared.reserve(rows_here);
    for (std::size_t l = l0; l < l1; ++l) {
      const Index id = side.id[l];
      const std::uint64_t first = out_partner.size();
      double ys = 0;
      std::fill(acount.begin(), acount.end(), 0.0);
      for (std::uint64_t q = start[id]; q < start[std::size_t{id} + 1]; ++q) {
        const std::size_t r = order != nullptr ? order[q] : q;
        ys += d.score[r] - a.ybar;
        if (!d.aspect.empty()) acount[d.aspect[r]] += 1;
        const Index o = other_levels_of.level[other_key[r]];
        const std::uint64_t have = out_partner.size() - first;
        if (have < small_list) {
          // A short list (the usual case: a handful of raters) is searched directly.
          std::uint64_t k = first;
          while (k < out_partner.size() && out_partner[k] != o) ++k;
          if (k < out_partner.size()) {
            out_shared[k] += 1;
            continue;
          }
          out_partner.push_back(o);
          out_shared.push_back(1);
          if (have + 1 == small_list)
            for (std::uint64_t j = first; j < out_partner.size(); ++j) mark[out_partner[j]] = j;
          continue;
        }
        std::uint64_t& m = mark[o];
        if (m != std::numeric_limits<std::uint64_t>::max() && m >= first) {
          out_shared[m] += 1;
        } else {
          m = out_partner.size();
          out_partner.push_back(o);
          out_shared.push_back(1);
        }
      }
      const double cnt = static_cast<double>(start[std::size_t{id} + 1] - start[id]);
      side.count[l] = cnt;
      side.ysum[l] = ys;
      side.x[l * p] = cnt;
      for (std::size_t c = 1; c < p; ++c) side.x[l * p + c] = acount[c - 1] - acount[a.aspects - 1];
      out_size.push_back(out_partner.size() - first);
    }
  });
  side.ptr.assign(levels + 1, 0);
  std::size_t total = 0;
  for (auto& v : partners) total += v.size();
  side.partner.reserve(total);
  side.shared.reserve(total);
  std::size_t l = 0;
  for (unsigned t = 0; t < threads; ++t) {
    for (std::uint64_t s : sizes[t]) {
      side.ptr[l + 1] = side.ptr[l] + s;
      ++l;
    }
    side.partner.insert(side.partner.end(), partners[t].begin(), partners[t].end());
    side.shared.insert(side.shared.end(), shared[t].begin(), shared[t].end());
    std::vector<Index>().swap(partners[t]);
    std::vector<double>().swap(shared[t]);
  }
}

Aggregate aggregate(const RaterDesign& d, unsigned requested_threads, const char* what) {
  check_shape(d, what);
  Aggregate a;
  a.n = d.size();
  a.aspects = d.aspect.empty() ? 0 : d.aspects;
  a.p = a.aspects >= 2 ? a.aspects : 1;
  const std::size_t n = a.n, na = std::max<std::size_t>(a.aspects, 1);
  const std::size_t blocks = (n + block_rows - 1) / block_rows;
  const unsigned threads = resolve_threads(requested_threads, n);

  // Pass 1: validation, histograms per id, block sums of the scores. Each thread owns a
  // contiguous range of whole blocks.
  std::vector<std::pair<std::size_t, std::size_t>> chunks(threads);
  for (unsigned t = 0; t < threads; ++t) {
    const auto [b0, b1] = part(blocks, threads, t);
    chunks[t] = {b0 * block_rows, std::min(n, b1 * block_rows)};
  }
  std::vector<std::vector<std::uint32_t>> ratee_hist(threads), rater_hist(threads);
  std::vector<double> block_sum(blocks, 0);
  std::vector<std::size_t> first_bad(threads, n);
  std::vector<char> ratee_sorted(threads, 1), rater_sorted(threads, 1);
  run_threads(threads, [&](unsigned t) {
    ratee_hist[t].assign(d.ratees, 0);
    rater_hist[t].assign(d.raters, 0);
    const auto [r0, r1] = chunks[t];
    for (std::size_t r = std::max<std::size_t>(r0, 1); r < r1; ++r) {
      if (d.ratee[r] < d.ratee[r - 1]) ratee_sorted[t] = 0;
      if (d.rater[r] < d.rater[r - 1]) rater_sorted[t] = 0;
    }
    for (std::size_t b0 = r0; b0 < r1; b0 += block_rows) {
      const std::size_t b1 = std::min(r1, b0 + block_rows);
      double s = 0;
      for (std::size_t r = b0; r < b1; ++r) {
        if (!row_ok(d, r)) {
          first_bad[t] = r;
          return;
        }
        ++ratee_hist[t][d.ratee[r]];
        ++rater_hist[t][d.rater[r]];
        s += d.score[r];
      }
      block_sum[b0 / block_rows] = s;
    }
  });
  const std::size_t bad = *std::min_element(first_bad.begin(), first_bad.end());
  if (bad < n) fail(what, "design row " + std::to_string(bad) + ": " + row_problem(d, bad));
  double total = 0;
  for (double s : block_sum) total += s;
  a.ybar = total / dbl(n);

  // Pass 2: centred sums of squares and per-aspect sums, per block.
  std::vector<double> block_yy(blocks, 0), block_asum(blocks * na, 0), block_acnt(blocks * na, 0);
  run_threads(threads, [&](unsigned t) {
    const auto [b0, b1] = part(blocks, threads, t);
    for (std::size_t b = b0; b < b1; ++b) {
      double yy = 0;
      double* as = &block_asum[b * na];
      double* ac = &block_acnt[b * na];
      for (std::size_t r = b * block_rows, end = std::min(n, (b + 1) * block_rows); r < end; ++r) {
        const double y = d.score[r] - a.ybar;
        yy += y * y;
        const std::size_t asp = d.aspect.empty() ? 0 : d.aspect[r];
        as[asp] += y;
        ac[asp] += 1;
      }
      block_yy[b] = yy;
    }
  });
  std::vector<double> asum(na, 0), acnt(na, 0);
  for (std::size_t b = 0; b < blocks; ++b) {
    a.yy += block_yy[b];
    for (std::size_t j = 0; j < na; ++j) {
      asum[j] += block_asum[b * na + j];
      acnt[j] += block_acnt[b * na + j];
    }
  }
  a.aspect_count.assign(a.aspects, 0);
  for (std::size_t j = 0; j < a.aspects; ++j) {
    a.aspect_count[j] = static_cast<std::size_t>(acnt[j]);
    if (acnt[j] == 0) fail(what, "aspect " + std::to_string(j) + " has no scores");
  }
  const std::size_t p = a.p;
  a.xx.assign(p * p, 0);
  a.xy.assign(p, 0);
  a.xx[0] = dbl(n);
  for (std::size_t j = 0; j < na; ++j) a.xy[0] += asum[j];
  for (std::size_t c = 1; c < p; ++c) {
    const double last = acnt[a.aspects - 1];
    a.xx[c] = a.xx[c * p] = acnt[c - 1] - last;
    for (std::size_t c2 = 1; c2 < p; ++c2) a.xx[c * p + c2] = (c == c2 ? acnt[c - 1] : 0) + last;
    a.xy[c] = asum[c - 1] - asum[a.aspects - 1];
  }

  // Levels of each side; the side with more levels is eliminated.
  auto levels_of = [&](std::vector<std::vector<std::uint32_t>>& hist, std::size_t ids, Side& s,
                       std::vector<std::uint64_t>& start) {
    s.level.assign(ids, no_index);
    start.assign(ids + 1, 0);
    for (std::size_t id = 0; id < ids; ++id) {
      std::uint64_t c = 0;
      for (unsigned t = 0; t < threads; ++t) c += hist[t][id];
      start[id + 1] = start[id] + c;
      if (c > 0) {
        s.level[id] = static_cast<Index>(s.id.size());
        s.id.push_back(static_cast<Index>(id));
      }
    }
  };
  Side ratees, raters;
  std::vector<std::uint64_t> ratee_start, rater_start;
  levels_of(ratee_hist, d.ratees, ratees, ratee_start);
  levels_of(rater_hist, d.raters, raters, rater_start);
  a.e_is_ratee = ratees.size() >= raters.size();

  if (a.e_is_ratee) {
    a.e = std::move(ratees);
    a.k = std::move(raters);
  } else {
    a.e = std::move(raters);
    a.k = std::move(ratees);
  }
  const std::vector<Index>& e_key = a.e_is_ratee ? d.ratee : d.rater;
  const std::vector<Index>& k_key = a.e_is_ratee ? d.rater : d.ratee;

  // E side: rows grouped by E id (a stable counting sort, skipped when the rows are sorted by it
  // already, as exports usually are by ratee), then per level its sums and its pairs.
  {
    const std::vector<char>& sorted = a.e_is_ratee ? ratee_sorted : rater_sorted;
    bool is_sorted = true;
    for (unsigned t = 0; t < threads; ++t) {
      is_sorted = is_sorted && sorted[t];
      if (t > 0 && chunks[t].first < chunks[t].second && chunks[t].first > 0)
        is_sorted = is_sorted && e_key[chunks[t].first] >= e_key[chunks[t].first - 1];
    }
    std::vector<Index> order;
    if (!is_sorted) group_rows(e_key, a.e_is_ratee ? ratee_hist : rater_hist, chunks, order);
    std::vector<std::vector<std::uint32_t>>().swap(ratee_hist);
    std::vector<std::vector<std::uint32_t>>().swap(rater_hist);
    summarise(d, a, k_key, a.k, a.e, is_sorted ? nullptr : order.data(), a.e_is_ratee ? ratee_start : rater_start,
              threads);
  }

  // K side: sums in one pass over the rows (in row order, so the same for any thread count), the
  // pairs by transposing those of E (partners in E level order).
  {
    Side& k = a.k;
    const std::size_t nk = k.size(), ne = a.e.size();
    k.count.assign(nk, 0);
    k.ysum.assign(nk, 0);
    k.x.assign(nk * p, 0);
    std::vector<std::uint32_t> acount(nk * na, 0);
    for (std::size_t r = 0; r < n; ++r) {
      const std::size_t l = k.level[k_key[r]];
      k.ysum[l] += d.score[r] - a.ybar;
      ++acount[l * na + (d.aspect.empty() ? 0 : d.aspect[r])];
    }
    for (std::size_t l = 0; l < nk; ++l) {
      const std::uint32_t* ac = &acount[l * na];
      double cnt = 0;
      for (std::size_t j = 0; j < na; ++j) cnt += ac[j];
      k.count[l] = cnt;
      k.x[l * p] = cnt;
      for (std::size_t c = 1; c < p; ++c) k.x[l * p + c] = static_cast<double>(ac[c - 1]) - ac[a.aspects - 1];
    }
    std::vector<std::uint32_t>().swap(acount);
    k.ptr.assign(nk + 1, 0);
    for (Index o : a.e.partner) ++k.ptr[std::size_t{o} + 1];
    for (std::size_t l = 0; l < nk; ++l) k.ptr[l + 1] += k.ptr[l];
    k.partner.resize(a.e.partner.size());
    k.shared.resize(a.e.partner.size());
    std::vector<std::uint64_t> cursor(k.ptr.begin(), k.ptr.end() - 1);
    for (std::size_t i = 0; i < ne; ++i)
      for (std::uint64_t q = a.e.ptr[i]; q < a.e.ptr[i + 1]; ++q) {
        const std::uint64_t at = cursor[a.e.partner[q]]++;
        k.partner[at] = static_cast<Index>(i);
        k.shared[at] = a.e.shared[q];
      }
  }

  // Groups of E levels by count.
  const std::size_t ne = a.e.size(), nk = a.k.size();
  a.group_count = a.e.count;
  std::sort(a.group_count.begin(), a.group_count.end());
  a.group_count.erase(std::unique(a.group_count.begin(), a.group_count.end()), a.group_count.end());
  a.group_size.assign(a.group_count.size(), 0);
  a.e_group.resize(ne);
  for (std::size_t i = 0; i < ne; ++i) {
    const auto it = std::lower_bound(a.group_count.begin(), a.group_count.end(), a.e.count[i]);
    a.e_group[i] = static_cast<Index>(it - a.group_count.begin());
    a.group_size[a.e_group[i]] += 1;
  }

  // Connected components, numbered in the order of their smallest ratee id.
  a.e_comp.assign(ne, no_index);
  a.k_comp.assign(nk, no_index);
  DesignComponents& dc = a.components;
  std::vector<std::size_t> queue;  // E levels as l, K levels as ne + l
  const Side& ratee_side = a.e_is_ratee ? a.e : a.k;
  for (std::size_t l = 0; l < ratee_side.size(); ++l) {
    const bool on_e = a.e_is_ratee;
    if ((on_e ? a.e_comp[l] : a.k_comp[l]) != no_index) continue;
    const Index c = static_cast<Index>(dc.count++);
    dc.observations.push_back(0);
    dc.ratee_count.push_back(0);
    dc.rater_count.push_back(0);
    queue.assign(1, on_e ? l : ne + l);
    (on_e ? a.e_comp[l] : a.k_comp[l]) = c;
    for (std::size_t h = 0; h < queue.size(); ++h) {
      const std::size_t v = queue[h];
      const bool is_e = v < ne;
      const Side& s = is_e ? a.e : a.k;
      const std::size_t lv = is_e ? v : v - ne;
      if (is_e) dc.observations[c] += static_cast<std::size_t>(s.count[lv]);
      ((is_e == a.e_is_ratee) ? dc.ratee_count : dc.rater_count)[c] += 1;
      for (std::uint64_t q = s.ptr[lv]; q < s.ptr[lv + 1]; ++q) {
        const std::size_t o = s.partner[q];
        Index& oc = is_e ? a.k_comp[o] : a.e_comp[o];
        if (oc == no_index) {
          oc = c;
          queue.push_back(is_e ? ne + o : o);
        }
      }
    }
  }
  dc.ratee_component.assign(d.ratees, no_index);
  dc.rater_component.assign(d.raters, no_index);
  for (std::size_t l = 0; l < ne; ++l)
    (a.e_is_ratee ? dc.ratee_component : dc.rater_component)[a.e.id[l]] = a.e_comp[l];
  for (std::size_t l = 0; l < nk; ++l)
    (a.e_is_ratee ? dc.rater_component : dc.ratee_component)[a.k.id[l]] = a.k_comp[l];
  return a;
}

// ---------------------------------------------------------------------------------------------
// The Schur complement over the kept side: S = diag(alpha) - sum_i beta_i c_i c_i'
// ---------------------------------------------------------------------------------------------

class SchurFactor {
 public:
  // `excluded` (may be empty): K levels left out of S (their unknowns are fixed at 0).
  SchurFactor(const Aggregate& a, const std::vector<char>& excluded, unsigned threads) : a_(a) {
    const std::size_t nk = a.k.size();
    // Active K levels, numbered in level order ("act").
    std::vector<int> act_of(nk, -1);
    std::vector<Index> old_of_act;
    for (std::size_t l = 0; l < nk; ++l) {
      if (!excluded.empty() && excluded[l]) continue;
      act_of[l] = static_cast<int>(old_of_act.size());
      old_of_act.push_back(static_cast<Index>(l));
    }
    m_ = static_cast<int>(old_of_act.size());
    const std::size_t m = old_of_act.size();
    threads_ = resolve_threads(threads, a.e.partner.size());

    // Work per column: the pairs visited when building it.
    std::vector<double> work(m, 1);
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t kj = old_of_act[j];
      for (std::uint64_t q = a.k.ptr[kj]; q < a.k.ptr[kj + 1]; ++q) {
        const std::size_t i = a.k.partner[q];
        work[j] += static_cast<double>(a.e.ptr[i + 1] - a.e.ptr[i]);
      }
    }

    // 1. The ordering: approximate minimum degree on the full pattern (both triangles and the
    //    diagonal) in act numbering. Column j holds the active K levels sharing an E level with j.
    std::vector<int> perm_of_act(m);
    {
      const std::vector<std::size_t> cut = balanced_split(work, threads_);
      std::vector<std::int64_t> counts(m, 0);
      std::vector<std::vector<int>> rows_of(threads_);
      run_threads(threads_, [&](unsigned t) {
        std::vector<std::int64_t> stamp(m, -1);
        std::vector<int>& out = rows_of[t];
        double bound = 0;  // neighbours visited: an upper bound of the entries
        for (std::size_t j = cut[t]; j < cut[t + 1]; ++j) bound += work[j];
        out.reserve(static_cast<std::size_t>(bound));
        for (std::size_t j = cut[t]; j < cut[t + 1]; ++j) {
          const std::size_t first = out.size();
          const std::size_t kj = old_of_act[j];
          for (std::uint64_t q = a.k.ptr[kj]; q < a.k.ptr[kj + 1]; ++q) {
            const std::size_t i = a.k.partner[q];
            for (std::uint64_t r = a.e.ptr[i]; r < a.e.ptr[i + 1]; ++r) {
              const int o = act_of[a.e.partner[r]];
              if (o < 0 || stamp[sz(o)] == static_cast<std::int64_t>(j)) continue;
              stamp[sz(o)] = static_cast<std::int64_t>(j);
              out.push_back(o);
            }
          }
          // j itself is among its neighbours (it shares its own E levels): the diagonal.
          std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
          counts[j] = static_cast<std::int64_t>(out.size() - first);
        }
      });
      Eigen::SparseMatrix<float, Eigen::ColMajor, int> full(m_, m_);
      std::int64_t total = 0;
      for (std::size_t j = 0; j < m; ++j) {
        full.outerIndexPtr()[j] = static_cast<int>(total);
        total += counts[j];
        if (total > std::numeric_limits<int>::max())
          throw error(errc::OutOfRange, "rater effects: the sparse system has more than 2^31 nonzeros");
      }
      full.outerIndexPtr()[m] = static_cast<int>(total);
      full.resizeNonZeros(static_cast<Eigen::Index>(total));
      int* inner = full.innerIndexPtr();
      for (auto& v : rows_of) {
        inner = std::copy(v.begin(), v.end(), inner);
        std::vector<int>().swap(v);
      }
      std::fill(full.valuePtr(), full.valuePtr() + total, 1.0f);
      Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> amd;
      if (m > 0) Eigen::internal::minimum_degree_ordering(full, amd);
      // amd.indices()[new] = act
      for (std::size_t c = 0; c < m; ++c)
        perm_of_act[sz(amd.indices()[static_cast<Eigen::Index>(c)])] = static_cast<int>(c);
    }
    old_of_new_.resize(m);
    new_of_old_.assign(nk, -1);
    for (std::size_t j = 0; j < m; ++j) {
      old_of_new_[sz(perm_of_act[j])] = old_of_act[j];
      new_of_old_[old_of_act[j]] = perm_of_act[j];
    }
    pair_col_.resize(a.e.partner.size());
    for (std::size_t q = 0; q < pair_col_.size(); ++q) pair_col_[q] = new_of_old_[a.e.partner[q]];

    // 2. The upper triangle of the permuted S (column J: rows I <= J, ascending, so the diagonal
    //    comes last) and, for every entry, its terms beta_g * coef with the coefficients
    //    (sums of c_ij c_ik over the E levels i of group g) merged per group.
    std::vector<double> new_work(m);
    for (std::size_t j = 0; j < m; ++j) new_work[sz(perm_of_act[j])] = work[j];
    split_ = balanced_split(new_work, threads_);
    std::vector<std::int64_t> col_count(m);
    std::vector<std::vector<int>> rows_of(threads_);
    // The terms stay with the thread that built them (and assembles those columns).
    term_ptr_.assign(threads_, {});
    term_group_.assign(threads_, {});
    term_coef_.assign(threads_, {});
    run_threads(threads_, [&](unsigned t) {
      std::vector<Index>& groups = term_group_[t];
      std::vector<double>& coefs = term_coef_[t];
      std::vector<std::uint32_t>& terms_of = term_ptr_[t];  // terms per entry, then offsets
      struct Term {
        int row;
        Index group;
        double coef;
      };
      std::vector<Term> terms;
      double bound = 0;  // terms visited: an upper bound of the entries and merged terms
      for (std::size_t c = split_[t]; c < split_[t + 1]; ++c) bound += new_work[c];
      rows_of[t].reserve(static_cast<std::size_t>(bound));
      terms_of.reserve(static_cast<std::size_t>(bound) + 1);
      groups.reserve(static_cast<std::size_t>(bound));
      coefs.reserve(static_cast<std::size_t>(bound));
      for (std::size_t c = split_[t]; c < split_[t + 1]; ++c) {
        terms.clear();
        const std::size_t kj = old_of_new_[c];
        const int self = static_cast<int>(c);
        for (std::uint64_t q = a.k.ptr[kj]; q < a.k.ptr[kj + 1]; ++q) {
          const std::size_t i = a.k.partner[q];
          const double cij = a.k.shared[q];
          for (std::uint64_t r = a.e.ptr[i]; r < a.e.ptr[i + 1]; ++r) {
            const int col = pair_col_[r];
            if (col < 0 || col > self) continue;
            terms.push_back({col, a.e_group[i], cij * a.e.shared[r]});
          }
        }
        std::sort(terms.begin(), terms.end(),
                  [](const Term& x, const Term& y) { return x.row != y.row ? x.row < y.row : x.group < y.group; });
        std::int64_t entries = 0;
        for (std::size_t k = 0; k < terms.size(); ++k) {
          const bool same_row = k > 0 && terms[k].row == terms[k - 1].row;
          if (same_row && terms[k].group == terms[k - 1].group) {
            coefs.back() += terms[k].coef;
            continue;
          }
          if (!same_row) {
            rows_of[t].push_back(terms[k].row);
            terms_of.push_back(0);
            ++entries;
          }
          groups.push_back(terms[k].group);
          coefs.push_back(terms[k].coef);
          ++terms_of.back();
        }
        col_count[c] = entries;
      }
      // Counts to offsets: entry e of this thread has terms terms_of[e] .. terms_of[e + 1].
      std::uint64_t offset = 0;
      for (std::uint32_t& v : terms_of) {
        const std::uint64_t next = offset + v;
        v = static_cast<std::uint32_t>(offset);
        offset = next;
      }
      if (offset > std::numeric_limits<std::uint32_t>::max())
        throw error(errc::OutOfRange, "rater effects: the sparse system has more than 2^32 terms");
      terms_of.push_back(static_cast<std::uint32_t>(offset));
    });
    s_colptr_.assign(m + 1, 0);
    std::int64_t total = 0;
    for (std::size_t c = 0; c < m; ++c) {
      s_colptr_[c] = static_cast<int>(total);
      total += col_count[c];
      if (total > std::numeric_limits<int>::max())
        throw error(errc::OutOfRange, "rater effects: the sparse system has more than 2^31 nonzeros");
    }
    s_colptr_[m] = static_cast<int>(total);
    s_rowind_.resize(sz(static_cast<int>(total)));
    s_val_.assign(s_rowind_.size(), 0.0);
    {
      int* inner = s_rowind_.data();
      for (unsigned t = 0; t < threads_; ++t) {
        inner = std::copy(rows_of[t].begin(), rows_of[t].end(), inner);
        std::vector<int>().swap(rows_of[t]);
      }
    }
    ldlt_.analyze(m_, s_colptr_.data(), s_rowind_.data(), threads_);
  }

  int size() const { return m_; }
  int column(std::size_t k_level) const { return new_of_old_[k_level]; }
  Index level(std::size_t column) const { return old_of_new_[column]; }
  const std::vector<int>& pair_column() const { return pair_col_; }
  unsigned threads() const { return threads_; }
  const std::vector<std::size_t>& split() const { return split_; }

  // Assembles S for alpha (per K level) and beta (per group of E levels, Aggregate::e_group)
  // and factors it. False when S is not numerically positive definite.
  bool factorize(const std::vector<double>& alpha, const std::vector<double>& beta) {
    const int* colptr = s_colptr_.data();
    double* val = s_val_.data();
    run_threads(threads_, [&](unsigned t) {
      const std::uint32_t* ptr = term_ptr_[t].data();
      const Index* group = term_group_[t].data();
      const double* coef = term_coef_[t].data();
      const int base = colptr[split_[t]];
      for (std::size_t c = split_[t]; c < split_[t + 1]; ++c) {
        for (int q = colptr[c]; q < colptr[c + 1]; ++q) {
          double v = 0;
          const std::size_t e = sz(q - base);
          for (std::uint32_t k = ptr[e]; k < ptr[e + 1]; ++k) v += beta[group[k]] * coef[k];
          val[q] = -v;
        }
        val[colptr[c + 1] - 1] += alpha[old_of_new_[c]];
      }
    });
    if (m_ == 0) return true;
    const bool ok = ldlt_.factorize(s_colptr_.data(), s_rowind_.data(), s_val_.data());
    return ok;
  }

  double log_det() const { return m_ == 0 ? 0.0 : ldlt_.log_det(); }
  double d(std::size_t column) const { return ldlt_.d()[column]; }

  detail::UnitLower lower() const {
    detail::UnitLower u;
    u.n = m_;
    u.colptr = ldlt_.colptr();
    u.rowind = ldlt_.rowind();
    u.values = ldlt_.values();
    return u;
  }

  // x := L^-1 x, x row-major with r columns (one row per column of S).
  void forward(double* x, std::size_t r) const {
    if (m_ == 0) return;
    const detail::UnitLower l = lower();
    for (std::size_t j = 0; j < sz(m_); ++j) {
      const double* xj = x + j * r;
      for (int q = l.colptr[j]; q < l.colptr[j + 1]; ++q) {
        double* xi = x + sz(l.rowind[q]) * r;
        const double v = l.values[q];
        for (std::size_t c = 0; c < r; ++c) xi[c] -= v * xj[c];
      }
    }
  }
  // x := L^-T x.
  void backward(double* x, std::size_t r) const {
    if (m_ == 0) return;
    const detail::UnitLower l = lower();
    for (std::size_t j = sz(m_); j-- > 0;) {
      double* xj = x + j * r;
      for (int q = l.colptr[j]; q < l.colptr[j + 1]; ++q) {
        const double* xi = x + sz(l.rowind[q]) * r;
        const double v = l.values[q];
        for (std::size_t c = 0; c < r; ++c) xj[c] -= v * xi[c];
      }
    }
  }

  // Z = S^-1 on the pattern of L.
  void selected_inverse(std::vector<double>& zval, std::vector<double>& zdiag) const {
    if (m_ == 0) {
      zval.clear();
      zdiag.clear();
      return;
    }
    detail::selected_inverse(lower(), ldlt_.d().data(), zval, zdiag);
  }

  // sum_{j, k in pairs of E level i} w_j w_k Z(j, k) over the active partners, where
  // w_j = shared count: the quadratic form c_i' S^-1 c_i.
  double quadratic(std::size_t i, const std::vector<double>& zval, const std::vector<double>& zdiag) const {
    if (m_ == 0) return 0;
    const detail::UnitLower l = lower();
    double s = 0;
    for (std::uint64_t q = a_.e.ptr[i]; q < a_.e.ptr[i + 1]; ++q) {
      const int cq = pair_col_[q];
      if (cq < 0) continue;
      const double wq = a_.e.shared[q];
      s += wq * wq * zdiag[sz(cq)];
      for (std::uint64_t r = q + 1; r < a_.e.ptr[i + 1]; ++r) {
        const int cr = pair_col_[r];
        if (cr < 0) continue;
        s += 2 * wq * a_.e.shared[r] * detail::selected_entry(l, zval, zdiag, cq, cr);
      }
    }
    return s;
  }

 private:
  const Aggregate& a_;
  int m_ = 0;
  unsigned threads_ = 1;
  std::vector<int> new_of_old_;     // K level -> column of S, -1 if excluded
  std::vector<Index> old_of_new_;   // column -> K level
  std::vector<int> pair_col_;       // per pair of the E side: column of its K level, or -1
  std::vector<std::size_t> split_;  // column ranges per thread
  // Per thread, for its columns' entries of S in order: term offsets, groups, coefficients.
  std::vector<std::vector<std::uint32_t>> term_ptr_;
  std::vector<std::vector<Index>> term_group_;
  std::vector<std::vector<double>> term_coef_;
  std::vector<int> s_colptr_, s_rowind_;  // S: upper triangle, permuted, compressed columns
  std::vector<double> s_val_;
  detail::SparseLdlt ldlt_;
};

// Cholesky of a small dense SPD matrix (row-major, in place: lower factor). False if a pivot is
// not above `tol` times reference[j * p + j] (the matrix the one factored was derived from).
bool dense_cholesky(std::vector<double>& a, std::size_t p, double tol, const std::vector<double>& reference) {
  for (std::size_t j = 0; j < p; ++j) {
    const double orig = std::max(reference[j * p + j], a[j * p + j]);
    double s = a[j * p + j];
    for (std::size_t k = 0; k < j; ++k) s -= a[j * p + k] * a[j * p + k];
    if (!(s > tol * std::max(orig, 0.0)) || !(s > 0)) return false;
    const double djj = std::sqrt(s);
    a[j * p + j] = djj;
    for (std::size_t i = j + 1; i < p; ++i) {
      double t = a[i * p + j];
      for (std::size_t k = 0; k < j; ++k) t -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = t / djj;
    }
    for (std::size_t i = 0; i < j; ++i) a[i * p + j] = 0;
  }
  return true;
}
// Solves (L L') x = b in place with the factor from dense_cholesky.
void dense_solve(const std::vector<double>& l, std::size_t p, double* b) {
  for (std::size_t i = 0; i < p; ++i) {
    double s = b[i];
    for (std::size_t k = 0; k < i; ++k) s -= l[i * p + k] * b[k];
    b[i] = s / l[i * p + i];
  }
  for (std::size_t i = p; i-- > 0;) {
    double s = b[i];
    for (std::size_t k = i + 1; k < p; ++k) s -= l[k * p + i] * b[k];
    b[i] = s / l[i * p + i];
  }
}
// The inverse from the factor (p x p, row-major).
std::vector<double> dense_inverse(const std::vector<double>& l, std::size_t p) {
  std::vector<double> inv(p * p, 0), col(p);
  for (std::size_t j = 0; j < p; ++j) {
    std::fill(col.begin(), col.end(), 0.0);
    col[j] = 1;
    dense_solve(l, p, col.data());
    for (std::size_t i = 0; i < p; ++i) inv[i * p + j] = col[i];
  }
  return inv;
}

// Aspect effects (sum-to-zero) and their standard errors from the contrast coefficients `g`
// (aspects - 1) and their covariance `v` (row-major).
void aspect_effects(const std::vector<double>& g, const std::vector<double>& v, std::size_t aspects,
                    std::vector<double>& effect, std::vector<double>& se) {
  effect.assign(aspects, 0);
  se.assign(aspects, 0);
  if (aspects == 0) return;
  const std::size_t pc = aspects - 1;
  double last = 0, last_var = 0;
  for (std::size_t j = 0; j < pc; ++j) {
    effect[j] = g[j];
    se[j] = std::sqrt(std::max(0.0, v[j * pc + j]));
    last -= g[j];
    for (std::size_t k = 0; k < pc; ++k) last_var += v[j * pc + k];
  }
  effect[pc] = last;
  se[pc] = std::sqrt(std::max(0.0, last_var));
}

// ---------------------------------------------------------------------------------------------
// Profiled REML deviance
// ---------------------------------------------------------------------------------------------

class Reml {
 public:
  Reml(const Aggregate& a, unsigned threads) : a_(a), schur_(a, {}, threads), r_(a.p + 1) {
    const std::size_t ng = a.group_count.size(), r = r_, p = a.p;
    de_.resize(ng);
    beta_.resize(ng);
    q_.resize(ng);
    alpha_.resize(a.k.size());
    ck_.resize(sz(schur_.size()) * r_);
    // Rows of Z_E'[X y] (one cache line each for the usual 7 aspects): read once per pair in
    // every evaluation.
    exy_.resize(a.e.size() * r);
    for (std::size_t i = 0; i < a.e.size(); ++i) {
      for (std::size_t c = 0; c < p; ++c) exy_[i * r + c] = a.e.x[i * p + c];
      exy_[i * r + p] = a.e.ysum[i];
    }
    // Per group of E levels: the Gram matrix of their rows of Z_E'[X y] (upper triangle).
    group_gram_.assign(ng * r * r, 0);
    for (std::size_t i = 0; i < a.e.size(); ++i) {
      const double* v = &exy_[i * r];
      double* g = &group_gram_[a.e_group[i] * r * r];
      for (std::size_t c = 0; c < r; ++c)
        for (std::size_t c2 = c; c2 < r; ++c2) g[c * r + c2] += v[c] * v[c2];
    }
    // Below this the residual is rounding: the scores equal the fixed part exactly.
    tiny_ = 1e-13 * (a.yy + dbl(a.n) * a.ybar * a.ybar);
  }

  // The deviance at (theta_ratee, theta_rater); +infinity where it is not defined. Keeps the
  // state for extract().
  double deviance(double theta_ratee, double theta_rater) {
    const double te = a_.e_is_ratee ? theta_ratee : theta_rater;
    const double tk = a_.e_is_ratee ? theta_rater : theta_ratee;
    te_ = te;
    tk_ = tk;
    const std::size_t ng = a_.group_count.size(), nk = a_.k.size(), p = a_.p, r = r_;
    const double te2 = te * te, tk2 = tk * tk;
    double logdet_e = 0;
    for (std::size_t g = 0; g < ng; ++g) {
      de_[g] = te2 * a_.group_count[g] + 1;
      beta_[g] = te2 * tk2 / de_[g];
      q_[g] = te2 / de_[g];
      logdet_e += a_.group_size[g] * std::log(de_[g]);
    }
    for (std::size_t j = 0; j < nk; ++j) alpha_[j] = tk2 * a_.k.count[j] + 1;
    if (!schur_.factorize(alpha_, beta_)) return infinity;
    const unsigned threads = schur_.threads();
    // C_K = D_S^-1/2 L_S^-1 theta_K (Z_K'[X y] - B' D_E^-1 theta_E Z_E'[X y] / theta_K).
    const std::vector<std::size_t>& cut = schur_.split();
    run_threads(threads, [&](unsigned t) {
      // The usual widths (no aspects: 2; the 7 BerAKHLAK aspects: 8) with a fixed loop length.
      if (r == 8)
        rhs_rows<8>(cut[t], cut[t + 1], tk);
      else if (r == 2)
        rhs_rows<2>(cut[t], cut[t + 1], tk);
      else
        rhs_rows<0>(cut[t], cut[t + 1], tk);
    });
    schur_.forward(ck_.data(), r);
    const std::size_t m = sz(schur_.size());
    // Gram matrix of [C_X c_y]: the E rows from the group Gram matrices (C_E = D_E^-1/2 theta_E
    // Z_E'[X y]), the K rows in fixed blocks (the same sums for any thread count).
    std::vector<double> g(r * r, 0);
    for (std::size_t gi = 0; gi < ng; ++gi)
      for (std::size_t c = 0; c < r * r; ++c) g[c] += q_[gi] * group_gram_[gi * r * r + c];
    constexpr std::size_t block = 4096;
    const std::size_t blocks = (m + block - 1) / block;
    std::vector<double> partial(blocks * r * r, 0);
    run_threads(threads, [&](unsigned t) {
      const auto [b0, b1] = part(blocks, threads, t);
      for (std::size_t b = b0; b < b1; ++b) {
        double* pg = &partial[b * r * r];
        for (std::size_t col = b * block, end = std::min(m, (b + 1) * block); col < end; ++col) {
          double* x = &ck_[col * r];
          const double s = 1.0 / std::sqrt(schur_.d(col));
          for (std::size_t c = 0; c < r; ++c) x[c] *= s;
          for (std::size_t c = 0; c < r; ++c)
            for (std::size_t c2 = c; c2 < r; ++c2) pg[c * r + c2] += x[c] * x[c2];
        }
      }
    });
    for (std::size_t b = 0; b < blocks; ++b)
      for (std::size_t c = 0; c < r * r; ++c) g[c] += partial[b * r * r + c];
    rx_.assign(p * p, 0);
    for (std::size_t c = 0; c < p; ++c)
      for (std::size_t c2 = 0; c2 < p; ++c2) {
        const std::size_t lo = std::min(c, c2), hi = std::max(c, c2);
        rx_[c * p + c2] = a_.xx[c * p + c2] - g[lo * r + hi];
      }
    if (!dense_cholesky(rx_, p, 1e-14, a_.xx)) return infinity;
    double logdet_x = 0;
    for (std::size_t c = 0; c < p; ++c) logdet_x += 2 * std::log(rx_[c * p + c]);
    fixef_.resize(p);
    for (std::size_t c = 0; c < p; ++c) fixef_[c] = a_.xy[c] - g[c * r + p];
    const std::vector<double> b = fixef_;
    dense_solve(rx_, p, fixef_.data());
    double bb = 0;
    for (std::size_t c = 0; c < p; ++c) bb += b[c] * fixef_[c];
    pwrss_ = a_.yy - g[p * r + p] - bb;
    if (!(pwrss_ > tiny_)) return infinity;
    const double df = dbl(a_.n - p);
    return logdet_e + schur_.log_det() + logdet_x + df * (1 + std::log(2 * pi * pwrss_ / df));
  }

  // Rows [c0, c1) of theta_K (Z_K'[X y] - sum_i c_ij theta_E^2 / d_i Z_E'[X y]_i), in ck_. R is
  // the row width r_, or 0 for any width.
  template <std::size_t R>
  void rhs_rows(std::size_t c0, std::size_t c1, double tk) {
    const std::size_t r = R != 0 ? R : r_;
    std::array<double, (R != 0 ? R : 1)> fixed{};
    std::vector<double> dynamic(R != 0 ? 0 : r);
    double* acc = R != 0 ? fixed.data() : dynamic.data();
    for (std::size_t col = c0; col < c1; ++col) {
      const std::size_t kj = schur_.level(col);
      const double* kx = &a_.k.x[kj * (r - 1)];
      for (std::size_t c = 0; c + 1 < r; ++c) acc[c] = kx[c];
      acc[r - 1] = a_.k.ysum[kj];
      for (std::uint64_t q = a_.k.ptr[kj]; q < a_.k.ptr[kj + 1]; ++q) {
        const std::size_t i = a_.k.partner[q];
        const double w = a_.k.shared[q] * q_[a_.e_group[i]];
        const double* xi = &exy_[i * r];
        for (std::size_t c = 0; c < r; ++c) acc[c] -= w * xi[c];
      }
      double* v = &ck_[col * r];
      for (std::size_t c = 0; c < r; ++c) v[c] = tk * acc[c];
    }
  }

  // Fills the fit from the state of the last deviance() call.
  void extract(RandomEffectsFit& fit, bool conditional_sd) {
    const std::size_t ne = a_.e.size(), p = a_.p, r = r_, m = sz(schur_.size());
    const double sigma2 = pwrss_ / dbl(a_.n - p);
    fit.residual_variance = sigma2;
    const double te = te_, tk = tk_;
    fit.theta_ratee = a_.e_is_ratee ? te : tk;
    fit.theta_rater = a_.e_is_ratee ? tk : te;
    fit.ratee_variance = fit.theta_ratee * fit.theta_ratee * sigma2;
    fit.rater_variance = fit.theta_rater * fit.theta_rater * sigma2;
    // Fixed effects: beta (centred y) and sigma^2 (R_X'R_X)^-1.
    const std::vector<double> cov = dense_inverse(rx_, p);
    fit.intercept = fixef_[0] + a_.ybar;
    fit.intercept_se = std::sqrt(std::max(0.0, sigma2 * cov[0]));
    if (a_.aspects > 0) {
      const std::size_t pc = p - 1;
      std::vector<double> g(fixef_.begin() + 1, fixef_.end()), v(pc * pc);
      for (std::size_t i = 0; i < pc; ++i)
        for (std::size_t j = 0; j < pc; ++j) v[i * pc + j] = sigma2 * cov[(i + 1) * p + j + 1];
      aspect_effects(g, v, a_.aspects, fit.aspect_effect, fit.aspect_se);
    }
    // Spherical random effects u: L_M' u = c_y - C_X beta (ck_ holds C_K, scaled).
    std::vector<double> uk(m), ue(ne);
    for (std::size_t col = 0; col < m; ++col) {
      double w = ck_[col * r + p];
      for (std::size_t c = 0; c < p; ++c) w -= ck_[col * r + c] * fixef_[c];
      uk[col] = w / std::sqrt(schur_.d(col));
    }
    schur_.backward(uk.data(), 1);
    for (std::size_t i = 0; i < ne; ++i) {
      const double sd = std::sqrt(de_[a_.e_group[i]]);
      double w = a_.e.ysum[i];
      for (std::size_t c = 0; c < p; ++c) w -= a_.e.x[i * p + c] * fixef_[c];
      w *= te / sd;
      for (std::uint64_t q = a_.e.ptr[i]; q < a_.e.ptr[i + 1]; ++q) {
        const int col = schur_.pair_column()[q];
        w -= te * tk * a_.e.shared[q] / sd * uk[sz(col)];
      }
      ue[i] = w / sd;
    }
    std::vector<double>& e_effect = a_.e_is_ratee ? fit.ratee_effect : fit.rater_effect;
    std::vector<double>& k_effect = a_.e_is_ratee ? fit.rater_effect : fit.ratee_effect;
    for (std::size_t i = 0; i < ne; ++i) e_effect[a_.e.id[i]] = te * ue[i];
    for (std::size_t col = 0; col < m; ++col) k_effect[a_.k.id[schur_.level(col)]] = tk * uk[col];
    if (!conditional_sd) return;
    // Conditional variances sigma^2 theta^2 diag(M^-1), from the selected inverse of S.
    std::vector<double> zval, zdiag;
    schur_.selected_inverse(zval, zdiag);
    std::vector<double>& e_sd = a_.e_is_ratee ? fit.ratee_sd : fit.rater_sd;
    std::vector<double>& k_sd = a_.e_is_ratee ? fit.rater_sd : fit.ratee_sd;
    for (std::size_t col = 0; col < m; ++col)
      k_sd[a_.k.id[schur_.level(col)]] = std::sqrt(std::max(0.0, sigma2 * tk * tk * zdiag[col]));
    const unsigned threads = schur_.threads();
    run_threads(threads, [&](unsigned t) {
      const auto [i0, i1] = part(ne, threads, t);
      for (std::size_t i = i0; i < i1; ++i) {
        const double dinv = 1 / de_[a_.e_group[i]];
        const double v = dinv + te * te * tk * tk * dinv * dinv * schur_.quadratic(i, zval, zdiag);
        e_sd[a_.e.id[i]] = std::sqrt(std::max(0.0, sigma2 * te * te * v));
      }
    });
  }

 private:
  const Aggregate& a_;
  SchurFactor schur_;
  std::size_t r_;
  double te_ = 0, tk_ = 0, pwrss_ = 0, tiny_ = 0;
  std::vector<double> de_, beta_, q_;  // per group of E levels
  std::vector<double> alpha_, ck_, rx_, fixef_, group_gram_, exy_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------------------------

DesignComponents design_components(const RaterDesign& design) {
  return aggregate(design, 0, "design_components").components;
}

RandomEffectsFit fit_random_effects(const RaterDesign& design, const RandomEffectsOptions& options) {
  const char* what = "fit_random_effects";
  if (!(options.tolerance > 0) || !std::isfinite(options.tolerance))
    fail(what, "the tolerance must be positive and finite");
  if (options.max_evaluations < 10) fail(what, "max_evaluations must be at least 10");
  Aggregate a = aggregate(design, options.threads, what);
  const std::size_t ratee_levels = a.e_is_ratee ? a.e.size() : a.k.size();
  const std::size_t rater_levels = a.e_is_ratee ? a.k.size() : a.e.size();
  if (ratee_levels < 2)
    fail(what, "only " + std::to_string(ratee_levels) + " ratee has scores: the ratee variance is not identifiable");
  if (rater_levels < 2)
    fail(what, "only " + std::to_string(rater_levels) + " rater has scores: the rater variance is not identifiable");
  if (ratee_levels >= a.n)
    fail(what, "every ratee has a single score: the ratee variance is confounded with the residual variance");
  if (rater_levels >= a.n)
    fail(what, "every rater gave a single score: the rater variance is confounded with the residual variance");
  if (a.n <= a.p) fail(what, "no degree of freedom left for REML (scores <= fixed effects)");

  RandomEffectsFit fit;
  fit.observations = a.n;
  fit.ratee_effect.assign(design.ratees, 0);
  fit.rater_effect.assign(design.raters, 0);
  Reml reml(a, options.threads);

  // All scores equal to the fixed part: the boundary fit, documented in the header.
  const double d0 = reml.deviance(0, 0);
  if (!std::isfinite(d0)) {
    fit.evaluations = 1;
    fit.converged = true;
    fit.singular = true;
    fit.reml_criterion = -infinity;
    fit.intercept = a.ybar;
    std::vector<double> g(a.p > 1 ? a.p - 1 : 0, 0), v(g.size() * g.size(), 0);
    // The fixed effects solve X'X beta = X'y exactly here.
    std::vector<double> l = a.xx, beta = a.xy;
    if (dense_cholesky(l, a.p, 1e-12, a.xx)) {
      dense_solve(l, a.p, beta.data());
      fit.intercept = beta[0] + a.ybar;
      for (std::size_t j = 0; j < g.size(); ++j) g[j] = beta[j + 1];
    }
    if (a.aspects > 0) aspect_effects(g, v, a.aspects, fit.aspect_effect, fit.aspect_se);
    if (options.conditional_sd) {
      fit.ratee_sd.assign(design.ratees, 0);
      fit.rater_sd.assign(design.raters, 0);
    }
    fit.components = std::move(a.components);
    return fit;
  }

  detail::Minimize2Options mo;
  mo.rho_begin = 0.2;
  mo.rho_end = options.tolerance;
  mo.max_evaluations = options.max_evaluations;
  const detail::Minimum2 best = detail::minimize_bounded_2d(
      [&](const detail::Point2& th) { return reml.deviance(th[0], th[1]); }, detail::Point2{1.0, 1.0},
      detail::Point2{0.0, 0.0}, detail::Point2{theta_upper, theta_upper}, mo);
  fit.evaluations = best.evaluations + 2;  // with the check at theta = 0 and the final one
  // The deviance is even in each theta, so near a variance of 0 it is flat to second order and a
  // tiny theta cannot be told from 0 above rounding: try the bound, and keep it unless it is
  // worse beyond rounding.
  detail::Point2 x = best.x;
  double fx = best.f;
  for (std::size_t i = 0; i < 2; ++i) {
    if (!(x[i] > 0 && x[i] < 1e-3)) continue;
    detail::Point2 y = x;
    y[i] = 0;
    const double fy = reml.deviance(y[0], y[1]);
    ++fit.evaluations;
    if (fy <= fx + 1e-12 * (1 + std::fabs(fx))) {
      x = y;
      fx = std::min(fx, fy);
    }
  }
  fit.reml_criterion = reml.deviance(x[0], x[1]);
  fit.converged =
      best.converged && x[0] < 0.999 * theta_upper && x[1] < 0.999 * theta_upper && std::isfinite(fit.reml_criterion);
  fit.singular = x[0] == 0 || x[1] == 0;
  if (options.conditional_sd) {
    fit.ratee_sd.assign(design.ratees, 0);
    fit.rater_sd.assign(design.raters, 0);
  }
  reml.extract(fit, options.conditional_sd);
  if (options.conditional_sd) {
    // Ids without scores: the prior standard deviation.
    const double sa = std::sqrt(fit.ratee_variance), sr = std::sqrt(fit.rater_variance);
    for (std::size_t id = 0; id < design.ratees; ++id)
      if (a.components.ratee_component[id] == no_index) fit.ratee_sd[id] = sa;
    for (std::size_t id = 0; id < design.raters; ++id)
      if (a.components.rater_component[id] == no_index) fit.rater_sd[id] = sr;
  }
  fit.components = std::move(a.components);
  return fit;
}

FixedEffectsFit fit_fixed_effects(const RaterDesign& design, const FixedEffectsOptions& options) {
  const char* what = "fit_fixed_effects";
  Aggregate a = aggregate(design, options.threads, what);
  const DesignComponents& dc = a.components;
  const std::size_t ne = a.e.size(), nk = a.k.size(), p = a.p, pc = p - 1, nc = dc.count;
  std::size_t parameters = pc;
  for (std::size_t c = 0; c < nc; ++c) parameters += dc.ratee_count[c] + dc.rater_count[c] - 1;
  if (parameters >= a.n)
    fail(what, "no degree of freedom left for the residual variance (" + std::to_string(a.n) + " scores, " +
                   std::to_string(parameters) + " parameters)");

  // One K level per component is the reference (its effect is fixed at 0 while solving): the one
  // with the most scores, for conditioning.
  std::vector<char> excluded(nk, 0);
  {
    std::vector<std::size_t> ref(nc, nk);
    for (std::size_t l = 0; l < nk; ++l) {
      const std::size_t c = a.k_comp[l];
      if (ref[c] == nk || a.k.count[l] > a.k.count[ref[c]]) ref[c] = l;
    }
    for (std::size_t c = 0; c < nc; ++c) excluded[ref[c]] = 1;
  }
  SchurFactor schur(a, excluded, options.threads);
  std::vector<double> alpha(a.k.count), beta(a.group_count.size());
  for (std::size_t g = 0; g < beta.size(); ++g) beta[g] = 1 / a.group_count[g];
  if (!schur.factorize(alpha, beta))
    throw error(errc::Internal, "fit_fixed_effects: the normal equations are singular");
  const std::size_t m = sz(schur.size());

  // Per component: levels of each side (K counts its reference level too).
  std::vector<double> e_per(nc, 0), k_per(nc, 0);
  for (std::size_t i = 0; i < ne; ++i) e_per[a.e_comp[i]] += 1;
  for (std::size_t l = 0; l < nk; ++l) k_per[a.k_comp[l]] += 1;

  // Right-hand sides, solved with K_uu = [diag(n) N; N' diag(m)] (reference levels removed):
  // columns 0..pc-1 the aspect contrasts (H = K_uu^-1 K_ug), pc the scores, pc+1 the mean over
  // each component's K levels, pc+2 the mean over its E levels.
  const std::size_t r = pc + 3;
  std::vector<double> xe(ne * r, 0), xk(m * r, 0);
  for (std::size_t i = 0; i < ne; ++i) {
    for (std::size_t c = 0; c < pc; ++c) xe[i * r + c] = a.e.x[i * p + c + 1];
    xe[i * r + pc] = a.e.ysum[i];
    xe[i * r + pc + 2] = 1 / e_per[a.e_comp[i]];
  }
  const unsigned threads = schur.threads();
  const std::vector<std::size_t>& cut = schur.split();
  run_threads(threads, [&](unsigned t) {
    for (std::size_t col = cut[t]; col < cut[t + 1]; ++col) {
      const std::size_t kj = schur.level(col);
      double* w = &xk[col * r];
      for (std::size_t c = 0; c < pc; ++c) w[c] = a.k.x[kj * p + c + 1];
      w[pc] = a.k.ysum[kj];
      w[pc + 1] = 1 / k_per[a.k_comp[kj]];
      for (std::uint64_t q = a.k.ptr[kj]; q < a.k.ptr[kj + 1]; ++q) {
        const std::size_t i = a.k.partner[q];
        const double f = a.k.shared[q] / a.e.count[i];
        for (std::size_t c = 0; c < r; ++c) w[c] -= f * xe[i * r + c];
      }
    }
  });
  schur.forward(xk.data(), r);
  for (std::size_t col = 0; col < m; ++col)
    for (std::size_t c = 0; c < r; ++c) xk[col * r + c] /= schur.d(col);
  schur.backward(xk.data(), r);
  run_threads(threads, [&](unsigned t) {
    const auto [i0, i1] = part(ne, threads, t);
    for (std::size_t i = i0; i < i1; ++i) {
      double* w = &xe[i * r];
      for (std::uint64_t q = a.e.ptr[i]; q < a.e.ptr[i + 1]; ++q) {
        const int col = schur.pair_column()[q];
        if (col < 0) continue;
        const double f = a.e.shared[q];
        for (std::size_t c = 0; c < r; ++c) w[c] -= f * xk[sz(col) * r + c];
      }
      for (std::size_t c = 0; c < r; ++c) w[c] /= a.e.count[i];
    }
  });

  // Aspect contrasts: C gamma = X_c'y - K_ug' u0, C = X_c'X_c - K_ug' H.
  std::vector<double> gamma(pc, 0), cfac(pc * pc, 0);
  if (pc > 0) {
    std::vector<double> rhs(pc);
    for (std::size_t c = 0; c < pc; ++c) {
      rhs[c] = a.xy[c + 1];
      for (std::size_t c2 = 0; c2 < pc; ++c2) cfac[c * pc + c2] = a.xx[(c + 1) * p + c2 + 1];
    }
    const std::vector<double> xcxc = cfac;
    for (std::size_t i = 0; i < ne; ++i)
      for (std::size_t c = 0; c < pc; ++c) {
        const double f = a.e.x[i * p + c + 1];
        rhs[c] -= f * xe[i * r + pc];
        for (std::size_t c2 = 0; c2 < pc; ++c2) cfac[c * pc + c2] -= f * xe[i * r + c2];
      }
    for (std::size_t col = 0; col < m; ++col) {
      const std::size_t kj = schur.level(col);
      for (std::size_t c = 0; c < pc; ++c) {
        const double f = a.k.x[kj * p + c + 1];
        rhs[c] -= f * xk[col * r + pc];
        for (std::size_t c2 = 0; c2 < pc; ++c2) cfac[c * pc + c2] -= f * xk[col * r + c2];
      }
    }
    for (std::size_t c = 0; c < pc; ++c)
      for (std::size_t c2 = 0; c2 < c; ++c2)
        cfac[c * pc + c2] = cfac[c2 * pc + c] = 0.5 * (cfac[c * pc + c2] + cfac[c2 * pc + c]);
    if (!dense_cholesky(cfac, pc, 1e-10, xcxc))
      fail(what, "the aspects are confounded with the ratees and raters (an aspect effect is not estimable)");
    gamma = rhs;
    dense_solve(cfac, pc, gamma.data());
  }
  // Effects with the reference parametrisation: E levels carry the component's level.
  std::vector<double> ue(ne), uk(m);
  for (std::size_t i = 0; i < ne; ++i) {
    ue[i] = xe[i * r + pc];
    for (std::size_t c = 0; c < pc; ++c) ue[i] -= xe[i * r + c] * gamma[c];
  }
  for (std::size_t col = 0; col < m; ++col) {
    uk[col] = xk[col * r + pc];
    for (std::size_t c = 0; c < pc; ++c) uk[col] -= xk[col * r + c] * gamma[c];
  }

  // Residual sum of squares, over the rows in fixed blocks.
  std::vector<double> k_value(nk, 0);
  for (std::size_t col = 0; col < m; ++col) k_value[schur.level(col)] = uk[col];
  std::vector<double> aspect_value(std::max<std::size_t>(a.aspects, 1), 0);
  for (std::size_t c = 0; c < pc; ++c) {
    aspect_value[c] = gamma[c];
    aspect_value[pc] -= gamma[c];
  }
  const std::size_t n = a.n, blocks = (n + block_rows - 1) / block_rows;
  std::vector<double> block_rss(blocks, 0);
  const Side& ratee_side = a.e_is_ratee ? a.e : a.k;
  const Side& rater_side = a.e_is_ratee ? a.k : a.e;
  const unsigned row_threads = resolve_threads(options.threads, n);
  run_threads(row_threads, [&](unsigned t) {
    const auto [b0, b1] = part(blocks, row_threads, t);
    for (std::size_t b = b0; b < b1; ++b) {
      double s = 0;
      for (std::size_t row = b * block_rows, end = std::min(n, (b + 1) * block_rows); row < end; ++row) {
        const Index li = ratee_side.level[design.ratee[row]], lj = rater_side.level[design.rater[row]];
        const std::size_t el = a.e_is_ratee ? li : lj, kl = a.e_is_ratee ? lj : li;
        double res = design.score[row] - a.ybar - ue[el] - k_value[kl];
        if (pc > 0) res -= aspect_value[design.aspect[row]];
        s += res * res;
      }
      block_rss[b] = s;
    }
  });
  FixedEffectsFit fit;
  fit.observations = n;
  for (double s : block_rss) fit.rss += s;
  fit.df = n - parameters;
  const double sigma2 = fit.rss / dbl(fit.df);
  fit.residual_sd = std::sqrt(sigma2);

  // Covariance: sigma^2 (G + H C^-1 H'), G = K_uu^-1. Linear functions w'u of the effects:
  //   K effect j:  e_j - v_K(c),  E effect i: e_i - v_E(c),  mu_c: v_E(c) + v_K(c),
  // with v_K(c) = 1/|K_c| on the K levels of c and v_E(c) = 1/|E_c| on its E levels.
  const std::vector<double> cinv = pc > 0 ? dense_inverse(cfac, pc) : std::vector<double>();
  auto qform = [&](const std::vector<double>& h) {
    double s = 0;
    for (std::size_t c = 0; c < pc; ++c)
      for (std::size_t c2 = 0; c2 < pc; ++c2) s += h[c] * cinv[c * pc + c2] * h[c2];
    return s;
  };
  std::vector<double> zval, zdiag;
  schur.selected_inverse(zval, zdiag);
  std::vector<double> s_e(nc, 0), s_k(nc, 0), s_ek(nc, 0), mean_e(nc, 0), mean_k(nc, 0);
  std::vector<double> hbar_e(nc * std::max<std::size_t>(pc, 1), 0), hbar_k(hbar_e.size(), 0);
  const std::size_t hp = std::max<std::size_t>(pc, 1);
  for (std::size_t i = 0; i < ne; ++i) {
    const std::size_t c = a.e_comp[i];
    s_e[c] += xe[i * r + pc + 2] / e_per[c];
    s_ek[c] += xe[i * r + pc + 1] / e_per[c];
    mean_e[c] += ue[i] / e_per[c];
    for (std::size_t h = 0; h < pc; ++h) hbar_e[c * hp + h] += xe[i * r + h] / e_per[c];
  }
  for (std::size_t col = 0; col < m; ++col) {
    const std::size_t c = a.k_comp[schur.level(col)];
    s_k[c] += xk[col * r + pc + 1] / k_per[c];
    mean_k[c] += uk[col] / k_per[c];
    for (std::size_t h = 0; h < pc; ++h) hbar_k[c * hp + h] += xk[col * r + h] / k_per[c];
  }
  fit.mu.resize(nc);
  fit.mu_se.resize(nc);
  std::vector<double> h(pc);
  for (std::size_t c = 0; c < nc; ++c) {
    fit.mu[c] = mean_e[c] + mean_k[c] + a.ybar;
    for (std::size_t j = 0; j < pc; ++j) h[j] = hbar_e[c * hp + j] + hbar_k[c * hp + j];
    fit.mu_se[c] = std::sqrt(std::max(0.0, sigma2 * (s_e[c] + 2 * s_ek[c] + s_k[c] + qform(h))));
  }
  fit.ratee_effect.assign(design.ratees, nan);
  fit.ratee_se.assign(design.ratees, nan);
  fit.rater_effect.assign(design.raters, nan);
  fit.rater_se.assign(design.raters, nan);
  std::vector<double>& e_effect = a.e_is_ratee ? fit.ratee_effect : fit.rater_effect;
  std::vector<double>& e_se = a.e_is_ratee ? fit.ratee_se : fit.rater_se;
  std::vector<double>& k_effect = a.e_is_ratee ? fit.rater_effect : fit.ratee_effect;
  std::vector<double>& k_se = a.e_is_ratee ? fit.rater_se : fit.ratee_se;
  for (std::size_t i = 0; i < ne; ++i) {
    const std::size_t c = a.e_comp[i];
    const double gii = 1 / a.e.count[i] + schur.quadratic(i, zval, zdiag) / (a.e.count[i] * a.e.count[i]);
    for (std::size_t j = 0; j < pc; ++j) h[j] = xe[i * r + j] - hbar_e[c * hp + j];
    const double v = gii - 2 * xe[i * r + pc + 2] + s_e[c] + qform(h);
    e_effect[a.e.id[i]] = ue[i] - mean_e[c];
    e_se[a.e.id[i]] = std::sqrt(std::max(0.0, sigma2 * v));
  }
  for (std::size_t l = 0; l < nk; ++l) {
    const std::size_t c = a.k_comp[l];
    const int col = schur.column(l);
    double v = s_k[c], value = -mean_k[c];
    for (std::size_t j = 0; j < pc; ++j) h[j] = -hbar_k[c * hp + j];
    if (col >= 0) {
      v += zdiag[sz(col)] - 2 * xk[sz(col) * r + pc + 1];
      value += uk[sz(col)];
      for (std::size_t j = 0; j < pc; ++j) h[j] += xk[sz(col) * r + j];
    }
    v += qform(h);
    k_effect[a.k.id[l]] = value;
    k_se[a.k.id[l]] = std::sqrt(std::max(0.0, sigma2 * v));
  }
  if (a.aspects > 0) {
    std::vector<double> v(pc * pc);
    for (std::size_t j = 0; j < pc * pc; ++j) v[j] = sigma2 * cinv[j];
    aspect_effects(gamma, v, a.aspects, fit.aspect_effect, fit.aspect_se);
  }
  fit.components = std::move(a.components);
  return fit;
}

}  // namespace v1
}  // namespace kinerja
