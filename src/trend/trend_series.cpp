#include "kinerja/trend_series.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kinerja/achievement.hpp"
#include "kinerja/error.hpp"
#include "kinerja/predikat.hpp"
#include "kinerja/score.hpp"
#include "core/cpu.hpp"
#include "core/numerics.hpp"
#include "core/parallel.hpp"
#include "dataset/indexed_realizations.hpp"
#include "trend/rank_tests.hpp"
#include "trend/theil_sen.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

using detail::IndexedRealizations;

// The rule packs of the years met, made once each.
class PackByYear {
 public:
  explicit PackByYear(const std::optional<RulePack>& fixed) : fixed_(fixed) {}
  const RulePack& operator()(int year) {
    if (fixed_) return *fixed_;
    auto it = packs_.find(year);
    if (it == packs_.end()) it = packs_.emplace(year, RulePack::for_year(year)).first;
    return it->second;
  }

 private:
  const std::optional<RulePack>& fixed_;
  std::map<int, RulePack> packs_;
};

// One realisation of a series before it becomes a point.
struct Raw {
  double time;
  std::uint32_t key;
  Period period;
  double value;
  std::uint32_t local;  // the indicator's position within its owner-year (owner level)
};

bool by_time_then_period(const Raw& a, const Raw& b) {
  return a.time != b.time ? a.time < b.time : a.key < b.key;
}

// Running year-to-date value of one indicator.
struct Running {
  double sum = 0, lo = 0, hi = 0, last = nan;
  std::uint32_t count = 0, last_key = 0;
  void add(double v, std::uint32_t key) {
    if (count == 0) {
      lo = hi = v;
    } else {
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
    sum += v;
    ++count;
    if (key >= last_key) {
      last_key = key;
      last = v;
    }
  }
  double value(Accumulation a) const {
    switch (a) {
      case Accumulation::Sum: return sum;
      case Accumulation::Mean: return sum / static_cast<double>(count);
      case Accumulation::Max: return hi;
      case Accumulation::Min: return lo;
      case Accumulation::Last: return last;
    }
    return last;
  }
};

void push_point(SeriesTable& out, const Raw& r, double value, RuleSet rule_set) {
  out.time.push_back(r.time);
  out.period.push_back(r.period);
  out.value.push_back(value);
  out.rule_set.push_back(rule_set);
}

void close_series(SeriesTable& out, Index subject, std::uint64_t begin) {
  if (out.time.size() == begin) return;
  out.subject.push_back(subject);
  out.offsets.push_back(out.time.size());
}

// The series of indicators [i0, i1) into `out`.
void indicator_series(const RealizationTable& r, Date first, Date last, std::size_t i0, std::size_t i1,
                      PackByYear& pack, SeriesTable& out) {
  std::vector<Raw> raw;
  for (std::size_t i = i0; i < i1; ++i) {
    raw.clear();
    for (std::uint64_t k = r.offsets[i]; k < r.offsets[i + 1]; ++k) {
      const std::size_t row = r.row_at(k);
      const Period p = r.period[row];
      if (p.kind() == PeriodKind::Year || p.first_day() < first || p.last_day() > last) continue;
      raw.push_back({period_end_time(p), p.key(), p, r.value[row], 0});
    }
    std::sort(raw.begin(), raw.end(), by_time_then_period);
    const std::uint64_t begin = out.time.size();
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (k + 1 < raw.size() && raw[k + 1].time == raw[k].time) continue;  // the later-starting one stays
      push_point(out, raw[k], raw[k].value, pack(raw[k].period.year()).rule_set());
    }
    close_series(out, static_cast<Index>(i), begin);
  }
}

