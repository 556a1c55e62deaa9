// Datasets: loading a folder, building one from memory, and their diagnostics.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>

#include "handle.hpp"
#include "kinerja/load.hpp"

namespace kinerja_capi {
namespace {

constexpr std::string_view tables[] = {"units",   "employees", "indicators",  "realizations",
                                       "ratings", "feedback",  "org_ratings", "surveys"};

// "units" or "units.csv" -> "units.csv"; fails with KIN_EINVAL for other names.
std::string file_of(const char* table) {
  require(table, "table");
  std::string_view name(table);
  if (name.size() > 4 && name.substr(name.size() - 4) == ".csv") name.remove_suffix(4);
  if (std::find(std::begin(tables), std::end(tables), name) == std::end(tables)) {
    fail(KIN_EINVAL, "unknown table '" + std::string(table) +
                         "' (units, employees, indicators, realizations, ratings, feedback, org_ratings, surveys)");
  }
  return std::string(name) + ".csv";
}

std::size_t rows_of(const kinerja::Dataset& d, std::string_view file) {
  if (file == "units.csv") return d.units.size();
  if (file == "employees.csv") return d.employees.size();
  if (file == "indicators.csv") return d.indicators.size();
  if (file == "realizations.csv") return d.realizations.size();
  if (file == "ratings.csv") return d.ratings.size();
  if (file == "feedback.csv") return d.feedback.size();
  if (file == "org_ratings.csv") return d.org_ratings.size();
  return d.surveys.size();
}

// One CSV field, quoted when it holds a delimiter, a quote or a line end.
void append_field(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (k > 0) out += ',';
    append_field(out, fields[k]);
  }
  out += '\n';
}

kin_dataset_builder::Table& table_for(kin_dataset_builder* builder, const char* table,
                                      kin_dataset_builder::Table::Mode mode) {
  kin_dataset_builder::Table& t = builder->tables[file_of(table)];
  if (t.mode != kin_dataset_builder::Table::Mode::Unset && t.mode != mode) {
    fail(KIN_ESTATE, std::string("table ") + table + " is filled by " +
                         (t.mode == kin_dataset_builder::Table::Mode::Rows ? "rows" : "columns") +
                         "; a table takes rows or columns, not both");
  }
  return t;
}

// Sets one column of a table filled by columns.
void set_column(kin_dataset_builder* builder, const char* table, const char* column, std::vector<std::string> cells) {
  require(builder, "builder");
  require(column, "column");
  if (*column == '\0') fail(KIN_EINVAL, "the column name is empty");
  kin_dataset_builder::Table& t = table_for(builder, table, kin_dataset_builder::Table::Mode::Columns);
  t.mode = kin_dataset_builder::Table::Mode::Columns;
  const auto at = std::find(t.names.begin(), t.names.end(), column);
  if (at == t.names.end()) {
    t.names.emplace_back(column);
    t.columns.push_back(std::move(cells));
  } else {
    t.columns[static_cast<std::size_t>(at - t.names.begin())] = std::move(cells);
  }
}

// The dataset of a loader run, or KIN_EDATA with the diagnostics.
void finish(kin_dataset** out, kin_diagnostics** diagnostics_out, kinerja::Dataset dataset,
            const kinerja::Diagnostics& diagnostics) {
  if (diagnostics_out != nullptr) *diagnostics_out = make_diagnostics(diagnostics).release();
  if (diagnostics.has_errors()) {
    std::string first;
    for (const kinerja::Diagnostic& d : diagnostics.items()) {
      if (d.severity == kinerja::Severity::Error) {
        first = d.to_string();
        break;
      }
    }
    fail(KIN_EDATA, "the dataset has " + std::to_string(diagnostics.error_count()) + " errors; the first: " + first);
  }
  *out = new kin_dataset{std::move(dataset)};
}

}  // namespace

std::unique_ptr<kin_diagnostics> make_diagnostics(const kinerja::Diagnostics& diagnostics) {
  auto out = std::make_unique<kin_diagnostics>();
  for (const kinerja::Diagnostic& d : diagnostics.items()) {
    out->messages.push_back(d.to_string());
    out->is_error.push_back(d.severity == kinerja::Severity::Error ? 1 : 0);
  }
  out->errors = diagnostics.error_count();
  out->dropped = diagnostics.dropped();
  return out;
}

}  // namespace kinerja_capi

