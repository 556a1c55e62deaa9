#include "scoring/numeric_regimes.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "kinerja/pp30.hpp"
#include "kinerja/pp46.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Nilai perilaku per employee: the mean of the year's feedback scores from the chosen sources.
// For PP 46/2011 the scores are first averaged per aspect, then over the aspects (the regulation
// averages its five or six behaviour aspects). Also notes who had peer or subordinate input
// (PP 30/2019 Pasal 41: 60/40 instead of 70/30).
struct Behaviour {
  std::vector<double> score;
  std::vector<std::uint8_t> has_peer_input;
};

Behaviour behaviour_scores(const Dataset& d, int year, const std::string& sources, bool per_aspect) {
  const FeedbackTable& f = d.feedback;
  const std::size_t ne = d.employees.size();
  Behaviour out;
  out.score.assign(ne, nan);
  out.has_peer_input.assign(ne, 0);
  // (employee, aspect) -> sum, count; aspect no_index when not given.
  std::vector<std::map<Index, std::pair<double, std::size_t>>> sums(ne);
  for (std::size_t r = 0; r < f.size(); ++r) {
    if (f.period[r].year() != year) continue;
    const FeedbackSource s = f.source[r];
    const Index e = f.ratee[r];
    if (s == FeedbackSource::Peer || s == FeedbackSource::Subordinate) out.has_peer_input[e] = 1;
    const bool internal = s == FeedbackSource::Supervisor || s == FeedbackSource::Peer ||
                          s == FeedbackSource::Subordinate;
    const bool use = sources == "all" || (sources == "supervisor" && s == FeedbackSource::Supervisor) ||
                     (sources == "internal" && internal);
    if (!use) continue;
    auto& slot = sums[e][per_aspect ? f.aspect[r] : no_index];
    slot.first += f.score[r];
    ++slot.second;
  }
  for (std::size_t e = 0; e < ne; ++e) {
    if (sums[e].empty()) continue;
    double total = 0;
    for (const auto& [aspect, sc] : sums[e]) total += sc.first / static_cast<double>(sc.second);
    out.score[e] = total / static_cast<double>(sums[e].size());
  }
  return out;
}

// Innovation flag of each employee's annual rating (PP 30/2019: needed for Sangat Baik).
std::vector<std::uint8_t> innovation_flags(const Dataset& d, int year) {
  std::vector<std::uint8_t> flags(d.employees.size(), 0);
  const Period annual = Period::year(year);
  for (std::size_t r = 0; r < d.ratings.size(); ++r) {
    if (d.ratings.period[r] == annual && d.ratings.innovation[r]) flags[d.ratings.employee[r]] = 1;
  }
  return flags;
}

// A value computed in double (a year value summed from periods, a mean of feedback scores) taken
// to 12 decimals before the regulation's thresholds see it: 0.04 + 8.04 + 1.04 is
// 9.119999999999997 in double and must decide as 9.12. Input values (targets) are exact already.
Rational decision_value(double value) { return Rational::from_double(value).round_half_up(12); }

// Runs an exact computation; if its fractions outgrow 64 bits, runs it again on operands taken
// to 12 decimals (the decision precision of kinerja::RationalSum), instead of giving up.
template <typename F>
Rational exact_or_decimal(F f, const Rational& a, const Rational& b) {
  try {
    return f(a, b);
  } catch (const error& e) {
    if (e.code() != errc::Overflow) throw;
    return f(a.round_half_up(RationalSum::default_decimals), b.round_half_up(RationalSum::default_decimals));
  }
}

Rational mean_of(const RationalSum& sum, std::int64_t count) {
  return exact_or_decimal([](const Rational& s, const Rational& n) { return s / n; }, sum.value(), Rational(count));
}

std::optional<Rational> exact(double value) {
  if (std::isnan(value)) return std::nullopt;
  return Rational::from_double(value);
}

bool counts_in_result(const IndicatorTable& ind, Index i, const RulePack& rules) {
  return ind.owner_type[i] == OwnerType::Employee && (ind.kind[i] == IndicatorKind::Utama || rules.count_tambahan());
}

}  // namespace

