#include "kinerja/achievement.hpp"

namespace kinerja {
inline namespace v1 {

std::string_view to_string(IndicatorStatus status) noexcept {
  switch (status) {
    case IndicatorStatus::Ok: return "ok";
    case IndicatorStatus::NoRealization: return "no_realization";
    case IndicatorStatus::InvalidTarget: return "invalid_target";
    case IndicatorStatus::ZeroRealization: return "zero_realization";
  }
  return "";
}

std::string_view to_string(MinimizeFormula value) noexcept {
  return value == MinimizeFormula::TwoMinusRatio ? "two_minus_ratio" : "target_over_realization";
}

std::string_view to_string(RangeInside value) noexcept {
  return value == RangeInside::Full ? "full" : "nearest_bound";
}

}  // namespace v1
}  // namespace kinerja
