// The analyses of a dataset, each giving the tables of its output files.
#include <optional>

#include "handle.hpp"
#include "kinerja/calibration.hpp"
#include "kinerja/distribution_report.hpp"
#include "kinerja/ikm_report.hpp"
#include "kinerja/projection.hpp"
#include "kinerja/score.hpp"
#include "kinerja/trend_series.hpp"

using kinerja_capi::fail;
using kinerja_capi::guard;
using kinerja_capi::require;

namespace {

kinerja::Period period_of(const char* text, const char* name) {
  require(text, name);
  return kinerja::Period::parse(text);
}

// The pack given, or the one in force for `year`.
kinerja::RulePack pack_for(const kin_rules* rules, int year) {
  return rules != nullptr ? rules->pack : kinerja::RulePack::for_year(year);
}

void give(kin_result** out, std::vector<kinerja::Table> tables) { *out = new kin_result{std::move(tables)}; }

}  // namespace

extern "C" {

int kin_score(kin_context* ctx, kin_result** out, const kin_dataset* dataset, int year, const kin_rules* rules) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    require(dataset, "dataset");
    if (year < 1 || year > 9999) fail(KIN_ERANGE, "year " + std::to_string(year) + " is outside 1..9999");
    const kinerja::ScoreResult result = kinerja::score(dataset->dataset, year, pack_for(rules, year), kinerja::Threads{ctx->threads});
    give(out, kinerja::score_tables(dataset->dataset, result));
  });
}

int kin_distribution(kin_context* ctx, kin_result** out, const kin_dataset* dataset, const char* period,
                     const kin_rules* rules, int calibrated) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    require(dataset, "dataset");
    const kinerja::Period p = period_of(period, "period");
    const kinerja::RulePack pack = pack_for(rules, p.year());
    const kinerja::Dataset& d = dataset->dataset;
    const kinerja::Threads threads{ctx->threads};
    const kinerja::DistributionReport report =
        calibrated != 0 ? kinerja::check_distributions(d, p, pack, kinerja::calibrate(d, p, pack, threads), threads)
                        : kinerja::check_distributions(d, p, pack, threads);
    give(out, kinerja::distribution_tables(d, report));
  });
}

int kin_calibrate(kin_context* ctx, kin_result** out, const kin_dataset* dataset, const char* period,
                  const kin_rules* rules) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    require(dataset, "dataset");
    const kinerja::Period p = period_of(period, "period");
    const kinerja::CalibrationResult result = kinerja::calibrate(dataset->dataset, p, pack_for(rules, p.year()), kinerja::Threads{ctx->threads});
    give(out, kinerja::calibration_tables(dataset->dataset, result));
  });
}

int kin_trend(kin_context* ctx, kin_result** out, const kin_dataset* dataset, int level, const char* from,
              const char* to, const kin_rules* rules) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    require(dataset, "dataset");
    const kinerja::Dataset& d = dataset->dataset;
    kinerja::TrendLevel trend_level = kinerja::TrendLevel::Indicator;
    switch (level) {
      case KIN_TREND_INDICATOR: trend_level = kinerja::TrendLevel::Indicator; break;
      case KIN_TREND_EMPLOYEE: trend_level = kinerja::TrendLevel::Employee; break;
      case KIN_TREND_UNIT: trend_level = kinerja::TrendLevel::Unit; break;
      case KIN_TREND_PREDIKAT: trend_level = kinerja::TrendLevel::Predikat; break;
      default: fail(KIN_EINVAL, "unknown trend level " + std::to_string(level) + " (KIN_TREND_*)");
    }
    kinerja::Period first, last;
    const bool any = kinerja::realization_period_range(d, first, last);
    if (from != nullptr) first = kinerja::Period::parse(from);
    if (to != nullptr) last = kinerja::Period::parse(to);
    if (!any && (from == nullptr || to == nullptr)) {
      fail(KIN_EINVAL, "the dataset has no period realisations: give from and to");
    }
    const kinerja::RulePack pack = pack_for(rules, last.year());
    kinerja::SeriesOptions series_options;
    if (rules != nullptr) series_options.rules = pack;
    series_options.sum_target =
        pack.get("trend.sum_target") == "full" ? kinerja::SumTarget::Full : kinerja::SumTarget::Prorated;
    series_options.threads = ctx->threads;
    const kinerja::SeriesTable series = kinerja::build_series(d, trend_level, first, last, series_options);
    kinerja::TrendOptions trend_options;
    trend_options.threads = ctx->threads;
    const kinerja::TrendTable trends = kinerja::trend_statistics(series, trend_options);
    std::optional<kinerja::ProjectionResult> projection;
    if (trend_level == kinerja::TrendLevel::Indicator) {
      projection = kinerja::project_year_end(d, last.year(), last, pack, kinerja::projection_options(pack));
    }
    give(out, kinerja::trend_tables(d, series, trends, projection ? &*projection : nullptr));
  });
}

int kin_ikm(kin_context* ctx, kin_result** out, const kin_dataset* dataset, const char* period,
            const kin_rules* rules) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    require(dataset, "dataset");
    const kinerja::Period p = period_of(period, "period");
    const kinerja::IkmReport report = kinerja::ikm_by_unit(dataset->dataset, p, pack_for(rules, p.year()).ikm_weight(), kinerja::Threads{ctx->threads});
    give(out, kinerja::ikm_tables(dataset->dataset, report, p));
  });
}

}  // extern "C"
