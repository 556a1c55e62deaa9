/*
 * kinerja.h: the stable C API of kinerja, the performance management engine for Indonesia's civil
 * servants (ASN). One header, C99, no dependencies beyond <stddef.h> and <stdint.h>.
 *
 * Conventions
 *   - Every function and type is prefixed kin_ / KIN_. Opaque handles are created by a
 *     kin_<noun>_new or by an analysis, and released by kin_<noun>_free, which accepts NULL.
 *   - A context (kin_context) comes first. It carries the message of the last error and the
 *     thread count of the analyses. Then come the out-parameters (named out, *_out), then the
 *     object worked on, then the inputs.
 *   - Fallible functions return an int status: KIN_OK (0) or a negative KIN_E* code, never
 *     renumbered. kin_context_last_error() then says what went wrong. On failure an out handle
 *     is set to NULL. Infallible getters return their value directly and treat a NULL handle as
 *     empty (0, NULL).
 *   - No exception and no abort crosses this boundary: a NULL or misused handle gives KIN_EINVAL
 *     or KIN_ESTATE, an allocation failure KIN_ENOMEM.
 *   - Numbers are double, counts and sizes size_t, integer cells int64_t. Enumerations are passed
 *     as int, with the KIN_* constants below. Text is UTF-8 and NUL-terminated.
 *   - Numeric results go into caller-allocated buffers: (out, capacity, needed). When capacity is
 *     too small the call returns KIN_EBUFS and writes nothing but *needed (which may be NULL), so
 *     a caller can size the buffer with a first call of capacity 0. This lets numpy and PHP arrays
 *     be filled without copies.
 *   - A returned const char * is borrowed: it stays valid while its parent object lives (and, for
 *     kin_context_last_error, until the next call with that context).
 *
 * Threads
 *   kinerja has no mutable global state. A context and the objects created through it may be used
 *   by one thread at a time; different contexts may be used from different threads at once.
 *   Datasets, rule packs and results are not changed by analyses and may be read by several
 *   threads at once, each with its own context. Analyses use the context's thread count
 *   (kin_context_set_threads) and give the same results for any count.
 *
 * Stability
 *   Within ABI version KIN_ABI_VERSION nothing is removed or changed: functions and constants
 *   are only added (docs/api-stability.md). \since gives the version that added each function.
 */
#ifndef KINERJA_H
#define KINERJA_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) && !defined(KIN_STATIC)
#if defined(KIN_BUILDING_C_API)
#define KIN_API __declspec(dllexport)
#else
#define KIN_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define KIN_API __attribute__((visibility("default")))
#else
#define KIN_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------ */
/* Versions                                                                                    */
/* ------------------------------------------------------------------------------------------ */

#define KIN_VERSION_MAJOR 0
#define KIN_VERSION_MINOR 1
#define KIN_VERSION_PATCH 0
#define KIN_VERSION_STRING "0.1.0"
/** major * 10000 + minor * 100 + patch */
#define KIN_VERSION_NUMBER 100
#define KIN_VERSION_AT_LEAST(major, minor, patch) \
  (KIN_VERSION_NUMBER >= (major) * 10000 + (minor) * 100 + (patch))
/** The major version of the C ABI: the library's SONAME is libkinerja_c.so.KIN_ABI_VERSION. */
#define KIN_ABI_VERSION 1

/* ------------------------------------------------------------------------------------------ */
/* Status codes                                                                                */
/* ------------------------------------------------------------------------------------------ */

#define KIN_OK 0
#define KIN_ERROR (-1)     /**< an error without a more specific code */
#define KIN_EINVAL (-2)    /**< an argument is NULL, out of its domain, or an unknown name */
#define KIN_ENOMEM (-3)    /**< memory ran out */
#define KIN_ERANGE (-4)    /**< an index or value is out of range */
#define KIN_ENOTFOUND (-5) /**< a named thing (file, folder, table, column, setting) does not exist */
#define KIN_EBUFS (-6)     /**< the output buffer is too small; *needed says how large it must be */
#define KIN_EFORMAT (-7)   /**< text does not follow its grammar (a period, a rules file) */
#define KIN_EVERSION (-8)  /**< a version does not match */
#define KIN_ESTATE (-9)    /**< the call does not fit the object's state (e.g. mixing builder modes) */
#define KIN_EINTERNAL (-10) /**< a bug in kinerja: please report it with the message */
#define KIN_EDATA (-11)    /**< the data break a rule; the diagnostics list every problem */
#define KIN_EIO (-12)      /**< the operating system refused a read or write */

