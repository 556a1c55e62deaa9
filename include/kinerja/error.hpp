// kinerja: errors and diagnostics.
//
// Two ways a problem reaches the caller:
//  * `kinerja::error`, an exception for a failed operation (bad argument, unreadable file), carrying
//    an `errc` code that maps 1:1 to the C API status codes, and optionally a source location;
//  * `kinerja::Diagnostics`, a collector for data problems. Validation reports *every* problem it
//    can find (up to a cap, after which it only counts), each as `FILE:LINE:COLUMN: message`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "kinerja/export.hpp"

namespace kinerja {
inline namespace v1 {

/// Error categories. The numeric values are stable: the C API returns their negatives.
enum class errc : int {
  InvalidArgument = 1,  ///< a caller passed a value outside the documented domain
  OutOfRange = 2,       ///< a value does not fit the representation (e.g. a year outside 1..9999)
  NotFound = 3,         ///< a named thing (file, id, rule pack) does not exist
  ParseError = 4,       ///< text does not follow the expected grammar
  InvalidData = 5,      ///< a dataset breaks a rule (see Diagnostics for the full list)
  IoError = 6,          ///< the operating system refused a read or write
  Overflow = 7,         ///< exact arithmetic would overflow its 64-bit representation
  Internal = 8,         ///< a bug in kinerja: please report it
};

/// Stable lower-case name of an error category ("invalid_argument", ...).
KIN_CXX_API std::string_view to_string(errc code) noexcept;

/// Where a problem was found. `line` and `column` are 1-based; 0 means "not applicable"
/// (a whole file, or a value that did not come from a file). Columns count characters
/// (Unicode code points), not bytes.
struct SourceLocation {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  /// "FILE:LINE:COLUMN", "FILE:LINE" or "FILE", depending on what is known.
  KIN_CXX_API std::string to_string() const;
};

/// The exception type of kinerja. Everything kinerja throws derives from it, except
/// std::bad_alloc.
class KIN_CXX_API error : public std::runtime_error {
 public:
  error(errc code, const std::string& message);
  error(errc code, SourceLocation where, const std::string& message);

  errc code() const noexcept { return code_; }
  /// The location, if the error came from a file; `where().file` is empty otherwise.
  const SourceLocation& where() const noexcept { return where_; }
  /// The message without the location prefix.
  const std::string& message() const noexcept { return message_; }

 private:
  errc code_;
  SourceLocation where_;
  std::string message_;
};

enum class Severity : std::uint8_t {
  Warning,  ///< suspicious but usable; does not make a dataset invalid
  Error,    ///< the data breaks a rule; analyses refuse it
};

KIN_CXX_API std::string_view to_string(Severity severity) noexcept;

/// One problem found in the data.
struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation location;
  std::string message;

  /// "FILE:LINE:COLUMN: error: message": the form compilers use, so editors can jump to it.
  KIN_CXX_API std::string to_string() const;
};

/// Collects problems. Keeps the first `capacity` of them and counts the rest, so that a file
/// with ten million bad rows neither floods memory nor hides how bad it is.
class KIN_CXX_API Diagnostics {
 public:
  static constexpr std::size_t default_capacity = 1000;

  explicit Diagnostics(std::size_t capacity = default_capacity) : capacity_(capacity) {}

  void report(Severity severity, SourceLocation location, std::string message);
  void error(SourceLocation location, std::string message) {
    report(Severity::Error, std::move(location), std::move(message));
  }
  void warning(SourceLocation location, std::string message) {
    report(Severity::Warning, std::move(location), std::move(message));
  }

  /// The kept problems, in the order they were reported.
  const std::vector<Diagnostic>& items() const noexcept { return items_; }
  std::size_t error_count() const noexcept { return errors_; }
  std::size_t warning_count() const noexcept { return warnings_; }
  /// Problems counted but not kept because the capacity was reached.
  std::size_t dropped() const noexcept { return errors_ + warnings_ - items_.size(); }
  bool has_errors() const noexcept { return errors_ != 0; }
  std::size_t capacity() const noexcept { return capacity_; }

 private:
  std::size_t capacity_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::vector<Diagnostic> items_;
};

}  // namespace v1
}  // namespace kinerja
