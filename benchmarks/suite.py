#!/usr/bin/python3
"""The benchmark suite: runs the five suite benchmarks at the sizes of a kabupaten, a province and
the nation, and writes results.csv, machine.txt and benchmarks.svg. Standard library only.

Usually run through `cmake -P cmake/benchmarks.cmake`, which builds the programs first; see
docs/benchmark-suite.md. By hand, after a build with -DKIN_BUILD_BENCHMARKS=ON:

    /usr/bin/python3 benchmarks/suite.py --sizes kabupaten,province --out /tmp/suite

Each benchmark appends its rows to results.csv itself (--csv); this script only chooses the sizes,
runs the programs, keeps their console output in logs/, and prints the table and draws the plot.
"""
import argparse
import csv
import math
import os
import re
import shutil
import subprocess
import sys
import time
import xml.dom.minidom
from xml.sax.saxutils import escape

SIZES = {"kabupaten": 10_000, "province": 250_000, "nation": 5_400_000}
QUICK_SIZES = {"kabupaten": 1_000, "province": 2_000, "nation": 3_000}  # --quick: a smoke test
LME4_MAX_RATEES = 50_000      # lme4 takes about 100 s there; larger designs take many minutes
SCIPY_MAX_SERIES = 20_000     # scipy does about 2,000 series/s: 10 s
# At the nation size pandas would need tens of GB and many minutes; the calibrate and trend
# baselines run on a bounded subset (above), so they stay cheap at any size.
BASELINES_AT_NATION = {"calibrate", "trend"}
BENCHMARKS = ["csv_ingest", "score", "calibrate", "trend", "pipeline"]
COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2"]


def parse_args():
    here = os.path.dirname(os.path.abspath(__file__))
    build = os.path.join(os.path.dirname(here), "build", "release")
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="kabupaten,province,nation",
                   help="comma-separated, of " + ", ".join(SIZES) + " (default all three)")
    p.add_argument("--out", default=os.path.join(build, "benchmark-suite"), help="output folder")
    p.add_argument("--quick", action="store_true", help="tiny sizes (a smoke test; figures mean nothing)")
    p.add_argument("--no-baselines", action="store_true", help="kinerja only, at every size")
    p.add_argument("--bench-dir", default=os.path.join(build, "benchmarks"), help="folder of the bench_* programs")
    p.add_argument("--kinerja", default=os.path.join(build, "src", "apps", "kinerja"), help="the kinerja command")
    args = p.parse_args()
    args.sizes = [s for s in args.sizes.split(",") if s]
    for s in args.sizes:
        if s not in SIZES:
            p.error("unknown size %r (known: %s)" % (s, ", ".join(SIZES)))
    return args


def bench_commands(args, label, employees, work):
    """(benchmark, command line) of each benchmark at one size: the size mapping of the suite."""
    quick = args.quick
    series = employees  # the trend of each employee's capaian, as in the pipeline
    # Best of 3, fewer where one run takes long; scoring twice at least, for its reused buffers.
    repeat = "1" if quick or label == "nation" else "3"
    score_repeat = "2" if quick or label == "nation" else "3"
    data = os.path.join(work, "data")  # written by `kinerja generate` before the benchmarks run
    commands = [
        ("csv_ingest", ["bench_csv_ingest", "--size-mb", "0", "--dir", data, "--repeat", repeat]),
        ("score", ["bench_score", "--employees", str(employees), "--repeat", score_repeat,
                   "--dir", os.path.join(work, "score")]),
        ("calibrate", ["bench_calibrate", "--ratees", str(employees), "--lme4-ratees",
                       str(min(employees, LME4_MAX_RATEES)), "--dir", os.path.join(work, "calibrate")]),
        ("trend", ["bench_trend", "--series", str(series),
                   "--baseline-series", str(min(series, 200 if quick else SCIPY_MAX_SERIES)),
                   "--dir", os.path.join(work, "trend")]),
        ("pipeline", ["bench_pipeline", "--employees", str(employees), "--regenerate",
                      "--snapshot", os.path.join(work, "pipeline.kin")]),
    ]
    result = []
    for name, command in commands:
        command[0] = os.path.join(args.bench_dir, command[0])
        baselines = not args.no_baselines and (label != "nation" or name in BASELINES_AT_NATION)
        if not baselines and name != "pipeline":
            command.append("--no-baselines")
        command += ["--csv", args.csv, "--size-label", label, "--size-employees", str(employees)]
        result.append((name, command))
    return result


