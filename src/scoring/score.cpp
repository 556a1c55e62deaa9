#include "kinerja/score.hpp"

#include "core/memory.hpp"
#include "core/parallel.hpp"
#include "dataset/indexed_realizations.hpp"
#include "kinerja/pp30.hpp"
#include "kinerja/pp46.hpp"
#include "scoring/numeric_regimes.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace kinerja {
inline namespace v1 {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// The year value of one indicator from its realisations (rows k0..k1 of the index).
struct YearValue {
  double value = nan;
  std::uint32_t periods = 0;
};

// Fast path: rows k0..k1 are contiguous, in period order and none covers the whole year, so
// only the values are read. All five statistics are computed and the accumulation picks one:
// no branch depends on the indicator's accumulation, which varies row by row. The sums run in
// four fixed lanes (two vectors of two), so results do not depend on the compiler or the machine.
#if defined(__GNUC__) || defined(__clang__)
using Lanes = double __attribute__((vector_size(16)));
inline Lanes lanes_min(Lanes a, Lanes b) { return a < b ? a : b; }
inline Lanes lanes_max(Lanes a, Lanes b) { return a > b ? a : b; }
#else
struct Lanes {
  double x[2];
  double operator[](int j) const { return x[j]; }
  Lanes& operator+=(Lanes o) { x[0] += o.x[0]; x[1] += o.x[1]; return *this; }
};
inline Lanes operator+(Lanes a, Lanes b) { return a += b; }
inline Lanes lanes_min(Lanes a, Lanes b) { return {{a.x[0] < b.x[0] ? a.x[0] : b.x[0], a.x[1] < b.x[1] ? a.x[1] : b.x[1]}}; }
inline Lanes lanes_max(Lanes a, Lanes b) { return {{a.x[0] > b.x[0] ? a.x[0] : b.x[0], a.x[1] > b.x[1] ? a.x[1] : b.x[1]}}; }
#endif

inline Lanes load_lanes(const double* p) {
  Lanes x;
  std::memcpy(&x, p, sizeof x);
  return x;
}

YearValue year_value_in_order(const double* value, std::uint64_t k0, std::uint64_t k1, Accumulation accumulation) {
  YearValue out;
  const std::uint64_t n = k1 - k0;
  out.periods = static_cast<std::uint32_t>(n);
  if (n == 0) return out;
  const double* v = value + k0;
  const Lanes first = {v[0], v[0]}, zero = {0.0, 0.0};
  // Lanes 0-1 in sum0/lo0/hi0, lanes 2-3 in sum1/lo1/hi1.
  Lanes sum0 = zero, sum1 = zero, lo0 = first, lo1 = first, hi0 = first, hi1 = first;
  std::uint64_t k = 0;
  for (; k + 4 <= n; k += 4) {
    const Lanes x0 = load_lanes(v + k), x1 = load_lanes(v + k + 2);
    sum0 += x0;
    sum1 += x1;
    lo0 = lanes_min(lo0, x0);
    lo1 = lanes_min(lo1, x1);
    hi0 = lanes_max(hi0, x0);
    hi1 = lanes_max(hi1, x1);
  }
  for (; k < n; ++k) {  // the rest goes to lane 0
    const Lanes x = {v[k], 0.0}, both = {v[k], v[k]};
    sum0 += x;
    lo0 = lanes_min(lo0, both);
    hi0 = lanes_max(hi0, both);
  }
  const Lanes sum2 = sum0 + sum1, lo = lanes_min(lo0, lo1), hi = lanes_max(hi0, hi1);
  const double sum = sum2[0] + sum2[1];
  const double lowest = lo[0] < lo[1] ? lo[0] : lo[1], highest = hi[0] > hi[1] ? hi[0] : hi[1];
  // Indexed by Accumulation: Last, Sum, Mean, Max, Min.
  const double stats[5] = {v[n - 1], sum, sum / static_cast<double>(n), highest, lowest};
  out.value = stats[static_cast<std::size_t>(accumulation)];
  return out;
}

// `row` maps the k-th entry of the index to a table row (identity when the table is grouped).
template <typename RowOf>
YearValue year_value(const RealizationTable& r, std::uint64_t k0, std::uint64_t k1, Accumulation accumulation,
                     RowOf row) {
  YearValue out;
  out.periods = static_cast<std::uint32_t>(k1 - k0);
  if (k0 == k1) return out;
  const double* value = r.value.data();
  const Period* period = r.period.data();
  double sum = 0, lo = std::numeric_limits<double>::infinity(), hi = -lo, last = nan;
  std::uint32_t last_key = 0;
  for (std::uint64_t k = k0; k < k1; ++k) {
    const std::size_t i = row(k);
    const double v = value[i];
    const std::uint32_t key = period[i].key();
    if (period[i].kind() == PeriodKind::Year) {
      // A realisation for the whole year is the year value (the realisasi akhir).
      out.value = v;
      out.periods = 1;
      return out;
    }
    sum += v;
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
    if (key >= last_key) {
      last_key = key;
      last = v;
    }
  }
  switch (accumulation) {
    case Accumulation::Sum: out.value = sum; break;
    case Accumulation::Mean: out.value = sum / static_cast<double>(k1 - k0); break;
    case Accumulation::Max: out.value = hi; break;
    case Accumulation::Min: out.value = lo; break;
    case Accumulation::Last: out.value = last; break;
  }
  return out;
}

// Steps 1-3 for every indicator of the year: year value, capaian, and the running sums of its
// owner and of its cascade parent. `row(k)` is the indicator row of output row k.
//
// On one thread, run() does all three in one pass, so that every column is read once. On
// several, each thread runs steps 1-2 on a part of consecutive rows, then add_all() adds the rows
// to the sums on one thread, in row order: the sums are then added in the same order as in one
// pass, so the result does not depend on the thread count.
struct IndicatorPass {
  const IndicatorTable* ind = nullptr;
  const RealizationTable* real = nullptr;  // indexed
  AchievementPolicy policy;
  bool two_minus_ratio = true, missing_is_zero = false, count_tambahan = false;
  IndicatorScores* out = nullptr;           // columns already sized
  detail::OwnerSums* owner_sums = nullptr;  // employees, then units
  std::size_t unit_sums_offset = 0;
  // The cascade roll-up, per output row of a parent (null when no indicator of the year has a
  // parent): children counted (the output column), the sum of their included capaian (in the
  // output column, divided at the end) and how many were included.
  std::uint32_t* parent_children = nullptr;
  double* parent_sum = nullptr;
  std::uint32_t* parent_included = nullptr;
  const Index* row_of = nullptr;  // indicator -> output row, with the roll-up

  template <typename RowOf>
  void run(std::size_t k0, std::size_t k1, RowOf row, bool sums) const {
    const IndicatorTable& t = *ind;
    const RealizationTable& r = *real;
    const bool grouped = r.order.empty();
    const double* value = r.value.data();
    const std::uint64_t* offsets = r.offsets.data();
    const std::uint8_t* in_period_order = r.in_period_order.data();
    const Accumulation* accumulation = t.accumulation.data();
    const Polarity* polarity = t.polarity.data();
    const double* target = t.target.data();
    const double* weight = t.weight.data();
    double* realization = out->realization.data();
    std::uint32_t* periods = out->periods.data();
    double* achievement = out->achievement.data();
    double* capped_achievement = out->capped_achievement.data();
    double* weight_out = out->weight.data();
    IndicatorStatus* status_out = out->status.data();
    for (std::size_t k = k0; k < k1; ++k) {
      const Index i = row(k);
      YearValue yv;
      if (grouped && in_period_order[i]) {
        yv = year_value_in_order(value, offsets[i], offsets[i + 1], accumulation[i]);
      } else if (grouped) {
        yv = year_value(r, offsets[i], offsets[i + 1], accumulation[i],
                        [](std::uint64_t x) { return static_cast<std::size_t>(x); });
      } else {
        yv = year_value(r, offsets[i], offsets[i + 1], accumulation[i],
                        [&r](std::uint64_t x) { return static_cast<std::size_t>(r.order[x]); });
      }
      realization[k] = yv.value;
      periods[k] = yv.periods;
      IndicatorStatus status = IndicatorStatus::NoRealization;
      double c = nan;
      const Polarity p = polarity[i];
      const double t_i = target[i];
      if (yv.periods > 0 && two_minus_ratio && (p == Polarity::Max || p == Polarity::Min) && t_i > 0.0) {
        // The common case without branches on the polarity (same formulas as achievement_percent).
        const double ratio = yv.value / t_i;
        const double as_min = (2.0 - ratio) * 100.0;
        const double clamped = policy.clamp_negative && as_min < 0.0 ? 0.0 : as_min;
        // Chosen by indexing, not branching: compilers turn the ternary into a jump, and the
        // polarity changes from row to row.
        const double by_polarity[2] = {clamped, ratio * 100.0};
        c = by_polarity[p == Polarity::Max];
        status = IndicatorStatus::Ok;
      } else if (yv.periods > 0) {
        c = achievement_percent(p, t_i, t.target_upper[i], yv.value, policy, status);
      }
      const double capped_or_not[2] = {c, policy.cap};  // same as cap_achievement(), without a jump
      const double capped = capped_or_not[c > policy.cap];
      const double given = weight[i];
      const bool has_weight = !std::isnan(given);
      const double w = has_weight ? given : 1.0;
      achievement[k] = c;
      capped_achievement[k] = capped;
      status_out[k] = status;
      weight_out[k] = w;
      if (sums) add(i, status == IndicatorStatus::Ok, capped, has_weight, w);
    }
  }

  // Step 3 for rows 0 .. n - 1 after run(..., false) has computed them.
  template <typename RowOf>
  void add_all(std::size_t n, RowOf row) const {
    const double* weight = ind->weight.data();
    for (std::size_t k = 0; k < n; ++k) {
      const Index i = row(k);
      add(i, out->status[k] == IndicatorStatus::Ok, out->capped_achievement[k], !std::isnan(weight[i]), out->weight[k]);
    }
  }

  // Adds indicator i (capped capaian `capped` when ok, weight w) to its owner and cascade parent.
  void add(Index i, bool ok, double capped, bool has_weight, double w) const {
    const IndicatorTable& t = *ind;
    if (t.kind[i] == IndicatorKind::Utama || count_tambahan) {
      detail::OwnerSums& a = owner_sums[t.owner[i] + (t.owner_type[i] == OwnerType::Unit ? unit_sums_offset : 0)];
      ++a.counted;
      if (has_weight) ++a.weighted;
      if (ok || missing_is_zero) {
        const double included = ok ? capped : 0.0;
        if (ok) ++a.scored;
        if (has_weight) {
          a.weighted_sum += w * included;
          a.weight_total += w;
        }
        a.equal_sum += included;
        ++a.equal_count;
      }
    }
    if (parent_children != nullptr) {
      // The children of a cascade belong to different owners, whose weights do not compare:
      // the roll-up is their plain mean.
      const Index parent = t.parent[i];
      if (parent != no_index && row_of[parent] != no_index) {
        const Index k = row_of[parent];
        ++parent_children[k];
        if (ok || missing_is_zero) {
          parent_sum[k] += ok ? capped : 0.0;
          ++parent_included[k];
        }
      }
    }
  }

  // Steps 1-3 for rows 0 .. n - 1 on `threads` threads.
  template <typename RowOf>
  void run_all(std::size_t n, RowOf row, Threads threads) const {
    const unsigned parts = detail::resolve_threads(threads.count, n, 16384);
    if (parts == 1) {
      run(0, n, row, true);
      return;
    }
    detail::run_threads(parts, [&](unsigned part) {
      const auto [k0, k1] = detail::part_of(n, parts, part);
      run(k0, k1, row, false);
    });
    add_all(n, row);
  }
};

// The aggregate of one owner: weights given -> weighted mean over them; none given -> plain mean.
double aggregate_value(const detail::OwnerSums& a) {
  if (a.weighted > 0) return a.weight_total > 0 ? a.weighted_sum / a.weight_total : nan;
  return a.equal_count > 0 ? a.equal_sum / a.equal_count : nan;
}

}  // namespace

