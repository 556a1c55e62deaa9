// kinerja: the time series of a dataset and their trend statistics in bulk.
//
// build_series() turns a dataset into one series per indicator, employee or unit:
//
//  * Indicator: the realisations of the indicator whose period lies inside [from, to], in period
//    order. Whole-year rows (period "2025") are left out: a series is made of months, quarters or
//    days. Every indicator with at least one such realisation has a series.
//  * Employee / Unit: the owner's weighted achievement per period. For each period p for which
//    one of the owner's indicators of p's year has a realisation, each indicator's year-to-date
//    value at p (its realisations of the year up to the end of p, combined by its accumulation:
//    sum, last, mean, max, min) is turned into a capaian by its polarity and the achievement
//    policy of the rule pack of p's year (RulePack::for_year, or the one pack given), capped,
//    and the owner's capped capaian are combined as score() combines them: the utama indicators
//    (and tambahan ones when the pack counts them), weighted by the given weights, or equally
//    when the owner gives none; an indicator without a value yet is excluded or counts 0 as the
//    pack's aggregation.missing says. A `sum` indicator is compared, by default
//    (SumTarget::Prorated), with its target pro-rated by the elapsed share of the year: at the
//    end of p the share is (end month) / 12 (a day counts as a fraction of its month), so a
//    quarterly count of 30 against a year target of 100 at the end of Q1 has capaian
//    30 / 25 = 120%. SumTarget::Full compares with the whole year's target. Periods where no
//    indicator has a capaian are left out. Every owner with at least one point has a series.
//  * Predikat: each employee's predikat on kinerja's ordinal scale across regimes (domain.md
//    §8.3; a library convention, not a regulation): SB = 5, B = 4, BP / Cukup = 3, K = 2,
//    SK / Buruk = 1. Years under a 6/2022 pack take the predikat of the 3x3 matrix from
//    ratings.csv (annual and periodic rows); years under a numeric pack (8/2021, PP 46/2011) the
//    predikat or sebutan of score(). Of an annual and a periodic point ending on the same day the
//    annual one is kept: it is an evaluation of its own.
//
// Times are real: months since year 0 as a double, at the END of each period: month 2025-07 is
// 2025 * 12 + 7, quarter 2025-Q3 is its last month 2025 * 12 + 9, day 2025-07-15 is
// 2025 * 12 + 6 + 15 / 31. Gaps are kept (a missing month is a step of 2). Two periods of one
// series ending at the same time (2025-Q1 and 2025-03) give one point, the one that starts
// later (the month). Each point records the rule set that scored it (for indicators: the rule
// set of the pack of its year, although a raw realisation does not depend on it).
//
// trend_statistics() computes per series OLS, Mann-Kendall, Theil-Sen, Pettitt and (optionally)
// Hamed-Rao, in parallel over series, with results equal to those of the single-series functions
// of trend_stats.hpp (ols, mann_kendall, sen_slope, pettitt, hamed_rao), field by field. OLS and
// Hamed-Rao call those functions; the others are computed faster with the same arithmetic:
// Mann-Kendall S, its tie terms and Pettitt's U by exact integer counts over all pairs (series
// up to 512 points; longer ones call the functions, O(n log n)). The Theil-Sen median and
// interval bounds are found by selection, never by sorting the n (n - 1) / 2 slopes: below 512
// points all slopes are formed and selected among (O(n^2)); from 512 points on they are counted
// between two cuts by merge sorts and only the O(n) slopes near the ranks needed are formed
// (O(n log n) expected; see docs/trend.md). The order statistics are the same elements either
// way, so the values are identical. Series are split into one block of consecutive series per
// thread and each is computed alone, so the result does not depend on the number of threads.
// build_series() likewise builds consecutive indicators or owners per thread and joins them in
// order. Memory: the result columns plus, per thread, buffers of one series. Slopes are per
// month. No I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kinerja/dataset.hpp"
#include "kinerja/export.hpp"
#include "kinerja/period.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/trend_stats.hpp"

