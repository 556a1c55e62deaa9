// kinerja: the Indeks Kepuasan Masyarakat (IKM) of PermenPANRB 14/2017 (Survei Kepuasan
// Masyarakat terhadap Penyelenggaraan Pelayanan Publik).
//
// Each respondent answers 9 unsur (service elements) on a 1..4 scale: 1 tidak baik,
// 2 kurang baik, 3 baik, 4 sangat baik. Then
//
//   NRR_u   = sum of the answers to unsur u / number of respondents who answered u
//   IKM_raw = sum over u of NRR_u x bobot          (scale 1..4)
//   IKM     = IKM_raw x 25                         (scale 25..100, the NIK)
//
// and the mutu pelayanan follows from the NIK: >= 88.31 A (sangat baik), >= 76.61 B (baik),
// >= 65.00 C (kurang baik), else D (tidak baik).
//
// Policies and their defaults (docs/scoring.md, "IKM"):
//  * IkmWeight, default ExactOneNinth. The regulation prints the bobot as 0.11 (some copies
//    0.111); 0.11 multiplies the IKM by 0.99 and can flip the mutu (88.50 A becomes 87.615 B).
//  * Missing answers (an answer of 0): NRR_u is the mean over the respondents who answered
//    unsur u, not over all respondents; a respondent who skips an unsur still counts for the
//    others. The alternative, "average per respondent first", is not offered.
//  * Mutu: the NIK is rounded half-up to 2 decimals, then compared exactly with the thresholds.
//    This closes the gaps of the printed table (64.99-65.00, 76.60-76.61, 88.30-88.31):
//    88.305 rounds to 88.31 and is A.
//
// Everything is exact (`Rational`); no branch is decided in binary floating point.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kinerja/export.hpp"
#include "kinerja/rational.hpp"

namespace kinerja {
inline namespace v1 {

/// The number of unsur of PermenPANRB 14/2017.
inline constexpr std::size_t ikm_unsur_count = 9;

/// The bobot (weight) of each unsur.
enum class IkmWeight : std::uint8_t {
  ExactOneNinth,   ///< 1/9: the intent of the regulation (default)
  Regulation011,   ///< 0.11, as printed in the Lampiran
  Regulation0111,  ///< 0.111, as printed in some copies
};

/// Mutu pelayanan, best first.
enum class IkmMutu : std::uint8_t { A, B, C, D };

/// The exact bobot: 1/9, 11/100 or 111/1000.
KIN_CXX_API Rational ikm_weight_value(IkmWeight weight) noexcept;

/// "A", "B", "C", "D".
KIN_CXX_API std::string_view to_string(IkmMutu mutu) noexcept;
/// The kinerja unit pelayanan of a mutu: "Sangat baik", "Baik", "Kurang baik", "Tidak baik".
KIN_CXX_API std::string_view unit_performance(IkmMutu mutu) noexcept;

/// The name of unsur `index` (0-based, regulation order: 0 "Persyaratan" ... 8 "Sarana dan
/// prasarana"); empty for an index >= 9. The wording follows copies of the Lampiran.
KIN_CXX_API std::string_view ikm_unsur_name(std::size_t index) noexcept;

/// The result of one survey.
struct IkmResult {
  std::size_t respondents = 0;                          ///< rows of the survey
  std::array<std::size_t, ikm_unsur_count> answered{};  ///< respondents who answered each unsur
  std::array<Rational, ikm_unsur_count> nrr{};          ///< nilai rata-rata per unsur (1..4)
  Rational ikm_raw;      ///< sum of NRR x bobot, scale 1..4 (0.99..3.96 with bobot 0.11)
  Rational ikm;          ///< ikm_raw x 25, the NIK, scale 25..100
  Rational ikm_rounded;  ///< ikm rounded half-up to 2 decimals (the published value)
  IkmMutu mutu = IkmMutu::D;  ///< ikm_mutu(ikm_rounded)
  /// False when the sum of the NRR had to be rounded to 12 decimals (kinerja::RationalSum): with
  /// missing answers the exact denominator is the least common multiple of the nine answer
  /// counts, which outgrows 64 bits on surveys of a few hundred respondents.
  bool exact = true;
};

/// Computes the IKM of a survey. `answers` is row-major, `respondents` rows of 9 values, one per
/// unsur in regulation order: 1..4, or 0 when the respondent did not answer that unsur.
///
/// Throws errc::InvalidArgument when there are no respondents, when `answers` is null, when a
/// value is outside 0..4 (naming the respondent and unsur), or when nobody answered an unsur
/// (naming it). The NRR are exact; their sum is exact when it fits 64-bit fractions and otherwise
/// rounded to 12 decimals before any threshold is applied (see IkmResult::exact).
KIN_CXX_API IkmResult compute_ikm(const std::uint8_t* answers, std::size_t respondents,
                                  IkmWeight weight = IkmWeight::ExactOneNinth);

/// The mutu of an IKM (NIK, scale 25..100): rounded half-up to 2 decimals first (a no-op for
/// `IkmResult::ikm_rounded`), then >= 88.31 A, >= 76.61 B, >= 65.00 C, else D, compared exactly.
KIN_CXX_API IkmMutu ikm_mutu(const Rational& ikm);

}  // namespace v1
}  // namespace kinerja
