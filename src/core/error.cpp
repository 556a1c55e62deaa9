#include "kinerja/error.hpp"

#include "kinerja/kinerja.hpp"

namespace kinerja {
inline namespace v1 {

std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::InvalidArgument: return "invalid_argument";
    case errc::OutOfRange: return "out_of_range";
    case errc::NotFound: return "not_found";
    case errc::ParseError: return "parse_error";
    case errc::InvalidData: return "invalid_data";
    case errc::IoError: return "io_error";
    case errc::Overflow: return "overflow";
    case errc::Internal: return "internal";
  }
  return "unknown";
}

std::string SourceLocation::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line != 0) {
    out += ':';
    out += std::to_string(line);
    if (column != 0) {
      out += ':';
      out += std::to_string(column);
    }
  }
  return out;
}

namespace {
std::string with_location(const SourceLocation& where, const std::string& message) {
  if (where.file.empty() && where.line == 0) return message;
  return where.to_string() + ": " + message;
}
}  // namespace

error::error(errc code, const std::string& message)
    : std::runtime_error(message), code_(code), message_(message) {}

error::error(errc code, SourceLocation where, const std::string& message)
    : std::runtime_error(with_location(where, message)), code_(code), where_(std::move(where)),
      message_(message) {}

std::string_view to_string(Severity severity) noexcept {
  return severity == Severity::Error ? "error" : "warning";
}

std::string Diagnostic::to_string() const {
  std::string out = location.to_string();
  out += ": ";
  out += kinerja::to_string(severity);
  out += ": ";
  out += message;
  return out;
}

void Diagnostics::report(Severity severity, SourceLocation location, std::string message) {
  if (severity == Severity::Error) {
    ++errors_;
  } else {
    ++warnings_;
  }
  if (items_.size() < capacity_) items_.push_back(Diagnostic{severity, std::move(location), std::move(message)});
}

const char* version_string() noexcept { return KIN_VERSION_STRING; }
unsigned version_number() noexcept { return KIN_VERSION_NUMBER; }

}  // namespace v1
}  // namespace kinerja
