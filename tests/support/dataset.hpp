// Loading a test dataset that must be valid: the problems are shown when it is not.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "kinerja/load.hpp"
#include "support/temp_dir.hpp"

namespace kin_test {

inline kinerja::Dataset load_valid(const TempDir& dir) {
  kinerja::Diagnostics diags;
  kinerja::Dataset d = kinerja::load_dataset(dir.path(), diags);
  std::string text;
  for (const auto& p : diags.items()) text += p.to_string() + "\n";
  REQUIRE_MESSAGE(!diags.has_errors(), text);
  return d;
}

}  // namespace kin_test
