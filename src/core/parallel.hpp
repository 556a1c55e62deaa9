// Running work on several threads: every analysis splits its work into parts fixed by the data
// and the thread count alone, and joins the parts in order, so results never depend on timing.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <utility>
#include <vector>

namespace kinerja {
inline namespace v1 {
namespace detail {

/// The threads to use: `requested`, or the hardware's when 0, but no more than one per `grain`
/// units of `work` (at least 1, at most 64).
inline unsigned resolve_threads(unsigned requested, std::size_t work, std::size_t grain) {
  unsigned t = requested != 0 ? requested : std::thread::hardware_concurrency();
  if (t == 0) t = 1;
  const std::size_t useful = std::max<std::size_t>(1, work / std::max<std::size_t>(1, grain));
  return static_cast<unsigned>(std::min<std::size_t>({static_cast<std::size_t>(t), useful, 64}));
}

/// Runs fn(0) .. fn(threads - 1), fn(0) on the calling thread and the others on threads of
/// their own; after all have finished, rethrows the exception of the lowest-numbered failure.
template <typename Fn>
void run_threads(unsigned threads, Fn&& fn) {
  if (threads == 0) return;
  if (threads == 1) {
    fn(0u);
    return;
  }
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) {
    pool.emplace_back([&fn, &errors, t] {
      try {
        fn(t);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  try {
    fn(0u);
  } catch (...) {
    errors[0] = std::current_exception();
  }
  for (std::thread& thread : pool) thread.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

/// Part t of [0, count) split into `parts` contiguous ranges of nearly equal size.
inline std::pair<std::size_t, std::size_t> part_of(std::size_t count, unsigned parts, unsigned t) {
  return {count * t / parts, count * (t + 1) / parts};
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
