// The realisation index of a dataset for an analysis: the dataset's own when it fits, otherwise
// one built on a copy (a dataset made in memory without RealizationTable::build_index(), or
// changed since).
#pragma once

#include <cstddef>

#include "kinerja/dataset.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {

class IndexedRealizations {
 public:
  IndexedRealizations(const RealizationTable& real, std::size_t indicators) : table_(&real) {
    if (real.offsets.size() != indicators + 1) {
      own_.indicator = real.indicator;
      own_.period = real.period;
      own_.value = real.value;
      own_.build_index(indicators);
      table_ = &own_;
    }
  }
  IndexedRealizations(const IndexedRealizations&) = delete;
  IndexedRealizations& operator=(const IndexedRealizations&) = delete;
  const RealizationTable& operator*() const { return *table_; }
  const RealizationTable* operator->() const { return table_; }
  const RealizationTable* get() const { return table_; }

 private:
  const RealizationTable* table_;
  RealizationTable own_;
};

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
