// Order statistics of pairwise slopes.
//
// Short series form all n (n - 1) / 2 slopes and select the ranks asked for (O(n^2)). Long series
// never form them. In the dual view every point (t_i, y_i) is the line a_i(x) = y_i - x t_i, and
// the slope of the pair i < j is where a_i and a_j cross: it is at most x exactly when
// a_j(x) <= a_i(x). So the slopes up to x are counted as the inversions of the points ordered by
// a(x) (a merge sort, O(n log n)), and the slopes between two cuts x_lo < x_hi are the pairs whose
// order differs between the orders at x_lo and at x_hi, which the same merge sort lists. A random
// sample of the slopes between the current cuts puts two new cuts close around the rank asked for;
// a few rounds leave O(n) slopes between them, which are formed and selected among (the
// randomised selection of Matousek 1991 and Dillencourt, Mount and Netanyahu 1992).
//
// The counts use a(x) in floating point, the slopes are IEEE quotients: the two can disagree on a
// slope within a tiny distance of a cut. guard(x) bounds that distance (8 times the rounding
// error worked out in the comments below), cuts are placed guard-wide outside the slopes sampled,
// and the result is accepted only when every value selected lies farther than guard from both
// cuts and the pairs listed between the cuts number exactly the difference of their counts.
// Then every slope counted below the lower cut is smaller than the values selected and every
// slope above the upper cut is larger, so the values are those of sorting all slopes. Otherwise
// (values or times near overflow, no progress) the series takes the O(n^2) path.
#include "trend/theil_sen.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "core/cpu.hpp"
#include "core/random.hpp"

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#include <immintrin.h>
#endif

