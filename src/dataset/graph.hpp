// Cycle detection over parent links (unit tree, rater chain, indicator cascade).
#pragma once

#include <vector>

#include "kinerja/id_pool.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {

/// Given parent[i] (a row or no_index), returns the cycles: each as the list of rows on it,
/// starting from its smallest row, in parent order. Linear time and memory.
std::vector<std::vector<Index>> find_parent_cycles(const DataColumn<Index>& parent);

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
