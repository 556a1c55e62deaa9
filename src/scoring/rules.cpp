#include "kinerja/rules.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

// Which packs a setting belongs to.
constexpr unsigned in_6_2022 = 1u << 0;
constexpr unsigned in_8_2021 = 1u << 1;
constexpr unsigned in_46_2011 = 1u << 2;
constexpr unsigned in_all = in_6_2022 | in_8_2021 | in_46_2011;

enum class ValueKind { Choice, PositiveNumber, PositiveNumberOrNone, Count, Number, NonNegativeNumber, Probability };

struct SettingDef {
  const char* key;
  ValueKind kind;
  std::vector<std::string> choices;  // for Choice
  unsigned packs;
  const char* default_6_2022;
  const char* default_8_2021;
  const char* default_46_2011;
  const char* description;
};

const std::vector<SettingDef>& definitions() {
  static const std::vector<SettingDef> defs = {
      {"achievement.minimize", ValueKind::Choice, {"two_minus_ratio", "target_over_realization"}, in_all,
       "two_minus_ratio", "two_minus_ratio", "two_minus_ratio",
       "capaian of lower-is-better indicators: (2 - R/T) x 100 (PermenPANRB 8/2021 kondisi khusus) or T/R x 100"},
      {"achievement.range_inside", ValueKind::Choice, {"full", "nearest_bound"}, in_all, "full", "full", "full",
       "capaian inside a target range: 100% (the regulation is silent) or the formula against the nearer bound"},
      {"achievement.clamp_negative", ValueKind::Choice, {"true", "false"}, in_all, "true", "true", "true",
       "a negative (2 - R/T) capaian becomes 0"},
      {"achievement.cap", ValueKind::PositiveNumberOrNone, {}, in_all, "120", "120", "none",
       "cap per indicator, in percent, applied before weighting (PP 30/2019 and PermenPANRB 8/2021 cap at 120)"},
      {"aggregation.missing", ValueKind::Choice, {"exclude", "zero"}, in_all, "exclude", "exclude", "exclude",
       "an indicator without capaian is left out and the weights renormalised, or counts as 0"},
      {"aggregation.tambahan", ValueKind::Choice, {"exclude", "include"}, in_all, "exclude", "exclude", "exclude",
       "whether tambahan (additional) indicators count in the weighted result score"},
      {"distribution.rounding", ValueKind::Choice, {"exact", "round_half_up", "lenient"}, in_6_2022, "exact", "", "",
       "how p% of n is rounded for the curve of SE MenPANRB 3/2023 (not specified there)"},
      {"distribution.majority", ValueKind::Choice, {"warn", "enforce", "ignore"}, in_6_2022, "warn", "", "",
       "the 'sebagian besar' (> 50%) floor of SE MenPANRB 3/2023; its 70% cap is always enforced"},
      {"distribution.pool_smaller_than", ValueKind::Count, {}, in_6_2022, "0", "", "",
       "units with fewer employees are checked together with their parent unit (0: never pool)"},
      {"ikm.weight", ValueKind::Choice, {"one_ninth", "0.11", "0.111"}, in_all, "one_ninth", "one_ninth", "one_ninth",
       "weight per unsur of the IKM: exactly 1/9, or the 0.11 printed in PermenPANRB 14/2017 (x 0.99)"},
      {"suggestion.ratings", ValueKind::Choice, {"none", "achievement"}, in_6_2022, "none", "", "",
       "suggest a result rating from the weighted capaian; never the regulation (PermenPANRB 6/2022 has no "
       "numeric mapping)"},
      {"suggestion.above_at_least", ValueKind::PositiveNumber, {}, in_6_2022, "110", "", "",
       "with suggestion.ratings = achievement: weighted capaian from which 'above' is suggested"},
      {"suggestion.below_under", ValueKind::PositiveNumber, {}, in_6_2022, "80", "", "",
       "with suggestion.ratings = achievement: weighted capaian under which 'below' is suggested"},
      {"nilai_iki.gap", ValueKind::Choice, {"round_integer", "extend_lower_band", "error"}, in_8_2021, "",
       "round_integer", "",
       "capaian between the integer bands of the PermenPANRB 8/2021 nilai table (e.g. 99.5)"},
      {"perilaku.weight", ValueKind::Choice, {"auto", "70_30", "60_40"}, in_8_2021, "", "auto", "",
       "PP 30/2019 Pasal 41: 70/30 without, 60/40 with peer or subordinate input; auto decides per employee "
       "from feedback.csv"},
      {"perilaku.sources", ValueKind::Choice, {"internal", "supervisor", "all"}, in_8_2021 | in_46_2011, "",
       "internal", "supervisor",
       "which feedback.csv scores make the nilai perilaku (their mean): supervisor, peers and subordinates "
       "(internal), the supervisor only, or all sources including self and public"},
      // Multi-source feedback (feedback.csv) and the calibration of raters: kinerja's choices, as
      // the regulation gives no numeric rule for 360-degree feedback (docs/calibration.md).
      {"feedback.scale_min", ValueKind::Number, {}, in_all, "0", "0", "0",
       "lowest score of the feedback scale; a score below it is an error"},
      {"feedback.scale_max", ValueKind::Number, {}, in_all, "100", "100", "100",
       "highest score of the feedback scale; a score above it is an error"},
      {"feedback.weight.supervisor", ValueKind::NonNegativeNumber, {}, in_all, "60", "60", "60",
       "weight of the supervisor's scores in the combined feedback score (only ratios matter)"},
      {"feedback.weight.peer", ValueKind::NonNegativeNumber, {}, in_all, "20", "20", "20",
       "weight of the peers' mean in the combined feedback score"},
      {"feedback.weight.subordinate", ValueKind::NonNegativeNumber, {}, in_all, "20", "20", "20",
       "weight of the subordinates' mean in the combined feedback score"},
      {"feedback.weight.self", ValueKind::NonNegativeNumber, {}, in_all, "0", "0", "0",
       "weight of the self rating (0: reported apart, not mixed in)"},
      {"feedback.weight.public", ValueKind::NonNegativeNumber, {}, in_all, "0", "0", "0",
       "weight of the public's (citizens') mean (0: reported apart)"},
      {"feedback.min_raters", ValueKind::Count, {}, in_all, "3", "3", "3",
       "distinct peers or subordinates a source needs before its mean is shown and used (anonymity)"},
      {"feedback.below_minimum", ValueKind::Choice, {"withhold", "merge"}, in_all, "withhold", "withhold", "withhold",
       "a source under feedback.min_raters is withheld, or peers and subordinates are merged into one group"},
      {"feedback.shrinkage", ValueKind::Choice, {"true", "false"}, in_all, "true", "true", "true",
       "empirical-Bayes shrinkage of combined scores from few raters toward their unit's mean"},
      {"feedback.shrinkage_min_ratees", ValueKind::Count, {}, in_all, "3", "3", "3",
       "ratees a unit needs to be the shrinkage target (else its agency, else everyone)"},
      {"calibration.model", ValueKind::Choice, {"random", "fixed"}, in_all, "random", "random", "random",
       "rater effects as crossed random effects (REML, as lme4) or as fixed effects (least squares)"},
      {"calibration.behavior_ratings", ValueKind::Choice, {"matched", "none"}, in_6_2022, "matched", "", "",
       "suggest behaviour ratings from calibrated scores with the same counts as the Penilai gave (matched), "
       "or suggest none"},
      {"raters.min_ratees", ValueKind::Count, {}, in_all, "3", "3", "3",
       "ratees a rater needs before a rater flag is tested"},
      {"raters.leniency_z", ValueKind::PositiveNumber, {}, in_all, "2", "2", "2",
       "|z| of a rater's leniency from which the rater is flagged lenient or severe"},
      {"raters.leniency_passes", ValueKind::Count, {}, in_all, "5", "5", "5",
       "passes of the leniency estimate that correct the other raters' own leniency (1..100)"},
      {"raters.central_tendency_ratio", ValueKind::PositiveNumber, {}, in_all, "0.5", "0.5", "0.5",
       "spread across ratees, relative to the pooled spread, at or below which central tendency is flagged"},
      {"raters.central_tendency_p", ValueKind::Probability, {}, in_all, "0.01", "0.01", "0.01",
       "central tendency also needs a spread this unlikely by chance (1: the ratio alone)"},
      {"raters.halo_ratio", ValueKind::PositiveNumber, {}, in_all, "0.5", "0.5", "0.5",
       "spread across aspects, relative to everyone's, at or below which halo is flagged"},
      {"raters.straight_line_share", ValueKind::Probability, {}, in_all, "0.8", "0.8", "0.8",
       "share of a rater's ratees with one score on every aspect from which straight-lining is flagged"},
      {"raters.straight_line_min_aspects", ValueKind::Count, {}, in_all, "3", "3", "3",
       "aspects a ratee needs to count for straight-lining"},
      {"raters.reciprocal_delta", ValueKind::PositiveNumber, {}, in_all, "10", "10", "10",
       "points by which two peers rating each other must both exceed the other raters to be flagged"},
      {"raters.distribution_test", ValueKind::Choice, {"kolmogorov_smirnov", "mann_whitney"}, in_all,
       "kolmogorov_smirnov", "kolmogorov_smirnov", "kolmogorov_smirnov",
       "test of a rater's scores against the rest of the unit's raters"},
      {"raters.distribution_p", ValueKind::Probability, {}, in_all, "0.01", "0.01", "0.01",
       "p-value at or below which a rater's distribution is flagged as different from the unit's"},
      {"trend.sum_target", ValueKind::Choice, {"prorated", "full"}, in_all, "prorated", "prorated", "prorated",
       "employee and unit series: a sum indicator's year-to-date value against its target pro-rated by the elapsed "
       "share of the year, or against the whole target"},
      {"projection.level", ValueKind::Probability, {}, in_all, "0.9", "0.9", "0.9",
       "level of the prediction interval of the year-end projection (below 1)"},
      {"projection.on_track_at_least", ValueKind::Number, {}, in_all, "100", "100", "100",
       "on_track when even the pessimistic projected capaian reaches this (no regulation sets it)"},
      {"projection.off_track_under", ValueKind::Number, {}, in_all, "100", "100", "100",
       "off_track when even the optimistic projected capaian stays below this"},
      {"raters.include_self", ValueKind::Choice, {"false", "true"}, in_all, "false", "false", "false",
       "count self ratings in the rater diagnostics"},
  };
  return defs;
}

