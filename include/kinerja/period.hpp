// kinerja: calendar dates and reporting periods.
//
// A `Period` is what a realisation, rating or survey refers to: a year ("2025"), a quarter
// ("2025-Q3", the TRIWULAN of PermenPANRB 6/2022), a month ("2025-07") or a single day
// ("2025-07-15"). Periods order by their first day, and a longer period sorts before a shorter
// one that starts on the same day (2025 < 2025-Q1 < 2025-01 < 2025-01-01). Distances are measured
// in days or months between first days, on the real calendar: a gap stays a gap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kinerja/export.hpp"

namespace kinerja {
inline namespace v1 {

/// A day of the proleptic Gregorian calendar, years 1400 to 9999, stored as days since
/// 1970-01-01. Calendar arithmetic is done by Boost.Date_Time inside the library.
class KIN_CXX_API Date {
 public:
  /// 1970-01-01.
  constexpr Date() noexcept = default;
  /// Throws errc::OutOfRange unless year/month/day name a real day in years 1400..9999.
  static Date from_ymd(int year, int month, int day);
  /// nullopt unless year/month/day name a real day in years 1400..9999.
  static std::optional<Date> try_from_ymd(int year, int month, int day) noexcept;
  /// Parses "YYYY-MM-DD"; throws errc::ParseError.
  static Date parse(std::string_view text);
  static constexpr Date from_days_since_epoch(std::int32_t days) noexcept { return Date(days); }

  constexpr std::int32_t days_since_epoch() const noexcept { return days_; }
  int year() const noexcept;
  int month() const noexcept;
  int day() const noexcept;
  /// 1 = Monday ... 7 = Sunday (ISO 8601).
  int iso_weekday() const noexcept;
  /// "YYYY-MM-DD".
  std::string to_string() const;

  /// Whole calendar years from `from` to `to` (an age): 2000-02-29 to 2018-02-28 is 17.
  static int full_years_between(Date from, Date to) noexcept;
  static bool is_leap_year(int year) noexcept;
  static int days_in_month(int year, int month) noexcept;

  friend constexpr std::int32_t operator-(Date a, Date b) noexcept { return a.days_ - b.days_; }
  friend constexpr bool operator==(Date a, Date b) noexcept { return a.days_ == b.days_; }
  friend constexpr bool operator!=(Date a, Date b) noexcept { return a.days_ != b.days_; }
  friend constexpr bool operator<(Date a, Date b) noexcept { return a.days_ < b.days_; }
  friend constexpr bool operator<=(Date a, Date b) noexcept { return a.days_ <= b.days_; }
  friend constexpr bool operator>(Date a, Date b) noexcept { return a.days_ > b.days_; }
  friend constexpr bool operator>=(Date a, Date b) noexcept { return a.days_ >= b.days_; }

 private:
  constexpr explicit Date(std::int32_t days) noexcept : days_(days) {}
  std::int32_t days_ = 0;
};

enum class PeriodKind : std::uint8_t { Year = 0, Quarter = 1, Month = 2, Day = 3 };

KIN_CXX_API std::string_view to_string(PeriodKind kind) noexcept;

/// A reporting period. Trivially copyable, 6 bytes, ordered and hashable by value.
class KIN_CXX_API Period {
 public:
  static constexpr int min_year = 1400;
  static constexpr int max_year = 9999;

  /// The year 2000 (a placeholder; prefer the named constructors).
  constexpr Period() noexcept = default;
  static Period year(int year);
  /// quarter in 1..4
  static Period quarter(int year, int quarter);
  /// month in 1..12
  static Period month(int year, int month);
  static Period day(Date date);

  /// Parses "2025", "2025-Q3" (also "2025Q3", lower-case q), "2025-07" or "2025-07-15".
  /// Throws errc::ParseError with a message saying what is wrong.
  static Period parse(std::string_view text);
  /// Like parse(); on failure returns nullopt and, when `why` is given, stores the reason.
  static std::optional<Period> try_parse(std::string_view text, std::string* why = nullptr);

  constexpr PeriodKind kind() const noexcept { return kind_; }
  constexpr int year() const noexcept { return year_; }
  /// 1..4 for quarters, 1..12 for months and days, 0 for years.
  int quarter() const noexcept;
  /// First month of the period, 1..12.
  constexpr int first_month() const noexcept { return month_; }
  /// 1..12 for months and days, 0 for years and quarters.
  int month() const noexcept;

  Date first_day() const noexcept;
  Date last_day() const noexcept;
  /// Number of days covered (365 or 366 for a year).
  int length_in_days() const noexcept { return (last_day() - first_day()) + 1; }
  /// True if every day of `other` lies inside this period.
  bool contains(const Period& other) const noexcept;
  /// True if the two periods share at least one day.
  bool overlaps(const Period& other) const noexcept;

  /// Canonical text: "2025", "2025-Q3", "2025-07", "2025-07-15".
  std::string to_string() const;

  /// A dense, order-preserving 32-bit key (for sorting and hashing columns of periods).
  constexpr std::uint32_t key() const noexcept {
    return (static_cast<std::uint32_t>(year_) << 13) | (static_cast<std::uint32_t>(month_) << 9) |
           (static_cast<std::uint32_t>(day_) << 2) | static_cast<std::uint32_t>(kind_);
  }

  friend constexpr bool operator==(const Period& a, const Period& b) noexcept { return a.key() == b.key(); }
  friend constexpr bool operator!=(const Period& a, const Period& b) noexcept { return a.key() != b.key(); }
  friend constexpr bool operator<(const Period& a, const Period& b) noexcept { return a.key() < b.key(); }
  friend constexpr bool operator<=(const Period& a, const Period& b) noexcept { return a.key() <= b.key(); }
  friend constexpr bool operator>(const Period& a, const Period& b) noexcept { return a.key() > b.key(); }
  friend constexpr bool operator>=(const Period& a, const Period& b) noexcept { return a.key() >= b.key(); }

 private:
  constexpr Period(int year, PeriodKind kind, int month, int day) noexcept
      : year_(static_cast<std::int16_t>(year)), kind_(kind), month_(static_cast<std::uint8_t>(month)),
        day_(static_cast<std::uint8_t>(day)) {}
  std::int16_t year_ = 2000;
  PeriodKind kind_ = PeriodKind::Year;
  std::uint8_t month_ = 1;  // first month of the period
  std::uint8_t day_ = 1;    // first day of the period
  std::uint8_t unused_ = 0;  // the padding, named so that a snapshot writes zero, not leftovers
};

/// Days from the first day of `from` to the first day of `to` (negative if `to` is earlier).
KIN_CXX_API std::int32_t days_between(const Period& from, const Period& to) noexcept;
/// Calendar months from the first month of `from` to the first month of `to`.
KIN_CXX_API std::int32_t months_between(const Period& from, const Period& to) noexcept;

}  // namespace v1
}  // namespace kinerja
