// The cross-language score dump (see score_dump.c) from the C++ API.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "kinerja/load.hpp"
#include "kinerja/rules.hpp"
#include "kinerja/score.hpp"
#include "kinerja/table.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: score_dump DATASET_DIR YEAR OUT_FILE\n";
    return 2;
  }
  kinerja::Diagnostics diagnostics;
  const kinerja::Dataset dataset = kinerja::load_dataset(argv[1], diagnostics);
  if (diagnostics.has_errors()) return 1;
  const int year = std::atoi(argv[2]);
  const kinerja::ScoreResult scored = kinerja::score(dataset, year, kinerja::RulePack::for_year(year));
  std::FILE* out = std::fopen(argv[3], "wb");
  if (out == nullptr) return 1;
  for (const kinerja::Table& t : kinerja::score_tables(dataset, scored)) {
    std::fprintf(out, "# %s\n", t.name.c_str());
    for (std::size_t c = 0; c < t.columns.size(); ++c) std::fprintf(out, "%s%s", c > 0 ? "," : "", t.columns[c].name.c_str());
    std::fprintf(out, "\n");
    for (std::size_t r = 0; r < t.rows; ++r) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const kinerja::Column& col = t.columns[c];
        if (c > 0) std::fputc(',', out);
        if (col.present[r] == 0) continue;
        if (col.type == kinerja::ColumnType::Number) std::fprintf(out, "%.17g", col.numbers[r]);
        if (col.type == kinerja::ColumnType::Integer) std::fprintf(out, "%lld", static_cast<long long>(col.integers[r]));
        if (col.type == kinerja::ColumnType::Text) std::fputs(col.texts[r].c_str(), out);
      }
      std::fputc('\n', out);
    }
  }
  return std::fclose(out) == 0 ? 0 : 1;
}
