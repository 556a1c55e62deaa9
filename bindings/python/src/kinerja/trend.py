"""Trend statistics of arrays (kin_series_statistic): OLS, Mann-Kendall, Sen's slope, Pettitt and
the Hamed-Rao corrected Mann-Kendall test.

The single-series functions return a frozen dataclass whose fields are those of the C library
(kin_series_statistic_field), with ``n`` an int and ``status`` one of "ok", "too_short",
"constant", "degenerate". A value that does not exist is NaN. :func:`batch` computes many series
in one C call.
"""

import dataclasses
from ctypes import byref, c_size_t

from . import _ffi
from ._compat import HAVE_NUMPY
from ._core import context, check, in_buffer, out_buffer, lib
from ._errors import InvalidArgumentError

__all__ = ["ols", "mann_kendall", "sen_slope", "pettitt", "hamed_rao", "batch", "fields", "STATISTICS",
           "STATUSES", "OLS", "MannKendall", "SenSlope", "Pettitt", "HamedRao"]

#: Statistic name -> KIN_STAT_* code.
STATISTICS = {"ols": _ffi.KIN_STAT_OLS, "mann_kendall": _ffi.KIN_STAT_MANN_KENDALL,
              "sen_slope": _ffi.KIN_STAT_SEN_SLOPE, "pettitt": _ffi.KIN_STAT_PETTITT,
              "hamed_rao": _ffi.KIN_STAT_HAMED_RAO}

#: KIN_SERIES_* code -> status name.
STATUSES = {_ffi.KIN_SERIES_OK: "ok", _ffi.KIN_SERIES_TOO_SHORT: "too_short",
            _ffi.KIN_SERIES_CONSTANT: "constant", _ffi.KIN_SERIES_DEGENERATE: "degenerate"}


def _code(statistic):
    if isinstance(statistic, int) and statistic in STATISTICS.values():
        return statistic
    try:
        return STATISTICS[statistic]
    except (KeyError, TypeError):
        raise InvalidArgumentError(_ffi.KIN_EINVAL, "unknown statistic %r; statistics: %s"
                                   % (statistic, ", ".join(STATISTICS))) from None


_FIELDS = {}  # KIN_STAT_* code -> field names, asked of the library once


def fields(statistic):
    """The field names of `statistic` (a name of STATISTICS or a KIN_STAT_* code), in the order of
    the columns of :func:`batch`."""
    code = _code(statistic)
    names = _FIELDS.get(code)
    if names is None:
        names = tuple(lib.kin_series_statistic_field(code, i).decode()
                      for i in range(lib.kin_series_statistic_fields(code)))
        _FIELDS[code] = names
    return names


def _make_class(name, statistic, doc):
    spec = []
    for field in fields(statistic):
        spec.append((field, int if field == "n" else str if field == "status" else float))
    cls = dataclasses.make_dataclass(name, spec, frozen=True)
    cls.__module__ = __name__
    cls.__doc__ = doc + " Fields: " + ", ".join(f for f, _ in spec) + "."
    return cls


OLS = _make_class("OLS", "ols", "Ordinary least squares of y on t.")
MannKendall = _make_class("MannKendall", "mann_kendall", "The Mann-Kendall trend test.")
SenSlope = _make_class("SenSlope", "sen_slope", "The Theil-Sen slope with its confidence interval.")
Pettitt = _make_class("Pettitt", "pettitt", "Pettitt's change-point test.")
HamedRao = _make_class("HamedRao", "hamed_rao", "The Mann-Kendall test with the Hamed-Rao variance correction.")
_CLASSES = {_ffi.KIN_STAT_OLS: OLS, _ffi.KIN_STAT_MANN_KENDALL: MannKendall, _ffi.KIN_STAT_SEN_SLOPE: SenSlope,
            _ffi.KIN_STAT_PETTITT: Pettitt, _ffi.KIN_STAT_HAMED_RAO: HamedRao}


def _compute(code, y, t, offsets, parameter):
    """(out Buffer, series count, field count) of one kin_series_statistic call."""
    ys = in_buffer("d", y, "y")
    ts = None
    if t is not None:
        ts = in_buffer("d", t, "t")
        if ts.size != ys.size:
            raise InvalidArgumentError(_ffi.KIN_EINVAL, "t has %d values, y has %d" % (ts.size, ys.size))
    if offsets is None:
        offs = None
        count = 1
    else:
        offs = in_buffer("Q", offsets, "offsets")
        count = offs.size - 1
        if count < 0:
            raise InvalidArgumentError(_ffi.KIN_EINVAL, "offsets needs series_count + 1 values, starting with 0")
    width = len(fields(code))
    out = out_buffer("d", count * width)
    needed = c_size_t(0)
    ctx = context()
    check(ctx, lib.kin_series_statistic(ctx, out.ptr, out.size, byref(needed), code, ys.ptr,
                                        ts.ptr if ts is not None else None, ys.size,
                                        offs.ptr if offs is not None else None, count, float(parameter)))
    return out, count, width


def _single(code, y, t, parameter=0.0):
    out, _, _ = _compute(code, y, t, None, parameter)
    values = out.data.tolist()
    values[0] = int(values[0])  # n and status lead every statistic
    values[1] = STATUSES.get(int(values[1]), "unknown")
    return _CLASSES[code](*values)


def ols(y, t=None):
    """Least-squares line of y on t (t: None for 0, 1, 2, ...): :class:`OLS` with slope,
    intercept, slope_stderr, r_squared, t, p_value."""
    return _single(_ffi.KIN_STAT_OLS, y, t)


def mann_kendall(y, t=None):
    """The Mann-Kendall test: :class:`MannKendall` with s, var_s, z, p_value, tau_b."""
    return _single(_ffi.KIN_STAT_MANN_KENDALL, y, t)


def sen_slope(y, t=None, confidence=0.95):
    """The Theil-Sen slope: :class:`SenSlope` with slope, intercept and the `confidence` interval
    lower, upper."""
    return _single(_ffi.KIN_STAT_SEN_SLOPE, y, t, confidence)


def pettitt(y):
    """Pettitt's change-point test: :class:`Pettitt` with change_point, k, u, p_value."""
    return _single(_ffi.KIN_STAT_PETTITT, y, None)


def hamed_rao(y, t=None, alpha=0.05):
    """The Hamed-Rao corrected Mann-Kendall test (lags significant at `alpha`): :class:`HamedRao`."""
    return _single(_ffi.KIN_STAT_HAMED_RAO, y, t, alpha)


def batch(statistic, y, t=None, offsets=None, parameter=0.0):
    """One statistic of many series in ONE C call.

    Series s is y[offsets[s]:offsets[s + 1]] (and the same slice of t; t None: 0, 1, 2, ... in each
    series); offsets None: y is one series. `statistic` is a name of :data:`STATISTICS`;
    `parameter` the Sen confidence or the Hamed-Rao alpha (0: the default).

    Returns a (series, fields) float64 numpy array (columns :func:`fields`; the status column holds
    the KIN_SERIES_* code), or without numpy a list of tuples.
    """
    code = _code(statistic)
    out, count, width = _compute(code, y, t, offsets, parameter)
    if HAVE_NUMPY:
        return out.data.reshape(count, width)
    values = out.data.tolist()
    return [tuple(values[s * width:(s + 1) * width]) for s in range(count)]
