"""Optional numpy: imported unless the environment variable KINERJA_NO_NUMPY is "1"."""

import os

#: True when KINERJA_NO_NUMPY=1 forces the pure-Python path (lists, array('d')).
NO_NUMPY = os.environ.get("KINERJA_NO_NUMPY") == "1"

np = None
if not NO_NUMPY:
    try:
        import numpy as np  # noqa: F811
    except ImportError:  # pragma: no cover - depends on the interpreter
        np = None

#: True when results are numpy arrays.
HAVE_NUMPY = np is not None


def import_pandas():
    """pandas, or an ImportError that says why it is unavailable."""
    if NO_NUMPY:
        raise ImportError("kinerja: to_pandas() needs pandas and numpy, which KINERJA_NO_NUMPY=1 disables")
    try:
        import pandas
    except ImportError as e:
        raise ImportError("kinerja: to_pandas() needs pandas (pip install pandas, or kinerja[pandas]): %s" % e)
    return pandas
