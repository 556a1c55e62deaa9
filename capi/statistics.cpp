// Statistics of arrays: trend statistics of many series, intraclass correlations,
// Krippendorff's alpha and rater effects.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/parallel.hpp"
#include "handle.hpp"
#include "io/output.hpp"
#include "kinerja/rater_effects.hpp"
#include "kinerja/reliability.hpp"
#include "kinerja/trend_stats.hpp"

using kinerja_capi::fail;
using kinerja_capi::guard;
using kinerja_capi::require;

namespace {

constexpr double no_number = std::numeric_limits<double>::quiet_NaN();
constexpr kinerja::ColumnType T = kinerja::ColumnType::Text, N = kinerja::ColumnType::Number,
                              I = kinerja::ColumnType::Integer;

// Field names per statistic, in the order of the output rows (kinerja.h).
const std::vector<std::vector<const char*>>& field_names() {
  static const std::vector<std::vector<const char*>> names = {
      {},
      {"n", "status", "slope", "intercept", "slope_stderr", "r_squared", "t", "p_value"},
      {"n", "status", "s", "var_s", "z", "p_value", "tau_b"},
      {"n", "status", "slope", "intercept", "lower", "upper"},
      {"n", "status", "change_point", "k", "u", "p_value"},
      {"n", "status", "s", "var_s", "correction", "corrected_var_s", "z", "p_value", "lags"},
  };
  return names;
}

std::size_t fields_of(int statistic) {
  const auto& names = field_names();
  if (statistic < 1 || static_cast<std::size_t>(statistic) >= names.size()) return 0;
  return names[static_cast<std::size_t>(statistic)].size();
}

double status_code(kinerja::TrendStatus status) {
  switch (status) {
    case kinerja::TrendStatus::Ok: return KIN_SERIES_OK;
    case kinerja::TrendStatus::TooShort: return KIN_SERIES_TOO_SHORT;
    case kinerja::TrendStatus::Constant: return KIN_SERIES_CONSTANT;
    case kinerja::TrendStatus::Degenerate: return KIN_SERIES_DEGENERATE;
  }
  return KIN_SERIES_DEGENERATE;
}

// One series' statistic into `row`.
void compute(int statistic, const std::vector<double>& y, const std::vector<double>& t, double parameter, double* row) {
  switch (statistic) {
    case KIN_STAT_OLS: {
      const kinerja::OlsResult r = kinerja::ols(y, t);
      const double v[] = {static_cast<double>(r.n), status_code(r.status), r.slope,       r.intercept,
                          r.slope_stderr,           r.r_squared,          r.t_statistic, r.p_value};
      std::copy(std::begin(v), std::end(v), row);
      break;
    }
    case KIN_STAT_MANN_KENDALL: {
      const kinerja::MannKendallResult r = kinerja::mann_kendall(y, t);
      const double v[] = {static_cast<double>(r.n), status_code(r.status), static_cast<double>(r.s), r.var_s,
                          r.z,                      r.p_value,            r.tau_b};
      std::copy(std::begin(v), std::end(v), row);
      break;
    }
    case KIN_STAT_SEN_SLOPE: {
      const kinerja::SenSlopeResult r = kinerja::sen_slope(y, t, parameter == 0 ? 0.95 : parameter);
      const double v[] = {static_cast<double>(r.n), status_code(r.status), r.slope, r.intercept, r.lower, r.upper};
      std::copy(std::begin(v), std::end(v), row);
      break;
    }
    case KIN_STAT_PETTITT: {
      const kinerja::PettittResult r = kinerja::pettitt(y);
      const bool tested = r.status == kinerja::TrendStatus::Ok;
      const double v[] = {static_cast<double>(r.n),
                          status_code(r.status),
                          tested ? static_cast<double>(r.change_point) : no_number,
                          tested ? static_cast<double>(r.k) : no_number,
                          tested ? static_cast<double>(r.u) : no_number,
                          r.p_value};
      std::copy(std::begin(v), std::end(v), row);
      break;
    }
    default: {  // KIN_STAT_HAMED_RAO
      const kinerja::HamedRaoResult r = kinerja::hamed_rao(y, t, 0, parameter == 0 ? 0.05 : parameter);
      const double v[] = {static_cast<double>(r.n),
                          status_code(r.status),
                          static_cast<double>(r.s),
                          r.var_s,
                          r.correction,
                          r.corrected_var_s,
                          r.z,
                          r.p_value,
                          static_cast<double>(r.significant_lags)};
      std::copy(std::begin(v), std::end(v), row);
      break;
    }
  }
}

kinerja::ScoreMatrix matrix_of(const double* matrix, std::size_t rows, std::size_t columns, std::size_t row_stride) {
  if (rows > 0 && columns > 0) require(matrix, "matrix");
  if (row_stride < columns) {
    fail(KIN_EINVAL, "row_stride " + std::to_string(row_stride) + " is below the column count " + std::to_string(columns));
  }
  kinerja::ScoreMatrix m;
  m.rows = rows;
  m.columns = columns;
  m.values.resize(rows * columns);
  for (std::size_t r = 0; r < rows; ++r) std::copy(matrix + r * row_stride, matrix + r * row_stride + columns, m.values.begin() + static_cast<std::ptrdiff_t>(r * columns));
  return m;
}

// Dense ids 0.. of arbitrary int64 ids, in increasing order of the ids.
struct DenseIds {
  std::vector<std::int64_t> ids;
  explicit DenseIds(const std::int64_t* values, std::size_t count) : ids(values, values + count) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  kinerja::Index operator()(std::int64_t id) const {
    return static_cast<kinerja::Index>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
  }
};

}  // namespace

