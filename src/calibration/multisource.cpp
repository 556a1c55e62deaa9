// Multi-source feedback aggregation: source means, anonymity, weighted combination and
// empirical-Bayes shrinkage (see include/kinerja/multisource.hpp for the definitions).
#include "kinerja/multisource.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kSources = feedback_source_count;
constexpr std::size_t kColleagues = kSources;  // slot of the pooled group in the per-row arrays
constexpr std::size_t kPeer = static_cast<std::size_t>(FeedbackSource::Peer);
constexpr std::size_t kSubordinate = static_cast<std::size_t>(FeedbackSource::Subordinate);

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// Identity of the person behind a feedback row: an employee, a citizen of the public source, or
// (a row without either) the row itself.
std::uint64_t rater_key(const FeedbackTable& f, std::size_t row) {
  if (f.rater[row] != no_index) return f.rater[row];
  if (f.external_rater[row] != no_index) return (std::uint64_t{1} << 32) | f.external_rater[row];
  return (std::uint64_t{2} << 32) | row;
}

void validate(const MultiSourceOptions& o) {
  bool positive = false;
  for (std::size_t s = 0; s < kSources; ++s) {
    const double w = o.weights[s];
    if (!std::isfinite(w) || w < 0) {
      throw error(errc::InvalidArgument, "multi-source weight of '" +
                                             std::string(to_string(static_cast<FeedbackSource>(s))) +
                                             "' must be a finite number >= 0, not " + number(w));
    }
    if (w > 0) positive = true;
  }
  if (!positive) throw error(errc::InvalidArgument, "multi-source weights: at least one source needs a weight > 0");
  if (o.min_group_ratees < 2) {
    throw error(errc::InvalidArgument,
                "multi-source min_group_ratees must be at least 2 (a variance needs two ratees)");
  }
  if (!std::isfinite(o.scale_min) || !std::isfinite(o.scale_max) || !(o.scale_min < o.scale_max)) {
    throw error(errc::InvalidArgument, "multi-source scale must be finite with min < max, not " + number(o.scale_min) +
                                           ".." + number(o.scale_max));
  }
}

void check_scale(const Dataset& d, Period period, const MultiSourceOptions& o) {
  const FeedbackTable& f = d.feedback;
  std::size_t first = f.size(), count = 0;
  for (std::size_t r = 0; r < f.size(); ++r) {
    if (f.period[r] != period) continue;
    const double v = f.score[r];
    if (v >= o.scale_min && v <= o.scale_max) continue;
    if (count++ == 0) first = r;
  }
  if (count == 0) return;
  SourceLocation where;
  where.file = f.source_file.file;
  where.line = f.source_file.lines.line(first);
  std::string msg = "feedback score " + number(f.score[first]) + " (ratee '" +
                    std::string(d.employees.nips[f.ratee[first]]) + "', source " +
                    std::string(to_string(f.source[first])) + ") is outside the scale " + number(o.scale_min) + ".." +
                    number(o.scale_max);
  if (where.line == 0) msg += " (feedback row " + std::to_string(first) + ")";
  if (count > 1) msg += "; " + std::to_string(count - 1) + " more score(s) of period " + period.to_string() + " too";
  throw error(errc::InvalidData, where, msg);
}

// The value of one rater inside one output row: the sum and number of their scores.
struct RaterValue {
  std::uint64_t key = 0;
  double sum = 0;
  std::uint32_t n = 0;
  double value() const { return sum / static_cast<double>(n); }
};

// Figures of one source or of the colleagues pool in one output row.
struct GroupFigures {
  double mean = nan;
  double ss = 0;  // sum of squared deviations of the rater values around the mean
  std::uint32_t raters = 0, scores = 0;
  SourceStatus status = SourceStatus::Absent;
};

GroupFigures figures_of(const std::vector<RaterValue>& values) {
  GroupFigures g;
  if (values.empty()) return g;
  double total = 0;
  for (const RaterValue& v : values) {
    total += v.value();
    g.scores += v.n;
  }
  g.raters = static_cast<std::uint32_t>(values.size());
  g.mean = total / static_cast<double>(values.size());
  for (const RaterValue& v : values) g.ss += (v.value() - g.mean) * (v.value() - g.mean);
  return g;
}

