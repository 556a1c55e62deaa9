#include "kinerja/distribution.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <set>
#include <string>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {

namespace {

// ---------------------------------------------------------------------------
// The rule table of SE MenPANRB 3/2023
// ---------------------------------------------------------------------------

enum class Bound : std::uint8_t {
  AtMost,      // count <= percent of n (rounded by the policy); percent 0 = none allowed
  AtLeast,     // count >= percent of n (rounded by the policy)
  AtLeastOne,  // count >= 1
  Majority,    // count > 50% of n
};

// A set of predikat, one bit per class. The sets of the table are contiguous ranges.
using ClassSet = unsigned;

constexpr ClassSet set_of(Predikat p) noexcept { return 1u << static_cast<unsigned>(p); }
constexpr bool contains(ClassSet set, Predikat p) noexcept { return (set & set_of(p)) != 0; }

constexpr ClassSet set_sb = set_of(Predikat::SangatBaik);
constexpr ClassSet set_b = set_of(Predikat::Baik);
constexpr ClassSet set_bp = set_of(Predikat::ButuhPerbaikan);
constexpr ClassSet set_km = set_of(Predikat::KurangMisconduct);
constexpr ClassSet set_sk = set_of(Predikat::SangatKurang);

struct Rule {
  OrgPredikat org;
  std::string_view code;
  ClassSet classes;
  Bound bound;
  int percent;  // of n, for AtMost and AtLeast
};

namespace codes = distribution_rule;

constexpr std::array<Rule, 13> rules = {{
    {OrgPredikat::Istimewa, codes::istimewa_sb_max_70, set_sb, Bound::AtMost, 70},
    {OrgPredikat::Istimewa, codes::istimewa_sb_majority, set_sb, Bound::Majority, 50},
    {OrgPredikat::Baik, codes::baik_b_max_70, set_b, Bound::AtMost, 70},
    {OrgPredikat::Baik, codes::baik_b_majority, set_b, Bound::Majority, 50},
    {OrgPredikat::Baik, codes::baik_bp_km_required, set_bp | set_km, Bound::AtLeastOne, 0},
    {OrgPredikat::ButuhPerbaikan, codes::butuh_perbaikan_sb_max_10, set_sb, Bound::AtMost, 10},
    {OrgPredikat::ButuhPerbaikan, codes::butuh_perbaikan_bp_min_60, set_bp, Bound::AtLeast, 60},
    {OrgPredikat::Kurang, codes::kurang_sb_max_10, set_sb, Bound::AtMost, 10},
    {OrgPredikat::Kurang, codes::kurang_bp_min_10, set_bp, Bound::AtLeast, 10},
    {OrgPredikat::Kurang, codes::kurang_km_min_60, set_km, Bound::AtLeast, 60},
    {OrgPredikat::SangatKurang, codes::sangat_kurang_sb_none, set_sb, Bound::AtMost, 0},
    {OrgPredikat::SangatKurang, codes::sangat_kurang_bp_km_min_10, set_bp | set_km, Bound::AtLeast, 10},
    {OrgPredikat::SangatKurang, codes::sangat_kurang_sk_min_60, set_sk, Bound::AtLeast, 60},
}};

bool is_checked(const Rule& rule, OrgPredikat org, const DistributionPolicy& policy) noexcept {
  return rule.org == org && !(rule.bound == Bound::Majority && policy.majority == MajorityRule::Ignore);
}

bool is_hard(const Rule& rule, const DistributionPolicy& policy) noexcept {
  return rule.bound != Bound::Majority || policy.majority == MajorityRule::Enforce;
}

// ---------------------------------------------------------------------------
// p% of n as a whole count, in integers
// ---------------------------------------------------------------------------

std::int64_t floor_percent(int percent, std::int64_t n) noexcept { return percent * n / 100; }
std::int64_t ceil_percent(int percent, std::int64_t n) noexcept { return (percent * n + 99) / 100; }
std::int64_t round_percent(int percent, std::int64_t n) noexcept { return (percent * n + 50) / 100; }

std::int64_t max_count(int percent, std::int64_t n, RoundingPolicy rounding) noexcept {
  switch (rounding) {
    case RoundingPolicy::Exact: break;
    case RoundingPolicy::RoundHalfUp: return round_percent(percent, n);
    case RoundingPolicy::Lenient: return ceil_percent(percent, n);
  }
  return floor_percent(percent, n);
}

std::int64_t min_count(int percent, std::int64_t n, RoundingPolicy rounding) noexcept {
  switch (rounding) {
    case RoundingPolicy::Exact: break;
    case RoundingPolicy::RoundHalfUp: return round_percent(percent, n);
    case RoundingPolicy::Lenient: return floor_percent(percent, n);
  }
  return ceil_percent(percent, n);
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

using Counts = std::array<std::int64_t, predikat_count>;

std::size_t index_of(Predikat p) noexcept { return static_cast<std::size_t>(p); }

std::int64_t count_in(ClassSet classes, const Counts& counts) noexcept {
  std::int64_t total = 0;
  for (Predikat p : all_predikat) {
    if (contains(classes, p)) total += counts[index_of(p)];
  }
  return total;
}

// A broken rule: `count` is on the wrong side of `limit` by `shortfall` employees.
struct Finding {
  const Rule* rule;
  std::int64_t count;
  std::int64_t limit;
  std::int64_t shortfall;
  bool hard;
};

// The broken rules of `org` for these counts (n > 0), in table order.
std::vector<Finding> find_violations(OrgPredikat org, const Counts& counts, const DistributionPolicy& policy) {
  std::int64_t n = 0;
  for (std::int64_t c : counts) n += c;
  std::vector<Finding> found;
  for (const Rule& rule : rules) {
    if (!is_checked(rule, org, policy)) continue;
    const std::int64_t count = count_in(rule.classes, counts);
    std::int64_t limit = 0;
    std::int64_t shortfall = 0;
    switch (rule.bound) {
      case Bound::AtMost:
        limit = max_count(rule.percent, n, policy.rounding);
        shortfall = count - limit;
        break;
      case Bound::AtLeast:
        limit = min_count(rule.percent, n, policy.rounding);
        shortfall = limit - count;
        break;
      case Bound::AtLeastOne:
        limit = 1;
        shortfall = limit - count;
        break;
      case Bound::Majority:
        limit = n / 2 + 1;
        shortfall = limit - count;
        break;
    }
    if (shortfall > 0) found.push_back({&rule, count, limit, shortfall, is_hard(rule, policy)});
  }
  return found;
}

// The number of employees by which the binding (hard) rules are missed.
std::int64_t hard_shortfall(OrgPredikat org, const Counts& counts, const DistributionPolicy& policy) {
  std::int64_t total = 0;
  for (const Finding& f : find_violations(org, counts, policy)) {
    if (f.hard) total += f.shortfall;
  }
  return total;
}

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

std::string_view display_name(Predikat p) noexcept {
  switch (p) {
    case Predikat::SangatBaik: return "Sangat Baik";
    case Predikat::Baik: return "Baik";
    case Predikat::ButuhPerbaikan: return "Butuh Perbaikan";
    case Predikat::KurangMisconduct: return "Kurang/Misconduct";
    case Predikat::SangatKurang: return "Sangat Kurang";
  }
  return "";
}

std::string_view display_name(OrgPredikat org) noexcept {
  switch (org) {
    case OrgPredikat::Istimewa: return "Istimewa";
    case OrgPredikat::Baik: return "Baik";
    case OrgPredikat::ButuhPerbaikan: return "Butuh Perbaikan";
    case OrgPredikat::Kurang: return "Kurang";
    case OrgPredikat::SangatKurang: return "Sangat Kurang";
  }
  return "";
}

std::string display_name(ClassSet classes) {
  std::string out;
  for (Predikat p : all_predikat) {
    if (!contains(classes, p)) continue;
    if (!out.empty()) out += " + ";
    out += display_name(p);
  }
  return out;
}

// "Baik 15 of 20 exceeds 70% (at most 14)".
std::string describe(const Finding& f, std::int64_t n) {
  const Rule& rule = *f.rule;
  std::string text = display_name(rule.classes) + " " + std::to_string(f.count) + " of " + std::to_string(n);
  const std::string percent = std::to_string(rule.percent) + "%";
  const std::string limit = std::to_string(f.limit);
  switch (rule.bound) {
    case Bound::AtMost:
      return text + (rule.percent == 0 ? ": none allowed" : " exceeds " + percent + " (at most " + limit + ")");
    case Bound::AtLeast: return text + " is below " + percent + " (at least " + limit + ")";
    case Bound::AtLeastOne: return text + ": at least 1 required";
    case Bound::Majority: return text + " is not most (more than 50%, at least " + limit + ")";
  }
  return text;
}

std::string format_evidence(double value) {
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, res.ptr);
}

// ---------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------

// A change of class, from -> to; down = towards Sangat Kurang.
struct Move {
  Predikat from;
  Predikat to;
  bool down() const noexcept { return index_of(to) > index_of(from); }
};

// The class `steps` away from p (negative = better), if there is one.
std::optional<Predikat> shifted(Predikat p, int steps) noexcept {
  const int i = static_cast<int>(p) + steps;
  if (i < 0 || i >= predikat_count) return std::nullopt;
  return all_predikat[static_cast<std::size_t>(i)];
}

// The moves that could repair a broken rule, in order of preference: nearest first, down
// (demotion) before up (promotion) at equal distance.
std::vector<Move> repairing_moves(const Rule& rule) {
  Predikat best = Predikat::SangatKurang;
  Predikat worst = Predikat::SangatBaik;
  for (Predikat p : all_predikat) {
    if (!contains(rule.classes, p)) continue;
    best = std::min(best, p);
    worst = std::max(worst, p);
  }
  std::vector<Move> moves;
  for (int distance = 1; distance < predikat_count; ++distance) {
    if (rule.bound == Bound::AtMost) {  // over-full: a member leaves the set
      if (auto to = shifted(worst, distance)) moves.push_back({worst, *to});
      if (auto to = shifted(best, -distance)) moves.push_back({best, *to});
    } else {  // under-filled: a member joins the set
      if (auto from = shifted(best, -distance)) moves.push_back({*from, best});
      if (auto from = shifted(worst, distance)) moves.push_back({*from, worst});
    }
  }
  return moves;
}

// Members without evidence after those with evidence; then by evidence; ties by the lower id.
bool has_evidence(const DistributionMember& m) noexcept { return !std::isnan(m.evidence); }

bool demote_first(const DistributionMember& x, const DistributionMember& y) noexcept {
  if (has_evidence(x) != has_evidence(y)) return has_evidence(x);
  if (has_evidence(x) && x.evidence < y.evidence) return true;
  if (has_evidence(x) && y.evidence < x.evidence) return false;
  return x.id < y.id;
}

bool promote_first(const DistributionMember& x, const DistributionMember& y) noexcept {
  if (has_evidence(x) != has_evidence(y)) return has_evidence(x);
  if (has_evidence(x) && x.evidence > y.evidence) return true;
  if (has_evidence(x) && y.evidence > x.evidence) return false;
  return x.id < y.id;
}

// The members of each class, in demotion order and in promotion order, as moves happen.
class ClassMembers {
 public:
  explicit ClassMembers(const std::vector<DistributionMember>& members)
      : demotion_(make_sets(Order{&members, true})), promotion_(make_sets(Order{&members, false})) {
    for (std::size_t i = 0; i < members.size(); ++i) insert(i, members[i].predikat);
  }

