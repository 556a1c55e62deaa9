#!/usr/bin/env python3
"""Check the kinerja sample dataset: re-read the CSV files and assert every structural rule.

Usage:  python3 data/sample/check.py [DIR] [--summary]

Exits with status 1 and lists every problem when a rule is broken; prints the row count of
each file otherwise. --summary also prints what the dataset contains for the analyses
(distribution check per unit, IKM per unit, 2026 pace of the indicators, rater means).
Only the Python 3 standard library is used.
"""

import csv
import datetime
import os
import re
import sys

FILES = ("units.csv", "employees.csv", "indicators.csv", "realizations.csv", "ratings.csv",
         "feedback.csv", "org_ratings.csv", "surveys.csv")
HEADERS = {
    "units.csv": ["unit_id", "name", "parent_id", "agency_id"],
    "employees.csv": ["nip", "name", "unit_id", "rater_nip", "status", "grade", "position"],
    "indicators.csv": ["indicator_id", "owner_type", "owner_id", "year", "name", "rhk_id", "kind",
                       "aspect", "unit_of_measure", "polarity", "target", "target_upper", "weight",
                       "accumulation", "parent_id", "target_is_max"],
    "realizations.csv": ["indicator_id", "period", "value"],
    "ratings.csv": ["nip", "period", "result_rating", "behavior_rating", "rater_nip", "innovation"],
    "feedback.csv": ["period", "rater_nip", "ratee_nip", "source", "score", "aspect"],
    "org_ratings.csv": ["unit_id", "period", "predikat"],
    "surveys.csv": ["unit_id", "period", "respondent_id"] + ["u%d" % i for i in range(1, 10)],
}
PNS_GRADES = ["I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b",
              "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"]
PPPK_GRADES = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
               "XIV", "XV", "XVI", "XVII"]
POSITIONS = {"jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana",
             "fungsional"}
ASPECTS = {"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif",
           "kolaboratif"}
PREDIKAT = {"istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"}
NUM_RE = re.compile(r"^-?[0-9]+(\.[0-9]{1,4})?$")

errors = []


def err(msg):
    errors.append(msg)


def read(dirpath, name):
    path = os.path.join(dirpath, name)
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: has a BOM" % name)
    if b"\r" in raw:
        err("%s: CR found (line ends must be LF)" % name)
    if not raw.endswith(b"\n"):
        err("%s: no final newline" % name)
    text = raw.decode("utf-8")
    rows = list(csv.reader(text.split("\n")[:-1]))
    if rows[0] != HEADERS[name]:
        err("%s: header %r != %r" % (name, rows[0], HEADERS[name]))
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(rows[0]):
            err("%s:%d: %d fields, expected %d" % (name, i, len(r), len(rows[0])))
            continue
        out.append((i, dict(zip(rows[0], r))))
    return out, len(raw)


def num(name, line, col, s, empty_ok=False):
    if s == "":
        if not empty_ok:
            err("%s:%d:%s: empty number" % (name, line, col))
        return None
    if not NUM_RE.match(s):
        err("%s:%d:%s: bad number %r (at most 4 decimals, no exponent)" % (name, line, col, s))
        return None
    return float(s)


