#include "io/output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <sstream>
#include <string>

#include "kinerja/error.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {
namespace {

void make_folders(const std::string& folder) {
  std::string path;
  std::size_t start = 0;
  while (start <= folder.size()) {
    const std::size_t slash = folder.find('/', start);
    path = folder.substr(0, slash == std::string::npos ? folder.size() : slash);
    start = slash == std::string::npos ? folder.size() + 1 : slash + 1;
    if (path.empty()) continue;
    if (::mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) {
      throw error(errc::IoError, "cannot create folder '" + path + "': " + std::strerror(errno));
    }
  }
  struct stat st {};
  if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    throw error(errc::IoError, "'" + folder + "' is not a folder");
  }
}

}  // namespace

OutputSet::OutputSet(std::string folder) : folder_(std::move(folder)) {
  if (folder_.empty()) folder_ = ".";
  make_folders(folder_);
}

OutputSet::~OutputSet() {
  if (committed_) return;
  for (File& f : files_) {
    if (f.stream) f.stream->close();
    std::remove(f.temp_path.c_str());
  }
}

std::ostream& OutputSet::open(const std::string& name) {
  File f;
  f.final_path = folder_ + "/" + name;
  f.temp_path = folder_ + "/." + name + ".tmp." + std::to_string(::getpid());
  f.stream = std::make_unique<std::ofstream>(f.temp_path, std::ios::binary | std::ios::trunc);
  if (!*f.stream) throw error(errc::IoError, "cannot write '" + f.temp_path + "': " + std::strerror(errno));
  files_.push_back(std::move(f));
  return *files_.back().stream;
}

std::vector<std::string> OutputSet::commit() {
  for (File& f : files_) {
    f.stream->flush();
    const bool good = static_cast<bool>(*f.stream);
    f.stream->close();
    if (!good || f.stream->fail()) {
      throw error(errc::IoError, "writing '" + f.final_path + "' failed (disk full?); no output was changed");
    }
  }
  std::vector<std::string> paths;
  for (File& f : files_) {
    if (std::rename(f.temp_path.c_str(), f.final_path.c_str()) != 0) {
      throw error(errc::IoError, "cannot rename '" + f.temp_path + "' to '" + f.final_path + "': " + std::strerror(errno));
    }
    paths.push_back(f.final_path);
  }
  committed_ = true;
  return paths;
}

void CsvWriter::separator() {
  if (!first_) out_.put(',');
  first_ = false;
}

CsvWriter& CsvWriter::text(std::string_view value) {
  separator();
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out_.write(value.data(), static_cast<std::streamsize>(value.size()));
    return *this;
  }
  out_.put('"');
  for (char c : value) {
    if (c == '"') out_.put('"');
    out_.put(c);
  }
  out_.put('"');
  return *this;
}

void write_number(std::ostream& out, double value) {
  // Shortest round-trip digits in plain notation: kinerja's own reader (and many spreadsheets in
  // Indonesian locales) reject exponents such as 1e+05.
  char buf[400];
  const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  out.write(buf, res.ptr - buf);
}

CsvWriter& CsvWriter::number(double value) {
  separator();
  if (!std::isnan(value)) write_number(out_, value);
  return *this;
}

CsvWriter& CsvWriter::integer(std::int64_t value) {
  separator();
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  out_.write(buf, res.ptr - buf);
  return *this;
}

CsvWriter& CsvWriter::empty() {
  separator();
  return *this;
}

void CsvWriter::end_row() {
  out_.put('\n');
  first_ = true;
}

void CsvWriter::header(std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) text(n);
  end_row();
}

void JsonWriter::header(std::initializer_list<std::string_view> names) {
  names_.assign(names.begin(), names.end());
  out_.put('[');
}

void JsonWriter::key() {
  out_ << (column_ == 0 ? (any_row_ ? ",\n {" : "\n {") : ", ");
  const std::string& name = column_ < names_.size() ? names_[column_] : std::string("column");
  out_ << '"' << name << "\": ";
  ++column_;
}

JsonWriter& JsonWriter::text(std::string_view value) {
  key();
  if (value.empty()) {  // no value, as an empty CSV field
    out_ << "null";
    return *this;
  }
  out_.put('"');
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out_.put('\\');
      out_.put(c);
    } else if (u < 0x20) {
      static const char hex[] = "0123456789abcdef";
      out_ << "\\u00" << hex[u >> 4] << hex[u & 15];
    } else {
      out_.put(c);
    }
  }
  out_.put('"');
  return *this;
}

JsonWriter& JsonWriter::number(double value) {
  key();
  if (std::isnan(value) || std::isinf(value)) {
    out_ << "null";
  } else {
    write_number(out_, value);
  }
  return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t value) {
  key();
  out_ << value;
  return *this;
}

