"""Errors, handle lifetimes and threads."""

import gc
import os
import shutil
import tempfile
import threading
import unittest

import kinerja

from . import SAMPLE


class ErrorMappingTest(unittest.TestCase):
    def test_missing_folder_is_a_key_error(self):
        with self.assertRaises(KeyError) as cm:
            kinerja.Dataset.from_csv("/no/such/folder")
        e = cm.exception
        self.assertIsInstance(e, kinerja.NotFoundError)
        self.assertIsInstance(e, kinerja.Error)
        self.assertEqual(e.code, -5)
        self.assertIn("/no/such/folder", e.message)
        self.assertEqual(str(e), e.message)

    def test_invalid_dataset_is_a_data_error_with_diagnostics(self):
        folder = tempfile.mkdtemp()
        try:
            for name in os.listdir(SAMPLE):
                if name.endswith(".csv"):
                    shutil.copy(os.path.join(SAMPLE, name), folder)
            with open(os.path.join(folder, "employees.csv"), encoding="utf-8") as f:
                lines = f.read().splitlines()
            fields = lines[2].split(",")
            fields[2] = "NO-SUCH-UNIT"
            lines[2] = ",".join(fields)
            with open(os.path.join(folder, "employees.csv"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            with self.assertRaises(kinerja.DataError) as cm:
                kinerja.Dataset.from_csv(folder)
        finally:
            shutil.rmtree(folder)
        e = cm.exception
        self.assertEqual(e.code, -11)
        self.assertGreaterEqual(e.errors, 1)
        errors = [d for d in e.diagnostics if ": error: " in d]
        self.assertTrue(errors, e.diagnostics)
        self.assertRegex(errors[0], r"(^|/)employees\.csv:3:\d+: error: ")
        self.assertIn("NO-SUCH-UNIT", errors[0])
        self.assertIn("NO-SUCH-UNIT", e.message)

    def test_rules_errors(self):
        with self.assertRaises(KeyError) as cm:
            kinerja.Rules("no-such-pack")
        self.assertIn("no-such-pack", cm.exception.message)
        rules = kinerja.Rules("permenpanrb-6-2022")
        with self.assertRaises(kinerja.NotFoundError) as cm:
            rules.set("no.such.setting", "1")
        self.assertIn("no.such.setting", cm.exception.message)
        with self.assertRaises(KeyError):
            rules["no.such.setting"]
        with self.assertRaises(ValueError) as cm:
            rules.set("achievement.cap", "abc")
        self.assertEqual(cm.exception.code, -2)
        self.assertIn("abc", cm.exception.message)
        with self.assertRaises(IndexError) as cm:
            kinerja.Rules.for_year(0)
        self.assertIsInstance(cm.exception, kinerja.RangeError)
        self.assertIn("0", cm.exception.message)

    def test_bad_period_text(self):
        with kinerja.Dataset.from_csv(SAMPLE) as dataset:
            with self.assertRaises(kinerja.Error) as cm:
                kinerja.ikm(dataset, "2025-13")
            self.assertEqual(cm.exception.code, -7)  # KIN_EFORMAT
            self.assertIn("2025-13", cm.exception.message)
            self.assertEqual(cm.exception.status, kinerja._ffi.lib.kin_status_string(-7).decode())
            with self.assertRaises(kinerja.Error):
                kinerja.calibrate(dataset, "last year")

    def test_score_year_out_of_range(self):
        with kinerja.Dataset.from_csv(SAMPLE) as dataset:
            with self.assertRaises(IndexError):
                kinerja.score(dataset, 0)

    def test_wrong_argument_types(self):
        with self.assertRaises(ValueError):
            kinerja.score("not a dataset", 2025)


class LifetimeTest(unittest.TestCase):
    def test_close_twice_and_use_after_close(self):
        dataset = kinerja.Dataset.from_csv(SAMPLE)
        dataset.close()
        dataset.close()
        self.assertTrue(dataset.closed)
        with self.assertRaises(kinerja.Error) as cm:
            dataset.rows("units")
        self.assertEqual(cm.exception.code, -9)
        with self.assertRaises(kinerja.Error):
            kinerja.score(dataset, 2025)
        rules = kinerja.Rules.for_year(2025)
        rules.close()
        rules.close()
        with self.assertRaises(kinerja.Error):
            rules.label
        with self.assertRaises(kinerja.Error):
            rules["achievement.cap"]

    def test_tables_of_a_closed_result(self):
        with kinerja.Dataset.from_csv(SAMPLE) as dataset:
            with kinerja.score(dataset, 2025) as result:
                table = result["employee_scores"]
                self.assertEqual(len(table["nip"]), 322)
            self.assertTrue(result.closed)
            with self.assertRaises(kinerja.Error):
                table["nip"]
            with self.assertRaises(kinerja.Error):
                table.rows()
        self.assertTrue(dataset.closed)

    def test_table_keeps_its_result_alive(self):
        with kinerja.Dataset.from_csv(SAMPLE) as dataset:
            table = kinerja.score(dataset, 2025)["unit_scores"]
        gc.collect()
        self.assertEqual(len(table.rows()), 55)  # the dataset is closed, the result lives on
        self.assertFalse(table.result.closed)

    def test_finalizer_frees_the_handle(self):
        rules = kinerja.Rules("pp-46-2011")
        finalizer = rules._finalizer
        self.assertTrue(finalizer.alive)
        del rules
        gc.collect()
        self.assertFalse(finalizer.alive)

    def test_builder_closed(self):
        builder = kinerja.DatasetBuilder()
        builder.close()
        with self.assertRaises(kinerja.Error):
            builder.build()


class ThreadTest(unittest.TestCase):
    def test_errors_are_per_thread(self):
        months = ["13", "14", "15", "16", "17", "18"]
        barrier = threading.Barrier(len(months))
        seen = {}
        with kinerja.Dataset.from_csv(SAMPLE) as dataset:
            def work(month):
                barrier.wait()
                messages = []
                for _ in range(20):
                    try:
                        kinerja.ikm(dataset, "2025-" + month)
                    except kinerja.Error as e:
                        messages.append(e.message)
                    kinerja.score(dataset, 2025)
                seen[month] = messages

            threads = [threading.Thread(target=work, args=(m,)) for m in months]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        self.assertEqual(sorted(seen), months)
        for month, messages in seen.items():
            self.assertEqual(len(messages), 20)
            self.assertTrue(all("2025-" + month in m for m in messages), messages[:2])

    def test_threads_give_the_same_scores(self):
        results = {}
        with kinerja.Dataset.from_csv(SAMPLE) as dataset:
            def work(i):
                kinerja.set_threads(1 + i)
                results[i] = kinerja.score(dataset, 2025)["employee_scores"].rows()

            threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        self.assertEqual(len(results), 4)
        for i in range(1, 4):
            self.assertEqual(results[i], results[0])


if __name__ == "__main__":
    unittest.main()
