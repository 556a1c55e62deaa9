// kinerja: grades (golongan) and positions (jabatan) of ASN.
//
// PNS golongan/ruang I/a .. IV/e (17 levels, PP 99/2000) and PPPK golongan I .. XVII
// (17 levels, Perpres 98/2020) are both a `Grade`: a scheme plus a level 1..17.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kinerja/export.hpp"
#include "kinerja/nip.hpp"

namespace kinerja {
inline namespace v1 {

class KIN_CXX_API Grade {
 public:
  static constexpr int levels = 17;

  /// No grade recorded.
  constexpr Grade() noexcept = default;
  /// level 1..17; throws errc::OutOfRange otherwise.
  static Grade pns(int level);
  static Grade pppk(int level);

  /// Parses "III/a", "III-a", "IIIa", "iii/A", "Penata Muda Tk.I III/b" (the last token counts),
  /// or a PPPK roman numeral "I".."XVII". A bare numeral is PPPK; "IV/a"-like forms are PNS.
  static std::optional<Grade> parse(std::string_view text) noexcept;

  constexpr bool empty() const noexcept { return level_ == 0; }
  constexpr EmploymentStatus scheme() const noexcept { return scheme_; }
  /// 1..17, ordered from lowest to highest; 0 when empty.
  constexpr int level() const noexcept { return level_; }

  /// "III/a" or "IX"; empty string when empty.
  std::string to_string() const;
  /// PNS pangkat name ("Penata Muda"), empty for PPPK.
  std::string_view pangkat() const noexcept;
  /// SAPK-style code for PNS (11..45), 0 for PPPK.
  int sapk_code() const noexcept;

  friend constexpr bool operator==(Grade a, Grade b) noexcept {
    return a.scheme_ == b.scheme_ && a.level_ == b.level_;
  }
  friend constexpr bool operator!=(Grade a, Grade b) noexcept { return !(a == b); }

 private:
  constexpr Grade(EmploymentStatus scheme, int level) noexcept
      : scheme_(scheme), level_(static_cast<std::uint8_t>(level)) {}
  EmploymentStatus scheme_ = EmploymentStatus::Pns;
  std::uint8_t level_ = 0;
};

/// Jenis jabatan (UU 5/2014 Pasal 13-19). `Unknown` when the dataset leaves it empty.
enum class Position : std::uint8_t {
  Unknown = 0,
  JptUtama,
  JptMadya,
  JptPratama,
  Administrator,
  Pengawas,
  Pelaksana,
  Fungsional,
};

KIN_CXX_API std::string_view to_string(Position position) noexcept;
/// "jpt_utama" ... "fungsional" (case-insensitive; '-' and ' ' accepted for '_').
KIN_CXX_API std::optional<Position> parse_position(std::string_view text) noexcept;
/// Jabatan manajerial under UU 20/2023: JPT, administrator, pengawas.
KIN_CXX_API bool is_managerial(Position position) noexcept;
/// JPT utama, madya or pratama (their SKP uses the four perspectives of PermenPANRB 6/2022).
KIN_CXX_API bool is_jpt(Position position) noexcept;

}  // namespace v1
}  // namespace kinerja
