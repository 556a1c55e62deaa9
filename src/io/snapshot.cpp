// Snapshots: a dataset and result tables in one file (see kinerja/snapshot.hpp).
//
// One walk over every column of the dataset (walk() below) drives the four directions: binary
// and XML, saving and loading, so the two forms cannot drift apart. Boost.Serialization provides
// the archives; the columns themselves go through a visitor:
//
//  * binary: a column is its element count, a checksum of its bytes, zero bytes up to the next
//    file offset that is a multiple of 64 (format version 2; the loader computes their number
//    from the offset) and the bytes themselves. Before anything is used, the count is checked
//    against the bytes left in the file, so a damaged length cannot ask for terabytes.
//    Loading maps the whole file privately (copy on write) and lets each dataset column use its
//    bytes in place (kinerja/column.hpp): pages of a file in the page cache are mapped at tens of
//    GB/s, while fresh memory costs a page fault per page, which on virtual machines is the
//    limit. The alignment makes every column's bytes a valid array of its element type. The
//    archive still reads the counts, checksums and scalars, from a streambuf over the mapping;
//    the loader skips over the column bytes. Without a mapping (SnapshotLoadOptions::map_file
//    false, a system without mmap, a refused mapping, or a version-1 file, whose columns are not
//    aligned) the archive reads from the file and each column is copied into memory reserved
//    with huge pages. The checksums are verified after the walk, on two threads, and the first
//    damaged column in file order is reported;
//  * XML: a column is one element whose text holds the values separated by spaces, each in its
//    exact decimal or CSV form.
//
// After loading, validate() checks everything an analysis relies on: equal column lengths,
// references inside their tables, codes inside their enumerations, canonical periods, string
// pools consistent, and no cycle in the unit tree, the rater chains or the cascade.
#include "kinerja/snapshot.hpp"

#include <algorithm>
#include <array>
#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/string.hpp>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>
#include <type_traits>

#if defined(__linux__)
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "core/memory.hpp"
#include "core/parallel.hpp"
#include "core/random.hpp"
#include "dataset/graph.hpp"
#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {

// The private storage of the string pools and line maps.
struct SnapshotAccess {
  using Slot = IdPool::Slot;
  using Checkpoint = RowLines::Checkpoint;
  static DataColumn<char>& chars(IdPool& p) { return p.chars_; }
  static DataColumn<std::uint64_t>& offsets(IdPool& p) { return p.offsets_; }
  static DataColumn<Slot>& slots(IdPool& p) { return p.slots_; }
  static void rebuild(IdPool& p) { p.rebuild_slots(); }
  static DataColumn<char>& chars(TextColumn& c) { return c.chars_; }
  static DataColumn<std::uint64_t>& offsets(TextColumn& c) { return c.offsets_; }
  static DataColumn<Checkpoint>& checkpoints(RowLines& r) { return r.checkpoints_; }
  static std::size_t& rows(RowLines& r) { return r.rows_; }
};

}  // namespace detail