// Predikat per employee on the ordinal scale SB = 5 ... SK = 1 (domain.md §8.3, a kinerja
// convention): ratings.csv under the 6/2022 matrix, and for the years whose pack is numeric
// (PermenPANRB 8/2021, PP 46/2011) the predikat or sebutan of score(). Of two points ending at
// the same time the annual evaluation stays (it is its own evaluation, not the last quarter).
SeriesTable predikat_series(const Dataset& d, Date first, Date last, PackByYear& pack, Threads threads) {
  const std::size_t ne = d.employees.size();
  std::vector<std::vector<std::pair<Raw, RuleSet>>> points(ne);
  auto ordinal = [](std::size_t best_first_index) { return static_cast<double>(5 - best_first_index); };
  for (std::size_t r = 0; r < d.ratings.size(); ++r) {
    const Period p = d.ratings.period[r];
    if (p.first_day() < first || p.last_day() > last) continue;
    if (pack(p.year()).rule_set() != RuleSet::PermenPanRb6_2022) continue;  // numeric years come from score()
    const Predikat predikat = predikat_from_ratings(d.ratings.result[r], d.ratings.behavior[r]);
    points[d.ratings.employee[r]].push_back(
        {{period_end_time(p), p.key(), p, ordinal(static_cast<std::size_t>(predikat)), 0}, RuleSet::PermenPanRb6_2022});
  }
  for (int year = first.year(); year <= last.year(); ++year) {
    const Period p = Period::year(year);
    if (p.first_day() < first || p.last_day() > last) continue;
    const RulePack& rules = pack(year);
    if (rules.rule_set() == RuleSet::PermenPanRb6_2022) continue;
    const ScoreResult scored = score(d, year, rules, threads);
    for (std::size_t e = 0; e < ne; ++e) {
      const std::int8_t predikat = scored.employees.predikat[e];
      if (predikat == no_value) continue;
      points[e].push_back({{period_end_time(p), p.key(), p, ordinal(static_cast<std::size_t>(predikat)), 0},
                           rules.rule_set()});
    }
  }
  SeriesTable out;
  out.level = TrendLevel::Predikat;
  out.offsets.push_back(0);
  for (std::size_t e = 0; e < ne; ++e) {
    auto& list = points[e];
    // By time; at equal times the annual point last, so that it is the one kept.
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      if (a.first.time != b.first.time) return a.first.time < b.first.time;
      const bool a_year = a.first.period.kind() == PeriodKind::Year, b_year = b.first.period.kind() == PeriodKind::Year;
      return a_year != b_year ? b_year : a.first.key < b.first.key;
    });
    const std::uint64_t begin = out.time.size();
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (k + 1 < list.size() && list[k + 1].first.time == list[k].first.time) continue;
      push_point(out, list[k].first, list[k].first.value, list[k].second);
    }
    close_series(out, static_cast<Index>(e), begin);
  }
  return out;
}

// The indicators of owners of `level`'s type grouped by owner, then year.
std::vector<Index> owner_rows(const IndicatorTable& t, TrendLevel level) {
  const OwnerType owner_type = level == TrendLevel::Unit ? OwnerType::Unit : OwnerType::Employee;
  std::vector<Index> rows;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.owner_type[i] == owner_type) rows.push_back(static_cast<Index>(i));
  }
  std::stable_sort(rows.begin(), rows.end(), [&t](Index a, Index b) {
    return t.owner[a] != t.owner[b] ? t.owner[a] < t.owner[b] : t.year[a] < t.year[b];
  });
  return rows;
}

