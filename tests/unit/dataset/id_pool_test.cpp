#include <doctest/doctest.h>

#include <string>

#include "kinerja/id_pool.hpp"

using kinerja::IdPool;
using kinerja::Index;

TEST_SUITE("dataset") {
  TEST_CASE("interning gives dense indices in first-seen order") {
    IdPool pool;
    CHECK(pool.empty());
    CHECK(pool.insert("UNIT-A") == std::pair<Index, bool>{0, true});
    CHECK(pool.insert("UNIT-B") == std::pair<Index, bool>{1, true});
    CHECK(pool.insert("UNIT-A") == std::pair<Index, bool>{0, false});
    CHECK(pool.size() == 2);
    CHECK(pool[1] == "UNIT-B");
    CHECK(pool.find("UNIT-B") == 1);
    CHECK(pool.find("unit-b") == kinerja::no_index);  // ids are case-sensitive
    CHECK(pool.find("") == kinerja::no_index);
    CHECK(pool.insert("").second);  // the empty string is a value like any other
  }

  TEST_CASE("a large pool keeps every id findable across rehashes") {
    IdPool pool;
    const int n = 200000;
    for (int i = 0; i < n; ++i) CHECK_FALSE(!pool.insert("IKI-" + std::to_string(i * 7919)).second);
    CHECK(pool.size() == static_cast<std::size_t>(n));
    bool all_found = true;
    for (int i = 0; i < n; ++i) {
      all_found = all_found && pool.find("IKI-" + std::to_string(i * 7919)) == static_cast<Index>(i);
    }
    CHECK(all_found);
    CHECK(pool.find("IKI-1") == kinerja::no_index);
    CHECK(pool.memory_bytes() > 0);
  }

  TEST_CASE("reserve keeps existing entries") {
    IdPool pool;
    pool.insert("a");
    pool.insert("b");
    pool.reserve(1000, 10000);
    CHECK(pool.find("a") == 0);
    CHECK(pool.find("b") == 1);
    CHECK(pool.insert("c").first == 2);
  }

  TEST_CASE("text columns store strings back to back") {
    kinerja::TextColumn names;
    names.push_back("Dinas Kesehatan");
    names.push_back("");
    names.push_back("Kecamatan Sukamaju Utara");
    CHECK(names.size() == 3);
    CHECK(names[0] == "Dinas Kesehatan");
    CHECK(names[1].empty());
    CHECK(names[2] == "Kecamatan Sukamaju Utara");
  }

  TEST_CASE("row lines are exact with sparse checkpoints") {
    kinerja::RowLines lines;
    for (std::uint32_t l = 2; l < 1002; ++l) lines.push_back(l);  // rows 0..999 on lines 2..1001
    lines.push_back(1005);                                         // a skipped stretch
    lines.push_back(1006);
    lines.push_back(1010);
    CHECK(lines.size() == 1003);
    CHECK(lines.line(0) == 2);
    CHECK(lines.line(999) == 1001);
    CHECK(lines.line(1000) == 1005);
    CHECK(lines.line(1001) == 1006);
    CHECK(lines.line(1002) == 1010);
    CHECK(lines.line(1003) == 0);  // no such row
    CHECK(kinerja::RowLines().line(0) == 0);
  }
}