namespace {

using detail::SnapshotAccess;
using Slot = SnapshotAccess::Slot;
using Checkpoint = SnapshotAccess::Checkpoint;

constexpr char binary_magic[8] = {'K', 'I', 'N', 'S', 'N', 'A', 'P', '\x1a'};
constexpr std::uint32_t byte_order_mark = 0x01020304;
constexpr std::size_t header_bytes = 40;
// Format version 2 starts the bytes of every column at a file offset that is a multiple of this,
// enough for any element type and a cache line.
constexpr std::uint64_t column_alignment = 64;

[[noreturn]] void damaged(const std::string& path, const std::string& what) {
  throw error(errc::ParseError, SourceLocation{path, 0, 0}, "not a usable kinerja snapshot: " + what);
}

// ---------------------------------------------------------------------------------------------
// Checksum: 64 bits over four independent lanes of 8 bytes (multiply, rotate), so that it keeps
// up with the disk. It detects damage; it is not a cryptographic signature.
// ---------------------------------------------------------------------------------------------

using detail::rotl;

std::uint64_t checksum(const void* data, std::size_t n) {
  constexpr std::uint64_t k1 = 0x9E3779B97F4A7C15ULL, k2 = 0xC2B2AE3D27D4EB4FULL;
  std::uint64_t h[4] = {k1 ^ n, k2, k1 + k2, k1 - k2};
  const auto* p = static_cast<const unsigned char*>(data);
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    for (int lane = 0; lane < 4; ++lane) {
      std::uint64_t w;
      std::memcpy(&w, p + i + 8 * static_cast<std::size_t>(lane), 8);
      h[lane] = rotl(h[lane] ^ (w * k2), 31) * k1;
    }
  }
  std::uint64_t tail = 0;
  for (int shift = 0; i < n; ++i, shift += 8) tail ^= static_cast<std::uint64_t>(p[i]) << (shift % 64);
  std::uint64_t r = rotl(h[0], 1) + rotl(h[1], 7) + rotl(h[2], 12) + rotl(h[3], 18);
  r = (r ^ (tail * k2)) * k1;
  r ^= r >> 33;
  r *= k2;
  r ^= r >> 29;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Text of one element (XML form)
// ---------------------------------------------------------------------------------------------

template <typename T>
void put_number(std::string& out, T v) {
  char buffer[64];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
  out.append(buffer, r.ptr);
}

void put(std::string& out, double v) {
  if (std::isnan(v)) {
    out += "nan";
  } else if (std::isinf(v)) {
    out += v > 0 ? "inf" : "-inf";
  } else {
    put_number(out, v);
  }
}
template <typename T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
void put(std::string& out, T v) {
  put_number(out, v);
}
template <typename T, std::enable_if_t<std::is_enum_v<T>, int> = 0>
void put(std::string& out, T v) {
  put_number(out, static_cast<std::underlying_type_t<T>>(v));
}
void put(std::string& out, const Period& p) { out += p.to_string(); }
void put(std::string& out, const Grade& g) { out += g.empty() ? std::string("-") : g.to_string(); }
void put(std::string& out, const Checkpoint& c) {
  put_number(out, c.row);
  out += ':';
  put_number(out, c.line);
}

bool get(std::string_view s, double& v) {
  if (s == "nan") {
    v = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  if (s == "inf" || s == "-inf") {
    v = s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}
template <typename T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
bool get(std::string_view s, T& v) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}
template <typename T, std::enable_if_t<std::is_enum_v<T>, int> = 0>
bool get(std::string_view s, T& v) {
  std::underlying_type_t<T> u{};
  if (!get(s, u)) return false;
  v = static_cast<T>(u);
  return true;
}
bool get(std::string_view s, Period& p) {
  const auto parsed = Period::try_parse(s);
  if (parsed) p = *parsed;
  return parsed.has_value();
}
bool get(std::string_view s, Grade& g) {
  if (s == "-") {
    g = Grade();
    return true;
  }
  const auto parsed = Grade::parse(s);
  if (parsed) g = *parsed;
  return parsed.has_value();
}
bool get(std::string_view s, Checkpoint& c) {
  const auto colon = s.find(':');
  return colon != std::string_view::npos && get(s.substr(0, colon), c.row) && get(s.substr(colon + 1), c.line);
}

// ---------------------------------------------------------------------------------------------
// The four visitors
// ---------------------------------------------------------------------------------------------

// The padding before a column's bytes at file offset `at`: up to the next multiple of `alignment`.
std::uint64_t padding(std::uint64_t at, std::uint64_t alignment) { return (alignment - at % alignment) % alignment; }

class BinarySaver {
 public:
  explicit BinarySaver(std::ostream& out) : out_(out), ar_(out, boost::archive::no_header | boost::archive::no_codecvt) {}
  static constexpr bool loading = false;
  template <typename T, typename Allocator>
  void column(const char*, std::vector<T, Allocator>& v) {
    bytes(v.data(), v.size() * sizeof(T), v.size());
  }
  void text(const char*, std::string& s) { bytes(s.data(), s.size(), s.size()); }
  void text(const char*, DataColumn<char>& s) { bytes(s.data(), s.size(), s.size()); }
  template <typename T>
  void scalar(const char*, T& v) {
    ar_ << v;
  }

 private:
  template <typename T>
  void bytes(const T* data, std::size_t size, std::uint64_t count) {
    static_assert(std::is_trivially_copyable_v<T>);
    const std::uint64_t sum = checksum(data, size);
    ar_ << count << sum;
    static constexpr char zeros[column_alignment] = {};
    const std::uint64_t pad = padding(static_cast<std::uint64_t>(out_.tellp()), column_alignment);
    if (pad > 0) ar_.save_binary(zeros, pad);
    if (size > 0) ar_.save_binary(data, size);
  }
  std::ostream& out_;
  boost::archive::binary_oarchive ar_;
};

// A snapshot file mapped into memory, private and writable (copy on write), or nothing when the
// system has no mmap or refuses. The last column using the mapping unmaps it.
struct MappedFile {
  std::shared_ptr<const void> owner;
  char* data = nullptr;
  std::size_t size = 0;
};

MappedFile map_file(const std::string& path, std::uint64_t size) {
  MappedFile file;
#if defined(__linux__)
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return file;
  // Read-only first: MAP_POPULATE of a writable private mapping would copy every page (it breaks
  // copy on write in advance), which is the cost of fresh memory this mapping is meant to avoid.
  // Populated read-only, the pages are those of the page cache; made writable afterwards, a page
  // is copied only when something writes to it.
  void* at = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (at == MAP_FAILED) return file;
  if (::mprotect(at, static_cast<std::size_t>(size), PROT_READ | PROT_WRITE) != 0) {
    ::munmap(at, static_cast<std::size_t>(size));
    return file;
  }
  file.data = static_cast<char*>(at);
  file.size = static_cast<std::size_t>(size);
  file.owner = std::shared_ptr<const void>(at, [size = file.size](const void* p) { ::munmap(const_cast<void*>(p), size); });
#else
  (void)path;
  (void)size;
#endif
  return file;
}

// A read-only streambuf over bytes in memory (the mapped file), for the archive; the loader moves
// its position over the column bytes.
class MemoryBuffer : public std::streambuf {
 public:
  MemoryBuffer(char* data, std::size_t size) { setg(data, data, data + size); }

 protected:
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
    if ((which & std::ios_base::in) == 0) return pos_type(off_type(-1));
    char* base = dir == std::ios_base::beg ? eback() : dir == std::ios_base::cur ? gptr() : egptr();
    if (off < eback() - base || off > egptr() - base) return pos_type(off_type(-1));
    setg(eback(), base + off, egptr());
    return pos_type(gptr() - eback());
  }
  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
    return seekoff(off_type(pos), std::ios_base::beg, which);
  }
};

// Reads the binary form from `in` (positioned after the header): from the mapped file when
// `file` holds a mapping (dataset columns then use their bytes in place, other columns are
// copied), else from the file itself (every column copied). The checksums of the dataset
// columns are verified in verify_checksums(), on two threads; those of the small columns (names,
// result tables) at once, after the pending ones, so that the first damaged column in file order
// is the one reported.
class BinaryLoader {
 public:
  BinaryLoader(std::streambuf& in, const MappedFile& file, std::uint64_t alignment, std::string path, std::uint64_t end)
      : in_(in),
        ar_(in, boost::archive::no_header | boost::archive::no_codecvt),
        file_(file),
        alignment_(alignment),
        path_(std::move(path)),
        end_(end) {}
  static constexpr bool loading = true;

