/* Scores a dataset through the C API and writes its three score tables in the cross-language
 * dump format: "# table", the column names, then one line per row with null cells empty, text
 * as is, integers in decimal and numbers as %.17g. Usage: score_dump DATASET_DIR YEAR OUT_FILE.
 * Built as strict C99 with every warning an error: it is also the test that kinerja.h is C. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "kinerja.h"

static int fail(kin_context *ctx, const char *what) {
  fprintf(stderr, "score_dump: %s: %s\n", what, kin_context_last_error(ctx));
  return 1;
}

static int dump_table(kin_context *ctx, FILE *out, const kin_result *result, size_t table) {
  size_t rows = kin_result_rows(result, table);
  size_t columns = kin_result_columns(result, table);
  size_t c, r;
  double *numbers = (double *)malloc((rows > 0 ? rows : 1) * columns * sizeof(double));
  int64_t *integers = (int64_t *)malloc((rows > 0 ? rows : 1) * columns * sizeof(int64_t));
  uint8_t *present = (uint8_t *)malloc((rows > 0 ? rows : 1) * columns);
  if (numbers == NULL || integers == NULL || present == NULL) return 1;
  for (c = 0; c < columns; ++c) {
    int type = kin_result_column_type(result, table, c);
    if (kin_result_present(ctx, present + c * rows, rows, NULL, result, table, c) != KIN_OK) return 1;
    if (type == KIN_COLUMN_NUMBER && kin_result_numbers(ctx, numbers + c * rows, rows, NULL, result, table, c)) return 1;
    if (type == KIN_COLUMN_INTEGER && kin_result_integers(ctx, integers + c * rows, rows, NULL, result, table, c)) return 1;
  }
  fprintf(out, "# %s\n", kin_result_table_name(result, table));
  for (c = 0; c < columns; ++c) fprintf(out, "%s%s", c > 0 ? "," : "", kin_result_column_name(result, table, c));
  fprintf(out, "\n");
  for (r = 0; r < rows; ++r) {
    for (c = 0; c < columns; ++c) {
      int type = kin_result_column_type(result, table, c);
      if (c > 0) fputc(',', out);
      if (!present[c * rows + r]) continue;
      if (type == KIN_COLUMN_NUMBER) fprintf(out, "%.17g", numbers[c * rows + r]);
      if (type == KIN_COLUMN_INTEGER) fprintf(out, "%lld", (long long)integers[c * rows + r]);
      if (type == KIN_COLUMN_TEXT) fputs(kin_result_text(result, table, c, r), out);
    }
    fputc('\n', out);
  }
  free(numbers);
  free(integers);
  free(present);
  return 0;
}

int main(int argc, char **argv) {
  kin_context *ctx = NULL;
  kin_dataset *dataset = NULL;
  kin_result *result = NULL;
  FILE *out;
  size_t t;
  int status = 0;
  if (argc != 4) {
    fprintf(stderr, "usage: score_dump DATASET_DIR YEAR OUT_FILE\n");
    return 2;
  }
  if (kin_context_new(&ctx) != KIN_OK) return 1;
  if (kin_dataset_load(ctx, &dataset, NULL, argv[1]) != KIN_OK) return fail(ctx, "load");
  if (kin_score(ctx, &result, dataset, atoi(argv[2]), NULL) != KIN_OK) return fail(ctx, "score");
  out = fopen(argv[3], "wb");
  if (out == NULL) return 1;
  for (t = 0; t < kin_result_table_count(result); ++t) status |= dump_table(ctx, out, result, t);
  if (fclose(out) != 0) status = 1;
  kin_result_free(result);
  kin_dataset_free(dataset);
  kin_context_free(ctx);
  return status;
}