extern "C" {

size_t kin_series_statistic_fields(int statistic) { return fields_of(statistic); }

const char* kin_series_statistic_field(int statistic, size_t field) {
  if (field >= fields_of(statistic)) return nullptr;
  return field_names()[static_cast<std::size_t>(statistic)][field];
}

int kin_series_statistic(kin_context* ctx, double* out, size_t capacity, size_t* needed, int statistic,
                         const double* y, const double* t, size_t points, const uint64_t* offsets,
                         size_t series_count, double parameter) {
  return guard(ctx, [&] {
    const std::size_t fields = fields_of(statistic);
    if (fields == 0) fail(KIN_EINVAL, "unknown statistic " + std::to_string(statistic) + " (KIN_STAT_*)");
    if (points > 0) require(y, "y");
    if (offsets == nullptr && series_count != 1) {
      fail(KIN_EINVAL, "without offsets the points are one series: series_count must be 1, not " +
                           std::to_string(series_count));
    }
    if (offsets != nullptr) {
      if (offsets[0] != 0 || offsets[series_count] != points) {
        fail(KIN_EINVAL, "offsets must run from 0 to points (" + std::to_string(points) + ")");
      }
      for (std::size_t s = 0; s < series_count; ++s) {
        if (offsets[s + 1] < offsets[s]) fail(KIN_EINVAL, "offsets decrease at series " + std::to_string(s));
      }
    }
    if (!(parameter == 0 || (parameter > 0 && parameter < 1))) {
      fail(KIN_EINVAL, "parameter must be 0 (the default) or lie in (0, 1)");
    }
    kinerja_capi::fill_buffer(out, capacity, needed, series_count * fields, [&](double* rows) {
      const unsigned threads = kinerja::detail::resolve_threads(ctx->threads, series_count, 1024);
      kinerja::detail::run_threads(threads, [&](unsigned part) {
        const auto [s0, s1] = kinerja::detail::part_of(series_count, threads, part);
        std::vector<double> ys, ts;
        for (std::size_t s = s0; s < s1; ++s) {
          const std::size_t k0 = offsets != nullptr ? static_cast<std::size_t>(offsets[s]) : 0;
          const std::size_t k1 = offsets != nullptr ? static_cast<std::size_t>(offsets[s + 1]) : points;
          ys.assign(y + k0, y + k1);
          if (t != nullptr) {
            ts.assign(t + k0, t + k1);
          } else {
            ts.resize(k1 - k0);
            for (std::size_t i = 0; i < ts.size(); ++i) ts[i] = static_cast<double>(i);
          }
          try {
            compute(statistic, ys, ts, parameter, rows + s * fields);
          } catch (const kinerja::error& e) {
            throw kinerja::error(e.code(), "series " + std::to_string(s) + ": " + e.message());
          }
        }
      });
    });
  });
}

int kin_icc(kin_context* ctx, kin_result** out, const double* matrix, size_t rows, size_t columns, size_t row_stride,
            double confidence) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    const kinerja::IccResult r =
        kinerja::intraclass_correlations(matrix_of(matrix, rows, columns, row_stride), confidence);
    kinerja::Table table;
    table.name = "icc";
    kinerja::detail::TableCollector w(table);
    w.header({{"type", T}, {"shrout_fleiss", T}, {"mcgraw_wong", T}, {"value", N}, {"f", N}, {"df1", N},
              {"df2", N}, {"p_value", N}, {"lower", N}, {"upper", N}, {"status", T}});
    for (const kinerja::IccEstimate& e : r.estimates) {
      w.text(to_string(e.type)).text(kinerja::shrout_fleiss_name(e.type)).text(kinerja::mcgraw_wong_name(e.type));
      w.number(e.value).number(e.f).number(e.df1).number(e.df2).number(e.p_value).number(e.lower).number(e.upper);
      w.text(to_string(e.status));
      w.end_row();
    }
    w.finish();
    *out = new kin_result{{std::move(table)}};
  });
}

