#include "kinerja/nip.hpp"

#include "kinerja/error.hpp"
#include "text_util.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

int digits_value(std::string_view s, std::size_t pos, std::size_t count) {
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

NipCheck invalid(std::string problem, std::size_t at) {
  NipCheck out;
  out.problem = std::move(problem);
  out.problem_at = at;
  return out;
}

}  // namespace

NipCheck check_nip(std::string_view s) {
  if (s.empty()) return invalid("NIP is empty", 0);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') {
      if (s[i] == ' ') return invalid("NIP must be written without spaces (18 digits)", i);
      return invalid("NIP may contain digits only", i);
    }
  }
  if (s.size() != 18) {
    return invalid("NIP must have 18 digits, found " + std::to_string(s.size()), s.size() < 18 ? s.size() : 18);
  }

  Nip nip;
  for (std::size_t i = 0; i < 18; ++i) nip.digits[i] = s[i];

  const int by = digits_value(s, 0, 4), bm = digits_value(s, 4, 2), bd = digits_value(s, 6, 2);
  if (bm < 1 || bm > 12) return invalid("birth month " + std::string(s.substr(4, 2)) + " is not 01..12", 4);
  const auto birth = Date::try_from_ymd(by, bm, bd);
  if (!birth) return invalid("birth date " + std::string(s.substr(0, 8)) + " is not a day of the calendar", 6);
  nip.birth_date = *birth;
  nip.tmt_year = digits_value(s, 8, 4);
  if (nip.tmt_year < 1900) return invalid("appointment year " + std::string(s.substr(8, 4)) + " is before 1900", 8);

  if (s[12] == '2') {
    // PPPK: YYYYMMDD YYYY 2 F G NNN
    nip.status = EmploymentStatus::Pppk;
    nip.appointment = s[13] - '0';
    if (nip.appointment < 1) return invalid("PPPK appointment number must be 1..9", 13);
    const int g = s[14] - '0';
    if (g != 1 && g != 2) return invalid("gender digit must be 1 or 2, found " + std::string(1, s[14]), 14);
    nip.gender = static_cast<Gender>(g);
  } else {
    // PNS: YYYYMMDD YYYYMM G NNN; digit 13 is the tens digit of the TMT month (0 or 1)
    nip.status = EmploymentStatus::Pns;
    nip.tmt_month = digits_value(s, 12, 2);
    if (nip.tmt_month < 1 || nip.tmt_month > 12) {
      return invalid("TMT CPNS month " + std::string(s.substr(12, 2)) + " is not 01..12", 12);
    }
    const int g = s[14] - '0';
    if (g != 1 && g != 2) return invalid("gender digit must be 1 or 2, found " + std::string(1, s[14]), 14);
    nip.gender = static_cast<Gender>(g);
  }
  nip.sequence = digits_value(s, 15, 3);
  if (nip.sequence == 0) return invalid("sequence number 000 is not allowed", 15);

  NipCheck out;
  const int tmt_month = nip.tmt_month == 0 ? 12 : nip.tmt_month;  // PPPK: no month, take the latest
  const auto tmt = Date::try_from_ymd(nip.tmt_year, tmt_month, Date::days_in_month(nip.tmt_year, tmt_month));
  if (tmt && *tmt < nip.birth_date) {
    return invalid("appointment (TMT) " + std::to_string(nip.tmt_year) + " is before the birth date", 8);
  }
  if (tmt && Date::full_years_between(nip.birth_date, *tmt) < 18) {
    out.warning = "appointed before the age of 18 (TMT " + std::to_string(nip.tmt_year) + ", born " +
                  nip.birth_date.to_string() + ")";
  }
  out.nip = nip;
  return out;
}

Nip parse_nip(std::string_view text) {
  NipCheck c = check_nip(text);
  if (!c.nip) throw error(errc::ParseError, "invalid NIP '" + std::string(text) + "': " + c.problem);
  return *c.nip;
}

std::string Nip::display() const {
  const std::string s = to_string();
  if (status == EmploymentStatus::Pns) {
    return s.substr(0, 8) + " " + s.substr(8, 6) + " " + s.substr(14, 1) + " " + s.substr(15, 3);
  }
  return s.substr(0, 8) + " " + s.substr(8, 4) + " " + s.substr(12, 1) + " " + s.substr(13, 1) + " " +
         s.substr(14, 1) + " " + s.substr(15, 3);
}

std::uint64_t Nip::to_integer() const noexcept {
  std::uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return v;
}

std::string_view to_string(EmploymentStatus status) noexcept {
  return status == EmploymentStatus::Pns ? "pns" : "pppk";
}

std::optional<EmploymentStatus> parse_employment_status(std::string_view text) noexcept {
  if (detail::iequals(text, "pns")) return EmploymentStatus::Pns;
  if (detail::iequals(text, "pppk")) return EmploymentStatus::Pppk;
  return std::nullopt;
}

}  // namespace v1
}  // namespace kinerja