// The series of the owners whose indicators are rows[g_begin, g_end) into `out`; the range
// holds whole owners.
void owner_series(const Dataset& d, const RealizationTable& r, const std::vector<Index>& rows, std::size_t g_begin,
                  std::size_t g_end, Date first, Date last, const SeriesOptions& options, PackByYear& pack,
                  SeriesTable& out) {
  const IndicatorTable& t = d.indicators;
  std::vector<Raw> raw;
  std::vector<Running> running;
  std::uint64_t begin = out.time.size();
  for (std::size_t g0 = g_begin; g0 < g_end;) {
    const Index owner = t.owner[rows[g0]];
    const int year = t.year[rows[g0]];
    std::size_t g1 = g0;
    while (g1 < g_end && t.owner[rows[g1]] == owner && t.year[rows[g1]] == year) ++g1;
    const RulePack& rules = pack(year);
    const AchievementPolicy policy = rules.achievement_policy();
    const bool missing_is_zero = rules.missing_indicator() == MissingIndicator::Zero;
    const bool count_tambahan = rules.count_tambahan();
    // The counted indicators of this owner-year and their realisations of the year.
    raw.clear();
    std::vector<Index> counted;
    for (std::size_t g = g0; g < g1; ++g) {
      const Index i = rows[g];
      if (t.kind[i] != IndicatorKind::Utama && !count_tambahan) continue;
      const auto local = static_cast<std::uint32_t>(counted.size());
      counted.push_back(i);
      for (std::uint64_t k = r.offsets[i]; k < r.offsets[i + 1]; ++k) {
        const std::size_t row = r.row_at(k);
        const Period p = r.period[row];
        if (p.kind() == PeriodKind::Year || p.year() != year) continue;
        raw.push_back({period_end_time(p), p.key(), p, r.value[row], local});
      }
    }
    std::sort(raw.begin(), raw.end(), by_time_then_period);
    running.assign(counted.size(), Running{});
    bool any_weight = false;
    for (Index i : counted) any_weight = any_weight || t.has_weight(i);
    for (std::size_t k0 = 0; k0 < raw.size();) {
      std::size_t k1 = k0;
      while (k1 < raw.size() && raw[k1].time == raw[k0].time) {
        running[raw[k1].local].add(raw[k1].value, raw[k1].key);
        ++k1;
      }
      const Raw& point = raw[k1 - 1];  // the period that starts last among those ending here
      k0 = k1;
      if (point.period.first_day() < first || point.period.last_day() > last) continue;
      const double share = (point.time - 12.0 * year) / 12.0;
      double weighted_sum = 0, weight_total = 0, equal_sum = 0;
      std::uint32_t equal_count = 0;
      for (std::size_t c = 0; c < counted.size(); ++c) {
        const Index i = counted[c];
        double capped = nan;
        bool ok = false;
        if (running[c].count > 0) {
          const double scale =
              t.accumulation[i] == Accumulation::Sum && options.sum_target == SumTarget::Prorated ? share : 1.0;
          IndicatorStatus status = IndicatorStatus::Ok;
          const double achievement = achievement_percent(t.polarity[i], t.target[i] * scale,
                                                         t.target_upper[i] * scale,
                                                         running[c].value(t.accumulation[i]), policy, status);
          ok = status == IndicatorStatus::Ok;
          capped = cap_achievement(achievement, policy);
        }
        if (!ok && !missing_is_zero) continue;
        const double included = ok ? capped : 0.0;
        if (t.has_weight(i)) {
          weighted_sum += t.weight[i] * included;
          weight_total += t.weight[i];
        }
        equal_sum += included;
        ++equal_count;
      }
      // As score(): weights given -> the weighted mean over them; none given -> the plain mean.
      double value = nan;
      if (any_weight) {
        value = weight_total > 0 ? weighted_sum / weight_total : nan;
      } else if (equal_count > 0) {
        value = equal_sum / equal_count;
      }
      if (std::isfinite(value)) push_point(out, point, value, rules.rule_set());
    }
    g0 = g1;
    if (g1 == g_end || t.owner[rows[g1]] != owner) {
      close_series(out, owner, begin);
      begin = out.time.size();
    }
  }
}

