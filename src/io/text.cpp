#include "io/text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <system_error>

#include "core/text_util.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {

std::size_t find_invalid_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      // No byte >= 0x80 and no byte < 0x20.
      const std::uint64_t high = w & 0x8080808080808080ULL;
      const std::uint64_t low = (w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL;
      if ((high | low) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') return i;
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07u;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

const char* parse_number(std::string_view text, bool decimal_comma, double& out) noexcept {
  const std::string_view s = trim(text);
  if (s.empty()) return "empty number";
  char buf[80];
  if (s.size() >= sizeof buf) return "number is too long";
  std::size_t n = 0;
  std::size_t i = 0;
  // std::from_chars takes '-' but not '+': a plus sign is accepted and dropped.
  if (s[i] == '-') buf[n++] = s[i++];
  else if (s[i] == '+') ++i;
  std::size_t digits = 0;
  bool point = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      ++digits;
      buf[n++] = c;
    } else if (c == '.' || c == ',') {
      if (c == ',' && !decimal_comma) return "',' is not a decimal mark in a ','-separated file (use '.')";
      if (point) return "more than one decimal mark (thousands separators are not allowed)";
      point = true;
      buf[n++] = '.';
    } else {
      break;
    }
  }
  if (i != s.size()) {
    const std::string key = normalize_key(s.substr(s[0] == '+' || s[0] == '-' ? 1 : 0));
    if (key == "nan") return "NaN is not a number value";
    if (key == "inf" || key == "infinity") return "infinity is not allowed";
    const char c = s[i];
    if (digits == 0) return "not a number";
    if (c == 'e' || c == 'E') return "exponent notation is not allowed (write the plain decimal)";
    if (c == ' ') return "spaces inside a number (thousands separators are not allowed)";
    if (c == '%') return "'%' inside a number (write 87.5, not 87.5%)";
    return "not a number";
  }
  if (digits == 0) return "not a number";
  const auto res = std::from_chars(buf, buf + n, out);
  if (res.ec == std::errc::result_out_of_range) return "number is out of range";
  if (res.ec != std::errc() || res.ptr != buf + n || !std::isfinite(out)) return "not a number";
  return nullptr;
}

std::string printable(std::string_view s, std::size_t max_chars) {
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (shown == max_chars) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t bad = find_invalid_utf8(s.substr(i, c < 0x80 ? 1 : std::min<std::size_t>(4, s.size() - i)));
    if (c < 0x80 ? bad != std::string_view::npos : bad == 0) {
      static const char hex[] = "0123456789ABCDEF";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c >= 0x80) {
      // Copy the whole valid sequence.
      std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
      out.append(s.data() + i, len);
      i += len - 1;
    } else {
      out += static_cast<char>(c);
    }
    ++shown;
  }
  return out;
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