def run_size(args, label, employees, logs):
    """Runs the suite at one size (each program's time is printed); returns whether all succeeded."""
    work = os.path.join(args.out, "work-" + label)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    ok = True
    steps = [("generate", [args.kinerja, "generate", "--employees", str(employees), "--seed", "1", "--quiet",
                           "--out", os.path.join(work, "data")])]
    steps += bench_commands(args, label, employees, work)
    for name, command in steps:
        print("[%s, %s employees] %s ..." % (label, format(employees, ","), name), end="", flush=True)
        log = os.path.join(logs, "%s-%s.log" % (label, name))
        start = time.monotonic()
        with open(log, "w") as out:
            out.write("$ " + " ".join(command) + "\n\n")
            out.flush()
            try:
                rc = subprocess.call(command, stdout=out, stderr=subprocess.STDOUT, cwd=work)
            except OSError as e:  # not built, or not executable
                out.write(str(e) + "\n")
                rc = 127
        print(" %.1f s%s" % (time.monotonic() - start, "" if rc == 0 else "  FAILED (exit %d, see %s)" % (rc, log)))
        if rc != 0:
            ok = False
            if name == "generate":
                break  # the CSV benchmark needs the folder
    shutil.rmtree(work, ignore_errors=True)  # the data and the snapshot: 20 GB at the nation size
    return ok


def machine_of(logs):
    for name in sorted(os.listdir(logs)):
        with open(os.path.join(logs, name)) as f:
            for line in f:
                if line.strip().startswith("machine:"):
                    return line.split(":", 1)[1].strip()
    return "unknown machine"


