// kinerja: the storage of a dataset column, on the heap or in place in a mapped snapshot file.
//
// A DataColumn<T> is a std::vector<T> with ColumnAllocator<T>, which allocates from the heap
// (operator new) like std::allocator, with one addition: a column loaded from a binary snapshot
// can use its bytes where they lie in a private mapping of the file (see kinerja/snapshot.hpp),
// instead of copying them into fresh memory. Fresh memory costs a page fault per page, which on
// virtual machines limits loading to a fraction of the speed of the page cache.
//
// How a column adopts a region of a mapping: adopt_column() fills a column whose allocator hands
// out that region once, for the column's first allocation (its reserve), and constructs nothing
// (the resize keeps the file's values). It then moves the elements into the column it returns,
// whose allocator uses the same mapping but is ordinary otherwise: it allocates from the heap,
// value-initialises, and its deallocate() of a pointer inside the mapping does nothing. The
// allocator holds the mapping by a std::shared_ptr, so the mapping lives as long as the last
// column (or allocator copy) that uses it; a column that has moved to the heap still holds it.
//
// Ordinary use is unchanged: resize() value-initialises (zeroes) new elements, a column that
// grows beyond its capacity moves to the heap, and writes into an adopted column stay in the
// process (the mapping is private: pages are copied on write and never reach the file). A
// copy of a column is a heap column; moves and swaps carry the allocator (and so the mapping)
// with the elements. Two allocators are equal when they use the same mapping (or none): each
// can then free what the other allocated.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace kinerja {
inline namespace v1 {

template <typename T>
class ColumnAllocator;

/// A column of a dataset table: a std::vector whose elements may live in a mapped snapshot.
template <typename T>
using DataColumn = std::vector<T, ColumnAllocator<T>>;

namespace detail {
template <typename T>
DataColumn<T> adopt_column(std::shared_ptr<const void> mapping, const void* mapping_begin, std::size_t mapping_bytes,
                           T* data, std::size_t count);
}  // namespace detail

template <typename T>
class ColumnAllocator {
  static_assert(alignof(T) <= alignof(std::max_align_t), "plain operator new aligns for the column types");

 public:
  using value_type = T;
  using propagate_on_container_copy_assignment = std::false_type;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;
  using is_always_equal = std::false_type;
  template <typename U>
  struct rebind {
    using other = ColumnAllocator<U>;
  };

  ColumnAllocator() noexcept = default;
  /// The same mapping (for deallocation); a pending region is not carried over to another type.
  template <typename U>
  ColumnAllocator(const ColumnAllocator<U>& other) noexcept  // NOLINT(google-explicit-constructor)
      : mapping_(other.mapping_), mapping_begin_(other.mapping_begin_), mapping_end_(other.mapping_end_) {}

  T* allocate(std::size_t n) {
    if (pending_ != nullptr && n <= pending_count_) {
      T* region = pending_;
      pending_ = nullptr;
      pending_count_ = 0;
      return region;
    }
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    return static_cast<T*>(::operator new(n * sizeof(T)));
  }

  void deallocate(T* p, std::size_t) noexcept {
    if (in_mapping(p)) return;  // unmapped with the last user of the mapping
    ::operator delete(p);
  }

  /// Value-initialises `*p`, except while adopt_column() fills a column from the mapping: the
  /// elements then keep the file's bytes (only trivially copyable types are adopted).
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    if (keep_bytes_) return;
    ::new (static_cast<void*>(p)) U();
  }

  /// A copied column is a heap column: it does not share the mapping.
  ColumnAllocator select_on_container_copy_construction() const noexcept { return ColumnAllocator(); }

  /// The mapped file whose pages this allocator may use; null for a heap-only allocator.
  const std::shared_ptr<const void>& mapping() const noexcept { return mapping_; }

  template <typename U>
  friend bool operator==(const ColumnAllocator& a, const ColumnAllocator<U>& b) noexcept {
    return a.mapping() == b.mapping();
  }
  template <typename U>
  friend bool operator!=(const ColumnAllocator& a, const ColumnAllocator<U>& b) noexcept {
    return !(a == b);
  }

 private:
  template <typename U>
  friend class ColumnAllocator;
  friend DataColumn<T> detail::adopt_column<T>(std::shared_ptr<const void>, const void*, std::size_t, T*, std::size_t);

  // An allocator of the mapping [begin, begin + bytes) that `mapping` keeps alive; with a region,
  // the one that fills a column in place (it hands out the region and keeps the bytes).
  ColumnAllocator(std::shared_ptr<const void> mapping, const void* begin, std::size_t bytes, T* region = nullptr,
                  std::size_t count = 0) noexcept
      : mapping_(std::move(mapping)),
        mapping_begin_(static_cast<const unsigned char*>(begin)),
        mapping_end_(static_cast<const unsigned char*>(begin) + bytes),
        pending_(region),
        pending_count_(count),
        keep_bytes_(region != nullptr) {}

  bool in_mapping(const void* p) const noexcept {
    const auto* byte = static_cast<const unsigned char*>(p);
    return mapping_ != nullptr && std::less_equal<>()(mapping_begin_, byte) && std::less<>()(byte, mapping_end_);
  }

  std::shared_ptr<const void> mapping_;           // keeps the mapping alive; null: heap only
  const unsigned char* mapping_begin_ = nullptr;  // the whole mapping, for deallocate()
  const unsigned char* mapping_end_ = nullptr;
  T* pending_ = nullptr;  // the region the next allocation hands out, once
  std::size_t pending_count_ = 0;
  bool keep_bytes_ = false;  // construct() leaves the bytes as they are (only while filling)
};

namespace detail {

/// A column of `count` elements at `data`, inside the mapping [mapping_begin, + mapping_bytes)
/// that `mapping` keeps alive; the elements are the bytes already there. `data` must be aligned
/// for T and the mapping writable (copy on write).
template <typename T>
DataColumn<T> adopt_column(std::shared_ptr<const void> mapping, const void* mapping_begin, std::size_t mapping_bytes,
                           T* data, std::size_t count) {
  static_assert(std::is_trivially_copyable_v<T>, "only plain bytes can be used in place");
  if (count == 0) return DataColumn<T>();
  DataColumn<T> filling(ColumnAllocator<T>(mapping, mapping_begin, mapping_bytes, data, count));
  filling.reserve(count);  // the allocator hands out the region
  filling.resize(count);   // constructs nothing: the allocator keeps the bytes
  // The allocators are equal (same mapping), so the elements move without a copy; the column
  // keeps the ordinary allocator.
  return DataColumn<T>(std::move(filling), ColumnAllocator<T>(std::move(mapping), mapping_begin, mapping_bytes));
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
