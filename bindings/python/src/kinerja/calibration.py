"""Rater effects (leniency / severity) of scores given as (ratee, rater, score) triples."""

from ctypes import byref, c_void_p

from . import _ffi
from ._core import Result, check, context, in_buffer, lib
from ._errors import InvalidArgumentError

__all__ = ["rater_effects", "MODELS"]

#: Model name -> KIN_MODEL_* code.
MODELS = {"random": _ffi.KIN_MODEL_RANDOM, "fixed": _ffi.KIN_MODEL_FIXED}


def rater_effects(ratee, rater, score, model="random"):
    """Rater and ratee effects of the triples (ratee[i], rater[i], score[i]); ids are integers.

    `model`: "random" (crossed random effects, REML, as lme4) or "fixed" (least squares with
    sum-to-zero effects). A positive rater effect is lenient.

    Returns a Result with tables raters, ratees and model.
    """
    try:
        code = MODELS[model]
    except KeyError:
        raise InvalidArgumentError(_ffi.KIN_EINVAL, "unknown model %r; models: random, fixed" % (model,)) from None
    ratees = in_buffer("q", ratee, "ratee")
    raters = in_buffer("q", rater, "rater")
    scores = in_buffer("d", score, "score")
    if not ratees.size == raters.size == scores.size:
        raise InvalidArgumentError(_ffi.KIN_EINVAL, "ratee, rater and score differ in length: %d, %d, %d"
                                   % (ratees.size, raters.size, scores.size))
    ctx = context()
    out = c_void_p()
    check(ctx, lib.kin_rater_effects(ctx, byref(out), ratees.ptr, raters.ptr, scores.ptr, scores.size, code))
    return Result(out.value)
