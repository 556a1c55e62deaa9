// Two threads, each with its own context, load and score the sample and analyse its trends at the
// same time; a third reads a dataset shared by all. Every thread must get the results a single
// thread gets. Run under ThreadSanitizer by the tsan preset (no report may appear), and in every
// other build as a plain test.
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "kinerja.h"

namespace {

// The result_score column of employee_scores and the sen_slope column of the unit trends.
struct Numbers {
  std::vector<double> scores, slopes;
  std::string error;
};

std::vector<double> column(kin_context* ctx, const kin_result* r, const char* table_name, const char* name) {
  size_t table = 0, col = 0;
  std::vector<double> values;
  if (kin_result_find_table(ctx, &table, r, table_name) != KIN_OK) return values;
  if (kin_result_find_column(ctx, &col, r, table, name) != KIN_OK) return values;
  values.resize(kin_result_rows(r, table));
  if (kin_result_numbers(ctx, values.data(), values.size(), nullptr, r, table, col) != KIN_OK) values.clear();
  return values;
}

// Everything with one context of its own; `shared` (may be NULL) is read instead of loading.
void work(const char* folder, const kin_dataset* shared, Numbers& out) {
  kin_context* ctx = nullptr;
  if (kin_context_new(&ctx) != KIN_OK) return;
  kin_context_set_threads(ctx, 2);
  kin_dataset* own = nullptr;
  const kin_dataset* d = shared;
  if (d == nullptr) {
    if (kin_dataset_load(ctx, &own, nullptr, folder) != KIN_OK) {
      out.error = kin_context_last_error(ctx);
      kin_context_free(ctx);
      return;
    }
    d = own;
  }
  kin_result* scored = nullptr;
  kin_result* trends = nullptr;
  if (kin_score(ctx, &scored, d, 2025, nullptr) == KIN_OK &&
      kin_trend(ctx, &trends, d, KIN_TREND_UNIT, "2024-01", "2025-12", nullptr) == KIN_OK) {
    out.scores = column(ctx, scored, "employee_scores", "result_score");
    out.slopes = column(ctx, trends, "trends", "sen_slope");
  } else {
    out.error = kin_context_last_error(ctx);
  }
  kin_result_free(scored);
  kin_result_free(trends);
  kin_dataset_free(own);
  kin_context_free(ctx);
}

bool same(const std::vector<double>& a, const std::vector<double>& b) {
  return !a.empty() && a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: threads_test DATASET_DIR\n");
    return 2;
  }
  const char* folder = argv[1];
  Numbers alone;
  work(folder, nullptr, alone);
  if (!alone.error.empty() || alone.scores.empty()) {
    std::fprintf(stderr, "single thread failed: %s\n", alone.error.c_str());
    return 1;
  }
  kin_context* ctx = nullptr;
  kin_dataset* shared = nullptr;
  kin_context_new(&ctx);
  if (kin_dataset_load(ctx, &shared, nullptr, folder) != KIN_OK) return 1;
  std::vector<Numbers> results(4);
  std::vector<std::thread> threads;
  threads.emplace_back(work, folder, nullptr, std::ref(results[0]));
  threads.emplace_back(work, folder, nullptr, std::ref(results[1]));
  threads.emplace_back(work, folder, shared, std::ref(results[2]));
  threads.emplace_back(work, folder, shared, std::ref(results[3]));
  for (std::thread& t : threads) t.join();
  kin_dataset_free(shared);
  kin_context_free(ctx);
  int failures = 0;
  for (std::size_t k = 0; k < results.size(); ++k) {
    if (!results[k].error.empty() || !same(results[k].scores, alone.scores) || !same(results[k].slopes, alone.slopes)) {
      std::fprintf(stderr, "thread %zu differs from the single thread: %s\n", k, results[k].error.c_str());
      ++failures;
    }
  }
  std::printf("4 threads (2 datasets of their own, 2 sharing one) agree with one thread: %s\n",
              failures == 0 ? "yes" : "no");
  return failures == 0 ? 0 : 1;
}
