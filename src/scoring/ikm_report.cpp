#include "kinerja/ikm_report.hpp"

#include <algorithm>
#include <iterator>

#include "core/parallel.hpp"
#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {

IkmReport ikm_by_unit(const Dataset& d, const Period& period, IkmWeight weight, Threads threads) {
  const SurveyTable& s = d.surveys;
  std::vector<std::vector<std::uint8_t>> answers(d.units.size());
  for (std::size_t r = 0; r < s.size(); ++r) {
    if (s.period[r] != period) continue;
    auto& a = answers[s.unit[r]];
    a.insert(a.end(), s.answers.begin() + static_cast<std::ptrdiff_t>(r * SurveyTable::unsur_count),
             s.answers.begin() + static_cast<std::ptrdiff_t>((r + 1) * SurveyTable::unsur_count));
  }
  // The units in parts of consecutive units, one thread each, joined in unit order.
  const unsigned parts = detail::resolve_threads(threads.count, answers.size(), 256);
  std::vector<IkmReport> part_reports(parts);
  detail::run_threads(parts, [&](unsigned part) {
    const auto [u0, u1] = detail::part_of(answers.size(), parts, part);
    IkmReport& r = part_reports[part];
    for (std::size_t u = u0; u < u1; ++u) {
      if (answers[u].empty()) continue;
      try {
        r.units.push_back(
            {static_cast<Index>(u), compute_ikm(answers[u].data(), answers[u].size() / SurveyTable::unsur_count, weight)});
      } catch (const error& e) {
        r.skipped.emplace_back(static_cast<Index>(u), e.message());
      }
    }
  });
  IkmReport report;
  for (IkmReport& r : part_reports) {
    report.units.insert(report.units.end(), r.units.begin(), r.units.end());
    report.skipped.insert(report.skipped.end(), std::make_move_iterator(r.skipped.begin()),
                          std::make_move_iterator(r.skipped.end()));
  }
  return report;
}

}  // namespace v1
}  // namespace kinerja