// Builds the series in parts [bounds[p], bounds[p + 1]) of the work, one thread each with its
// own rule packs, and joins the parts in order: the table does not depend on the thread count.
template <typename Build>
SeriesTable build_in_parts(TrendLevel level, const std::vector<std::size_t>& bounds, const SeriesOptions& options,
                           Build&& build) {
  const auto parts = static_cast<unsigned>(bounds.size() - 1);
  std::vector<SeriesTable> tables(parts);
  detail::run_threads(parts, [&](unsigned p) {
    PackByYear pack(options.rules);
    SeriesTable& table = tables[p];
    table.level = level;
    table.offsets.assign(1, 0);
    build(bounds[p], bounds[p + 1], pack, table);
  });
  if (parts == 1) return std::move(tables[0]);
  SeriesTable out;
  out.level = level;
  std::size_t series = 0, points = 0;
  for (const SeriesTable& part : tables) {
    series += part.size();
    points += part.time.size();
  }
  out.subject.reserve(series);
  out.offsets.reserve(series + 1);
  out.offsets.push_back(0);
  out.time.reserve(points);
  out.value.reserve(points);
  out.period.reserve(points);
  out.rule_set.reserve(points);
  for (SeriesTable& part : tables) {
    const std::uint64_t base = out.time.size();
    out.subject.insert(out.subject.end(), part.subject.begin(), part.subject.end());
    for (std::size_t s = 1; s < part.offsets.size(); ++s) out.offsets.push_back(base + part.offsets[s]);
    out.time.insert(out.time.end(), part.time.begin(), part.time.end());
    out.value.insert(out.value.end(), part.value.begin(), part.value.end());
    out.period.insert(out.period.end(), part.period.begin(), part.period.end());
    out.rule_set.insert(out.rule_set.end(), part.rule_set.begin(), part.rule_set.end());
    part = SeriesTable{};  // give the part's memory back before the next one is copied
  }
  return out;
}

// The same normal quantile as sen_slope(), so that the Sen interval here equals its.
using detail::normal_upper_quantile;

// Per-thread scratch space of trend_statistics().
struct Scratch {
  std::vector<double> y, t, residuals, ranks;
  std::vector<std::int32_t> below, equal;
  std::vector<std::size_t> season;
  detail::SlopeWorkspace sen;
};

// Mann-Kendall and Pettitt of short series in O(n^2) without sorting or allocating: for each
// value, the counts of values below and equal to it, and the S of the later ones. The counts are
// integers, so S, the tie terms and the Pettitt U equal those of mann_kendall() and pettitt(),
// and the statistics below come from the same formulas (rank_tests.hpp).
constexpr std::size_t pairwise_limit = 512;

// For value i: the values below it and equal to it, and the sum of sign(y[j] - y[i]) over j > i.
// Four lanes at a time with the compiler's vector extension where there is one (a comparison of
// doubles gives 64-bit masks of -1 or 0), in 256-bit registers on processors that have them; the
// counts are exact either way.
#if defined(__GNUC__) || defined(__clang__)
using Lanes4 = double __attribute__((vector_size(32)));
using Mask4 = long long __attribute__((vector_size(32)));
KIN_CLONES_AVX2
void count_pairs(const double* y, std::size_t n, std::size_t i, std::int64_t& below, std::int64_t& equal,
                 std::int64_t& later) {
  const double yi = y[i];
  const Lanes4 v = {yi, yi, yi, yi};
  Mask4 lt = {0, 0, 0, 0}, eq = {0, 0, 0, 0}, sign = {0, 0, 0, 0};
  std::size_t j = 0;
  for (; j + 4 <= n; j += 4) {
    Lanes4 x;
    std::memcpy(&x, y + j, sizeof x);
    lt += x < v;  // adds -1 per lane where true
    eq += x == v;
  }
  below = -(lt[0] + lt[1] + lt[2] + lt[3]);
  equal = -(eq[0] + eq[1] + eq[2] + eq[3]);
  for (; j < n; ++j) {
    below += y[j] < yi;
    equal += y[j] == yi;
  }
  j = i + 1;
  for (; j + 4 <= n; j += 4) {
    Lanes4 x;
    std::memcpy(&x, y + j, sizeof x);
    sign += (x < v) - (x > v);  // -1 - 0 where below, 0 - -1 where above: the sign
  }
  later = sign[0] + sign[1] + sign[2] + sign[3];
  for (; j < n; ++j) later += (y[j] > yi) - (y[j] < yi);
}
#else
void count_pairs(const double* y, std::size_t n, std::size_t i, std::int64_t& below, std::int64_t& equal,
                 std::int64_t& later) {
  const double yi = y[i];
  below = equal = later = 0;
  for (std::size_t j = 0; j < n; ++j) {
    below += y[j] < yi;
    equal += y[j] == yi;
  }
  for (std::size_t j = i + 1; j < n; ++j) later += (y[j] > yi) - (y[j] < yi);
}
#endif

