// Dates and periods. Calendar arithmetic goes through Boost.Date_Time, which stays private
// to this file.
#include "kinerja/period.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cstdio>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

namespace bg = boost::gregorian;

const bg::date& epoch() {
  static const bg::date value(1970, 1, 1);
  return value;
}

bg::date to_boost(Date d) { return epoch() + bg::date_duration(d.days_since_epoch()); }

Date from_boost(const bg::date& d) {
  return Date::from_days_since_epoch(static_cast<std::int32_t>((d - epoch()).days()));
}

bool parse_uint(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

}  // namespace

bool Date::is_leap_year(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int Date::days_in_month(int year, int month) noexcept {
  static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

std::optional<Date> Date::try_from_ymd(int year, int month, int day) noexcept {
  if (year < Period::min_year || year > Period::max_year) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  try {
    const bg::date d(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                     static_cast<unsigned short>(day));
    return from_boost(d);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Date Date::from_ymd(int year, int month, int day) {
  if (auto d = try_from_ymd(year, month, day)) return *d;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  throw error(errc::OutOfRange, std::string(buf) + " is not a day of the calendar (years 1400..9999)");
}

Date Date::parse(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && parse_uint(text.substr(0, 4), y) &&
      parse_uint(text.substr(5, 2), m) && parse_uint(text.substr(8, 2), d)) {
    if (auto date = try_from_ymd(y, m, d)) return *date;
    throw error(errc::ParseError, "'" + std::string(text) + "' is not a day of the calendar");
  }
  throw error(errc::ParseError, "'" + std::string(text) + "' is not a date of the form YYYY-MM-DD");
}

int Date::year() const noexcept { return to_boost(*this).year(); }
int Date::month() const noexcept { return to_boost(*this).month(); }
int Date::day() const noexcept { return to_boost(*this).day(); }
int Date::iso_weekday() const noexcept {
  const int w = to_boost(*this).day_of_week();  // 0 = Sunday
  return w == 0 ? 7 : w;
}

std::string Date::to_string() const {
  const auto ymd = to_boost(*this).year_month_day();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year), static_cast<int>(ymd.month),
                static_cast<int>(ymd.day));
  return buf;
}

int Date::full_years_between(Date from, Date to) noexcept {
  const auto a = to_boost(from).year_month_day();
  const auto b = to_boost(to).year_month_day();
  int years = static_cast<int>(b.year) - static_cast<int>(a.year);
  if (b.month < a.month || (b.month == a.month && b.day < a.day)) --years;
  return years;
}

std::string_view to_string(PeriodKind kind) noexcept {
  switch (kind) {
    case PeriodKind::Year: return "year";
    case PeriodKind::Quarter: return "quarter";
    case PeriodKind::Month: return "month";
    case PeriodKind::Day: return "day";
  }
  return "unknown";
}

namespace {
void check_year(int year) {
  if (year < Period::min_year || year > Period::max_year) {
    throw error(errc::OutOfRange, "year " + std::to_string(year) + " is outside 1400..9999");
  }
}
}  // namespace

Period Period::year(int year) {
  check_year(year);
  return Period(year, PeriodKind::Year, 1, 1);
}

Period Period::quarter(int year, int quarter) {
  check_year(year);
  if (quarter < 1 || quarter > 4) throw error(errc::OutOfRange, "quarter must be 1..4");
  return Period(year, PeriodKind::Quarter, 3 * (quarter - 1) + 1, 1);
}

Period Period::month(int year, int month) {
  check_year(year);
  if (month < 1 || month > 12) throw error(errc::OutOfRange, "month must be 1..12");
  return Period(year, PeriodKind::Month, month, 1);
}

Period Period::day(Date date) {
  const auto ymd = to_boost(date).year_month_day();
  check_year(ymd.year);
  return Period(ymd.year, PeriodKind::Day, ymd.month, ymd.day);
}

std::optional<Period> Period::try_parse(std::string_view s, std::string* why) {
  // The reason is only built on failure: parsing stays allocation-free on the hot path.
  auto fail = [&](const char* before, const char* after) -> std::optional<Period> {
    if (why) *why = std::string(before) + "'" + std::string(s) + "'" + after;
    return std::nullopt;
  };
  int y = 0;
  if (s.size() < 4 || !parse_uint(s.substr(0, 4), y)) {
    return fail("", " is not a period: expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD");
  }
  if (y < min_year || y > max_year) return fail("year in ", " is outside 1400..9999");
  if (s.size() == 4) return Period(y, PeriodKind::Year, 1, 1);
  std::string_view rest = s.substr(4);
  if (rest.front() == '-') rest.remove_prefix(1);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q')) {
    const int q = rest[1] - '0';
    if (q < 1 || q > 4) return fail("quarter in ", " must be Q1..Q4");
    return Period(y, PeriodKind::Quarter, 3 * (q - 1) + 1, 1);
  }
  if (s.size() == 7 && s[4] == '-') {
    int m = 0;
    if (!parse_uint(s.substr(5, 2), m)) return fail("", " is not a period: month must be two digits");
    if (m < 1 || m > 12) return fail("month in ", " must be 01..12");
    return Period(y, PeriodKind::Month, m, 1);
  }
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    int m = 0, d = 0;
    if (!parse_uint(s.substr(5, 2), m) || !parse_uint(s.substr(8, 2), d)) {
      return fail("", " is not a date of the form YYYY-MM-DD");
    }
    if (m < 1 || m > 12) return fail("month in ", " must be 01..12");
    if (d < 1 || d > Date::days_in_month(y, m)) return fail("", " is not a day of the calendar");
    return Period(y, PeriodKind::Day, m, d);
  }
  return fail("", " is not a period: expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD");
}

