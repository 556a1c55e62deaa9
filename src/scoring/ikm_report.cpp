#include "kinerja/ikm_report.hpp"

#include <algorithm>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {

IkmReport ikm_by_unit(const Dataset& d, const Period& period, IkmWeight weight) {
  const SurveyTable& s = d.surveys;
  std::vector<std::vector<std::uint8_t>> answers(d.units.size());
  for (std::size_t r = 0; r < s.size(); ++r) {
    if (s.period[r] != period) continue;
    auto& a = answers[s.unit[r]];
    a.insert(a.end(), s.answers.begin() + static_cast<std::ptrdiff_t>(r * SurveyTable::unsur_count),
             s.answers.begin() + static_cast<std::ptrdiff_t>((r + 1) * SurveyTable::unsur_count));
  }
  IkmReport report;
  for (std::size_t u = 0; u < answers.size(); ++u) {
    if (answers[u].empty()) continue;
    try {
      report.units.push_back(
          {static_cast<Index>(u), compute_ikm(answers[u].data(), answers[u].size() / SurveyTable::unsur_count, weight)});
    } catch (const error& e) {
      report.skipped.emplace_back(static_cast<Index>(u), e.message());
    }
  }
  return report;
}

}  // namespace v1
}  // namespace kinerja