void pairwise_mk_pettitt(Scratch& s, std::size_t min_length, MannKendallResult& mk, PettittResult& pt) {
  const std::vector<double>& y = s.y;
  const std::size_t n = y.size();
  mk = MannKendallResult{};
  pt = PettittResult{};
  mk.n = pt.n = n;
  if (n < std::max<std::size_t>(min_length, 2)) return;
  s.below.resize(n);
  s.equal.resize(n);
  std::int64_t s_total = 0, tie_terms = 0, tied_twice = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t below = 0, equal = 0, later = 0;
    count_pairs(y.data(), n, i, below, equal, later);
    s.below[i] = static_cast<std::int32_t>(below);
    s.equal[i] = static_cast<std::int32_t>(equal);
    s_total += later;
    const std::int64_t g = equal;
    tie_terms += (g - 1) * (2 * g + 5);  // summed over a tied group: g (g - 1) (2 g + 5)
    tied_twice += g - 1;                 // summed over a tied group: g (g - 1)
  }
  const double dn = static_cast<double>(n);
  mk.s = s_total;
  mk.var_s = detail::mk_variance(n, static_cast<double>(tie_terms));
  if (mk.var_s <= 0) {
    mk.status = TrendStatus::Constant;
    mk.var_s = 0;
  } else {
    mk.status = TrendStatus::Ok;
    mk.z = detail::mk_z(s_total, mk.var_s);
    mk.p_value = detail::normal_two_sided(mk.z);
    const double pairs = dn * (dn - 1) / 2;
    mk.tau_b = static_cast<double>(s_total) / std::sqrt(pairs * (pairs - static_cast<double>(tied_twice / 2)));
  }
  if (static_cast<std::size_t>(s.equal[0]) == n) {
    pt.status = TrendStatus::Constant;
    pt.p_value = 1;
    return;
  }
  // V_i = 2 (values below) + (values equal) - n.
  detail::pettitt_scan(
      n,
      [&s, n](std::size_t i) {
        return 2 * static_cast<std::int64_t>(s.below[i]) + s.equal[i] - static_cast<std::int64_t>(n);
      },
      pt);
}

using detail::NeumaierSum;

// The p-value of hamed_rao() for a series of at most pairwise_limit points whose Mann-Kendall
// (s, var_s > 0) and Sen slope are known, repeating its steps operation for operation: average
// ranks of the detrended series (from pairwise counts instead of a sort), their compensated
// autocovariances, the significant lags and the variance correction. `bound_z` is
// z(1 - alpha/2).
double fast_hamed_rao_p(Scratch& s, std::int64_t mk_s, double var_s, double sen, double bound_z,
                        std::size_t max_lag) {
  const std::vector<double>& y = s.y;
  const std::vector<double>& t = s.t;
  const std::size_t n = y.size();
  std::vector<double>& detrended = s.residuals;
  detrended.resize(n);
  for (std::size_t i = 0; i < n; ++i) detrended[i] = y[i] - t[i] * sen;
  std::vector<double>& ranks = s.ranks;
  ranks.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t below = 0, equal = 0, later = 0;
    count_pairs(detrended.data(), n, i, below, equal, later);
    ranks[i] = (static_cast<double>(below + 1) + static_cast<double>(below + equal)) / 2;
  }
  NeumaierSum rank_sum;
  for (double r : ranks) rank_sum.add(r);
  const double rank_mean = rank_sum.value() / static_cast<double>(n);
  for (double& r : ranks) r -= rank_mean;
  auto autocovariance = [&ranks, n](std::size_t lag) {
    NeumaierSum sum;
    for (std::size_t i = 0; i + lag < n; ++i) sum.add(ranks[i] * ranks[i + lag]);
    return sum.value();
  };
  const double variance = autocovariance(0);
  const double dn = static_cast<double>(n);
  const double bound = bound_z / std::sqrt(dn);
  const std::size_t last_lag = max_lag == 0 ? n - 1 : std::min(max_lag, n - 1);
  NeumaierSum inflation;
  if (variance > 0) {
    for (std::size_t lag = 1; lag <= last_lag; ++lag) {
      const double r = autocovariance(lag) / variance;
      if (std::fabs(r) <= bound) continue;
      const double m = dn - static_cast<double>(lag);
      inflation.add(m * (m - 1) * (m - 2) * r);
    }
  }
  const double correction = 1 + 2 / (dn * (dn - 1) * (dn - 2)) * inflation.value();
  const double corrected = var_s * correction;
  if (!(corrected > 0)) return nan;
  return detail::normal_two_sided(detail::mk_z(mk_s, corrected));
}

