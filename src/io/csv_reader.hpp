// A streaming CSV reader for the dataset files (RFC 4180 plus the habits of Indonesian
// spreadsheet exports: ';' delimiter, decimal comma, BOM, CRLF).
//
// It reads the file in large blocks and hands out each record as string_views into its own
// buffer: no allocation per field or per record once the buffers have grown. Only fields with
// doubled quotes ("") are copied, into a scratch buffer reused across records.
//
// Problems with the CSV syntax itself (unterminated quote, stray quote, record too long, bad
// encoding) go to the Diagnostics with FILE:LINE:COLUMN; a malformed record is reported and
// skipped, an unrecoverable file ends the stream. Nothing here throws for bad input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {

class CsvReader {
 public:
  /// `path` is opened; `display_name` is what messages call the file.
  CsvReader(std::string path, std::string display_name, Diagnostics& diagnostics,
            std::size_t max_record_bytes = std::size_t{16} << 20);
  /// Reads `contents` (which must outlive the reader) instead of a file.
  CsvReader(const std::string* contents, std::string display_name, Diagnostics& diagnostics,
            std::size_t max_record_bytes = std::size_t{16} << 20);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// Opens the file; false if it cannot be opened (nothing is reported: the caller decides
  /// whether a missing file is a problem).
  bool open();
  /// Reads the header line: detects BOM, encoding problems and the delimiter. Reports and
  /// returns false when the file cannot be used at all.
  bool read_header();
  /// Header names as written (trimmed); see `column_of` for lookups.
  const std::vector<std::string>& header() const noexcept { return header_; }
  /// Position of a header name (case-insensitive), or -1.
  int column_of(std::string_view name) const noexcept;

  /// Advances to the next record, skipping blank lines and reporting-and-skipping malformed
  /// ones. False at the end of the file or after an unrecoverable problem.
  bool next();
  std::size_t size() const noexcept { return fields_.size(); }
  std::string_view operator[](std::size_t i) const noexcept { return fields_[i].text; }

  /// Line on which the current record starts (1-based; the header is line 1).
  std::uint32_t line() const noexcept { return record_line_; }
  /// Location of character `offset` of field `field` of the current record; a field index
  /// past the end gives the end of the record.
  SourceLocation location(std::size_t field, std::size_t offset = 0) const;

  char delimiter() const noexcept { return delimiter_; }
  /// True when numbers may use a decimal comma (the delimiter is ';').
  bool decimal_comma() const noexcept { return delimiter_ == ';'; }
  const std::string& file() const noexcept { return display_name_; }
  /// Bytes consumed so far.
  std::uint64_t bytes_read() const noexcept { return bytes_consumed_; }
  /// Size of the file when it was opened (0 if unknown, e.g. a pipe).
  std::uint64_t file_size() const noexcept { return file_size_; }
  /// Expected number of records in the whole file, extrapolated from those read so far
  /// (for reserving table capacity once instead of growing it many times).
  std::size_t estimated_records(std::size_t records_so_far) const noexcept;
  /// True if reading stopped because of an unrecoverable problem.
  bool failed() const noexcept { return failed_; }

 private:
  struct Field {
    std::string_view text;
    std::uint32_t raw_offset;  // from the record start, at the opening quote if quoted
    bool quoted;
  };
  enum class Scan { Record, NeedMore, Malformed };

  bool refill();
  Scan scan_record(std::size_t& next_pos, std::uint32_t& lines);
  void fail(SourceLocation where, std::string message);
  SourceLocation location_at_raw(std::size_t raw_offset) const;

  std::string path_;
  std::string display_name_;
  Diagnostics& diagnostics_;
  std::size_t max_record_bytes_;
  std::FILE* file_ = nullptr;
  const std::string* contents_ = nullptr;  // in-memory source, read from contents_read_ on
  std::size_t contents_read_ = 0;

  std::vector<char> buffer_;
  std::size_t pos_ = 0;  // start of unconsumed data
  std::size_t end_ = 0;  // end of valid data
  bool eof_ = false;
  bool failed_ = false;
  std::uint64_t bytes_consumed_ = 0;
  std::uint64_t file_size_ = 0;

  char delimiter_ = ',';
  std::vector<std::string> header_;
  std::vector<Field> fields_;
  std::string scratch_;
  std::size_t record_start_ = 0;  // offset of the current record in buffer_
  std::uint32_t record_line_ = 0;
  std::uint32_t next_line_ = 1;
  // First problem found while scanning the current record (reported once it is complete).
  std::string record_problem_;
  std::size_t record_problem_raw_ = 0;
};

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
