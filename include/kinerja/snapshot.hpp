// kinerja: snapshots, a whole dataset (and result tables) in one file.
//
// A dataset loaded from CSV files is validated once; a snapshot keeps it, ready to analyse, and
// loads at the speed of the disk. Two forms:
//
//  * binary (the default): the columns as they are in memory, each with its length and a 64-bit
//    checksum and aligned to 64 bytes, behind a header with a magic number, the format version,
//    the byte order, the sizes of the basic types and the total length. Fast: loading maps the
//    file and the dataset's columns use its pages in place (kinerja/column.hpp; see
//    SnapshotLoadOptions::map_file); for the machine architecture that wrote it (little-endian,
//    64-bit), which the header checks.
//  * XML: every value as text (numbers in their shortest exact decimal form, periods and grades
//    as in the CSV files), for exchange between machines and for inspection. Slower and larger.
//
// Both are written with Boost.Serialization archives (the library stays out of this header) and
// carry the snapshot format version. Loading never trusts the file: a truncated, corrupted,
// foreign or newer-format file, a length beyond the file or the limits, a checksum that does not
// match, or references and codes outside their tables give kinerja::error with the path and what
// is wrong (errc::ParseError for files that are not snapshots or are damaged, errc::IoError when
// the operating system refuses), never a crash and never a silently wrong dataset. Saving writes
// a temporary file renamed into place, so a failed save leaves no partial file. A snapshot loaded
// and saved again is byte-identical to the first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kinerja/dataset.hpp"
#include "kinerja/export.hpp"
#include "kinerja/table.hpp"

namespace kinerja {
inline namespace v1 {

enum class SnapshotFormat : std::uint8_t { Binary = 0, Xml = 1 };

/// The snapshot format this kinerja writes; it reads this version and older ones. Version 2
/// aligns every column of the binary form to 64 bytes in the file, so that it can be used in
/// place; version-1 files are still read, by copying.
inline constexpr std::uint32_t snapshot_format_version = 2;

/// A dataset and, optionally, result tables (kinerja/table.hpp) saved with it.
struct Snapshot {
  Dataset dataset;
  std::vector<Table> results;
};

/// How to load a snapshot.
struct SnapshotLoadOptions {
  /// Bound against files that claim absurd sizes.
  std::uint64_t max_file_bytes = std::uint64_t{1} << 40;  ///< 1 TiB
  /// Binary form: map the file and use its pages in place (private: the dataset may be changed,
  /// the file never is); false: copy the columns into memory. Mapping loads at the speed of the
  /// page cache instead of that of fresh memory, and needs no memory beyond the page cache until
  /// a column is written to. Caveat: a mapped file must not be truncated or rewritten in place
  /// while the dataset (or any column moved out of it) lives: the process would see the change,
  /// or crash on a truncated part. save_snapshot() writes a new file and renames it over the old
  /// one, which is safe. Systems without mmap, and version-1 files, are read by copying.
  bool map_file = true;
};

/// Writes `dataset` (and `results`) to `path`. Throws kinerja::error (IoError) when the file
/// cannot be written; nothing is left behind then.
KIN_CXX_API void save_snapshot(const std::string& path, const Dataset& dataset,
                               const std::vector<Table>& results = {},
                               SnapshotFormat format = SnapshotFormat::Binary);

/// Reads a snapshot of either form (recognised by its first bytes).
KIN_CXX_API Snapshot load_snapshot(const std::string& path, const SnapshotLoadOptions& options = {});

/// True if `path` is a readable file that starts like a snapshot (binary or XML).
KIN_CXX_API bool is_snapshot(const std::string& path) noexcept;

}  // namespace v1
}  // namespace kinerja