void check_times(const std::vector<double>& y, const std::vector<double>& t, std::size_t series) {
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(y[i]) || !std::isfinite(t[i]) || (i > 0 && !(t[i] > t[i - 1]))) {
      throw error(errc::InvalidArgument, "trend_statistics: series " + std::to_string(series) + " point " +
                                             std::to_string(i) +
                                             " has a value or time that is not a number, or times that do "
                                             "not increase");
    }
  }
}

void compute_range(const SeriesTable& series, const TrendOptions& o, double z, double hamed_rao_z, std::size_t s0,
                   std::size_t s1, TrendTable& out) {
  Scratch scratch;
  std::vector<double>& y = scratch.y;
  std::vector<double>& t = scratch.t;
  for (std::size_t s = s0; s < s1; ++s) {
    const std::uint64_t k0 = series.offsets[s], k1 = series.offsets[s + 1];
    y.assign(series.value.begin() + static_cast<std::ptrdiff_t>(k0),
             series.value.begin() + static_cast<std::ptrdiff_t>(k1));
    t.assign(series.time.begin() + static_cast<std::ptrdiff_t>(k0),
             series.time.begin() + static_cast<std::ptrdiff_t>(k1));
    check_times(y, t, s);
    const std::size_t n = y.size();
    out.n[s] = static_cast<std::uint32_t>(n);
    if (n > 0) {
      out.first_period[s] = series.period[k0];
      out.last_period[s] = series.period[k1 - 1];
    }
    const OlsResult l = ols(y, t, o.min_length);
    out.ols_slope[s] = l.slope;
    out.ols_intercept[s] = l.intercept;
    out.ols_r_squared[s] = l.r_squared;
    out.ols_p[s] = l.p_value;
    MannKendallResult mk;
    PettittResult pt;
    if (n <= pairwise_limit) {
      pairwise_mk_pettitt(scratch, o.min_length, mk, pt);
    } else {
      mk = mann_kendall(y, t, o.min_length);
      pt = pettitt(y, o.min_length);
    }
    out.mk_s[s] = mk.s;
    out.mk_var_s[s] = mk.var_s;
    out.mk_z[s] = mk.z;
    out.mk_p[s] = mk.p_value;
    out.mk_tau[s] = mk.tau_b;
    out.status[s] = mk.status;
    out.direction[s] = mk.status == TrendStatus::Ok && mk.p_value <= o.alpha && mk.s != 0
                           ? (mk.s > 0 ? TrendDirection::Increasing : TrendDirection::Decreasing)
                           : TrendDirection::NoTrend;
    if (n >= std::max<std::size_t>(o.min_length, 2)) {
      const detail::TheilSen sen = detail::theil_sen(y.data(), t.data(), n, mk.var_s, z, scratch.sen);
      out.sen_slope[s] = sen.slope;
      out.sen_intercept[s] = sen.intercept;
      out.sen_lower[s] = sen.lower;
      out.sen_upper[s] = sen.upper;
    }
    out.pettitt_index[s] = static_cast<std::uint32_t>(pt.change_point);
    out.pettitt_period[s] = n > 0 ? series.period[k0 + pt.change_point] : Period();
    out.pettitt_p[s] = pt.p_value;
    if (o.seasonal && n >= std::max<std::size_t>(o.min_length, 2)) {
      // Seasons by month of the year for monthly series, by quarter for quarterly ones; other
      // series (days, mixed granularities) have no seasonal test.
      const PeriodKind kind = series.period[k0].kind();
      bool uniform = kind == PeriodKind::Month || kind == PeriodKind::Quarter;
      scratch.season.clear();
      for (std::uint64_t k = k0; uniform && k < k1; ++k) {
        const Period p = series.period[k];
        uniform = p.kind() == kind;
        // The last month of the period: 1..12; a quarter's season is its number 0..3.
        const auto month = static_cast<std::size_t>(p.last_day().month());
        scratch.season.push_back(kind == PeriodKind::Month ? month - 1 : (month - 1) / 3);
      }
      if (uniform) {
        const auto seasonal = seasonal_mann_kendall(y, scratch.season, kind == PeriodKind::Month ? 12 : 4, o.min_length);
        out.seasonal_mk_p[s] = seasonal.p_value;
      }
    }
    if (o.hamed_rao) {
      if (n <= pairwise_limit && n >= std::max<std::size_t>(o.min_length, 3)) {
        out.hamed_rao_p[s] = mk.status == TrendStatus::Ok
                                 ? fast_hamed_rao_p(scratch, mk.s, mk.var_s, out.sen_slope[s], hamed_rao_z, o.max_lag)
                                 : nan;
      } else {
        out.hamed_rao_p[s] = hamed_rao(y, t, o.max_lag, o.alpha, o.min_length).p_value;
      }
    }
  }
}

}  // namespace