Period Period::parse(std::string_view text) {
  std::string why;
  if (auto p = try_parse(text, &why)) return *p;
  throw error(errc::ParseError, why);
}

int Period::quarter() const noexcept { return kind_ == PeriodKind::Year ? 0 : (month_ - 1) / 3 + 1; }

int Period::month() const noexcept {
  return (kind_ == PeriodKind::Month || kind_ == PeriodKind::Day) ? month_ : 0;
}

Date Period::first_day() const noexcept {
  return from_boost(bg::date(static_cast<unsigned short>(year_), month_, day_));
}

Date Period::last_day() const noexcept {
  const auto y = static_cast<unsigned short>(year_);
  switch (kind_) {
    case PeriodKind::Year: return from_boost(bg::date(y, 12, 31));
    case PeriodKind::Quarter: {
      const int last_month = month_ + 2;
      return from_boost(bg::date(y, static_cast<unsigned short>(last_month),
                                 static_cast<unsigned short>(Date::days_in_month(year_, last_month))));
    }
    case PeriodKind::Month:
      return from_boost(bg::date(y, month_, static_cast<unsigned short>(Date::days_in_month(year_, month_))));
    case PeriodKind::Day: break;
  }
  return first_day();
}

bool Period::contains(const Period& other) const noexcept {
  return first_day() <= other.first_day() && other.last_day() <= last_day();
}

bool Period::overlaps(const Period& other) const noexcept {
  return first_day() <= other.last_day() && other.first_day() <= last_day();
}

std::string Period::to_string() const {
  char buf[32];
  switch (kind_) {
    case PeriodKind::Year: std::snprintf(buf, sizeof buf, "%04d", year_); break;
    case PeriodKind::Quarter: std::snprintf(buf, sizeof buf, "%04d-Q%d", year_, quarter()); break;
    case PeriodKind::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", year_, month_); break;
    case PeriodKind::Day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_); break;
  }
  return buf;
}

std::int32_t days_between(const Period& from, const Period& to) noexcept { return to.first_day() - from.first_day(); }

std::int32_t months_between(const Period& from, const Period& to) noexcept {
  return (to.year() - from.year()) * 12 + (to.first_month() - from.first_month());
}

}  // namespace v1
}  // namespace kinerja