  template <typename T>
  void column(const char* name, DataColumn<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const Extent e = extent(name, sizeof(T));
    if (file_.data != nullptr) {
      v = detail::adopt_column(file_.owner, file_.data, file_.size, reinterpret_cast<T*>(file_.data + e.at),
                               static_cast<std::size_t>(e.count));
      in_.pubseekpos(static_cast<std::streamoff>(e.at + e.count * sizeof(T)), std::ios::in);
    } else {
      v.clear();
      detail::reserve_huge(v, static_cast<std::size_t>(e.count));
      v.resize(static_cast<std::size_t>(e.count));
      if (e.count > 0) ar_.load_binary(v.data(), e.count * sizeof(T));
    }
    pending_.push_back({name, v.data(), v.size() * sizeof(T), e.sum});
  }
  void text(const char* name, DataColumn<char>& s) { column(name, s); }
  template <typename T>
  void column(const char* name, std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const Extent e = extent(name, sizeof(T));
    v.assign(static_cast<std::size_t>(e.count), T{});
    copy(v.data(), e, sizeof(T), name);
  }
  void text(const char* name, std::string& s) {
    const Extent e = extent(name, 1);
    s.assign(static_cast<std::size_t>(e.count), '\0');
    copy(s.data(), e, 1, name);
  }
  template <typename T>
  void scalar(const char*, T& v) {
    ar_ >> v;
  }

  // Verifies the checksums of the columns read so far (not yet verified) and reports the first
  // damaged one in file order.
  void verify_checksums() {
    std::uint64_t total = 0;
    for (const Pending& p : pending_) total += p.bytes;
    const unsigned threads = detail::resolve_threads(2, static_cast<std::size_t>(total), std::size_t{16} << 20);
    // Each thread takes the columns that start in its share of the bytes, so that a few large
    // columns spread over the threads.
    std::vector<std::uint8_t> bad(pending_.size(), 0);
    detail::run_threads(threads, [&](unsigned t) {
      const auto [first, last] = detail::part_of(static_cast<std::size_t>(total), threads, t);
      std::size_t start = 0;
      for (std::size_t k = 0; k < pending_.size(); start += pending_[k].bytes, ++k) {
        if (start < first || start >= last) continue;
        bad[k] = checksum(pending_[k].data, pending_[k].bytes) != pending_[k].sum ? 1 : 0;
      }
    });
    for (std::size_t k = 0; k < pending_.size(); ++k) {
      if (bad[k] != 0) corrupted(pending_[k].name);
    }
    pending_.clear();
  }

 private:
  // Where a column's bytes are: `count` elements at file offset `at`, with checksum `sum`.
  struct Extent {
    std::uint64_t count;
    std::uint64_t sum;
    std::uint64_t at;
  };
  // A column read but not yet verified.
  struct Pending {
    const char* name;
    const void* data;
    std::size_t bytes;
    std::uint64_t sum;
  };

  // Reads a column's element count, checksum and padding (which must be zero bytes, as written),
  // and checks the count against the bytes left in the file.
  Extent extent(const char* name, std::size_t element) {
    Extent e{};
    ar_ >> e.count >> e.sum;
    const auto after = static_cast<std::uint64_t>(in_.pubseekoff(0, std::ios::cur, std::ios::in));
    const std::uint64_t pad = padding(after, alignment_);
    char zeros[column_alignment] = {}, read[column_alignment] = {};
    ar_.load_binary(read, pad);
    if (std::memcmp(read, zeros, pad) != 0) {
      verify_checksums();
      damaged(path_, std::string("the padding before column ") + name + " is not zero (corrupted)");
    }
    e.at = after + pad;
    const std::uint64_t left = end_ - e.at;
    if (e.count > left / element) {
      damaged(path_, std::string("column ") + name + " claims " + std::to_string(e.count) + " values, more than the " +
                         std::to_string(left) + " bytes left in the file (truncated or corrupted)");
    }
    return e;
  }
  // Copies a small column (a name, a column of a result table) and verifies it at once, after
  // the pending columns, which come before it in the file.
  void copy(void* data, const Extent& e, std::size_t element, const char* name) {
    const std::size_t bytes = static_cast<std::size_t>(e.count) * element;
    if (bytes > 0) ar_.load_binary(data, bytes);
    if (checksum(data, bytes) != e.sum) {
      verify_checksums();
      corrupted(name);
    }
  }
  [[noreturn]] void corrupted(const char* name) const {
    damaged(path_, std::string("column ") + name + " is corrupted (checksum)");
  }

  std::streambuf& in_;
  boost::archive::binary_iarchive ar_;
  const MappedFile& file_;
  std::uint64_t alignment_;
  std::string path_;
  std::uint64_t end_;
  std::vector<Pending> pending_;
};

class XmlSaver {
 public:
  explicit XmlSaver(std::ostream& out) : ar_(out, boost::archive::no_codecvt) {}
  static constexpr bool loading = false;
  template <typename T, typename Allocator>
  void column(const char* name, std::vector<T, Allocator>& v) {
    std::string text;
    for (std::size_t k = 0; k < v.size(); ++k) {
      if (k > 0) text += ' ';
      put(text, v[k]);
    }
    ar_ << boost::serialization::make_nvp(name, text);
  }
  void column(const char*, DataColumn<Slot>&) {}  // rebuilt when loading
  void text(const char* name, std::string& s) { ar_ << boost::serialization::make_nvp(name, s); }
  void text(const char* name, DataColumn<char>& s) {
    std::string chars(s.begin(), s.end());
    text(name, chars);
  }
  template <typename T>
  void scalar(const char* name, T& v) {
    ar_ << boost::serialization::make_nvp(name, v);
  }

 private:
  boost::archive::xml_oarchive ar_;
};

