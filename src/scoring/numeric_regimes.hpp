// The numeric rule sets inside score(): PermenPANRB 8/2021 (PP 30/2019) and PP 46/2011.
// Both run after the generic pass of score(), which has already filled the year values,
// capaian and weighted result scores; they add nilai, perilaku, the final value and predikat.
#pragma once

#include "kinerja/score.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {

/// A warning located at `row` of the file a table came from.
Diagnostic row_warning(const TableSource& source, std::size_t row, std::string message);

void score_pp30(const Dataset& dataset, int year, const RulePack& rules, ScoreResult& out);
void score_pp46(const Dataset& dataset, int year, const RulePack& rules, ScoreResult& out);

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
