// kinerja: string interning and compact text columns for the in-memory dataset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kinerja/column.hpp"
#include "kinerja/export.hpp"

namespace kinerja {
inline namespace v1 {

namespace detail {
struct SnapshotAccess;  // reads and writes the storage of the classes below (src/io/snapshot.cpp)
}  // namespace detail

/// Dense row index into a table. 32 bits hold the national dataset (~40 M indicators,
/// ~500 M realisations) at half the memory of size_t.
using Index = std::uint32_t;
/// "No row": an empty optional reference (a root unit's parent, an employee without rater).
inline constexpr Index no_index = 0xFFFFFFFFu;

/// Interns strings to dense indices 0, 1, 2, ... in order of first insertion.
/// All characters live in one buffer; the hash table stores indices and hashes only, so a pool
/// of n strings of average length L costs about n * (L + 24) bytes.
class KIN_CXX_API IdPool {
 public:
  IdPool() = default;

  /// Returns {index, true} if `text` was new, {existing index, false} otherwise.
  std::pair<Index, bool> insert(std::string_view text);
  /// The index of `text`, or no_index.
  Index find(std::string_view text) const noexcept;
  /// The string of an index (valid until the next insert).
  std::string_view operator[](Index index) const noexcept {
    return {chars_.data() + offsets_[index], static_cast<std::size_t>(offsets_[index + 1] - offsets_[index])};
  }
  std::size_t size() const noexcept { return offsets_.size() - 1; }
  bool empty() const noexcept { return size() == 0; }
  void reserve(std::size_t count, std::size_t total_chars);
  /// Heap bytes held.
  std::size_t memory_bytes() const noexcept;

 private:
  friend struct detail::SnapshotAccess;
  // Rebuilds the hash table from the strings (after they were read from a snapshot).
  void rebuild_slots();
  // Open addressing with linear probing. A slot keeps the entry's hash beside its index, so a
  // probe compares hashes without touching the characters, and rehashing needs no strings.
  struct Slot {
    Index index = no_index;  // no_index = empty
    std::uint32_t hash = 0;
  };
  void rehash(std::size_t slot_count);
  DataColumn<char> chars_;
  DataColumn<std::uint64_t> offsets_{0};
  DataColumn<Slot> slots_;
};

/// A column of strings (names): one character buffer plus offsets. No per-row allocation.
class KIN_CXX_API TextColumn {
 public:
  void push_back(std::string_view text);
  std::string_view operator[](std::size_t row) const noexcept {
    return {chars_.data() + offsets_[row], static_cast<std::size_t>(offsets_[row + 1] - offsets_[row])};
  }
  std::size_t size() const noexcept { return offsets_.size() - 1; }
  std::size_t memory_bytes() const noexcept { return chars_.capacity() + offsets_.capacity() * sizeof(std::uint64_t); }

 private:
  friend struct detail::SnapshotAccess;
  DataColumn<char> chars_;
  DataColumn<std::uint64_t> offsets_{0};
};

/// Maps a table row to the line of the file it came from, in almost no memory: rows that
/// follow each other on consecutive lines (the normal case) share one checkpoint.
class KIN_CXX_API RowLines {
 public:
  /// Records that the next row (row number size()) starts on `line`.
  void push_back(std::uint32_t line);
  /// Line of `row` (1-based, as in the file); 0 if the row did not come from a file.
  std::uint32_t line(std::size_t row) const noexcept;
  std::size_t size() const noexcept { return rows_; }

 private:
  friend struct detail::SnapshotAccess;
  struct Checkpoint {
    std::uint64_t row;
    std::uint32_t line;
    std::uint32_t unused = 0;  // the padding, named so that a snapshot writes zero, not leftovers
  };
  DataColumn<Checkpoint> checkpoints_;
  std::size_t rows_ = 0;
};

}  // namespace v1
}  // namespace kinerja
