// kinerja: how many threads an analysis may use.
//
// score(), check_distributions(), calibrate() and ikm_by_unit() take a Threads as their last
// argument; the options of the trend and rater-effect analyses have a `threads` field with the
// same meaning. Every analysis splits its work into parts fixed by the data and the thread count
// and joins them in a fixed order, so its results are the same, bit for bit, for any count.
#pragma once

namespace kinerja {
inline namespace v1 {

/// The threads an analysis may use: `count`, or one per core when 0 (the default).
/// Example: `kinerja::score(dataset, 2025, rules, kinerja::Threads{4})`.
struct Threads {
  unsigned count = 0;
};

}  // namespace v1
}  // namespace kinerja