Diagnostic row_warning(const TableSource& source, std::size_t row, std::string message) {
  Diagnostic w;
  w.severity = Severity::Warning;
  w.location.file = source.file;
  w.location.line = source.lines.line(row);
  w.message = std::move(message);
  return w;
}

void score_pp30(const Dataset& d, int year, const RulePack& rules, ScoreResult& out) {
  const IndicatorTable& ind = d.indicators;
  IndicatorScores& is = out.indicators;
  EmployeeScores& es = out.employees;
  const std::string gap_text = rules.get("nilai_iki.gap");
  const GapPolicy gap = gap_text == "extend_lower_band" ? GapPolicy::ExtendLowerBand
                        : gap_text == "error"           ? GapPolicy::Error
                                                        : GapPolicy::RoundToInteger;
  // Nilai IKI per indicator, exactly, and their mean per employee (nilai SKP).
  const std::size_t ne = d.employees.size();
  std::vector<RationalSum> sum(ne);
  std::vector<std::int64_t> count(ne, 0);
  std::vector<std::uint8_t> failed(ne, 0);
  for (std::size_t k = 0; k < is.size(); ++k) {
    const Index i = is.indicator[k];
    if (is.status[k] != IndicatorStatus::Ok) continue;
    try {
      const std::optional<Rational> upper = has_target_range(ind.polarity[i]) ? exact(ind.target_upper[i]) : std::nullopt;
      const Rational capaian =
          capaian_iki(ind.polarity[i], Rational::from_double(ind.target[i]), upper, decision_value(is.realization[k]));
      const Rational nilai = nilai_iki(capaian, ind.target_is_max[i] != 0, gap);
      is.nilai[k] = nilai.to_double();
      if (counts_in_result(ind, i, rules)) {
        const Index e = ind.owner[i];
        sum[e] += nilai;
        ++count[e];
      }
    } catch (const error& e) {
      out.warnings.push_back(
          row_warning(ind.source, i, "indicator '" + std::string(ind.ids[i]) + "': no nilai IKI: " + e.message()));
      if (counts_in_result(ind, i, rules)) failed[ind.owner[i]] = 1;
    }
  }
  const Behaviour behaviour = behaviour_scores(d, year, rules.get("perilaku.sources"), false);
  const std::vector<std::uint8_t> innovation = innovation_flags(d, year);
  const std::string weight = rules.get("perilaku.weight");
  for (std::size_t e = 0; e < ne; ++e) {
    es.result_score[e] = nan;
    es.predikat[e] = no_value;
    if (count[e] == 0 || failed[e]) continue;
    try {
      const Rational skp = mean_of(sum[e], count[e]);
      es.result_score[e] = skp.to_double();
      es.behavior_score[e] = behaviour.score[e];
      if (std::isnan(behaviour.score[e])) continue;
      const PerilakuWeight w = weight == "60_40"   ? PerilakuWeight::Sixty
                               : weight == "70_30" ? PerilakuWeight::Seventy
                               : behaviour.has_peer_input[e] ? PerilakuWeight::Sixty
                                                             : PerilakuWeight::Seventy;
      const Rational final_value = exact_or_decimal(
          [w](const Rational& a, const Rational& b) { return nilai_kinerja(a, b, w); }, skp,
          decision_value(behaviour.score[e]));
      es.final_score[e] = final_value.to_double();
      es.predikat[e] = static_cast<std::int8_t>(pp30_predikat(final_value, innovation[e] != 0));
    } catch (const error& ex) {
      out.warnings.push_back(row_warning(d.employees.source, e,
                                         "employee '" + std::string(d.employees.nips[static_cast<Index>(e)]) +
                                             "': no nilai kinerja: " + ex.message()));
    }
  }
}