using kinerja_capi::fail;
using kinerja_capi::guard;
using kinerja_capi::require;

extern "C" {

int kin_dataset_load(kin_context* ctx, kin_dataset** out, kin_diagnostics** diagnostics_out, const char* folder) {
  if (out != nullptr) *out = nullptr;
  if (diagnostics_out != nullptr) *diagnostics_out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    require(folder, "folder");
    kinerja::Diagnostics diagnostics;
    kinerja::Dataset dataset = kinerja::load_dataset(folder, diagnostics);
    kinerja_capi::finish(out, diagnostics_out, std::move(dataset), diagnostics);
  });
}

void kin_dataset_free(kin_dataset* dataset) { delete dataset; }

size_t kin_dataset_rows(const kin_dataset* dataset, const char* table) {
  if (dataset == nullptr || table == nullptr) return 0;
  try {
    return kinerja_capi::rows_of(dataset->dataset, kinerja_capi::file_of(table));
  } catch (...) {
    return 0;
  }
}

int kin_dataset_builder_new(kin_context* ctx, kin_dataset_builder** out) {
  if (out != nullptr) *out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    *out = new kin_dataset_builder();
  });
}

void kin_dataset_builder_free(kin_dataset_builder* builder) { delete builder; }

int kin_dataset_builder_set_columns(kin_context* ctx, kin_dataset_builder* builder, const char* table,
                                    const char* const* names, size_t count) {
  return guard(ctx, [&] {
    require(builder, "builder");
    require(names, "names");
    if (count == 0) fail(KIN_EINVAL, "a table needs at least one column");
    std::vector<std::string> list;
    for (size_t k = 0; k < count; ++k) {
      if (names[k] == nullptr || *names[k] == '\0') fail(KIN_EINVAL, "column name " + std::to_string(k) + " is empty");
      if (std::find(list.begin(), list.end(), names[k]) != list.end()) {
        fail(KIN_EINVAL, std::string("column '") + names[k] + "' is named twice");
      }
      list.emplace_back(names[k]);
    }
    kin_dataset_builder::Table& t = kinerja_capi::table_for(builder, table, kin_dataset_builder::Table::Mode::Rows);
    t.mode = kin_dataset_builder::Table::Mode::Rows;
    t.names = std::move(list);
    t.rows.clear();
    t.row_count = 0;
  });
}

int kin_dataset_builder_add_row(kin_context* ctx, kin_dataset_builder* builder, const char* table,
                                const char* const* fields, size_t count) {
  return guard(ctx, [&] {
    require(builder, "builder");
    if (count > 0) require(fields, "fields");
    kin_dataset_builder::Table& t = kinerja_capi::table_for(builder, table, kin_dataset_builder::Table::Mode::Rows);
    if (t.mode != kin_dataset_builder::Table::Mode::Rows) {
      fail(KIN_ESTATE, std::string("table ") + table + " has no columns yet: call kin_dataset_builder_set_columns");
    }
    if (count != t.names.size()) {
      fail(KIN_EINVAL, "row " + std::to_string(t.row_count + 1) + " of " + table + " has " + std::to_string(count) +
                           " fields; the table has " + std::to_string(t.names.size()) + " columns");
    }
    std::string record;
    for (size_t k = 0; k < count; ++k) {
      if (k > 0) record += ',';
      kinerja_capi::append_field(record, fields[k] == nullptr ? std::string_view() : std::string_view(fields[k]));
    }
    record += '\n';
    t.rows += record;
    ++t.row_count;
  });
}

int kin_dataset_builder_set_column_text(kin_context* ctx, kin_dataset_builder* builder, const char* table,
                                        const char* column, const char* const* values, size_t rows) {
  return guard(ctx, [&] {
    if (rows > 0) require(values, "values");
    std::vector<std::string> cells(rows);
    for (size_t r = 0; r < rows; ++r) {
      if (values[r] != nullptr) cells[r] = values[r];
    }
    kinerja_capi::set_column(builder, table, column, std::move(cells));
  });
}