/* Column types of result tables. */
#define KIN_COLUMN_TEXT 1
#define KIN_COLUMN_NUMBER 2
#define KIN_COLUMN_INTEGER 3

/* Series levels of kin_trend(). */
#define KIN_TREND_INDICATOR 1
#define KIN_TREND_EMPLOYEE 2
#define KIN_TREND_UNIT 3
#define KIN_TREND_PREDIKAT 4

/* Statistics of kin_series_statistic(). */
#define KIN_STAT_OLS 1          /**< n, status, slope, intercept, slope_stderr, r_squared, t, p_value */
#define KIN_STAT_MANN_KENDALL 2 /**< n, status, s, var_s, z, p_value, tau_b */
#define KIN_STAT_SEN_SLOPE 3    /**< n, status, slope, intercept, lower, upper */
#define KIN_STAT_PETTITT 4      /**< n, status, change_point, k, u, p_value */
#define KIN_STAT_HAMED_RAO 5    /**< n, status, s, var_s, correction, corrected_var_s, z, p_value, lags */

/* Series statuses (the status field of kin_series_statistic()). */
#define KIN_SERIES_OK 0
#define KIN_SERIES_TOO_SHORT 1
#define KIN_SERIES_CONSTANT 2
#define KIN_SERIES_DEGENERATE 3

/* Levels of measurement of kin_krippendorff_alpha(). */
#define KIN_ALPHA_NOMINAL 1
#define KIN_ALPHA_ORDINAL 2
#define KIN_ALPHA_INTERVAL 3
#define KIN_ALPHA_RATIO 4

/* Models of kin_rater_effects(). */
#define KIN_MODEL_RANDOM 1 /**< crossed random effects, REML (as lme4) */
#define KIN_MODEL_FIXED 2  /**< fixed effects, least squares with sum-to-zero effects */

/* ------------------------------------------------------------------------------------------ */
/* Handles                                                                                     */
/* ------------------------------------------------------------------------------------------ */

typedef struct kin_context kin_context;
typedef struct kin_dataset kin_dataset;
typedef struct kin_dataset_builder kin_dataset_builder;
typedef struct kin_diagnostics kin_diagnostics;
typedef struct kin_rules kin_rules;
typedef struct kin_result kin_result;

/* ------------------------------------------------------------------------------------------ */
/* Library                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** The version of the library linked at run time, as KIN_VERSION_NUMBER. Compare it with the
 *  header's KIN_VERSION_NUMBER to detect a header and library of different versions.
 *  \since 0.1.0 */
KIN_API unsigned kin_version_number(void);

/** The version of the library linked at run time, e.g. "0.1.0". Static text.
 *  \since 0.1.0 */
KIN_API const char *kin_version_string(void);

/** The ABI major version of the library linked at run time (KIN_ABI_VERSION).
 *  \since 0.1.0 */
KIN_API int kin_abi_version(void);

/** A short static description of a status code, e.g. "invalid argument"; "unknown status" for
 *  a code kinerja does not define.
 *  \since 0.1.0 */
KIN_API const char *kin_status_string(int status);

/* ------------------------------------------------------------------------------------------ */
/* Context                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/** Creates a context.
 *  \param out receives the context; the caller frees it with kin_context_free().
 *  \return KIN_OK, KIN_EINVAL (out is NULL), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_context_new(kin_context **out);

/** Frees a context. NULL is allowed. Objects created through the context stay valid.
 *  \since 0.1.0 */
KIN_API void kin_context_free(kin_context *ctx);

/** The message of the last failed call with this context ("" after a success). Owned by the
 *  context, valid until its next call. Never NULL (a NULL ctx gives a static text).
 *  \since 0.1.0 */
KIN_API const char *kin_context_last_error(const kin_context *ctx);

/** The status of the last call with this context (KIN_OK after a success; KIN_EINVAL for NULL).
 *  \since 0.1.0 */
