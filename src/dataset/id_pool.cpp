#include "kinerja/id_pool.hpp"

#include <algorithm>
#include <cstring>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

// A fast 64-bit string hash (8 bytes per step, multiply-xorshift mixing).
std::uint64_t hash_bytes(std::string_view s) noexcept {
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = 0x243F6A8885A308D3ULL ^ (s.size() * k);
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * k;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * k;
    h ^= h >> 29;
  }
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32;
  return h;
}

}  // namespace

void IdPool::reserve(std::size_t count, std::size_t total_chars) {
  chars_.reserve(total_chars);
  offsets_.reserve(count + 1);
  std::size_t want = 16;
  while (want < count * 2) want *= 2;
  if (want > slots_.size()) rehash(want);
}

void IdPool::rehash(std::size_t slot_count) {
  DataColumn<Slot> old(slot_count);
  old.swap(slots_);
  const std::size_t mask = slot_count - 1;
  for (const Slot& s : old) {
    if (s.index == no_index) continue;
    std::size_t pos = s.hash & mask;
    while (slots_[pos].index != no_index) pos = (pos + 1) & mask;
    slots_[pos] = s;
  }
}

void IdPool::rebuild_slots() {
  std::size_t want = 16;
  while (want < size() * 2) want *= 2;
  DataColumn<Slot>(want).swap(slots_);
  const std::size_t mask = want - 1;
  for (std::size_t i = 0; i < size(); ++i) {
    const auto h32 = static_cast<std::uint32_t>(hash_bytes((*this)[static_cast<Index>(i)]));
    std::size_t pos = h32 & mask;
    while (slots_[pos].index != no_index) pos = (pos + 1) & mask;
    slots_[pos] = Slot{static_cast<Index>(i), h32};
  }
}

std::pair<Index, bool> IdPool::insert(std::string_view text) {
  if ((size() + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
  if (size() >= no_index - 1) throw error(errc::OutOfRange, "more than 4 294 967 294 distinct ids in one pool");
  const auto h32 = static_cast<std::uint32_t>(hash_bytes(text));
  const std::size_t mask = slots_.size() - 1;
  std::size_t pos = h32 & mask;
  while (slots_[pos].index != no_index) {
    const Slot& s = slots_[pos];
    if (s.hash == h32 && (*this)[s.index] == text) return {s.index, false};
    pos = (pos + 1) & mask;
  }
  const auto index = static_cast<Index>(size());
  chars_.insert(chars_.end(), text.begin(), text.end());
  offsets_.push_back(chars_.size());
  slots_[pos] = Slot{index, h32};
  return {index, true};
}

Index IdPool::find(std::string_view text) const noexcept {
  if (slots_.empty()) return no_index;
  const auto h32 = static_cast<std::uint32_t>(hash_bytes(text));
  const std::size_t mask = slots_.size() - 1;
  std::size_t pos = h32 & mask;
  while (slots_[pos].index != no_index) {
    const Slot& s = slots_[pos];
    if (s.hash == h32 && (*this)[s.index] == text) return s.index;
    pos = (pos + 1) & mask;
  }
  return no_index;
}

std::size_t IdPool::memory_bytes() const noexcept {
  return chars_.capacity() + offsets_.capacity() * sizeof(std::uint64_t) + slots_.capacity() * sizeof(Slot);
}

void TextColumn::push_back(std::string_view text) {
  chars_.insert(chars_.end(), text.begin(), text.end());
  offsets_.push_back(chars_.size());
}

void RowLines::push_back(std::uint32_t line) {
  if (checkpoints_.empty()) {
    checkpoints_.push_back({rows_, line});
  } else {
    const Checkpoint& last = checkpoints_.back();
    const std::uint64_t expected = last.line + (rows_ - last.row);
    if (expected != line) checkpoints_.push_back({rows_, line});
  }
  ++rows_;
}

std::uint32_t RowLines::line(std::size_t row) const noexcept {
  if (checkpoints_.empty() || row >= rows_) return 0;
  // Last checkpoint whose row <= `row`.
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), static_cast<std::uint64_t>(row),
                             [](std::uint64_t r, const Checkpoint& c) { return r < c.row; });
  --it;
  return static_cast<std::uint32_t>(it->line + (row - it->row));
}

}  // namespace v1
}  // namespace kinerja
