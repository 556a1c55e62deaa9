// kinerja: inter-rater reliability of performance ratings.
//
// When several Penilai (raters) score the same pegawai, units or indicators (targets), kinerja
// measures how far their scores agree before they are calibrated. The scores form a
// `ScoreMatrix`: one row per target, one column per rater, NaN where a rater gave no score.
//
// Two families of coefficients:
//
//  * The six intraclass correlations of Shrout & Fleiss (1979), also named after McGraw & Wong
//    (1996), from the mean squares of a two-way ANOVA without replication (n targets, k raters):
//
//      MSB rows (targets), MSJ columns (raters), MSE residual, MSW within targets
//
//      type   Shrout-Fleiss  McGraw-Wong  value                                      F test
//      ICC1   ICC(1,1)       ICC(1)       (MSB-MSW) / (MSB + (k-1) MSW)               MSB/MSW
//      ICC2   ICC(2,1)       ICC(A,1)     (MSB-MSE) / (MSB + (k-1) MSE + k(MSJ-MSE)/n) MSB/MSE
//      ICC3   ICC(3,1)       ICC(C,1)     (MSB-MSE) / (MSB + (k-1) MSE)               MSB/MSE
//      ICC1k  ICC(1,k)       ICC(k)       (MSB-MSW) / MSB                             MSB/MSW
//      ICC2k  ICC(2,k)       ICC(A,k)     (MSB-MSE) / (MSB + (MSJ-MSE)/n)             MSB/MSE
//      ICC3k  ICC(3,k)       ICC(C,k)     (MSB-MSE) / MSB                             MSB/MSE
//
//    The F tests, p-values and confidence intervals are those of R's psych::ICC (the ANOVA
//    version): F-based intervals for ICC1 and ICC3, and for ICC2 the Shrout-Fleiss interval with
//    a Satterthwaite-type denominator degrees of freedom. The design must be complete: every
//    rater scores every target.
//
//  * Krippendorff's alpha (Krippendorff 2004, "Computing Krippendorff's Alpha-Reliability" 2011)
//    for nominal, ordinal, interval and ratio scores, with missing scores allowed: rows are the
//    units, columns the coders. alpha = 1 - Do/De, from the coincidence matrix of the pairable
//    values (units with at least 2 scores).
//
// Everything is computed in double precision and is deterministic. The F distribution is
// kinerja's own (regularised incomplete beta by continued fraction, quantiles by safeguarded
// Newton): relative error about 1e-16 times the larger degrees of freedom, so below 1e-13 up to
// 1000 degrees of freedom and about 1e-10 at a million.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "kinerja/export.hpp"

