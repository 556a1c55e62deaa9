#include <doctest/doctest.h>

#include <string>

#include "io/text.hpp"

using kinerja::detail::find_invalid_utf8;
using kinerja::detail::parse_number;
using kinerja::detail::printable;

namespace {
const char* why(std::string_view text, bool decimal_comma = false) {
  double v = 0;
  return parse_number(text, decimal_comma, v);
}
double value(std::string_view text, bool decimal_comma = false) {
  double v = -1;
  REQUIRE(parse_number(text, decimal_comma, v) == nullptr);
  return v;
}
}  // namespace

TEST_SUITE("io") {
  TEST_CASE("UTF-8 text is accepted, other encodings are pointed at") {
    CHECK(find_invalid_utf8("Dinas Kesehatan") == std::string_view::npos);
    CHECK(find_invalid_utf8("Bapak Sutomo, S.H., M.Si.") == std::string_view::npos);
    CHECK(find_invalid_utf8("Kecamatan Cibéber") == std::string_view::npos);  // é in UTF-8
    CHECK(find_invalid_utf8("日本語 ok") == std::string_view::npos);
    CHECK(find_invalid_utf8("Cib\xE9" "ber") == 3);                       // é in Windows-1252
    CHECK(find_invalid_utf8("abc\xC0\xAF") == 3);                         // overlong '/'
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);                        // UTF-16 surrogate
    CHECK(find_invalid_utf8("abc\xE2\x82") == 3);                         // truncated sequence
    CHECK(find_invalid_utf8(std::string_view("ab\0c", 4)) == 2);          // NUL
    CHECK(find_invalid_utf8("tab\there") == std::string_view::npos);
    CHECK(find_invalid_utf8("0123456789abcdef\x01") == 16);               // past the 8-byte fast path
  }

  TEST_CASE("numbers: plain decimals, decimal comma only with the semicolon delimiter") {
    CHECK(value("87.5") == 87.5);
    CHECK(value(" 87.5 ") == 87.5);
    CHECK(value("-3") == -3.0);
    CHECK(value("+0.25") == 0.25);
    CHECK(value("87,5", true) == 87.5);
    CHECK(value("87.5", true) == 87.5);
    CHECK(value("12.") == 12.0);
    CHECK(value(".5") == 0.5);
    CHECK(value("9.12") == 9.12);
  }

  TEST_CASE("numbers: NaN, infinities, separators, units and exponents are errors") {
    CHECK(std::string(why("NaN")).find("NaN") != std::string::npos);
    CHECK(std::string(why("nan")).find("NaN") != std::string::npos);
    CHECK(std::string(why("-inf")).find("infinity") != std::string::npos);
    CHECK(std::string(why("Infinity")).find("infinity") != std::string::npos);
    CHECK(std::string(why("1.234,5", true)).find("more than one decimal mark") != std::string::npos);
    CHECK(std::string(why("1.234.567")).find("more than one decimal mark") != std::string::npos);
    CHECK(std::string(why("87,5")).find("decimal mark") != std::string::npos);
    CHECK(std::string(why("1 234")).find("spaces") != std::string::npos);
    CHECK(std::string(why("87.5%")).find("%") != std::string::npos);
    CHECK(std::string(why("1e5")).find("exponent") != std::string::npos);
    CHECK(std::string(why("Rp 5000")) == "not a number");
    CHECK(std::string(why("")) == "empty number");
    CHECK(std::string(why("-")) == "not a number");
    CHECK(std::string(why(".")) == "not a number");
    CHECK(std::string(why(std::string(100, '1'))).find("too long") != std::string::npos);
    CHECK(std::string(why("9" + std::string(400, '9'))).find("too long") != std::string::npos);
  }

  TEST_CASE("printable escapes what a terminal should not see") {
    CHECK(printable("abc") == "abc");
    CHECK(printable("Cib\xE9" "ber") == "Cib\\xE9ber");
    CHECK(printable("Cibéber") == "Cibéber");
    CHECK(printable(std::string(100, 'x'), 10) == std::string(10, 'x') + "...");
  }
}