// Rows of one output row, sorted by (source, rater key): the per-source rater values.
void rater_values(const FeedbackTable& f, const std::vector<Index>& rows,
                  std::array<std::vector<RaterValue>, kSources>& out) {
  for (auto& v : out) v.clear();
  for (Index r : rows) {
    auto& list = out[static_cast<std::size_t>(f.source[r])];
    const std::uint64_t key = rater_key(f, r);
    if (list.empty() || list.back().key != key) list.push_back({key, 0.0, 0});
    list.back().sum += f.score[r];
    ++list.back().n;
  }
}

// Union of two key-sorted lists, a rater in both counting once with all their scores.
std::vector<RaterValue> pooled(const std::vector<RaterValue>& a, const std::vector<RaterValue>& b) {
  std::vector<RaterValue> out;
  out.reserve(a.size() + b.size());
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].key < b[j].key)) {
      out.push_back(a[i++]);
    } else if (i == a.size() || b[j].key < a[i].key) {
      out.push_back(b[j++]);
    } else {
      out.push_back({a[i].key, a[i].sum + b[j].sum, a[i].n + b[j].n});
      ++i;
      ++j;
    }
  }
  return out;
}

// Per output row, what the shrinkage pass needs.
struct RowState {
  double x = nan;  // combined
  double c = 0;    // sum (w/W)^2 / r over the used groups
  std::size_t slot = 0;
};

// Running sums of the within-ratee variance of one aspect slot.
struct WithinSums {
  double ss = 0;
  double df = 0;
};

void push_source(SourceColumns& col, const GroupFigures& g) {
  const bool shown = g.status == SourceStatus::Used || g.status == SourceStatus::Unweighted;
  col.mean.push_back(shown ? g.mean : nan);
  col.raters.push_back(g.raters);
  col.scores.push_back(g.scores);
  col.status.push_back(g.status);
}

class Aggregator {
 public:
  Aggregator(const Dataset& d, const MultiSourceOptions& o, MultiSourceScores& out)
      : d_(d), o_(o), out_(out), within_(d.feedback.aspects.size() + 1) {}

  // One output row from its feedback rows (any order).
  void add_row(Index ratee, Index aspect, std::vector<Index>& rows) {
    const FeedbackTable& f = d_.feedback;
    std::sort(rows.begin(), rows.end(), [&](Index a, Index b) {
      return std::make_pair(f.source[a], rater_key(f, a)) < std::make_pair(f.source[b], rater_key(f, b));
    });
    rater_values(f, rows, values_);
    std::array<GroupFigures, kSources + 1> g;
    for (std::size_t s = 0; s < kSources; ++s) g[s] = figures_of(values_[s]);
    const std::uint32_t minimum = std::max<std::uint32_t>(o_.min_raters, 1);
    auto below = [&](std::size_t s) { return g[s].raters > 0 && !o_.anonymity_exempt[s] && g[s].raters < minimum; };

    std::vector<RaterValue> pool;
    double pool_weight = 0;
    const bool merge = o_.below_minimum == AnonymityPolicy::Merge && (below(kPeer) || below(kSubordinate));
    for (std::size_t s = 0; s < kSources; ++s) {
      if (g[s].raters == 0) continue;
      if (merge && (s == kPeer || s == kSubordinate) && !o_.anonymity_exempt[s]) {
        g[s].status = SourceStatus::Merged;
        pool = pooled(pool, values_[s]);
        pool_weight += o_.weights[s];
      } else if (below(s)) {
        g[s].status = SourceStatus::Withheld;
      } else {
        g[s].status = o_.weights[s] > 0 ? SourceStatus::Used : SourceStatus::Unweighted;
      }
    }
    GroupFigures& col = g[kColleagues];
    if (!pool.empty()) {
      col = figures_of(pool);
      if (col.raters < minimum) {
        col.status = SourceStatus::Withheld;
      } else {
        col.status = pool_weight > 0 ? SourceStatus::Used : SourceStatus::Unweighted;
      }
    }

    // Combined score over the used groups, renormalised.
    double w_total = 0, wx = 0;
    for (std::size_t s = 0; s <= kSources; ++s) {
      if (g[s].status != SourceStatus::Used) continue;
      const double w = s == kColleagues ? pool_weight : o_.weights[s];
      w_total += w;
      wx += w * g[s].mean;
    }
    RowState st;
    st.slot = aspect == no_index ? d_.feedback.aspects.size() : aspect;
    if (w_total > 0) {
      st.x = wx / w_total;
      for (std::size_t s = 0; s <= kSources; ++s) {
        if (g[s].status != SourceStatus::Used) continue;
        const double share = (s == kColleagues ? pool_weight : o_.weights[s]) / w_total;
        st.c += share * share / static_cast<double>(g[s].raters);
        within_[st.slot].ss += g[s].ss;
        within_[st.slot].df += static_cast<double>(g[s].raters - 1);
      }
    }

    out_.ratee.push_back(ratee);
    out_.aspect.push_back(aspect);
    for (std::size_t s = 0; s < kSources; ++s) push_source(out_.sources[s], g[s]);
    push_source(out_.colleagues, col);
    out_.combined.push_back(st.x);
    out_.weight.push_back(w_total);
    out_.effective_raters.push_back(st.c > 0 ? 1.0 / st.c : 0.0);
    rows_.push_back(st);
  }

