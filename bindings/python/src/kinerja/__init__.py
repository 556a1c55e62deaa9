"""kinerja: scoring and analysing the performance of Indonesia's civil servants (ASN).

A Python binding over the stable C API of kinerja (libkinerja_c.so.1), with ctypes.

    >>> import kinerja
    >>> data = kinerja.Dataset.from_csv("data/sample")
    >>> result = kinerja.score(data, 2025)
    >>> employees = result["employee_scores"]
    >>> len(employees), employees.columns[:3]

The C library is found through the environment variable KIN_C_LIBRARY (a path), then a
libkinerja_c.so.1 next to this package, then ctypes.util.find_library("kinerja_c").
"""

from . import _ffi
from ._compat import HAVE_NUMPY
from ._core import (Dataset, DatasetBuilder, Result, Rules, Table, calibrate, distribution, ikm, score,
                    set_threads, trend_analysis)
from ._errors import (DataError, Error, InvalidArgumentError, NotFoundError, OutOfMemoryError, RangeError)
from . import calibration, reliability, trend

#: The version of the C library, kin_version_string().
__version__ = _ffi.lib.kin_version_string().decode()

#: The path of the loaded C library.
library_path = _ffi.library_path

__all__ = ["__version__", "Dataset", "DatasetBuilder", "Result", "Rules", "Table", "score", "distribution",
           "calibrate", "trend_analysis", "ikm", "set_threads", "Error", "DataError", "InvalidArgumentError",
           "NotFoundError", "OutOfMemoryError", "RangeError", "trend", "reliability", "calibration",
           "HAVE_NUMPY", "library_path"]
