// kinerja: capaian (achievement) of one indicator, and the year value of its period values.
//
// Capaian, in percent, with R the realisation and T the target (PermenPANRB 8/2021 Lampiran
// Bab VI; the same formulas in LKjIP practice):
//   max        R / T x 100
//   min        (2 - R / T) x 100 by default (the "kondisi khusus" formula), or T / R x 100 as a
//              setting; negative results clamp to 0 (setting)
//   range_max  inside [L, U]: 100 (setting); below L: R / L x 100; above U: R / U x 100
//   range_min  inside [L, U]: 100 (setting); below L: (2 - R / L) x 100; above U: (2 - R / U) x 100
//   range      inside [L, U]: 100; below L: R / L x 100; above U: (2 - R / U) x 100 (stabilise:
//              deviation either way lowers the capaian)
// The cap (default 120%) applies per indicator before weighting. All of this is continuous in R
// and T except at the cap, which is itself continuous, so double arithmetic is exact enough here;
// the discontinuous regulation thresholds use kinerja::Rational elsewhere.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

#include "kinerja/export.hpp"
#include "kinerja/vocabulary.hpp"

namespace kinerja {
inline namespace v1 {

/// Formula for lower-is-better indicators.
enum class MinimizeFormula : std::uint8_t {
  TwoMinusRatio,        ///< (2 - R/T) x 100: PermenPANRB 8/2021 "kondisi khusus", LKjIP practice (default)
  TargetOverRealization ///< T / R x 100: common in Kemenkeu-style applications
};

/// Capaian of a realisation inside a target range (range_max, range_min).
enum class RangeInside : std::uint8_t {
  Full,         ///< 100%: the target is met (default; the regulation is silent)
  NearestBound  ///< the polarity's formula against the nearer bound (ties: the lower bound)
};

/// How capaian is computed. Defaults are those of the built-in rule packs.
struct AchievementPolicy {
  MinimizeFormula minimize = MinimizeFormula::TwoMinusRatio;
  RangeInside range_inside = RangeInside::Full;
  bool clamp_negative = true;  ///< (2 - R/T) below 0 becomes 0
  double cap = 120.0;          ///< percent; +infinity for no cap
};

/// Why an indicator has, or has no, capaian. Never a silent 0 or NaN in an output.
enum class IndicatorStatus : std::uint8_t {
  Ok = 0,
  NoRealization,  ///< no value recorded for the year
  InvalidTarget,  ///< the target cannot be divided by (<= 0, or an empty range)
  ZeroRealization ///< T / R with R = 0 (minimize formula TargetOverRealization)
};

KIN_CXX_API std::string_view to_string(IndicatorStatus status) noexcept;
KIN_CXX_API std::string_view to_string(MinimizeFormula value) noexcept;
KIN_CXX_API std::string_view to_string(RangeInside value) noexcept;

/// Capaian in percent, before capping; NaN with a status other than Ok when undefined.
inline double achievement_percent(Polarity polarity, double target, double target_upper, double realization,
                                  const AchievementPolicy& policy, IndicatorStatus& status) noexcept {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  status = IndicatorStatus::Ok;
  auto ratio_max = [&](double t) { return realization / t * 100.0; };
  auto ratio_min = [&](double t) -> double {
    if (policy.minimize == MinimizeFormula::TargetOverRealization) {
      if (realization == 0.0) {
        status = IndicatorStatus::ZeroRealization;
        return nan;
      }
      return t / realization * 100.0;
    }
    const double c = (2.0 - realization / t) * 100.0;
    return policy.clamp_negative && c < 0.0 ? 0.0 : c;
  };
  switch (polarity) {
    case Polarity::Max:
    case Polarity::Min:
      if (!(target > 0.0)) {
        status = IndicatorStatus::InvalidTarget;
        return nan;
      }
      return polarity == Polarity::Max ? ratio_max(target) : ratio_min(target);
    case Polarity::Range:
    case Polarity::RangeMax:
    case Polarity::RangeMin: {
      const double lower = target, upper = target_upper;
      if (!(upper > 0.0) || !(lower >= 0.0) || lower > upper) {
        status = IndicatorStatus::InvalidTarget;
        return nan;
      }
      if (realization < lower) {
        if (!(lower > 0.0)) {
          status = IndicatorStatus::InvalidTarget;
          return nan;
        }
        return polarity == Polarity::RangeMin ? ratio_min(lower) : ratio_max(lower);
      }
      if (realization > upper) return polarity == Polarity::RangeMax ? ratio_max(upper) : ratio_min(upper);
      if (polarity == Polarity::Range || policy.range_inside == RangeInside::Full) return 100.0;
      const bool lower_is_nearer = (realization - lower) <= (upper - realization) && lower > 0.0;
      const double bound = lower_is_nearer ? lower : upper;
      return polarity == Polarity::RangeMax ? ratio_max(bound) : ratio_min(bound);
    }
  }
  status = IndicatorStatus::InvalidTarget;
  return nan;
}

/// The cap of a policy applied to a capaian (NaN stays NaN).
inline double cap_achievement(double achievement, const AchievementPolicy& policy) noexcept {
  return achievement > policy.cap ? policy.cap : achievement;
}

}  // namespace v1
}  // namespace kinerja
