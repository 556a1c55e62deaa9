#include "kinerja/distribution_report.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kinerja/score.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Evidence per employee: the weighted capaian of the year, else the calibrated feedback score
// when a calibration is given, else the mean feedback score from supervisor, peers and
// subordinates.
std::vector<double> evidence_of(const Dataset& d, int year, const RulePack& rules,
                                const CalibrationResult* calibration) {
  std::vector<double> evidence = score(d, year, rules).employees.result_score;
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
                                            const CalibrationResult* calibration) {
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

  std::vector<double> evidence;
  for (std::size_t u = 0; u < nu; ++u) {
    if (members[u].empty()) continue;
    if (org[u] == no_value) {
      report.units_without_org_predikat.push_back(static_cast<Index>(u));
      continue;
    }
    UnitDistribution ud;
    ud.unit = static_cast<Index>(u);
    ud.org_predikat = static_cast<OrgPredikat>(org[u]);
    for (Index e : members[u]) ++ud.counts[static_cast<std::size_t>(predikat[e])];
    ud.check = check_distribution(ud.org_predikat, ud.counts, policy);
    ud.pooled_units = pooled[u];
    std::sort(ud.pooled_units.begin(), ud.pooled_units.end());
    if (!ud.check.valid) {
      if (evidence.empty()) evidence = evidence_of(d, period.year(), rules, calibration);
      std::vector<DistributionMember> group;
      for (Index e : members[u]) group.push_back({e, static_cast<Predikat>(predikat[e]), evidence[e]});
      for (const SuggestedChange& c : suggest_distribution_changes(ud.org_predikat, group, policy)) {
        report.suggestions.push_back({ud.unit, c.id, c.from, c.to, evidence[c.id], c.reason});
      }
    }
    report.units.push_back(std::move(ud));
  }
  return report;
}

}  // namespace

DistributionReport check_distributions(const Dataset& d, const Period& period, const RulePack& rules) {
  return check_distributions_with(d, period, rules, nullptr);
}

DistributionReport check_distributions(const Dataset& d, const Period& period, const RulePack& rules,
                                       const CalibrationResult& calibration) {
  if (calibration.fair_score.size() != d.employees.size()) {
    throw error(errc::InvalidArgument, "the calibration belongs to another dataset (employee count differs)");
  }
  return check_distributions_with(d, period, rules, &calibration);
}

}  // namespace v1
}  // namespace kinerja