KIN_API int kin_context_last_status(const kin_context *ctx);

/** Sets how many threads the analyses started with this context may use: 0 (the default)
 *  means one per core. Results do not depend on it.
 *  \return KIN_OK, KIN_EINVAL (ctx is NULL).
 *  \since 0.1.0 */
KIN_API int kin_context_set_threads(kin_context *ctx, unsigned threads);

/* ------------------------------------------------------------------------------------------ */
/* Datasets                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** Loads and validates a dataset folder (docs/dataset-format.md).
 *  \param out receives the dataset when it has no errors; the caller frees it with
 *         kin_dataset_free(). NULL on failure.
 *  \param diagnostics_out may be NULL; else receives every problem found (also the warnings of
 *         a valid dataset), to be freed with kin_diagnostics_free(). Set whenever the folder
 *         was read, also on KIN_EDATA; NULL on other failures.
 *  \param folder the folder of CSV files.
 *  \return KIN_OK, KIN_EDATA (the data have errors: see the diagnostics; the message gives
 *          the first), KIN_ENOTFOUND (no such folder), KIN_EINVAL (a NULL argument), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_dataset_load(kin_context *ctx, kin_dataset **out, kin_diagnostics **diagnostics_out,
                             const char *folder);

/** Frees a dataset. NULL is allowed.
 *  \since 0.1.0 */
KIN_API void kin_dataset_free(kin_dataset *dataset);

/** Rows of one table of a dataset: "units", "employees", "indicators", "realizations",
 *  "ratings", "feedback", "org_ratings", "surveys" (with or without ".csv"). 0 for an unknown
 *  table or a NULL argument.
 *  \since 0.1.0 */
KIN_API size_t kin_dataset_rows(const kin_dataset *dataset, const char *table);

/* ------------------------------------------------------------------------------------------ */
/* Building a dataset from memory                                                              */
/* ------------------------------------------------------------------------------------------ */
/*
 * For systems that read their own database: the tables are given row by row or column by
 * column, with the columns and values of the CSV files (docs/dataset-format.md), and
 * kin_dataset_builder_build() validates them exactly as kin_dataset_load() validates files.
 * Messages name the table as its file ("employees.csv"), the row as the line it would have
 * (row 1 is line 2) and the column. A table never given is an absent file. Each table is filled
 * in one of two ways, not both:
 *   - rows: kin_dataset_builder_set_columns() once, then kin_dataset_builder_add_row();
 *   - columns: kin_dataset_builder_set_column_*() once per column, all of the same length.
 */

/** Creates an empty builder.
 *  \param out receives the builder; free it with kin_dataset_builder_free().
 *  \return KIN_OK, KIN_EINVAL, KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_dataset_builder_new(kin_context *ctx, kin_dataset_builder **out);

/** Frees a builder. NULL is allowed.
 *  \since 0.1.0 */
KIN_API void kin_dataset_builder_free(kin_dataset_builder *builder);

/** Names the columns of `table` for kin_dataset_builder_add_row(), replacing the rows given
 *  before.
 *  \param table "units", "employees", ... (as kin_dataset_rows()).
 *  \param names `count` column names (header names of the file).
 *  \return KIN_OK, KIN_EINVAL (NULL argument, unknown table, no columns, an empty or repeated
 *          name), KIN_ESTATE (the table was filled by columns), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_dataset_builder_set_columns(kin_context *ctx, kin_dataset_builder *builder, const char *table,
                                            const char *const *names, size_t count);

/** Adds one row to `table`: `count` fields in the order of kin_dataset_builder_set_columns().
 *  A NULL field is an empty field.
 *  \return KIN_OK, KIN_EINVAL (NULL argument, unknown table, a field count other than the
 *          column count), KIN_ESTATE (no columns set for the table), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_dataset_builder_add_row(kin_context *ctx, kin_dataset_builder *builder, const char *table,
                                        const char *const *fields, size_t count);

/** Sets column `column` of `table` to `rows` text values (NULL values are empty fields),
 *  replacing a column of that name given before.
 *  \return KIN_OK, KIN_EINVAL (NULL argument, unknown table, empty name, values NULL with rows
 *          > 0), KIN_ESTATE (the table was filled by rows), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_dataset_builder_set_column_text(kin_context *ctx, kin_dataset_builder *builder, const char *table,
                                                const char *column, const char *const *values, size_t rows);

/** Sets a column of numbers; NaN is an empty field. Each number is kept exactly.
 *  \return as kin_dataset_builder_set_column_text(), and KIN_EINVAL for an infinite value.
 *  \since 0.1.0 */