class XmlLoader {
 public:
  XmlLoader(std::istream& in, std::string path) : ar_(in, boost::archive::no_codecvt), path_(std::move(path)) {}
  static constexpr bool loading = true;
  template <typename T, typename Allocator>
  void column(const char* name, std::vector<T, Allocator>& v) {
    std::string text;
    ar_ >> boost::serialization::make_nvp(name, text);
    v.clear();
    std::size_t at = 0;
    while (at < text.size()) {
      const std::size_t space = std::min(text.find(' ', at), text.size());
      T value{};
      if (!get(std::string_view(text).substr(at, space - at), value)) {
        damaged(path_, std::string("column ") + name + " holds '" + text.substr(at, std::min<std::size_t>(space - at, 40)) +
                           "', which is not a value of the column");
      }
      v.push_back(value);
      at = space + 1;
    }
  }
  void column(const char*, DataColumn<Slot>&) {}
  void text(const char* name, std::string& s) { ar_ >> boost::serialization::make_nvp(name, s); }
  void text(const char* name, DataColumn<char>& s) {
    std::string chars;
    text(name, chars);
    s.assign(chars.begin(), chars.end());
  }
  template <typename T>
  void scalar(const char* name, T& v) {
    ar_ >> boost::serialization::make_nvp(name, v);
  }

 private:
  boost::archive::xml_iarchive ar_;
  std::string path_;
};

// ---------------------------------------------------------------------------------------------
// The walk over a snapshot's contents
// ---------------------------------------------------------------------------------------------

template <typename V>
void walk(V& v, IdPool& p, const char* chars, const char* offsets, const char* slots) {
  v.text(chars, SnapshotAccess::chars(p));
  v.column(offsets, SnapshotAccess::offsets(p));
  v.column(slots, SnapshotAccess::slots(p));
}

template <typename V>
void walk(V& v, TextColumn& c, const char* chars, const char* offsets) {
  v.text(chars, SnapshotAccess::chars(c));
  v.column(offsets, SnapshotAccess::offsets(c));
}

template <typename V>
void walk(V& v, TableSource& s, const char* file, const char* lines, const char* rows, const char* present) {
  v.text(file, s.file);
  v.column(lines, SnapshotAccess::checkpoints(s.lines));
  std::uint64_t count = SnapshotAccess::rows(s.lines);
  v.scalar(rows, count);
  SnapshotAccess::rows(s.lines) = static_cast<std::size_t>(count);
  std::uint8_t flag = s.present ? 1 : 0;
  v.scalar(present, flag);
  s.present = flag != 0;
}

template <typename V>
void walk(V& v, Dataset& d) {
  v.text("folder", d.folder);
  UnitTable& u = d.units;
  walk(v, u.ids, "units.ids", "units.ids_offsets", "units.ids_slots");
  walk(v, u.name, "units.name", "units.name_offsets");
  v.column("units.parent", u.parent);
  v.column("units.agency", u.agency);
  walk(v, u.agencies, "units.agencies", "units.agencies_offsets", "units.agencies_slots");
  walk(v, u.source, "units.file", "units.lines", "units.rows", "units.present");
  EmployeeTable& e = d.employees;
  walk(v, e.nips, "employees.nips", "employees.nips_offsets", "employees.nips_slots");
  walk(v, e.name, "employees.name", "employees.name_offsets");
  v.column("employees.unit", e.unit);
  v.column("employees.rater", e.rater);
  v.column("employees.status", e.status);
  v.column("employees.grade", e.grade);
  v.column("employees.position", e.position);
  walk(v, e.source, "employees.file", "employees.lines", "employees.rows", "employees.present");
  IndicatorTable& i = d.indicators;
  walk(v, i.ids, "indicators.ids", "indicators.ids_offsets", "indicators.ids_slots");
  v.column("indicators.owner_type", i.owner_type);
  v.column("indicators.owner", i.owner);
  v.column("indicators.year", i.year);
  walk(v, i.name, "indicators.name", "indicators.name_offsets");
  v.column("indicators.rhk", i.rhk);
  walk(v, i.rhks, "indicators.rhks", "indicators.rhks_offsets", "indicators.rhks_slots");
  v.column("indicators.kind", i.kind);
  v.column("indicators.aspect", i.aspect);
  v.column("indicators.unit_of_measure", i.unit_of_measure);
  walk(v, i.units_of_measure, "indicators.units_of_measure", "indicators.units_of_measure_offsets",
       "indicators.units_of_measure_slots");
  v.column("indicators.polarity", i.polarity);
  v.column("indicators.target", i.target);
  v.column("indicators.target_upper", i.target_upper);
  v.column("indicators.weight", i.weight);
  v.column("indicators.accumulation", i.accumulation);
  v.column("indicators.parent", i.parent);
  v.column("indicators.target_is_max", i.target_is_max);
  walk(v, i.source, "indicators.file", "indicators.lines", "indicators.rows", "indicators.present");
  RealizationTable& r = d.realizations;
  v.column("realizations.indicator", r.indicator);
  v.column("realizations.period", r.period);
  v.column("realizations.value", r.value);
  walk(v, r.source, "realizations.file", "realizations.lines", "realizations.rows", "realizations.present");
  v.column("realizations.index_offsets", r.offsets);
  v.column("realizations.index_order", r.order);
  v.column("realizations.in_period_order", r.in_period_order);
  RatingTable& g = d.ratings;
  v.column("ratings.employee", g.employee);
  v.column("ratings.period", g.period);
  v.column("ratings.result", g.result);
  v.column("ratings.behavior", g.behavior);
  v.column("ratings.rater", g.rater);
  v.column("ratings.innovation", g.innovation);
  walk(v, g.source, "ratings.file", "ratings.lines", "ratings.rows", "ratings.present");
  FeedbackTable& f = d.feedback;
  v.column("feedback.period", f.period);
  v.column("feedback.rater", f.rater);
  v.column("feedback.external_rater", f.external_rater);
  walk(v, f.external_raters, "feedback.external_raters", "feedback.external_raters_offsets",
       "feedback.external_raters_slots");
  v.column("feedback.ratee", f.ratee);
  v.column("feedback.source", f.source);
  v.column("feedback.score", f.score);
  v.column("feedback.aspect", f.aspect);
  walk(v, f.aspects, "feedback.aspects", "feedback.aspects_offsets", "feedback.aspects_slots");
  walk(v, f.source_file, "feedback.file", "feedback.lines", "feedback.rows", "feedback.present");
  OrgRatingTable& o = d.org_ratings;
  v.column("org_ratings.unit", o.unit);
  v.column("org_ratings.period", o.period);
  v.column("org_ratings.predikat", o.predikat);
  walk(v, o.source, "org_ratings.file", "org_ratings.lines", "org_ratings.rows", "org_ratings.present");
  SurveyTable& s = d.surveys;
  v.column("surveys.unit", s.unit);
  v.column("surveys.period", s.period);
  v.column("surveys.respondent", s.respondent);
  walk(v, s.respondents, "surveys.respondents", "surveys.respondents_offsets", "surveys.respondents_slots");
  v.column("surveys.answers", s.answers);
  walk(v, s.source, "surveys.file", "surveys.lines", "surveys.rows", "surveys.present");
}

