// kinerja: the IKM of every surveyed unit of a dataset for one period.
#pragma once

#include <vector>

#include "kinerja/dataset.hpp"
#include "kinerja/export.hpp"
#include "kinerja/ikm.hpp"
#include "kinerja/threads.hpp"

namespace kinerja {
inline namespace v1 {

struct UnitIkm {
  Index unit = no_index;
  IkmResult result;
};

/// compute_ikm() for every unit with survey answers in `period` (surveys.csv rows whose period
/// equals it), in unit order. A unit where an unsur was answered by nobody is left out and named
/// in `skipped` with the reason.
struct IkmReport {
  std::vector<UnitIkm> units;
  std::vector<std::pair<Index, std::string>> skipped;
};

KIN_CXX_API IkmReport ikm_by_unit(const Dataset& dataset, const Period& period, IkmWeight weight,
                                  Threads threads = {});

}  // namespace v1
}  // namespace kinerja