KIN_API int kin_dataset_builder_set_column_double(kin_context *ctx, kin_dataset_builder *builder, const char *table,
                                                  const char *column, const double *values, size_t rows);

/** Sets a column of integers (years, counts).
 *  \return as kin_dataset_builder_set_column_text().
 *  \since 0.1.0 */
KIN_API int kin_dataset_builder_set_column_int64(kin_context *ctx, kin_dataset_builder *builder, const char *table,
                                                 const char *column, const int64_t *values, size_t rows);

/** Validates the tables given and makes a dataset of them. The builder is not changed and may
 *  be built again.
 *  \param out receives the dataset when it has no errors (free with kin_dataset_free()).
 *  \param diagnostics_out may be NULL; as for kin_dataset_load().
 *  \return KIN_OK, KIN_EDATA (see the diagnostics), KIN_EINVAL (NULL argument, columns of one
 *          table of different lengths), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_dataset_builder_build(kin_context *ctx, kin_dataset **out, kin_diagnostics **diagnostics_out,
                                      const kin_dataset_builder *builder);

/* ------------------------------------------------------------------------------------------ */
/* Diagnostics                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/** Problems kept (a list is capped; see kin_diagnostics_dropped()). 0 for NULL.
 *  \since 0.1.0 */
KIN_API size_t kin_diagnostics_count(const kin_diagnostics *diagnostics);

/** Errors found in all (kept or not). 0 for NULL.
 *  \since 0.1.0 */
KIN_API size_t kin_diagnostics_errors(const kin_diagnostics *diagnostics);

/** Problems found beyond the cap and not kept. 0 for NULL.
 *  \since 0.1.0 */
KIN_API size_t kin_diagnostics_dropped(const kin_diagnostics *diagnostics);

/** Problem `index` as "FILE:LINE:COLUMN: error: message" (or "warning:"). Borrowed from the
 *  diagnostics. NULL for an index out of range or a NULL argument.
 *  \since 0.1.0 */
KIN_API const char *kin_diagnostics_message(const kin_diagnostics *diagnostics, size_t index);

/** 1 if problem `index` is an error, 0 if a warning or out of range.
 *  \since 0.1.0 */
KIN_API int kin_diagnostics_is_error(const kin_diagnostics *diagnostics, size_t index);

/** Frees diagnostics. NULL is allowed.
 *  \since 0.1.0 */
KIN_API void kin_diagnostics_free(kin_diagnostics *diagnostics);

/* ------------------------------------------------------------------------------------------ */
/* Rule packs                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** A built-in rule pack by name ("permenpanrb-6-2022", "permenpanrb-8-2021", "pp-46-2011"),
 *  or else a rules file (docs/scoring.md).
 *  \param out receives the pack; free it with kin_rules_free().
 *  \return KIN_OK, KIN_ENOTFOUND (neither a pack nor a readable file), KIN_EFORMAT or KIN_EINVAL
 *          (a bad line of the rules file; the message gives FILE:LINE:COLUMN), KIN_EINVAL (NULL).
 *  \since 0.1.0 */
KIN_API int kin_rules_new(kin_context *ctx, kin_rules **out, const char *name_or_path);

/** The pack in force for a performance year (PP 46/2011 up to 2020, PermenPANRB 8/2021 for
 *  2021, PermenPANRB 6/2022 from 2022).
 *  \return KIN_OK, KIN_EINVAL (NULL out), KIN_ERANGE (a year outside 1..9999).
 *  \since 0.1.0 */
KIN_API int kin_rules_for_year(kin_context *ctx, kin_rules **out, int year);

/** Frees a rule pack. NULL is allowed.
 *  \since 0.1.0 */
KIN_API void kin_rules_free(kin_rules *rules);

