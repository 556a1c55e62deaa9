// The C API's handles and its exception firewall (private to capi/).
//
// Every entry point runs its body through guard(): a kinerja::error becomes the status of its
// errc, std::bad_alloc KIN_ENOMEM, anything else KIN_ERROR or KIN_EINTERNAL, and the message is
// kept in the context. Nothing thrown ever leaves a C function.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "kinerja.h"
#include "kinerja/dataset.hpp"
#include "kinerja/error.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/table.hpp"

struct kin_context {
  std::string last_error;
  int last_status = KIN_OK;
  unsigned threads = 0;
};

struct kin_dataset {
  kinerja::Dataset dataset;
};

struct kin_diagnostics {
  std::vector<std::string> messages;
  std::vector<std::uint8_t> is_error;
  std::size_t errors = 0;
  std::size_t dropped = 0;
};

struct kin_rules {
  kinerja::RulePack pack;
  std::string label;
};

struct kin_result {
  std::vector<kinerja::Table> tables;
};

// A table given to the builder: by rows (names then rows of fields) or by columns.
struct kin_dataset_builder {
  struct Table {
    enum class Mode { Unset, Rows, Columns } mode = Mode::Unset;
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> columns;  // Columns mode: the cells of each column
    std::string rows;                               // Rows mode: the CSV records so far
    std::size_t row_count = 0;
  };
  std::map<std::string, Table> tables;  // by file name, "units.csv"
};

namespace kinerja_capi {

// A failure with a C status and a message, thrown inside guard().
struct Failure {
  int status;
  std::string message;
};

[[noreturn]] inline void fail(int status, std::string message) { throw Failure{status, std::move(message)}; }

// Fails with KIN_EINVAL naming the argument when `pointer` is NULL.
template <typename T>
void require(const T* pointer, const char* name) {
  if (pointer == nullptr) fail(KIN_EINVAL, std::string(name) + " is NULL");
}

int status_of(kinerja::errc code) noexcept;

// Runs body() for a C entry point: records the outcome in ctx and returns the status.
template <typename Body>
int guard(kin_context* ctx, Body&& body) noexcept {
  if (ctx == nullptr) return KIN_EINVAL;
  int status = KIN_OK;
  std::string message;
  try {
    body();
  } catch (const Failure& f) {
    status = f.status;
    message = f.message;
  } catch (const kinerja::error& e) {
    status = status_of(e.code());
    try {
      message = e.what();
    } catch (...) {
      status = KIN_ENOMEM;
    }
  } catch (const std::bad_alloc&) {
    status = KIN_ENOMEM;
  } catch (const std::exception& e) {
    status = KIN_ERROR;
    try {
      message = e.what();
    } catch (...) {
    }
  } catch (...) {
    status = KIN_EINTERNAL;
  }
  try {
    ctx->last_error = status == KIN_OK ? std::string() : (message.empty() ? kin_status_string(status) : message);
  } catch (...) {
    ctx->last_error.clear();
  }
  ctx->last_status = status;
  return status;
}

// Writes `count` values through `write` into a caller buffer of `capacity`, or fails with
// KIN_EBUFS after reporting the size needed.
template <typename T, typename Fill>
void fill_buffer(T* out, std::size_t capacity, std::size_t* needed, std::size_t count, Fill&& fill) {
  if (needed != nullptr) *needed = count;
  if (capacity < count) {
    fail(KIN_EBUFS, "the buffer has room for " + std::to_string(capacity) + " elements; " + std::to_string(count) +
                        " are needed");
  }
  if (count > 0) require(out, "out");
  fill(out);
}

// Converts a C++ diagnostics list into its handle.
std::unique_ptr<kin_diagnostics> make_diagnostics(const kinerja::Diagnostics& diagnostics);

}  // namespace kinerja_capi
