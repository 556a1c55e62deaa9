// kinerja: the predikat kinerja pegawai of PermenPANRB 6/2022 and its 3x3 matrix.
//
// The Penilai gives two categorical ratings, hasil kerja (results) and perilaku kerja
// (behaviour); the predikat follows from a fixed matrix (Lampiran Bab IV):
//
//   hasil kerja \ perilaku   below               meets             above
//   above                    Kurang/Misconduct   Baik              Sangat Baik
//   meets                    Kurang/Misconduct   Baik              Baik
//   below                    Sangat Kurang       Butuh Perbaikan   Butuh Perbaikan
//
// Behaviour below expectation caps the predikat at Kurang/Misconduct whatever the results;
// only above x above reaches Sangat Baik.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kinerja/export.hpp"
#include "kinerja/vocabulary.hpp"

namespace kinerja {
inline namespace v1 {

/// Predikat kinerja pegawai, best first. "Kurang/Misconduct" is one predikat.
enum class Predikat : std::uint8_t { SangatBaik = 0, Baik, ButuhPerbaikan, KurangMisconduct, SangatKurang };

inline constexpr int predikat_count = 5;

/// All predikat, best first (for tables and loops).
inline constexpr std::array<Predikat, predikat_count> all_predikat = {
    Predikat::SangatBaik, Predikat::Baik, Predikat::ButuhPerbaikan, Predikat::KurangMisconduct,
    Predikat::SangatKurang};

/// Counts per predikat, indexed by static_cast<int>(Predikat).
using PredikatCounts = std::array<int, predikat_count>;

/// "sangat_baik", "baik", "butuh_perbaikan", "kurang_misconduct", "sangat_kurang".
KIN_CXX_API std::string_view to_string(Predikat value) noexcept;
/// The canonical spelling, case-insensitive, plus "kurang", "misconduct", "cukup" (the PP 30/2019
/// name of the middle band).
KIN_CXX_API std::optional<Predikat> parse_predikat(std::string_view text) noexcept;

/// The PermenPANRB 6/2022 matrix: predikat from the two categorical ratings.
KIN_CXX_API Predikat predikat_from_ratings(Rating result, Rating behavior) noexcept;

/// The ordinal of a predikat for charts across rule regimes: Sangat Baik = 5 ... Sangat Kurang = 1.
/// A kinerja convention, not a regulation.
constexpr int predikat_ordinal(Predikat p) noexcept { return 5 - static_cast<int>(p); }

}  // namespace v1
}  // namespace kinerja