/** Changes one setting (`kinerja rules show` lists them), checked as a rules file line is.
 *  \return KIN_OK, KIN_ENOTFOUND (no such setting), KIN_EINVAL (a value outside its domain, or
 *          a NULL argument).
 *  \since 0.1.0 */
KIN_API int kin_rules_set(kin_context *ctx, kin_rules *rules, const char *key, const char *value);

/** Reads one setting as text into `buffer` (NUL-terminated).
 *  \param needed may be NULL; receives the bytes needed including the NUL.
 *  \return KIN_OK, KIN_ENOTFOUND (no such setting), KIN_EBUFS, KIN_EINVAL (NULL argument).
 *  \since 0.1.0 */
KIN_API int kin_rules_get(kin_context *ctx, char *buffer, size_t capacity, size_t *needed, const kin_rules *rules,
                          const char *key);

/** The pack's label, e.g. "permenpanrb-6-2022" or "permenpanrb-6-2022 + rules.txt". Borrowed
 *  from the pack; NULL for NULL.
 *  \since 0.1.0 */
KIN_API const char *kin_rules_label(const kin_rules *rules);

/* ------------------------------------------------------------------------------------------ */
/* Analyses of a dataset                                                                       */
/* ------------------------------------------------------------------------------------------ */
/*
 * Each analysis gives a kin_result: the tables of its output files (docs/output-files.md), with
 * the same names, columns and rows. `rules` may be NULL: then the pack in force for the year
 * (kin_rules_for_year). Periods are text: "2025", "2025-Q3", "2025-07", "2025-07-15".
 */

/** Scores a performance year: tables indicator_scores, employee_scores, unit_scores.
 *  \param out receives the result; free it with kin_result_free().
 *  \return KIN_OK, KIN_EINVAL (NULL argument), KIN_ERANGE (year), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_score(kin_context *ctx, kin_result **out, const kin_dataset *dataset, int year,
                      const kin_rules *rules);

/** Checks the distribution curve of `period` per unit (PermenPANRB 6/2022 packs only): tables
 *  distribution_check, distribution_suggestions. With `calibrated` non-zero, employees without
 *  a capaian are ranked by their calibrated feedback score (as kin_calibrate()).
 *  \return KIN_OK, KIN_EINVAL (NULL argument, a pack of another regime), KIN_EFORMAT (period),
 *          KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_distribution(kin_context *ctx, kin_result **out, const kin_dataset *dataset, const char *period,
                             const kin_rules *rules, int calibrated);

/** Calibrates the feedback of `period` across raters: tables rater_effects, ratee_scores,
 *  reliability, rater_flags. The model is the pack's calibration.model setting.
 *  \return KIN_OK, KIN_EINVAL, KIN_EFORMAT (period), KIN_EDATA (the feedback cannot be
 *          calibrated; the message says why), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_calibrate(kin_context *ctx, kin_result **out, const kin_dataset *dataset, const char *period,
                          const kin_rules *rules);

/** Trend statistics of every series of `level` (KIN_TREND_*) over [from, to]: table trends.
 *  For indicators also the year-end projection of the year of `to`, as of `to`. `from` and `to`
 *  may be NULL: the earliest and latest period with a realisation.
 *  \return KIN_OK, KIN_EINVAL (NULL dataset or out, unknown level, to before from, no
 *          realisation to default a period from), KIN_EFORMAT (period), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_trend(kin_context *ctx, kin_result **out, const kin_dataset *dataset, int level, const char *from,
                      const char *to, const kin_rules *rules);

/** The public satisfaction index (IKM, PermenPANRB 14/2017) per unit for `period`: table ikm.
 *  \return KIN_OK, KIN_EINVAL, KIN_EFORMAT (period), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_ikm(kin_context *ctx, kin_result **out, const kin_dataset *dataset, const char *period,
                    const kin_rules *rules);

/* ------------------------------------------------------------------------------------------ */
/* Statistics of arrays                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** The number of fields kin_series_statistic() writes per series for `statistic` (KIN_STAT_*);
 *  0 for an unknown statistic.
 *  \since 0.1.0 */
KIN_API size_t kin_series_statistic_fields(int statistic);

/** The name of field `field` of `statistic` ("slope", "p_value", ...); NULL if out of range.
 *  \since 0.1.0 */
