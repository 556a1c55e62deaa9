/* Scores a small organisation given from memory (as a system reading its own database would) and
 * prints each employee's result score and predikat. Build:
 *   cc -std=c99 score_from_memory.c $(pkg-config --cflags --libs kinerja_c) -o score_from_memory */
#include <stdio.h>
#include <stdlib.h>

#include <kinerja.h>

/* Prints the context's message and returns 1 when status is not KIN_OK. */
static int failed(kin_context *ctx, int status, const char *what) {
  if (status == KIN_OK) return 0;
  fprintf(stderr, "%s: %s (%s)\n", what, kin_context_last_error(ctx), kin_status_string(status));
  return 1;
}

int main(void) {
  static const char *unit_columns[] = {"unit_id", "name", "parent_id"};
  static const char *units[][3] = {{"DINAS", "Dinas Kesehatan", NULL}, {"PKM", "Puskesmas Sukamaju", "DINAS"}};
  static const char *employee_columns[] = {"nip", "name", "unit_id", "rater_nip", "status"};
  static const char *employees[][5] = {
      {"198503152010011003", "Siti Rahma", "DINAS", NULL, "pns"},
      {"199001152015032001", "Budi Santoso", "PKM", "198503152010011003", "pns"}};
  /* Indicators column by column: one IKI of Budi, counted up month by month. */
  static const char *indicator_id[] = {"IKI-BUDI-1"}, *owner_type[] = {"employee"};
  static const char *owner_id[] = {"199001152015032001"}, *name[] = {"Balita ditimbang"};
  static const char *polarity[] = {"max"}, *accumulation[] = {"sum"}, *kind[] = {"utama"};
  static const int64_t year[] = {2025};
  static const double target[] = {1200};
  static const char *realized_indicator[] = {"IKI-BUDI-1", "IKI-BUDI-1", "IKI-BUDI-1"};
  static const char *period[] = {"2025-Q1", "2025-Q2", "2025-Q3"};
  static const double value[] = {310, 295, 330};
  static const char *rating_columns[] = {"nip", "period", "result_rating", "behavior_rating"};
  static const char *rating[] = {"199001152015032001", "2025", "diatas_ekspektasi", "sesuai_ekspektasi"};

  kin_context *ctx = NULL;
  kin_dataset_builder *builder = NULL;
  kin_dataset *dataset = NULL;
  kin_diagnostics *diagnostics = NULL;
  kin_result *result = NULL;
  size_t table = 0, nip = 0, score = 0, predikat = 0, rows, i;
  double *scores = NULL;
  int status;

  if (kin_context_new(&ctx) != KIN_OK) return 1;
  status = kin_dataset_builder_new(ctx, &builder);
  if (failed(ctx, status, "builder")) return 1;
  /* Tables row by row... */
  status = kin_dataset_builder_set_columns(ctx, builder, "units", unit_columns, 3);
  for (i = 0; status == KIN_OK && i < 2; ++i) status = kin_dataset_builder_add_row(ctx, builder, "units", units[i], 3);
  if (status == KIN_OK) status = kin_dataset_builder_set_columns(ctx, builder, "employees", employee_columns, 5);
  for (i = 0; status == KIN_OK && i < 2; ++i) {
    status = kin_dataset_builder_add_row(ctx, builder, "employees", employees[i], 5);
  }
  if (status == KIN_OK) status = kin_dataset_builder_set_columns(ctx, builder, "ratings", rating_columns, 4);
  if (status == KIN_OK) status = kin_dataset_builder_add_row(ctx, builder, "ratings", rating, 4);
  /* ...or column by column. */
  if (status == KIN_OK) status = kin_dataset_builder_set_column_text(ctx, builder, "indicators", "indicator_id", indicator_id, 1);
  if (status == KIN_OK) status = kin_dataset_builder_set_column_text(ctx, builder, "indicators", "owner_type", owner_type, 1);
  if (status == KIN_OK) status = kin_dataset_builder_set_column_text(ctx, builder, "indicators", "owner_id", owner_id, 1);
  if (status == KIN_OK) status = kin_dataset_builder_set_column_int64(ctx, builder, "indicators", "year", year, 1);
  if (status == KIN_OK) status = kin_dataset_builder_set_column_text(ctx, builder, "indicators", "name", name, 1);
  if (status == KIN_OK) status = kin_dataset_builder_set_column_text(ctx, builder, "indicators", "kind", kind, 1);
  if (status == KIN_OK) status = kin_dataset_builder_set_column_text(ctx, builder, "indicators", "polarity", polarity, 1);
  if (status == KIN_OK) status = kin_dataset_builder_set_column_double(ctx, builder, "indicators", "target", target, 1);
  if (status == KIN_OK) {
    status = kin_dataset_builder_set_column_text(ctx, builder, "indicators", "accumulation", accumulation, 1);
  }
  if (status == KIN_OK) {
    status = kin_dataset_builder_set_column_text(ctx, builder, "realizations", "indicator_id", realized_indicator, 3);
  }
  if (status == KIN_OK) status = kin_dataset_builder_set_column_text(ctx, builder, "realizations", "period", period, 3);
  if (status == KIN_OK) status = kin_dataset_builder_set_column_double(ctx, builder, "realizations", "value", value, 3);
  if (failed(ctx, status, "filling the tables")) return 1;

  /* Validation as for files: every problem is listed with table, line and column. */
  status = kin_dataset_builder_build(ctx, &dataset, &diagnostics, builder);
  for (i = 0; i < kin_diagnostics_count(diagnostics); ++i) fprintf(stderr, "%s\n", kin_diagnostics_message(diagnostics, i));
  if (failed(ctx, status, "validating")) return 1;

  /* Scoring 2025 under the rules in force for that year (PermenPANRB 6/2022). */
  status = kin_score(ctx, &result, dataset, 2025, NULL);
  if (status == KIN_OK) status = kin_result_find_table(ctx, &table, result, "employee_scores");
  if (status == KIN_OK) status = kin_result_find_column(ctx, &nip, result, table, "nip");
  if (status == KIN_OK) status = kin_result_find_column(ctx, &score, result, table, "result_score");
  if (status == KIN_OK) status = kin_result_find_column(ctx, &predikat, result, table, "predikat");
  if (failed(ctx, status, "scoring")) return 1;

  /* Numbers go into a buffer of the caller: ask for the size, then fill it. */
  rows = kin_result_rows(result, table);
  scores = (double *)malloc((rows > 0 ? rows : 1) * sizeof(double));
  if (scores == NULL) return 1;
  status = kin_result_numbers(ctx, scores, rows, NULL, result, table, score);
  if (failed(ctx, status, "reading")) return 1;
  for (i = 0; i < rows; ++i) {
    const char *p = kin_result_text(result, table, predikat, i);
    if (scores[i] != scores[i]) { /* NaN: no indicator with a capaian */
      printf("%s  result score      -  predikat %s\n", kin_result_text(result, table, nip, i), p ? p : "-");
    } else {
      printf("%s  result score %6.2f  predikat %s\n", kin_result_text(result, table, nip, i), scores[i], p ? p : "-");
    }
  }

  free(scores);
  kin_result_free(result);
  kin_diagnostics_free(diagnostics);
  kin_dataset_free(dataset);
  kin_dataset_builder_free(builder);
  kin_context_free(ctx);
  return 0;
}
