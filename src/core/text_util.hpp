// Private text helpers shared by the core and the readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kinerja {
inline namespace v1 {
namespace detail {

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// ASCII case-insensitive equality.
inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

/// Lower-cases ASCII letters and maps ' ' and '-' to '_': "Butuh Perbaikan" -> "butuh_perbaikan".
inline std::string normalize_key(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = ascii_lower(c);
    if (c == ' ' || c == '-') c = '_';
  }
  return out;
}

/// Removes leading and trailing ASCII spaces and tabs.
inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