KIN_API const char *kin_series_statistic_field(int statistic, size_t field);

/** One statistic of many series at once (or of one). The series are given in compressed rows:
 *  series s is points offsets[s] .. offsets[s + 1] - 1 of `y` and `t`. Row s of `out` (row-major,
 *  kin_series_statistic_fields() values per series) receives its result; a series too short or
 *  constant gets its status and NaN where a value does not exist, as the C++ functions
 *  (kinerja/trend_stats.hpp).
 *  \param out series_count * fields doubles.
 *  \param needed may be NULL; receives series_count * fields.
 *  \param statistic KIN_STAT_*.
 *  \param y the values, `points` of them.
 *  \param t the times (strictly increasing within a series), or NULL for 0, 1, 2, ... in each
 *         series.
 *  \param offsets series_count + 1 offsets from 0 to points, or NULL for one series of all points
 *         (then series_count must be 1).
 *  \param parameter the confidence of the Sen interval (KIN_STAT_SEN_SLOPE) or the alpha of the
 *         Hamed-Rao lags (KIN_STAT_HAMED_RAO); 0 for the default 0.95 / 0.05; unused otherwise.
 *  \return KIN_OK, KIN_EBUFS, KIN_EINVAL (NULL argument, unknown statistic, offsets that do not
 *          increase or do not end at `points`, a value or time that is not finite, times that do
 *          not increase; the message names the series and point).
 *  \since 0.1.0 */
KIN_API int kin_series_statistic(kin_context *ctx, double *out, size_t capacity, size_t *needed, int statistic,
                                 const double *y, const double *t, size_t points, const uint64_t *offsets,
                                 size_t series_count, double parameter);

/** The six intraclass correlations of a complete score matrix (rows: targets, columns: raters),
 *  as psych::ICC: table icc with one row per form (type, shrout_fleiss, mcgraw_wong, value, f,
 *  df1, df2, p_value, lower, upper, status).
 *  \param matrix rows x columns scores; element (r, c) at matrix[r * row_stride + c].
 *  \param confidence of the intervals, e.g. 0.95.
 *  \return KIN_OK, KIN_EINVAL (NULL argument, fewer than 2 rows or columns, row_stride below
 *          columns, a missing or infinite score, confidence outside (0, 1)), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_icc(kin_context *ctx, kin_result **out, const double *matrix, size_t rows, size_t columns,
                    size_t row_stride, double confidence);

/** Krippendorff's alpha of a score matrix (rows: units, columns: coders, NaN: missing) at a level
 *  of measurement (KIN_ALPHA_*).
 *  \param alpha_out receives alpha (NaN when undefined: no pairable unit, or no variation).
 *  \return KIN_OK, KIN_EINVAL (NULL argument, unknown level, row_stride below columns, an
 *          infinite score, a negative score at the ratio level), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_krippendorff_alpha(kin_context *ctx, double *alpha_out, const double *matrix, size_t rows,
                                   size_t columns, size_t row_stride, int level);

/** Rater effects from scores given as (ratee, rater, score) triples, with any int64 ids:
 *  tables raters (rater, scores, effect, sd, component), ratees (ratee, scores, effect, sd,
 *  component) and model (one row: model, intercept, ratee_variance, rater_variance,
 *  residual_variance, converged, singular, evaluations, components). A positive rater effect is
 *  lenient. For KIN_MODEL_FIXED, sd is the standard error and the variances are empty.
 *  \return KIN_OK, KIN_EINVAL (NULL argument, unknown model, a score that is not finite, a
 *          design the model cannot fit; the message says why), KIN_ENOMEM.
 *  \since 0.1.0 */
KIN_API int kin_rater_effects(kin_context *ctx, kin_result **out, const int64_t *ratee, const int64_t *rater,
                              const double *score, size_t count, int model);

/* ------------------------------------------------------------------------------------------ */
/* Results                                                                                     */
/* ------------------------------------------------------------------------------------------ */
/*
 * A result holds named tables of typed columns (KIN_COLUMN_*). A cell without a value (an empty
 * field in the CSV file) is null: NaN in a number column, 0 in an integer column, NULL text; the
 * presence of every cell is readable with kin_result_present(). Tables and columns are addressed
 * by index (0-based); names find the index.
 */

