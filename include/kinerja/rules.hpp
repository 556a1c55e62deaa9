// kinerja: rule packs, the named and versioned sets of rules and policies.
//
// Every computation that the regulations decide runs under a rule pack. A pack names its legal
// regime and holds every policy where a regulation is silent or ambiguous as a named setting
// with a documented default (docs/scoring.md lists them all with their reasons):
//
//   permenpanrb-6-2022  PermenPANRB 6/2022 + SE MenPANRB 3/2023 (2022 onwards; the default):
//                       categorical ratings, the 3x3 matrix, the distribution curve
//   permenpanrb-8-2021  PP 30/2019 + PermenPANRB 8/2021 (2021): nilai IKI, nilai SKP, 70/30 or
//                       60/40 with perilaku, predikat with the innovation rule
//   pp-46-2011          PP 46/2011 + Perka BKN 1/2013 (2014-2020): per-activity SKP with the
//                       1.76 rule, 60/40 with perilaku, sebutan
//
// Settings are text key = value pairs ("achievement.cap" = "120"), checked when set, so that a
// pack can come from the command line (--set k=v) or a rules file and still never hold an invalid
// value. Typed accessors turn them into the policy structs the analyses take.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kinerja/achievement.hpp"
#include "kinerja/distribution.hpp"
#include "kinerja/export.hpp"
#include "kinerja/ikm.hpp"
#include "kinerja/multisource.hpp"
#include "kinerja/rater_diagnostics.hpp"

namespace kinerja {
inline namespace v1 {

/// The legal regime of a rule pack.
enum class RuleSet : std::uint8_t {
  PermenPanRb6_2022 = 0,  ///< categorical ratings and the 3x3 matrix
  PermenPanRb8_2021 = 1,  ///< numeric nilai kinerja 0..120
  Pp46_2011 = 2,          ///< numeric nilai prestasi kerja
};

/// How an indicator without a usable capaian counts in a weighted aggregate.
enum class MissingIndicator : std::uint8_t {
  Exclude,  ///< left out, the other weights renormalised (default)
  Zero,     ///< counts as capaian 0
};

/// One setting of a pack, for display.
struct RuleSetting {
  std::string key;
  std::string value;
  std::string default_value;
  std::string allowed;      ///< e.g. "exact | round_half_up | lenient", or "a number > 0 | none"
  std::string description;  ///< one line, with the regulation it comes from
};

class KIN_CXX_API RulePack {
 public:
  /// The built-in pack `name`; throws errc::NotFound listing the names that exist.
  static RulePack builtin(std::string_view name);
  /// "permenpanrb-6-2022", "permenpanrb-8-2021", "pp-46-2011".
  static const std::vector<std::string>& builtin_names();
  /// The pack for an assessment year: 2022 onwards 6/2022, 2021 8/2021, before that PP 46/2011.
  static RulePack for_year(int year);

  const std::string& name() const noexcept { return name_; }
  /// Version of the pack's defaults; it changes whenever a default changes, so that a stored
  /// result can say exactly which rules made it.
  int version() const noexcept { return version_; }
  RuleSet rule_set() const noexcept { return rule_set_; }
  /// "permenpanrb-6-2022@1", with "+modified" when a setting differs from its default.
  std::string label() const;

  /// Changes a setting; throws errc::NotFound for an unknown key and errc::InvalidArgument for a
  /// value outside the allowed ones (the message lists them).
  void set(std::string_view key, std::string_view value);
  /// The value of a setting; throws errc::NotFound for an unknown key.
  const std::string& get(std::string_view key) const;
  /// Every setting of the pack, in a stable order.
  std::vector<RuleSetting> settings() const;
  /// True if any setting differs from the pack's default.
  bool modified() const;

  // Typed views of the settings.
  AchievementPolicy achievement_policy() const;
  MissingIndicator missing_indicator() const;
  /// Whether tambahan (additional) indicators count in the weighted result score.
  bool count_tambahan() const;
  /// The curve settings (6/2022 packs; throws errc::NotFound for other packs).
  DistributionPolicy distribution_policy() const;
  /// Units with fewer rated employees are checked with their parent (0: never).
  std::size_t pool_smaller_than() const;
  IkmWeight ikm_weight() const;
  /// The feedback.* settings (every pack). Cross-setting rules (scale_min < scale_max, some
  /// weight > 0) are checked by the analyses that take the options.
  MultiSourceOptions multisource_options() const;
  /// The raters.* settings (every pack).
  RaterDiagnosticsOptions rater_diagnostics_options() const;

 private:
  RulePack(RuleSet rule_set, std::string name, int version);
  RuleSet rule_set_;
  std::string name_;
  int version_;
  std::vector<std::pair<std::string, std::string>> values_;
};

KIN_CXX_API std::string_view to_string(RuleSet value) noexcept;

}  // namespace v1
}  // namespace kinerja
