"""tests/score_dump.py writes the cross-language dump."""

import os
import subprocess
import sys
import tempfile
import unittest

import kinerja

from . import HERE, SAMPLE, SRC


class ScoreDumpTest(unittest.TestCase):
    def _dump(self, extra_env=None):
        fd, path = tempfile.mkstemp(suffix=".txt")
        os.close(fd)
        env = dict(os.environ)
        env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
        env.update(extra_env or {})
        try:
            subprocess.run([sys.executable, os.path.join(HERE, "score_dump.py"), SAMPLE, "2025", path], env=env,
                           check=True)
            with open(path, "rb") as f:
                return f.read()
        finally:
            os.remove(path)

    def test_layout(self):
        data = self._dump()
        self.assertTrue(data.endswith(b"\n"))
        self.assertNotIn(b"\r", data)
        lines = data.decode("utf-8").split("\n")[:-1]
        with kinerja.Dataset.from_csv(SAMPLE) as dataset, kinerja.score(dataset, 2025) as result:
            at = 0
            for name in ("indicator_scores", "employee_scores", "unit_scores"):
                table = result[name]
                self.assertEqual(lines[at], "# " + name)
                self.assertEqual(lines[at + 1], ",".join(table.columns))
                rows = lines[at + 2:at + 2 + len(table)]
                self.assertEqual(len(rows), len(table))
                for line, row in zip(rows, table.rows()):
                    cells = line.split(",")
                    if len(cells) != len(table.columns):
                        continue  # a text cell with a comma
                    for cell, column in zip(cells, table.columns):
                        value = row[column]
                        if value is None:
                            self.assertEqual(cell, "")
                        elif table.column_type(column) == "number":
                            self.assertEqual(float(cell), value)
                            self.assertEqual(cell, "%.17g" % value)
                        else:
                            self.assertEqual(cell, str(value))
                at += 2 + len(table)
            self.assertEqual(at, len(lines))
        self.assertIn("\n196712231996101358,2025,permenpanrb-6-2022@1,106.65615903633909,,,meets,meets,baik,5,5,\n",
                      data.decode())

    def test_same_bytes_without_numpy(self):
        self.assertEqual(self._dump(), self._dump({"KINERJA_NO_NUMPY": "1"}))

    def test_usage(self):
        run = subprocess.run([sys.executable, os.path.join(HERE, "score_dump.py")], capture_output=True, text=True)
        self.assertEqual(run.returncode, 2)
        self.assertIn("usage", run.stderr)


if __name__ == "__main__":
    unittest.main()
