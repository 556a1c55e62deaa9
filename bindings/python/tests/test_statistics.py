"""Statistics of arrays: trend statistics, reliability, rater effects."""

import math
import unittest

import kinerja
from kinerja import trend

NA = None
# Krippendorff (2011), section D: 4 observers x 12 units (tests/unit/calibration/reliability_test.cpp).
OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3],
    [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],
]
UNITS = [list(unit) for unit in zip(*OBSERVERS)]  # units x observers
# Shrout & Fleiss (1979): 6 targets x 4 judges.
SHROUT_FLEISS = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]


class TrendStatisticsTest(unittest.TestCase):
    def test_ols_of_a_line(self):
        t = [0, 1, 2, 3, 4]
        r = trend.ols([2 * x + 1 for x in t], t)
        self.assertEqual(r.status, "ok")
        self.assertEqual(r.n, 5)
        self.assertAlmostEqual(r.slope, 2, places=12)
        self.assertAlmostEqual(r.intercept, 1, places=12)
        self.assertAlmostEqual(r.r_squared, 1, places=12)
        default_t = trend.ols([1, 3, 5, 7])
        self.assertAlmostEqual(default_t.slope, 2, places=12)

    def test_ols_with_uneven_times(self):
        t = [2, 3, 5, 11]
        r = trend.ols([2 * x + 1 for x in t], t)
        self.assertAlmostEqual(r.slope, 2, places=12)
        self.assertAlmostEqual(r.intercept, 1, places=12)

    def test_mann_kendall_increasing(self):
        for n in (4, 7, 10):
            r = trend.mann_kendall(list(range(n)))
            self.assertEqual(r.s, n * (n - 1) / 2)
            self.assertEqual(r.tau_b, 1)
            self.assertGreater(r.z, 0)
        self.assertEqual(trend.mann_kendall([5, 4, 3, 2, 1]).s, -10)

    def test_sen_slope(self):
        r = trend.sen_slope([1, 2, 3, 4])
        self.assertEqual(r.slope, 1)
        self.assertEqual(r.status, "ok")
        self.assertLessEqual(r.lower, r.slope)
        self.assertGreaterEqual(r.upper, r.slope)
        self.assertEqual(trend.sen_slope([1, 3, 5, 7], t=[0, 1, 2, 3], confidence=0.9).slope, 2)

    def test_pettitt_finds_the_step(self):
        r = trend.pettitt([1, 1, 1, 1, 9, 9, 9, 9])
        self.assertEqual(r.n, 8)
        self.assertEqual(r.status, "ok")
        self.assertEqual(r.k, 16)  # U = sum over the 4 x 4 cross pairs of sign differences
        self.assertIn(r.change_point, (3, 4))

    def test_hamed_rao_of_a_monotone_series(self):
        r = trend.hamed_rao(list(range(12)), alpha=0.05)
        self.assertEqual(r.s, 66)
        self.assertGreater(r.corrected_var_s, 0)
        self.assertLess(r.p_value, 0.05)

    def test_statuses(self):
        self.assertEqual(trend.ols([1.0]).status, "too_short")
        self.assertTrue(math.isnan(trend.ols([1.0]).slope))
        self.assertEqual(trend.mann_kendall([3, 3, 3, 3]).status, "constant")

    def test_result_is_a_frozen_dataclass(self):
        r = trend.ols([1, 2, 3])
        self.assertEqual(trend.fields("ols"), ("n", "status", "slope", "intercept", "slope_stderr", "r_squared", "t",
                                               "p_value"))
        with self.assertRaises(Exception):
            r.slope = 3

    def test_batch_equals_single_calls(self):
        y = [1, 2, 3, 4, 10, 8, 6, 4, 2, 5, 5, 7]
        offsets = [0, 4, 9, 12]
        rows = trend.batch("sen_slope", y, offsets=offsets)
        self.assertEqual(len(rows), 3)
        for s in range(3):
            single = trend.sen_slope(y[offsets[s]:offsets[s + 1]])
            row = list(rows[s])
            self.assertEqual(row[0], single.n)
            self.assertEqual(row[2], single.slope)
        self.assertEqual(list(rows[0])[2], 1)
        self.assertEqual(list(rows[1])[2], -2)

    def test_batch_with_times_and_one_series(self):
        rows = trend.batch("ols", [1, 3, 7], t=[0, 1, 3])
        self.assertEqual(len(rows), 1)
        self.assertAlmostEqual(list(rows[0])[2], 2, places=12)

    def test_bad_input(self):
        with self.assertRaises(ValueError) as cm:
            trend.ols([1, 2, 3], t=[0, 2, 1])
        self.assertIsInstance(cm.exception, kinerja.Error)
        self.assertTrue(cm.exception.message)
        with self.assertRaises(ValueError):
            trend.batch("nope", [1, 2])
        with self.assertRaises(ValueError):
            trend.batch("ols", [1, 2, 3], offsets=[0, 2, 5])
        with self.assertRaises(ValueError):
            trend.ols([1, 2], t=[1, 2, 3])


