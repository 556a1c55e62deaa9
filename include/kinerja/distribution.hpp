// kinerja: the kurva distribusi of the predikat kinerja pegawai (SE MenPANRB 3/2023, Tata Cara
// Penetapan Predikat Kinerja Pegawai ASN, on PermenPANRB 6/2022 Pasal 24-25).
//
// The predikat of the employees of one unit (one Penilai) must follow a curve chosen by the
// predikat kinerja organisasi of the unit (n = number of employees):
//
//   organisation       constraint on the employees' predikat
//   Istimewa           Sangat Baik "sebagian besar (maksimal 70%)"
//   Baik               Baik "sebagian besar (maksimal 70%)"; Butuh Perbaikan and/or
//                      Kurang/Misconduct "wajib ada" (together at least 1)
//   Butuh Perbaikan    Sangat Baik at most 10%; Butuh Perbaikan at least 60%
//   Kurang             Sangat Baik at most 10%; Butuh Perbaikan at least 10%;
//                      Kurang/Misconduct at least 60%
//   Sangat Kurang      no Sangat Baik; Butuh Perbaikan + Kurang/Misconduct at least 10%;
//                      Sangat Kurang at least 60%
//
// Every other class takes the remainder. Policies and their defaults (docs/scoring.md, "The distribution curve"):
//  * RoundingPolicy, default Exact. The SE does not say how p% of a small unit rounds:
//      Exact        min: count >= ceil(p n)    max: count <= floor(p n)   (count/n vs p, exactly)
//      RoundHalfUp  min: count >= round(p n)   max: count <= round(p n)   (spreadsheets)
//      Lenient      min: count >= floor(p n)   max: count <= ceil(p n)    (never rejects a border)
//    All in integers: p is a whole percent, so "count <= floor(70% of n)" is count*100 <= 70*n.
//    The rounding policy does not touch "none" (0), "at least 1", nor the majority rule.
//  * MajorityRule, default Warn. "Sebagian besar" literally means more than half (count*2 > n);
//    the secondary sources only state the 70% cap. The cap is always a hard rule; the majority is
//    reported as a warning (Warn), as a hard violation (Enforce), or not at all (Ignore).
//
// Checking only constrains the result. The suggestions are kinerja's own aid, not the regulation:
// the Penilai decides the predikat (PermenPANRB 6/2022 Pasal 25 stage (c)).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "kinerja/export.hpp"
#include "kinerja/predikat.hpp"
#include "kinerja/vocabulary.hpp"

