// Statistics of arrays through the C API.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

const double na = std::numeric_limits<double>::quiet_NaN();

// Row of a field by name for one statistic.
size_t field(int statistic, const char* name) {
  for (size_t k = 0; k < kin_series_statistic_fields(statistic); ++k) {
    if (std::string(kin_series_statistic_field(statistic, k)) == name) return k;
  }
  return static_cast<size_t>(-1);
}

}  // namespace

TEST_SUITE("capi") {
  TEST_CASE("field lists name every field of every statistic") {
    CHECK(kin_series_statistic_fields(KIN_STAT_OLS) == 8);
    CHECK(kin_series_statistic_fields(KIN_STAT_MANN_KENDALL) == 7);
    CHECK(kin_series_statistic_fields(KIN_STAT_SEN_SLOPE) == 6);
    CHECK(kin_series_statistic_fields(KIN_STAT_PETTITT) == 6);
    CHECK(kin_series_statistic_fields(KIN_STAT_HAMED_RAO) == 9);
    CHECK(kin_series_statistic_fields(0) == 0);
    CHECK(kin_series_statistic_fields(99) == 0);
    CHECK(std::string(kin_series_statistic_field(KIN_STAT_OLS, 2)) == "slope");
    CHECK(kin_series_statistic_field(KIN_STAT_OLS, 8) == nullptr);
    CHECK(kin_series_statistic_field(0, 0) == nullptr);
  }

  TEST_CASE("one series and a batch of series give the single-series values") {
    capi_test::Context ctx;
    const double y[] = {1, 3, 5, 7, 9, 2, 2, 2, 2};  // a line 2t + 1, then a constant series
    double out[8];
    size_t needed = 0;
    REQUIRE(kin_series_statistic(ctx, out, 8, &needed, KIN_STAT_OLS, y, nullptr, 5, nullptr, 1, 0) == KIN_OK);
    CHECK(needed == 8);
    CHECK(out[0] == 5);
    CHECK(out[1] == KIN_SERIES_OK);
    CHECK(out[field(KIN_STAT_OLS, "slope")] == doctest::Approx(2));
    CHECK(out[field(KIN_STAT_OLS, "intercept")] == doctest::Approx(1));
    CHECK(out[field(KIN_STAT_OLS, "r_squared")] == doctest::Approx(1));
    // Mann-Kendall of two series in one call, times given.
    const double t[] = {0, 1, 2, 3, 4, 10, 11, 12, 13};
    const uint64_t offsets[] = {0, 5, 9};
    double mk[14];
    REQUIRE(kin_series_statistic(ctx, mk, 14, nullptr, KIN_STAT_MANN_KENDALL, y, t, 9, offsets, 2, 0) == KIN_OK);
    CHECK(mk[field(KIN_STAT_MANN_KENDALL, "s")] == 10);  // n (n - 1) / 2 for a rising series of 5
    CHECK(mk[7 + 1] == KIN_SERIES_CONSTANT);
    // Sen: slope 2 and an interval around it; Pettitt of a step.
    double sen[6];
    REQUIRE(kin_series_statistic(ctx, sen, 6, nullptr, KIN_STAT_SEN_SLOPE, y, t, 5, nullptr, 1, 0.9) == KIN_OK);
    CHECK(sen[field(KIN_STAT_SEN_SLOPE, "slope")] == 2);
    const double step[] = {1, 1, 1, 1, 5, 5, 5, 5};
    double pt[6];
    REQUIRE(kin_series_statistic(ctx, pt, 6, nullptr, KIN_STAT_PETTITT, step, nullptr, 8, nullptr, 1, 0) == KIN_OK);
    CHECK(pt[field(KIN_STAT_PETTITT, "change_point")] == 4);
    double hr[9];
    const double wave[] = {1, 4, 2, 6, 3, 7, 5, 9, 6, 10, 8, 12};
    REQUIRE(kin_series_statistic(ctx, hr, 9, nullptr, KIN_STAT_HAMED_RAO, wave, nullptr, 12, nullptr, 1, 0) ==
            KIN_OK);
    CHECK(hr[field(KIN_STAT_HAMED_RAO, "p_value")] > 0);
    CHECK(hr[field(KIN_STAT_HAMED_RAO, "s")] > 0);
    // Too short.
    REQUIRE(kin_series_statistic(ctx, out, 8, nullptr, KIN_STAT_OLS, y, nullptr, 2, nullptr, 1, 0) == KIN_OK);
    CHECK(out[1] == KIN_SERIES_TOO_SHORT);
    CHECK(std::isnan(out[2]));
  }

  TEST_CASE("series errors: buffers and offsets and values and names") {
    capi_test::Context ctx;
    const double y[] = {1, 2, na, 4};
    const double t[] = {0, 1, 1, 3};
    double out[16];
    size_t needed = 0;
    CHECK(kin_series_statistic(ctx, out, 7, &needed, KIN_STAT_OLS, y, nullptr, 2, nullptr, 1, 0) == KIN_EBUFS);
    CHECK(needed == 8);
    CHECK(kin_series_statistic(ctx, nullptr, 0, &needed, KIN_STAT_OLS, y, nullptr, 2, nullptr, 1, 0) == KIN_EBUFS);
    CHECK(kin_series_statistic(ctx, out, 16, nullptr, 42, y, nullptr, 2, nullptr, 1, 0) == KIN_EINVAL);
    CHECK(kin_series_statistic(ctx, out, 16, nullptr, KIN_STAT_OLS, y, nullptr, 4, nullptr, 1, 0) == KIN_EINVAL);
    CHECK(ctx.error().find("series 0") != std::string::npos);
    const uint64_t bad_end[] = {0, 3};
    CHECK(kin_series_statistic(ctx, out, 16, nullptr, KIN_STAT_OLS, y, nullptr, 2, bad_end, 1, 0) == KIN_EINVAL);
    const uint64_t down[] = {0, 2, 1, 2};
    CHECK(kin_series_statistic(ctx, out, 16, nullptr, KIN_STAT_OLS, y, nullptr, 2, down, 3, 0) == KIN_EINVAL);
    CHECK(kin_series_statistic(ctx, out, 16, nullptr, KIN_STAT_OLS, y, t, 4, nullptr, 1, 0) == KIN_EINVAL);
    CHECK(kin_series_statistic(ctx, out, 16, nullptr, KIN_STAT_OLS, y, nullptr, 2, nullptr, 2, 0) == KIN_EINVAL);
    CHECK(kin_series_statistic(ctx, out, 16, nullptr, KIN_STAT_SEN_SLOPE, y, nullptr, 2, nullptr, 1, 1.5) == KIN_EINVAL);
    CHECK(kin_series_statistic(ctx, out, 16, nullptr, KIN_STAT_OLS, nullptr, nullptr, 2, nullptr, 1, 0) == KIN_EINVAL);
  }

  TEST_CASE("intraclass correlations of Shrout and Fleiss Table 2") {
    capi_test::Context ctx;
    const double scores[] = {9, 2, 5, 8, 6, 1, 3, 2, 8, 4, 6, 8, 7, 1, 2, 6, 10, 5, 6, 9, 6, 2, 4, 7};
    capi_test::Result r;
    REQUIRE(kin_icc(ctx, r.out(), scores, 6, 4, 4, 0.95) == KIN_OK);
    REQUIRE(kin_result_rows(r, 0) == 6);
    const auto values = capi_test::numbers(ctx, r, 0, capi_test::column_index(ctx, r, 0, "value"));
    CHECK(values[0] == doctest::Approx(0.16574176840547555).epsilon(1e-12));  // ICC1, psych::ICC
    CHECK(values[1] == doctest::Approx(0.28976377952755922).epsilon(1e-12));  // ICC2
    CHECK(values[2] == doctest::Approx(0.71484071484071487).epsilon(1e-12));  // ICC3
    CHECK(std::string(kin_result_text(r, 0, 1, 1)) == "ICC(2,1)");
    CHECK(std::string(kin_result_text(r, 0, 2, 1)) == "ICC(A,1)");
    // Strided rows: the same matrix with a padding column.
    std::vector<double> padded;
    for (size_t row = 0; row < 6; ++row) {
      padded.insert(padded.end(), scores + row * 4, scores + row * 4 + 4);
      padded.push_back(-1e300);
    }
    capi_test::Result strided;
    REQUIRE(kin_icc(ctx, strided.out(), padded.data(), 6, 4, 5, 0.95) == KIN_OK);
    CHECK(capi_test::numbers(ctx, strided, 0, 3) == values);
    CHECK(kin_icc(ctx, r.out(), scores, 6, 4, 3, 0.95) == KIN_EINVAL);
    CHECK(kin_icc(ctx, r.out(), scores, 1, 4, 4, 0.95) == KIN_EINVAL);
    CHECK(kin_icc(ctx, r.out(), scores, 6, 4, 4, 1.5) == KIN_EINVAL);
    CHECK(kin_icc(ctx, r.out(), nullptr, 6, 4, 4, 0.95) == KIN_EINVAL);
    CHECK(kin_icc(ctx, nullptr, scores, 6, 4, 4, 0.95) == KIN_EINVAL);
  }

  TEST_CASE("Krippendorff's alpha of the published example at every level") {
    capi_test::Context ctx;
    // Krippendorff (2011) section D: 12 units (rows) by 4 observers (columns).
    const double m[] = {1,  1, na, 1, 2, 2,  3,  2, 3, 3,  3, 3, 3,  3, 3, 3, 2,  2, 2, 2, 1, 2,  3, 4,
                        4,  4, 4,  4, 1, 1,  2,  1, 2, 2,  2, 2, na, 5, 5, 5, na, na, 1, 1, na, 3, na, na};
    const int levels[] = {KIN_ALPHA_NOMINAL, KIN_ALPHA_ORDINAL, KIN_ALPHA_INTERVAL, KIN_ALPHA_RATIO};
    const double published[] = {0.743, 0.815, 0.849, 0.797};
    for (int k = 0; k < 4; ++k) {
      double alpha = 0;
      REQUIRE(kin_krippendorff_alpha(ctx, &alpha, m, 12, 4, 4, levels[k]) == KIN_OK);
      CHECK(alpha == doctest::Approx(published[k]).epsilon(1e-3));
    }
    double alpha = 0;
    CHECK(kin_krippendorff_alpha(ctx, &alpha, m, 12, 4, 4, 0) == KIN_EINVAL);
    CHECK(kin_krippendorff_alpha(ctx, nullptr, m, 12, 4, 4, KIN_ALPHA_NOMINAL) == KIN_EINVAL);
    CHECK(kin_krippendorff_alpha(ctx, &alpha, nullptr, 12, 4, 4, KIN_ALPHA_NOMINAL) == KIN_EINVAL);
    const double negative[] = {-1, 2, 3, 4};
    CHECK(kin_krippendorff_alpha(ctx, &alpha, negative, 2, 2, 2, KIN_ALPHA_RATIO) == KIN_EINVAL);
    const double one[] = {1, na};
    REQUIRE(kin_krippendorff_alpha(ctx, &alpha, one, 1, 2, 2, KIN_ALPHA_NOMINAL) == KIN_OK);
    CHECK(std::isnan(alpha));
  }

  TEST_CASE("rater effects with any ids: a lenient rater comes out lenient") {
    capi_test::Context ctx;
    std::vector<int64_t> ratee, rater;
    std::vector<double> score;
    // 12 ratees, 4 raters each scoring everyone; rater 4004 adds 6 points.
    for (int64_t e = 0; e < 12; ++e) {
      for (int64_t r = 0; r < 4; ++r) {
        ratee.push_back(100 + e);
        rater.push_back(4001 + r);
        score.push_back(70 + static_cast<double>((e * 7) % 11) + (r == 3 ? 6 : 0) + static_cast<double>((e + r) % 3));
      }
    }
    for (int model : {KIN_MODEL_RANDOM, KIN_MODEL_FIXED}) {
      CAPTURE(model);
      capi_test::Result r;
      REQUIRE(kin_rater_effects(ctx, r.out(), ratee.data(), rater.data(), score.data(), score.size(), model) == KIN_OK);
      const size_t raters = capi_test::table_index(ctx, r, "raters");
      REQUIRE(kin_result_rows(r, raters) == 4);
      std::vector<int64_t> ids(4);
      REQUIRE(kin_result_integers(ctx, ids.data(), 4, nullptr, r, raters, 0) == KIN_OK);
      CHECK(ids == std::vector<int64_t>{4001, 4002, 4003, 4004});
      const auto effect = capi_test::numbers(ctx, r, raters, capi_test::column_index(ctx, r, raters, "effect"));
      CHECK(effect[3] > effect[0] + 4);
      CHECK(kin_result_rows(r, capi_test::table_index(ctx, r, "ratees")) == 12);
      CHECK(kin_result_rows(r, capi_test::table_index(ctx, r, "model")) == 1);
    }
    capi_test::Result r;
    CHECK(kin_rater_effects(ctx, r.out(), ratee.data(), rater.data(), score.data(), score.size(), 7) == KIN_EINVAL);
    score[5] = na;
    CHECK(kin_rater_effects(ctx, r.out(), ratee.data(), rater.data(), score.data(), score.size(), KIN_MODEL_RANDOM) ==
          KIN_EINVAL);
    CHECK(ctx.error().find("score 5") != std::string::npos);
    CHECK(kin_rater_effects(ctx, r.out(), nullptr, rater.data(), score.data(), 3, KIN_MODEL_RANDOM) == KIN_EINVAL);
    const int64_t one_ratee[] = {1, 1}, two_raters[] = {1, 2};
    const double two_scores[] = {70, 80};
    CHECK(kin_rater_effects(ctx, r.out(), one_ratee, two_raters, two_scores, 2, KIN_MODEL_RANDOM) == KIN_EINVAL);
    CHECK(r == nullptr);
  }
}
