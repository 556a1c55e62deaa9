#include "dataset/graph.hpp"

#include <algorithm>
#include <cstdint>

namespace kinerja {
inline namespace v1 {
namespace detail {

std::vector<std::vector<Index>> find_parent_cycles(const DataColumn<Index>& parent) {
  // Colour walk: 0 = unvisited, 1 = on the current path, 2 = done. Each row is walked once.
  const std::size_t n = parent.size();
  std::vector<std::uint8_t> state(n, 0);
  std::vector<std::vector<Index>> cycles;
  std::vector<Index> path;
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start] != 0) continue;
    path.clear();
    Index v = static_cast<Index>(start);
    while (v != no_index && v < n && state[v] == 0) {
      state[v] = 1;
      path.push_back(v);
      v = parent[v];
    }
    if (v != no_index && v < n && state[v] == 1) {
      // v is on the current path: the cycle is path[pos(v)..end].
      const auto it = std::find(path.begin(), path.end(), v);
      std::vector<Index> cycle(it, path.end());
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
      cycles.push_back(std::move(cycle));
    }
    for (Index p : path) state[p] = 2;
  }
  return cycles;
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