unsigned mask_of(RuleSet rs) {
  switch (rs) {
    case RuleSet::PermenPanRb6_2022: return in_6_2022;
    case RuleSet::PermenPanRb8_2021: return in_8_2021;
    case RuleSet::Pp46_2011: return in_46_2011;
  }
  return 0;
}

const char* default_of(const SettingDef& d, RuleSet rs) {
  switch (rs) {
    case RuleSet::PermenPanRb6_2022: return d.default_6_2022;
    case RuleSet::PermenPanRb8_2021: return d.default_8_2021;
    case RuleSet::Pp46_2011: return d.default_46_2011;
  }
  return "";
}

const SettingDef* find_def(std::string_view key, RuleSet rs) {
  for (const SettingDef& d : definitions()) {
    if (key == d.key && (d.packs & mask_of(rs)) != 0) return &d;
  }
  return nullptr;
}

std::string allowed_text(const SettingDef& d) {
  switch (d.kind) {
    case ValueKind::Choice: {
      std::string out;
      for (const std::string& c : d.choices) out += (out.empty() ? "" : " | ") + c;
      return out;
    }
    case ValueKind::PositiveNumber: return "a number > 0";
    case ValueKind::PositiveNumberOrNone: return "a number > 0 | none";
    case ValueKind::Count: return "an integer >= 0";
    case ValueKind::Number: return "a number";
    case ValueKind::NonNegativeNumber: return "a number >= 0";
    case ValueKind::Probability: return "a number > 0 and <= 1";
  }
  return "";
}

