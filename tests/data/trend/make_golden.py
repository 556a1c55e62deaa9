#!/usr/bin/python3
"""Golden values for kinerja's trend statistics (tests/unit/trend/trend_stats_test.cpp).

Run with an interpreter that has numpy and scipy (here /usr/bin/python3):

    /usr/bin/python3 tests/data/trend/make_golden.py

Writes series.csv (series,index,t,y,season) and expected.csv (series,method,field,value).
OLS, Kendall's tau-b and the Theil-Sen slope come from scipy.stats; Mann-Kendall, Hamed-Rao,
seasonal Mann-Kendall and Pettitt are plain O(n^2) transcriptions of the published formulas
(Hipel & McLeod 1994, Hamed & Rao 1998, Hirsch et al. 1982, Pettitt 1979), deliberately not
sharing any algorithm with the C++ code (which counts inversions by merge sort).
"""
import csv
import math
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261123)


def series_list():
    out = []
    t = np.arange(30.0)
    out.append(("linear_noise", t, 2.0 + 0.15 * t + rng.normal(0, 1, 30), None))
    t = np.arange(25.0)
    out.append(("integer_ties", t, np.round(3 + 0.1 * t + rng.normal(0, 1.2, 25)), None))
    t = np.array([0, 1, 2, 5, 6, 7, 8, 12, 13, 14, 15, 16, 20, 21, 22, 30, 31, 32, 33, 40], dtype=float)
    out.append(("gaps", t, 80 + 0.3 * t + rng.normal(0, 2, t.size), None))
    t = np.arange(10.0)
    out.append(("constant", t, np.full(10, 87.5), None))
    out.append(("n2", np.array([3.0, 7.5]), np.array([80.0, 82.5]), None))
    out.append(("n3", np.array([0.0, 1.0, 4.0]), np.array([70.0, 75.0, 72.0]), None))
    months = np.array([m for m in range(72) if m not in (13, 40, 41, 66)], dtype=float)
    seasonal = 75 + 0.05 * months + 4 * np.sin(2 * np.pi * months / 12) + rng.normal(0, 1.5, months.size)
    out.append(("seasonal_monthly", months, np.round(seasonal, 1), (months.astype(int) % 12)))
    n = 80
    e = rng.normal(0, 1, n)
    ar = np.zeros(n)
    for i in range(n):
        ar[i] = (0.75 * ar[i - 1] if i else 0) + e[i]
    t = np.arange(1.0, n + 1)
    out.append(("autocorrelated", t, 50 + 0.02 * t + 2 * ar, None))
    t = np.arange(40.0)
    out.append(("step_down", t, np.where(t < 23, 90.0, 84.0) + rng.normal(0, 1.5, 40), None))
    t = np.arange(150.0)
    out.append(("long_rounded", t, np.round(60 + 0.01 * t + rng.normal(0, 3, 150)), None))
    t = np.cumsum(rng.uniform(0.5, 2.5, 35))
    out.append(("real_times_down", t, 95 - 0.4 * t + rng.normal(0, 1.0, 35), None))
    t = np.arange(12.0)
    out.append(("zigzag", t, np.array([1.0, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3]), None))
    t = np.array([0, 1, 3, 4, 6, 9, 10, 11, 15, 18, 19, 23, 24, 27], dtype=float)
    out.append(("paired_ties_gaps", t, np.array([5.0, 5, 6, 6, 4, 4, 7, 7, 7, 8, 3, 8, 9, 9]), None))
    t = np.arange(500.0)
    out.append(("long_500", t, np.round(0.002 * t + rng.normal(0, 1, 500), 2), None))
    t = np.arange(24.0)
    season = np.arange(24) % 4
    out.append(("quarterly_constant_seasons", t, np.array([10.0, 20, 30, 40] * 6), season))
    return out


def sign(x):
    return (x > 0).astype(int) - (x < 0).astype(int)


def mk_core(y):
    n = len(y)
    s = 0
    for k in range(n - 1):
        s += int(np.sum(sign(y[k + 1:] - y[k])))
    _, counts = np.unique(y, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - sum(g * (g - 1) * (2 * g + 5) for g in counts)) / 18.0
    return s, var


def mk_z(s, var):
    if s > 0:
        return (s - 1) / math.sqrt(var)
    if s < 0:
        return (s + 1) / math.sqrt(var)
    return 0.0


def two_sided(z):
    return 2 * stats.norm.sf(abs(z))


def mann_kendall(y, t):
    if len(y) < 2:
        return {"status": "too_short"}
    s, var = mk_core(y)
    if var <= 0:
        return {"status": "constant", "s": s, "var_s": 0.0}
    z = mk_z(s, var)
    tau = stats.kendalltau(t, y).statistic
    return {"status": "ok", "s": s, "var_s": var, "z": z, "p_value": two_sided(z), "tau_b": tau}


