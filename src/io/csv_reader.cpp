#include "io/csv_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/text_util.hpp"
#include "io/text.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {
namespace {

constexpr std::size_t initial_buffer = std::size_t{1} << 20;

}  // namespace

CsvReader::CsvReader(std::string path, std::string display_name, Diagnostics& diagnostics,
                     std::size_t max_record_bytes)
    : path_(std::move(path)), display_name_(std::move(display_name)), diagnostics_(diagnostics),
      max_record_bytes_(std::max<std::size_t>(max_record_bytes, 64)) {}

CsvReader::CsvReader(const std::string* contents, std::string display_name, Diagnostics& diagnostics,
                     std::size_t max_record_bytes)
    : display_name_(std::move(display_name)), diagnostics_(diagnostics),
      max_record_bytes_(std::max<std::size_t>(max_record_bytes, 64)), contents_(contents) {}

CsvReader::~CsvReader() {
  if (file_ != nullptr) std::fclose(file_);
}

bool CsvReader::open() {
  if (contents_ != nullptr) {
    file_size_ = contents_->size();
    buffer_.resize(std::min(initial_buffer, max_record_bytes_ + 2));
    return true;
  }
  file_ = std::fopen(path_.c_str(), "rb");
  if (file_ == nullptr) return false;
  if (std::fseek(file_, 0, SEEK_END) == 0) {
    const long size = std::ftell(file_);
    file_size_ = size > 0 ? static_cast<std::uint64_t>(size) : 0;
  }
  std::rewind(file_);
  buffer_.resize(std::min(initial_buffer, max_record_bytes_ + 2));
  return true;
}

void CsvReader::fail(SourceLocation where, std::string message) {
  diagnostics_.error(std::move(where), std::move(message));
  failed_ = true;
}

// Moves the unconsumed tail to the front and reads more. Grows the buffer when one record
// fills it. False (with a report) when the record would exceed max_record_bytes or on a read
// error; at end of file sets eof_ and returns true.
bool CsvReader::refill() {
  if (eof_) return true;
  const std::size_t tail = end_ - pos_;
  if (pos_ > 0 && tail > 0) std::memmove(buffer_.data(), buffer_.data() + pos_, tail);
  pos_ = 0;
  end_ = tail;
  if (end_ == buffer_.size()) {
    if (buffer_.size() > max_record_bytes_) {
      fail({display_name_, next_line_, 1},
           "record longer than " + std::to_string(max_record_bytes_) +
               " bytes (a missing line end or closing quote?); reading of this file stopped");
      return false;
    }
    buffer_.resize(std::min(buffer_.size() * 2, max_record_bytes_ + 2));
  }
  std::size_t got = 0;
  if (contents_ != nullptr) {
    got = std::min(buffer_.size() - end_, contents_->size() - contents_read_);
    std::memcpy(buffer_.data() + end_, contents_->data() + contents_read_, got);
    contents_read_ += got;
  } else {
    got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
  }
  if (got == 0) {
    if (contents_ == nullptr && std::ferror(file_)) {
      fail({display_name_, next_line_, 0}, std::string("read error: ") + std::strerror(errno));
      return false;
    }
    eof_ = true;
  }
  end_ += got;
  return true;
}

