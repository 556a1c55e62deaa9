#include "kinerja/pp30.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>

#include "core/text_util.hpp"
#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

// A value for a message: "99.5" when it is a short decimal, else the exact "num/den".
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

[[noreturn]] void invalid_capaian(const std::string& what) {
  throw error(errc::InvalidArgument, "capaian IKI: " + what);
}

void require_nilai_scale(const std::vector<Rational>& values, const char* what) {
  if (values.empty()) throw error(errc::InvalidArgument, std::string(what) + ": the list is empty");
  for (const Rational& v : values) {
    if (v < 0 || v > 120) {
      throw error(errc::InvalidArgument, std::string(what) + ": " + show(v) + " is outside 0..120");
    }
  }
}

Rational mean(const std::vector<Rational>& values) {
  RationalSum sum;
  for (const Rational& v : values) sum += v;
  return sum.value() / static_cast<std::int64_t>(values.size());
}

Rational normal(const Rational& target, const Rational& realization) {
  return realization / target * 100;
}

Rational kondisi_khusus(const Rational& target, const Rational& realization) {
  return (2 - realization / target) * 100;
}

// The table of Lampiran Bab VI; nullopt for a capaian between its integer bands.
std::optional<Rational> table_value(const Rational& c, bool target_is_max) {
  if (c < 0) return Rational(0);
  if (c > 110) return Rational(120);
  if (c >= 101) return 110 + Rational(10, 9) * (c - 101);
  if (c == 100) return Rational(target_is_max ? 120 : 109);
  if (c >= 80 && c <= 99) return 70 + (c - 80);
  if (c >= 60 && c <= 79) return 50 + (c - 60);
  if (c <= 59) return Rational(49, 59) * c;
  return std::nullopt;
}

// The band below a gap: (100,101) -> C = 100; (99,100) -> 80..99; (79,80) -> 60..79; (59,60) -> 0..59.
Rational lower_band_value(const Rational& c, bool target_is_max) {
  if (c > 100) return Rational(target_is_max ? 120 : 109);
  if (c > 99) return 70 + (c - 80);
  if (c > 79) return 50 + (c - 60);
  return Rational(49, 59) * c;
}

}  // namespace

std::string_view to_string(Pp30Predikat value) noexcept {
  switch (value) {
    case Pp30Predikat::SangatBaik:
      return "sangat_baik";
    case Pp30Predikat::Baik:
      return "baik";
    case Pp30Predikat::Cukup:
      return "cukup";
    case Pp30Predikat::Kurang:
      return "kurang";
    case Pp30Predikat::SangatKurang:
      return "sangat_kurang";
  }
  return "";
}

std::optional<Pp30Predikat> parse_pp30_predikat(std::string_view text) noexcept {
  const std::string key = detail::normalize_key(detail::trim(text));
  for (Pp30Predikat p : {Pp30Predikat::SangatBaik, Pp30Predikat::Baik, Pp30Predikat::Cukup, Pp30Predikat::Kurang,
                         Pp30Predikat::SangatKurang}) {
    if (key == to_string(p)) return p;
  }
  return std::nullopt;
}

Rational capaian_iki(Polarity polarity, Rational target, std::optional<Rational> target_upper, Rational realization) {
  if (!has_target_range(polarity)) {
    if (target_upper)
      invalid_capaian("target_upper is only for a range polarity, not " + std::string(to_string(polarity)));
    if (target <= 0) invalid_capaian("the target must be > 0, got " + show(target));
    return polarity == Polarity::Min ? kondisi_khusus(target, realization) : normal(target, realization);
  }

  if (!target_upper) invalid_capaian("polarity " + std::string(to_string(polarity)) + " needs target_upper");
  const Rational lower = target;
  const Rational upper = *target_upper;
  if (lower < 0 || upper <= 0 || lower > upper) {
    invalid_capaian("the target range needs 0 <= lower <= upper and upper > 0, got " + show(lower) + ".." +
                    show(upper));
  }
  if (realization < lower) {
    if (lower == 0) invalid_capaian("realisation " + show(realization) + " is below a lower bound of 0");
    return polarity == Polarity::RangeMin ? kondisi_khusus(lower, realization) : normal(lower, realization);
  }
  if (realization > upper) {
    return polarity == Polarity::RangeMax ? normal(upper, realization) : kondisi_khusus(upper, realization);
  }
  return Rational(100);  // inside the range: the target is met (policy)
}

Rational nilai_iki(Rational capaian_percent, bool target_is_max, GapPolicy gap) {
  if (gap == GapPolicy::RoundToInteger) {
    const Rational rounded(capaian_percent.round_half_up());
    return *table_value(rounded, target_is_max);  // every integer is in a band
  }
  if (const std::optional<Rational> value = table_value(capaian_percent, target_is_max)) return *value;
  if (gap == GapPolicy::ExtendLowerBand) return lower_band_value(capaian_percent, target_is_max);
  throw error(errc::InvalidArgument, "nilai IKI: capaian " + show(capaian_percent) +
                                         "% falls between the integer bands of the PermenPANRB 8/2021 table");
}

Rational nilai_skp(const std::vector<Rational>& nilai_iki_utama) {
  require_nilai_scale(nilai_iki_utama, "nilai SKP");
  return mean(nilai_iki_utama);
}

Rational nilai_kinerja(Rational nilai_skp, Rational nilai_perilaku, PerilakuWeight weight) {
  if (nilai_skp < 0 || nilai_perilaku < 0) {
    throw error(errc::InvalidArgument, "nilai kinerja: negative input (nilai SKP " + show(nilai_skp) +
                                           ", nilai perilaku " + show(nilai_perilaku) + ")");
  }
  const Rational w_skp = weight == PerilakuWeight::Seventy ? Rational(7, 10) : Rational(6, 10);
  return w_skp * nilai_skp + (1 - w_skp) * nilai_perilaku;
}

Pp30Predikat pp30_predikat(Rational nilai_kinerja, bool has_innovation) noexcept {
  const Rational x = nilai_kinerja > 120 ? Rational(120) : nilai_kinerja;
  if (x >= 110 && has_innovation) return Pp30Predikat::SangatBaik;
  if (x >= 90) return Pp30Predikat::Baik;
  if (x >= 70) return Pp30Predikat::Cukup;
  if (x >= 50) return Pp30Predikat::Kurang;
  return Pp30Predikat::SangatKurang;
}

Rational nilai_periodik(const std::vector<Rational>& rencana_aksi, const std::vector<Rational>& kinerja_utama) {
  require_nilai_scale(rencana_aksi, "nilai periodik (rencana aksi)");
  require_nilai_scale(kinerja_utama, "nilai periodik (kinerja utama)");
  return (mean(rencana_aksi) + mean(kinerja_utama)) / 2;
}

}  // namespace v1
}  // namespace kinerja
