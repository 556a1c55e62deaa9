#include <doctest/doctest.h>

#include "dataset/graph.hpp"

using kinerja::DataColumn;
using kinerja::Index;
using kinerja::no_index;
using kinerja::detail::find_parent_cycles;

TEST_SUITE("dataset") {
  TEST_CASE("a forest has no cycles") {
    CHECK(find_parent_cycles({no_index, 0, 0, 1, 3, no_index, 5}).empty());
    CHECK(find_parent_cycles({}).empty());
  }

  TEST_CASE("cycles are found once each, starting at their smallest row") {
    // 1 -> 2 -> 3 -> 1, and 4 -> 4 (self), and 5 -> 1 (leads into a cycle but is not on it)
    const auto cycles = find_parent_cycles({no_index, 2, 3, 1, 4, 1});
    REQUIRE(cycles.size() == 2);
    CHECK(cycles[0] == std::vector<Index>{1, 2, 3});
    CHECK(cycles[1] == std::vector<Index>{4});
  }

  TEST_CASE("a long chain is walked without recursion") {
    DataColumn<Index> parent(100000);
    parent[0] = no_index;
    for (Index i = 1; i < parent.size(); ++i) parent[i] = i - 1;
    CHECK(find_parent_cycles(parent).empty());
    parent[0] = static_cast<Index>(parent.size() - 1);
    const auto cycles = find_parent_cycles(parent);
    REQUIRE(cycles.size() == 1);
    CHECK(cycles[0].size() == parent.size());
    CHECK(cycles[0].front() == 0);
  }
}