std::string_view to_string(TrendLevel level) noexcept {
  switch (level) {
    case TrendLevel::Indicator: return "indicator";
    case TrendLevel::Employee: return "employee";
    case TrendLevel::Unit: return "unit";
    case TrendLevel::Predikat: return "predikat";
  }
  return "unknown";
}

std::string_view to_string(TrendDirection direction) noexcept {
  switch (direction) {
    case TrendDirection::NoTrend: return "no_trend";
    case TrendDirection::Increasing: return "increasing";
    case TrendDirection::Decreasing: return "decreasing";
  }
  return "unknown";
}

double period_end_time(const Period& period) noexcept {
  const double base = 12.0 * period.year();
  switch (period.kind()) {
    case PeriodKind::Year: return base + 12;
    case PeriodKind::Quarter: return base + period.first_month() + 2;
    case PeriodKind::Month: return base + period.first_month();
    case PeriodKind::Day: {
      const Date day = period.first_day();
      return base + (day.month() - 1) +
             static_cast<double>(day.day()) / Date::days_in_month(day.year(), day.month());
    }
  }
  return base;
}

SeriesTable build_series(const Dataset& dataset, TrendLevel level, Period from, Period to,
                         const SeriesOptions& options) {
  const Date first = from.first_day(), last = to.last_day();
  if (last < first) {
    throw error(errc::InvalidArgument,
                "build_series: period " + to.to_string() + " ends before " + from.to_string() + " starts");
  }
  const IndexedRealizations indexed(dataset.realizations, dataset.indicators.size());
  const RealizationTable& r = *indexed;
  if (level == TrendLevel::Predikat) {
    PackByYear pack(options.rules);
    return predikat_series(dataset, first, last, pack, Threads{options.threads});
  }
  constexpr std::size_t grain = 1024;  // indicators per thread at least
  if (level == TrendLevel::Indicator) {
    const std::size_t count = dataset.indicators.size();
    const unsigned threads = detail::resolve_threads(options.threads, count, grain);
    std::vector<std::size_t> bounds;
    for (unsigned p = 0; p <= threads; ++p) bounds.push_back(count * p / threads);
    return build_in_parts(level, bounds, options,
                          [&](std::size_t i0, std::size_t i1, PackByYear& pack, SeriesTable& out) {
                            indicator_series(r, first, last, i0, i1, pack, out);
                          });
  }
  const std::vector<Index> rows = owner_rows(dataset.indicators, level);
  const unsigned threads = detail::resolve_threads(options.threads, rows.size(), grain);
  // Even parts of the rows, each bound moved forward to the next change of owner.
  std::vector<std::size_t> bounds = {0};
  for (unsigned p = 1; p < threads; ++p) {
    std::size_t at = std::max(bounds.back(), rows.size() * p / threads);
    while (at > 0 && at < rows.size() && dataset.indicators.owner[rows[at]] == dataset.indicators.owner[rows[at - 1]]) {
      ++at;
    }
    bounds.push_back(at);
  }
  bounds.push_back(rows.size());
  return build_in_parts(level, bounds, options,
                        [&](std::size_t g0, std::size_t g1, PackByYear& pack, SeriesTable& out) {
                          owner_series(dataset, r, rows, g0, g1, first, last, options, pack, out);
                        });
}

