"""The analyses of a dataset on the sample (score year 2025)."""

import math
import unittest

import kinerja

from . import SAMPLE

EMPLOYEE_COLUMNS = ("nip", "year", "rule_pack", "result_score", "behavior_score", "final_score", "result_rating",
                    "behavior_rating", "predikat", "indicators", "indicators_scored", "suggested_result_rating")


def _count_lines(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for line in f if line.strip()) - 1


class SampleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dataset = kinerja.Dataset.from_csv(SAMPLE)

    @classmethod
    def tearDownClass(cls):
        cls.dataset.close()


class DatasetTest(SampleTest):
    def test_rows_match_the_csv_files(self):
        for table in kinerja._core.TABLES:
            self.assertEqual(self.dataset.rows(table), _count_lines("%s/%s.csv" % (SAMPLE, table)), table)
        self.assertEqual(self.dataset.rows("employees.csv"), 322)

    def test_unknown_table_is_a_key_error(self):
        with self.assertRaises(KeyError) as cm:
            self.dataset.rows("nope")
        self.assertIsInstance(cm.exception, kinerja.Error)
        self.assertIn("nope", str(cm.exception))

    def test_version(self):
        self.assertRegex(kinerja.__version__, r"^0\.\d+\.\d+")
        self.assertTrue(kinerja.library_path)


