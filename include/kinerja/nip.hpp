// kinerja: the NIP (Nomor Induk Pegawai), the 18-digit national civil-servant number.
//
// PNS  (Perka BKN 22/2007):  YYYYMMDD YYYYMM G NNN
//        birth date, TMT CPNS year and month, gender (1 male, 2 female), sequence 001..999
// PPPK:                      YYYYMMDD YYYY 2 F G NNN
//        birth date, TMT year, the constant 2 (PPPK code), appointment number 1..9, gender, sequence
//
// Digit 13 tells them apart: for a PNS it is the tens digit of the TMT month (0 or 1), for a
// PPPK it is the constant 2. See docs/dataset-format.md for the sources and caveats.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kinerja/export.hpp"
#include "kinerja/period.hpp"

namespace kinerja {
inline namespace v1 {

/// The two kinds of ASN (UU 20/2023): Pegawai Negeri Sipil and Pegawai Pemerintah dengan
/// Perjanjian Kerja.
enum class EmploymentStatus : std::uint8_t { Pns = 0, Pppk = 1 };

enum class Gender : std::uint8_t { Male = 1, Female = 2 };

/// A parsed, validated NIP.
struct Nip {
  std::array<char, 18> digits{};
  EmploymentStatus status = EmploymentStatus::Pns;
  Date birth_date;
  int tmt_year = 0;
  int tmt_month = 0;    ///< 1..12 for PNS; 0 for PPPK (the NIP holds no month)
  int appointment = 0;  ///< PPPK appointment number 1..9; 0 for PNS
  Gender gender = Gender::Male;
  int sequence = 0;     ///< 1..999

  /// The 18 digits.
  std::string to_string() const { return std::string(digits.data(), digits.size()); }
  /// The grouped display form: "199001152015032001" -> "19900115 201503 2 001" (PNS) or
  /// "20001231 2024 2 1 1 001" (PPPK).
  std::string display() const;
  /// The 18 digits as an integer (they fit in 64 bits).
  std::uint64_t to_integer() const noexcept;
};

/// The result of checking a NIP: either a Nip, or the reason it is invalid and the 0-based
/// index of the first offending character (so a validator can point at the column).
struct NipCheck {
  std::optional<Nip> nip;
  std::string problem;         ///< empty when valid
  std::size_t problem_at = 0;  ///< character index of the problem inside the text
  std::string warning;         ///< a soft finding on a valid NIP (e.g. appointed before 18)
};

/// Checks an 18-digit NIP. Never throws.
KIN_CXX_API NipCheck check_nip(std::string_view text);

/// Parses a NIP; throws errc::ParseError with the reason.
KIN_CXX_API Nip parse_nip(std::string_view text);

KIN_CXX_API std::string_view to_string(EmploymentStatus status) noexcept;
/// "pns" / "pppk" (case-insensitive).
KIN_CXX_API std::optional<EmploymentStatus> parse_employment_status(std::string_view text) noexcept;

}  // namespace v1
}  // namespace kinerja
