#include "kinerja/dataset.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

template <typename T>
std::size_t bytes(const DataColumn<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

void RealizationTable::build_index(std::size_t indicator_count) {
  offsets.assign(indicator_count + 1, 0);
  order.clear();
  bool grouped = true;
  for (std::size_t r = 0; r < indicator.size(); ++r) {
    ++offsets[indicator[r] + 1];
    if (r > 0 && indicator[r] < indicator[r - 1]) grouped = false;
  }
  for (std::size_t i = 0; i < indicator_count; ++i) offsets[i + 1] += offsets[i];
  if (!grouped) {
    // Counting sort: stable, so each indicator keeps its rows in file order.
    order.resize(indicator.size());
    std::vector<std::uint64_t> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t r = 0; r < indicator.size(); ++r) order[next[indicator[r]]++] = static_cast<Index>(r);
  }
  in_period_order.assign(indicator_count, 1);
  for (std::size_t i = 0; i < indicator_count; ++i) {
    std::uint32_t previous = 0;
    for (std::uint64_t k = offsets[i]; k < offsets[i + 1]; ++k) {
      const Period p = period[grouped ? k : order[k]];
      if (p.kind() == PeriodKind::Year || p.key() <= previous) {
        in_period_order[i] = 0;
        break;
      }
      previous = p.key();
    }
  }
}

std::vector<TableSummary> Dataset::summary() const {
  return {
      {"units.csv", units.source.present, units.size()},
      {"employees.csv", employees.source.present, employees.size()},
      {"indicators.csv", indicators.source.present, indicators.size()},
      {"realizations.csv", realizations.source.present, realizations.size()},
      {"ratings.csv", ratings.source.present, ratings.size()},
      {"feedback.csv", feedback.source_file.present, feedback.size()},
      {"org_ratings.csv", org_ratings.source.present, org_ratings.size()},
      {"surveys.csv", surveys.source.present, surveys.size()},
  };
}

std::size_t Dataset::memory_bytes() const noexcept {
  std::size_t n = 0;
  n += units.ids.memory_bytes() + units.name.memory_bytes() + bytes(units.parent) + bytes(units.agency) +
       units.agencies.memory_bytes();
  n += employees.nips.memory_bytes() + employees.name.memory_bytes() + bytes(employees.unit) +
       bytes(employees.rater) + bytes(employees.status) + bytes(employees.grade) + bytes(employees.position);
  const IndicatorTable& t = indicators;
  n += t.ids.memory_bytes() + bytes(t.owner_type) + bytes(t.owner) + bytes(t.year) + t.name.memory_bytes() +
       bytes(t.rhk) + t.rhks.memory_bytes() + bytes(t.kind) + bytes(t.aspect) + bytes(t.unit_of_measure) +
       t.units_of_measure.memory_bytes() + bytes(t.polarity) + bytes(t.target) + bytes(t.target_upper) +
       bytes(t.weight) + bytes(t.accumulation) + bytes(t.parent) + bytes(t.target_is_max);
  n += bytes(realizations.indicator) + bytes(realizations.period) + bytes(realizations.value) +
       bytes(realizations.offsets) + bytes(realizations.order) + bytes(realizations.in_period_order);
  n += bytes(ratings.employee) + bytes(ratings.period) + bytes(ratings.result) + bytes(ratings.behavior) +
       bytes(ratings.rater) + bytes(ratings.innovation);
  n += bytes(feedback.period) + bytes(feedback.rater) + bytes(feedback.external_rater) +
       feedback.external_raters.memory_bytes() + bytes(feedback.ratee) + bytes(feedback.source) +
       bytes(feedback.score) + bytes(feedback.aspect) + feedback.aspects.memory_bytes();
  n += bytes(org_ratings.unit) + bytes(org_ratings.period) + bytes(org_ratings.predikat);
  n += bytes(surveys.unit) + bytes(surveys.period) + bytes(surveys.respondent) + surveys.respondents.memory_bytes() +
       bytes(surveys.answers);
  return n;
}

}  // namespace v1
}  // namespace kinerja