def read_rows(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def human(x):
    """12.3 M, 456.7 k, 0.42: throughputs over several orders of magnitude, readable."""
    if x == "":
        return "-"
    x = float(x)
    if x >= 1e6:
        return "%.2f M" % (x / 1e6)
    if x >= 1e4:
        return "%.1f k" % (x / 1e3)
    if x >= 100:
        return "%.0f" % x
    return "%.3g" % x


def print_table(rows):
    head = ["size", "benchmark", "step", "unit", "kinerja", "baseline", "baseline/s", "ratio",
            "kinerja MiB", "base MiB"]
    table = [head]
    for r in rows:
        table.append([r["size_label"], r["benchmark"], r["step"], r["unit"], human(r["kinerja_per_second"]),
                      r["baseline"] or "-", human(r["baseline_per_second"]),
                      "%.1fx" % float(r["ratio"]) if r["ratio"] else "-",
                      "%.0f" % float(r["kinerja_peak_mib"]),
                      "%.0f" % float(r["baseline_peak_mib"]) if r["baseline_peak_mib"] else "-"])
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    numeric = {4, 6, 7, 8, 9}
    for k, row in enumerate(table):
        print("  ".join(c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if k == 0:
            print("  ".join("-" * w for w in widths))


# The subset notes in a step or baseline name ("(lme4 design of 50000 ratees)", "(first 20000
# series)"): a row of the plot is the same comparison at every size, its bars say the subset.
SUBSET_NOTE = re.compile(r" \((lme4 design of|first) \d+ (ratees|series)\)")


def tick(x):
    """A decade on a log axis: 0.01, 0.1, 1, 10, 100, 1k, 10k, 100k, 1M, 10M."""
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if x >= limit:
            return "%g%s" % (x / limit, suffix)
    return "%g" % x


def bar_panel(y, left, title, axis_label, categories, sizes, values, notes, width):
    """A horizontal bar chart on a log axis (from x = left): one group per category, one bar per
    size. values[(category, size)] >= 0 (0 is written, not drawn); notes[(category, size)] is
    written after the bar. Returns the SVG elements and the height used."""
    right = width - 170
    bar, gap = 14, 10
    found = [v for v in values.values() if v > 0]
    low = math.floor(math.log10(min(found + [1.0])))
    high = max(math.ceil(math.log10(max(found + [10.0]))), low + 1)

    def x_of(v):
        return left + (right - left) * (math.log10(v) - low) / (high - low)

    group = bar * len(sizes) + gap
    top = y + 40
    bottom = top + group * len(categories)
    out = ['<text x="%d" y="%d" class="title2">%s</text>' % (left, y + 20, escape(title))]
    for k in range(low, high + 1):  # decades, and a light line at 2 and 5 of each
        for m in ([1, 2, 5] if k < high else [1]):
            x = x_of(m * 10.0 ** k)
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="%s"/>'
                       % (x, top, x, bottom, "grid" if m == 1 else "grid minor"))
            if m == 1:
                out.append('<text x="%.1f" y="%d" class="tick">%s</text>' % (x, bottom + 16, escape(tick(10.0 ** k))))
    if low <= 0 <= high and "ratio" in axis_label:  # parity: as fast as the baseline
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" class="parity"/>' % (x_of(1), top - 6, x_of(1), bottom))
    out.append('<text x="%.1f" y="%d" class="axis">%s</text>' % ((left + right) / 2, bottom + 36, escape(axis_label)))
    for i, category in enumerate(categories):
        gy = top + i * group
        out.append('<text x="%d" y="%.1f" class="label">%s</text>'
                   % (left - 8, gy + bar * len(sizes) / 2 + 4, escape(category)))
        for j, size in enumerate(sizes):
            v = values.get((category, size))
            if v is None:
                continue
            by = gy + j * bar
            x0 = x_of(10.0 ** low)
            if v <= 0:  # nothing to do at that size (no feedback scores in a small dataset)
                out.append('<text x="%.1f" y="%d" class="value">%s</text>' % (x0 + 4, by + bar - 4,
                                                                            escape(notes[(category, size)])))
                continue
            out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s</title></rect>'
                       % (x0, by, max(1.0, x_of(v) - x0), bar - 2, COLOURS[j % len(COLOURS)],
                          escape("%s, %s: %s" % (category, size, notes[(category, size)]))))
            out.append('<text x="%.1f" y="%d" class="value">%s</text>'
                       % (x_of(v) + 4, by + bar - 4, escape(notes[(category, size)])))
    return out, bottom + 50 - y


def write_svg(path, rows, machine, sizes):
    width = 800  # of the bars and their notes; the labels' width comes on top
    ratio_values, ratio_notes, speed_values, speed_notes = {}, {}, {}, {}
    ratio_categories, speed_categories = [], []
    for r in rows:
        size = r["size_label"]
        step = SUBSET_NOTE.sub("", r["step"])
        category = "%s: %s [%s]" % (r["benchmark"], step, r["unit"])
        if category not in speed_categories:
            speed_categories.append(category)
        if (category, size) not in speed_values:  # calibrate: the row of the whole design
            speed_values[(category, size)] = float(r["kinerja_per_second"])
            speed_notes[(category, size)] = human(r["kinerja_per_second"]) + " " + r["unit"]
        if r["ratio"]:
            category = "%s: %s vs %s" % (r["benchmark"], step, SUBSET_NOTE.sub("", r["baseline"]))
            if category not in ratio_categories:
                ratio_categories.append(category)
            ratio_values[(category, size)] = float(r["ratio"])
            subset = SUBSET_NOTE.search(r["step"]) or SUBSET_NOTE.search(r["baseline"])
            ratio_notes[(category, size)] = "%.1fx" % float(r["ratio"]) + (subset.group(0) if subset else "")
    sizes = [s for s in sizes if any(r["size_label"] == s for r in rows)]
    # The labels stand left of the bars: about 6.7 pixels a character at 12 px.
    left = 20 + int(6.7 * max(len(c) for c in ratio_categories + speed_categories + [""]))
    width += left
    body, y = [], 60
    if ratio_categories:
        part, h = bar_panel(y, left, "kinerja's throughput divided by the baseline's (same computation, same data)",
                            "throughput ratio kinerja / baseline (log scale; the dashed line is 1x, as fast)",
                            ratio_categories, sizes, ratio_values, ratio_notes, width)
    else:
        part, h = ['<text x="%d" y="%d" class="title2">No baseline ran (--no-baselines): no ratios</text>'
                   % (left, y + 20)], 40
    body += part
    y += h
    part, h = bar_panel(y, left, "kinerja's throughput per step (units in brackets)",
                        "throughput per second (log scale)", speed_categories, sizes, speed_values, speed_notes,
                        width)
    body += part
    y += h
    legend = []
    for j, size in enumerate(sizes):
        employees = next(r["employees"] for r in rows if r["size_label"] == size)
        legend.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d" class="legend">'
                      '%s (%s employees)</text>' % (left + 230 * j, y, COLOURS[j % len(COLOURS)], left + 230 * j + 16,
                                                    y + 11, escape(size), escape(format(int(employees), ","))))
    height = y + 40
    svg = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">'
           % (width, height, width, height),
           '<style>text { font-family: sans-serif; font-size: 12px; fill: #222 }'
           ' .title { font-size: 16px; font-weight: bold } .title2 { font-size: 13px; font-weight: bold }'
           ' .label { text-anchor: end } .tick { text-anchor: middle; fill: #555 } .axis { text-anchor: middle }'
           ' .value { font-size: 11px } .grid { stroke: #ccc } .minor { stroke: #eee }'
           ' .parity { stroke: #000; stroke-dasharray: 4 3 }</style>',
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="20" y="26" class="title">kinerja benchmark suite</text>',
           '<text x="20" y="44">%s</text>' % escape(machine)]
    svg += body + legend + ["</svg>"]
    with open(path, "w") as f:
        f.write("\n".join(svg) + "\n")