int kin_krippendorff_alpha(kin_context* ctx, double* alpha_out, const double* matrix, size_t rows, size_t columns,
                           size_t row_stride, int level) {
  return guard(ctx, [&] {
    require(alpha_out, "alpha_out");
    kinerja::AlphaLevel l = kinerja::AlphaLevel::Nominal;
    switch (level) {
      case KIN_ALPHA_NOMINAL: l = kinerja::AlphaLevel::Nominal; break;
      case KIN_ALPHA_ORDINAL: l = kinerja::AlphaLevel::Ordinal; break;
      case KIN_ALPHA_INTERVAL: l = kinerja::AlphaLevel::Interval; break;
      case KIN_ALPHA_RATIO: l = kinerja::AlphaLevel::Ratio; break;
      default: fail(KIN_EINVAL, "unknown level " + std::to_string(level) + " (KIN_ALPHA_*)");
    }
    *alpha_out = kinerja::krippendorff_alpha(matrix_of(matrix, rows, columns, row_stride), l).alpha;
  });
}

int kin_rater_effects(kin_context* ctx, kin_result** out, const int64_t* ratee, const int64_t* rater,
                      const double* score, size_t count, int model) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    if (count > 0) {
      require(ratee, "ratee");
      require(rater, "rater");
      require(score, "score");
    }
    if (model != KIN_MODEL_RANDOM && model != KIN_MODEL_FIXED) {
      fail(KIN_EINVAL, "unknown model " + std::to_string(model) + " (KIN_MODEL_*)");
    }
    const DenseIds ratees(ratee, count), raters(rater, count);
    kinerja::RaterDesign design;
    design.ratees = ratees.ids.size();
    design.raters = raters.ids.size();
    for (std::size_t k = 0; k < count; ++k) {
      if (!std::isfinite(score[k])) fail(KIN_EINVAL, "score " + std::to_string(k) + " is not a finite number");
      design.ratee.push_back(ratees(ratee[k]));
      design.rater.push_back(raters(rater[k]));
      design.score.push_back(score[k]);
    }
    std::vector<std::size_t> ratee_scores(design.ratees), rater_scores(design.raters);
    for (std::size_t k = 0; k < count; ++k) {
      ++ratee_scores[design.ratee[k]];
      ++rater_scores[design.rater[k]];
    }
    std::vector<double> ratee_effect, ratee_sd, rater_effect, rater_sd;
    kinerja::DesignComponents components;
    std::vector<kinerja::Table> tables(3);
    tables[2].name = "model";
    kinerja::detail::TableCollector m(tables[2]);
    m.header({{"model", T}, {"intercept", N}, {"ratee_variance", N}, {"rater_variance", N}, {"residual_variance", N},
              {"converged", I}, {"singular", I}, {"evaluations", I}, {"components", I}});
    if (model == KIN_MODEL_RANDOM) {
      kinerja::RandomEffectsOptions options;
      options.threads = ctx->threads;
      kinerja::RandomEffectsFit fit = kinerja::fit_random_effects(design, options);
      ratee_effect = std::move(fit.ratee_effect);
      ratee_sd = std::move(fit.ratee_sd);
      rater_effect = std::move(fit.rater_effect);
      rater_sd = std::move(fit.rater_sd);
      components = std::move(fit.components);
      m.text("random").number(fit.intercept).number(fit.ratee_variance).number(fit.rater_variance);
      m.number(fit.residual_variance).integer(fit.converged ? 1 : 0).integer(fit.singular ? 1 : 0);
      m.integer(static_cast<std::int64_t>(fit.evaluations));
    } else {
      kinerja::FixedEffectsOptions options;
      options.threads = ctx->threads;
      kinerja::FixedEffectsFit fit = kinerja::fit_fixed_effects(design, options);
      ratee_effect = std::move(fit.ratee_effect);
      ratee_sd = std::move(fit.ratee_se);
      rater_effect = std::move(fit.rater_effect);
      rater_sd = std::move(fit.rater_se);
      components = std::move(fit.components);
      m.text("fixed").number(fit.mu.size() == 1 ? fit.mu[0] : no_number).empty().empty();
      m.number(fit.residual_sd * fit.residual_sd).integer(1).integer(0).empty();
    }
    m.integer(static_cast<std::int64_t>(components.observations.size()));
    m.end_row();
    m.finish();
    auto side = [&](kinerja::Table& table, const char* name, const char* id_name, const DenseIds& ids,
                    const std::vector<std::size_t>& scores, const std::vector<double>& effect,
                    const std::vector<double>& sd, const std::vector<kinerja::Index>& component) {
      table.name = name;
      kinerja::detail::TableCollector w(table);
      w.header({{id_name, I}, {"scores", I}, {"effect", N}, {"sd", N}, {"component", I}});
      for (std::size_t i = 0; i < ids.ids.size(); ++i) {
        w.integer(ids.ids[i]).integer(static_cast<std::int64_t>(scores[i])).number(effect[i]);
        w.number(sd.empty() ? no_number : sd[i]);
        if (component[i] == kinerja::no_index) {
          w.empty();
        } else {
          w.integer(component[i]);
        }
        w.end_row();
      }
      w.finish();
    };
    side(tables[0], "raters", "rater", raters, rater_scores, rater_effect, rater_sd, components.rater_component);
    side(tables[1], "ratees", "ratee", ratees, ratee_scores, ratee_effect, ratee_sd, components.ratee_component);
    *out = new kin_result{std::move(tables)};
  });
}

}  // extern "C"