const std::array<std::string_view, 5>& predikat_labels(RuleSet rule_set) noexcept {
  // The spellings of each regime's own enum, best first.
  static const std::array<std::string_view, 5> pp6 = {
      to_string(Predikat::SangatBaik), to_string(Predikat::Baik), to_string(Predikat::ButuhPerbaikan),
      to_string(Predikat::KurangMisconduct), to_string(Predikat::SangatKurang)};
  static const std::array<std::string_view, 5> pp30 = {
      to_string(Pp30Predikat::SangatBaik), to_string(Pp30Predikat::Baik), to_string(Pp30Predikat::Cukup),
      to_string(Pp30Predikat::Kurang), to_string(Pp30Predikat::SangatKurang)};
  static const std::array<std::string_view, 5> pp46 = {
      to_string(Pp46Sebutan::SangatBaik), to_string(Pp46Sebutan::Baik), to_string(Pp46Sebutan::Cukup),
      to_string(Pp46Sebutan::Kurang), to_string(Pp46Sebutan::Buruk)};
  switch (rule_set) {
    case RuleSet::PermenPanRb6_2022: return pp6;
    case RuleSet::PermenPanRb8_2021: return pp30;
    case RuleSet::Pp46_2011: return pp46;
  }
  return pp6;
}

ScoreResult score(const Dataset& d, int year, const RulePack& rules, Threads threads) {
  ScoreResult out;
  score_into(d, year, rules, out, threads);
  return out;
}