  void shrink() {
    const std::size_t n = rows_.size();
    out_.shrunk.assign(n, nan);
    out_.shrinkage.assign(n, nan);
    out_.shrink_target.assign(n, nan);
    out_.between_variance.assign(n, nan);
    out_.within_variance.assign(n, nan);
    out_.shrink_group.assign(n, ShrinkGroup::None);
    out_.shrink_status.assign(n, ShrinkStatus::NoCombined);
    for (std::size_t i = 0; i < n; ++i) {
      const WithinSums& w = within_[rows_[i].slot];
      if (w.df > 0) out_.within_variance[i] = w.ss / w.df;
      if (std::isnan(rows_[i].x)) continue;
      out_.shrunk[i] = rows_[i].x;
      out_.shrinkage[i] = 1.0;
      out_.shrink_status[i] = o_.shrinkage ? ShrinkStatus::Shrunk : ShrinkStatus::Disabled;
    }
    if (!o_.shrinkage) return;

    // The candidate groups of every row: its unit, its unit's agency, the whole period.
    struct Group {
      double k = 0, sum_x = 0, sum_c = 0, ss = 0;
      double mean() const { return sum_x / k; }
    };
    // Key of a group: aspect slot << 34 | level << 32 | unit or agency row; `none` = no such group.
    constexpr std::uint64_t none = ~std::uint64_t{0};
    std::unordered_map<std::uint64_t, Group> groups;
    auto keys = [&](std::size_t i) {
      const std::uint64_t slot = static_cast<std::uint64_t>(rows_[i].slot) << 34;
      const Index unit = d_.employees.unit[out_.ratee[i]];
      const Index agency = unit == no_index ? no_index : d_.units.agency[unit];
      return std::array<std::uint64_t, 3>{unit == no_index ? none : (slot | unit),
                                          agency == no_index ? none : (slot | (std::uint64_t{1} << 32) | agency),
                                          slot | (std::uint64_t{2} << 32)};
    };
    for (std::size_t i = 0; i < n; ++i) {
      if (std::isnan(rows_[i].x)) continue;
      for (std::uint64_t key : keys(i)) {
        if (key == none) continue;
        Group& gr = groups[key];
        gr.k += 1;
        gr.sum_x += rows_[i].x;
        gr.sum_c += rows_[i].c;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (std::isnan(rows_[i].x)) continue;
      for (std::uint64_t key : keys(i)) {
        if (key == none) continue;
        Group& gr = groups[key];
        const double dev = rows_[i].x - gr.mean();
        gr.ss += dev * dev;
      }
    }
    const double minimum = static_cast<double>(o_.min_group_ratees);
    for (std::size_t i = 0; i < n; ++i) {
      if (std::isnan(rows_[i].x)) continue;
      const auto k3 = keys(i);
      std::size_t level = 0;
      while (level < 3 && (k3[level] == none || groups[k3[level]].k < minimum)) ++level;
      if (level == 3) {
        out_.shrink_status[i] = ShrinkStatus::TooFewRatees;
        continue;
      }
      const double s2 = out_.within_variance[i];
      if (std::isnan(s2)) {
        out_.shrink_status[i] = ShrinkStatus::NoWithinVariance;
        continue;
      }
      const Group& gr = groups[k3[level]];
      const double m = gr.mean();
      const double spread = gr.ss / (gr.k - 1);
      const double tau2 = std::max(0.0, spread - s2 * gr.sum_c / gr.k);
      const double noise = s2 * rows_[i].c;
      const double b = noise > 0 ? tau2 / (tau2 + noise) : 1.0;
      out_.shrink_group[i] = static_cast<ShrinkGroup>(level + 1);
      out_.shrink_target[i] = m;
      out_.between_variance[i] = tau2;
      out_.shrinkage[i] = b;
      out_.shrunk[i] = m + b * (rows_[i].x - m);
    }
  }

 private:
  const Dataset& d_;
  const MultiSourceOptions& o_;
  MultiSourceScores& out_;
  std::vector<WithinSums> within_;
  std::vector<RowState> rows_;
  std::array<std::vector<RaterValue>, kSources> values_;
};

}  // namespace