bool realization_period_range(const Dataset& dataset, Period& first, Period& last) {
  bool any = false;
  for (const Period& p : dataset.realizations.period) {
    if (p.kind() == PeriodKind::Year) continue;
    if (!any || p < first) first = p;
    if (!any || last < p) last = p;
    any = true;
  }
  return any;
}

std::string series_id(const Dataset& dataset, const SeriesTable& series, std::size_t s) {
  if (s >= series.size()) throw error(errc::InvalidArgument, "series_id: no series " + std::to_string(s));
  const Index row = series.subject[s];
  switch (series.level) {
    case TrendLevel::Indicator: return std::string(dataset.indicators.ids[row]);
    case TrendLevel::Employee:
    case TrendLevel::Predikat: return std::string(dataset.employees.nips[row]);
    case TrendLevel::Unit: return std::string(dataset.units.ids[row]);
  }
  return {};
}

TrendTable trend_statistics(const SeriesTable& series, const TrendOptions& options) {
  if (!(options.alpha > 0 && options.alpha < 1)) {
    throw error(errc::InvalidArgument, "trend_statistics: alpha must lie in (0, 1)");
  }
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw error(errc::InvalidArgument, "trend_statistics: confidence must lie in (0, 1)");
  }
  const std::size_t count = series.size();
  const std::size_t points = series.time.size();
  if (series.offsets.size() != count + 1 || series.offsets.front() != 0 || series.offsets.back() != points ||
      series.value.size() != points || series.period.size() != points) {
    throw error(errc::InvalidArgument, "trend_statistics: the offsets and columns of the series do not agree");
  }
  for (std::size_t s = 0; s < count; ++s) {
    if (series.offsets[s + 1] < series.offsets[s]) {
      throw error(errc::InvalidArgument, "trend_statistics: offsets decrease at series " + std::to_string(s));
    }
  }
  TrendTable out;
  out.n.assign(count, 0);
  out.first_period.assign(count, Period());
  out.last_period.assign(count, Period());
  for (auto* column : {&out.ols_slope, &out.ols_intercept, &out.ols_r_squared, &out.ols_p, &out.mk_var_s, &out.mk_z,
                       &out.mk_p, &out.mk_tau, &out.sen_slope, &out.sen_intercept, &out.sen_lower, &out.sen_upper,
                       &out.pettitt_p, &out.hamed_rao_p, &out.seasonal_mk_p}) {
    column->assign(count, nan);
  }
  out.mk_s.assign(count, 0);
  out.pettitt_index.assign(count, 0);
  out.pettitt_period.assign(count, Period());
  out.direction.assign(count, TrendDirection::NoTrend);
  out.status.assign(count, TrendStatus::TooShort);
  const double z = normal_upper_quantile(std::min(options.confidence, 1 - options.confidence) / 2);
  const double hamed_rao_z = normal_upper_quantile(options.alpha / 2);

  // Consecutive series per thread; every row depends on its own series only.
  const unsigned threads = detail::resolve_threads(options.threads, count, 64);
  detail::run_threads(threads, [&](unsigned p) {
    const auto [s0, s1] = detail::part_of(count, threads, p);
    compute_range(series, options, z, hamed_rao_z, s0, s1, out);
  });
  return out;
}

}  // namespace v1
}  // namespace kinerja
