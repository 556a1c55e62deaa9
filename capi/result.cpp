// Reading result tables.
#include <cstring>

#include "handle.hpp"

using kinerja_capi::fail;
using kinerja_capi::guard;
using kinerja_capi::require;

namespace {

const kinerja::Table* table_at(const kin_result* result, size_t table) {
  if (result == nullptr || table >= result->tables.size()) return nullptr;
  return &result->tables[table];
}

const kinerja::Column* column_at(const kin_result* result, size_t table, size_t column) {
  const kinerja::Table* t = table_at(result, table);
  if (t == nullptr || column >= t->columns.size()) return nullptr;
  return &t->columns[column];
}

// The column, or a failure naming what is wrong.
const kinerja::Column& checked_column(const kin_result* result, size_t table, size_t column) {
  require(result, "result");
  if (table >= result->tables.size()) {
    fail(KIN_ERANGE, "table " + std::to_string(table) + " of " + std::to_string(result->tables.size()));
  }
  const kinerja::Table& t = result->tables[table];
  if (column >= t.columns.size()) {
    fail(KIN_ERANGE, "column " + std::to_string(column) + " of " + std::to_string(t.columns.size()) + " in " + t.name);
  }
  return t.columns[column];
}

}  // namespace

extern "C" {

void kin_result_free(kin_result* result) { delete result; }

size_t kin_result_table_count(const kin_result* result) { return result == nullptr ? 0 : result->tables.size(); }

const char* kin_result_table_name(const kin_result* result, size_t table) {
  const kinerja::Table* t = table_at(result, table);
  return t == nullptr ? nullptr : t->name.c_str();
}

int kin_result_find_table(kin_context* ctx, size_t* out, const kin_result* result, const char* name) {
  return guard(ctx, [&] {
    require(out, "out");
    require(result, "result");
    require(name, "name");
    for (size_t k = 0; k < result->tables.size(); ++k) {
      if (result->tables[k].name == name) {
        *out = k;
        return;
      }
    }
    fail(KIN_ENOTFOUND, std::string("no table '") + name + "' in the result");
  });
}

size_t kin_result_rows(const kin_result* result, size_t table) {
  const kinerja::Table* t = table_at(result, table);
  return t == nullptr ? 0 : t->rows;
}

size_t kin_result_columns(const kin_result* result, size_t table) {
  const kinerja::Table* t = table_at(result, table);
  return t == nullptr ? 0 : t->columns.size();
}

const char* kin_result_column_name(const kin_result* result, size_t table, size_t column) {
  const kinerja::Column* c = column_at(result, table, column);
  return c == nullptr ? nullptr : c->name.c_str();
}

int kin_result_column_type(const kin_result* result, size_t table, size_t column) {
  const kinerja::Column* c = column_at(result, table, column);
  if (c == nullptr) return 0;
  switch (c->type) {
    case kinerja::ColumnType::Text: return KIN_COLUMN_TEXT;
    case kinerja::ColumnType::Number: return KIN_COLUMN_NUMBER;
    case kinerja::ColumnType::Integer: return KIN_COLUMN_INTEGER;
  }
  return 0;
}

int kin_result_find_column(kin_context* ctx, size_t* out, const kin_result* result, size_t table, const char* name) {
  return guard(ctx, [&] {
    require(out, "out");
    require(result, "result");
    require(name, "name");
    const kinerja::Table* t = table_at(result, table);
    if (t == nullptr) fail(KIN_ERANGE, "table " + std::to_string(table) + " of " + std::to_string(result->tables.size()));
    for (size_t k = 0; k < t->columns.size(); ++k) {
      if (t->columns[k].name == name) {
        *out = k;
        return;
      }
    }
    fail(KIN_ENOTFOUND, std::string("no column '") + name + "' in " + t->name);
  });
}

int kin_result_numbers(kin_context* ctx, double* out, size_t capacity, size_t* needed, const kin_result* result,
                       size_t table, size_t column) {
  return guard(ctx, [&] {
    const kinerja::Column& c = checked_column(result, table, column);
    if (c.type == kinerja::ColumnType::Text) fail(KIN_ESTATE, "column " + c.name + " holds text, not numbers");
    kinerja_capi::fill_buffer(out, capacity, needed, c.size(), [&](double* values) {
      if (c.type == kinerja::ColumnType::Number) {
        std::copy(c.numbers.begin(), c.numbers.end(), values);
      } else {
        for (size_t r = 0; r < c.size(); ++r) {
          values[r] = c.present[r] != 0 ? static_cast<double>(c.integers[r]) : std::numeric_limits<double>::quiet_NaN();
        }
      }
    });
  });
}

int kin_result_integers(kin_context* ctx, int64_t* out, size_t capacity, size_t* needed, const kin_result* result,
                        size_t table, size_t column) {
  return guard(ctx, [&] {
    const kinerja::Column& c = checked_column(result, table, column);
    if (c.type != kinerja::ColumnType::Integer) fail(KIN_ESTATE, "column " + c.name + " does not hold integers");
    kinerja_capi::fill_buffer(out, capacity, needed, c.size(),
                              [&](int64_t* values) { std::copy(c.integers.begin(), c.integers.end(), values); });
  });
}

int kin_result_present(kin_context* ctx, uint8_t* out, size_t capacity, size_t* needed, const kin_result* result,
                       size_t table, size_t column) {
  return guard(ctx, [&] {
    const kinerja::Column& c = checked_column(result, table, column);
    kinerja_capi::fill_buffer(out, capacity, needed, c.size(),
                              [&](uint8_t* values) { std::copy(c.present.begin(), c.present.end(), values); });
  });
}

const char* kin_result_text(const kin_result* result, size_t table, size_t column, size_t row) {
  const kinerja::Column* c = column_at(result, table, column);
  if (c == nullptr || c->type != kinerja::ColumnType::Text || row >= c->size() || c->present[row] == 0) return nullptr;
  return c->texts[row].c_str();
}

int kin_result_texts(kin_context* ctx, char* bytes, size_t bytes_capacity, size_t* bytes_needed, uint64_t* offsets,
                     size_t offsets_capacity, size_t* offsets_needed, const kin_result* result, size_t table,
                     size_t column) {
  return guard(ctx, [&] {
    const kinerja::Column& c = checked_column(result, table, column);
    if (c.type != kinerja::ColumnType::Text) fail(KIN_ESTATE, "column " + c.name + " does not hold text");
    size_t total = 0;
    for (const std::string& s : c.texts) total += s.size();
    if (bytes_needed != nullptr) *bytes_needed = total;
    if (offsets_needed != nullptr) *offsets_needed = c.size() + 1;
    if (bytes_capacity < total || offsets_capacity < c.size() + 1) {
      fail(KIN_EBUFS, "the column needs " + std::to_string(total) + " bytes and " + std::to_string(c.size() + 1) +
                          " offsets");
    }
    if (total > 0) require(bytes, "bytes");
    require(offsets, "offsets");
    uint64_t at = 0;
    for (size_t r = 0; r < c.size(); ++r) {
      offsets[r] = at;
      std::memcpy(bytes + at, c.texts[r].data(), c.texts[r].size());
      at += c.texts[r].size();
    }
    offsets[c.size()] = at;
  });
}

}  // extern "C"