def main():
    args = parse_args()
    sizes = QUICK_SIZES if args.quick else SIZES
    os.makedirs(args.out, exist_ok=True)
    args.out = os.path.abspath(args.out)
    args.csv = os.path.join(args.out, "results.csv")
    logs = os.path.join(args.out, "logs")
    shutil.rmtree(logs, ignore_errors=True)
    os.makedirs(logs)
    if os.path.exists(args.csv):
        os.remove(args.csv)  # the benchmarks append: start from an empty file
    print("kinerja benchmark suite: %s%s, output in %s" % (", ".join(args.sizes), " (quick)" if args.quick else "",
                                                           args.out))
    if not args.no_baselines and "nation" in args.sizes:
        print("  at the nation size only %s run their baselines (on a subset)"
              % " and ".join(sorted(BASELINES_AT_NATION)))
    ok, took = True, {}
    for label in args.sizes:
        start = time.monotonic()
        ok = run_size(args, label, sizes[label], logs) and ok
        took[label] = time.monotonic() - start

    machine = machine_of(logs)
    with open(os.path.join(args.out, "machine.txt"), "w") as f:
        f.write(machine + "\n")
    rows = read_rows(args.csv)
    print("\nmachine: " + machine + "\n")
    print_table(rows)
    notes = sorted({r["baseline"] for r in rows if SUBSET_NOTE.search(r["baseline"])} |
                   {r["step"] for r in rows if SUBSET_NOTE.search(r["step"])})
    if notes:
        print("\nbaselines on a subset (kinerja's rate over everything against the baseline's over the subset, or"
              " both on the subset):\n  " + "\n  ".join(notes))
    print("\n" + ", ".join("%s took %.0f s" % (label, s) for label, s in took.items()))

    svg = os.path.join(args.out, "benchmarks.svg")
    write_svg(svg, rows, machine, args.sizes)
    xml.dom.minidom.parse(svg)  # raises if the plot is not well-formed XML
    # Every benchmark wrote at least one row at every size it ran.
    missing = [(s, b) for s in args.sizes for b in BENCHMARKS
               if not any(r["size_label"] == s and r["benchmark"] == b for r in rows)]
    for s, b in missing:
        print("no rows from %s at the %s size (see %s)" % (b, s, logs))
    print("\nwrote %s (%d rows), %s and %s" % (args.csv, len(rows), os.path.join(args.out, "machine.txt"), svg))
    return 0 if ok and not missing else 1


if __name__ == "__main__":
    sys.exit(main())
