#include "kinerja/distribution_report.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

#include "core/parallel.hpp"
#include "kinerja/score.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Evidence per employee: the weighted capaian of the year, else the calibrated feedback score
// when a calibration is given, else the mean feedback score from supervisor, peers and
// subordinates.
std::vector<double> evidence_of(const Dataset& d, int year, const RulePack& rules,
                                const CalibrationResult* calibration, Threads threads) {
  std::vector<double> evidence = score(d, year, rules, threads).employees.result_score;
  if (calibration != nullptr) {
    for (std::size_t e = 0; e < evidence.size(); ++e) {
      if (std::isnan(evidence[e])) evidence[e] = calibration->fair_score[e];
    }
  }
  std::vector<double> sum(d.employees.size(), 0);
  std::vector<std::uint32_t> count(d.employees.size(), 0);
  for (std::size_t r = 0; r < d.feedback.size(); ++r) {
    const FeedbackSource s = d.feedback.source[r];
    if (d.feedback.period[r].year() != year || s == FeedbackSource::Self || s == FeedbackSource::Public) continue;
    sum[d.feedback.ratee[r]] += d.feedback.score[r];
    ++count[d.feedback.ratee[r]];
  }
  for (std::size_t e = 0; e < evidence.size(); ++e) {
    if (std::isnan(evidence[e]) && count[e] > 0) evidence[e] = sum[e] / count[e];
  }
  return evidence;
}

std::vector<std::size_t> unit_depths(const UnitTable& units) {
  std::vector<std::size_t> depth(units.size(), 0);
  for (std::size_t u = 0; u < units.size(); ++u) {
    std::size_t k = 0;
    for (Index p = units.parent[u]; p != no_index; p = units.parent[p]) ++k;
    depth[u] = k;
  }
  return depth;
}

}  // namespace

