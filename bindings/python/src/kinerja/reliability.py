"""Inter-rater reliability of score matrices: intraclass correlations and Krippendorff's alpha."""

import math
from ctypes import byref, c_double, c_void_p

from . import _ffi
from ._core import Result, check, context, lib, matrix_buffer
from ._errors import InvalidArgumentError

__all__ = ["icc", "krippendorff_alpha", "ALPHA_LEVELS"]

#: Level name -> KIN_ALPHA_* code.
ALPHA_LEVELS = {"nominal": _ffi.KIN_ALPHA_NOMINAL, "ordinal": _ffi.KIN_ALPHA_ORDINAL,
                "interval": _ffi.KIN_ALPHA_INTERVAL, "ratio": _ffi.KIN_ALPHA_RATIO}


def icc(matrix, confidence=0.95):
    """The six intraclass correlations (as psych::ICC) of a complete score matrix: rows are
    targets, columns raters; a 2-D numpy array (any strides) or a list of lists.

    Returns the Table ``icc`` with one row per form: type, shrout_fleiss, mcgraw_wong, value, f,
    df1, df2, p_value, lower, upper, status.
    """
    buf, rows, columns = matrix_buffer(matrix)
    ctx = context()
    out = c_void_p()
    check(ctx, lib.kin_icc(ctx, byref(out), buf.ptr, rows, columns, columns, float(confidence)))
    return Result(out.value)["icc"]


def krippendorff_alpha(matrix, level="interval"):
    """Krippendorff's alpha of a score matrix (rows: units, columns: coders; NaN or None: missing)
    at `level` "nominal", "ordinal", "interval" or "ratio". NaN when undefined."""
    try:
        code = ALPHA_LEVELS[level]
    except KeyError:
        raise InvalidArgumentError(_ffi.KIN_EINVAL, "unknown level %r; levels: %s"
                                   % (level, ", ".join(ALPHA_LEVELS))) from None
    buf, rows, columns = matrix_buffer(matrix)
    ctx = context()
    alpha = c_double(math.nan)
    check(ctx, lib.kin_krippendorff_alpha(ctx, byref(alpha), buf.ptr, rows, columns, columns, code))
    return alpha.value
