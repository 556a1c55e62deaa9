// Writing result files: CSV formatting and all-or-nothing output folders.
#pragma once

#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kinerja/table.hpp"

namespace kinerja {
inline namespace v1 {
namespace detail {

/// A set of output files written atomically: each file goes to a hidden temporary name in the
/// target folder and is renamed into place only by commit(), after every file was written
/// completely. If anything fails before, the destructor removes the temporaries, so a failed
/// run leaves no partial output (and the previous results, if any, stay untouched).
class OutputSet {
 public:
  /// Creates `folder` (and its parents) if needed; throws kinerja::error(IoError).
  explicit OutputSet(std::string folder);
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  /// A stream for the file `name` inside the folder.
  std::ostream& open(const std::string& name);
  /// Closes every file, checks it was written, and renames them all into place. Returns the
  /// final paths. Throws kinerja::error(IoError) and leaves nothing behind on failure.
  std::vector<std::string> commit();

 private:
  struct File {
    std::string final_path;
    std::string temp_path;
    std::unique_ptr<std::ofstream> stream;
  };
  std::string folder_;
  std::vector<File> files_;
  bool committed_ = false;
};

/// One column of a table: its name and the type of its values, fixed whatever the data.
struct ColumnSpec {
  std::string_view name;
  ColumnType type;
};

/// Writes a table one row at a time. The columns are declared once by header(); each row is a
/// sequence of text(), number(), integer() or empty() calls, one per column, then end_row().
/// A value that does not exist (empty text, NaN, empty()) is written as "no value", never as 0
/// or NaN.
class TableWriter {
 public:
  virtual ~TableWriter() = default;
  virtual void header(std::initializer_list<ColumnSpec> columns) = 0;
  virtual TableWriter& text(std::string_view value) = 0;
  virtual TableWriter& number(double value) = 0;
  virtual TableWriter& integer(std::int64_t value) = 0;
  virtual TableWriter& empty() = 0;
  virtual void end_row() = 0;
  /// Closes the table (the JSON array); call once after the last row.
  virtual void finish() {}
};

/// CSV (RFC 4180): fields quoted when they need it; numbers with the shortest text that reads
/// back to the same double, in plain notation; no value = empty field.
class CsvWriter final : public TableWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void header(std::initializer_list<ColumnSpec> columns) override;
  CsvWriter& text(std::string_view value) override;
  CsvWriter& number(double value) override;
  CsvWriter& integer(std::int64_t value) override;
  CsvWriter& empty() override;
  void end_row() override;

 private:
  void separator();
  std::ostream& out_;
  bool first_ = true;
};

/// JSON: an array with one object per row, keyed by the column names; numbers as JSON numbers,
/// no value = null, text escaped.
class JsonWriter final : public TableWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void header(std::initializer_list<ColumnSpec> columns) override;
  JsonWriter& text(std::string_view value) override;
  JsonWriter& number(double value) override;
  JsonWriter& integer(std::int64_t value) override;
  JsonWriter& empty() override;
  void end_row() override;
  void finish() override;

 private:
  void key();
  std::ostream& out_;
  std::vector<std::string> names_;
  std::size_t column_ = 0;
  bool any_row_ = false;
};

/// Collects a table in memory (kinerja/table.hpp) with the declared column types: text "", NaN
/// and empty() are null cells, as an empty CSV field. An integer goes into a number column as a
/// double; any other value that does not fit its column's type is a bug (errc::Internal).
class TableCollector final : public TableWriter {
 public:
  explicit TableCollector(Table& table) : table_(table) {}
  void header(std::initializer_list<ColumnSpec> columns) override;
  TableCollector& text(std::string_view value) override;
  TableCollector& number(double value) override;
  TableCollector& integer(std::int64_t value) override;
  TableCollector& empty() override;
  void end_row() override;

 private:
  Column& next(ColumnType want, const char* what);
  Table& table_;
  std::size_t column_ = 0;
};

/// Writes `value` in the shortest plain decimal notation that reads back to the same double.
void write_number(std::ostream& out, double value);
/// The same as a string.
std::string number_text(double value);

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