namespace {

DistributionReport check_distributions_with(const Dataset& d, const Period& period, const RulePack& rules,
                                            const CalibrationResult* calibration, Threads threads) {
  if (rules.rule_set() != RuleSet::PermenPanRb6_2022) {
    throw error(errc::InvalidArgument, "the distribution curve belongs to PermenPANRB 6/2022; rule pack " +
                                           rules.name() + " has none (use permenpanrb-6-2022)");
  }
  const DistributionPolicy policy = rules.distribution_policy();
  const std::size_t pool_below = rules.pool_smaller_than();
  const std::size_t ne = d.employees.size(), nu = d.units.size();
  DistributionReport report;
  report.period = period;

  std::vector<std::int8_t> predikat(ne, no_value);
  for (std::size_t r = 0; r < d.ratings.size(); ++r) {
    if (d.ratings.period[r] != period) continue;
    predikat[d.ratings.employee[r]] =
        static_cast<std::int8_t>(predikat_from_ratings(d.ratings.result[r], d.ratings.behavior[r]));
  }
  std::vector<std::vector<Index>> members(nu);
  for (std::size_t e = 0; e < ne; ++e) {
    if (predikat[e] == no_value) continue;
    members[d.employees.unit[e]].push_back(static_cast<Index>(e));
    ++report.rated_employees;
  }
  std::vector<std::int8_t> org(nu, no_value);
  for (std::size_t r = 0; r < d.org_ratings.size(); ++r) {
    if (d.org_ratings.period[r] == period) org[d.org_ratings.unit[r]] = static_cast<std::int8_t>(d.org_ratings.predikat[r]);
  }

  // Pool small units into their parents, deepest first, so a chain of tiny units climbs until
  // the group is large enough or reaches a root.
  std::vector<std::vector<Index>> pooled(nu);
  if (pool_below > 0) {
    const std::vector<std::size_t> depth = unit_depths(d.units);
    std::vector<Index> order(nu);
    for (std::size_t u = 0; u < nu; ++u) order[u] = static_cast<Index>(u);
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return depth[a] > depth[b]; });
    for (Index u : order) {
      const Index parent = d.units.parent[u];
      if (members[u].empty() || members[u].size() >= pool_below || parent == no_index) continue;
      members[parent].insert(members[parent].end(), members[u].begin(), members[u].end());
      members[u].clear();
      pooled[parent].push_back(u);
      pooled[parent].insert(pooled[parent].end(), pooled[u].begin(), pooled[u].end());
      pooled[u].clear();
    }
  }

  // Every unit's check, then the suggestions of the units that break the curve (which need the
  // evidence, a whole scoring, only when there is one), each in parts of consecutive units on
  // their own threads, joined in unit order.
  for (std::size_t u = 0; u < nu; ++u) {
    if (!members[u].empty() && org[u] == no_value) report.units_without_org_predikat.push_back(static_cast<Index>(u));
  }
  const unsigned parts = detail::resolve_threads(threads.count, nu, 256);
  std::vector<std::vector<UnitDistribution>> checked(parts);
  detail::run_threads(parts, [&](unsigned part) {
    const auto [u0, u1] = detail::part_of(nu, parts, part);
    for (std::size_t u = u0; u < u1; ++u) {
      if (members[u].empty() || org[u] == no_value) continue;
      UnitDistribution ud;
      ud.unit = static_cast<Index>(u);
      ud.org_predikat = static_cast<OrgPredikat>(org[u]);
      for (Index e : members[u]) ++ud.counts[static_cast<std::size_t>(predikat[e])];
      ud.check = check_distribution(ud.org_predikat, ud.counts, policy);
      ud.pooled_units = pooled[u];
      std::sort(ud.pooled_units.begin(), ud.pooled_units.end());
      checked[part].push_back(std::move(ud));
    }
  });
  for (std::vector<UnitDistribution>& part : checked) {
    for (UnitDistribution& ud : part) report.units.push_back(std::move(ud));
  }
  const auto breaks_curve = [](const UnitDistribution& ud) { return !ud.check.valid; };
  if (std::none_of(report.units.begin(), report.units.end(), breaks_curve)) return report;

  const std::vector<double> evidence = evidence_of(d, period.year(), rules, calibration, threads);
  const std::size_t checked_units = report.units.size();
  const unsigned suggestion_parts = detail::resolve_threads(threads.count, checked_units, 256);
  std::vector<std::vector<DistributionSuggestion>> suggested(suggestion_parts);
  detail::run_threads(suggestion_parts, [&](unsigned part) {
    const auto [k0, k1] = detail::part_of(checked_units, suggestion_parts, part);
    std::vector<DistributionMember> group;
    for (std::size_t k = k0; k < k1; ++k) {
      const UnitDistribution& ud = report.units[k];
      if (ud.check.valid) continue;
      group.clear();
      for (Index e : members[ud.unit]) group.push_back({e, static_cast<Predikat>(predikat[e]), evidence[e]});
      for (const SuggestedChange& c : suggest_distribution_changes(ud.org_predikat, group, policy)) {
        suggested[part].push_back({ud.unit, c.id, c.from, c.to, evidence[c.id], c.reason});
      }
    }
  });
  for (std::vector<DistributionSuggestion>& part : suggested) {
    report.suggestions.insert(report.suggestions.end(), std::make_move_iterator(part.begin()),
                              std::make_move_iterator(part.end()));
  }
  return report;
}

}  // namespace

DistributionReport check_distributions(const Dataset& d, const Period& period, const RulePack& rules,
                                       Threads threads) {
  return check_distributions_with(d, period, rules, nullptr, threads);
}

DistributionReport check_distributions(const Dataset& d, const Period& period, const RulePack& rules,
                                       const CalibrationResult& calibration, Threads threads) {
  if (calibration.fair_score.size() != d.employees.size()) {
    throw error(errc::InvalidArgument, "the calibration belongs to another dataset (employee count differs)");
  }
  return check_distributions_with(d, period, rules, &calibration, threads);
}

}  // namespace v1
}  // namespace kinerja