bool parse_number(std::string_view v, double& out) {
  const auto res = std::from_chars(v.data(), v.data() + v.size(), out);
  return !v.empty() && res.ec == std::errc() && res.ptr == v.data() + v.size() && std::isfinite(out);
}

bool parse_positive(std::string_view v, double& out) { return parse_number(v, out) && out > 0; }

double number_of(const std::string& v) {
  double out = 0;
  parse_number(v, out);  // checked in set()
  return out;
}

double number_or_none(const std::string& v) {
  if (v == "none") return std::numeric_limits<double>::infinity();
  double out = 0;
  parse_positive(v, out);  // checked in set()
  return out;
}

}  // namespace

RulePack::RulePack(RuleSet rule_set, std::string name, int version)
    : rule_set_(rule_set), name_(std::move(name)), version_(version) {
  for (const SettingDef& d : definitions()) {
    if (d.packs & mask_of(rule_set)) values_.emplace_back(d.key, default_of(d, rule_set));
  }
}

const std::vector<std::string>& RulePack::builtin_names() {
  static const std::vector<std::string> names = {"permenpanrb-6-2022", "permenpanrb-8-2021", "pp-46-2011"};
  return names;
}

RulePack RulePack::builtin(std::string_view name) {
  if (name == "permenpanrb-6-2022") return RulePack(RuleSet::PermenPanRb6_2022, std::string(name), 1);
  if (name == "permenpanrb-8-2021") return RulePack(RuleSet::PermenPanRb8_2021, std::string(name), 1);
  if (name == "pp-46-2011") return RulePack(RuleSet::Pp46_2011, std::string(name), 1);
  std::string known;
  for (const std::string& n : builtin_names()) known += (known.empty() ? "" : ", ") + n;
  throw error(errc::NotFound, "unknown rule pack '" + std::string(name) + "' (built-in: " + known + ")");
}

