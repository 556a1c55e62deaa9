#include "kinerja/predikat.hpp"

#include <string>

#include "core/text_util.hpp"

namespace kinerja {
inline namespace v1 {

std::string_view to_string(Predikat value) noexcept {
  switch (value) {
    case Predikat::SangatBaik: return "sangat_baik";
    case Predikat::Baik: return "baik";
    case Predikat::ButuhPerbaikan: return "butuh_perbaikan";
    case Predikat::KurangMisconduct: return "kurang_misconduct";
    case Predikat::SangatKurang: return "sangat_kurang";
  }
  return "";
}

std::optional<Predikat> parse_predikat(std::string_view text) noexcept {
  const std::string key = detail::normalize_key(detail::trim(text));
  for (Predikat p : all_predikat) {
    if (key == to_string(p)) return p;
  }
  if (key == "kurang" || key == "misconduct" || key == "kurang/misconduct") return Predikat::KurangMisconduct;
  if (key == "cukup") return Predikat::ButuhPerbaikan;
  return std::nullopt;
}

Predikat predikat_from_ratings(Rating result, Rating behavior) noexcept {
  if (behavior == Rating::Below) {
    return result == Rating::Below ? Predikat::SangatKurang : Predikat::KurangMisconduct;
  }
  if (result == Rating::Below) return Predikat::ButuhPerbaikan;
  if (result == Rating::Above && behavior == Rating::Above) return Predikat::SangatBaik;
  return Predikat::Baik;
}

}  // namespace v1
}  // namespace kinerja