  // The member that `move` would take, if its class has one.
  std::optional<std::size_t> next(const Move& move) const {
    const auto& set = (move.down() ? demotion_ : promotion_)[index_of(move.from)];
    if (set.empty()) return std::nullopt;
    return *set.begin();
  }

  void apply(std::size_t member, const Move& move) {
    demotion_[index_of(move.from)].erase(member);
    promotion_[index_of(move.from)].erase(member);
    insert(member, move.to);
  }

 private:
  struct Order {
    const std::vector<DistributionMember>* members;
    bool demotion;
    bool operator()(std::size_t x, std::size_t y) const noexcept {
      return demotion ? demote_first((*members)[x], (*members)[y]) : promote_first((*members)[x], (*members)[y]);
    }
  };
  using Set = std::set<std::size_t, Order>;
  using Sets = std::array<Set, predikat_count>;

  static Sets make_sets(const Order& order) {
    static_assert(predikat_count == 5, "one set per predikat");
    return {Set(order), Set(order), Set(order), Set(order), Set(order)};
  }

  void insert(std::size_t member, Predikat p) {
    demotion_[index_of(p)].insert(member);
    promotion_[index_of(p)].insert(member);
  }

  Sets demotion_;
  Sets promotion_;
};

// "demote: Baik 15 of 20 exceeds 70% (at most 14) for organisation Baik [baik.b_max_70];
//  lowest evidence in Baik (87.5)".
std::string reason_for(const Move& move, const Finding& finding, std::int64_t n, OrgPredikat org,
                       const DistributionMember& member) {
  std::string reason = move.down() ? "demote: " : "promote: ";
  reason += describe(finding, n);
  reason += " for organisation ";
  reason += display_name(org);
  reason += " [" + std::string(finding.rule->code) + "]; ";
  if (has_evidence(member)) {
    reason += move.down() ? "lowest" : "highest";
    reason += " evidence in " + std::string(display_name(move.from)) + " (" + format_evidence(member.evidence) + ")";
  } else {
    reason += "no evidence in " + std::string(display_name(move.from)) + "; members with evidence go first";
  }
  return reason;
}

void check_members(const std::vector<DistributionMember>& members) {
  std::vector<std::uint32_t> ids;
  ids.reserve(members.size());
  for (const DistributionMember& m : members) {
    if (index_of(m.predikat) >= all_predikat.size()) {
      throw error(errc::InvalidArgument, "member " + std::to_string(m.id) + " has an invalid predikat");
    }
    ids.push_back(m.id);
  }
  std::sort(ids.begin(), ids.end());
  const auto dup = std::adjacent_find(ids.begin(), ids.end());
  if (dup != ids.end()) throw error(errc::InvalidArgument, "duplicate member id " + std::to_string(*dup));
}

}  // namespace