RulePack RulePack::for_year(int year) {
  if (year >= 2022) return builtin("permenpanrb-6-2022");
  if (year == 2021) return builtin("permenpanrb-8-2021");
  return builtin("pp-46-2011");
}

std::string RulePack::label() const {
  std::string out = name_ + "@" + std::to_string(version_);
  if (modified()) out += "+modified";
  return out;
}

void RulePack::set(std::string_view key, std::string_view value) {
  const SettingDef* d = find_def(key, rule_set_);
  if (d == nullptr) {
    throw error(errc::NotFound, "rule pack " + name_ + " has no setting '" + std::string(key) +
                                    "' (see: kinerja rules show " + name_ + ")");
  }
  bool ok = false;
  switch (d->kind) {
    case ValueKind::Choice:
      ok = std::find(d->choices.begin(), d->choices.end(), value) != d->choices.end();
      break;
    case ValueKind::PositiveNumber:
    case ValueKind::PositiveNumberOrNone: {
      double v = 0;
      ok = (d->kind == ValueKind::PositiveNumberOrNone && value == "none") || parse_positive(value, v);
      break;
    }
    case ValueKind::Number:
    case ValueKind::NonNegativeNumber:
    case ValueKind::Probability: {
      double v = 0;
      ok = parse_number(value, v) && (d->kind == ValueKind::Number || v >= 0) &&
           (d->kind != ValueKind::Probability || (v > 0 && v <= 1));
      break;
    }
    case ValueKind::Count:
      ok = !value.empty() && value.size() < 10 && std::all_of(value.begin(), value.end(), [](char c) {
        return c >= '0' && c <= '9';
      });
      break;
  }
  if (!ok) {
    throw error(errc::InvalidArgument, "invalid value '" + std::string(value) + "' for " + std::string(key) +
                                           " (allowed: " + allowed_text(*d) + ")");
  }
  for (auto& [k, v] : values_) {
    if (k == key) v = std::string(value);
  }
}

const std::string& RulePack::get(std::string_view key) const {
  for (const auto& [k, v] : values_) {
    if (k == key) return v;
  }
  throw error(errc::NotFound, "rule pack " + name_ + " has no setting '" + std::string(key) + "'");
}

std::vector<RuleSetting> RulePack::settings() const {
  std::vector<RuleSetting> out;
  for (const SettingDef& d : definitions()) {
    if ((d.packs & mask_of(rule_set_)) == 0) continue;
    out.push_back({d.key, get(d.key), default_of(d, rule_set_), allowed_text(d), d.description});
  }
  return out;
}

bool RulePack::modified() const {
  for (const SettingDef& d : definitions()) {
    if ((d.packs & mask_of(rule_set_)) != 0 && get(d.key) != default_of(d, rule_set_)) return true;
  }
  return false;
}

AchievementPolicy RulePack::achievement_policy() const {
  AchievementPolicy p;
  p.minimize = get("achievement.minimize") == "target_over_realization" ? MinimizeFormula::TargetOverRealization
                                                                         : MinimizeFormula::TwoMinusRatio;
  p.range_inside = get("achievement.range_inside") == "nearest_bound" ? RangeInside::NearestBound : RangeInside::Full;
  p.clamp_negative = get("achievement.clamp_negative") == "true";
  p.cap = number_or_none(get("achievement.cap"));
  return p;
}