namespace kinerja {
inline namespace v1 {
namespace detail {
namespace {

// Branchless Lomuto partitions of a[lo, hi): the comparisons of pairwise slopes are
// unpredictable, and a branch per element costs more than the whole pass. Return k with the
// elements before k below (partition_less) or not above (partition_not_larger) the pivot.
std::size_t partition_less(double* a, std::size_t lo, std::size_t hi, double pivot) {
  std::size_t k = lo;
  for (std::size_t j = lo; j < hi; ++j) {
    const double x = a[j];
    const bool before = x < pivot;
    a[j] = a[k];
    a[k] = x;
    k += before;
  }
  return k;
}
std::size_t partition_not_larger(double* a, std::size_t lo, std::size_t hi, double pivot) {
  std::size_t k = lo;
  for (std::size_t j = lo; j < hi; ++j) {
    const double x = a[j];
    const bool before = !(pivot < x);
    a[j] = a[k];
    a[k] = x;
    k += before;
  }
  return k;
}

// The element of rank r (0-based) of a[lo, hi), moving the smaller elements before it and the
// larger ones after it, as std::nth_element does. Quickselect whose pivot on long ranges comes
// from a sorted sample of 15 evenly spaced elements, one sample step beyond the quantile of r on the side of
// the larger part, so that each pass cuts most of that part away. A pivot equal to the minimum
// or maximum of the range gathers its equal block, so ties cannot make it quadratic.
double select_rank(double* a, std::size_t lo, std::size_t hi, std::size_t r) {
  constexpr std::size_t samples = 15;
  while (hi - lo > 8) {
    const std::size_t size = hi - lo;
    const bool cut_left = 2 * (r - lo) >= size;
    double pivot;
    if (size > 128) {
      double sample[samples];
      const std::size_t stride = size / samples;
      for (std::size_t k = 0; k < samples; ++k) sample[k] = a[lo + k * stride + stride / 2];
      std::sort(sample, sample + samples);
      std::size_t at = (r - lo) * samples / size;
      at = cut_left ? (at > 0 ? at - 1 : 0) : std::min(at + 1, samples - 1);
      pivot = sample[at];
    } else {  // small ranges: the median of three
      double x0 = a[lo], x1 = a[lo + size / 2], x2 = a[hi - 1];
      if (x1 < x0) std::swap(x0, x1);
      if (x2 < x1) x1 = x2 < x0 ? x0 : x2;
      pivot = x1;
    }
    if (cut_left) {
      const std::size_t k = partition_less(a, lo, hi, pivot);  // [lo, k) < pivot <= [k, hi)
      if (r < k) {
        hi = k;
      } else if (k > lo) {
        lo = k;
      } else {  // the pivot is the minimum: its equal block comes first
        const std::size_t m = partition_not_larger(a, lo, hi, pivot);
        if (r < m) return a[r];
        lo = m;
      }
    } else {
      const std::size_t k = partition_not_larger(a, lo, hi, pivot);  // [lo, k) <= pivot < [k, hi)
      if (r >= k) {
        lo = k;
      } else if (k < hi) {
        hi = k;
      } else {  // the pivot is the maximum: its equal block comes last
        const std::size_t m = partition_less(a, lo, hi, pivot);
        if (r >= m) return a[r];
        hi = m;
      }
    }
  }
  for (std::size_t i = lo + 1; i < hi; ++i) {  // insertion sort of at most 8 elements
    const double x = a[i];
    std::size_t j = i;
    for (; j > lo && x < a[j - 1]; --j) a[j] = a[j - 1];
    a[j] = x;
  }
  return a[r];
}

// All pairwise slopes (y[j] - y[i]) / (t[j] - t[i]), i < j, in the order of sen_slope(). The
// divisions dominate; where the compiler can, a second version uses 256-bit vectors and is chosen
// at run time on processors that have them (each quotient is the same IEEE division).
KIN_CLONES_AVX2
void pairwise_slopes(const double* y, const double* t, std::size_t n, double* out) {
  for (std::size_t i = 0; i < n; ++i) {
    const double yi = y[i], ti = t[i];
    for (std::size_t j = i + 1; j < n; ++j) *out++ = (y[j] - yi) / (t[j] - ti);
  }
}

// Counts the x[k] below `low` and copies those in [low, high] to b, in order. The copy is a
// branchless compaction; on processors with AVX-512 it takes 8 slopes per step (a compress in a
// register, then a full store, so b needs 8 slots of slack). Both give the same counts and copy.
void bracket_scalar(const double* x, std::size_t count, double low, double high, double* b, std::size_t& below,
                    std::size_t& inside) {
  std::size_t under = 0, in = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const double v = x[k];
    under += v < low;
    b[in] = v;
    in += (v >= low) & (v <= high);
  }
  below = under;
  inside = in;
}

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define KIN_TREND_AVX512 1
__attribute__((target("avx512f"))) void bracket_avx512(const double* x, std::size_t count, double low, double high,
                                                       double* b, std::size_t& below, std::size_t& inside) {
  const __m512d lo = _mm512_set1_pd(low), hi = _mm512_set1_pd(high);
  std::size_t under = 0, in = 0, k = 0;
  for (; k + 8 <= count; k += 8) {
    const __m512d v = _mm512_loadu_pd(x + k);
    const __mmask8 lt = _mm512_cmp_pd_mask(v, lo, _CMP_LT_OQ);
    const __mmask8 keep = _mm512_cmp_pd_mask(v, lo, _CMP_GE_OQ) & _mm512_cmp_pd_mask(v, hi, _CMP_LE_OQ);
    _mm512_storeu_pd(b + in, _mm512_maskz_compress_pd(keep, v));
    under += static_cast<std::size_t>(__builtin_popcount(lt));
    in += static_cast<std::size_t>(__builtin_popcount(keep));
  }
  std::size_t tail_under = 0, tail_in = 0;
  bracket_scalar(x + k, count - k, low, high, b + in, tail_under, tail_in);
  below = under + tail_under;
  inside = in + tail_in;
}
#endif

void bracket(const double* x, std::size_t count, double low, double high, double* b, std::size_t& below,
             std::size_t& inside) {
#ifdef KIN_TREND_AVX512
  static const bool avx512 = __builtin_cpu_supports("avx512f");
  if (avx512) {
    bracket_avx512(x, count, low, high, b, below, inside);
    return;
  }
#endif
  bracket_scalar(x, count, low, high, b, below, inside);
}

// The values of the ascending ranks of a[0, size), reordering a: after each selection the
// elements before the rank are not larger than it and those after not smaller.
void select_ranks(double* a, std::size_t size, const std::size_t* ranks, std::size_t count, double* values) {
  std::size_t from = 0;  // a[from, size) holds the ranks from `from` on
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t r = ranks[k];
    if (k > 0 && r == ranks[k - 1]) {
      values[k] = values[k - 1];
      continue;
    }
    if (r == from) {  // the smallest of the rest, as for the lower middle of an even count
      std::size_t at = from;
      for (std::size_t j = from + 1; j < size; ++j) at = a[j] < a[at] ? j : at;
      std::swap(a[from], a[at]);
      values[k] = a[from];
    } else {
      values[k] = select_rank(a, from, size, r);
    }
    from = r + 1;
  }
}

// All slopes formed, then selected. On long lists a sample of the slopes brackets the band of
// ranks asked for by two values; one pass counts the slopes below the bracket and copies those
// inside it, and the selection runs on the copy only. If the bracket misses a rank, the
// selection runs on all slopes instead: the result is the same either way.
}  // namespace

void select_slopes_from_all_pairs(const double* y, const double* t, std::size_t n, const std::size_t* ranks,
                                  std::size_t count, double* values, SlopeWorkspace& w) {
  const std::size_t total = n * (n - 1) / 2;
  w.slopes.resize(total);
  pairwise_slopes(y, t, n, w.slopes.data());
  const std::size_t first_rank = ranks[0], last_rank = ranks[count - 1];
  double* a = w.slopes.data();
  std::size_t base = 0, size = total;  // a[0, size) holds the slopes of ranks base, base + 1, ...
  constexpr std::size_t samples = 31, margin = 3;
  if (total >= 16 * samples) {
    double sample[samples];
    const std::size_t stride = total / samples;
    for (std::size_t k = 0; k < samples; ++k) sample[k] = a[k * stride + stride / 2];
    std::sort(sample, sample + samples);
    const std::size_t lo_at = first_rank * (samples + 1) / total, hi_at = last_rank * (samples + 1) / total;
    if (lo_at > margin && hi_at + margin < samples) {
      const double low = sample[lo_at - margin - 1], high = sample[hi_at + margin];
      w.band.resize(total + 8);  // the vector version stores 8 lanes past the end of the band
      std::size_t below = 0, inside = 0;
      bracket(a, total, low, high, w.band.data(), below, inside);
      if (below <= first_rank && below + inside > last_rank) {
        a = w.band.data();
        base = below;
        size = inside;
      }
    }
  }
  w.local_ranks.assign(ranks, ranks + count);
  for (std::size_t& r : w.local_ranks) r -= base;
  select_ranks(a, size, w.local_ranks.data(), count, values);
}

namespace {

constexpr double unit_roundoff = std::numeric_limits<double>::epsilon() / 2;

// A small deterministic generator (splitmix64) for the samples; the results do not depend on it.
class SplitMix {
 public:
  explicit SplitMix(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return splitmix64(state_); }
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }

 private:
  std::uint64_t state_;
};

// A point keyed for a cut: points are ordered by key, then by index descending.
struct Keyed {
  double key;
  std::uint32_t index;
};

// Branch-free: the comparisons of keys are unpredictable, and a mispredicted branch per element
// would cost more than the rest of the merge.
inline bool before(const Keyed& a, const Keyed& b) {
  return (a.key < b.key) | ((a.key == b.key) & (a.index > b.index));
}

}  // namespace

// The buffers of LongSeries, kept from call to call.
struct SlopeWorkspace::Cuts {
  std::vector<double> shifted, samples, between;
  std::vector<std::size_t> local;
  std::vector<Keyed> keyed, buffer;
  std::vector<std::uint32_t> levels;
  struct Block {  // the pairs (levels[level * n + k], right) for k in [begin, end)
    std::uint32_t level, begin, end, right;
  };
  std::vector<Block> blocks;  // blocks[0, block_count) are in use
  std::size_t block_count = 0;
  std::vector<std::uint64_t> block_ends;
};

SlopeWorkspace::SlopeWorkspace() = default;
SlopeWorkspace::~SlopeWorkspace() = default;

namespace {

// The selection on a long series, for groups of ranks that lie close together.
class LongSeries {
 public:
  LongSeries(const double* y, const double* t, std::size_t n, SlopeWorkspace::Cuts& scratch)
      : y_(y), t_(t), n_(n), shifted_(scratch.shifted), samples_(scratch.samples), between_(scratch.between),
        local_(scratch.local), keyed_(scratch.keyed), buffer_(scratch.buffer), levels_(scratch.levels),
        blocks_(scratch.blocks), block_count_(scratch.block_count), block_ends_(scratch.block_ends) {
    shifted_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      shifted_[i] = t[i] - t[0];
      max_y_ = std::max(max_y_, std::fabs(y[i]));
      if (i > 0) min_step_ = std::min(min_step_, t[i] - t[i - 1]);
    }
    span_ = shifted_[n - 1];
    total_ = static_cast<std::uint64_t>(n) * (n - 1) / 2;
  }