void score_into(const Dataset& d, int year, const RulePack& rules, ScoreResult& out, Threads threads) {
  const IndicatorTable& ind = d.indicators;
  const RealizationTable& real = d.realizations;
  const AchievementPolicy policy = rules.achievement_policy();
  const bool missing_is_zero = rules.missing_indicator() == MissingIndicator::Zero;
  const bool count_tambahan = rules.count_tambahan();

  out.year = year;
  out.rule_set = rules.rule_set();
  out.rule_pack = rules.label();
  out.warnings.clear();

  // 1-2. Year value and capaian of every indicator of the year.
  IndicatorScores& is = out.indicators;
  is.indicator.clear();
  detail::reserve_huge(is.indicator, ind.size());
  bool any_parent = false;
  for (std::size_t i = 0; i < ind.size(); ++i) {
    if (ind.year[i] == year) {
      is.indicator.push_back(static_cast<Index>(i));
      any_parent = any_parent || ind.parent[i] != no_index;
    }
  }
  const std::size_t n = is.indicator.size();
  detail::reserve_huge(is.realization, n);
  detail::reserve_huge(is.periods, n);
  detail::reserve_huge(is.achievement, n);
  detail::reserve_huge(is.capped_achievement, n);
  detail::reserve_huge(is.weight, n);
  detail::reserve_huge(is.status, n);
  is.realization.resize(n);
  is.periods.resize(n);
  is.achievement.resize(n);
  is.capped_achievement.resize(n);
  is.weight.resize(n);
  is.status.resize(n);
  // Columns that only some packs or datasets fill stay empty otherwise (see score.hpp).
  const bool numeric = rules.rule_set() != RuleSet::PermenPanRb6_2022;
  is.nilai.assign(numeric ? n : 0, nan);
  is.children.assign(any_parent ? n : 0, 0);
  is.children_achievement.assign(any_parent ? n : 0, 0.0);  // the sums, until divided below
  std::vector<std::uint32_t> children_included(any_parent ? n : 0, 0);
  // Running sums per employee and unit, in the reused workspace.
  const std::size_t ne_sums = d.employees.size(), nu_sums = d.units.size();
  out.workspace.assign(ne_sums + nu_sums, detail::OwnerSums{});
  detail::OwnerSums* by_employee = out.workspace.data();
  detail::OwnerSums* by_unit = by_employee + ne_sums;
  std::vector<Index> row_of(any_parent ? ind.size() : 0, no_index);  // indicator -> row in `is`
  if (any_parent) {
    for (std::size_t k = 0; k < n; ++k) row_of[is.indicator[k]] = static_cast<Index>(k);
  }
  // The index of realisations by indicator (built on a copy when the dataset has none).
  const detail::IndexedRealizations indexed(real, ind.size());
  IndicatorPass pass;
  pass.ind = &ind;
  pass.real = indexed.get();
  pass.policy = policy;
  pass.two_minus_ratio = policy.minimize == MinimizeFormula::TwoMinusRatio;
  pass.missing_is_zero = missing_is_zero;
  pass.count_tambahan = count_tambahan;
  pass.out = &is;
  pass.owner_sums = by_employee;
  pass.unit_sums_offset = ne_sums;
  if (any_parent) {
    pass.parent_children = is.children.data();
    pass.parent_sum = is.children_achievement.data();
    pass.parent_included = children_included.data();
    pass.row_of = row_of.data();
  }
  // Indicators of one year usually form one block of rows: then the row is computed, not read.
  const Index first = n > 0 ? is.indicator[0] : 0;
  if (n > 0 && is.indicator[n - 1] - first == n - 1) {
    pass.run_all(n, [first](std::size_t k) { return static_cast<Index>(first + k); }, threads);
  } else {
    const Index* rows = is.indicator.data();
    pass.run_all(n, [rows](std::size_t k) { return rows[k]; }, threads);
  }
  for (std::size_t k = 0; k < children_included.size(); ++k) {
    is.children_achievement[k] = children_included[k] > 0 ? is.children_achievement[k] / children_included[k] : nan;
  }
  // An owner that gives weights to some indicators and not to others: the others count 0.
  bool any_mixed = false;
  for (std::size_t o = 0; o < ne_sums + nu_sums; ++o) {
    const detail::OwnerSums& a = by_employee[o];  // employees, then units
    any_mixed = any_mixed || (a.weighted > 0 && a.weighted < a.counted);
  }
  for (std::size_t k = 0; any_mixed && k < n; ++k) {
    const Index i = is.indicator[k];
    const detail::OwnerSums& a =
        ind.owner_type[i] == OwnerType::Employee ? by_employee[ind.owner[i]] : by_unit[ind.owner[i]];
    if (a.weighted > 0 && !ind.has_weight(i)) {
      is.weight[k] = 0.0;
      if (a.weighted < a.counted && (ind.kind[i] == IndicatorKind::Utama || count_tambahan)) {
        out.warnings.push_back(detail::row_warning(
            ind.source, i,
            "indicator '" + std::string(ind.ids[i]) +
                "' has no weight while others of its owner and year have one: it counts with weight 0"));
      }
    }
  }

  // 4. Employees: result score and predikat.
  EmployeeScores& es = out.employees;
  const std::size_t ne = d.employees.size();
  es.employee.resize(ne);
  es.result_score.resize(ne);
  es.behavior_score.assign(ne, nan);
  es.final_score.assign(ne, nan);
  es.result_rating.assign(ne, no_value);
  es.behavior_rating.assign(ne, no_value);
  es.predikat.assign(ne, no_value);
  es.suggested_result_rating.assign(ne, no_value);
  es.indicators.resize(ne);
  es.indicators_scored.resize(ne);
  for (std::size_t e = 0; e < ne; ++e) {
    es.employee[e] = static_cast<Index>(e);
    es.result_score[e] = aggregate_value(by_employee[e]);
    es.indicators[e] = by_employee[e].counted;
    es.indicators_scored[e] = by_employee[e].scored;
  }
  const Period annual = Period::year(year);
  const RatingTable& ratings = d.ratings;
  for (std::size_t r = 0; r < ratings.size(); ++r) {
    if (ratings.period[r] != annual) continue;
    const Index e = ratings.employee[r];
    es.result_rating[e] = static_cast<std::int8_t>(ratings.result[r]);
    es.behavior_rating[e] = static_cast<std::int8_t>(ratings.behavior[r]);
  }
  if (rules.rule_set() == RuleSet::PermenPanRb6_2022) {
    for (std::size_t e = 0; e < ne; ++e) {
      if (es.result_rating[e] == no_value) continue;
      es.predikat[e] = static_cast<std::int8_t>(
          predikat_from_ratings(static_cast<Rating>(es.result_rating[e]), static_cast<Rating>(es.behavior_rating[e])));
    }
    if (rules.get("suggestion.ratings") == "achievement") {
      const double above = std::strtod(rules.get("suggestion.above_at_least").c_str(), nullptr);
      const double below = std::strtod(rules.get("suggestion.below_under").c_str(), nullptr);
      for (std::size_t e = 0; e < ne; ++e) {
        const double s = es.result_score[e];
        if (std::isnan(s)) continue;
        const Rating r = s >= above ? Rating::Above : (s < below ? Rating::Below : Rating::Meets);
        es.suggested_result_rating[e] = static_cast<std::int8_t>(r);
      }
    }
  }


  if (rules.rule_set() == RuleSet::PermenPanRb8_2021) detail::score_pp30(d, year, rules, out);
  if (rules.rule_set() == RuleSet::Pp46_2011) detail::score_pp46(d, year, rules, out);

  // Units: own IKU and predikat counts of their members.
  UnitScores& us = out.units;
  const std::size_t nu = d.units.size();
  us.unit.resize(nu);
  us.iku_achievement.resize(nu);
  us.iku.resize(nu);
  us.employees.assign(nu, 0);
  us.counts.assign(nu, PredikatCounts{});
  for (std::size_t u = 0; u < nu; ++u) {
    us.unit[u] = static_cast<Index>(u);
    us.iku_achievement[u] = aggregate_value(by_unit[u]);
    us.iku[u] = by_unit[u].counted;
  }
  // Roll-up: every unit with an IKU capaian adds it to itself and each ancestor.
  us.subtree_iku_achievement.assign(nu, 0.0);
  us.subtree_units.assign(nu, 0);
  for (std::size_t u = 0; u < nu; ++u) {
    const double v = us.iku_achievement[u];
    if (std::isnan(v)) continue;
    for (Index a = static_cast<Index>(u); a != no_index; a = d.units.parent[a]) {
      us.subtree_iku_achievement[a] += v;
      ++us.subtree_units[a];
    }
  }
  for (std::size_t u = 0; u < nu; ++u) {
    us.subtree_iku_achievement[u] =
        us.subtree_units[u] > 0 ? us.subtree_iku_achievement[u] / us.subtree_units[u] : nan;
  }
  for (std::size_t e = 0; e < ne; ++e) {
    const Index u = d.employees.unit[e];
    ++us.employees[u];
    if (es.predikat[e] != no_value) ++us.counts[u][static_cast<std::size_t>(es.predikat[e])];
  }
}

}  // namespace v1
}  // namespace kinerja