void score_pp46(const Dataset& d, int year, const RulePack& rules, ScoreResult& out) {
  const IndicatorTable& ind = d.indicators;
  IndicatorScores& is = out.indicators;
  EmployeeScores& es = out.employees;
  const std::size_t ne = d.employees.size();
  // An activity is an RHK (rhk_id) of an employee; an indicator without rhk_id is an activity
  // of its own. Each aspect (kuantitas, kualitas, waktu, biaya) scores R/T x 100 or, for waktu
  // and biaya, the 1.76 rule; the activity is the mean of the aspects it has (all four, or the
  // three without biaya in the regulation's own layout).
  struct Activity {
    RationalSum sum;
    std::int64_t aspects = 0;
    bool realised = false;
  };
  std::vector<std::map<std::uint64_t, Activity>> activities(ne);
  std::vector<std::uint8_t> failed(ne, 0);
  for (std::size_t k = 0; k < is.size(); ++k) {
    const Index i = is.indicator[k];
    if (!counts_in_result(ind, i, rules)) continue;
    const Index e = ind.owner[i];
    const std::uint64_t key = ind.rhk[i] != no_index ? ind.rhk[i] : (std::uint64_t{1} << 32) + i;
    Activity& a = activities[e][key];
    if (is.status[k] == IndicatorStatus::NoRealization) continue;
    try {
      const Rational t = Rational::from_double(ind.target[i]);
      const Rational r = decision_value(is.realization[k]);
      const Aspect aspect = ind.aspect[i];
      // Waktu and biaya follow the 1.76 rule (lower is better by construction). Other aspects are
      // R/T x 100; an indicator declared lower-is-better or with a target range uses the capaian
      // formulas of its polarity instead, so that a worse result never scores higher.
      Rational v;
      if (aspect == Aspect::Waktu || aspect == Aspect::Biaya) {
        v = pp46_time_or_cost(t, r);
      } else if (ind.polarity[i] == Polarity::Max) {
        v = pp46_quantity_or_quality(t, r);
      } else {
        const std::optional<Rational> upper = has_target_range(ind.polarity[i]) ? exact(ind.target_upper[i]) : std::nullopt;
        v = capaian_iki(ind.polarity[i], t, upper, r);
      }
      is.nilai[k] = v.to_double();
      a.sum += v;
      ++a.aspects;
      a.realised = true;
    } catch (const error& ex) {
      out.warnings.push_back(row_warning(
          ind.source, i, "indicator '" + std::string(ind.ids[i]) + "': no PP 46/2011 aspect value: " + ex.message()));
      failed[e] = 1;
    }
  }
  const Behaviour behaviour = behaviour_scores(d, year, rules.get("perilaku.sources"), true);
  for (std::size_t e = 0; e < ne; ++e) {
    es.result_score[e] = nan;
    es.predikat[e] = no_value;
    if (activities[e].empty() || failed[e]) continue;
    try {
      std::vector<Rational> values;
      for (const auto& [key, a] : activities[e]) {
        // An activity not carried out (no realisation at all) scores 0.
        values.push_back(a.realised ? mean_of(a.sum, a.aspects) : Rational(0));
      }
      Rational skp;
      try {
        skp = pp46_skp_value(values);
      } catch (const error& ex) {
        if (ex.code() != errc::Overflow) throw;
        for (Rational& v : values) v = v.round_half_up(RationalSum::default_decimals);
        skp = pp46_skp_value(values);
      }
      es.result_score[e] = skp.to_double();
      es.behavior_score[e] = behaviour.score[e];
      if (std::isnan(behaviour.score[e])) continue;
      const Rational final_value = exact_or_decimal(
          [](const Rational& a, const Rational& b) { return pp46_prestasi_kerja(a, b); }, skp,
          decision_value(behaviour.score[e]));
      es.final_score[e] = final_value.to_double();
      es.predikat[e] = static_cast<std::int8_t>(pp46_sebutan(final_value));
    } catch (const error& ex) {
      out.warnings.push_back(row_warning(d.employees.source, e,
                                         "employee '" + std::string(d.employees.nips[static_cast<Index>(e)]) +
                                             "': no nilai prestasi kerja: " + ex.message()));
    }
  }
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