  // False when the values or times are too large for the guards, or the result cannot be
  // vouched for; the caller then forms all slopes.
  bool select(const std::size_t* ranks, std::size_t count, double* values) {
    if (!(std::isfinite(guard(0)) && max_y_ < 1e150 && span_ < 1e150 && min_step_ > 0)) return false;
    // Ranks closer than 32 n share their cuts: listing the slopes between them costs less than
    // another search. (The Sen interval spans about n^1.5 / 3 ranks, so up to some ten thousand
    // points the interval and the median are one group.)
    const std::uint64_t near = 32 * static_cast<std::uint64_t>(n_);
    for (std::size_t k0 = 0; k0 < count;) {
      std::size_t k1 = k0 + 1;
      while (k1 < count && ranks[k1] - ranks[k1 - 1] < near) ++k1;
      if (!select_group(ranks + k0, k1 - k0, values + k0)) return false;
      k0 = k1;
    }
    return true;
  }

 private:
  // A cut at slope x: the points in the order of their keys a(x), and the number of pairs
  // i < j that order puts j first. Sides -1 and +1 are the cuts below and above all slopes.
  struct Cut {
    int side = 0;
    double x = 0;
    std::uint64_t below = 0;
    std::vector<double> key;
    std::vector<std::uint32_t> order;
  };

  using Block = SlopeWorkspace::Cuts::Block;

  // If a(x) is computed as fl(y_i - fl(x fl(t_i - t_0))), each value is off by at most
  // u (|y| + 3 |x| span), so a_j(x) <= a_i(x) in floating point implies a true slope at most
  // 2 u (max|y| + 3 |x| span) / min_step above x, and the IEEE quotient of the slope is within
  // 3 u |slope| of the true one. guard() is 8 times that sum.
  double guard(double x) const {
    return 16 * unit_roundoff * ((max_y_ + 3 * std::fabs(x) * span_) / min_step_ + std::fabs(x));
  }

  double slope(std::uint32_t a, std::uint32_t b) const {
    const std::uint32_t i = std::min(a, b), j = std::max(a, b);
    return (y_[j] - y_[i]) / (t_[j] - t_[i]);
  }

  Cut infinite(int side) const {
    Cut c;
    c.side = side;
    c.key.resize(n_);
    c.order.resize(n_);
    for (std::size_t i = 0; i < n_; ++i) {
      c.key[i] = side < 0 ? static_cast<double>(i) : -static_cast<double>(i);
      c.order[i] = static_cast<std::uint32_t>(side < 0 ? i : n_ - 1 - i);
    }
    c.below = side < 0 ? 0 : total_;
    return c;
  }

