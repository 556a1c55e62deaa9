#!/usr/bin/env python3
"""Writes the rater-effect test designs of kinerja (tests/data/calibration/lme4/*.csv).

Deterministic (fixed seeds, Python standard library only). Each design is a CSV with one row per
observed score: ratee,rater[,aspect],score, with 0-based integer ids. Scores are on the 0-100
scale of feedback.csv: grand mean 78, ratee effects, rater severities, aspect effects and
residual noise, rounded to 0.1 as a form would record them.

Run from this folder:  python3 make_designs.py && Rscript make_golden.R
"""
import random


def write(name, rows, aspects=False):
    with open(name + ".csv", "w", newline="\n") as f:
        f.write("ratee,rater,aspect,score\n" if aspects else "ratee,rater,score\n")
        for r in rows:
            if aspects:
                f.write("%d,%d,%d,%.1f\n" % r)
            else:
                f.write("%d,%d,%.1f\n" % r)


def effects(rng, count, sd):
    return [rng.gauss(0.0, sd) for _ in range(count)]


def clamp(x):
    return min(100.0, max(0.0, x))


def balanced():
    # 40 ratees, each scored once by 5 distinct raters out of a pool of 20.
    rng = random.Random(101)
    a, r = effects(rng, 40, 6.0), effects(rng, 20, 4.0)
    rows = []
    for i in range(40):
        for j in sorted(rng.sample(range(20), 5)):
            rows.append((i, j, clamp(78 + a[i] + r[j] + rng.gauss(0, 5))))
    write("balanced", rows)


def unbalanced():
    # 60 ratees with 1 to 8 raters out of 30, some pairs scored twice (two periods), and
    # self-ratings: ratee k and rater k are the same employee for k < 30.
    rng = random.Random(202)
    a, r = effects(rng, 60, 5.0), effects(rng, 30, 3.0)
    rows = []
    for i in range(60):
        raters = rng.sample(range(30), rng.randint(1, 8))
        if i < 30 and rng.random() < 0.3 and i not in raters:
            raters.append(i)  # self-rating
        for j in raters:
            for _ in range(2 if rng.random() < 0.2 else 1):
                rows.append((i, j, clamp(76 + a[i] + r[j] + rng.gauss(0, 6))))
    rng.shuffle(rows)
    write("unbalanced", rows)


def aspects():
    # 30 ratees, about 4 raters each out of 15, 7 aspects (BerAKHLAK) with some scores missing.
    rng = random.Random(303)
    a, r = effects(rng, 30, 5.0), effects(rng, 15, 4.0)
    asp = [3.0, -1.0, 0.5, 2.0, -2.5, -1.5, -0.5]
    rows = []
    for i in range(30):
        for j in sorted(rng.sample(range(15), rng.randint(3, 5))):
            for k in range(7):
                if rng.random() < 0.9:
                    rows.append((i, j, k, clamp(80 + a[i] + r[j] + asp[k] + rng.gauss(0, 4))))
    write("aspects", rows, aspects=True)


def disconnected():
    # Three components that share no rater: unit A (ratees 0-19, raters 0-9), unit B (ratees
    # 20-34, raters 10-17) and a lone ratee 35 scored by raters 18 and 19, twice each.
    rng = random.Random(404)
    a, r = effects(rng, 36, 6.0), effects(rng, 20, 4.0)
    rows = []
    for i in range(20):
        for j in rng.sample(range(10), 4):
            rows.append((i, j, clamp(75 + a[i] + r[j] + rng.gauss(0, 5))))
    for i in range(20, 35):
        for j in rng.sample(range(10, 18), 3):
            rows.append((i, j, clamp(82 + a[i] + r[j] + rng.gauss(0, 5))))
    for j in (18, 19):
        for _ in range(2):
            rows.append((35, j, clamp(70 + a[35] + r[j] + rng.gauss(0, 5))))
    rng.shuffle(rows)
    write("disconnected", rows)


def boundary():
    # No rater effect at all and little data: REML puts the rater variance on the boundary 0.
    rng = random.Random(505)
    a = effects(rng, 25, 5.0)
    rows = []
    for i in range(25):
        for j in rng.sample(range(10), 3):
            rows.append((i, j, clamp(78 + a[i] + rng.gauss(0, 5))))
    write("boundary", rows)


def many_raters():
    # More raters than ratees (as with citizens scoring public-service staff): 20 ratees, each
    # scored by 3-6 of 70 raters, most raters scoring one or two ratees; 4 aspects.
    rng = random.Random(707)
    a, r = effects(rng, 20, 5.0), effects(rng, 70, 4.0)
    asp = [1.5, -0.5, 0.5, -1.5]
    rows = []
    for i in range(20):
        for j in sorted(rng.sample(range(70), rng.randint(3, 6))):
            for k in range(4):
                rows.append((i, j, k, clamp(75 + a[i] + r[j] + asp[k] + rng.gauss(0, 5))))
    write("many_raters", rows, aspects=True)


def teams():
    # A small organisation in the shape of bench_calibrate: teams of 5-30 employees, each
    # employee scored on 7 aspects by the head of the team, about 3 peers and up to 2 subordinates
    # (team members of lower rank); heads are members of the parent team.
    rng = random.Random(606)
    employees = 300
    team_of, teams_members = [], []
    e = 0
    while e < employees:
        size = min(rng.randint(5, 30), employees - e)
        teams_members.append(list(range(e, e + size)))
        e += size
    head = [t[0] for t in teams_members]  # the first member heads the team
    parent_head = [None] + [head[rng.randrange(0, t)] for t in range(1, len(teams_members))]
    a, r = effects(rng, employees, 5.0), effects(rng, employees, 4.0)
    asp = [2.0, -1.0, 0.5, 1.5, -2.0, -0.5, -0.5]
    rows = []
    for t, members in enumerate(teams_members):
        for pos, i in enumerate(members):
            raters = []
            if pos == 0:
                if parent_head[t] is not None:
                    raters.append(parent_head[t])
            else:
                raters.append(members[0])
            others = [m for m in members if m != i and m != members[0]]
            raters += rng.sample(others, min(len(others), rng.randint(2, 4)))
            juniors = [m for m in members[pos + 1:] if m not in raters]
            raters += juniors[:2]
            for j in raters:
                for k in range(7):
                    rows.append((i, j, k, clamp(78 + a[i] + r[j] + asp[k] + rng.gauss(0, 5))))
    write("teams", rows, aspects=True)


if __name__ == "__main__":
    balanced()
    unbalanced()
    aspects()
    disconnected()
    boundary()
    many_raters()
    teams()
