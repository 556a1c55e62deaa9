// Small fixed bit-mixing functions shared by the generator, the sampling of the slope selection
// and the snapshot checksum. Fixed algorithms: the same input gives the same bits everywhere.
#pragma once

#include <cstdint>

namespace kinerja {
inline namespace v1 {
namespace detail {

/// splitmix64 (Steele, Lea and Flood 2014): advances `state` and returns the next value.
inline std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// Rotates left by r bits (0 < r < 64).
constexpr std::uint64_t rotl(std::uint64_t x, int r) noexcept { return (x << r) | (x >> (64 - r)); }

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