bool CsvReader::read_header() {
  if (!refill()) return false;
  const unsigned char* b = reinterpret_cast<const unsigned char*>(buffer_.data());
  const std::size_t n = end_ - pos_;
  if (n == 0) {
    fail({display_name_, 1, 1}, "file is empty: expected a header line");
    return false;
  }
  if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
    fail({display_name_, 1, 1}, "file is UTF-16 encoded; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)");
    return false;
  }
  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
    pos_ += 3;
    bytes_consumed_ += 3;
  }
  // Detect the delimiter on the header line, outside quotes.
  {
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (std::size_t i = pos_; i < end_ && (quoted || buffer_[i] != '\n'); ++i) {
      const char c = buffer_[i];
      if (c == '"') quoted = !quoted;
      if (!quoted && c == ',') ++commas;
      if (!quoted && c == ';') ++semicolons;
      if (c == '\0') {
        fail({display_name_, 1, 1}, "file contains NUL bytes: it is not a UTF-8 CSV text file");
        return false;
      }
      if (!quoted && c == '\r' && i + 1 < end_ && buffer_[i + 1] != '\n') {
        fail({display_name_, 1, 1}, "lines end with CR alone (old Mac format); save the file with LF or CRLF line ends");
        return false;
      }
    }
    delimiter_ = semicolons > commas ? ';' : ',';
  }
  if (!next()) {
    if (!failed_) fail({display_name_, 1, 1}, "file has no header line");
    return false;
  }
  header_.clear();
  bool ok = true;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    const std::string_view raw = fields_[i].text;
    if (const std::size_t bad = find_invalid_utf8(raw); bad != std::string_view::npos) {
      fail(location(i, bad), "header is not valid UTF-8");
      return false;
    }
    const std::string_view name = trim(raw);
    if (name.empty()) {
      diagnostics_.error(location(i), "empty column name in the header");
      ok = false;
    }
    for (std::size_t j = 0; j < header_.size(); ++j) {
      if (!name.empty() && iequals(header_[j], name)) {
        diagnostics_.error(location(i), "column '" + std::string(name) + "' appears twice in the header (also column " +
                                            std::to_string(j + 1) + ")");
        ok = false;
      }
    }
    header_.emplace_back(name);
  }
  if (!ok) failed_ = true;
  return ok;
}

std::size_t CsvReader::estimated_records(std::size_t records_so_far) const noexcept {
  if (records_so_far == 0 || bytes_consumed_ == 0 || file_size_ <= bytes_consumed_) return records_so_far;
  const double per_record = static_cast<double>(bytes_consumed_) / static_cast<double>(records_so_far + 1);
  return records_so_far + static_cast<std::size_t>(static_cast<double>(file_size_ - bytes_consumed_) / per_record * 1.05);
}

int CsvReader::column_of(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (iequals(header_[i], name)) return static_cast<int>(i);
  }
  return -1;
}

// Scans one record starting at pos_. Fills fields_ and returns Record, or NeedMore when the
// record may continue past the buffered data, or Malformed (record_problem_ set, fields_
// unusable) after finding its end.
CsvReader::Scan CsvReader::scan_record(std::size_t& next_pos, std::uint32_t& lines) {
  const char* b = buffer_.data();
  const std::size_t p0 = pos_;
  const std::size_t e = end_;
  const char delim = delimiter_;
  fields_.clear();
  lines = 1;
  record_problem_.clear();

  const void* nl_ptr = std::memchr(b + p0, '\n', e - p0);
  if (nl_ptr == nullptr && !eof_) return Scan::NeedMore;
  const std::size_t line_end = nl_ptr ? static_cast<std::size_t>(static_cast<const char*>(nl_ptr) - b) : e;

  // Fast path: no quote on this line, so the record is exactly this line.
  if (std::memchr(b + p0, '"', line_end - p0) == nullptr) {
    std::size_t rec_end = line_end;
    if (rec_end > p0 && b[rec_end - 1] == '\r') --rec_end;
    std::size_t q = p0;
    for (;;) {
      const void* d = std::memchr(b + q, delim, rec_end - q);
      const std::size_t f_end = d ? static_cast<std::size_t>(static_cast<const char*>(d) - b) : rec_end;
      fields_.push_back({std::string_view(b + q, f_end - q), static_cast<std::uint32_t>(q - p0), false});
      if (d == nullptr) break;
      q = f_end + 1;
    }
    next_pos = nl_ptr ? line_end + 1 : e;
    return Scan::Record;
  }

  // Slow path: a state machine that handles quoted fields, doubled quotes and line breaks
  // inside quotes.
  scratch_.clear();
  if (scratch_.capacity() < e - p0) scratch_.reserve(e - p0);
  std::size_t q = p0;
  for (;;) {
    const std::size_t f_start = q;
    if (q < e && b[q] == '"') {
      ++q;
      std::size_t seg = q;
      bool copied = false;
      std::size_t out_start = scratch_.size();
      std::string_view text;
      for (;;) {
        const void* qq = std::memchr(b + q, '"', e - q);
        if (qq == nullptr) {
          if (!eof_) return Scan::NeedMore;
          record_problem_ = "quoted field is never closed (missing '\"')";
          record_problem_raw_ = f_start - p0;
          next_pos = e;
          lines += static_cast<std::uint32_t>(std::count(b + q, b + e, '\n'));
          return Scan::Malformed;
        }
        const std::size_t qi = static_cast<std::size_t>(static_cast<const char*>(qq) - b);
        lines += static_cast<std::uint32_t>(std::count(b + q, b + qi, '\n'));
        if (qi + 1 == e && !eof_) return Scan::NeedMore;  // "" may straddle the buffer end
        if (qi + 1 < e && b[qi + 1] == '"') {
          scratch_.append(b + seg, qi + 1 - seg);
          copied = true;
          q = qi + 2;
          seg = q;
          continue;
        }
        if (copied) {
          scratch_.append(b + seg, qi - seg);
          text = std::string_view(scratch_.data() + out_start, scratch_.size() - out_start);
        } else {
          text = std::string_view(b + seg, qi - seg);
        }
        q = qi + 1;
        break;
      }
      fields_.push_back({text, static_cast<std::uint32_t>(f_start - p0), true});
      if (q < e && b[q] != delim && b[q] != '\r' && b[q] != '\n' && record_problem_.empty()) {
        record_problem_ = "unexpected character after a closing quote (quotes inside a field must be doubled)";
        record_problem_raw_ = q - p0;
      }
      // Skip anything up to the next delimiter or line end (only on malformed input).
      while (q < e && b[q] != delim && b[q] != '\n') {
        if (b[q] == '\r' && (q + 1 == e || b[q + 1] == '\n')) break;
        ++q;
      }
    } else {
      while (q < e && b[q] != delim && b[q] != '\n') {
        if (b[q] == '"' && record_problem_.empty()) {
          record_problem_ = "quote inside an unquoted field (quote the whole field and double inner quotes)";
          record_problem_raw_ = q - p0;
        }
        ++q;
      }
      std::size_t f_end = q;
      if (f_end > f_start && b[f_end - 1] == '\r' && (q == e || b[q] == '\n')) --f_end;
      fields_.push_back({std::string_view(b + f_start, f_end - f_start), static_cast<std::uint32_t>(f_start - p0), false});
    }
    if (q < e && b[q] == delim) {
      ++q;
      if (q == e && !eof_) return Scan::NeedMore;
      continue;
    }
    if (q < e && b[q] == '\r') ++q;
    if (q < e && b[q] == '\n') {
      ++q;
    } else if (q == e && !eof_) {
      return Scan::NeedMore;
    }
    next_pos = q;
    return record_problem_.empty() ? Scan::Record : Scan::Malformed;
  }
}