namespace kinerja {
inline namespace v1 {

/// What a series follows.
enum class TrendLevel : std::uint8_t { Indicator = 0, Employee = 1, Unit = 2, Predikat = 3 };

/// "indicator", "employee", "unit", "predikat".
KIN_CXX_API std::string_view to_string(TrendLevel level) noexcept;

/// The target a `sum` indicator's year-to-date value is compared with.
enum class SumTarget : std::uint8_t {
  Prorated,  ///< the year target times the elapsed share of the year (default)
  Full,      ///< the whole year's target
};

/// How build_series() scores owners (unused at the indicator level, except for the rule set).
struct SeriesOptions {
  SumTarget sum_target = SumTarget::Prorated;
  /// One rule pack for every year; when empty, RulePack::for_year of each point's year.
  std::optional<RulePack> rules;
  /// Threads for the indicator, employee and unit levels (0: std::thread::hardware_concurrency());
  /// the table is the same for any count.
  unsigned threads = 0;
};

/// Series in compressed rows: the points of series s are offsets[s] .. offsets[s + 1] - 1, in
/// strictly increasing time.
struct SeriesTable {
  TrendLevel level = TrendLevel::Indicator;
  std::vector<Index> subject;           ///< row in the indicator, employee or unit table
  std::vector<std::uint64_t> offsets;   ///< size() + 1 entries
  std::vector<double> time;             ///< months since year 0 at the end of the period
  std::vector<double> value;            ///< realisation (indicator) or weighted capaian % (owner)
  std::vector<Period> period;           ///< the period of the point
  std::vector<RuleSet> rule_set;        ///< the rule set of the point's year
  std::size_t size() const noexcept { return subject.size(); }
  std::size_t points() const noexcept { return time.size(); }
};

/// The time of a period: months since year 0 at its end (see above).
KIN_CXX_API double period_end_time(const Period& period) noexcept;

/// The series of `level` over [from, to]: periods whose first day is on or after from's first
/// day and whose last day is on or before to's last day. Throws errc::InvalidArgument when
/// `to` ends before `from` starts. The realisation index is built on a copy when missing.
KIN_CXX_API SeriesTable build_series(const Dataset& dataset, TrendLevel level, Period from, Period to,
                                     const SeriesOptions& options = {});

/// The earliest and latest period of the dataset's realisations, whole-year values aside (the
/// default range of a trend analysis); false, leaving both unchanged, when there is none.
KIN_CXX_API bool realization_period_range(const Dataset& dataset, Period& first, Period& last);

/// The id of series s: indicator_id, nip or unit_id.
KIN_CXX_API std::string series_id(const Dataset& dataset, const SeriesTable& series, std::size_t s);

/// The direction of a series by the Mann-Kendall test.
enum class TrendDirection : std::uint8_t {
  NoTrend = 0,  ///< p > alpha, or no test (too short, constant)
  Increasing,   ///< p <= alpha and S > 0
  Decreasing,   ///< p <= alpha and S < 0
};

/// "no_trend", "increasing", "decreasing".
KIN_CXX_API std::string_view to_string(TrendDirection direction) noexcept;

struct TrendOptions {
  double alpha = 0.05;                         ///< level of the direction, and of Hamed-Rao's lags
  double confidence = 0.95;                    ///< of the Sen slope interval
  std::size_t min_length = default_min_length; ///< shorter series are TooShort
  bool hamed_rao = true;                       ///< O(n^2) per series; false leaves its column NaN
  std::size_t max_lag = 0;                     ///< of Hamed-Rao (0: all lags)
  /// The seasonal Mann-Kendall test (months, or quarters, as seasons) of monthly and quarterly
  /// series; false leaves its column NaN.
  bool seasonal = true;
  unsigned threads = 0;                        ///< 0: std::thread::hardware_concurrency()
};

/// One row per series, in the order of the SeriesTable. Each column holds what its single-series
/// function returns (a constant series: OLS slope 0, Sen slope 0, Pettitt p 1; too short: NaN, 0
/// for the integer columns).
struct TrendTable {
  std::vector<std::uint32_t> n;
  std::vector<Period> first_period, last_period;  ///< Period() for an empty series
  std::vector<double> ols_slope, ols_intercept, ols_r_squared, ols_p;
  std::vector<std::int64_t> mk_s;
  std::vector<double> mk_var_s, mk_z, mk_p, mk_tau;
  std::vector<double> sen_slope, sen_intercept, sen_lower, sen_upper;
  /// Pettitt: position of the first point after the change (0 when no test), its period (the
  /// first period when no test) and the p-value.
  std::vector<std::uint32_t> pettitt_index;
  std::vector<Period> pettitt_period;
  std::vector<double> pettitt_p;
  std::vector<double> hamed_rao_p;  ///< NaN when not asked for or not computable
  /// Seasonal Mann-Kendall p; NaN when not asked for, for series of days or mixed periods, and
  /// when no season has two values.
  std::vector<double> seasonal_mk_p;
  std::vector<TrendDirection> direction;
  std::vector<TrendStatus> status;  ///< the Mann-Kendall status: Ok, TooShort or Constant
  std::size_t size() const noexcept { return n.size(); }
};

/// Trend statistics of every series. Throws errc::InvalidArgument on an alpha or confidence
/// outside (0, 1), inconsistent offsets, or a series whose values are not finite or whose times
/// do not increase.
KIN_CXX_API TrendTable trend_statistics(const SeriesTable& series, const TrendOptions& options = {});

}  // namespace v1
}  // namespace kinerja
