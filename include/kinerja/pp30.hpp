// kinerja: the numeric regime of PP 30/2019 with PermenPANRB 8/2021 (assessment year 2021).
//
// Implements (docs/scoring.md, "PP 30/2019 and PermenPANRB 8/2021"):
//  * capaian IKI, PermenPANRB 8/2021 Lampiran Bab VI: R / T x 100 (normal), (2 - R / T) x 100
//    (kondisi khusus, lower is better), and target ranges where the nearer bound is the target;
//  * nilai capaian IKI, the piecewise mapping of capaian (%) onto 0..120 (Lampiran Bab VI);
//  * nilai SKP and the periodic nilai SKP of PermenPANRB 8/2021;
//  * nilai kinerja = 70% SKP + 30% perilaku, or 60% / 40% with peer and subordinate input
//    (PP 30/2019 Pasal 41(2)-(4));
//  * the predikat of PP 30/2019 Pasal 41(5).
//
// Everything is exact (kinerja::Rational): the bands of the nilai table and the predikat
// thresholds are decided without floating point.
//
// Policies (choices the regulation leaves open), default first:
//  * GapPolicy (nilai IKI for non-integer capaian in (59,60), (79,80), (99,100), (100,101)):
//    RoundToInteger | ExtendLowerBand | Error.
//  * A realisation inside a target range scores 100% (the regulation is silent). Fixed.
//  * Negative capaian (possible with 2 - R/T) gives nilai 0. Fixed.
//  * nilai SKP = mean of the nilai IKI utama (the regulation's weights are not known; the
//    agency's rule for kinerja tambahan, if any, is the caller's). Fixed, flagged.
//  * The predikat caps a nilai kinerja above 120 at 120 before classifying. Fixed.
// PermenPANRB 6/2022 Pasal 40 revoked PermenPANRB 8/2021: use this header for 2021 only.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "kinerja/export.hpp"
#include "kinerja/rational.hpp"
#include "kinerja/vocabulary.hpp"

namespace kinerja {
inline namespace v1 {

/// What nilai_iki does with a non-integer capaian that falls between the integer bands of the
/// table (the regulation assumes integer capaian).
enum class GapPolicy : std::uint8_t {
  /// Round capaian half-up to an integer, then apply the table (default). Applies to every
  /// capaian, not only to those in a gap: 98.4 -> 98 -> 88.
  RoundToInteger = 0,
  ExtendLowerBand,  ///< apply the band below: 99.5 -> 70 + 19.5 = 89.5; (100,101) -> the C = 100 value
  Error             ///< throw errc::InvalidArgument for a capaian in a gap
};

/// Weights of nilai SKP and nilai perilaku in the nilai kinerja (PP 30/2019 Pasal 41(2)-(4)).
enum class PerilakuWeight : std::uint8_t {
  Seventy = 0,  ///< 70% SKP + 30% perilaku: no input from peers and subordinates
  Sixty         ///< 60% SKP + 40% perilaku: the agency uses peer and subordinate input
};

/// Predikat kinerja of PP 30/2019 Pasal 41(5), best first.
enum class Pp30Predikat : std::uint8_t { SangatBaik = 0, Baik, Cukup, Kurang, SangatKurang };

/// "sangat_baik", "baik", "cukup", "kurang", "sangat_kurang".
KIN_CXX_API std::string_view to_string(Pp30Predikat value) noexcept;
/// The canonical spelling, case-insensitive, with spaces or '-' for '_' ("Sangat Baik").
KIN_CXX_API std::optional<Pp30Predikat> parse_pp30_predikat(std::string_view text) noexcept;

/// The ordinal for charts across rule regimes: Sangat Baik = 5 ... Sangat Kurang = 1.
/// A kinerja convention, not a regulation.
constexpr int predikat_ordinal(Pp30Predikat p) noexcept {
  return 5 - static_cast<int>(p);
}

/// Capaian IKI in percent (PermenPANRB 8/2021 Lampiran Bab VI), with R = `realization`:
///   Max       R / T x 100
///   Min       (2 - R / T) x 100 (kondisi khusus); may be negative when R > 2T
///   RangeMax  [L, U] = [target, target_upper]: inside 100; below L: R / L x 100; above U: R / U x 100
///   RangeMin  inside 100; below L: (2 - R / L) x 100; above U: (2 - R / U) x 100
///   Range     inside 100; below L: R / L x 100; above U: (2 - R / U) x 100 (stabilise: a kinerja
///             convention, as in achievement.hpp; the regulation has only RangeMax and RangeMin)
/// Throws errc::InvalidArgument when target <= 0 (Max, Min), when target_upper is given for Max
/// or Min or missing for a range, when not 0 <= L <= U with U > 0, and when R < L = 0.
KIN_CXX_API Rational capaian_iki(Polarity polarity, Rational target, std::optional<Rational> target_upper,
                                 Rational realization);

/// Nilai capaian IKI (0..120) of a capaian C in percent (PermenPANRB 8/2021 Lampiran Bab VI):
///   C > 110          120
///   101 <= C <= 110  110 + (10/9)(C - 101)
///   C = 100          109, or 120 when `target_is_max` (the target is the maximum possible)
///   80 <= C <= 99    70 + (C - 80)
///   60 <= C <= 79    50 + (C - 60)
///   0 <= C <= 59     (49/59) C
///   C < 0            0 (kinerja convention: the table starts at 0)
/// Non-integer C in (59,60), (79,80), (99,100) or (100,101) follows `gap`. (110,111) is no gap:
/// "C > 110" covers it and it gives 120 under every policy.
KIN_CXX_API Rational nilai_iki(Rational capaian_percent, bool target_is_max, GapPolicy gap = GapPolicy::RoundToInteger);

/// Nilai SKP = the mean of the nilai IKI utama (policy, see above). Throws
/// errc::InvalidArgument when the list is empty or a value is outside 0..120.
KIN_CXX_API Rational nilai_skp(const std::vector<Rational>& nilai_iki_utama);

/// Nilai kinerja = w * nilai_skp + (1 - w) * nilai_perilaku, w = 70% or 60% (PP 30/2019
/// Pasal 41). Not capped (pp30_predikat caps). Throws errc::InvalidArgument for a negative input.
KIN_CXX_API Rational nilai_kinerja(Rational nilai_skp, Rational nilai_perilaku, PerilakuWeight weight);

/// The predikat of PP 30/2019 Pasal 41(5), after capping x at 120:
///   Sangat Baik    110 <= x <= 120 and the pegawai created a new idea or method (`has_innovation`)
///   Baik           90 <= x <= 120 (so 110..120 without innovation is Baik)
///   Cukup          70 <= x < 90
///   Kurang         50 <= x < 70
///   Sangat Kurang  x < 50
KIN_CXX_API Pp30Predikat pp30_predikat(Rational nilai_kinerja, bool has_innovation) noexcept;

/// Periodic nilai SKP (PermenPANRB 8/2021) = (mean(nilai rencana aksi) + mean(nilai kinerja
/// utama)) / 2. Throws errc::InvalidArgument when either list is empty or a value is outside
/// 0..120.
KIN_CXX_API Rational nilai_periodik(const std::vector<Rational>& rencana_aksi,
                                    const std::vector<Rational>& kinerja_utama);

}  // namespace v1
}  // namespace kinerja
