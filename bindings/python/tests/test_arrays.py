"""numpy and pure-Python paths, pandas."""

import json
import math
import os
import subprocess
import sys
import unittest

import kinerja
from kinerja import _compat

from . import SAMPLE, SRC

np = _compat.np
try:
    import pandas
except ImportError:
    pandas = None
HAVE_PANDAS = pandas is not None and _compat.HAVE_NUMPY


class _Sample(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dataset = kinerja.Dataset.from_csv(SAMPLE)
        cls.result = kinerja.score(cls.dataset, 2025)

    @classmethod
    def tearDownClass(cls):
        cls.result.close()
        cls.dataset.close()


@unittest.skipUnless(_compat.HAVE_NUMPY, "numpy is not importable (or KINERJA_NO_NUMPY=1)")
class NumpyTest(_Sample):
    def test_column_dtypes(self):
        employees = self.result["employee_scores"]
        scores = employees["result_score"]
        self.assertIsInstance(scores, np.ndarray)
        self.assertEqual(scores.dtype, np.float64)
        self.assertEqual(scores.shape, (322,))
        present = employees.present("result_score")
        self.assertEqual(present.dtype, np.bool_)
        self.assertTrue(np.array_equal(np.isnan(scores), ~present))
        count = employees["indicators"]
        self.assertEqual(count.dtype, np.int64)
        self.assertIsInstance(employees["nip"], list)

    def test_nan_for_null_numbers(self):
        indicators = self.result["indicator_scores"]
        realization = indicators["realization"]
        status = indicators["status"]
        missing = [s == "no_realization" for s in status]
        self.assertTrue(any(missing))
        self.assertTrue(np.array_equal(np.isnan(realization), np.array(missing)))

    def test_inputs_any_strides(self):
        data = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]],
                        dtype=np.int32)
        by_list = kinerja.reliability.icc(data.tolist()).rows()
        by_array = kinerja.reliability.icc(data).rows()
        self.assertEqual(by_list, by_array)
        transposed = np.asfortranarray(data)  # Fortran order: not C-contiguous
        self.assertFalse(transposed.flags.c_contiguous)
        self.assertEqual(kinerja.reliability.icc(transposed).rows(), by_list)
        strided = np.zeros((6, 8))
        strided[:, ::2] = data
        self.assertEqual(kinerja.reliability.icc(strided[:, ::2]).rows(), by_list)

    def test_alpha_with_nan(self):
        m = np.array([[1, 1, np.nan], [2, 2, 2], [3, 3, 4], [4, 4, 4]], dtype=float)
        as_list = [[None if math.isnan(v) else v for v in row] for row in m.tolist()]
        self.assertEqual(kinerja.reliability.krippendorff_alpha(m, "interval"),
                         kinerja.reliability.krippendorff_alpha(as_list, "interval"))

    def test_batch_is_a_2d_array(self):
        y = np.arange(20, dtype=float)
        out = kinerja.trend.batch("mann_kendall", y, offsets=np.array([0, 5, 20]))
        self.assertEqual(out.shape, (2, len(kinerja.trend.fields("mann_kendall"))))
        self.assertEqual(out[0, 2], 10)  # S of 5 increasing points
        self.assertEqual(out[1, 2], 105)  # S of 15 increasing points
        self.assertTrue(np.all(out[:, 1] == 0))  # status ok

    def test_numpy_inputs_to_statistics(self):
        t = np.linspace(0, 1, 9)
        r = kinerja.trend.ols(3 * t - 2, t)
        self.assertAlmostEqual(r.slope, 3, places=12)
        self.assertAlmostEqual(r.intercept, -2, places=12)

    def test_numpy_columns_in_builder(self):
        with self.assertRaises(kinerja.DataError):  # int64 and float64 arrays are accepted, the data are checked
            kinerja.Dataset.from_tables({"realizations": {"indicator_id": ["X"], "period": np.array([2025]),
                                                          "value": np.array([1.5])}})

    def test_rater_effects_with_arrays(self):
        ratee = np.array([1, 1, 2, 2, 3, 3], dtype=np.int32)
        rater = np.array([7, 8, 7, 8, 7, 8])
        score = np.array([70, 75, 80, 86, 60, 64], dtype=float)
        result = kinerja.calibration.rater_effects(ratee, rater, score, "fixed")
        effects = result["raters"]["effect"]
        self.assertIsInstance(effects, np.ndarray)
        self.assertAlmostEqual(effects[1] - effects[0], 5, places=9)