/** Frees a result. NULL is allowed.
 *  \since 0.1.0 */
KIN_API void kin_result_free(kin_result *result);

/** Tables of a result (0 for NULL).
 *  \since 0.1.0 */
KIN_API size_t kin_result_table_count(const kin_result *result);

/** The name of table `table`, e.g. "employee_scores"; borrowed; NULL if out of range.
 *  \since 0.1.0 */
KIN_API const char *kin_result_table_name(const kin_result *result, size_t table);

/** Finds a table by name.
 *  \return KIN_OK, KIN_ENOTFOUND, KIN_EINVAL (NULL argument).
 *  \since 0.1.0 */
KIN_API int kin_result_find_table(kin_context *ctx, size_t *out, const kin_result *result, const char *name);

/** Rows of table `table` (0 if out of range).
 *  \since 0.1.0 */
KIN_API size_t kin_result_rows(const kin_result *result, size_t table);

/** Columns of table `table` (0 if out of range).
 *  \since 0.1.0 */
KIN_API size_t kin_result_columns(const kin_result *result, size_t table);

/** The name of a column; borrowed; NULL if out of range.
 *  \since 0.1.0 */
KIN_API const char *kin_result_column_name(const kin_result *result, size_t table, size_t column);

/** The type of a column (KIN_COLUMN_*); 0 if out of range.
 *  \since 0.1.0 */
KIN_API int kin_result_column_type(const kin_result *result, size_t table, size_t column);

/** Finds a column of a table by name.
 *  \return KIN_OK, KIN_ENOTFOUND, KIN_ERANGE (table), KIN_EINVAL (NULL argument).
 *  \since 0.1.0 */
KIN_API int kin_result_find_column(kin_context *ctx, size_t *out, const kin_result *result, size_t table,
                                   const char *name);

/** Copies a number or integer column as doubles (null: NaN) into `out`.
 *  \param needed may be NULL; receives the row count.
 *  \return KIN_OK, KIN_EBUFS, KIN_ERANGE (table or column), KIN_ESTATE (a text column),
 *          KIN_EINVAL (NULL result, or out NULL with capacity > 0).
 *  \since 0.1.0 */
KIN_API int kin_result_numbers(kin_context *ctx, double *out, size_t capacity, size_t *needed,
                               const kin_result *result, size_t table, size_t column);

/** Copies an integer column (null: 0) into `out`.
 *  \return as kin_result_numbers(); KIN_ESTATE for a column that is not of integers.
 *  \since 0.1.0 */
KIN_API int kin_result_integers(kin_context *ctx, int64_t *out, size_t capacity, size_t *needed,
                                const kin_result *result, size_t table, size_t column);

/** Copies the presence of every cell of a column (1: a value, 0: null) into `out`.
 *  \return as kin_result_numbers(), for columns of every type.
 *  \since 0.1.0 */
KIN_API int kin_result_present(kin_context *ctx, uint8_t *out, size_t capacity, size_t *needed,
                               const kin_result *result, size_t table, size_t column);

/** One cell of a text column; borrowed from the result; NULL for a null cell, a column that is not
 *  text, or an index out of range.
 *  \since 0.1.0 */
KIN_API const char *kin_result_text(const kin_result *result, size_t table, size_t column, size_t row);

/** A whole text column at once: the cells' UTF-8 bytes one after the other (without NULs) into
 *  `bytes`, and into `offsets` rows + 1 positions, so that cell r is bytes[offsets[r]] ..
 *  bytes[offsets[r + 1] - 1] (null cells are empty; see kin_result_present()).
 *  \param bytes_needed, offsets_needed may be NULL; receive the sizes needed.
 *  \return KIN_OK, KIN_EBUFS (either buffer too small; nothing written), KIN_ERANGE, KIN_ESTATE
 *          (not a text column), KIN_EINVAL.
 *  \since 0.1.0 */
KIN_API int kin_result_texts(kin_context *ctx, char *bytes, size_t bytes_capacity, size_t *bytes_needed,
                             uint64_t *offsets, size_t offsets_capacity, size_t *offsets_needed,
                             const kin_result *result, size_t table, size_t column);

#ifdef __cplusplus
}
#endif

#endif /* KINERJA_H */
