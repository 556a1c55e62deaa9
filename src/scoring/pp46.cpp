#include "kinerja/pp46.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>

#include "core/text_util.hpp"
#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

// A value for a message: "9.12" when it is a short decimal, else the exact "num/den".
std::string show(const Rational& v) {
  constexpr std::int64_t micro = 1'000'000;
  constexpr std::int64_t limit = 1'000'000'000'000;  // keeps the scaling by 10^6 in range
  const bool short_decimal = micro % v.denominator() == 0 && v.numerator() < limit && v.numerator() > -limit;
  if (!short_decimal) return v.to_string();
  std::string text = v.to_decimal_string(6);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

[[noreturn]] void invalid(const std::string& message) {
  throw error(errc::InvalidArgument, message);
}

void require_target_and_realization(const Rational& target, const Rational& realization, const char* what) {
  if (target <= 0) invalid(std::string(what) + ": the target must be > 0, got " + show(target));
  if (realization < 0) invalid(std::string(what) + ": the realisation must be >= 0, got " + show(realization));
}

// Both parts of an aspect, or neither; throws for one without the other.
bool has_aspect(const std::optional<Rational>& target, const std::optional<Rational>& realization, const char* aspect) {
  if (target.has_value() != realization.has_value()) {
    invalid(std::string("PP 46/2011 activity: ") + aspect +
            (target ? " has a target but no realisation" : " has a realisation but no target"));
  }
  return target.has_value();
}

void require_aspect(const std::optional<Rational>& target, const std::optional<Rational>& realization,
                    const char* aspect) {
  if (!has_aspect(target, realization, aspect)) {
    invalid(std::string("PP 46/2011 activity: ") + aspect + " needs a target and a realisation");
  }
}

}  // namespace

Rational pp46_quantity_or_quality(Rational target, Rational realization) {
  require_target_and_realization(target, realization, "PP 46/2011 kuantitas/kualitas");
  return realization / target * 100;
}

Rational pp46_time_or_cost(Rational target, Rational realization) {
  require_target_and_realization(target, realization, "PP 46/2011 waktu/biaya");
  const Rational efficiency = 100 - realization / target * 100;
  const Rational score = (Rational(176, 100) * target - realization) / target * 100;
  return efficiency <= 24 ? score : 76 - (score - 100);
}

Rational pp46_activity_achievement(const Pp46Activity& a) {
  if (!a.carried_out) {
    if (a.realized_output || a.realized_quality || a.realized_time || a.realized_cost) {
      invalid("PP 46/2011 activity: an activity not carried out has no realisation");
    }
    return Rational(0);
  }
  require_aspect(a.target_output, a.realized_output, "kuantitas");
  require_aspect(a.target_quality, a.realized_quality, "kualitas");
  require_aspect(a.target_time, a.realized_time, "waktu");
  if (*a.target_quality > 100 || *a.realized_quality > 100) {
    invalid("PP 46/2011 activity: kualitas is scored 0..100, got target " + show(*a.target_quality) + ", realisation " +
            show(*a.realized_quality));
  }
  Rational sum = pp46_quantity_or_quality(*a.target_output, *a.realized_output) +
                 pp46_quantity_or_quality(*a.target_quality, *a.realized_quality) +
                 pp46_time_or_cost(*a.target_time, *a.realized_time);
  if (!has_aspect(a.target_cost, a.realized_cost, "biaya")) return sum / 3;
  sum += pp46_time_or_cost(*a.target_cost, *a.realized_cost);
  return sum / 4;
}

Rational pp46_tugas_tambahan_value(int count) {
  if (count < 0) invalid("PP 46/2011 tugas tambahan: the count must be >= 0, got " + std::to_string(count));
  if (count == 0) return Rational(0);
  if (count <= 3) return Rational(1);
  if (count <= 6) return Rational(2);
  return Rational(3);
}

Rational pp46_skp_value(const std::vector<Rational>& activity_achievements, int tugas_tambahan_count,
                        int kreativitas_points) {
  if (activity_achievements.empty()) invalid("PP 46/2011 nilai SKP: no activity");
  if (kreativitas_points != 0 && kreativitas_points != 3 && kreativitas_points != 6 && kreativitas_points != 12) {
    invalid("PP 46/2011 kreativitas: must be 0, 3, 6 or 12, got " + std::to_string(kreativitas_points));
  }
  RationalSum sum;
  for (const Rational& v : activity_achievements) sum += v;
  const Rational mean = sum.value() / static_cast<std::int64_t>(activity_achievements.size());
  return mean + pp46_tugas_tambahan_value(tugas_tambahan_count) + kreativitas_points;
}

std::string_view to_string(Pp46Sebutan value) noexcept {
  switch (value) {
    case Pp46Sebutan::SangatBaik:
      return "sangat_baik";
    case Pp46Sebutan::Baik:
      return "baik";
    case Pp46Sebutan::Cukup:
      return "cukup";
    case Pp46Sebutan::Kurang:
      return "kurang";
    case Pp46Sebutan::Buruk:
      return "buruk";
  }
  return "";
}

std::optional<Pp46Sebutan> parse_pp46_sebutan(std::string_view text) noexcept {
  const std::string key = detail::normalize_key(detail::trim(text));
  for (Pp46Sebutan s :
       {Pp46Sebutan::SangatBaik, Pp46Sebutan::Baik, Pp46Sebutan::Cukup, Pp46Sebutan::Kurang, Pp46Sebutan::Buruk}) {
    if (key == to_string(s)) return s;
  }
  return std::nullopt;
}

Pp46Sebutan pp46_sebutan(Rational value) noexcept {
  if (value >= 91) return Pp46Sebutan::SangatBaik;
  if (value >= 76) return Pp46Sebutan::Baik;
  if (value >= 61) return Pp46Sebutan::Cukup;
  if (value >= 51) return Pp46Sebutan::Kurang;
  return Pp46Sebutan::Buruk;
}

Rational pp46_perilaku(const std::vector<Rational>& aspects) {
  if (aspects.size() != 5 && aspects.size() != 6) {
    invalid("PP 46/2011 perilaku: needs 5 aspects (6 with kepemimpinan), got " + std::to_string(aspects.size()));
  }
  RationalSum sum;
  for (const Rational& v : aspects) {
    if (v < 0 || v > 100) invalid("PP 46/2011 perilaku: an aspect is scored 0..100, got " + show(v));
    sum += v;
  }
  return sum.value() / static_cast<std::int64_t>(aspects.size());
}

Rational pp46_prestasi_kerja(Rational nilai_skp, Rational nilai_perilaku) {
  if (nilai_skp < 0) invalid("PP 46/2011 prestasi kerja: nilai SKP must be >= 0, got " + show(nilai_skp));
  if (nilai_perilaku < 0 || nilai_perilaku > 100) {
    invalid("PP 46/2011 prestasi kerja: nilai perilaku must be in 0..100, got " + show(nilai_perilaku));
  }
  return Rational(3, 5) * nilai_skp + Rational(2, 5) * nilai_perilaku;
}

}  // namespace v1
}  // namespace kinerja
