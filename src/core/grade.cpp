#include "kinerja/grade.hpp"

#include <array>

#include "kinerja/error.hpp"
#include "text_util.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

constexpr std::array<std::string_view, 17> roman = {"I",   "II",  "III",  "IV",  "V",  "VI",   "VII",  "VIII", "IX",
                                                    "X",   "XI",  "XII",  "XIII", "XIV", "XV", "XVI", "XVII"};

constexpr std::array<std::string_view, 17> pangkat_names = {
    "Juru Muda",       "Juru Muda Tingkat I",     "Juru",                "Juru Tingkat I",
    "Pengatur Muda",   "Pengatur Muda Tingkat I", "Pengatur",            "Pengatur Tingkat I",
    "Penata Muda",     "Penata Muda Tingkat I",   "Penata",              "Penata Tingkat I",
    "Pembina",         "Pembina Tingkat I",       "Pembina Utama Muda",  "Pembina Utama Madya",
    "Pembina Utama"};

// PNS levels: golongan I..IV, ruang a..d (IV has a..e).
int pns_level(int golongan, char ruang) {
  const int r = detail::ascii_lower(ruang) - 'a';
  if (golongan < 1 || golongan > 4 || r < 0) return 0;
  if (golongan < 4 && r > 3) return 0;
  if (golongan == 4 && r > 4) return 0;
  return (golongan - 1) * 4 + r + 1;
}

int roman_value(std::string_view s) {
  for (std::size_t i = 0; i < roman.size(); ++i) {
    if (detail::iequals(s, roman[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace

Grade Grade::pns(int level) {
  if (level < 1 || level > levels) throw error(errc::OutOfRange, "PNS grade level must be 1..17");
  return Grade(EmploymentStatus::Pns, level);
}

Grade Grade::pppk(int level) {
  if (level < 1 || level > levels) throw error(errc::OutOfRange, "PPPK grade level must be 1..17");
  return Grade(EmploymentStatus::Pppk, level);
}

std::optional<Grade> Grade::parse(std::string_view text) noexcept {
  text = detail::trim(text);
  // Take the last whitespace-separated token: "Penata Muda Tk.I III/b" -> "III/b".
  if (const auto sp = text.find_last_of(" \t"); sp != std::string_view::npos) text = text.substr(sp + 1);
  if (text.empty()) return std::nullopt;
  // Split roman numeral and ruang letter: "III/a", "III-a", "IIIa".
  std::size_t n = 0;
  while (n < text.size() && (detail::ascii_lower(text[n]) == 'i' || detail::ascii_lower(text[n]) == 'v' ||
                             detail::ascii_lower(text[n]) == 'x')) {
    ++n;
  }
  if (n == 0) return std::nullopt;
  const std::string_view numeral = text.substr(0, n);
  std::string_view rest = text.substr(n);
  if (rest.empty()) {
    const int v = roman_value(numeral);
    if (v == 0) return std::nullopt;
    return Grade(EmploymentStatus::Pppk, v);
  }
  if (rest.front() == '/' || rest.front() == '-') rest.remove_prefix(1);
  if (rest.size() != 1) return std::nullopt;
  const int golongan = roman_value(numeral);
  const int level = pns_level(golongan, rest.front());
  if (level == 0) return std::nullopt;
  return Grade(EmploymentStatus::Pns, level);
}

std::string Grade::to_string() const {
  if (empty()) return {};
  if (scheme_ == EmploymentStatus::Pppk) return std::string(roman[static_cast<std::size_t>(level_ - 1)]);
  const int golongan = level_ <= 16 ? (level_ - 1) / 4 + 1 : 4;
  const int ruang = level_ - (golongan - 1) * 4 - 1;
  std::string out(roman[static_cast<std::size_t>(golongan - 1)]);
  out += '/';
  out += static_cast<char>('a' + ruang);
  return out;
}

std::string_view Grade::pangkat() const noexcept {
  if (empty() || scheme_ != EmploymentStatus::Pns) return {};
  return pangkat_names[static_cast<std::size_t>(level_ - 1)];
}

int Grade::sapk_code() const noexcept {
  if (empty() || scheme_ != EmploymentStatus::Pns) return 0;
  const int golongan = level_ <= 16 ? (level_ - 1) / 4 + 1 : 4;
  const int ruang = level_ - (golongan - 1) * 4;
  return golongan * 10 + ruang;
}

std::string_view to_string(Position position) noexcept {
  switch (position) {
    case Position::Unknown: return "";
    case Position::JptUtama: return "jpt_utama";
    case Position::JptMadya: return "jpt_madya";
    case Position::JptPratama: return "jpt_pratama";
    case Position::Administrator: return "administrator";
    case Position::Pengawas: return "pengawas";
    case Position::Pelaksana: return "pelaksana";
    case Position::Fungsional: return "fungsional";
  }
  return "";
}

std::optional<Position> parse_position(std::string_view text) noexcept {
  const std::string key = detail::normalize_key(detail::trim(text));
  for (int p = static_cast<int>(Position::JptUtama); p <= static_cast<int>(Position::Fungsional); ++p) {
    if (key == to_string(static_cast<Position>(p))) return static_cast<Position>(p);
  }
  return std::nullopt;
}

bool is_managerial(Position position) noexcept {
  return is_jpt(position) || position == Position::Administrator || position == Position::Pengawas;
}

bool is_jpt(Position position) noexcept {
  return position == Position::JptUtama || position == Position::JptMadya || position == Position::JptPratama;
}

}  // namespace v1
}  // namespace kinerja