@unittest.skipIf(_compat.HAVE_NUMPY, "numpy is in use")
class PurePythonTest(_Sample):
    def test_columns_are_lists(self):
        employees = self.result["employee_scores"]
        scores = employees["result_score"]
        self.assertIsInstance(scores, list)
        self.assertEqual(len(scores), 322)
        self.assertTrue(all(isinstance(v, float) for v in scores))
        count = employees["indicators"]
        self.assertIsInstance(count, list)
        self.assertTrue(all(isinstance(v, int) for v in count))
        self.assertIsInstance(employees.present("nip"), list)

    def test_batch_is_a_list_of_tuples(self):
        out = kinerja.trend.batch("ols", [1, 2, 3, 5, 7, 9], offsets=[0, 3, 6])
        self.assertIsInstance(out, list)
        self.assertEqual(len(out), 2)
        self.assertIsInstance(out[0], tuple)
        self.assertEqual(out[1][2], 2)

    def test_to_pandas_needs_pandas(self):
        with self.assertRaises(ImportError) as cm:
            self.result["unit_scores"].to_pandas()
        self.assertIn("pandas", str(cm.exception))


@unittest.skipUnless(HAVE_PANDAS, "pandas is not importable")
class PandasTest(_Sample):
    def test_to_pandas(self):
        frame = self.result["employee_scores"].to_pandas()
        self.assertEqual(list(frame.columns), list(self.result["employee_scores"].columns))
        self.assertEqual(len(frame), 322)
        self.assertEqual(str(frame["result_score"].dtype), "float64")
        self.assertEqual(str(frame["indicators"].dtype), "int64")
        self.assertEqual(frame["nip"].dtype, object)
        # 6/2022 has no behaviour score: a number column whose cells are all null.
        self.assertEqual(str(frame["behavior_score"].dtype), "float64")
        self.assertTrue(frame["behavior_score"].isna().all())
        rows = self.result["employee_scores"].rows()
        self.assertEqual(frame["nip"].tolist(), [r["nip"] for r in rows])

    def test_integer_column_with_nulls(self):
        trends = kinerja.trend_analysis(self.dataset)["trends"]
        frame = trends.to_pandas()
        present = trends.present("projection_year")
        if present.all():
            self.assertEqual(str(frame["projection_year"].dtype), "int64")
        else:
            self.assertEqual(str(frame["projection_year"].dtype), "float64")
            self.assertTrue(np.array_equal(frame["projection_year"].isna().to_numpy(), ~present))


class BothPathsTest(unittest.TestCase):
    """Runs a probe with and without KINERJA_NO_NUMPY in fresh interpreters and compares."""

    PROBE = r"""
import json, math, sys
import kinerja
d = kinerja.Dataset.from_csv(sys.argv[1])
t = kinerja.score(d, 2025)["employee_scores"]
s = t["result_score"]
print(json.dumps({
    "have_numpy": kinerja.HAVE_NUMPY,
    "score_type": type(s).__name__,
    "scores": [None if math.isnan(v) else v for v in list(s)],
    "count_type": type(t["indicators"]).__name__,
    "rows": t.rows()[:5],
    "ols": kinerja.trend.ols([1, 3, 5, 7]).slope,
    "batch_type": type(kinerja.trend.batch("ols", [1, 2, 3])).__name__,
    "alpha": kinerja.reliability.krippendorff_alpha([[1, 1], [2, 2], [3, None], [4, 5]], "ratio"),
}))
"""

    def _run(self, no_numpy):
        env = dict(os.environ)
        env.pop("KINERJA_NO_NUMPY", None)
        if no_numpy:
            env["KINERJA_NO_NUMPY"] = "1"
        env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
        out = subprocess.run([sys.executable, "-c", self.PROBE, SAMPLE], env=env, check=True, capture_output=True,
                             text=True).stdout
        return json.loads(out)

    def test_same_values_on_both_paths(self):
        plain = self._run(True)
        self.assertFalse(plain["have_numpy"])
        self.assertEqual(plain["score_type"], "list")
        self.assertEqual(plain["count_type"], "list")
        self.assertEqual(plain["batch_type"], "list")
        fast = self._run(False)
        if _compat.np is not None or fast["have_numpy"]:
            self.assertEqual(fast["score_type"], "ndarray")
            self.assertEqual(fast["batch_type"], "ndarray")
        for key in ("scores", "rows", "ols", "alpha"):
            self.assertEqual(plain[key], fast[key], key)
        self.assertEqual(plain["ols"], 2)


if __name__ == "__main__":
    unittest.main()
