/* A C program using the installed kinerja C API: scores a dataset and prints a count. */
#include <stdio.h>

#include <kinerja.h>

int main(int argc, char **argv) {
  kin_context *ctx = NULL;
  kin_dataset *dataset = NULL;
  kin_result *result = NULL;
  size_t table = 0;
  if (argc != 2 || kin_context_new(&ctx) != KIN_OK) return 2;
  if (kin_dataset_load(ctx, &dataset, NULL, argv[1]) != KIN_OK ||
      kin_score(ctx, &result, dataset, 2025, NULL) != KIN_OK ||
      kin_result_find_table(ctx, &table, result, "employee_scores") != KIN_OK) {
    fprintf(stderr, "%s\n", kin_context_last_error(ctx));
    return 1;
  }
  printf("kinerja %s, employees: %lu\n", kin_version_string(), (unsigned long)kin_result_rows(result, table));
  kin_result_free(result);
  kin_dataset_free(dataset);
  kin_context_free(ctx);
  return 0;
}