class ReliabilityTest(unittest.TestCase):
    def test_krippendorff_published_values(self):
        published = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}
        for level, value in published.items():
            self.assertAlmostEqual(kinerja.reliability.krippendorff_alpha(UNITS, level), value, places=3)
        self.assertAlmostEqual(kinerja.reliability.krippendorff_alpha(UNITS), 0.849, places=3)

    def test_krippendorff_binary_example(self):
        a = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
        alpha = kinerja.reliability.krippendorff_alpha([list(u) for u in zip(*a)], "nominal")
        self.assertAlmostEqual(alpha, 1 - 19.0 * 4 / (14 * 6), places=12)

    def test_krippendorff_bad_level(self):
        with self.assertRaises(ValueError):
            kinerja.reliability.krippendorff_alpha(UNITS, "cardinal")

    def test_icc_forms(self):
        table = kinerja.reliability.icc(SHROUT_FLEISS)
        self.assertEqual(table.name, "icc")
        rows = table.rows()
        self.assertEqual([r["shrout_fleiss"] for r in rows],
                         ["ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"])
        self.assertEqual([r["mcgraw_wong"] for r in rows],
                         ["ICC(1)", "ICC(A,1)", "ICC(C,1)", "ICC(k)", "ICC(A,k)", "ICC(C,k)"])
        # Shrout & Fleiss (1979), table 4: .17 .29 .71 .44 .62 .91
        for row, value in zip(rows, (0.17, 0.29, 0.71, 0.44, 0.62, 0.91)):
            self.assertAlmostEqual(row["value"], value, places=2)
            self.assertLessEqual(row["lower"], row["value"])
            self.assertGreaterEqual(row["upper"], row["value"])
        self.assertEqual(rows[0]["df1"], 5)

    def test_icc_rejects_ragged_and_missing(self):
        with self.assertRaises(ValueError):
            kinerja.reliability.icc([[1, 2], [3]])
        with self.assertRaises(ValueError) as cm:
            kinerja.reliability.icc([[1, 2], [3, None], [4, 5]])
        self.assertIsInstance(cm.exception, kinerja.InvalidArgumentError)
        self.assertEqual(cm.exception.code, -2)
        self.assertTrue(cm.exception.message)


class RaterEffectsTest(unittest.TestCase):
    RATEE = [1, 1, 2, 2, 3, 3, 1, 2, 3]
    RATER = [10, 11, 10, 11, 10, 11, 12, 12, 12]
    SCORE = [80, 85, 70, 76, 90, 94, 82, 71, 93]

    def test_fixed_effects_sum_to_zero(self):
        result = kinerja.calibration.rater_effects(self.RATEE, self.RATER, self.SCORE, model="fixed")
        self.assertEqual(list(result), ["raters", "ratees", "model"])
        raters = result["raters"].rows()
        self.assertEqual([r["rater"] for r in raters], [10, 11, 12])
        self.assertAlmostEqual(sum(r["effect"] for r in raters), 0, places=9)
        # balanced design: a rater's effect is the mean of its scores minus the grand mean
        grand = sum(self.SCORE) / len(self.SCORE)
        mean_11 = sum(s for s, r in zip(self.SCORE, self.RATER) if r == 11) / 3
        self.assertAlmostEqual(raters[1]["effect"], mean_11 - grand, places=9)
        model = result["model"].rows()[0]
        self.assertEqual(model["model"], "fixed")
        self.assertAlmostEqual(model["intercept"], grand, places=9)

    def test_random_effects(self):
        result = kinerja.calibration.rater_effects(self.RATEE, self.RATER, self.SCORE)
        model = result["model"].rows()[0]
        self.assertEqual(model["model"], "random")
        self.assertEqual(model["converged"], 1)
        effects = {r["rater"]: r["effect"] for r in result["raters"].rows()}
        self.assertGreater(effects[11], 0)  # rater 11 scores highest: lenient
        self.assertLess(effects[10], 0)

    def test_bad_model_and_lengths(self):
        with self.assertRaises(ValueError):
            kinerja.calibration.rater_effects(self.RATEE, self.RATER, self.SCORE, model="mixed")
        with self.assertRaises(ValueError):
            kinerja.calibration.rater_effects(self.RATEE, self.RATER[:-1], self.SCORE)


if __name__ == "__main__":
    unittest.main()
