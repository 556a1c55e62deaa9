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

void CsvWriter::header(std::initializer_list<ColumnSpec> columns) {
  for (const ColumnSpec& c : columns) text(c.name);
  end_row();
}

void JsonWriter::header(std::initializer_list<ColumnSpec> columns) {
  names_.clear();
  for (const ColumnSpec& c : columns) names_.emplace_back(c.name);
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

void TableCollector::header(std::initializer_list<ColumnSpec> columns) {
  table_.columns.clear();
  for (const ColumnSpec& spec : columns) {
    table_.columns.emplace_back();
    table_.columns.back().name = std::string(spec.name);
    table_.columns.back().type = spec.type;
  }
  table_.rows = 0;
  column_ = 0;
}

// The next column of the row; `want` is the type the value needs (Text for empty(): any).
Column& TableCollector::next(ColumnType want, const char* what) {
  if (column_ >= table_.columns.size()) throw error(errc::Internal, "result table " + table_.name + ": too many values in a row");
  Column& c = table_.columns[column_++];
  const bool fits = c.type == want || (c.type == ColumnType::Number && want == ColumnType::Integer);
  if (!fits && std::string_view(what) != "empty") {
    throw error(errc::Internal, "result table " + table_.name + ": " + what + " value in the " +
                                    std::string(to_string(c.type)) + " column " + c.name);
  }
  return c;
}

TableCollector& TableCollector::text(std::string_view value) {
  if (value.empty()) return empty();
  Column& c = next(ColumnType::Text, "text");
  c.texts.emplace_back(value);
  c.present.push_back(1);
  return *this;
}

TableCollector& TableCollector::number(double value) {
  if (std::isnan(value)) return empty();
  Column& c = next(ColumnType::Number, "number");
  c.numbers.push_back(value);
  c.present.push_back(1);
  return *this;
}

TableCollector& TableCollector::integer(std::int64_t value) {
  Column& c = next(ColumnType::Integer, "integer");
  if (c.type == ColumnType::Number) {
    c.numbers.push_back(static_cast<double>(value));
  } else {
    c.integers.push_back(value);
  }
  c.present.push_back(1);
  return *this;
}

TableCollector& TableCollector::empty() {
  Column& c = next(ColumnType::Text, "empty");
  switch (c.type) {
    case ColumnType::Text: c.texts.emplace_back(); break;
    case ColumnType::Number: c.numbers.push_back(std::numeric_limits<double>::quiet_NaN()); break;
    case ColumnType::Integer: c.integers.push_back(0); break;
  }
  c.present.push_back(0);
  return *this;
}

void TableCollector::end_row() {
  if (column_ != table_.columns.size()) throw error(errc::Internal, "result table " + table_.name + ": a row misses values");
  column_ = 0;
  ++table_.rows;
}

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