namespace kinerja {
inline namespace v1 {

/// The value that marks a missing score in a ScoreMatrix (any NaN does).
inline constexpr double missing_score = std::numeric_limits<double>::quiet_NaN();

/// Scores of targets (rows: pegawai, units, indicators) by raters (columns: Penilai, coders).
/// `values` is row-major with `rows * columns` entries; NaN marks a missing score.
struct ScoreMatrix {
  std::size_t rows = 0;
  std::size_t columns = 0;
  std::vector<double> values;

  /// The score of target `row` by rater `column` (0-based, unchecked).
  double operator()(std::size_t row, std::size_t column) const { return values[row * columns + column]; }

  /// A matrix from its rows. Throws errc::InvalidArgument when the rows differ in length.
  KIN_CXX_API static ScoreMatrix from_rows(const std::vector<std::vector<double>>& rows);

  /// The matrix with rows and columns swapped, e.g. to turn Krippendorff's coders x units
  /// reliability data into units x coders. Throws errc::InvalidArgument when `values` does not
  /// hold `rows * columns` entries.
  KIN_CXX_API ScoreMatrix transposed() const;
};

// ---------------------------------------------------------------------------------------------
// Intraclass correlations
// ---------------------------------------------------------------------------------------------

/// The six intraclass correlations, in the order and with the labels of psych::ICC.
enum class IccType : std::uint8_t {
  Icc1,   ///< ICC(1,1) = ICC(1): one-way random effects, absolute agreement, single rater
  Icc2,   ///< ICC(2,1) = ICC(A,1): two-way random effects, absolute agreement, single rater
  Icc3,   ///< ICC(3,1) = ICC(C,1): two-way mixed effects, consistency, single rater
  Icc1k,  ///< ICC(1,k) = ICC(k): one-way random effects, absolute agreement, mean of k raters
  Icc2k,  ///< ICC(2,k) = ICC(A,k): two-way random effects, absolute agreement, mean of k raters
  Icc3k,  ///< ICC(3,k) = ICC(C,k): two-way mixed effects, consistency, mean of k raters
};

/// The number of IccType values.
inline constexpr std::size_t icc_type_count = 6;

/// The label of psych::ICC: "ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k".
KIN_CXX_API std::string_view to_string(IccType type) noexcept;
/// The Shrout & Fleiss (1979) name: "ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)",
/// "ICC(3,k)".
KIN_CXX_API std::string_view shrout_fleiss_name(IccType type) noexcept;
/// The McGraw & Wong (1996) name: "ICC(1)", "ICC(A,1)", "ICC(C,1)", "ICC(k)", "ICC(A,k)",
/// "ICC(C,k)".
KIN_CXX_API std::string_view mcgraw_wong_name(IccType type) noexcept;
/// A plain description, e.g. "two-way random effects, absolute agreement, single rater".
KIN_CXX_API std::string_view description(IccType type) noexcept;

/// What an IccEstimate could compute. Degenerate but valid data gives a status, never an
/// unexplained NaN: every field that the status does not list as a number is NaN.
enum class IccStatus : std::uint8_t {
  /// value, f, p_value, lower and upper are numbers. `f` is +infinity (p_value 0, bounds the
  /// limits, usually 1) when the denominator mean square is 0 while MSB is not, e.g. raters who
  /// differ only by a constant offset (ICC3 = 1).
  Ok,
  /// value, f and p_value are numbers; the interval formula divides by zero (lower, upper NaN).
  NoInterval,
  /// value is a number but the F ratio is 0/0 (f, p_value, lower, upper NaN): e.g. ICC2 = 0 when
  /// every target receives the same scores and only the raters differ.
  NoTest,
  /// The estimate is 0/0 or x/0 (value, f, p_value, lower, upper NaN): every score equal (all mean
  /// squares 0), or MSB = 0 for the average-measure ICC1k and ICC3k (all target means equal).
  Undefined,
};

/// "ok", "no_interval", "no_test", "undefined".
KIN_CXX_API std::string_view to_string(IccStatus status) noexcept;

/// One intraclass correlation with its F test of H0: ICC = 0 and its confidence interval.
struct IccEstimate {
  IccType type = IccType::Icc1;
  IccStatus status = IccStatus::Undefined;
  double value = std::numeric_limits<double>::quiet_NaN();  ///< the ICC
  double f = std::numeric_limits<double>::quiet_NaN();      ///< F statistic (MSB/MSW or MSB/MSE)
  double df1 = 0;                                           ///< numerator degrees of freedom: n - 1
  double df2 = 0;  ///< denominator degrees of freedom: n(k-1) for ICC1/ICC1k, else (n-1)(k-1)
  double p_value = std::numeric_limits<double>::quiet_NaN();  ///< P(F(df1, df2) > f)
  double lower = std::numeric_limits<double>::quiet_NaN();    ///< lower confidence bound
  double upper = std::numeric_limits<double>::quiet_NaN();    ///< upper confidence bound

  /// True when `value` is a number (every status but Undefined).
  bool defined() const noexcept { return status != IccStatus::Undefined; }
};

/// The two-way ANOVA (without replication) behind the intraclass correlations.
struct IccAnova {
  double ms_rows = 0;     ///< MSB: between targets, df n - 1
  double ms_columns = 0;  ///< MSJ: between raters, df k - 1
  double ms_error = 0;    ///< MSE: residual, df (n-1)(k-1)
  double ms_within = 0;   ///< MSW: within targets (raters + residual), df n(k-1)
  double df_rows = 0;
  double df_columns = 0;
  double df_error = 0;
  double df_within = 0;
};

/// The six intraclass correlations of one complete score matrix.
struct IccResult {
  std::size_t targets = 0;  ///< n, the rows
  std::size_t raters = 0;   ///< k, the columns
  double confidence = 0.95;
  IccAnova anova;
  std::array<IccEstimate, icc_type_count> estimates{};  ///< indexed by IccType

  const IccEstimate& operator[](IccType type) const noexcept { return estimates[static_cast<std::size_t>(type)]; }
};

/// The six intraclass correlations of `scores` (rows = targets, columns = raters) with
/// `confidence` two-sided intervals, as psych::ICC computes them.
///
/// Throws errc::InvalidArgument when `values` does not hold rows x columns entries, when there are
/// fewer than 2 rows or 2 columns, when `confidence` is not strictly between 0 and 1, when a score
/// is missing (NaN: the design must be complete; the message names the 1-based row and column)
/// and when a score is infinite.
///
/// Sums of squares below 1e-13 times the total sum of squares are rounding noise and are taken as
/// exactly 0 (so that, e.g., raters who differ by a constant give MSE = 0, not 1e-30). When MSE
/// is 0 the ICC2 interval, whose formula is then 0/0 in psych::ICC, is its limit as MSE goes to 0
/// (Satterthwaite degrees of freedom k - 1). The estimates follow the moment formulas above and
/// are not clamped: with little target variance they can fall below -1/(k-1) or outside [-1, 1]
/// for ICC2k. Time O(n k), memory O(n + k).
KIN_CXX_API IccResult intraclass_correlations(const ScoreMatrix& scores, double confidence = 0.95);

// ---------------------------------------------------------------------------------------------
// Krippendorff's alpha
// ---------------------------------------------------------------------------------------------

/// The level of measurement, which chooses the difference function delta^2(c, k).
enum class AlphaLevel : std::uint8_t {
  Nominal,   ///< 0 if c = k, else 1
  Ordinal,   ///< (sum of n_g for g from c to k - (n_c + n_k)/2)^2, n_g the pairable values equal to g
  Interval,  ///< (c - k)^2
  Ratio,     ///< ((c - k)/(c + k))^2; scores must be >= 0 (0 for c = k = 0)
};

/// "nominal", "ordinal", "interval", "ratio".
KIN_CXX_API std::string_view to_string(AlphaLevel level) noexcept;

/// Whether alpha could be computed.
enum class AlphaStatus : std::uint8_t {
  Ok,               ///< alpha, observed and expected disagreement are numbers
  NoPairableUnits,  ///< no unit has 2 scores or more: alpha, Do and De are NaN
  /// Every pairable score is the same value: Do = De = 0 and alpha (0/0) is NaN. Krippendorff
  /// leaves alpha undefined when the data show no variation.
  NoVariation,
};

/// "ok", "no_pairable_units", "no_variation".
KIN_CXX_API std::string_view to_string(AlphaStatus status) noexcept;

/// Krippendorff's alpha of one score matrix.
struct AlphaResult {
  AlphaLevel level = AlphaLevel::Nominal;
  AlphaStatus status = AlphaStatus::NoPairableUnits;
  double alpha = std::numeric_limits<double>::quiet_NaN();  ///< 1 - Do/De
  /// Do = (1/n) sum over c, k of o_ck delta^2(c, k), o the coincidence matrix.
  double observed_disagreement = std::numeric_limits<double>::quiet_NaN();
  /// De = 1/(n(n-1)) sum over c, k of n_c n_k delta^2(c, k).
  double expected_disagreement = std::numeric_limits<double>::quiet_NaN();
  std::size_t units = 0;            ///< rows of the matrix
  std::size_t pairable_units = 0;   ///< units with at least 2 scores; the others are ignored
  std::size_t pairable_values = 0;  ///< n, the scores in pairable units
  std::size_t distinct_values = 0;  ///< distinct values among the pairable scores
};

/// Krippendorff's alpha of `scores` (rows = units, columns = coders, NaN = missing) at `level`.
///
/// Throws errc::InvalidArgument when `values` does not hold rows x columns entries, when a score
/// is infinite, and for Ratio when a score is negative (both naming the 1-based row and column).
/// A matrix without rows or columns is valid and has no pairable units.
///
/// Distinct values are compared exactly (a nominal category is one double value). The
/// coincidence matrix is never built; with n pairable values, V of them distinct, and m_u values
/// in unit u:
///  * Nominal, Interval, Ordinal: time O(n log n), memory O(n). Interval sums are centred second
///    moments per unit and overall; Ordinal is Interval on the mid-rank of each value
///    (values below it + half of its own count), which reproduces the ordinal delta exactly.
///  * Ratio: pairs are summed directly when a unit or the set of distinct values is small (at
///    most 512 values); larger sets use the identity 1/(c+k)^2 = integral of s e^{-s(c+k)} ds,
///    which turns the pair sum into one weighted variance per node of a trapezoidal rule in
///    log s, with relative error below 1e-14. Time O(n log n + V Q), Q = 4 (23 + ln(max/min))
///    nodes, max and min the largest and smallest positive values (about 150 nodes for scores
///    spanning 6 orders of magnitude).
KIN_CXX_API AlphaResult krippendorff_alpha(const ScoreMatrix& scores, AlphaLevel level);

}  // namespace v1
}  // namespace kinerja