std::string_view to_string(AnonymityPolicy value) noexcept {
  switch (value) {
    case AnonymityPolicy::Withhold:
      return "withhold";
    case AnonymityPolicy::Merge:
      return "merge";
  }
  return "?";
}

std::string_view to_string(SourceStatus value) noexcept {
  switch (value) {
    case SourceStatus::Absent:
      return "absent";
    case SourceStatus::Used:
      return "used";
    case SourceStatus::Unweighted:
      return "unweighted";
    case SourceStatus::Withheld:
      return "withheld";
    case SourceStatus::Merged:
      return "merged";
  }
  return "?";
}

std::string_view to_string(ShrinkGroup value) noexcept {
  switch (value) {
    case ShrinkGroup::None:
      return "none";
    case ShrinkGroup::Unit:
      return "unit";
    case ShrinkGroup::Agency:
      return "agency";
    case ShrinkGroup::All:
      return "all";
  }
  return "?";
}

std::string_view to_string(ShrinkStatus value) noexcept {
  switch (value) {
    case ShrinkStatus::Shrunk:
      return "shrunk";
    case ShrinkStatus::Disabled:
      return "disabled";
    case ShrinkStatus::NoCombined:
      return "no_combined";
    case ShrinkStatus::TooFewRatees:
      return "too_few_ratees";
    case ShrinkStatus::NoWithinVariance:
      return "no_within_variance";
  }
  return "?";
}

MultiSourceScores aggregate_feedback(const Dataset& dataset, Period period, const MultiSourceOptions& options) {
  validate(options);
  check_scale(dataset, period, options);
  const FeedbackTable& f = dataset.feedback;

  std::vector<Index> rows;
  for (std::size_t r = 0; r < f.size(); ++r) {
    if (f.period[r] == period) rows.push_back(static_cast<Index>(r));
  }
  // Aspect rows sort after the overall row of their ratee: no_index maps to 0, aspect a to a + 1.
  auto aspect_order = [&](Index r) { return f.aspect[r] == no_index ? 0u : f.aspect[r] + 1u; };
  std::sort(rows.begin(), rows.end(), [&](Index a, Index b) {
    return std::make_tuple(f.ratee[a], aspect_order(a), a) < std::make_tuple(f.ratee[b], aspect_order(b), b);
  });

  MultiSourceScores out;
  Aggregator agg(dataset, options, out);
  std::vector<Index> part;
  for (std::size_t begin = 0; begin < rows.size();) {
    const Index ratee = f.ratee[rows[begin]];
    std::size_t end = begin;
    while (end < rows.size() && f.ratee[rows[end]] == ratee) ++end;
    part.assign(rows.begin() + static_cast<std::ptrdiff_t>(begin), rows.begin() + static_cast<std::ptrdiff_t>(end));
    agg.add_row(ratee, no_index, part);
    for (std::size_t a = begin; a < end;) {
      const Index aspect = f.aspect[rows[a]];
      std::size_t b = a;
      while (b < end && f.aspect[rows[b]] == aspect) ++b;
      if (aspect != no_index) {
        part.assign(rows.begin() + static_cast<std::ptrdiff_t>(a), rows.begin() + static_cast<std::ptrdiff_t>(b));
        agg.add_row(ratee, aspect, part);
      }
      a = b;
    }
    begin = end;
  }
  agg.shrink();
  return out;
}

}  // namespace v1
}  // namespace kinerja