  Cut cut_at(double x) {
    Cut c;
    c.x = x;
    c.key.resize(n_);
    for (std::size_t i = 0; i < n_; ++i) c.key[i] = y_[i] - x * shifted_[i];
    keyed_.resize(n_);
    for (std::size_t i = 0; i < n_; ++i) keyed_[i] = {c.key[i], static_cast<std::uint32_t>(i)};
    c.below = sort_keyed(false);
    c.order.resize(n_);
    for (std::size_t i = 0; i < n_; ++i) c.order[i] = keyed_[i].index;
    return c;
  }

  // Sorts keyed_ with a bottom-up merge sort and returns the number of pairs whose order
  // changes. With `record`, keeps each merge pass's input indices in levels_ and, for every
  // element taken from a right run, the block of the left run it overtakes (blocks_).
  std::uint64_t sort_keyed(bool record) {
    const std::size_t n = keyed_.size();
    buffer_.resize(n);
    std::size_t level_count = 0;
    for (std::size_t width = 1; width < n; width *= 2) ++level_count;
    std::size_t recorded = 0;
    if (record) {
      if (levels_.size() < level_count * n) levels_.resize(level_count * n);
      // At most one block per element and level, and a spare for the branch-free write.
      if (blocks_.size() < level_count * n + 1) blocks_.resize(level_count * n + 1);
    }
    std::uint64_t changed = 0;
    std::uint32_t level = 0;
    for (std::size_t width = 1; width < n; width *= 2, ++level) {
      Keyed* in = keyed_.data();
      Keyed* out = buffer_.data();
      if (record) {
        std::uint32_t* copy = levels_.data() + level * n;
        for (std::size_t i = 0; i < n; ++i) copy[i] = in[i].index;
      }
      for (std::size_t lo = 0; lo < n; lo += 2 * width) {
        const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
        std::size_t i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
          const bool take_right = before(in[j], in[i]);
          const Keyed* from = take_right ? in + j : in + i;
          out[k++] = *from;
          changed += take_right ? mid - i : 0;
          if (record) {
            blocks_[recorded] = {level, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(mid), in[j].index};
            recorded += take_right;
          }
          j += take_right;
          i += !take_right;
        }
        while (i < mid) out[k++] = in[i++];
        while (j < hi) out[k++] = in[j++];
      }
      keyed_.swap(buffer_);
    }
    if (record) block_count_ = recorded;
    return changed;
  }

  // Lists the pairs between two cuts as blocks; false if their number is not the difference of
  // the counts (a pair below the lower cut but above the upper one).
  bool list_between(const Cut& lo, const Cut& hi) {
    keyed_.resize(n_);
    for (std::size_t i = 0; i < n_; ++i) keyed_[i] = {hi.key[lo.order[i]], lo.order[i]};
    const std::uint64_t listed = sort_keyed(true);
    if (listed != hi.below - lo.below) return false;
    block_ends_.resize(block_count_);
    std::uint64_t end = 0;
    for (std::size_t b = 0; b < block_count_; ++b) block_ends_[b] = end += blocks_[b].end - blocks_[b].begin;
    return true;
  }

  double listed_slope(std::uint64_t u) const {
    const auto b = static_cast<std::size_t>(std::upper_bound(block_ends_.begin(), block_ends_.end(), u) -
                                            block_ends_.begin());
    const Block& block = blocks_[b];
    const std::uint64_t offset = u - (b > 0 ? block_ends_[b - 1] : 0);
    return slope(levels_[block.level * n_ + block.begin + offset], block.right);
  }

  bool select_group(const std::size_t* ranks, std::size_t count, double* values) {
    const std::uint64_t r0 = ranks[0], r1 = ranks[count - 1];
    Cut lo = infinite(-1), hi = infinite(+1);
    SplitMix random(0x6B696E65726A61ULL ^ (static_cast<std::uint64_t>(n_) << 20) ^ r0);
    const std::uint64_t enumerate_limit = 8 * static_cast<std::uint64_t>(n_) + 2 * (r1 - r0);
    const std::size_t m = 2 * n_;  // sample size
    double spread = 3;             // binomial deviations of the sample position kept on each side
    for (int round = 0; round < 12; ++round) {
      const std::uint64_t size = hi.below - lo.below;
      if (size <= enumerate_limit) break;
      samples_.clear();
      if (lo.side < 0 && hi.side > 0) {
        for (std::size_t s = 0; s < m; ++s) {
          const auto i = static_cast<std::uint32_t>(random.below(n_));
          auto j = static_cast<std::uint32_t>(random.below(n_ - 1));
          j += j >= i;
          samples_.push_back(slope(i, j));
        }
      } else {
        if (!list_between(lo, hi)) return false;
        for (std::size_t s = 0; s < m; ++s) samples_.push_back(listed_slope(random.below(size)));
      }
      // Where the ranks fall in the sample, and a margin of `spread` binomial deviations.
      const double dm = static_cast<double>(m), dsize = static_cast<double>(size);
      const double p0 = static_cast<double>(r0 - lo.below) / dsize;
      const double p1 = static_cast<double>(r1 + 1 - lo.below) / dsize;
      const double at_lo = p0 * dm - spread * std::sqrt(dm * p0 * (1 - p0)) - 1;
      const double at_hi = p1 * dm + spread * std::sqrt(dm * p1 * (1 - p1)) + 1;
      bool moved = false, missed = false;
      std::size_t selected_below = 0;  // samples_ before this index are not larger than it
      if (at_lo >= 0) {
        const auto at = static_cast<std::size_t>(at_lo);
        std::nth_element(samples_.begin(), samples_.begin() + static_cast<std::ptrdiff_t>(at), samples_.end());
        selected_below = at;
        const double s = samples_[at];
        Cut c = cut_at(s - 4 * guard(s));
        if (!std::isfinite(c.x)) return false;
        if (c.below <= r0 && c.below > lo.below) {
          lo = std::move(c);
          moved = true;
        } else {
          missed = missed || c.below > r0;
        }
      }
      if (at_hi < dm) {
        const auto at = static_cast<std::size_t>(at_hi);
        std::nth_element(samples_.begin() + static_cast<std::ptrdiff_t>(selected_below),
                         samples_.begin() + static_cast<std::ptrdiff_t>(at), samples_.end());
        const double s = samples_[at];
        Cut c = cut_at(s + 4 * guard(s));
        if (!std::isfinite(c.x)) return false;
        if (c.below > r1 && c.below < hi.below) {
          hi = std::move(c);
          moved = true;
        } else {
          missed = missed || c.below <= r1;
        }
      }
      if (missed) spread *= 2;
      // Slopes tied in large numbers keep the cuts from closing in: list what lies between.
      if (!moved && !missed) break;
    }
    if (!list_between(lo, hi)) return false;
    const std::uint64_t size = hi.below - lo.below;
    between_.resize(size);
    std::uint64_t u = 0;
    for (std::size_t b = 0; b < block_count_; ++b) {
      const Block& block = blocks_[b];
      const std::uint32_t* left = levels_.data() + block.level * n_;
      for (std::uint32_t k = block.begin; k < block.end; ++k) between_[u++] = slope(left[k], block.right);
    }
    local_.resize(count);
    for (std::size_t k = 0; k < count; ++k) local_[k] = ranks[k] - lo.below;
    select_ranks(between_.data(), size, local_.data(), count, values);
    for (std::size_t k = 0; k < count; ++k) {
      const double v = values[k];
      if (lo.side == 0 && !(v > lo.x + guard(lo.x))) return false;
      if (hi.side == 0 && !(v < hi.x - guard(hi.x))) return false;
    }
    return true;
  }

  const double* y_;
  const double* t_;
  std::size_t n_;
  std::vector<double>&shifted_, &samples_, &between_;
  std::vector<std::size_t>& local_;
  std::vector<Keyed>&keyed_, &buffer_;
  std::vector<std::uint32_t>& levels_;
  std::vector<Block>& blocks_;
  std::size_t& block_count_;
  std::vector<std::uint64_t>& block_ends_;
  double max_y_ = 0, span_ = 0, min_step_ = std::numeric_limits<double>::infinity();
  std::uint64_t total_ = 0;
};

}  // namespace