DistributionCheck check_distribution(OrgPredikat org, const PredikatCounts& counts, const DistributionPolicy& policy) {
  Counts wide{};
  std::int64_t n = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] < 0) {
      throw error(errc::InvalidArgument, "negative count of " + std::string(display_name(all_predikat[i])));
    }
    wide[i] = counts[i];
    n += counts[i];
  }
  if (n > std::numeric_limits<int>::max()) throw error(errc::InvalidArgument, "more employees than INT_MAX");

  DistributionCheck check;
  check.employees = static_cast<int>(n);
  if (n == 0) return check;
  for (const Finding& f : find_violations(org, wide, policy)) {
    check.violations.push_back({std::string(f.rule->code), f.hard, describe(f, n)});
    if (f.hard) check.valid = false;
  }
  return check;
}

std::vector<SuggestedChange> suggest_distribution_changes(OrgPredikat org,
                                                          const std::vector<DistributionMember>& members,
                                                          const DistributionPolicy& policy) {
  check_members(members);
  if (members.empty()) return {};
  Counts counts{};
  for (const DistributionMember& m : members) ++counts[index_of(m.predikat)];
  const auto n = static_cast<std::int64_t>(members.size());

  ClassMembers classes(members);
  std::vector<Predikat> current(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) current[i] = members[i].predikat;
  // The members that moved, in the order of their first move, with the reasons of every move.
  std::vector<std::size_t> moved;
  std::vector<std::string> reasons(members.size());

  // Every accepted move lowers the hard shortfall, a non-negative integer: the loop ends.
  for (std::int64_t shortfall = hard_shortfall(org, counts, policy); shortfall > 0;) {
    bool changed = false;
    for (const Finding& finding : find_violations(org, counts, policy)) {
      if (!finding.hard) continue;
      for (const Move& move : repairing_moves(*finding.rule)) {
        const std::optional<std::size_t> member = classes.next(move);
        if (!member) continue;
        Counts after = counts;
        --after[index_of(move.from)];
        ++after[index_of(move.to)];
        const std::int64_t after_shortfall = hard_shortfall(org, after, policy);
        if (after_shortfall >= shortfall) continue;

        std::string& reason = reasons[*member];
        if (reason.empty()) moved.push_back(*member);
        reason += (reason.empty() ? "" : "; then ") + reason_for(move, finding, n, org, members[*member]);
        classes.apply(*member, move);
        current[*member] = move.to;
        counts = after;
        shortfall = after_shortfall;
        changed = true;
        break;
      }
      if (changed) break;
    }
    if (!changed) break;  // nothing helps any more: return what was found
  }

  std::vector<SuggestedChange> changes;
  for (std::size_t i : moved) {
    const DistributionMember& m = members[i];
    if (current[i] != m.predikat) changes.push_back({m.id, m.predikat, current[i], std::move(reasons[i])});
  }
  return changes;
}

}  // namespace v1
}  // namespace kinerja
