"""Dataset.from_tables: building a dataset from memory, by rows and by columns."""

import csv
import math
import unittest

import kinerja

from . import SAMPLE


def _read(table):
    with open("%s/%s.csv" % (SAMPLE, table), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _numeric(value):
    return float(value) if value != "" else None


class FromTablesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tables = {t: _read(t) for t in kinerja._core.TABLES}
        cls.reference = kinerja.Dataset.from_csv(SAMPLE)
        cls.reference_scores = kinerja.score(cls.reference, 2025)["employee_scores"].rows()

    def test_rows_give_the_same_dataset(self):
        rows = {t: [{k: (v if v != "" else None) for k, v in r.items()} for r in rows]
                for t, rows in self.tables.items()}
        with kinerja.Dataset.from_tables(rows) as dataset:
            for table in kinerja._core.TABLES:
                self.assertEqual(dataset.rows(table), self.reference.rows(table), table)
            self.assertEqual(kinerja.score(dataset, 2025)["employee_scores"].rows(), self.reference_scores)

    def test_columns_with_numbers_give_the_same_scores(self):
        tables = {}
        for table, rows in self.tables.items():
            columns = {name: [r[name] for r in rows] for name in rows[0]}
            tables[table] = columns
        realizations = tables["realizations"]
        realizations["value"] = [_numeric(v) for v in realizations["value"]]  # numbers, None -> empty
        indicators = tables["indicators"]
        indicators["year"] = [int(v) for v in indicators["year"]]  # int64
        indicators["target"] = [_numeric(v) for v in indicators["target"]]
        indicators["target_upper"] = [_numeric(v) for v in indicators["target_upper"]]
        indicators["parent_id"] = [v or None for v in indicators["parent_id"]]
        with kinerja.Dataset.from_tables(tables) as dataset:
            self.assertEqual(dataset.rows("realizations"), self.reference.rows("realizations"))
            self.assertEqual(kinerja.score(dataset, 2025)["employee_scores"].rows(), self.reference_scores)

    def test_missing_keys_are_empty(self):
        units = [{"unit_id": "A", "name": "Unit A", "agency_id": "X"},
                 {"unit_id": "B", "name": "Unit B", "parent_id": "A", "agency_id": "X"}]
        employees = {"nip": ["198503152010011003", "199001152015032001"], "name": ["Siti", "Budi"],
                     "unit_id": ["A", "B"], "rater_nip": [None, "198503152010011003"], "status": ["pns", "pns"]}
        with kinerja.Dataset.from_tables({"units": units, "employees": employees}) as dataset:
            self.assertEqual(dataset.rows("units"), 2)
            self.assertEqual(dataset.rows("employees"), 2)
            self.assertEqual(dataset.rows("indicators"), 0)
            scores = kinerja.score(dataset, 2025)["employee_scores"]
            self.assertEqual(scores["nip"], employees["nip"])

    def test_errors_name_the_file_and_line(self):
        units = [{"unit_id": "A", "name": "Unit A", "agency_id": "X"},
                 {"unit_id": "B", "name": "Unit B", "parent_id": "NOPE", "agency_id": "X"}]
        employees = [{"nip": "198503152010011003", "name": "Siti", "unit_id": "A", "status": "pns"}]
        with self.assertRaises(kinerja.DataError) as cm:
            kinerja.Dataset.from_tables({"units": units, "employees": employees})
        errors = [d for d in cm.exception.diagnostics if ": error: " in d]
        self.assertTrue(errors)
        self.assertRegex(errors[0], r"^units\.csv:3:\d+: error: ")

    def test_bad_calls(self):
        with self.assertRaises(ValueError):
            kinerja.Dataset.from_tables({"no_such_table": [{"a": 1}]})
        with self.assertRaises(ValueError):
            kinerja.Dataset.from_tables({"units": {"unit_id": ["A", "B"], "name": ["x"]}})
        with self.assertRaises(ValueError):
            kinerja.Dataset.from_tables({"units": ["not a dict"]})
        with self.assertRaises(ValueError):
            kinerja.Dataset.from_tables({"realizations": {"value": [math.inf]}})


if __name__ == "__main__":
    unittest.main()
