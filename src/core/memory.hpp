// Private: reserving large columns so that the kernel can back them with huge pages.
//
// A freshly allocated column of hundreds of megabytes is paid for at first touch, one page fault
// per 4 KiB page; on virtual machines each fault is expensive (measured on the 2-core benchmark
// VM: 0.13 to 0.5 GB/s of fresh memory). Asking for transparent huge pages (madvise, where the
// system allows it) cuts the number of faults by 512, and asking the kernel to populate the whole
// range in one call (MADV_POPULATE_WRITE, Linux 5.14) avoids the faults altogether: the same VM
// then provides 15 GB/s. The memory is still a plain std::vector (or a DataColumn on the heap):
// this only reserves its capacity before the first write; both requests are advice that an older
// kernel may refuse. A binary snapshot avoids fresh memory altogether: its columns stay in the
// mapped file (kinerja/column.hpp); this is for the copying load and for computed columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace kinerja {
inline namespace v1 {
namespace detail {

template <typename T, typename Allocator>
void reserve_huge(std::vector<T, Allocator>& v, std::size_t count) {
  if (v.capacity() >= count) return;
  v.reserve(count);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(v.data());
  const std::uintptr_t end = begin + v.capacity() * sizeof(T);
  const std::uintptr_t first = (begin + huge - 1) & ~(huge - 1);
  const std::uintptr_t last = end & ~(huge - 1);
  if (last > first) {
    // Advice only: a kernel without transparent huge pages ignores it, and so do we.
    (void)::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
  constexpr int populate_write = 23;  // MADV_POPULATE_WRITE, not in older headers
  constexpr std::uintptr_t page = 4096;
  const std::uintptr_t page_first = begin & ~(page - 1);
  const std::uintptr_t page_last = (end + page - 1) & ~(page - 1);
  if (end - begin >= huge) (void)::madvise(reinterpret_cast<void*>(page_first), page_last - page_first, populate_write);
#endif
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