def hamed_rao(y, t, alpha=0.05, max_lag=None):
    n = len(y)
    if n < 3:
        return {"status": "too_short"}, math.inf
    s, var = mk_core(y)
    if var <= 0:
        return {"status": "constant", "s": s, "var_s": 0.0}, math.inf
    slopes = [(y[j] - y[i]) / (t[j] - t[i]) for i in range(n) for j in range(i + 1, n)]
    slope = np.median(slopes)
    ranks = stats.rankdata(y - t * slope)
    r = ranks - ranks.mean()
    acov = np.correlate(r, r, "full")[n - 1:] / n
    acf = acov / acov[0] if acov[0] > 0 else np.zeros(n)
    bound = stats.norm.ppf(1 - alpha / 2) / math.sqrt(n)
    last = n - 1 if max_lag is None else min(max_lag, n - 1)
    total, used, closest = 0.0, 0, math.inf
    for k in range(1, last + 1):
        closest = min(closest, abs(abs(acf[k]) - bound))
        if abs(acf[k]) > bound:
            total += (n - k) * (n - k - 1) * (n - k - 2) * acf[k]
            used += 1
    correction = 1 + 2.0 / (n * (n - 1) * (n - 2)) * total
    cvar = var * correction
    out = {"s": s, "var_s": var, "correction": correction, "corrected_var_s": cvar, "significant_lags": used}
    if cvar <= 0:
        out["status"] = "degenerate"
        return out, closest
    z = mk_z(s, cvar)
    out.update({"status": "ok", "z": z, "p_value": two_sided(z)})
    return out, closest


def seasonal(y, season):
    s_total, var_total, pairs, used = 0, 0.0, 0.0, 0
    for k in sorted(set(season.tolist())):
        ys = y[season == k]
        if len(ys) < 2:
            continue
        used += 1
        s, var = mk_core(ys)
        s_total += s
        var_total += var
        pairs += len(ys) * (len(ys) - 1) / 2
    if used == 0:
        return {"status": "too_short"}
    if var_total <= 0:
        return {"status": "constant", "s": s_total, "var_s": 0.0, "seasons_used": used}
    z = mk_z(s_total, var_total)
    return {"status": "ok", "s": s_total, "var_s": var_total, "z": z, "p_value": two_sided(z),
            "tau": s_total / pairs, "seasons_used": used}


def ols(y, t):
    if len(y) < 3:
        return {"status": "too_short"}
    if np.all(y == y[0]):
        return {"status": "constant", "slope": 0.0, "intercept": y[0], "slope_stderr": 0.0}
    r = stats.linregress(t, y)
    return {"status": "ok", "slope": r.slope, "intercept": r.intercept, "r_squared": r.rvalue ** 2,
            "p_value": r.pvalue, "slope_stderr": r.stderr, "t_statistic": r.slope / r.stderr}


def sen(y, t):
    if len(y) < 2:
        return {"status": "too_short"}
    r = stats.theilslopes(y, t, 0.95, method="joint")
    return {"status": "ok", "slope": r.slope, "intercept": r.intercept, "lower": r.low_slope, "upper": r.high_slope}


def pettitt(y):
    n = len(y)
    if n < 2:
        return {"status": "too_short"}
    if np.all(y == y[0]):
        return {"status": "constant", "change_point": 0, "k": 0, "u": 0, "p_value": 1.0}
    best_k, best_u, best_at = -1, 0, 0
    for k in range(1, n):
        u = sum(int(np.sum(sign(y[i] - y[k:]))) for i in range(k))
        if abs(u) > best_k:
            best_k, best_u, best_at = abs(u), u, k
    p = min(1.0, 2 * math.exp(-6.0 * best_k ** 2 / (n ** 3 + n ** 2)))
    return {"status": "ok", "change_point": best_at, "k": best_k, "u": best_u, "p_value": p}


def fmt(v):
    if isinstance(v, str):
        return v
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return repr(float(v))


def main():
    with open(os.path.join(HERE, "series.csv"), "w", newline="") as fs, \
            open(os.path.join(HERE, "expected.csv"), "w", newline="") as fe:
        ws, we = csv.writer(fs, lineterminator="\n"), csv.writer(fe, lineterminator="\n")
        ws.writerow(["series", "index", "t", "y", "season"])
        we.writerow(["series", "method", "field", "value"])
        for name, t, y, season in series_list():
            for i in range(len(y)):
                ws.writerow([name, i, fmt(t[i]), fmt(y[i]), "" if season is None else int(season[i])])
            results = {"ols": ols(y, t), "mann_kendall": mann_kendall(y, t), "sen_slope": sen(y, t),
                       "pettitt": pettitt(y)}
            hr, closest = hamed_rao(y, t)
            assert closest > 1e-6, (name, closest)  # no autocorrelation sits on the 5% bound
            results["hamed_rao"] = hr
            hr3, closest = hamed_rao(y, t, max_lag=3)
            assert closest > 1e-6, (name, closest)
            results["hamed_rao_lag3"] = hr3
            if season is not None:
                results["seasonal_mann_kendall"] = seasonal(y, season)
            for method, fields in results.items():
                for field, value in fields.items():
                    we.writerow([name, method, field, fmt(value)])


if __name__ == "__main__":
    main()