JsonWriter& JsonWriter::empty() {
  key();
  out_ << "null";
  return *this;
}

void JsonWriter::end_row() {
  if (column_ > 0) out_.put('}');
  column_ = 0;
  any_row_ = true;
}

void JsonWriter::finish() { out_ << (any_row_ ? "\n]\n" : "]\n"); }

std::string number_text(double value) {
  std::ostringstream out;
  write_number(out, value);
  return out.str();
}

void TableCollector::header(std::initializer_list<std::string_view> names) {
  table_.columns.clear();
  for (std::string_view name : names) {
    table_.columns.emplace_back();
    table_.columns.back().name = std::string(name);
  }
  kinds_.assign(names.size(), Kind::None);
  table_.rows = 0;
  column_ = 0;
}

Column& TableCollector::next() {
  if (column_ >= table_.columns.size()) throw error(errc::Internal, "result table " + table_.name + ": too many values in a row");
  return table_.columns[column_++];
}

// Gives column c (whose row `at` is being written) the kind `kind`, converting the values so far.
void TableCollector::widen(Column& c, std::size_t at, Kind kind) {
  Kind& now = kinds_[static_cast<std::size_t>(&c - table_.columns.data())];
  if (now == kind || now == Kind::Text || (now == Kind::Number && kind == Kind::Integer)) return;
  if (now == Kind::None) {
    if (kind == Kind::Integer) c.integers.assign(at, 0);
    if (kind == Kind::Number) c.numbers.assign(at, std::numeric_limits<double>::quiet_NaN());
    if (kind == Kind::Text) c.texts.assign(at, std::string());
  } else if (kind == Kind::Number) {  // integers so far
    for (std::size_t r = 0; r < at; ++r) {
      c.numbers.push_back(c.present[r] != 0 ? static_cast<double>(c.integers[r]) : std::numeric_limits<double>::quiet_NaN());
    }
    c.integers.clear();
  } else {  // to text, from integers or numbers
    for (std::size_t r = 0; r < at; ++r) {
      if (c.present[r] == 0) {
        c.texts.emplace_back();
      } else {
        c.texts.push_back(now == Kind::Integer ? std::to_string(c.integers[r]) : number_text(c.numbers[r]));
      }
    }
    c.integers.clear();
    c.numbers.clear();
  }
  now = kind;
}

TableCollector& TableCollector::text(std::string_view value) {
  if (value.empty()) return empty();
  Column& c = next();
  const std::size_t at = c.present.size();
  widen(c, at, Kind::Text);
  c.texts.emplace_back(value);
  c.present.push_back(1);
  return *this;
}

TableCollector& TableCollector::number(double value) {
  if (std::isnan(value)) return empty();
  Column& c = next();
  const std::size_t at = c.present.size();
  widen(c, at, Kind::Number);
  switch (kinds_[column_ - 1]) {
    case Kind::Text: c.texts.push_back(number_text(value)); break;
    default: c.numbers.push_back(value); break;
  }
  c.present.push_back(1);
  return *this;
}

TableCollector& TableCollector::integer(std::int64_t value) {
  Column& c = next();
  const std::size_t at = c.present.size();
  widen(c, at, Kind::Integer);
  switch (kinds_[column_ - 1]) {
    case Kind::Text: c.texts.push_back(std::to_string(value)); break;
    case Kind::Number: c.numbers.push_back(static_cast<double>(value)); break;
    default: c.integers.push_back(value); break;
  }
  c.present.push_back(1);
  return *this;
}

TableCollector& TableCollector::empty() {
  Column& c = next();
  switch (kinds_[column_ - 1]) {
    case Kind::None: break;
    case Kind::Integer: c.integers.push_back(0); break;
    case Kind::Number: c.numbers.push_back(std::numeric_limits<double>::quiet_NaN()); break;
    case Kind::Text: c.texts.emplace_back(); break;
  }
  c.present.push_back(0);
  return *this;
}

void TableCollector::end_row() {
  if (column_ != table_.columns.size()) throw error(errc::Internal, "result table " + table_.name + ": a row misses values");
  column_ = 0;
  ++table_.rows;
}

void TableCollector::finish() {
  for (std::size_t k = 0; k < table_.columns.size(); ++k) {
    Column& c = table_.columns[k];
    switch (kinds_[k]) {
      case Kind::None: c.type = ColumnType::Text; c.texts.assign(c.present.size(), std::string()); break;
      case Kind::Integer: c.type = ColumnType::Integer; break;
      case Kind::Number: c.type = ColumnType::Number; break;
      case Kind::Text: c.type = ColumnType::Text; break;
    }
  }
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