namespace kinerja {
inline namespace v1 {

/// How p% of n becomes a whole number of employees (see the table above).
enum class RoundingPolicy : std::uint8_t { Exact, RoundHalfUp, Lenient };

/// How the "sebagian besar" (more than 50%) floor of orgs Istimewa and Baik is applied.
enum class MajorityRule : std::uint8_t {
  Warn,     ///< reported as a soft violation; the distribution stays valid (default)
  Enforce,  ///< a hard violation: the distribution is invalid
  Ignore,   ///< not checked
};

struct DistributionPolicy {
  RoundingPolicy rounding = RoundingPolicy::Exact;
  MajorityRule majority = MajorityRule::Warn;
};

/// The rule codes, stable strings for output files: "<organisation predikat>.<classes>_<bound>",
/// where the classes are sb (Sangat Baik), b (Baik), bp (Butuh Perbaikan), km (Kurang/
/// Misconduct), sk (Sangat Kurang), "bp_km" is their combined count, and the bound is max_P
/// (at most P% of n), min_P (at least P% of n), majority (more than 50%), none (0) or required
/// (at least 1).
namespace distribution_rule {
/// Org Istimewa: Sangat Baik at most 70% of n.
inline constexpr std::string_view istimewa_sb_max_70 = "istimewa.sb_max_70";
/// Org Istimewa: Sangat Baik more than 50% of n ("sebagian besar"; see MajorityRule).
inline constexpr std::string_view istimewa_sb_majority = "istimewa.sb_majority";
/// Org Baik: Baik at most 70% of n.
inline constexpr std::string_view baik_b_max_70 = "baik.b_max_70";
/// Org Baik: Baik more than 50% of n ("sebagian besar"; see MajorityRule).
inline constexpr std::string_view baik_b_majority = "baik.b_majority";
/// Org Baik: at least one Butuh Perbaikan or Kurang/Misconduct ("wajib ada").
inline constexpr std::string_view baik_bp_km_required = "baik.bp_km_required";
/// Org Butuh Perbaikan: Sangat Baik at most 10% of n.
inline constexpr std::string_view butuh_perbaikan_sb_max_10 = "butuh_perbaikan.sb_max_10";
/// Org Butuh Perbaikan: Butuh Perbaikan at least 60% of n.
inline constexpr std::string_view butuh_perbaikan_bp_min_60 = "butuh_perbaikan.bp_min_60";
/// Org Kurang: Sangat Baik at most 10% of n.
inline constexpr std::string_view kurang_sb_max_10 = "kurang.sb_max_10";
/// Org Kurang: Butuh Perbaikan at least 10% of n.
inline constexpr std::string_view kurang_bp_min_10 = "kurang.bp_min_10";
/// Org Kurang: Kurang/Misconduct at least 60% of n.
inline constexpr std::string_view kurang_km_min_60 = "kurang.km_min_60";
/// Org Sangat Kurang: no Sangat Baik.
inline constexpr std::string_view sangat_kurang_sb_none = "sangat_kurang.sb_none";
/// Org Sangat Kurang: Butuh Perbaikan + Kurang/Misconduct at least 10% of n.
inline constexpr std::string_view sangat_kurang_bp_km_min_10 = "sangat_kurang.bp_km_min_10";
/// Org Sangat Kurang: Sangat Kurang at least 60% of n.
inline constexpr std::string_view sangat_kurang_sk_min_60 = "sangat_kurang.sk_min_60";
}  // namespace distribution_rule

/// One broken rule.
struct DistributionViolation {
  std::string code;     ///< one of distribution_rule
  bool hard = true;     ///< makes the distribution invalid (the majority rule only under Enforce)
  std::string message;  ///< e.g. "Baik 15 of 20 exceeds 70% (at most 14)"
};

struct DistributionCheck {
  bool valid = true;                              ///< no hard violation
  std::vector<DistributionViolation> violations;  ///< hard and soft, in the order of the table
  int employees = 0;                              ///< n, the sum of the counts
};

/// Checks the counts of one unit against the curve of its organisation predikat. n = 0 is valid
/// with no violations. Throws errc::InvalidArgument for a negative count or a sum above INT_MAX.
KIN_CXX_API DistributionCheck check_distribution(OrgPredikat org, const PredikatCounts& counts,
                                                 const DistributionPolicy& policy = {});

/// An employee of the unit, for suggestions.
struct DistributionMember {
  std::uint32_t id = 0;  ///< unique within the unit
  Predikat predikat = Predikat::Baik;
  /// Higher = stronger performance (e.g. achievement %); NaN = no evidence. Only orders members.
  double evidence = std::numeric_limits<double>::quiet_NaN();
};

/// A proposed change of one employee's predikat.
struct SuggestedChange {
  std::uint32_t id = 0;
  Predikat from = Predikat::Baik;
  Predikat to = Predikat::Baik;
  std::string reason;  ///< the rule and the evidence that chose this member
};

/// Proposes a few predikat changes after which the unit satisfies every hard rule (and the
/// majority rule under MajorityRule::Enforce). A suggestion only: the Penilai decides.
///
/// Greedy and deterministic. While a binding rule is broken, take the first broken rule (in the
/// order of the table) and the first of its moves that reduces the total shortfall (the number
/// of employees by which all binding rules are missed):
///  * an over-full class gives a member to the next class down (demote, lowest evidence first),
///    or else up (promote, highest evidence first);
///  * an under-filled class (or pair BP + KM) takes a member from the nearest class above
///    (demote, lowest evidence first) or below (promote, highest evidence first), nearest first,
///    above before below at equal distance.
/// Members without evidence come after all members with evidence; ties go to the lower id. A
/// move is one step unless the nearer classes are empty (e.g. an org Kurang where everybody is
/// Baik: Baik -> Kurang/Misconduct). A member may move twice (org Butuh Perbaikan with one
/// Sangat Baik: down to Baik for the 10% cap, then to Butuh Perbaikan for the 60% floor); it is
/// reported once, from its original to its final predikat, with the reasons of every move joined
/// by "; then ", and not at all if it ends where it started. Changes are in the order of each
/// member's first move. The shortfall falls with every move, so there are at most that many.
///
/// When no change reduces the shortfall, it stops and returns the changes found so far, which
/// may not make the unit valid: e.g. with Exact and Enforce an org Istimewa or Baik of 1, 2 or
/// 4 employees has its 70% cap below its majority. Check the result with check_distribution.
///
/// Throws errc::InvalidArgument for a duplicate id or a predikat outside the enum.
KIN_CXX_API std::vector<SuggestedChange> suggest_distribution_changes(OrgPredikat org,
                                                                      const std::vector<DistributionMember>& members,
                                                                      const DistributionPolicy& policy = {});

}  // namespace v1
}  // namespace kinerja