def valid_date(y, m, d):
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def nip_problem(nip):
    """Return (status, gender, problem) for an 18-digit NIP (docs/dataset-format.md)."""
    if len(nip) != 18 or not nip.isdigit():
        return None, None, "not 18 digits"
    birth = valid_date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    if birth is None:
        return None, None, "invalid birth date"
    if nip[12] == "2":  # PPPK: YYYYMMDD YYYY 2 F G NNN
        tmt_year = int(nip[8:12])
        if nip[13] not in "123456789":
            return "pppk", None, "appointment digit not 1-9"
        if nip[14] not in "12":
            return "pppk", None, "gender digit not 1/2"
        if nip[15:18] == "000":
            return "pppk", None, "sequence 000"
        if tmt_year < birth.year + 18:
            return "pppk", None, "TMT less than 18 years after birth"
        return "pppk", nip[14], None
    tmt_year, tmt_month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= tmt_month <= 12:
        return "pns", None, "TMT month not 01-12"
    if nip[14] not in "12":
        return "pns", None, "gender digit not 1/2"
    if nip[15:18] == "000":
        return "pns", None, "sequence 000"
    if (tmt_year, tmt_month) < (birth.year + 18, birth.month):
        return "pns", None, "TMT less than 18 years after birth"
    return "pns", nip[14], None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    summary = "--summary" in sys.argv[1:]
    d = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    data, sizes = {}, {}
    for name in FILES:
        data[name], sizes[name] = read(d, name)

    # ---- units
    units = {}
    for line, r in data["units.csv"]:
        if r["unit_id"] in units:
            err("units.csv:%d: duplicate unit_id %s" % (line, r["unit_id"]))
        units[r["unit_id"]] = r
    roots = [u for u, r in units.items() if r["parent_id"] == ""]
    if len(roots) != 1:
        err("units.csv: %d roots, expected 1" % len(roots))
    agencies = {r["agency_id"] for r in units.values()}
    if len(agencies) != 1 or "" in agencies:
        err("units.csv: agency_id must be one non-empty code, got %r" % sorted(agencies))
    for u, r in units.items():
        if r["parent_id"] and r["parent_id"] not in units:
            err("units.csv: %s parent %s does not exist" % (u, r["parent_id"]))
    depth = {}
    for u in units:
        seen, cur = [], u
        while cur:
            if cur in seen:
                err("units.csv: cycle through %s" % u)
                break
            seen.append(cur)
            cur = units[cur]["parent_id"] if cur in units else ""
        depth[u] = len(seen)
    if max(depth.values()) not in (3, 4):
        err("units.csv: tree depth %d, expected 3-4" % max(depth.values()))

    # ---- employees
    emps = {}
    for line, r in data["employees.csv"]:
        nip = r["nip"]
        if nip in emps:
            err("employees.csv:%d: duplicate nip %s" % (line, nip))
        emps[nip] = r
        status, _, prob = nip_problem(nip)
        if prob:
            err("employees.csv:%d:nip: %s (%s)" % (line, prob, nip))
        if r["status"] not in ("", "pns", "pppk"):
            err("employees.csv:%d:status: %r" % (line, r["status"]))
        if r["status"] and status and r["status"] != status:
            err("employees.csv:%d:status: %s but the NIP says %s" % (line, r["status"], status))
        r["_status"] = status
        if r["unit_id"] not in units:
            err("employees.csv:%d:unit_id: unknown %s" % (line, r["unit_id"]))
        if r["position"] not in POSITIONS:
            err("employees.csv:%d:position: %r" % (line, r["position"]))
        if status == "pns" and r["grade"] not in PNS_GRADES:
            err("employees.csv:%d:grade: %r is not a PNS grade" % (line, r["grade"]))
        if status == "pppk":
            if r["grade"] not in PPPK_GRADES:
                err("employees.csv:%d:grade: %r is not a PPPK grade" % (line, r["grade"]))
            if r["position"] not in ("fungsional", "pelaksana"):
                err("employees.csv:%d:position: PPPK as %s" % (line, r["position"]))
    n_pppk = sum(1 for r in emps.values() if r["_status"] == "pppk")
    share = n_pppk / float(len(emps))
    if not 0.15 <= share <= 0.20:
        err("employees.csv: PPPK share %.3f outside 15-20%%" % share)
    # heads and raters
    by_unit = {}
    for nip, r in emps.items():
        by_unit.setdefault(r["unit_id"], []).append(nip)
    head = {}
    for u, lst in by_unit.items():
        # the head is the member whose rater is not in the same unit
        hs = [n for n in lst if emps[n]["rater_nip"] == "" or emps.get(emps[n]["rater_nip"], {}).get("unit_id") != u]
        if len(hs) != 1:
            err("employees.csv: unit %s has %d heads" % (u, len(hs)))
        else:
            head[u] = hs[0]
    tops = [n for n, r in emps.items() if r["rater_nip"] == ""]
    if len(tops) != 1:
        err("employees.csv: %d employees without rater, expected 1 (the Sekda)" % len(tops))
    for nip, r in emps.items():
        rn = r["rater_nip"]
        if rn == nip:
            err("employees.csv: %s rates themself" % nip)
        if rn and rn not in emps:
            err("employees.csv: rater %s of %s is not an employee" % (rn, nip))
        u = r["unit_id"]
        if u not in head:
            continue
        if head[u] == nip:
            parent = units[u]["parent_id"]
            expected = head.get(parent, "") if parent else ""
        else:
            expected = head[u]
        if rn != expected:
            err("employees.csv: rater of %s is %s, expected %s" % (nip, rn, expected))
    for u in units:
        n = len(by_unit.get(u, []))
        if n > 40:
            err("units.csv: unit %s has %d employees (> 40)" % (u, n))

    # ---- indicators
    inds = {}
    for line, r in data["indicators.csv"]:
        iid = r["indicator_id"]
        if iid in inds:
            err("indicators.csv:%d: duplicate indicator_id %s" % (line, iid))
        inds[iid] = r
        r["_line"] = line
        if r["owner_type"] == "unit":
            if r["owner_id"] not in units:
                err("indicators.csv:%d: unknown unit %s" % (line, r["owner_id"]))
        elif r["owner_type"] == "employee":
            if r["owner_id"] not in emps:
                err("indicators.csv:%d: unknown employee %s" % (line, r["owner_id"]))
        else:
            err("indicators.csv:%d: owner_type %r" % (line, r["owner_type"]))
        if r["year"] not in ("2024", "2025", "2026"):
            err("indicators.csv:%d: year %r" % (line, r["year"]))
        if r["kind"] not in ("utama", "tambahan"):
            err("indicators.csv:%d: kind %r" % (line, r["kind"]))
        if r["aspect"] not in ("kuantitas", "kualitas", "waktu", "biaya"):
            err("indicators.csv:%d: aspect %r" % (line, r["aspect"]))
        if r["polarity"] not in ("max", "min", "range"):
            err("indicators.csv:%d: polarity %r" % (line, r["polarity"]))
        if r["accumulation"] not in ("sum", "last", "mean", "max", "min"):
            err("indicators.csv:%d: accumulation %r" % (line, r["accumulation"]))
        t = num("indicators.csv", line, "target", r["target"])
        tu = num("indicators.csv", line, "target_upper", r["target_upper"], empty_ok=True)
        w = num("indicators.csv", line, "weight", r["weight"], empty_ok=True)
        r["_t"], r["_tu"] = t, tu
        if t is not None and t <= 0:
            err("indicators.csv:%d: target %s <= 0" % (line, r["target"]))
        if r["polarity"] == "range":
            if tu is None or t is None or tu < t:
                err("indicators.csv:%d: range needs target_upper >= target" % line)
        elif tu is not None:
            err("indicators.csv:%d: target_upper on a %s indicator" % (line, r["polarity"]))
        if w is not None and w < 0:
            err("indicators.csv:%d: negative weight" % line)
        if r["target_is_max"] not in ("", "0", "1"):
            err("indicators.csv:%d: target_is_max %r" % (line, r["target_is_max"]))
        if r["owner_type"] == "employee" and not r["rhk_id"]:
            err("indicators.csv:%d: employee indicator without rhk_id" % line)
    for iid, r in inds.items():
        p = r["parent_id"]
        if p:
            if p not in inds:
                err("indicators.csv:%d: parent %s does not exist" % (r["_line"], p))
            elif inds[p]["year"] != r["year"]:
                err("indicators.csv:%d: parent %s of another year" % (r["_line"], p))
    for iid in inds:  # cycles
        seen, cur = set(), iid
        while cur:
            if cur in seen:
                err("indicators.csv: cascade cycle through %s" % iid)
                break
            seen.add(cur)
            cur = inds[cur]["parent_id"] if cur in inds else ""
    # per owner-year counts, RHK, cascading from the rater / unit IKU, weights all-or-nothing
    owner_year = {}
    for iid, r in inds.items():
        owner_year.setdefault((r["owner_type"], r["owner_id"], r["year"]), []).append(r)
    for y in ("2024", "2025", "2026"):
        for u in units:
            n = len(owner_year.get(("unit", u, y), []))
            if not 2 <= n <= 5:
                err("indicators.csv: unit %s has %d IKU in %s" % (u, n, y))
        for nip, e in emps.items():
            lst = owner_year.get(("employee", nip, y), [])
            rhks = {r["rhk_id"] for r in lst}
            if not 3 <= len(lst) <= 6 or not 2 <= len(rhks) <= 4:
                err("indicators.csv: %s has %d IKI in %d RHK in %s" % (nip, len(lst), len(rhks), y))
            if not any(r["kind"] == "utama" for r in lst):
                err("indicators.csv: %s has no utama indicator in %s" % (nip, y))
            for r in lst:
                p = r["parent_id"]
                if not p or p not in inds:
                    continue
                pr = inds[p]
                ok = (pr["owner_type"] == "employee" and pr["owner_id"] == e["rater_nip"]) or \
                     (pr["owner_type"] == "unit" and pr["owner_id"] == e["unit_id"] and head.get(e["unit_id"]) == nip)
                if not ok:
                    err("indicators.csv:%d: %s cascades from %s (neither rater nor own unit IKU)" % (r["_line"], r["indicator_id"], p))
    for key, lst in owner_year.items():
        ws = [r["weight"] for r in lst]
        if any(ws) and not all(ws):
            err("indicators.csv: weights partly given for %s" % (key,))
    accs = {r["accumulation"] for r in inds.values()}
    if accs != {"sum", "last", "mean", "max", "min"}:
        err("indicators.csv: accumulations used %r" % sorted(accs))

    # ---- realizations
    seen = set()
    per_ind = {}
    for line, r in data["realizations.csv"]:
        iid, per = r["indicator_id"], r["period"]
        if iid not in inds:
            err("realizations.csv:%d: unknown indicator %s" % (line, iid))
            continue
        m = re.match(r"^(\d{4})-(\d{2})$", per)
        if not m or not 1 <= int(m.group(2)) <= 12:
            err("realizations.csv:%d: period %r not YYYY-MM" % (line, per))
            continue
        if m.group(1) != inds[iid]["year"]:
            err("realizations.csv:%d: period %s outside indicator year %s" % (line, per, inds[iid]["year"]))
        if per < "2024-01" or per > "2026-10":
            err("realizations.csv:%d: period %s outside 2024-01..2026-10" % (line, per))
        if (iid, per) in seen:
            err("realizations.csv:%d: duplicate (%s, %s)" % (line, iid, per))
        seen.add((iid, per))
        v = num("realizations.csv", line, "value", r["value"])
        if v is not None:
            if v < 0:
                err("realizations.csv:%d: negative value" % line)
            per_ind.setdefault(iid, []).append((int(m.group(2)), v))

    # ---- ratings
    periods = ("2024", "2025", "2026-Q1", "2026-Q2", "2026-Q3")
    got = set()
    for line, r in data["ratings.csv"]:
        nip = r["nip"]
        if nip not in emps:
            err("ratings.csv:%d: unknown nip %s" % (line, nip))
            continue
        if r["period"] not in periods:
            err("ratings.csv:%d: period %r" % (line, r["period"]))
        if (nip, r["period"]) in got:
            err("ratings.csv:%d: duplicate rating" % line)
        got.add((nip, r["period"]))
        for c in ("result_rating", "behavior_rating"):
            if r[c] not in ("above", "meets", "below"):
                err("ratings.csv:%d:%s: %r" % (line, c, r[c]))
        if r["rater_nip"] != emps[nip]["rater_nip"]:
            err("ratings.csv:%d: rater %s is not the employee's rater" % (line, r["rater_nip"]))
        if r["innovation"] not in ("", "0", "1"):
            err("ratings.csv:%d: innovation %r" % (line, r["innovation"]))
    for nip in emps:
        for p in periods:
            if (nip, p) not in got:
                err("ratings.csv: missing %s %s" % (nip, p))

    # ---- feedback
    fseen = set()
    for line, r in data["feedback.csv"]:
        if r["period"] not in ("2024", "2025"):
            err("feedback.csv:%d: period %r" % (line, r["period"]))
        a, b = r["rater_nip"], r["ratee_nip"]
        if a not in emps or b not in emps:
            err("feedback.csv:%d: rater or ratee not an employee" % line)
            continue
        src = r["source"]
        if src not in ("supervisor", "self", "peer", "subordinate", "public"):
            err("feedback.csv:%d: source %r" % (line, src))
        if (src == "self") != (a == b):
            err("feedback.csv:%d: self source only when rater == ratee" % line)
        if src == "supervisor" and emps[b]["rater_nip"] != a:
            err("feedback.csv:%d: supervisor is not the ratee's rater" % line)
        if src == "subordinate" and emps[a]["rater_nip"] != b:
            err("feedback.csv:%d: subordinate is not rated by the ratee" % line)
        if r["aspect"] not in ASPECTS:
            err("feedback.csv:%d: aspect %r" % (line, r["aspect"]))
        s = num("feedback.csv", line, "score", r["score"])
        if s is not None and not 0 <= s <= 100:
            err("feedback.csv:%d: score %s outside 0-100" % (line, r["score"]))
        key = (r["period"], a, b, r["aspect"])
        if key in fseen:
            err("feedback.csv:%d: duplicate %r" % (line, key))
        fseen.add(key)

    # ---- org ratings
    oseen = set()
    for line, r in data["org_ratings.csv"]:
        if r["unit_id"] not in units:
            err("org_ratings.csv:%d: unknown unit" % line)
        if r["period"] not in ("2024", "2025"):
            err("org_ratings.csv:%d: period %r" % (line, r["period"]))
        if r["predikat"] not in PREDIKAT:
            err("org_ratings.csv:%d: predikat %r" % (line, r["predikat"]))
        if (r["unit_id"], r["period"]) in oseen:
            err("org_ratings.csv:%d: duplicate" % line)
        oseen.add((r["unit_id"], r["period"]))
    for u in by_unit:
        for p in ("2024", "2025"):
            if (u, p) not in oseen:
                err("org_ratings.csv: no predikat for %s %s" % (u, p))

    # ---- surveys
    sseen = set()
    sresp = {}
    for line, r in data["surveys.csv"]:
        if r["unit_id"] not in units:
            err("surveys.csv:%d: unknown unit" % line)
        if r["period"] not in ("2024", "2025"):
            err("surveys.csv:%d: period %r" % (line, r["period"]))
        key = (r["unit_id"], r["period"], r["respondent_id"])
        if key in sseen:
            err("surveys.csv:%d: duplicate respondent" % line)
        sseen.add(key)
        row = []
        for i in range(1, 10):
            v = r["u%d" % i]
            if v not in ("", "1", "2", "3", "4"):
                err("surveys.csv:%d:u%d: %r" % (line, i, v))
            row.append(int(v) if v in ("1", "2", "3", "4") else None)
        sresp.setdefault((r["unit_id"], r["period"]), []).append(row)
    for key, rows in sresp.items():
        if not 60 <= len(rows) <= 200:
            err("surveys.csv: %s has %d respondents" % (key, len(rows)))

    total = sum(sizes.values())
    if total > 5 * 1024 * 1024:
        err("dataset is %d bytes (> 5 MB)" % total)

    if errors:
        for e in errors[:200]:
            print("ERROR", e)
        print("%d problem(s)" % len(errors))
        return 1
    for name in FILES:
        print("%-18s %7d rows %9d bytes" % (name, len(data[name]), sizes[name]))
    print("%-18s %7s      %9d bytes" % ("total", "", total))
    print("OK: all rules hold")
    if summary:
        print_summary(units, emps, head, inds, per_ind, data, sresp)
    return 0


