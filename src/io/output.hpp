// Writing result files: CSV formatting and all-or-nothing output folders.
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

/// Writes one CSV record at a time: quotes fields that need it, formats doubles with the
/// shortest text that reads back to the same value, and leaves NaN empty.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  CsvWriter& text(std::string_view value);
  CsvWriter& number(double value);
  CsvWriter& integer(std::int64_t value);
  CsvWriter& empty();
  void end_row();
  void header(std::initializer_list<std::string_view> names);

 private:
  void separator();
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace detail
}  // namespace v1
}  // namespace kinerja