class ScoreTest(SampleTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.result = kinerja.score(cls.dataset, 2025)

    def test_tables_and_rows(self):
        self.assertEqual(list(self.result), ["indicator_scores", "employee_scores", "unit_scores"])
        self.assertEqual(len(self.result["employee_scores"]), 322)
        self.assertEqual(len(self.result["unit_scores"]), self.dataset.rows("units"))
        self.assertEqual(self.result["employee_scores"].columns, EMPLOYEE_COLUMNS)
        with open("%s/indicators.csv" % SAMPLE, encoding="utf-8") as f:
            in_2025 = sum(1 for line in f if line.split(",")[3:4] == ["2025"])
        self.assertEqual(len(self.result["indicator_scores"]), in_2025)

    def test_column_types(self):
        employees = self.result["employee_scores"]
        self.assertEqual(employees.column_type("nip"), "text")
        self.assertEqual(employees.column_type("year"), "integer")
        self.assertEqual(employees.column_type("result_score"), "number")
        self.assertEqual(employees.column_type("indicators"), "integer")
        nips = employees["nip"]
        self.assertIsInstance(nips, list)
        self.assertTrue(all(isinstance(n, str) and len(n) == 18 for n in nips))
        years = employees["year"]
        self.assertEqual(set(list(years)), {2025})

    def test_employees_in_file_order(self):
        with open("%s/employees.csv" % SAMPLE, encoding="utf-8") as f:
            nips = [line.split(",")[0] for line in f.read().splitlines()[1:]]
        self.assertEqual(self.result["employee_scores"]["nip"], nips)

    def test_documented_values(self):
        # docs/output-files.md: real rows computed from the sample.
        employees = {row["nip"]: row for row in self.result["employee_scores"].rows()}
        first = employees["196712231996101358"]
        self.assertEqual(first["result_score"], 106.65615903633909)
        self.assertEqual(first["rule_pack"], "permenpanrb-6-2022@1")
        self.assertIsNone(first["behavior_score"])
        indicators = {row["indicator_id"]: row for row in self.result["indicator_scores"].rows()}
        pemda = indicators["IKU-PEMDA-2025-1"]
        self.assertEqual(pemda["target"], 71.3)
        self.assertEqual(pemda["realization"], 76.69)
        self.assertAlmostEqual(pemda["achievement"], 76.69 / 71.3 * 100, places=10)  # max polarity: R / T
        self.assertEqual(pemda["children"], 12)
        self.assertEqual(indicators["IKU-DPUPR-BM-JLN-2025-1"]["capped_achievement"], 120)
        missing = indicators["IKI-198107012005101464-2025-3"]
        self.assertEqual(missing["status"], "no_realization")
        self.assertIsNone(missing["realization"])
        self.assertIsNone(missing["achievement"])
        self.assertEqual(missing["periods"], 0)

    def test_indicator_consistency(self):
        for row in self.result["indicator_scores"].rows():
            self.assertEqual(row["year"], 2025)
            self.assertEqual(row["status"] == "ok", row["achievement"] is not None, row["indicator_id"])
            if row["status"] == "ok":
                self.assertLessEqual(row["capped_achievement"], 120)
                self.assertEqual(row["capped_achievement"], min(row["achievement"], 120))
            self.assertGreaterEqual(row["weight"], 0)

    def test_employee_consistency(self):
        for row in self.result["employee_scores"].rows():
            self.assertLessEqual(row["indicators_scored"], row["indicators"])
            self.assertEqual(row["result_score"] is None, row["indicators_scored"] == 0 or row["result_score"] is None)
        units = self.result["unit_scores"].rows()
        for unit in units:
            self.assertLessEqual(sum(unit[p] for p in ("sangat_baik", "baik", "butuh_perbaikan", "kurang_misconduct",
                                                       "sangat_kurang")), unit["employees"])

    def test_rules_argument_forms(self):
        by_name = kinerja.score(self.dataset, 2025, rules="permenpanrb-8-2021")
        with kinerja.Rules("permenpanrb-8-2021") as rules:
            by_object = kinerja.score(self.dataset, 2025, rules=rules)
        self.assertEqual(by_name["employee_scores"].rows(), by_object["employee_scores"].rows())
        self.assertEqual(by_name["employee_scores"].column_type("final_score"), "number")
        packs = set(by_name["employee_scores"]["rule_pack"])
        self.assertEqual(packs, {"permenpanrb-8-2021@1"})

    def test_modified_rules_change_the_result(self):
        rules = kinerja.Rules.for_year(2025)
        self.assertEqual(rules.label, "permenpanrb-6-2022@1")
        rules.set("achievement.cap", 110)
        self.assertEqual(rules["achievement.cap"], "110")
        result = kinerja.score(self.dataset, 2025, rules)
        capped = [v for v in result["indicator_scores"].rows() if v["capped_achievement"] is not None]
        self.assertTrue(capped)
        self.assertLessEqual(max(v["capped_achievement"] for v in capped), 110)
        self.assertEqual(set(result["employee_scores"]["rule_pack"]), {"permenpanrb-6-2022@1+modified"})

    def test_rows_and_columns_agree(self):
        table = self.result["unit_scores"]
        rows = table.rows()
        self.assertEqual(len(rows), len(table))
        achievement = list(table["iku_achievement"])
        for row, value in zip(rows, achievement):
            if row["iku_achievement"] is None:
                self.assertTrue(math.isnan(value))
            else:
                self.assertEqual(row["iku_achievement"], value)

    def test_missing_table_and_column(self):
        with self.assertRaises(KeyError):
            self.result["nope"]
        with self.assertRaises(kinerja.NotFoundError):
            self.result["employee_scores"]["nope"]


class OtherAnalysesTest(SampleTest):
    def test_distribution(self):
        result = kinerja.distribution(self.dataset, "2025")
        self.assertEqual(list(result), ["distribution_check", "distribution_suggestions"])
        check = result["distribution_check"]
        self.assertEqual(len(check), self.dataset.rows("units"))
        for row in check.rows():
            self.assertEqual(row["period"], "2025")
            self.assertEqual(sum(row[p] for p in ("sangat_baik", "baik", "butuh_perbaikan", "kurang_misconduct",
                                                  "sangat_kurang")), row["employees"])
        calibrated = kinerja.distribution(self.dataset, 2025, calibrated=True)
        self.assertEqual(len(calibrated["distribution_check"]), len(check))

    def test_distribution_needs_a_6_2022_pack(self):
        with self.assertRaises(ValueError) as cm:
            kinerja.distribution(self.dataset, "2025", rules="pp-46-2011")
        self.assertEqual(cm.exception.code, -2)
        self.assertTrue(cm.exception.message)

    def test_calibrate(self):
        result = kinerja.calibrate(self.dataset, "2025")
        self.assertEqual(list(result), ["rater_effects", "ratee_scores", "reliability", "rater_flags"])
        self.assertEqual(len(result["ratee_scores"]), 322)
        self.assertTrue(all(n >= 1 for n in result["rater_effects"]["scores"]))

    def test_trend(self):
        result = kinerja.trend_analysis(self.dataset)
        trends = result["trends"]
        self.assertEqual(list(result), ["trends"])
        self.assertGreater(len(trends), 0)
        self.assertEqual(set(trends["level"]), {"indicator"})
        by_employee = kinerja.trend_analysis(self.dataset, "employee", "2024", "2025")["trends"]
        self.assertEqual(len(by_employee), 322)
        for row in trends.rows()[:200]:
            if row["mk_s"] is not None and row["n"] is not None:
                self.assertLessEqual(abs(row["mk_s"]), row["n"] * (row["n"] - 1) // 2)
        with self.assertRaises(ValueError):
            kinerja.trend_analysis(self.dataset, "galaxy")

    def test_ikm(self):
        result = kinerja.ikm(self.dataset, "2025")
        table = result["ikm"]
        self.assertGreater(len(table), 0)
        for row in table.rows():
            self.assertEqual(row["ikm"], "%.2f" % row["ikm_unrounded"])
            self.assertTrue(25 <= row["ikm_unrounded"] <= 100)


if __name__ == "__main__":
    unittest.main()