bool CsvReader::next() {
  if (failed_ || (file_ == nullptr && contents_ == nullptr)) return false;
  for (;;) {
    if (pos_ == end_) {
      if (eof_) return false;
      if (!refill()) return false;
      continue;
    }
    std::size_t next_pos = 0;
    std::uint32_t lines = 1;
    const Scan s = scan_record(next_pos, lines);
    if (s == Scan::NeedMore) {
      if (!refill()) return false;
      continue;
    }
    record_start_ = pos_;
    record_line_ = next_line_;
    const bool blank = fields_.size() == 1 && fields_[0].text.empty() && !fields_[0].quoted;
    if (s == Scan::Malformed) {
      diagnostics_.error(location_at_raw(record_problem_raw_), record_problem_ + "; row skipped");
    }
    next_line_ += lines;
    bytes_consumed_ += next_pos - pos_;
    pos_ = next_pos;
    if (s == Scan::Malformed || blank) continue;
    return true;
  }
}

SourceLocation CsvReader::location_at_raw(std::size_t raw_offset) const {
  std::uint32_t line = record_line_ == 0 ? next_line_ : record_line_;
  std::uint32_t column = 1;
  const std::size_t limit = std::min(record_start_ + raw_offset, end_);
  for (std::size_t i = record_start_; i < limit; ++i) {
    const auto c = static_cast<unsigned char>(buffer_[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {display_name_, line, column};
}

SourceLocation CsvReader::location(std::size_t field, std::size_t offset) const {
  if (field >= fields_.size()) {
    // Just past the last field.
    if (fields_.empty()) return {display_name_, record_line_, 1};
    const Field& last = fields_.back();
    return location_at_raw(last.raw_offset + (last.quoted ? 2 : 0) + last.text.size());
  }
  const Field& f = fields_[field];
  return location_at_raw(f.raw_offset + (f.quoted ? 1 : 0) + offset);
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