// Result tables: per table its name and rows, per column its name, type, presence and values
// (text columns as one character buffer with offsets).
template <typename V>
void walk(V& v, std::vector<Table>& results) {
  std::uint64_t tables = results.size();
  v.scalar("result_tables", tables);
  if (V::loading) {
    if (tables > 1000) throw error(errc::ParseError, "a snapshot with " + std::to_string(tables) + " result tables");
    results.assign(static_cast<std::size_t>(tables), Table());
  }
  for (Table& t : results) {
    v.text("table", t.name);
    std::uint64_t rows = t.rows, columns = t.columns.size();
    v.scalar("rows", rows);
    v.scalar("columns", columns);
    if (V::loading) {
      if (columns > 1000) throw error(errc::ParseError, "a result table with " + std::to_string(columns) + " columns");
      t.rows = static_cast<std::size_t>(rows);
      t.columns.assign(static_cast<std::size_t>(columns), Column());
    }
    for (Column& c : t.columns) {
      v.text("column", c.name);
      auto type = static_cast<std::uint8_t>(c.type);
      v.scalar("type", type);
      c.type = static_cast<ColumnType>(type);
      v.column("present", c.present);
      v.column("numbers", c.numbers);
      v.column("integers", c.integers);
      std::string chars;
      std::vector<std::uint64_t> offsets;
      if (!V::loading) {
        offsets.push_back(0);
        for (const std::string& s : c.texts) offsets.push_back((chars += s).size());
      }
      v.text("texts", chars);
      v.column("text_offsets", offsets);
      if (V::loading) {
        c.texts.clear();
        for (std::size_t k = 0; k + 1 < offsets.size(); ++k) {
          if (offsets[k] > offsets[k + 1] || offsets[k + 1] > chars.size()) {
            throw error(errc::ParseError, "result column " + c.name + " has inconsistent text offsets");
          }
          c.texts.emplace_back(chars, offsets[k], offsets[k + 1] - offsets[k]);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Validation of a loaded dataset
// ---------------------------------------------------------------------------------------------

class Validator {
 public:
  explicit Validator(std::string path) : path_(std::move(path)) {}

  void fail(const std::string& what) const { damaged(path_, what); }

  void pool(IdPool& p, const char* name, bool slots_given) {
    offsets(SnapshotAccess::offsets(p), SnapshotAccess::chars(p).size(), name);
    DataColumn<Slot>& slots = SnapshotAccess::slots(p);
    if (p.size() == 0 && slots.empty()) {
      // An empty pool that never had an id: no hash table, as when it was saved.
    } else if (!slots_given || slots.empty()) {
      SnapshotAccess::rebuild(p);
    } else {
      const std::size_t size = p.size();
      std::size_t used = 0;
      if ((slots.size() & (slots.size() - 1)) != 0 || slots.size() < 2 * size) fail(std::string(name) + ": hash table of wrong size");
      for (const Slot& s : slots) {
        if (s.index == no_index) continue;
        if (s.index >= size) fail(std::string(name) + ": hash table refers past the pool");
        ++used;
      }
      if (used != size) fail(std::string(name) + ": hash table does not hold every id");
    }
    // Ids are unique: a rebuilt table finds every id at its own index.
    if (!slots_given) {
      for (std::size_t k = 0; k < p.size(); ++k) {
        if (p.find(p[static_cast<Index>(k)]) != k) fail(std::string(name) + ": the id '" + std::string(p[static_cast<Index>(k)]) + "' appears twice");
      }
    }
  }

  void text(TextColumn& c, std::size_t rows, const char* name) {
    offsets(SnapshotAccess::offsets(c), SnapshotAccess::chars(c).size(), name);
    if (c.size() != rows) fail(std::string(name) + " has " + std::to_string(c.size()) + " rows, the table " + std::to_string(rows));
  }

  void lines(TableSource& s, std::size_t rows, const char* name) {
    const auto& cps = SnapshotAccess::checkpoints(s.lines);
    const std::size_t n = s.lines.size();
    if (n != 0 && n != rows) fail(std::string(name) + ": line map of " + std::to_string(n) + " rows for " + std::to_string(rows));
    for (std::size_t k = 0; k < cps.size(); ++k) {
      if ((k == 0 && cps[k].row != 0) || (k > 0 && cps[k].row <= cps[k - 1].row) || cps[k].row >= std::max<std::size_t>(n, 1)) {
        fail(std::string(name) + ": line map out of order");
      }
    }
    if (n > 0 && cps.empty()) fail(std::string(name) + ": line map without checkpoints");
  }

  template <typename T>
  void size(const DataColumn<T>& v, std::size_t rows, const char* name) const {
    if (v.size() != rows) fail(std::string(name) + " has " + std::to_string(v.size()) + " rows, the table " + std::to_string(rows));
  }

  // Every reference is a row of its table (or no_index where the field is optional).
  void refs(const DataColumn<Index>& v, std::size_t target, bool optional, const char* name) const {
    Index bad = 0;
    for (Index x : v) bad |= static_cast<Index>(x >= target && !(optional && x == no_index));
    if (bad != 0) fail(std::string(name) + " refers to a row that does not exist");
  }

  template <typename E>
  void codes(const DataColumn<E>& v, int last, const char* name) const {
    for (E x : v) {
      if (static_cast<int>(x) < 0 || static_cast<int>(x) > last) fail(std::string(name) + " holds an unknown code");
    }
  }

  // Periods in their canonical form (a small cache: columns repeat few distinct periods).
  void periods(const DataColumn<Period>& v, const char* name) {
    std::array<std::uint32_t, 64> seen{};
    for (const Period& p : v) {
      const std::uint32_t key = p.key();
      std::uint32_t& slot = seen[(key * 2654435761u) >> 26];
      if (slot == key + 1) continue;
      const auto parsed = static_cast<int>(p.kind()) <= 3 ? Period::try_parse(p.to_string()) : std::nullopt;
      if (!parsed || parsed->key() != key) fail(std::string(name) + " holds an invalid period");
      slot = key + 1;
    }
  }

  void acyclic(const DataColumn<Index>& parent, const char* name) const {
    if (!detail::find_parent_cycles(parent).empty()) fail(std::string(name) + " links form a cycle");
  }

 private:
  void offsets(const DataColumn<std::uint64_t>& o, std::size_t chars, const char* name) const {
    if (o.empty() || o.front() != 0 || o.back() != chars) fail(std::string(name) + ": string offsets do not cover the characters");
    for (std::size_t k = 1; k < o.size(); ++k) {
      if (o[k] < o[k - 1]) fail(std::string(name) + ": string offsets decrease");
    }
  }
  std::string path_;
};

void validate(Dataset& d, const std::string& path, bool slots_given) {
  Validator v(path);
  UnitTable& u = d.units;
  v.pool(u.ids, "units.ids", slots_given);
  v.pool(u.agencies, "units.agencies", slots_given);
  const std::size_t nu = u.ids.size();
  v.text(u.name, nu, "units.name");
  v.size(u.parent, nu, "units.parent");
  v.size(u.agency, nu, "units.agency");
  v.refs(u.parent, nu, true, "units.parent");
  v.refs(u.agency, u.agencies.size(), true, "units.agency");
  v.lines(u.source, nu, "units");
  v.acyclic(u.parent, "unit parent");
  EmployeeTable& e = d.employees;
  v.pool(e.nips, "employees.nips", slots_given);
  const std::size_t ne = e.nips.size();
  v.text(e.name, ne, "employees.name");
  v.size(e.unit, ne, "employees.unit");
  v.size(e.rater, ne, "employees.rater");
  v.size(e.status, ne, "employees.status");
  v.size(e.grade, ne, "employees.grade");
  v.size(e.position, ne, "employees.position");
  v.refs(e.unit, nu, false, "employees.unit");
  v.refs(e.rater, ne, true, "employees.rater");
  v.codes(e.status, 1, "employees.status");
  v.codes(e.position, static_cast<int>(Position::Fungsional), "employees.position");
  for (const Grade& g : e.grade) {
    if (g.level() > Grade::levels || static_cast<int>(g.scheme()) > 1) v.fail("employees.grade holds an invalid grade");
  }
  v.lines(e.source, ne, "employees");
  v.acyclic(e.rater, "rater");
  IndicatorTable& i = d.indicators;
  v.pool(i.ids, "indicators.ids", slots_given);
  v.pool(i.rhks, "indicators.rhks", slots_given);
  v.pool(i.units_of_measure, "indicators.units_of_measure", slots_given);
  const std::size_t ni = i.ids.size();
  v.text(i.name, ni, "indicators.name");
  for (auto* c : {&i.target, &i.target_upper, &i.weight}) v.size(*c, ni, "indicators");
  v.size(i.owner_type, ni, "indicators.owner_type");
  v.size(i.owner, ni, "indicators.owner");
  v.size(i.year, ni, "indicators.year");
  v.size(i.rhk, ni, "indicators.rhk");
  v.size(i.kind, ni, "indicators.kind");
  v.size(i.aspect, ni, "indicators.aspect");
  v.size(i.unit_of_measure, ni, "indicators.unit_of_measure");
  v.size(i.polarity, ni, "indicators.polarity");
  v.size(i.accumulation, ni, "indicators.accumulation");
  v.size(i.parent, ni, "indicators.parent");
  v.size(i.target_is_max, ni, "indicators.target_is_max");
  v.codes(i.owner_type, 1, "indicators.owner_type");
  v.codes(i.kind, 1, "indicators.kind");
  v.codes(i.aspect, static_cast<int>(Aspect::Biaya), "indicators.aspect");
  v.codes(i.polarity, static_cast<int>(Polarity::RangeMin), "indicators.polarity");
  v.codes(i.accumulation, static_cast<int>(Accumulation::Min), "indicators.accumulation");
  for (std::size_t k = 0; k < ni; ++k) {
    const std::size_t owners = i.owner_type[k] == OwnerType::Unit ? nu : ne;
    if (i.owner[k] >= owners) v.fail("indicators.owner refers to a row that does not exist");
  }
  v.refs(i.rhk, i.rhks.size(), true, "indicators.rhk");
  v.refs(i.unit_of_measure, i.units_of_measure.size(), true, "indicators.unit_of_measure");
  v.refs(i.parent, ni, true, "indicators.parent");
  v.lines(i.source, ni, "indicators");
  v.acyclic(i.parent, "indicator cascade");
  RealizationTable& r = d.realizations;
  const std::size_t nr = r.indicator.size();
  v.size(r.period, nr, "realizations.period");
  v.size(r.value, nr, "realizations.value");
  v.refs(r.indicator, ni, false, "realizations.indicator");
  v.periods(r.period, "realizations.period");
  v.lines(r.source, nr, "realizations");
  if (!r.offsets.empty()) {
    v.size(r.offsets, ni + 1, "realizations.index_offsets");
    if (r.offsets.front() != 0 || r.offsets.back() != nr) v.fail("realizations.index_offsets do not cover the rows");
    for (std::size_t k = 1; k < r.offsets.size(); ++k) {
      if (r.offsets[k] < r.offsets[k - 1]) v.fail("realizations.index_offsets decrease");
    }
    if (!r.order.empty()) {
      v.size(r.order, nr, "realizations.index_order");
      v.refs(r.order, nr, false, "realizations.index_order");
    }
    v.size(r.in_period_order, ni, "realizations.in_period_order");
  }
  RatingTable& g = d.ratings;
  const std::size_t ng = g.employee.size();
  for (std::size_t n : {g.period.size(), g.result.size(), g.behavior.size(), g.rater.size(), g.innovation.size()}) {
    if (n != ng) v.fail("the columns of ratings differ in length");
  }
  v.refs(g.employee, ne, false, "ratings.employee");
  v.refs(g.rater, ne, true, "ratings.rater");
  v.codes(g.result, static_cast<int>(Rating::Below), "ratings.result");
  v.codes(g.behavior, static_cast<int>(Rating::Below), "ratings.behavior");
  v.periods(g.period, "ratings.period");
  v.lines(g.source, ng, "ratings");
  FeedbackTable& f = d.feedback;
  v.pool(f.external_raters, "feedback.external_raters", slots_given);
  v.pool(f.aspects, "feedback.aspects", slots_given);
  const std::size_t nf = f.ratee.size();
  for (std::size_t n : {f.period.size(), f.rater.size(), f.external_rater.size(), f.source.size(), f.score.size(),
                        f.aspect.size()}) {
    if (n != nf) v.fail("the columns of feedback differ in length");
  }
  v.refs(f.ratee, ne, false, "feedback.ratee");
  v.refs(f.rater, ne, true, "feedback.rater");
  v.refs(f.external_rater, f.external_raters.size(), true, "feedback.external_rater");
  v.refs(f.aspect, f.aspects.size(), true, "feedback.aspect");
  v.codes(f.source, static_cast<int>(FeedbackSource::Public), "feedback.source");
  v.periods(f.period, "feedback.period");
  v.lines(f.source_file, nf, "feedback");
  OrgRatingTable& o = d.org_ratings;
  const std::size_t no = o.unit.size();
  if (o.period.size() != no || o.predikat.size() != no) v.fail("the columns of org_ratings differ in length");
  v.refs(o.unit, nu, false, "org_ratings.unit");
  v.codes(o.predikat, static_cast<int>(OrgPredikat::SangatKurang), "org_ratings.predikat");
  v.periods(o.period, "org_ratings.period");
  v.lines(o.source, no, "org_ratings");
  SurveyTable& s = d.surveys;
  v.pool(s.respondents, "surveys.respondents", slots_given);
  const std::size_t ns = s.unit.size();
  if (s.period.size() != ns || s.respondent.size() != ns || s.answers.size() != ns * SurveyTable::unsur_count) {
    v.fail("the columns of surveys differ in length");
  }
  v.refs(s.unit, nu, false, "surveys.unit");
  v.refs(s.respondent, s.respondents.size(), false, "surveys.respondent");
  for (std::uint8_t a : s.answers) {
    if (a > 4) v.fail("surveys.answers holds an answer outside 0..4");
  }
  v.periods(s.period, "surveys.period");
  v.lines(s.source, ns, "surveys");
}

void validate(std::vector<Table>& results, const std::string& path) {
  for (const Table& t : results) {
    for (const Column& c : t.columns) {
      const auto type = static_cast<int>(c.type);
      const std::size_t values = c.type == ColumnType::Number    ? c.numbers.size()
                                 : c.type == ColumnType::Integer ? c.integers.size()
                                                                 : c.texts.size();
      if (type < 1 || type > 3 || c.present.size() != t.rows || values != t.rows) {
        damaged(path, "result table " + t.name + ": column " + c.name + " does not match its table");
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

void put_u32(char* at, std::uint32_t v) { std::memcpy(at, &v, 4); }
void put_u64(char* at, std::uint64_t v) { std::memcpy(at, &v, 8); }
std::uint32_t get_u32(const char* at) {
  std::uint32_t v;
  std::memcpy(&v, at, 4);
  return v;
}
std::uint64_t get_u64(const char* at) {
  std::uint64_t v;
  std::memcpy(&v, at, 8);
  return v;
}

// Header (40 bytes): magic, format version, byte order mark, sizes of size_t / double / Index
// and of the element types in one word, total file length, checksum of the first 32 bytes.
std::uint32_t type_sizes() {
  return static_cast<std::uint32_t>(sizeof(std::size_t) | sizeof(double) << 8 | sizeof(Index) << 16 |
                                    sizeof(Period) << 24);
}

}  // namespace

void save_snapshot(const std::string& path, const Dataset& dataset, const std::vector<Table>& results,
                   SnapshotFormat format) {
  const std::string temp = path + ".partial";
  try {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw error(errc::IoError, SourceLocation{path, 0, 0}, std::string("cannot write: ") + std::strerror(errno));
    // The walk takes non-const references (it reads as well as writes); saving only reads.
    Dataset& d = const_cast<Dataset&>(dataset);
    std::vector<Table>& r = const_cast<std::vector<Table>&>(results);
    std::uint32_t version = snapshot_format_version;
    if (format == SnapshotFormat::Binary) {
      char header[header_bytes] = {};
      out.write(header, sizeof header);  // filled in when the length is known
      {
        BinarySaver saver(out);
        walk(saver, d);
        walk(saver, r);
      }
      const auto length = static_cast<std::uint64_t>(out.tellp());
      std::memcpy(header, binary_magic, 8);
      put_u32(header + 8, version);
      put_u32(header + 12, byte_order_mark);
      put_u32(header + 16, type_sizes());
      put_u32(header + 20, 0);
      put_u64(header + 24, length);
      put_u64(header + 32, checksum(header, 32));
      out.seekp(0);
      out.write(header, sizeof header);
    } else {
      XmlSaver saver(out);
      saver.scalar("format_version", version);
      walk(saver, d);
      walk(saver, r);
    }
    out.close();
    if (!out) throw error(errc::IoError, SourceLocation{path, 0, 0}, "writing failed (disk full?)");
  } catch (const boost::archive::archive_exception& e) {
    std::remove(temp.c_str());
    throw error(errc::IoError, SourceLocation{path, 0, 0}, std::string("writing failed: ") + e.what());
  } catch (...) {
    std::remove(temp.c_str());
    throw;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    throw error(errc::IoError, SourceLocation{path, 0, 0}, "cannot put the snapshot in place: " + why);
  }
}

bool is_snapshot(const std::string& path) noexcept {
  std::ifstream in(path, std::ios::binary);
  char start[8] = {};
  if (!in.read(start, sizeof start)) return false;
  return std::memcmp(start, binary_magic, 8) == 0 || std::memcmp(start, "<?xml", 5) == 0;
}

Snapshot load_snapshot(const std::string& path, const SnapshotLoadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(errc::IoError, SourceLocation{path, 0, 0}, std::string("cannot read: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const auto file_bytes = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0);
  if (file_bytes > options.max_file_bytes) {
    damaged(path, std::to_string(file_bytes) + " bytes, more than the limit of " + std::to_string(options.max_file_bytes));
  }
  char header[header_bytes] = {};
  in.read(header, std::min<std::streamsize>(static_cast<std::streamsize>(file_bytes), header_bytes));
  Snapshot snapshot;
  try {
    if (std::memcmp(header, binary_magic, 8) == 0) {
      if (file_bytes < header_bytes) damaged(path, "the header is cut short");
      if (checksum(header, 32) != get_u64(header + 32)) damaged(path, "the header is corrupted (checksum)");
      const std::uint32_t version = get_u32(header + 8);
      if (version > snapshot_format_version || version == 0) {
        damaged(path, "format version " + std::to_string(version) + " is newer than this kinerja reads (" +
                          std::to_string(snapshot_format_version) + "); use a newer kinerja");
      }
      if (get_u32(header + 12) != byte_order_mark) damaged(path, "written on a machine of another byte order; use the XML form");
      if (get_u32(header + 16) != type_sizes()) damaged(path, "written on a machine with other type sizes; use the XML form");
      const std::uint64_t length = get_u64(header + 24);
      if (length != file_bytes) {
        damaged(path, "the header says " + std::to_string(length) + " bytes, the file has " + std::to_string(file_bytes) +
                          (length > file_bytes ? " (truncated)" : ""));
      }
      // Version 1 did not align the columns: it is read by copying.
      const MappedFile file = options.map_file && version >= 2 ? map_file(path, file_bytes) : MappedFile{};
      std::optional<MemoryBuffer> mapped;
      if (file.data != nullptr) mapped.emplace(file.data, file.size);
      std::streambuf& bytes = mapped ? static_cast<std::streambuf&>(*mapped) : *in.rdbuf();
      bytes.pubseekpos(header_bytes, std::ios::in);
      BinaryLoader loader(bytes, file, version >= 2 ? column_alignment : 1, path, file_bytes);
      walk(loader, snapshot.dataset);
      loader.verify_checksums();
      walk(loader, snapshot.results);
      if (static_cast<std::uint64_t>(bytes.pubseekoff(0, std::ios::cur, std::ios::in)) != file_bytes) {
        damaged(path, "bytes are left after the last column");
      }
      validate(snapshot.dataset, path, true);
    } else if (std::memcmp(header, "<?xml", 5) == 0) {
      in.seekg(0);
      XmlLoader loader(in, path);
      std::uint32_t version = 0;
      loader.scalar("format_version", version);
      if (version > snapshot_format_version || version == 0) {
        damaged(path, "format version " + std::to_string(version) + " is newer than this kinerja reads (" +
                          std::to_string(snapshot_format_version) + "); use a newer kinerja");
      }
      walk(loader, snapshot.dataset);
      walk(loader, snapshot.results);
      validate(snapshot.dataset, path, false);
    } else {
      damaged(path, "it does not start with a snapshot header (is it a CSV file or a folder?)");
    }
  } catch (const boost::archive::archive_exception& e) {
    damaged(path, std::string("the archive cannot be read (") + e.what() + "): truncated or corrupted");
  } catch (const std::bad_alloc&) {
    damaged(path, "a length in the file asks for more memory than there is (corrupted)");
  }
  validate(snapshot.results, path);
  return snapshot;
}

}  // namespace v1
}  // namespace kinerja
