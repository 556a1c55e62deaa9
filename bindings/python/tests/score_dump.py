#!/usr/bin/env python3
"""Cross-language dump: score_dump.py DATASET_DIR YEAR OUT_FILE

Scores DATASET_DIR for YEAR with the default rules and writes, for the tables indicator_scores,
employee_scores and unit_scores in that order: "# <table>", the column names joined by ",", then
one line per row with the cells joined by "," (null: empty; text as is; integer in decimal;
number as "%.17g"). Lines end with "\\n". The bindings of other languages write the same bytes.
"""

import os
import sys

if __package__ in (None, ""):
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "src"))

import kinerja  # noqa: E402

TABLES = ("indicator_scores", "employee_scores", "unit_scores")


def _cell(kind, value, present):
    if not present:
        return ""
    if kind == "text":
        return value
    if kind == "integer":
        return "%d" % value
    return "%.17g" % value


def dump(dataset_dir, year, out_file):
    """Writes the dump of `dataset_dir` scored for `year` to `out_file`."""
    lines = []
    with kinerja.Dataset.from_csv(dataset_dir) as dataset, kinerja.score(dataset, int(year)) as result:
        for name in TABLES:
            table = result[name]
            lines.append("# " + name)
            lines.append(",".join(table.columns))
            kinds = [table.column_type(c) for c in table.columns]
            columns = []
            for column, kind in zip(table.columns, kinds):
                values = table[column]
                values = values.tolist() if hasattr(values, "tolist") else list(values)
                present = table.present(column)
                present = present.tolist() if hasattr(present, "tolist") else list(present)
                columns.append([_cell(kind, v, p) for v, p in zip(values, present)])
            for r in range(len(table)):
                lines.append(",".join(column[r] for column in columns))
    with open(out_file, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(line + "\n" for line in lines))


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: score_dump.py DATASET_DIR YEAR OUT_FILE\n")
        return 2
    try:
        dump(argv[1], argv[2], argv[3])
    except kinerja.Error as e:
        sys.stderr.write("score_dump.py: %s\n" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
