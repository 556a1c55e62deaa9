#include "kinerja/report.hpp"
#include "kinerja/table.hpp"

#include "io/output.hpp"

#include <cmath>
#include <memory>

namespace kinerja {
inline namespace v1 {
namespace {

constexpr ColumnType T = ColumnType::Text, N = ColumnType::Number, I = ColumnType::Integer;

std::string_view rating_text(std::int8_t r) {
  return r == no_value ? std::string_view() : to_string(static_cast<Rating>(r));
}

std::string_view predikat_text(std::int8_t p) {
  return p == no_value ? std::string_view() : to_string(static_cast<Predikat>(p));
}

// Where the tables of a result go: the files of one output folder, or tables in memory.
class TableSink {
 public:
  virtual ~TableSink() = default;
  virtual std::unique_ptr<detail::TableWriter> open(const std::string& name) = 0;
};

// `name`.csv or `name`.json in an output folder, written all or nothing by commit().
class FileSink final : public TableSink {
 public:
  FileSink(const std::string& folder, OutputFormat format) : files_(folder), format_(format) {}
  std::unique_ptr<detail::TableWriter> open(const std::string& name) override {
    if (format_ == OutputFormat::Json) return std::make_unique<detail::JsonWriter>(files_.open(name + ".json"));
    return std::make_unique<detail::CsvWriter>(files_.open(name + ".csv"));
  }
  std::vector<std::string> commit() { return files_.commit(); }

 private:
  detail::OutputSet files_;
  OutputFormat format_;
};

class MemorySink final : public TableSink {
 public:
  std::unique_ptr<detail::TableWriter> open(const std::string& name) override {
    tables_.push_back(std::make_unique<Table>());
    tables_.back()->name = name;
    return std::make_unique<detail::TableCollector>(*tables_.back());
  }
  std::vector<Table> take() {
    std::vector<Table> out;
    for (auto& t : tables_) out.push_back(std::move(*t));
    return out;
  }

 private:
  std::vector<std::unique_ptr<Table>> tables_;
};


void emit_score(const Dataset& d, const ScoreResult& r, TableSink& files) {
  const auto& labels = predikat_labels(r.rule_set);
  {
    auto w = files.open("indicator_scores");
    w->header({{"indicator_id", T}, {"owner_type", T}, {"owner_id", T}, {"year", I}, {"target", N}, {"target_upper", N}, {"realization", N}, {"achievement", N}, {"capped_achievement", N}, {"weight", N}, {"status", T}, {"periods", I}, {"nilai", N}, {"children", I}, {"children_achievement", N}});
    const IndicatorTable& t = d.indicators;
    const IndicatorScores& s = r.indicators;
    for (std::size_t k = 0; k < s.size(); ++k) {
      const Index i = s.indicator[k];
      const bool unit = t.owner_type[i] == OwnerType::Unit;
      w->text(t.ids[i]).text(to_string(t.owner_type[i]));
      w->text(unit ? d.units.ids[t.owner[i]] : d.employees.nips[t.owner[i]]);
      w->integer(t.year[i]).number(t.target[i]).number(t.target_upper[i]).number(s.realization[k]);
      w->number(s.achievement[k]).number(s.capped_achievement[k]).number(s.weight[k]).text(to_string(s.status[k]));
      w->integer(s.periods[k]).number(s.nilai.empty() ? std::nan("") : s.nilai[k]);
      if (s.children.empty()) {
        w->integer(0).empty();
      } else {
        w->integer(s.children[k]).number(s.children_achievement[k]);
      }
      w->end_row();
    }
    w->finish();
  }
  {
    auto w = files.open("employee_scores");
    w->header({{"nip", T}, {"year", I}, {"rule_pack", T}, {"result_score", N}, {"behavior_score", N}, {"final_score", N}, {"result_rating", T}, {"behavior_rating", T}, {"predikat", T}, {"indicators", I}, {"indicators_scored", I}, {"suggested_result_rating", T}});
    const EmployeeScores& s = r.employees;
    for (std::size_t k = 0; k < s.size(); ++k) {
      w->text(d.employees.nips[s.employee[k]]).integer(r.year).text(r.rule_pack);
      w->number(s.result_score[k]).number(s.behavior_score[k]).number(s.final_score[k]);
      w->text(rating_text(s.result_rating[k])).text(rating_text(s.behavior_rating[k]));
      w->text(s.predikat[k] == no_value ? std::string_view() : labels[static_cast<std::size_t>(s.predikat[k])]);
      w->integer(s.indicators[k]).integer(s.indicators_scored[k]).text(rating_text(s.suggested_result_rating[k]));
      w->end_row();
    }
    w->finish();
  }
  {
    auto w = files.open("unit_scores");
    w->header({{"unit_id", T}, {"year", I}, {"iku_achievement", N}, {"employees", I}, {labels[0], I}, {labels[1], I}, {labels[2], I}, {labels[3], I}, {labels[4], I}, {"iku", I}, {"subtree_iku_achievement", N}, {"subtree_units", I}});
    const UnitScores& s = r.units;
    for (std::size_t k = 0; k < s.size(); ++k) {
      w->text(d.units.ids[s.unit[k]]).integer(r.year).number(s.iku_achievement[k]).integer(s.employees[k]);
      for (int c : s.counts[k]) w->integer(c);
      w->integer(s.iku[k]).number(s.subtree_iku_achievement[k]).integer(s.subtree_units[k]);
      w->end_row();
    }
    w->finish();
  }
}

void emit_distribution(const Dataset& d, const DistributionReport& r, TableSink& files) {
  const auto& labels = predikat_labels(RuleSet::PermenPanRb6_2022);
  {
    auto w = files.open("distribution_check");
    w->header({{"unit_id", T}, {"period", T}, {"org_predikat", T}, {"employees", I}, {labels[0], I}, {labels[1], I}, {labels[2], I}, {labels[3], I}, {labels[4], I}, {"valid", I}, {"violations", T}, {"warnings", T}, {"pooled_units", T}});
    const std::string period = r.period.to_string();
    for (const UnitDistribution& u : r.units) {
      std::string hard, soft, pooled;
      for (const DistributionViolation& v : u.check.violations) {
        std::string& list = v.hard ? hard : soft;
        list += (list.empty() ? "" : ";") + v.code;
      }
      for (Index p : u.pooled_units) pooled += (pooled.empty() ? "" : ";") + std::string(d.units.ids[p]);
      w->text(d.units.ids[u.unit]).text(period).text(to_string(u.org_predikat)).integer(u.check.employees);
      for (int c : u.counts) w->integer(c);
      w->integer(u.check.valid ? 1 : 0).text(hard).text(soft).text(pooled);
      w->end_row();
    }
    w->finish();
  }
  {
    auto w = files.open("distribution_suggestions");
    w->header({{"unit_id", T}, {"nip", T}, {"from_predikat", T}, {"to_predikat", T}, {"reason", T}, {"evidence", N}});
    for (const DistributionSuggestion& s : r.suggestions) {
      w->text(d.units.ids[s.unit]).text(d.employees.nips[s.employee]).text(to_string(s.from)).text(to_string(s.to));
      w->text("suggestion: " + s.reason).number(s.evidence);
      w->end_row();
    }
    w->finish();
  }
}

void emit_ikm(const Dataset& d, const IkmReport& r, const Period& period, TableSink& files) {
  auto w = files.open("ikm");
  w->header({{"unit_id", T}, {"period", T}, {"respondents", I}, {"nrr_u1", N}, {"nrr_u2", N}, {"nrr_u3", N}, {"nrr_u4", N}, {"nrr_u5", N}, {"nrr_u6", N}, {"nrr_u7", N}, {"nrr_u8", N}, {"nrr_u9", N}, {"ikm", T}, {"mutu", T}, {"ikm_unrounded", N}, {"exact", I}});
  const std::string p = period.to_string();
  for (const UnitIkm& u : r.units) {
    w->text(d.units.ids[u.unit]).text(p).integer(static_cast<std::int64_t>(u.result.respondents));
    for (const Rational& nrr : u.result.nrr) w->number(nrr.to_double());
    w->text(u.result.ikm_rounded.to_decimal_string(2)).text(to_string(u.result.mutu)).number(u.result.ikm.to_double());
    w->integer(u.result.exact ? 1 : 0);
    w->end_row();
  }
  w->finish();
}

void emit_calibration(const Dataset& d, const CalibrationResult& r, TableSink& files) {
  const std::string period = r.period.to_string();
  const std::size_t ne = d.employees.size();
  const bool fitted = r.model_status == ModelStatus::Fitted;
  const std::string model(to_string(r.model));
  // Components are numbered from 1 in the files; none is an empty cell.
  auto component = [&](detail::TableWriter& w, std::size_t e) -> detail::TableWriter& {
    return r.component[e] == no_index ? w.empty() : w.integer(r.component[e] + 1);
  };
  // The flags of each rater, ';'-separated, for rater_effects.csv.
  std::vector<std::string> flags_of(ne);
  for (std::size_t k = 0; k < r.raters.flags.size(); ++k) {
    std::string& list = flags_of[r.raters.flags.rater[k]];
    list += (list.empty() ? "" : ";") + std::string(to_string(r.raters.flags.flag[k]));
  }
  {
    auto w = files.open("rater_effects");
    w->header({{"rater_nip", T}, {"unit_id", T}, {"period", T}, {"model", T}, {"scores", I}, {"effect", N}, {"se", N}, {"z", N}, {"lower", N}, {"upper", N}, {"component", I}, {"leniency", N}, {"leniency_z", N}, {"flags", T}});
    std::vector<Index> summary_row(ne, no_index);
    for (std::size_t k = 0; k < r.raters.raters.size(); ++k) summary_row[r.raters.raters.rater[k]] = static_cast<Index>(k);
    for (std::size_t e = 0; e < ne; ++e) {
      if (r.rater_scores[e] == 0 && summary_row[e] == no_index) continue;
      const double effect = fitted ? r.rater_effect[e] : std::nan("");
      const double se = fitted ? r.rater_se[e] : std::nan("");
      w->text(d.employees.nips[static_cast<Index>(e)]).text(d.units.ids[d.employees.unit[e]]).text(period).text(model);
      w->integer(r.rater_scores[e]).number(effect).number(se).number(se > 0 ? effect / se : std::nan(""));
      component(w->number(effect - 1.959963984540054 * se).number(effect + 1.959963984540054 * se), e);
      const Index s = summary_row[e];
      w->number(s == no_index ? std::nan("") : r.raters.raters.leniency[s]);
      w->number(s == no_index ? std::nan("") : r.raters.raters.leniency_z[s]).text(flags_of[e]);
      w->end_row();
    }
    w->finish();
  }
  {
    auto w = files.open("ratee_scores");
    w->header({{"nip", T}, {"unit_id", T}, {"period", T}, {"scores", I}, {"raw_mean", N}, {"combined", N}, {"shrunk", N}, {"self", N}, {"fair_score", N}, {"fair_lower", N}, {"fair_upper", N}, {"effect", N}, {"se", N}, {"component", I}, {"behavior_rating", T}, {"suggested_behavior_rating", T}, {"predikat", T}, {"suggested_predikat", T}});
    std::vector<Index> overall(ne, no_index);
    for (std::size_t k = 0; k < r.feedback.size(); ++k) {
      if (r.feedback.aspect[k] == no_index) overall[r.feedback.ratee[k]] = static_cast<Index>(k);
    }
    for (std::size_t e = 0; e < ne; ++e) {
      const Index o = overall[e];
      if (r.ratee_scores[e] == 0 && o == no_index && r.behavior_rating[e] == no_value) continue;
      w->text(d.employees.nips[static_cast<Index>(e)]).text(d.units.ids[d.employees.unit[e]]).text(period);
      w->integer(r.ratee_scores[e]);
      w->number(r.raw_mean[e]);
      w->number(o == no_index ? std::nan("") : r.feedback.combined[o]);
      w->number(o == no_index ? std::nan("") : r.feedback.shrunk[o]);
      w->number(o == no_index ? std::nan("") : r.feedback.self().mean[o]);
      w->number(r.fair_score[e]).number(r.fair_lower[e]).number(r.fair_upper[e]);
      w->number(fitted ? r.ratee_effect[e] : std::nan("")).number(fitted ? r.ratee_se[e] : std::nan(""));
      component(*w, e).text(rating_text(r.behavior_rating[e])).text(rating_text(r.suggested_behavior_rating[e]));
      w->text(predikat_text(r.predikat[e])).text(predikat_text(r.suggested_predikat[e]));
      w->end_row();
    }
    w->finish();
  }
  {
    auto w = files.open("reliability");
    w->header({{"period", T}, {"statistic", T}, {"value", N}, {"lower", N}, {"upper", N}, {"raters", N}, {"units", I}, {"status", T}, {"basis", T}});
    for (const ReliabilityRow& row : r.reliability) {
      w->text(period).text(row.statistic).number(row.value).number(row.lower).number(row.upper).number(row.raters);
      w->integer(static_cast<std::int64_t>(row.units)).text(row.status).text(row.basis);
      w->end_row();
    }
    w->finish();
  }
  {
    auto w = files.open("rater_flags");
    w->header({{"rater_nip", T}, {"unit_id", T}, {"period", T}, {"flag", T}, {"statistic", N}, {"threshold", N}, {"partner_nip", T}, {"detail", T}});
    const RaterFlags& f = r.raters.flags;
    for (std::size_t k = 0; k < f.size(); ++k) {
      const Index e = f.rater[k];
      w->text(d.employees.nips[e]).text(d.units.ids[d.employees.unit[e]]).text(period).text(to_string(f.flag[k]));
      w->number(f.statistic[k]).number(f.threshold[k]);
      w->text(f.partner[k] == no_index ? std::string_view() : d.employees.nips[f.partner[k]]).text(f.detail[k]);
      w->end_row();
    }
    w->finish();
  }
}

void emit_trend(const Dataset& d, const SeriesTable& series, const TrendTable& trends,
                const ProjectionResult* projection, TableSink& files) {
  // Projection rows by indicator (indicator level only).
  std::vector<Index> projected(series.level == TrendLevel::Indicator ? d.indicators.size() : 0, no_index);
  if (projection != nullptr && !projected.empty()) {
    for (std::size_t k = 0; k < projection->size(); ++k) projected[projection->indicator[k]] = static_cast<Index>(k);
  }
  auto w = files.open("trends");
  w->header({{"series_id", T}, {"level", T}, {"n", I}, {"first_period", T}, {"last_period", T}, {"ols_slope", N}, {"ols_intercept", N}, {"r2", N}, {"ols_p", N}, {"mk_s", I}, {"mk_var_s", N}, {"mk_z", N}, {"mk_p", N}, {"mk_tau", N}, {"sen_slope", N}, {"sen_lower", N}, {"sen_upper", N}, {"hamed_rao_p", N}, {"seasonal_mk_p", N}, {"pettitt_period", T}, {"pettitt_p", N}, {"direction", T}, {"status", T}, {"projection_year", I}, {"projected_value", N}, {"projected_lower", N}, {"projected_upper", N}, {"projected_achievement", N}, {"achievement_low", N}, {"achievement_high", N}, {"projection_status", T}});
  const std::string level(to_string(series.level));
  for (std::size_t s = 0; s < trends.size(); ++s) {
    const bool tested = trends.status[s] == TrendStatus::Ok;
    w->text(series_id(d, series, s)).text(level).integer(trends.n[s]);
    if (trends.n[s] > 0) {
      w->text(trends.first_period[s].to_string()).text(trends.last_period[s].to_string());
    } else {
      w->empty().empty();
    }
    w->number(trends.ols_slope[s]).number(trends.ols_intercept[s]).number(trends.ols_r_squared[s]).number(trends.ols_p[s]);
    if (tested) {
      w->integer(trends.mk_s[s]);
    } else {
      w->empty();
    }
    w->number(trends.mk_var_s[s]).number(trends.mk_z[s]).number(trends.mk_p[s]).number(trends.mk_tau[s]);
    w->number(trends.sen_slope[s]).number(trends.sen_lower[s]).number(trends.sen_upper[s]).number(trends.hamed_rao_p[s]);
    w->number(trends.seasonal_mk_p[s]);
    if (tested && trends.pettitt_p[s] < 1) {
      w->text(trends.pettitt_period[s].to_string());
    } else {
      w->empty();
    }
    w->number(trends.pettitt_p[s]).text(to_string(trends.direction[s])).text(to_string(trends.status[s]));
    const Index k = projected.empty() ? no_index : projected[series.subject[s]];
    if (k == no_index) {
      for (int c = 0; c < 8; ++c) w->empty();
    } else {
      w->integer(projection->year).number(projection->projected[k]).number(projection->lower[k]);
      w->number(projection->upper[k]).number(projection->achievement[k]).number(projection->achievement_low[k]);
      w->number(projection->achievement_high[k]).text(to_string(projection->status[k]));
    }
    w->end_row();
  }
  w->finish();
}

}  // namespace

std::vector<std::string> write_score_tables(const Dataset& dataset, const ScoreResult& result, const std::string& folder,
                                            OutputFormat format) {
  FileSink files(folder, format);
  emit_score(dataset, result, files);
  return files.commit();
}

std::vector<std::string> write_distribution_tables(const Dataset& dataset, const DistributionReport& report,
                                                   const std::string& folder, OutputFormat format) {
  FileSink files(folder, format);
  emit_distribution(dataset, report, files);
  return files.commit();
}

std::vector<std::string> write_ikm_table(const Dataset& dataset, const IkmReport& report, const Period& period,
                                         const std::string& folder, OutputFormat format) {
  FileSink files(folder, format);
  emit_ikm(dataset, report, period, files);
  return files.commit();
}

std::vector<std::string> write_calibration_tables(const Dataset& dataset, const CalibrationResult& result,
                                                  const std::string& folder, OutputFormat format) {
  FileSink files(folder, format);
  emit_calibration(dataset, result, files);
  return files.commit();
}

std::vector<std::string> write_trend_table(const Dataset& dataset, const SeriesTable& series, const TrendTable& trends,
                                           const ProjectionResult* projection, const std::string& folder,
                                           OutputFormat format) {
  FileSink files(folder, format);
  emit_trend(dataset, series, trends, projection, files);
  return files.commit();
}

std::string_view to_string(ColumnType type) noexcept {
  switch (type) {
    case ColumnType::Text: return "text";
    case ColumnType::Number: return "number";
    case ColumnType::Integer: return "integer";
  }
  return "unknown";
}

const Column* Table::find(std::string_view wanted) const noexcept {
  for (const Column& c : columns) {
    if (c.name == wanted) return &c;
  }
  return nullptr;
}

std::vector<Table> score_tables(const Dataset& dataset, const ScoreResult& result) {
  MemorySink tables;
  emit_score(dataset, result, tables);
  return tables.take();
}

std::vector<Table> distribution_tables(const Dataset& dataset, const DistributionReport& report) {
  MemorySink tables;
  emit_distribution(dataset, report, tables);
  return tables.take();
}

std::vector<Table> ikm_tables(const Dataset& dataset, const IkmReport& report, const Period& period) {
  MemorySink tables;
  emit_ikm(dataset, report, period, tables);
  return tables.take();
}

std::vector<Table> calibration_tables(const Dataset& dataset, const CalibrationResult& result) {
  MemorySink tables;
  emit_calibration(dataset, result, tables);
  return tables.take();
}

std::vector<Table> trend_tables(const Dataset& dataset, const SeriesTable& series, const TrendTable& trends,
                                const ProjectionResult* projection) {
  MemorySink tables;
  emit_trend(dataset, series, trends, projection, tables);
  return tables.take();
}

}  // namespace v1
}  // namespace kinerja
