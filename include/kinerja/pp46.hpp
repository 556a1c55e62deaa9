// kinerja: the legacy numeric regime of PP 46/2011 with Perka BKN 1/2013 (assessment years up
// to 2020).
//
// Implements (docs/scoring.md, "PP 46/2011"):
//  * the capaian of one activity (kegiatan tugas jabatan) from its four aspects: kuantitas (K),
//    kualitas (Q), waktu (W) and biaya (B), with the "1.76" rule for waktu and biaya;
//  * nilai capaian SKP = mean of the activities + tugas tambahan + kreativitas;
//  * the sebutan (Sangat Baik ... Buruk), nilai perilaku kerja and
//    nilai prestasi kerja = 60% SKP + 40% perilaku.
//
// The 1.76 rule has a cliff at an efficiency of exactly 24% (100 on one side, just under 76 on
// the other), and IEEE double puts 100 - 9.12 / 12 * 100 at 24.000000000000014. Everything here
// is exact (kinerja::Rational), so the branch is decided on the true value.
//
// Policies (choices the regulation leaves open), all fixed:
//  * Sebutan use the threshold form of the integer bands: x >= 91 Sangat Baik, >= 76 Baik,
//    >= 61 Cukup, >= 51 Kurang, else Buruk (so 90.5 is Baik).
//  * W and B are not clamped: a realisation above 1.76 x target gives a negative value, as the
//    formula says.
//  * Tugas tambahan 1-3 -> 1, 4-6 -> 2, >= 7 -> 3; kreativitas 0, 3, 6 or 12 (values from
//    secondary sources, to be verified against the text of Perka BKN 1/2013).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "kinerja/export.hpp"
#include "kinerja/rational.hpp"

namespace kinerja {
inline namespace v1 {

/// K or Q of an activity: R / T x 100. Throws errc::InvalidArgument when T <= 0 or R < 0.
KIN_CXX_API Rational pp46_quantity_or_quality(Rational target, Rational realization);

/// W or B of an activity, the 1.76 rule of Perka BKN 1/2013, with e = 100 - R / T x 100:
///   e <= 24   ((1.76 T - R) / T) x 100                  (= 76 + e)
///   e > 24    76 - ((((1.76 T - R) / T) x 100) - 100)   (= 100 - e)
/// Throws errc::InvalidArgument when T <= 0 or R < 0.
KIN_CXX_API Rational pp46_time_or_cost(Rational target, Rational realization);

/// One activity of the SKP. Kuantitas, kualitas (0..100) and waktu need a target and a
/// realisation; biaya is optional (both empty: the activity has no cost aspect).
struct Pp46Activity {
  std::optional<Rational> target_output, realized_output;
  std::optional<Rational> target_quality, realized_quality;
  std::optional<Rational> target_time, realized_time;
  std::optional<Rational> target_cost, realized_cost;
  /// False for an activity that was not carried out: its capaian is 0 and it has no realisation.
  bool carried_out = true;
};

/// Capaian of one activity: (K + Q + W + B) / 4 with a cost target, (K + Q + W) / 3 without,
/// 0 when not carried out. Throws errc::InvalidArgument for inconsistent input: a missing K, Q
/// or W target or realisation, a realisation without its target or the reverse, a target <= 0,
/// a negative realisation, a kualitas outside 0..100, a realisation on an activity not carried out.
KIN_CXX_API Rational pp46_activity_achievement(const Pp46Activity& activity);

/// Nilai of the tugas tambahan: 0 tasks -> 0, 1-3 -> 1, 4-6 -> 2, 7 or more -> 3.
/// Throws errc::InvalidArgument for a negative count.
KIN_CXX_API Rational pp46_tugas_tambahan_value(int count);

/// Nilai capaian SKP = mean(activity achievements) + pp46_tugas_tambahan_value(tugas_tambahan_count)
/// + kreativitas_points. May exceed 100. Throws errc::InvalidArgument for an empty list, a
/// negative count, or kreativitas other than 0, 3 (unit), 6 (organisation) or 12 (state).
KIN_CXX_API Rational pp46_skp_value(const std::vector<Rational>& activity_achievements, int tugas_tambahan_count = 0,
                                    int kreativitas_points = 0);

/// Sebutan of PP 46/2011, best first. Used for the SKP, each perilaku aspect and the final value.
enum class Pp46Sebutan : std::uint8_t { SangatBaik = 0, Baik, Cukup, Kurang, Buruk };

/// "sangat_baik", "baik", "cukup", "kurang", "buruk".
KIN_CXX_API std::string_view to_string(Pp46Sebutan value) noexcept;
/// The canonical spelling, case-insensitive, with spaces or '-' for '_' ("Sangat Baik").
KIN_CXX_API std::optional<Pp46Sebutan> parse_pp46_sebutan(std::string_view text) noexcept;

/// The ordinal for charts across rule regimes: Sangat Baik = 5 ... Buruk = 1.
/// A kinerja convention, not a regulation.
constexpr int predikat_ordinal(Pp46Sebutan s) noexcept {
  return 5 - static_cast<int>(s);
}

/// x >= 91 Sangat Baik; x >= 76 Baik; x >= 61 Cukup; x >= 51 Kurang; else Buruk.
KIN_CXX_API Pp46Sebutan pp46_sebutan(Rational value) noexcept;

/// Nilai perilaku kerja = mean of the aspects: orientasi pelayanan, integritas, komitmen,
/// disiplin, kerja sama, and kepemimpinan for pejabat struktural. Throws
/// errc::InvalidArgument unless there are 5 or 6 aspects, each in 0..100.
KIN_CXX_API Rational pp46_perilaku(const std::vector<Rational>& aspects);

/// Nilai prestasi kerja = 60% nilai SKP + 40% nilai perilaku. Throws errc::InvalidArgument for
/// a negative nilai SKP or a nilai perilaku outside 0..100.
KIN_CXX_API Rational pp46_prestasi_kerja(Rational nilai_skp, Rational nilai_perilaku);

}  // namespace v1
}  // namespace kinerja
