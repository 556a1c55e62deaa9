// Private helpers for checking text fields and numbers read from files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kinerja {
inline namespace v1 {
namespace detail {

/// Byte index of the first invalid UTF-8 sequence (or of a NUL or other C0 control character
/// other than tab, CR, LF), or npos if `s` is clean UTF-8 text.
std::size_t find_invalid_utf8(std::string_view s) noexcept;

/// Why a number field was rejected, or nullptr if it was accepted.
/// Accepts [+-]? digits [. digits] (and ',' as the decimal mark when `decimal_comma`), with
/// surrounding spaces. Rejects NaN, infinities, exponents, thousands separators and units.
const char* parse_number(std::string_view text, bool decimal_comma, double& out) noexcept;

/// Text safe to quote in a message: invalid bytes as \xNN, long values shortened.
std::string printable(std::string_view s, std::size_t max_chars = 60);

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
