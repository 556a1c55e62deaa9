# Golden values of tests/unit/trend/projection_test.cpp from statsmodels OLS get_prediction.
# Run with a Python that has numpy, scipy and statsmodels: /usr/bin/python3 golden.py
import numpy as np
import statsmodels.api as sm
from scipy import stats

ALPHA = 0.10  # level 0.90


def fit(x, y):
    return sm.OLS(np.asarray(y, float), sm.add_constant(np.asarray(x, float))).fit()


def sum_interval(res, x_future, observed_sum):
    # Prediction interval of observed sum + sum of future values: Var = s^2 m + a' Cov(beta) a.
    a = np.array([len(x_future), float(np.sum(x_future))])
    value = observed_sum + a @ res.params
    se = np.sqrt(res.scale * len(x_future) + a @ res.cov_params() @ a)
    t = stats.t.ppf(1 - ALPHA / 2, res.df_resid)
    return value, value - t * se, value + t * se


# Series A: months 1..5.
xa, ya = [1, 2, 3, 4, 5], [3, 5, 4, 8, 9]
ra = fit(xa, ya)
future = np.arange(6, 13)
print("A slope", repr(ra.params[1]))
v, lo, hi = sum_interval(ra, future, sum(ya))
print("A sum", repr(v), repr(lo), repr(hi))
n_total = len(ya) + len(future)
print("A mean", repr(v / n_total), repr(lo / n_total), repr(hi / n_total))
f = ra.get_prediction(sm.add_constant(future.astype(float), has_constant="add")).summary_frame(alpha=ALPHA)
print("A last", repr(f["mean"].iloc[-1]), repr(f["obs_ci_lower"].iloc[-1]), repr(f["obs_ci_upper"].iloc[-1]))
print("A max", repr(max(max(ya), f["mean"].max())), repr(max(max(ya), f["obs_ci_lower"].max())),
      repr(max(max(ya), f["obs_ci_upper"].max())))
print("A min", repr(min(min(ya), f["mean"].min())), repr(min(min(ya), f["obs_ci_lower"].min())),
      repr(min(min(ya), f["obs_ci_upper"].min())))

# Series B (polarity min, accumulation last): months 1..4.
xb, yb = [1, 2, 3, 4], [50, 46, 47, 41]
rb = fit(xb, yb)
fb = rb.get_prediction(np.array([[1.0, 12.0]])).summary_frame(alpha=ALPHA)
print("B last", repr(fb["mean"].iloc[0]), repr(fb["obs_ci_lower"].iloc[0]), repr(fb["obs_ci_upper"].iloc[0]))
# Series C (accumulation max and min): months 1..4, no trend, wide intervals.
xc, yc = [1, 2, 3, 4], [10, 12, 9, 11]
rc = fit(xc, yc)
fc = rc.get_prediction(sm.add_constant(np.arange(5, 13).astype(float), has_constant="add")).summary_frame(alpha=ALPHA)
print("C max", repr(max(max(yc), fc["mean"].max())), repr(max(max(yc), fc["obs_ci_lower"].max())),
      repr(max(max(yc), fc["obs_ci_upper"].max())))
print("C min", repr(min(min(yc), fc["mean"].min())), repr(min(min(yc), fc["obs_ci_lower"].min())),
      repr(min(min(yc), fc["obs_ci_upper"].min())))