# ---------------------------------------------------------------------------------------------
# Summary (not assertions): what the analyses will see
# ---------------------------------------------------------------------------------------------
MATRIX = {("above", "above"): "SB", ("above", "meets"): "B", ("meets", "above"): "B",
          ("meets", "meets"): "B", ("below", "above"): "BP", ("below", "meets"): "BP",
          ("above", "below"): "KM", ("meets", "below"): "KM", ("below", "below"): "SK"}


def curve_violations(org, c, n):
    v = []
    if org == "istimewa":
        if c["SB"] * 100 > 70 * n:
            v.append("SB>70%")
        if c["SB"] * 2 <= n:
            v.append("(soft)SB<=50%")
    elif org == "baik":
        if c["B"] * 100 > 70 * n:
            v.append("B>70%")
        if c["BP"] + c["KM"] < 1:
            v.append("BP+KM=0")
        if c["B"] * 2 <= n:
            v.append("(soft)B<=50%")
    elif org == "butuh_perbaikan":
        if c["SB"] * 100 > 10 * n:
            v.append("SB>10%")
        if c["BP"] * 100 < 60 * n:
            v.append("BP<60%")
    elif org == "kurang":
        if c["SB"] * 100 > 10 * n:
            v.append("SB>10%")
        if c["BP"] * 100 < 10 * n:
            v.append("BP<10%")
        if c["KM"] * 100 < 60 * n:
            v.append("KM<60%")
    elif org == "sangat_kurang":
        if c["SB"] > 0:
            v.append("SB>0")
        if (c["BP"] + c["KM"]) * 100 < 10 * n:
            v.append("BP+KM<10%")
        if c["SK"] * 100 < 60 * n:
            v.append("SK<60%")
    return v


