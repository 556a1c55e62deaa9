// kinerja: the closed vocabularies of the dataset files (docs/dataset-format.md).
//
// Every enum has `to_string` (the canonical lower-case spelling written in output files) and a
// `parse_*` function that accepts the canonical spelling case-insensitively plus the Indonesian
// synonyms users actually type (e.g. "diatas" for "above").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "kinerja/export.hpp"

namespace kinerja {
inline namespace v1 {

/// Who owns an indicator: a unit (IKU) or an employee (IKI / RHK).
enum class OwnerType : std::uint8_t { Unit = 0, Employee = 1 };

/// RHK kind (PermenPANRB 6/2022 Pasal 7): main or additional work result.
enum class IndicatorKind : std::uint8_t { Utama = 0, Tambahan = 1 };

/// IKI aspect (Pasal 9; the four activity aspects of PP 46/2011). `None` when not given.
enum class Aspect : std::uint8_t { None = 0, Kuantitas, Kualitas, Waktu, Biaya };

/// Direction of an indicator.
///  * Max: higher is better (capaian R/T);
///  * Min: lower is better (PermenPANRB 8/2021 "kondisi khusus");
///  * Range: inside target..target_upper is best, deviation either way is worse (stabilise);
///  * RangeMax, RangeMin: a target range on a higher-is-better or lower-is-better indicator
///    (the two range examples of PermenPANRB 8/2021: 80-90% and 7-8 months): outside the range
///    the nearest bound is the target.
enum class Polarity : std::uint8_t { Max = 0, Min = 1, Range = 2, RangeMax = 3, RangeMin = 4 };

/// True for the polarities that need target_upper.
constexpr bool has_target_range(Polarity p) noexcept {
  return p == Polarity::Range || p == Polarity::RangeMax || p == Polarity::RangeMin;
}

/// How the period values of a year make the year value.
enum class Accumulation : std::uint8_t { Last = 0, Sum, Mean, Max, Min };

/// The Penilai's categorical rating (PermenPANRB 6/2022 Lampiran Bab IV), best first.
enum class Rating : std::uint8_t { Above = 0, Meets = 1, Below = 2 };

/// Source of a multi-source (360 degree) feedback score.
/// Sentinel for "no value" in result columns that hold one of these enums as std::int8_t.
inline constexpr std::int8_t no_value = -1;

enum class FeedbackSource : std::uint8_t { Supervisor = 0, Self, Peer, Subordinate, Public };

/// Predikat kinerja organisasi (PermenPANRB 6/2022; SE MenPANRB 3/2023), best first.
enum class OrgPredikat : std::uint8_t { Istimewa = 0, Baik, ButuhPerbaikan, Kurang, SangatKurang };

KIN_CXX_API std::string_view to_string(OwnerType value) noexcept;
KIN_CXX_API std::string_view to_string(IndicatorKind value) noexcept;
KIN_CXX_API std::string_view to_string(Aspect value) noexcept;
KIN_CXX_API std::string_view to_string(Polarity value) noexcept;
KIN_CXX_API std::string_view to_string(Accumulation value) noexcept;
KIN_CXX_API std::string_view to_string(Rating value) noexcept;
KIN_CXX_API std::string_view to_string(FeedbackSource value) noexcept;
KIN_CXX_API std::string_view to_string(OrgPredikat value) noexcept;

/// "unit" / "employee" (also "unit_kerja", "pegawai").
KIN_CXX_API std::optional<OwnerType> parse_owner_type(std::string_view text) noexcept;
/// "utama" / "tambahan".
KIN_CXX_API std::optional<IndicatorKind> parse_indicator_kind(std::string_view text) noexcept;
/// "kuantitas" / "kualitas" / "waktu" / "biaya" (also "quantity", "quality", "time", "cost").
KIN_CXX_API std::optional<Aspect> parse_aspect(std::string_view text) noexcept;
/// "max" / "min" / "range" / "range_max" / "range_min" (also "maximize", "minimize", "stabilize",
/// "positif", "negatif").
KIN_CXX_API std::optional<Polarity> parse_polarity(std::string_view text) noexcept;
/// "sum" / "last" / "mean" / "max" / "min" (also "kumulatif", "akhir", "average", "rata_rata").
KIN_CXX_API std::optional<Accumulation> parse_accumulation(std::string_view text) noexcept;
/// "above" / "meets" / "below"; "diatas", "sesuai", "dibawah", with or without "_ekspektasi".
KIN_CXX_API std::optional<Rating> parse_rating(std::string_view text) noexcept;
/// "supervisor" / "self" / "peer" / "subordinate" / "public" (also "atasan", "diri_sendiri",
/// "rekan", "bawahan", "masyarakat").
KIN_CXX_API std::optional<FeedbackSource> parse_feedback_source(std::string_view text) noexcept;
/// "istimewa" / "baik" / "butuh_perbaikan" (also "cukup") / "kurang" / "sangat_kurang".
KIN_CXX_API std::optional<OrgPredikat> parse_org_predikat(std::string_view text) noexcept;

}  // namespace v1
}  // namespace kinerja
