// Private: reserving large columns so that the kernel can back them with huge pages.
//
// A freshly allocated column of hundreds of megabytes is paid for at first touch, one page fault
// per 4 KiB page; on virtual machines each fault is expensive. Asking for transparent huge pages
// (madvise, where the system allows it) cuts the number of faults by 512. The memory is still a
// plain std::vector: this only reserves its capacity before the first write.
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

template <typename T>
void reserve_huge(std::vector<T>& v, std::size_t count) {
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
#endif
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
