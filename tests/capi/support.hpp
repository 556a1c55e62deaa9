// Shared helpers of the C API tests: they include only the public C header (and the standard
// library), as a C or C++ user of libkinerja_c would.
#pragma once

#include <string>
#include <vector>

#include "kinerja.h"

namespace capi_test {

// A context freed at the end of the scope.
struct Context {
  kin_context* ctx = nullptr;
  Context() { kin_context_new(&ctx); }
  ~Context() { kin_context_free(ctx); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  operator kin_context*() const { return ctx; }
  std::string error() const { return kin_context_last_error(ctx); }
};

// Owns a handle of the C API.
template <typename T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  Owned() = default;
  ~Owned() { Free(p); }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  T** out() {
    Free(p);
    p = nullptr;
    return &p;
  }
  operator T*() const { return p; }
};

using Dataset = Owned<kin_dataset, kin_dataset_free>;
using Builder = Owned<kin_dataset_builder, kin_dataset_builder_free>;
using Diagnostics = Owned<kin_diagnostics, kin_diagnostics_free>;
using Rules = Owned<kin_rules, kin_rules_free>;
using Result = Owned<kin_result, kin_result_free>;

inline const char* sample_dir() { return KIN_SOURCE_DIR "/data/sample"; }

// The sample dataset, loaded once per test.
inline void load_sample(kin_context* ctx, Dataset& d) { kin_dataset_load(ctx, d.out(), nullptr, sample_dir()); }

// Index of a table and a column by name (SIZE_MAX when absent).
inline size_t table_index(kin_context* ctx, const kin_result* r, const char* name) {
  size_t at = static_cast<size_t>(-1);
  kin_result_find_table(ctx, &at, r, name);
  return at;
}
inline size_t column_index(kin_context* ctx, const kin_result* r, size_t table, const char* name) {
  size_t at = static_cast<size_t>(-1);
  kin_result_find_column(ctx, &at, r, table, name);
  return at;
}

// A number column read whole.
inline std::vector<double> numbers(kin_context* ctx, const kin_result* r, size_t table, size_t column) {
  std::vector<double> v(kin_result_rows(r, table));
  size_t needed = 0;
  kin_result_numbers(ctx, v.data(), v.size(), &needed, r, table, column);
  return v;
}

}  // namespace capi_test
