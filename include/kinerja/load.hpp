// kinerja: reading a dataset folder (docs/dataset-format.md).
//
// Loading and validation are one pass: every file is streamed once, every field is checked as
// it is read, references are resolved (forward references inside a file included), and the
// whole-table rules (duplicates, cycles) run at the end of each file. Every problem goes to the
// Diagnostics as FILE:LINE:COLUMN: message; nothing is thrown for bad data. A row with an error
// in one of its fields is left out of its table; a forward reference that never resolves, and a
// link that closes a cycle, are reported and left as no_index. A dataset is therefore usable by
// analyses only if `!diagnostics.has_errors()`.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "kinerja/dataset.hpp"
#include "kinerja/error.hpp"
#include "kinerja/export.hpp"
#include "kinerja/rules.hpp"

namespace kinerja {
inline namespace v1 {

struct LoadOptions {
  /// Longest accepted CSV record, in bytes; longer records (usually a missing closing quote)
  /// are reported, not buffered without end.
  std::size_t max_record_bytes = std::size_t{16} << 20;
  /// Allow a feedback row whose rater is the ratee with a source other than `self`.
  bool allow_self_feedback_outside_self_source = false;
  /// Warn when the soft NIP check fails (TMT less than 18 years after birth).
  bool warn_on_nip_soft_checks = true;
};

/// Loads and validates the folder `folder`. Throws only for misuse (kinerja::error with
/// errc::NotFound if `folder` is not a directory); data problems go to `diagnostics`.
KIN_CXX_API Dataset load_dataset(const std::string& folder, Diagnostics& diagnostics,
                                 const LoadOptions& options = {});

/// Loads and validates a dataset whose files are given in memory: file name ("units.csv", ...)
/// to its CSV text, exactly as the files would hold it. A name not given is an absent file.
/// Messages name the file without a folder. Throws errc::InvalidArgument for a name that is not a
/// dataset file; data problems go to `diagnostics`.
KIN_CXX_API Dataset load_dataset_from_memory(const std::map<std::string, std::string>& files,
                                             Diagnostics& diagnostics, const LoadOptions& options = {});

/// Reads a rules file: a built-in pack ("base = NAME", default permenpanrb-6-2022) and settings
/// that override its defaults, one "key = value" per line, '#' starting a comment. Throws
/// kinerja::error (errc::NotFound if the file cannot be read, errc::ParseError or
/// errc::InvalidArgument with FILE:LINE:COLUMN for a bad line). See docs/scoring.md.
KIN_CXX_API RulePack load_rules_file(const std::string& path);

/// A built-in pack name, or else the path of a rules file.
KIN_CXX_API RulePack load_rule_pack(const std::string& name_or_path);

}  // namespace v1
}  // namespace kinerja