MissingIndicator RulePack::missing_indicator() const {
  return get("aggregation.missing") == "zero" ? MissingIndicator::Zero : MissingIndicator::Exclude;
}

bool RulePack::count_tambahan() const { return get("aggregation.tambahan") == "include"; }

DistributionPolicy RulePack::distribution_policy() const {
  DistributionPolicy p;
  const std::string& rounding = get("distribution.rounding");
  p.rounding = rounding == "round_half_up" ? RoundingPolicy::RoundHalfUp
               : rounding == "lenient"     ? RoundingPolicy::Lenient
                                           : RoundingPolicy::Exact;
  const std::string& majority = get("distribution.majority");
  p.majority = majority == "enforce" ? MajorityRule::Enforce
               : majority == "ignore" ? MajorityRule::Ignore
                                      : MajorityRule::Warn;
  return p;
}

std::size_t RulePack::pool_smaller_than() const {
  return static_cast<std::size_t>(std::stoul(get("distribution.pool_smaller_than")));
}

IkmWeight RulePack::ikm_weight() const {
  const std::string& w = get("ikm.weight");
  return w == "0.11" ? IkmWeight::Regulation011 : w == "0.111" ? IkmWeight::Regulation0111 : IkmWeight::ExactOneNinth;
}

MultiSourceOptions RulePack::multisource_options() const {
  MultiSourceOptions o;
  o.scale_min = number_of(get("feedback.scale_min"));
  o.scale_max = number_of(get("feedback.scale_max"));
  o.weights[static_cast<std::size_t>(FeedbackSource::Supervisor)] = number_of(get("feedback.weight.supervisor"));
  o.weights[static_cast<std::size_t>(FeedbackSource::Self)] = number_of(get("feedback.weight.self"));
  o.weights[static_cast<std::size_t>(FeedbackSource::Peer)] = number_of(get("feedback.weight.peer"));
  o.weights[static_cast<std::size_t>(FeedbackSource::Subordinate)] = number_of(get("feedback.weight.subordinate"));
  o.weights[static_cast<std::size_t>(FeedbackSource::Public)] = number_of(get("feedback.weight.public"));
  o.min_raters = static_cast<std::uint32_t>(std::stoul(get("feedback.min_raters")));
  o.below_minimum = get("feedback.below_minimum") == "merge" ? AnonymityPolicy::Merge : AnonymityPolicy::Withhold;
  o.shrinkage = get("feedback.shrinkage") == "true";
  o.min_group_ratees = static_cast<std::uint32_t>(std::stoul(get("feedback.shrinkage_min_ratees")));
  return o;
}

RaterDiagnosticsOptions RulePack::rater_diagnostics_options() const {
  RaterDiagnosticsOptions o;
  o.include_self = get("raters.include_self") == "true";
  o.min_ratees = static_cast<std::uint32_t>(std::stoul(get("raters.min_ratees")));
  o.leniency_z = number_of(get("raters.leniency_z"));
  o.leniency_passes = static_cast<std::uint32_t>(std::stoul(get("raters.leniency_passes")));
  o.central_tendency_ratio = number_of(get("raters.central_tendency_ratio"));
  o.central_tendency_p = number_of(get("raters.central_tendency_p"));
  o.halo_ratio = number_of(get("raters.halo_ratio"));
  o.straight_line_share = number_of(get("raters.straight_line_share"));
  o.straight_line_min_aspects = static_cast<std::uint32_t>(std::stoul(get("raters.straight_line_min_aspects")));
  o.reciprocal_delta = number_of(get("raters.reciprocal_delta"));
  o.distribution_test = get("raters.distribution_test") == "mann_whitney" ? DistributionTest::MannWhitney
                                                                          : DistributionTest::KolmogorovSmirnov;
  o.distribution_p = number_of(get("raters.distribution_p"));
  return o;
}

std::string_view to_string(RuleSet value) noexcept {
  switch (value) {
    case RuleSet::PermenPanRb6_2022: return "permenpanrb-6-2022";
    case RuleSet::PermenPanRb8_2021: return "permenpanrb-8-2021";
    case RuleSet::Pp46_2011: return "pp-46-2011";
  }
  return "";
}

}  // namespace v1
}  // namespace kinerja