int kin_dataset_builder_set_column_double(kin_context* ctx, kin_dataset_builder* builder, const char* table,
                                          const char* column, const double* values, size_t rows) {
  return guard(ctx, [&] {
    if (rows > 0) require(values, "values");
    std::vector<std::string> cells(rows);
    for (size_t r = 0; r < rows; ++r) {
      const double v = values[r];
      if (std::isnan(v)) continue;
      if (std::isinf(v)) {
        fail(KIN_EINVAL, std::string("value ") + std::to_string(r) + " of column " + (column ? column : "") +
                             " is infinite");
      }
      char text[32];
      const std::to_chars_result written = std::to_chars(text, text + sizeof text, v);  // shortest exact form
      cells[r].assign(text, written.ptr);
    }
    kinerja_capi::set_column(builder, table, column, std::move(cells));
  });
}

int kin_dataset_builder_set_column_int64(kin_context* ctx, kin_dataset_builder* builder, const char* table,
                                         const char* column, const int64_t* values, size_t rows) {
  return guard(ctx, [&] {
    if (rows > 0) require(values, "values");
    std::vector<std::string> cells(rows);
    for (size_t r = 0; r < rows; ++r) cells[r] = std::to_string(values[r]);
    kinerja_capi::set_column(builder, table, column, std::move(cells));
  });
}

int kin_dataset_builder_build(kin_context* ctx, kin_dataset** out, kin_diagnostics** diagnostics_out,
                              const kin_dataset_builder* builder) {
  if (out != nullptr) *out = nullptr;
  if (diagnostics_out != nullptr) *diagnostics_out = nullptr;
  return guard(ctx, [&] {
    require(out, "out");
    require(builder, "builder");
    std::map<std::string, std::string> files;
    for (const auto& [file, t] : builder->tables) {
      if (t.mode == kin_dataset_builder::Table::Mode::Unset) continue;
      std::string& text = files[file];
      kinerja_capi::append_record(text, t.names);
      if (t.mode == kin_dataset_builder::Table::Mode::Rows) {
        text += t.rows;
        continue;
      }
      const std::size_t rows = t.columns.front().size();
      for (std::size_t c = 1; c < t.columns.size(); ++c) {
        if (t.columns[c].size() != rows) {
          fail(KIN_EINVAL, "columns of " + file + " differ in length: " + t.names[0] + " has " + std::to_string(rows) +
                               " values, " + t.names[c] + " " + std::to_string(t.columns[c].size()));
        }
      }
      std::vector<std::string> record(t.columns.size());
      for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < t.columns.size(); ++c) record[c] = t.columns[c][r];
        kinerja_capi::append_record(text, record);
      }
    }
    kinerja::Diagnostics diagnostics;
    kinerja::Dataset dataset = kinerja::load_dataset_from_memory(files, diagnostics);
    kinerja_capi::finish(out, diagnostics_out, std::move(dataset), diagnostics);
  });
}

size_t kin_diagnostics_count(const kin_diagnostics* diagnostics) {
  return diagnostics == nullptr ? 0 : diagnostics->messages.size();
}

size_t kin_diagnostics_errors(const kin_diagnostics* diagnostics) {
  return diagnostics == nullptr ? 0 : diagnostics->errors;
}

size_t kin_diagnostics_dropped(const kin_diagnostics* diagnostics) {
  return diagnostics == nullptr ? 0 : diagnostics->dropped;
}

const char* kin_diagnostics_message(const kin_diagnostics* diagnostics, size_t index) {
  if (diagnostics == nullptr || index >= diagnostics->messages.size()) return nullptr;
  return diagnostics->messages[index].c_str();
}

int kin_diagnostics_is_error(const kin_diagnostics* diagnostics, size_t index) {
  if (diagnostics == nullptr || index >= diagnostics->is_error.size()) return 0;
  return diagnostics->is_error[index];
}

void kin_diagnostics_free(kin_diagnostics* diagnostics) { delete diagnostics; }

}  // extern "C"