void select_slopes(const double* y, const double* t, std::size_t n, const std::size_t* ranks, std::size_t count,
                   double* values, SlopeWorkspace& workspace) {
  if (count == 0) return;
  if (std::all_of(y, y + n, [y](double v) { return v == y[0]; })) {  // every slope is 0 / dt = +0
    std::fill(values, values + count, 0.0);
    return;
  }
  if (n >= long_series_length && select_slopes_by_cuts(y, t, n, ranks, count, values, workspace)) return;
  select_slopes_from_all_pairs(y, t, n, ranks, count, values, workspace);
}

bool select_slopes_by_cuts(const double* y, const double* t, std::size_t n, const std::size_t* ranks,
                           std::size_t count, double* values, SlopeWorkspace& workspace) {
  if (n < 3) return false;
  if (!workspace.cuts) workspace.cuts = std::make_unique<SlopeWorkspace::Cuts>();
  LongSeries series(y, t, n, *workspace.cuts);
  return series.select(ranks, count, values);
}

double median_slope(const double* y, const double* t, std::size_t n, SlopeWorkspace& workspace) {
  const std::size_t total = n * (n - 1) / 2;
  const std::size_t half = total / 2;
  if (total % 2 == 1) {
    double middle = 0;
    select_slopes(y, t, n, &half, 1, &middle, workspace);
    return middle;
  }
  const std::size_t ranks[2] = {half - 1, half};
  double middles[2];
  select_slopes(y, t, n, ranks, 2, middles, workspace);
  return middles[0] + (middles[1] - middles[0]) / 2;
}

