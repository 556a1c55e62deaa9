// Loads a dataset folder: one streaming pass per file, checking every field as it is read and
// every reference as soon as its target is known (docs/dataset-format.md lists the rules).
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <limits>
#include <map>
#include <numeric>
#include <tuple>

#include "core/text_util.hpp"
#include "dataset/graph.hpp"
#include "io/csv_reader.hpp"
#include "io/text.hpp"
#include "kinerja/load.hpp"

namespace kinerja {
inline namespace v1 {
namespace {

using detail::CsvReader;
using detail::printable;

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string join_path(const std::string& folder, const std::string& name) {
  if (folder.empty()) return name;
  if (folder.back() == '/') return folder + name;
  return folder + "/" + name;
}

std::string quote(std::string_view s) { return "'" + printable(s) + "'"; }

// The files of a dataset folder (docs/dataset-format.md).
const char* const dataset_file_names[] = {"units.csv",   "employees.csv", "indicators.csv",  "realizations.csv",
                                          "ratings.csv", "feedback.csv",  "org_ratings.csv", "surveys.csv"};

// One column of a table: its header name and whether the file must have it.
struct Column {
  const char* name;
  bool required;
};

// A CSV file seen as a table: maps the columns by header name and offers checked getters that
// report problems at the right FILE:LINE:COLUMN. Each getter returns false after reporting;
// the caller then leaves the row out of its table.
class TableReader {
 public:
  TableReader(CsvReader& csv, Diagnostics& diagnostics, std::initializer_list<Column> columns)
      : csv_(csv), diagnostics_(diagnostics) {
    ok_ = true;
    for (const Column& c : columns) {
      const int at = csv.column_of(c.name);
      index_.push_back(at);
      if (at < 0 && c.required) {
        diagnostics_.error({csv.file(), 1, 1}, std::string("missing required column '") + c.name + "'");
        ok_ = false;
      }
    }
  }

  bool ok() const { return ok_; }

  // Reads the next row whose field count matches the header; reports and skips the others.
  bool next_row() {
    while (csv_.next()) {
      const std::size_t want = csv_.header().size();
      if (csv_.size() == want) return true;
      if (csv_.size() < want) {
        error_at(csv_.location(csv_.size()), "row has " + std::to_string(csv_.size()) + " fields, the header has " +
                                                 std::to_string(want) + "; row skipped");
      } else {
        error_at(csv_.location(want), "row has " + std::to_string(csv_.size()) + " fields, the header has " +
                                          std::to_string(want) + "; row skipped");
      }
    }
    return false;
  }

  bool present(int column) const { return index_[static_cast<std::size_t>(column)] >= 0; }
  // The trimmed field, or "" if the column is absent.
  std::string_view raw(int column) const {
    const int at = index_[static_cast<std::size_t>(column)];
    return at < 0 ? std::string_view() : detail::trim(csv_[static_cast<std::size_t>(at)]);
  }
  bool empty(int column) const { return raw(column).empty(); }

  SourceLocation at(int column, std::size_t offset = 0) const {
    const int idx = index_[static_cast<std::size_t>(column)];
    if (idx < 0) return {csv_.file(), csv_.line(), 1};
    // Offsets count from the trimmed text: add the leading spaces back.
    const std::string_view full = csv_[static_cast<std::size_t>(idx)];
    const std::size_t lead = static_cast<std::size_t>(raw(column).data() - full.data());
    // Convert a byte offset inside the field to characters.
    std::size_t chars = 0;
    const std::string_view field = full.substr(0, std::min(full.size(), lead + offset));
    for (char c : field) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return csv_.location(static_cast<std::size_t>(idx), chars);
  }
  SourceLocation row_location() const { return {csv_.file(), csv_.line(), 1}; }

  bool error(int column, const std::string& message, std::size_t offset = 0) {
    diagnostics_.error(at(column, offset), message);
    return false;
  }
  void warning(int column, const std::string& message) { diagnostics_.warning(at(column), message); }
  void error_at(SourceLocation where, std::string message) { diagnostics_.error(std::move(where), std::move(message)); }

  // Text that must be valid UTF-8 (ids, names). `required` fields must not be empty.
  bool text(int column, std::string_view& out, bool required = false) {
    out = raw(column);
    if (out.empty()) {
      if (required) return error(column, std::string("required field '") + name(column) + "' is empty");
      return true;
    }
    if (const std::size_t bad = detail::find_invalid_utf8(out); bad != std::string_view::npos) {
      return error(column,
                   "invalid UTF-8 in '" + std::string(name(column)) + "' (is the file saved in another encoding?)",
                   bad);
    }
    return true;
  }

  bool number(int column, double& out) {
    const char* why = detail::parse_number(raw(column), csv_.decimal_comma(), out);
    if (why == nullptr) return true;
    return error(column, std::string(why) + " in '" + name(column) + "': " + quote(raw(column)));
  }

  // An optional number: NaN when empty.
  bool optional_number(int column, double& out) {
    if (empty(column)) {
      out = std::numeric_limits<double>::quiet_NaN();
      return true;
    }
    return number(column, out);
  }

  bool period(int column, Period& out) {
    if (empty(column)) return error(column, std::string("required field '") + name(column) + "' is empty");
    std::string why;
    if (auto p = Period::try_parse(raw(column), &why)) {
      out = *p;
      return true;
    }
    return error(column, why);
  }

  bool flag(int column, std::uint8_t& out) {
    const std::string_view v = raw(column);
    if (v.empty() || v == "0") {
      out = 0;
      return true;
    }
    if (v == "1") {
      out = 1;
      return true;
    }
    return error(column, std::string("'") + name(column) + "' must be 1, 0 or empty, found " + quote(v));
  }

  // A vocabulary value via its parse function; `fallback` when empty (unless required).
  template <typename Enum>
  bool vocabulary(int column, Enum& out, std::optional<Enum> (*parse)(std::string_view) noexcept, Enum fallback,
                  const char* allowed) {
    const std::string_view v = raw(column);
    if (v.empty()) {
      out = fallback;
      return true;
    }
    if (auto e = parse(v)) {
      out = *e;
      return true;
    }
    return error(column, "unknown " + std::string(name(column)) + " " + quote(v) + " (expected " + allowed + ")");
  }

  const char* name(int column) const { return names_[static_cast<std::size_t>(column)]; }
  void set_names(std::initializer_list<const char*> names) { names_.assign(names); }
  const std::string& file() const { return csv_.file(); }
  std::uint32_t line() const { return csv_.line(); }
  /// Rows the whole file will have, extrapolated from the bytes read for `rows_so_far`.
  std::size_t estimated_rows(std::size_t rows_so_far) const { return csv_.estimated_records(rows_so_far); }

 private:
  CsvReader& csv_;
  Diagnostics& diagnostics_;
  std::vector<int> index_;
  std::vector<const char*> names_;
  bool ok_ = false;
};

// A reference whose target row did not exist yet when it was read (a forward reference inside
// the same file). Resolved at the end of the file.
struct PendingReference {
  Index row;
  SourceLocation where;
  std::string id;
};

// Report every row whose key equals an earlier row's key. `less` and `same` compare rows.
template <typename Less, typename Same, typename Report>
void report_duplicates(std::size_t rows, Less less, Same same, Report report) {
  std::vector<Index> order(rows);
  std::iota(order.begin(), order.end(), Index{0});
  std::stable_sort(order.begin(), order.end(), less);
  for (std::size_t i = 1; i < order.size(); ++i) {
    if (same(order[i - 1], order[i])) {
      // Find the first row of this run: stable sort keeps file order.
      std::size_t first = i - 1;
      while (first > 0 && same(order[first - 1], order[i])) --first;
      report(order[i], order[first]);
    }
  }
}

class Loader {
 public:
  Loader(const std::string& folder, Diagnostics& diagnostics, const LoadOptions& options)
      : folder_(folder), diagnostics_(diagnostics), options_(options) {}
  // Files given in memory, by name ("units.csv"): absent names are absent files.
  Loader(const std::map<std::string, std::string>& files, Diagnostics& diagnostics, const LoadOptions& options)
      : files_(&files), diagnostics_(diagnostics), options_(options) {}

  Dataset run() {
    Dataset d;
    d.folder = folder_;
    load_units(d);
    if (!load_employees(d)) return d;
    load_indicators(d);
    load_realizations(d);
    d.realizations.build_index(d.indicators.size());
    load_ratings(d);
    load_feedback(d);
    load_org_ratings(d);
    load_surveys(d);
    return d;
  }

 private:
  // Opens `name` in the folder; false when absent (reported only if required).
  bool open(CsvReader& csv, TableSource& source, bool required) {
    source.file = csv.file();
    const bool exists = files_ != nullptr ? files_->count(file_name(csv)) > 0
                                          : is_regular_file(join_path(folder_, file_name(csv)));
    if (!exists) {
      if (required) diagnostics_.error({csv.file(), 0, 0}, "required file is missing");
      return false;
    }
    if (!csv.open()) {
      diagnostics_.error({csv.file(), 0, 0}, std::string("cannot open: ") + std::strerror(errno));
      return false;
    }
    source.present = true;
    return csv.read_header();
  }

  static std::string file_name(const CsvReader& csv) {
    const std::string& f = csv.file();
    const auto slash = f.find_last_of('/');
    return slash == std::string::npos ? f : f.substr(slash + 1);
  }

  CsvReader reader(const char* name) {
    if (files_ != nullptr) {
      const auto it = files_->find(name);
      return CsvReader(it == files_->end() ? &no_contents_ : &it->second, name, diagnostics_, options_.max_record_bytes);
    }
    const std::string path = join_path(folder_, name);
    return CsvReader(path, path, diagnostics_, options_.max_record_bytes);
  }

  void duplicate_id(TableReader& t, int column, std::string_view kind, std::string_view id, std::uint32_t first_line) {
    t.error(column, "duplicate " + std::string(kind) + " " + quote(id) + " (first defined on line " +
                        std::to_string(first_line) + ")");
  }

  // Resolves a reference to a row of `pool`; unknown ids are reported (distinguishing ids whose
  // own row was rejected) and give false.
  bool resolve(TableReader& t, int column, const IdPool& pool, const IdPool& rejected, std::string_view target_file,
               Index& out) {
    const std::string_view id = t.raw(column);
    out = pool.find(id);
    if (out != no_index) return true;
    if (rejected.find(id) != no_index) {
      return t.error(column, std::string(t.name(column)) + " " + quote(id) + " refers to a row of " +
                                 std::string(target_file) + " that has errors");
    }
    return t.error(column, "unknown " + std::string(t.name(column)) + " " + quote(id) + " (not in " +
                               std::string(target_file) + ")");
  }

  // Resolves forward references at the end of a file and reports cycles through `parent`.
  void finish_parent_links(DataColumn<Index>& parent, const IdPool& pool, const IdPool& rejected,
                           std::vector<PendingReference>& pending, std::string_view what, std::string_view target_file,
                           const std::function<std::string(Index)>& describe) {
    for (PendingReference& p : pending) {
      const Index target = pool.find(p.id);
      if (target != no_index) {
        parent[p.row] = target;
      } else if (rejected.find(p.id) != no_index) {
        diagnostics_.error(p.where, std::string(what) + " " + quote(p.id) + " refers to a row of " +
                                        std::string(target_file) + " that has errors");
      } else {
        diagnostics_.error(p.where,
                           "unknown " + std::string(what) + " " + quote(p.id) + " (not in " + std::string(target_file) + ")");
      }
    }
    // Only a forward reference can close a cycle, so every cycle has a pending member.
    for (const auto& cycle : detail::find_parent_cycles(parent)) {
      const PendingReference* at = nullptr;
      for (Index row : cycle) {
        auto it = std::lower_bound(pending.begin(), pending.end(), row,
                                   [](const PendingReference& p, Index r) { return p.row < r; });
        if (it != pending.end() && it->row == row) {
          at = &*it;
          break;
        }
      }
      std::string chain;
      for (Index row : cycle) chain += describe(row) + " -> ";
      chain += describe(cycle.front());
      diagnostics_.error(at ? at->where : SourceLocation{std::string(target_file), 0, 0},
                         std::string(what) + " links form a cycle: " + chain);
      for (Index row : cycle) parent[row] = no_index;  // break it, so later code never loops
    }
  }

  // ---------------------------------------------------------------- units.csv
  void load_units(Dataset& d) {
    CsvReader csv = reader("units.csv");
    UnitTable& u = d.units;
    if (!open(csv, u.source, false)) return;
    enum { UnitId, Name, ParentId, AgencyId };
    TableReader t(csv, diagnostics_, {{"unit_id", true}, {"name", false}, {"parent_id", false}, {"agency_id", false}});
    t.set_names({"unit_id", "name", "parent_id", "agency_id"});
    if (!t.ok()) return;
    std::vector<PendingReference> pending;
    while (t.next_row()) {
      std::string_view id, name, parent, agency;
      bool ok = t.text(UnitId, id, true) & t.text(Name, name) & t.text(ParentId, parent) & t.text(AgencyId, agency);
      if (ok && !parent.empty() && parent == id) ok = t.error(ParentId, "unit " + quote(id) + " is its own parent");
      if (!ok) {
        if (!id.empty()) rejected_units_.insert(id);
        continue;
      }
      const auto [row, added] = u.ids.insert(id);
      if (!added) {
        duplicate_id(t, UnitId, "unit_id", id, u.source.lines.line(row));
        continue;
      }
      u.name.push_back(name);
      Index parent_row = no_index;
      if (!parent.empty()) {
        parent_row = u.ids.find(parent);
        if (parent_row == no_index) pending.push_back({row, t.at(ParentId), std::string(parent)});
      }
      u.parent.push_back(parent_row);
      u.agency.push_back(agency.empty() ? no_index : u.agencies.insert(agency).first);
      u.source.lines.push_back(t.line());
    }
    finish_parent_links(u.parent, u.ids, rejected_units_, pending, "parent_id", "units.csv",
                        [&](Index r) { return std::string(u.ids[r]); });
  }

  // ---------------------------------------------------------------- employees.csv
  bool load_employees(Dataset& d) {
    CsvReader csv = reader("employees.csv");
    EmployeeTable& e = d.employees;
    UnitTable& units = d.units;
    if (!open(csv, e.source, true)) return false;
    enum { Nip, Name, UnitId, RaterNip, Status, GradeCol, PositionCol };
    TableReader t(csv, diagnostics_,
                  {{"nip", true}, {"name", false}, {"unit_id", true}, {"rater_nip", false}, {"status", false},
                   {"grade", false}, {"position", false}});
    t.set_names({"nip", "name", "unit_id", "rater_nip", "status", "grade", "position"});
    if (!t.ok()) return false;
    const bool implicit_units = !units.source.present;
    std::vector<PendingReference> pending;
    while (t.next_row()) {
      std::string_view nip_text, name, unit_id, rater;
      bool ok = t.text(Nip, nip_text, true) & t.text(Name, name) & t.text(UnitId, unit_id, true) &
                t.text(RaterNip, rater);
      NipCheck nip;
      if (!nip_text.empty()) {
        nip = check_nip(nip_text);
        if (!nip.nip) {
          ok = t.error(Nip, "invalid NIP " + quote(nip_text) + ": " + nip.problem, nip.problem_at);
        } else if (!nip.warning.empty() && options_.warn_on_nip_soft_checks) {
          t.warning(Nip, "NIP " + quote(nip_text) + ": " + nip.warning);
        }
      }
      if (!rater.empty()) {
        const NipCheck rc = check_nip(rater);
        if (!rc.nip) ok = t.error(RaterNip, "invalid rater NIP " + quote(rater) + ": " + rc.problem, rc.problem_at);
        if (rater == nip_text) ok = t.error(RaterNip, "employee " + quote(nip_text) + " is their own rater");
      }
      EmploymentStatus status = nip.nip ? nip.nip->status : EmploymentStatus::Pns;
      if (!t.empty(Status)) {
        if (auto s = parse_employment_status(t.raw(Status))) {
          if (nip.nip && *s != nip.nip->status) {
            ok = t.error(Status, "status " + quote(t.raw(Status)) + " contradicts the NIP, which is a " +
                                     std::string(to_string(nip.nip->status)) + " NIP");
          } else {
            status = *s;  // on a contradiction the NIP wins, so the grade is checked against it
          }
        } else {
          ok = t.error(Status, "unknown status " + quote(t.raw(Status)) + " (expected pns or pppk)");
        }
      }
      Grade grade;
      if (!t.empty(GradeCol)) {
        if (auto g = Grade::parse(t.raw(GradeCol))) {
          grade = *g;
          if (grade.scheme() != status) {
            ok = t.error(GradeCol, "grade " + quote(t.raw(GradeCol)) + " is a " + std::string(to_string(grade.scheme())) +
                                       " grade but the employee is " + std::string(to_string(status)));
          }
        } else {
          ok = t.error(GradeCol, "unknown grade " + quote(t.raw(GradeCol)) +
                                     " (expected PNS I/a .. IV/e or PPPK I .. XVII)");
        }
      }
      Position position = Position::Unknown;
      ok &= t.vocabulary(PositionCol, position, parse_position, Position::Unknown,
                         "jpt_utama, jpt_madya, jpt_pratama, administrator, pengawas, pelaksana or fungsional");
      Index unit = no_index;
      if (!unit_id.empty()) {
        if (implicit_units) {
          unit = units.ids.insert(unit_id).first;
          if (unit == units.parent.size()) {
            units.name.push_back({});
            units.parent.push_back(no_index);
            units.agency.push_back(no_index);
          }
        } else {
          ok &= resolve(t, UnitId, units.ids, rejected_units_, "units.csv", unit);
        }
      }
      if (!ok) {
        if (!nip_text.empty()) rejected_employees_.insert(nip_text);
        continue;
      }
      const auto [row, added] = e.nips.insert(nip_text);
      if (!added) {
        duplicate_id(t, Nip, "nip", nip_text, e.source.lines.line(row));
        continue;
      }
      Index rater_row = no_index;
      if (!rater.empty()) {
        rater_row = e.nips.find(rater);
        if (rater_row == no_index) pending.push_back({row, t.at(RaterNip), std::string(rater)});
      }
      e.name.push_back(name);
      e.unit.push_back(unit);
      e.rater.push_back(rater_row);
      e.status.push_back(status);
      e.grade.push_back(grade);
      e.position.push_back(position);
      e.source.lines.push_back(t.line());
    }
    finish_parent_links(e.rater, e.nips, rejected_employees_, pending, "rater_nip", "employees.csv",
                        [&](Index r) { return std::string(e.nips[r]); });
    return true;
  }

  // Reserves every column once, from the row count extrapolated after the first rows.
  static void reserve_indicators(IndicatorTable& t, std::size_t rows, std::uint64_t bytes_so_far) {
    const std::size_t id_chars = t.size() == 0 ? 0 : static_cast<std::size_t>(bytes_so_far / t.size() / 4) * rows;
    t.ids.reserve(rows, id_chars);
    t.owner_type.reserve(rows);
    t.owner.reserve(rows);
    t.year.reserve(rows);
    t.rhk.reserve(rows);
    t.kind.reserve(rows);
    t.aspect.reserve(rows);
    t.unit_of_measure.reserve(rows);
    t.polarity.reserve(rows);
    t.target.reserve(rows);
    t.target_upper.reserve(rows);
    t.weight.reserve(rows);
    t.accumulation.reserve(rows);
    t.parent.reserve(rows);
    t.target_is_max.reserve(rows);
  }

  // ---------------------------------------------------------------- indicators.csv
  void load_indicators(Dataset& d) {
    CsvReader csv = reader("indicators.csv");
    IndicatorTable& ind = d.indicators;
    if (!open(csv, ind.source, false)) return;
    enum {
      Id, OwnerTypeCol, OwnerId, Year, Name, RhkId, Kind, AspectCol, Uom, PolarityCol, Target, TargetUpper, Weight,
      AccumulationCol, ParentId, TargetIsMax
    };
    TableReader t(csv, diagnostics_,
                  {{"indicator_id", true}, {"owner_type", true}, {"owner_id", true}, {"year", true}, {"name", false},
                   {"rhk_id", false}, {"kind", false}, {"aspect", false}, {"unit_of_measure", false},
                   {"polarity", false}, {"target", true}, {"target_upper", false}, {"weight", false},
                   {"accumulation", false}, {"parent_id", false}, {"target_is_max", false}});
    t.set_names({"indicator_id", "owner_type", "owner_id", "year", "name", "rhk_id", "kind", "aspect",
                 "unit_of_measure", "polarity", "target", "target_upper", "weight", "accumulation", "parent_id",
                 "target_is_max"});
    if (!t.ok()) return;
    std::vector<PendingReference> pending;
    while (t.next_row()) {
      std::string_view id, owner_id, name, rhk, uom, parent;
      bool ok = t.text(Id, id, true) & t.text(OwnerId, owner_id, true) & t.text(Name, name) & t.text(RhkId, rhk) &
                t.text(Uom, uom) & t.text(ParentId, parent);
      OwnerType owner_type = OwnerType::Unit;
      if (t.empty(OwnerTypeCol)) {
        ok = t.error(OwnerTypeCol, "required field 'owner_type' is empty");
      } else {
        ok &= t.vocabulary(OwnerTypeCol, owner_type, parse_owner_type, OwnerType::Unit, "unit or employee");
      }
      int year = 0;
      {
        const std::string_view y = t.raw(Year);
        const bool digits = y.size() == 4 && std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits) year = std::stoi(std::string(y));
        if (!digits || year < Period::min_year || year > Period::max_year) {
          ok = t.error(Year, "year must be a four-digit year, found " + quote(y));
        }
      }
      IndicatorKind kind = IndicatorKind::Utama;
      Aspect aspect = Aspect::None;
      Polarity polarity = Polarity::Max;
      Accumulation accumulation = Accumulation::Last;
      ok &= t.vocabulary(Kind, kind, parse_indicator_kind, IndicatorKind::Utama, "utama or tambahan");
      ok &= t.vocabulary(AspectCol, aspect, parse_aspect, Aspect::None, "kuantitas, kualitas, waktu or biaya");
      ok &= t.vocabulary(PolarityCol, polarity, parse_polarity, Polarity::Max, "max, min, range, range_max or range_min");
      ok &= t.vocabulary(AccumulationCol, accumulation, parse_accumulation, Accumulation::Last,
                         "sum, last, mean, max or min");
      double target = 0, upper = 0, weight = 0;
      bool target_ok = !t.empty(Target) ? t.number(Target, target)
                                         : t.error(Target, "required field 'target' is empty");
      bool upper_ok = t.optional_number(TargetUpper, upper);
      ok &= target_ok & upper_ok & t.optional_number(Weight, weight);
      std::uint8_t target_is_max = 0;
      ok &= t.flag(TargetIsMax, target_is_max);
      if (target_ok) {
        if (has_target_range(polarity)) {
          if (target < 0) ok = t.error(Target, "the lower bound of a target range must not be negative, found " + quote(t.raw(Target)));
          if (upper_ok && std::isnan(upper)) {
            ok = t.error(TargetUpper, "polarity " + std::string(to_string(polarity)) +
                                          " needs 'target_upper' (the upper bound of the target range)");
          } else if (upper_ok && upper < target) {
            ok = t.error(TargetUpper, "target_upper " + quote(t.raw(TargetUpper)) + " is below target " +
                                          quote(t.raw(Target)));
          } else if (upper_ok && upper <= 0) {
            ok = t.error(TargetUpper, "target_upper must be > 0, found " + quote(t.raw(TargetUpper)));
          }
        } else {
          if (target <= 0) {
            ok = t.error(Target, "target must be > 0 for polarity " + std::string(to_string(polarity)) +
                                     " (capaian divides by the target), found " + quote(t.raw(Target)));
          }
          if (upper_ok && !std::isnan(upper)) {
            t.warning(TargetUpper, "target_upper is ignored for polarity " + std::string(to_string(polarity)));
          }
        }
      }
      if (!std::isnan(weight) && weight < 0) ok = t.error(Weight, "weight must be >= 0, found " + quote(t.raw(Weight)));
      Index owner = no_index;
      if (!owner_id.empty() && !t.empty(OwnerTypeCol) && parse_owner_type(t.raw(OwnerTypeCol))) {
        if (owner_type == OwnerType::Unit) {
          ok &= resolve(t, OwnerId, d.units.ids, rejected_units_, "units.csv", owner);
        } else {
          ok &= resolve(t, OwnerId, d.employees.nips, rejected_employees_, "employees.csv", owner);
        }
      }
      if (!parent.empty() && parent == id) ok = t.error(ParentId, "indicator " + quote(id) + " cascades from itself");
      if (!ok) {
        if (!id.empty()) rejected_indicators_.insert(id);
        continue;
      }
      if (ind.size() == 4096) reserve_indicators(ind, t.estimated_rows(ind.size()), csv.bytes_read());
      const auto [row, added] = ind.ids.insert(id);
      if (!added) {
        duplicate_id(t, Id, "indicator_id", id, ind.source.lines.line(row));
        continue;
      }
      Index parent_row = no_index;
      if (!parent.empty()) {
        parent_row = ind.ids.find(parent);
        if (parent_row == no_index) {
          pending.push_back({row, t.at(ParentId), std::string(parent)});
        } else if (ind.year[parent_row] != year) {
          t.warning(ParentId, "cascades from " + quote(parent) + " of year " + std::to_string(ind.year[parent_row]) +
                                  ", not " + std::to_string(year));
        }
      }
      ind.owner_type.push_back(owner_type);
      ind.owner.push_back(owner);
      ind.year.push_back(static_cast<std::int16_t>(year));
      ind.name.push_back(name);
      ind.rhk.push_back(rhk.empty() ? no_index : ind.rhks.insert(rhk).first);
      ind.kind.push_back(kind);
      ind.aspect.push_back(aspect);
      ind.unit_of_measure.push_back(uom.empty() ? no_index : ind.units_of_measure.insert(uom).first);
      ind.polarity.push_back(polarity);
      ind.target.push_back(target);
      ind.target_upper.push_back(has_target_range(polarity) ? upper : std::numeric_limits<double>::quiet_NaN());
      ind.weight.push_back(weight);
      ind.accumulation.push_back(accumulation);
      ind.parent.push_back(parent_row);
      ind.target_is_max.push_back(target_is_max);
      ind.source.lines.push_back(t.line());
    }
    finish_parent_links(ind.parent, ind.ids, rejected_indicators_, pending, "parent_id", "indicators.csv",
                        [&](Index r) { return std::string(ind.ids[r]); });
  }

  // ---------------------------------------------------------------- realizations.csv
  void load_realizations(Dataset& d) {
    CsvReader csv = reader("realizations.csv");
    RealizationTable& r = d.realizations;
    const IndicatorTable& ind = d.indicators;
    if (!open(csv, r.source, false)) return;
    enum { IndicatorId, PeriodCol, Value };
    TableReader t(csv, diagnostics_, {{"indicator_id", true}, {"period", true}, {"value", true}});
    t.set_names({"indicator_id", "period", "value"});
    if (!t.ok()) return;
    // Per indicator: the last period key seen. Files are usually sorted by indicator and
    // period, so a strictly increasing key proves there is no duplicate; only indicators whose
    // rows come out of order are checked again at the end.
    std::vector<std::uint32_t> last_key(ind.size(), 0);
    std::vector<std::uint8_t> state(ind.size(), 0);  // bit 0: out of order; bit 1: mixed kinds warned
    std::string_view last_id;
    std::string last_id_storage;
    Index last_row = no_index;
    while (t.next_row()) {
      const std::string_view id = t.raw(IndicatorId);
      Index row;
      bool ok = true;
      if (last_row != no_index && id == last_id) {
        row = last_row;  // consecutive rows of the same indicator: skip the hash lookup
      } else if (id.empty()) {
        row = no_index;
        ok = t.error(IndicatorId, "required field 'indicator_id' is empty");
      } else if (resolve(t, IndicatorId, ind.ids, rejected_indicators_, "indicators.csv", row)) {
        last_id_storage.assign(id);
        last_id = last_id_storage;
        last_row = row;
      } else {
        ok = false;
      }
      Period period;
      double value = 0;
      const bool period_ok = t.period(PeriodCol, period);
      ok &= period_ok;
      ok &= t.empty(Value) ? t.error(Value, "required field 'value' is empty") : t.number(Value, value);
      if (period_ok && row != no_index && period.year() != ind.year[row]) {
        ok = t.error(PeriodCol, "period " + period.to_string() + " is outside the indicator's year " +
                                    std::to_string(ind.year[row]));
      }
      if (!ok) continue;
      const std::uint32_t key = period.key();
      if (last_key[row] != 0) {
        if (key <= last_key[row]) state[row] |= 1;
        if ((key & 3u) != (last_key[row] & 3u) && !(state[row] & 2)) {
          state[row] |= 2;
          t.warning(PeriodCol, "indicator " + quote(id) + " mixes period kinds (" +
                                   std::string(to_string(static_cast<PeriodKind>(last_key[row] & 3u))) + " and " +
                                   std::string(to_string(period.kind())) + ")");
        }
      }
      if (key > last_key[row]) last_key[row] = key;
      if (r.indicator.size() == 4096) {
        // Reserve the whole file at once: growing by doubling would copy the columns ~20
        // times on a national file.
        const std::size_t expected = t.estimated_rows(r.indicator.size());
        r.indicator.reserve(expected);
        r.period.reserve(expected);
        r.value.reserve(expected);
      }
      r.indicator.push_back(row);
      r.period.push_back(period);
      r.value.push_back(value);
      r.source.lines.push_back(t.line());
    }
    // Duplicate (indicator, period) among the out-of-order indicators.
    std::vector<Index> suspects;
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (state[r.indicator[i]] & 1) suspects.push_back(static_cast<Index>(i));
    }
    if (suspects.empty()) return;
    auto key_of = [&](Index i) { return std::pair(r.indicator[i], r.period[i].key()); };
    std::stable_sort(suspects.begin(), suspects.end(), [&](Index a, Index b) { return key_of(a) < key_of(b); });
    for (std::size_t k = 1; k < suspects.size(); ++k) {
      if (key_of(suspects[k]) != key_of(suspects[k - 1])) continue;
      std::size_t first = k - 1;
      while (first > 0 && key_of(suspects[first - 1]) == key_of(suspects[k])) --first;
      const Index row = suspects[k];
      diagnostics_.error({r.source.file, r.source.lines.line(row), 1},
                         "duplicate realisation for indicator " + quote(ind.ids[r.indicator[row]]) + " period " +
                             r.period[row].to_string() + " (first on line " +
                             std::to_string(r.source.lines.line(suspects[first])) + ")");
    }
  }

  // ---------------------------------------------------------------- ratings.csv
  void load_ratings(Dataset& d) {
    CsvReader csv = reader("ratings.csv");
    RatingTable& r = d.ratings;
    if (!open(csv, r.source, false)) return;
    enum { Nip, PeriodCol, Result, Behavior, RaterNip, Innovation };
    TableReader t(csv, diagnostics_,
                  {{"nip", true}, {"period", true}, {"result_rating", true}, {"behavior_rating", true},
                   {"rater_nip", false}, {"innovation", false}});
    t.set_names({"nip", "period", "result_rating", "behavior_rating", "rater_nip", "innovation"});
    if (!t.ok()) return;
    const char* allowed = "above, meets or below (diatas, sesuai, dibawah)";
    while (t.next_row()) {
      Index employee = no_index, rater = no_index;
      bool ok = t.empty(Nip) ? t.error(Nip, "required field 'nip' is empty")
                             : resolve(t, Nip, d.employees.nips, rejected_employees_, "employees.csv", employee);
      Period period;
      ok &= t.period(PeriodCol, period);
      Rating result = Rating::Meets, behavior = Rating::Meets;
      ok &= t.empty(Result) ? t.error(Result, "required field 'result_rating' is empty")
                            : t.vocabulary(Result, result, parse_rating, Rating::Meets, allowed);
      ok &= t.empty(Behavior) ? t.error(Behavior, "required field 'behavior_rating' is empty")
                              : t.vocabulary(Behavior, behavior, parse_rating, Rating::Meets, allowed);
      if (!t.empty(RaterNip)) {
        ok &= resolve(t, RaterNip, d.employees.nips, rejected_employees_, "employees.csv", rater);
        if (rater != no_index && rater == employee) ok = t.error(RaterNip, "an employee cannot rate themself");
      }
      std::uint8_t innovation = 0;
      ok &= t.flag(Innovation, innovation);
      if (!ok) continue;
      r.employee.push_back(employee);
      r.period.push_back(period);
      r.result.push_back(result);
      r.behavior.push_back(behavior);
      r.rater.push_back(rater);
      r.innovation.push_back(innovation);
      r.source.lines.push_back(t.line());
    }
    report_duplicates(
        r.size(),
        [&](Index a, Index b) { return std::pair(r.employee[a], r.period[a]) < std::pair(r.employee[b], r.period[b]); },
        [&](Index a, Index b) { return r.employee[a] == r.employee[b] && r.period[a] == r.period[b]; },
        [&](Index row, Index first) {
          diagnostics_.error({r.source.file, r.source.lines.line(row), 1},
                             "duplicate rating for nip " + quote(d.employees.nips[r.employee[row]]) + " period " +
                                 r.period[row].to_string() + " (first on line " +
                                 std::to_string(r.source.lines.line(first)) + ")");
        });
  }

  // ---------------------------------------------------------------- feedback.csv
  void load_feedback(Dataset& d) {
    CsvReader csv = reader("feedback.csv");
    FeedbackTable& f = d.feedback;
    if (!open(csv, f.source_file, false)) return;
    enum { PeriodCol, RaterNip, RateeNip, Source, Score, AspectCol };
    TableReader t(csv, diagnostics_,
                  {{"period", true}, {"rater_nip", true}, {"ratee_nip", true}, {"source", true}, {"score", true},
                   {"aspect", false}});
    t.set_names({"period", "rater_nip", "ratee_nip", "source", "score", "aspect"});
    if (!t.ok()) return;
    while (t.next_row()) {
      Period period;
      bool ok = t.period(PeriodCol, period);
      FeedbackSource source = FeedbackSource::Peer;
      const bool source_ok =
          t.empty(Source) ? t.error(Source, "required field 'source' is empty")
                          : t.vocabulary(Source, source, parse_feedback_source, FeedbackSource::Peer,
                                         "supervisor, self, peer, subordinate or public");
      ok &= source_ok;
      Index ratee = no_index, rater = no_index, external = no_index;
      ok &= t.empty(RateeNip) ? t.error(RateeNip, "required field 'ratee_nip' is empty")
                              : resolve(t, RateeNip, d.employees.nips, rejected_employees_, "employees.csv", ratee);
      std::string_view rater_id;
      ok &= t.text(RaterNip, rater_id, true);
      if (!rater_id.empty() && source_ok) {
        rater = d.employees.nips.find(rater_id);
        if (rater == no_index) {
          if (source == FeedbackSource::Public) {
            external = f.external_raters.insert(rater_id).first;
          } else {
            ok &= resolve(t, RaterNip, d.employees.nips, rejected_employees_, "employees.csv", rater);
          }
        }
      }
      if (ok && source == FeedbackSource::Self && rater != ratee) {
        ok = t.error(Source, "source self needs rater_nip equal to ratee_nip");
      }
      if (ok && source != FeedbackSource::Self && rater == ratee && !options_.allow_self_feedback_outside_self_source) {
        ok = t.error(RaterNip, "rater rates themself with source " + std::string(to_string(source)) +
                                   " (use source self)");
      }
      double score = 0;
      ok &= t.empty(Score) ? t.error(Score, "required field 'score' is empty") : t.number(Score, score);
      std::string_view aspect;
      ok &= t.text(AspectCol, aspect);
      if (!ok) continue;
      f.period.push_back(period);
      f.rater.push_back(rater);
      f.external_rater.push_back(external);
      f.ratee.push_back(ratee);
      f.source.push_back(source);
      f.score.push_back(score);
      f.aspect.push_back(aspect.empty() ? no_index : f.aspects.insert(aspect).first);
      f.source_file.lines.push_back(t.line());
    }
    auto key = [&](Index i) {
      return std::make_tuple(f.period[i], f.rater[i], f.external_rater[i], f.ratee[i], f.source[i], f.aspect[i]);
    };
    report_duplicates(
        f.size(), [&](Index a, Index b) { return key(a) < key(b); }, [&](Index a, Index b) { return key(a) == key(b); },
        [&](Index row, Index first) {
          diagnostics_.error({f.source_file.file, f.source_file.lines.line(row), 1},
                             "duplicate feedback: the same rater, ratee, source, aspect and period as line " +
                                 std::to_string(f.source_file.lines.line(first)));
        });
  }

  // ---------------------------------------------------------------- org_ratings.csv
  void load_org_ratings(Dataset& d) {
    CsvReader csv = reader("org_ratings.csv");
    OrgRatingTable& o = d.org_ratings;
    if (!open(csv, o.source, false)) return;
    enum { UnitId, PeriodCol, Predikat };
    TableReader t(csv, diagnostics_, {{"unit_id", true}, {"period", true}, {"predikat", true}});
    t.set_names({"unit_id", "period", "predikat"});
    if (!t.ok()) return;
    while (t.next_row()) {
      Index unit = no_index;
      bool ok = t.empty(UnitId) ? t.error(UnitId, "required field 'unit_id' is empty")
                                : resolve(t, UnitId, d.units.ids, rejected_units_, "units.csv", unit);
      Period period;
      ok &= t.period(PeriodCol, period);
      OrgPredikat predikat = OrgPredikat::Baik;
      ok &= t.empty(Predikat) ? t.error(Predikat, "required field 'predikat' is empty")
                              : t.vocabulary(Predikat, predikat, parse_org_predikat, OrgPredikat::Baik,
                                             "istimewa, baik, butuh_perbaikan, kurang or sangat_kurang");
      if (!ok) continue;
      o.unit.push_back(unit);
      o.period.push_back(period);
      o.predikat.push_back(predikat);
      o.source.lines.push_back(t.line());
    }
    report_duplicates(
        o.size(), [&](Index a, Index b) { return std::pair(o.unit[a], o.period[a]) < std::pair(o.unit[b], o.period[b]); },
        [&](Index a, Index b) { return o.unit[a] == o.unit[b] && o.period[a] == o.period[b]; },
        [&](Index row, Index first) {
          diagnostics_.error({o.source.file, o.source.lines.line(row), 1},
                             "duplicate predikat for unit " + quote(d.units.ids[o.unit[row]]) + " period " +
                                 o.period[row].to_string() + " (first on line " +
                                 std::to_string(o.source.lines.line(first)) + ")");
        });
  }

  // ---------------------------------------------------------------- surveys.csv
  void load_surveys(Dataset& d) {
    CsvReader csv = reader("surveys.csv");
    SurveyTable& s = d.surveys;
    if (!open(csv, s.source, false)) return;
    enum { UnitId, PeriodCol, Respondent, U1 };
    TableReader t(csv, diagnostics_,
                  {{"unit_id", true}, {"period", true}, {"respondent_id", true}, {"u1", true}, {"u2", true},
                   {"u3", true}, {"u4", true}, {"u5", true}, {"u6", true}, {"u7", true}, {"u8", true}, {"u9", true}});
    t.set_names({"unit_id", "period", "respondent_id", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"});
    if (!t.ok()) return;
    while (t.next_row()) {
      Index unit = no_index;
      bool ok = t.empty(UnitId) ? t.error(UnitId, "required field 'unit_id' is empty")
                                : resolve(t, UnitId, d.units.ids, rejected_units_, "units.csv", unit);
      Period period;
      ok &= t.period(PeriodCol, period);
      std::string_view respondent;
      ok &= t.text(Respondent, respondent, true);
      std::array<std::uint8_t, SurveyTable::unsur_count> answers{};
      int answered = 0;
      for (int u = 0; u < SurveyTable::unsur_count; ++u) {
        const std::string_view v = t.raw(U1 + u);
        if (v.empty()) continue;
        if (v.size() == 1 && v[0] >= '1' && v[0] <= '4') {
          answers[static_cast<std::size_t>(u)] = static_cast<std::uint8_t>(v[0] - '0');
          ++answered;
        } else {
          ok = t.error(U1 + u, "answer must be 1, 2, 3, 4 or empty, found " + quote(v));
        }
      }
      if (ok && answered == 0) t.warning(U1, "respondent " + quote(respondent) + " answered none of u1..u9");
      if (!ok) continue;
      s.unit.push_back(unit);
      s.period.push_back(period);
      s.respondent.push_back(s.respondents.insert(respondent).first);
      s.answers.insert(s.answers.end(), answers.begin(), answers.end());
      s.source.lines.push_back(t.line());
    }
    auto key = [&](Index i) { return std::make_tuple(s.unit[i], s.period[i], s.respondent[i]); };
    report_duplicates(
        s.size(), [&](Index a, Index b) { return key(a) < key(b); }, [&](Index a, Index b) { return key(a) == key(b); },
        [&](Index row, Index first) {
          diagnostics_.error({s.source.file, s.source.lines.line(row), 1},
                             "duplicate respondent " + quote(s.respondents[s.respondent[row]]) + " for unit " +
                                 quote(d.units.ids[s.unit[row]]) + " period " + s.period[row].to_string() +
                                 " (first on line " + std::to_string(s.source.lines.line(first)) + ")");
        });
  }

  std::string folder_;
  const std::map<std::string, std::string>* files_ = nullptr;
  const std::string no_contents_;
  Diagnostics& diagnostics_;
  LoadOptions options_;
  IdPool rejected_units_;
  IdPool rejected_employees_;
  IdPool rejected_indicators_;
};

}  // namespace

Dataset load_dataset_from_memory(const std::map<std::string, std::string>& files, Diagnostics& diagnostics,
                                 const LoadOptions& options) {
  for (const auto& [name, contents] : files) {
    const auto known = std::find_if(std::begin(dataset_file_names), std::end(dataset_file_names),
                                    [&name](const char* file) { return name == file; });
    if (known == std::end(dataset_file_names)) {
      throw error(errc::InvalidArgument, "'" + name + "' is not a file of a dataset (units.csv, employees.csv, ...)");
    }
  }
  return Loader(files, diagnostics, options).run();
}

Dataset load_dataset(const std::string& folder, Diagnostics& diagnostics, const LoadOptions& options) {
  if (!is_directory(folder)) throw error(errc::NotFound, "dataset folder '" + folder + "' does not exist or is not a folder");
  return Loader(folder, diagnostics, options).run();
}

}  // namespace v1
}  // namespace kinerja
