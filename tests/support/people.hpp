// Small datasets of people for the calibration tests: valid NIPs by number, and employees.csv.
#pragma once

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "support/temp_dir.hpp"

namespace kin_test {

/// A valid PNS NIP (born 1990-01-15, CPNS 2015-03) with sequence number k (1..999).
inline std::string nip(int k) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "199001152015031%03d", k);
  return buf;
}

/// A number as the shortest "%g" text.
inline std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

/// employees.csv with employee nip(k) in unit `unit` for every (k, unit).
inline void write_employees(const TempDir& dir, const std::vector<std::pair<int, std::string>>& people) {
  std::string text = "nip,unit_id\n";
  for (const auto& [k, unit] : people) text += nip(k) + "," + unit + "\n";
  dir.write("employees.csv", text);
}

}  // namespace kin_test