TheilSen theil_sen(const double* y, const double* t, std::size_t n, double var_s, double z,
                   SlopeWorkspace& workspace) {
  const std::size_t total = n * (n - 1) / 2;
  const std::size_t half = total / 2;
  const double sigma = std::sqrt(var_s);
  const double dtotal = static_cast<double>(total);
  const double last = dtotal - 1;
  // Sen (1968) eq. 2.6, ranks rounded half to even as in the reference implementation.
  const auto upper_rank =
      static_cast<std::size_t>(std::clamp(std::nearbyint((dtotal + z * sigma) / 2), 0.0, last));
  const auto lower_rank =
      static_cast<std::size_t>(std::clamp(std::nearbyint((dtotal - z * sigma) / 2) - 1, 0.0, last));
  // lower <= the middle rank(s) <= upper, so the four ranks are ascending.
  const std::size_t ranks[4] = {lower_rank, total % 2 == 0 ? half - 1 : half, half, upper_rank};
  double values[4];
  select_slopes(y, t, n, ranks, 4, values, workspace);
  TheilSen result;
  result.lower = values[0];
  result.upper = values[3];
  result.slope = total % 2 == 1 ? values[2] : values[1] + (values[2] - values[1]) / 2;
  std::vector<double>& residuals = workspace.residuals;
  residuals.resize(n);
  for (std::size_t i = 0; i < n; ++i) residuals[i] = y[i] - result.slope * t[i];
  const std::size_t rhalf = n / 2;
  const double r_upper = select_rank(residuals.data(), 0, n, rhalf);
  if (n % 2 == 1) {
    result.intercept = r_upper;
  } else {
    const double r_lower =
        *std::max_element(residuals.begin(), residuals.begin() + static_cast<std::ptrdiff_t>(rhalf));
    result.intercept = r_lower + (r_upper - r_lower) / 2;
  }
  return result;
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