def year_value(acc, vals):
    if not vals:
        return None
    return {"sum": sum, "last": lambda x: x[-1], "mean": lambda x: sum(x) / len(x),
            "max": max, "min": min}[acc](vals)


def capaian(pol, t, u, r):
    if pol == "max":
        return r / t * 100
    if pol == "min":
        return (2 - r / t) * 100
    if t <= r <= u:
        return 100.0
    return r / t * 100 if r < t else (2 - r / u) * 100


def print_summary(units, emps, head, inds, per_ind, data, sresp):
    org = {(r["unit_id"], r["period"]): r["predikat"] for _, r in data["org_ratings.csv"]}
    rat = {(r["nip"], r["period"]): (r["result_rating"], r["behavior_rating"]) for _, r in data["ratings.csv"]}
    print("\n== distribution check (EXACT rounding), annual periods")
    for p in ("2024", "2025"):
        for u in units:
            mem = [n for n, e in emps.items() if e["unit_id"] == u]
            if not mem:
                continue
            c = dict(SB=0, B=0, BP=0, KM=0, SK=0)
            for n in mem:
                c[MATRIX[rat[(n, p)]]] += 1
            v = curve_violations(org[(u, p)], c, len(mem))
            hard = [x for x in v if not x.startswith("(soft)")]
            print("%s %-18s %-16s n=%2d %2d/%2d/%2d/%2d/%2d %s %s" % (
                p, u, org[(u, p)], len(mem), c["SB"], c["B"], c["BP"], c["KM"], c["SK"],
                "VIOLATES" if hard else "ok", " ".join(v)))
    print("\n== rating mix per period")
    for p in ("2024", "2025", "2026-Q1", "2026-Q2", "2026-Q3"):
        mix = {}
        for (n, pp), r in rat.items():
            if pp == p:
                mix[r] = mix.get(r, 0) + 1
        print(p, sorted(mix.items(), key=lambda x: -x[1]))
    print("\n== IKM per unit (1/9 weights, NRR over answered)")
    for (u, p), rows in sorted(sresp.items()):
        tot = 0.0
        for i in range(9):
            vals = [r[i] for r in rows if r[i] is not None]
            tot += sum(vals) / float(len(vals))
        v = tot / 9 * 25
        v2 = round(v + 1e-9, 2)
        mutu = "A" if v2 >= 88.31 else "B" if v2 >= 76.61 else "C" if v2 >= 65 else "D"
        print("%-16s %s n=%3d IKM=%.4f mutu=%s (0.11 weights: %.4f)" % (u, p, len(rows), v, mutu, tot * 0.11 * 25))
    print("\n== yearly capaian of unit IKU (capped at 120), by unit")
    for u in units:
        line = []
        for y in ("2024", "2025", "2026"):
            cs = []
            for iid, r in inds.items():
                if r["owner_type"] == "unit" and r["owner_id"] == u and r["year"] == y:
                    vals = [v for m, v in sorted(per_ind.get(iid, []))]
                    R = year_value(r["accumulation"], vals)
                    if R is None:
                        continue
                    t = r["_t"]
                    if y == "2026" and r["accumulation"] == "sum":
                        t = t * 10 / 12.0
                    cs.append(min(120, max(0, capaian(r["polarity"], t, r["_tu"], R))))
            line.append("%6.1f" % (sum(cs) / len(cs)) if cs else "   n/a")
        print("%-18s %s" % (u, " ".join(line)))
    print("\n== extreme indicator-years (capaian before capping; 2026 sum pro-rata to October)")
    for iid, r in sorted(inds.items()):
        vals = [v for m, v in sorted(per_ind.get(iid, []))]
        R = year_value(r["accumulation"], vals)
        if R is None:
            print("  no realisation:", iid)
            continue
        t = r["_t"]
        if r["year"] == "2026" and r["accumulation"] == "sum":
            t = t * 10 / 12.0
        c = capaian(r["polarity"], t, r["_tu"], R)
        if r["owner_type"] == "unit" and (c > 125 or c < 70 or (r["polarity"] == "min" and R > 2 * r["_t"])):
            print("  %-32s %-5s %-5s target=%-8s value=%-10.2f capaian=%.1f" % (
                iid, r["polarity"], r["accumulation"], r["target"], R, c))
    print("\n== feedback: mean score given per rater (top/bottom 6, raters with >= 20 scores)")
    given = {}
    for _, r in data["feedback.csv"]:
        given.setdefault(r["rater_nip"], []).append(float(r["score"]))
    stats = []
    for k, v in given.items():
        if len(v) >= 20:
            m = sum(v) / len(v)
            sd = (sum((x - m) ** 2 for x in v) / len(v)) ** 0.5
            stats.append((m, sd, len(v), k))
    stats.sort()
    for row in stats[:6]:
        print("  low   %s mean=%.1f sd=%.1f n=%d" % (row[3], row[0], row[1], row[2]))
    for row in stats[-6:]:
        print("  high  %s mean=%.1f sd=%.1f n=%d" % (row[3], row[0], row[1], row[2]))
    for row in sorted(stats, key=lambda x: x[1])[:3]:
        print("  flat  %s mean=%.1f sd=%.1f n=%d" % (row[3], row[0], row[1], row[2]))


if __name__ == "__main__":
    sys.exit(main())
