"""Thin ctypes layer over libkinerja_c: finds and loads the library and declares every function
of kinerja.h in ONE table (:data:`FUNCTIONS`).

Nothing here is Pythonic: the public modules build on :data:`lib`.
"""

import ctypes
import ctypes.util
import os

from ctypes import (POINTER, c_char_p, c_double, c_int, c_int64, c_size_t, c_uint, c_uint8, c_uint64,
                    c_void_p)

#: The major version of the C library this binding speaks (kin_version_number() // 10000).
EXPECTED_MAJOR = 0
#: The ABI version this binding speaks (kin_abi_version()).
EXPECTED_ABI = 1

# Status codes (kinerja.h).
KIN_OK = 0
KIN_ERROR = -1
KIN_EINVAL = -2
KIN_ENOMEM = -3
KIN_ERANGE = -4
KIN_ENOTFOUND = -5
KIN_EBUFS = -6
KIN_EFORMAT = -7
KIN_EVERSION = -8
KIN_ESTATE = -9
KIN_EINTERNAL = -10
KIN_EDATA = -11
KIN_EIO = -12

KIN_COLUMN_TEXT = 1
KIN_COLUMN_NUMBER = 2
KIN_COLUMN_INTEGER = 3

KIN_TREND_INDICATOR = 1
KIN_TREND_EMPLOYEE = 2
KIN_TREND_UNIT = 3
KIN_TREND_PREDIKAT = 4

KIN_STAT_OLS = 1
KIN_STAT_MANN_KENDALL = 2
KIN_STAT_SEN_SLOPE = 3
KIN_STAT_PETTITT = 4
KIN_STAT_HAMED_RAO = 5

KIN_SERIES_OK = 0
KIN_SERIES_TOO_SHORT = 1
KIN_SERIES_CONSTANT = 2
KIN_SERIES_DEGENERATE = 3

KIN_ALPHA_NOMINAL = 1
KIN_ALPHA_ORDINAL = 2
KIN_ALPHA_INTERVAL = 3
KIN_ALPHA_RATIO = 4

KIN_MODEL_RANDOM = 1
KIN_MODEL_FIXED = 2

# Opaque handles are plain void pointers; out-handles are void **.
_handle = c_void_p
_handle_out = POINTER(c_void_p)
_size_out = POINTER(c_size_t)
_strings = POINTER(c_char_p)
_pd = POINTER(c_double)
_pi64 = POINTER(c_int64)
_pu64 = POINTER(c_uint64)
_pu8 = POINTER(c_uint8)

#: Every function of kinerja.h: name -> (restype, argtypes). A test checks it against the header.
FUNCTIONS = {
    # Library
    "kin_version_number": (c_uint, []),
    "kin_version_string": (c_char_p, []),
    "kin_abi_version": (c_int, []),
    "kin_status_string": (c_char_p, [c_int]),
    # Context
    "kin_context_new": (c_int, [_handle_out]),
    "kin_context_free": (None, [_handle]),
    "kin_context_last_error": (c_char_p, [_handle]),
    "kin_context_last_status": (c_int, [_handle]),
    "kin_context_set_threads": (c_int, [_handle, c_uint]),
    # Datasets
    "kin_dataset_load": (c_int, [_handle, _handle_out, _handle_out, c_char_p]),
    "kin_dataset_free": (None, [_handle]),
    "kin_dataset_rows": (c_size_t, [_handle, c_char_p]),
    # Builder
    "kin_dataset_builder_new": (c_int, [_handle, _handle_out]),
    "kin_dataset_builder_free": (None, [_handle]),
    "kin_dataset_builder_set_columns": (c_int, [_handle, _handle, c_char_p, _strings, c_size_t]),
    "kin_dataset_builder_add_row": (c_int, [_handle, _handle, c_char_p, _strings, c_size_t]),
    "kin_dataset_builder_set_column_text": (c_int, [_handle, _handle, c_char_p, c_char_p, _strings, c_size_t]),
    "kin_dataset_builder_set_column_double": (c_int, [_handle, _handle, c_char_p, c_char_p, _pd, c_size_t]),
    "kin_dataset_builder_set_column_int64": (c_int, [_handle, _handle, c_char_p, c_char_p, _pi64, c_size_t]),
    "kin_dataset_builder_build": (c_int, [_handle, _handle_out, _handle_out, _handle]),
    # Diagnostics
    "kin_diagnostics_count": (c_size_t, [_handle]),
    "kin_diagnostics_errors": (c_size_t, [_handle]),
    "kin_diagnostics_dropped": (c_size_t, [_handle]),
    "kin_diagnostics_message": (c_char_p, [_handle, c_size_t]),
    "kin_diagnostics_is_error": (c_int, [_handle, c_size_t]),
    "kin_diagnostics_free": (None, [_handle]),
    # Rule packs
    "kin_rules_new": (c_int, [_handle, _handle_out, c_char_p]),
    "kin_rules_for_year": (c_int, [_handle, _handle_out, c_int]),
    "kin_rules_free": (None, [_handle]),
    "kin_rules_set": (c_int, [_handle, _handle, c_char_p, c_char_p]),
    "kin_rules_get": (c_int, [_handle, ctypes.c_char_p, c_size_t, _size_out, _handle, c_char_p]),
    "kin_rules_label": (c_char_p, [_handle]),
    # Analyses
    "kin_score": (c_int, [_handle, _handle_out, _handle, c_int, _handle]),
    "kin_distribution": (c_int, [_handle, _handle_out, _handle, c_char_p, _handle, c_int]),
    "kin_calibrate": (c_int, [_handle, _handle_out, _handle, c_char_p, _handle]),
    "kin_trend": (c_int, [_handle, _handle_out, _handle, c_int, c_char_p, c_char_p, _handle]),
    "kin_ikm": (c_int, [_handle, _handle_out, _handle, c_char_p, _handle]),
    # Statistics of arrays
    "kin_series_statistic_fields": (c_size_t, [c_int]),
    "kin_series_statistic_field": (c_char_p, [c_int, c_size_t]),
    "kin_series_statistic": (c_int, [_handle, _pd, c_size_t, _size_out, c_int, _pd, _pd, c_size_t, _pu64,
                                     c_size_t, c_double]),
    "kin_icc": (c_int, [_handle, _handle_out, _pd, c_size_t, c_size_t, c_size_t, c_double]),
    "kin_krippendorff_alpha": (c_int, [_handle, _pd, _pd, c_size_t, c_size_t, c_size_t, c_int]),
    "kin_rater_effects": (c_int, [_handle, _handle_out, _pi64, _pi64, _pd, c_size_t, c_int]),
    # Results
    "kin_result_free": (None, [_handle]),
    "kin_result_table_count": (c_size_t, [_handle]),
    "kin_result_table_name": (c_char_p, [_handle, c_size_t]),
    "kin_result_find_table": (c_int, [_handle, _size_out, _handle, c_char_p]),
    "kin_result_rows": (c_size_t, [_handle, c_size_t]),
    "kin_result_columns": (c_size_t, [_handle, c_size_t]),
    "kin_result_column_name": (c_char_p, [_handle, c_size_t, c_size_t]),
    "kin_result_column_type": (c_int, [_handle, c_size_t, c_size_t]),
    "kin_result_find_column": (c_int, [_handle, _size_out, _handle, c_size_t, c_char_p]),
    "kin_result_numbers": (c_int, [_handle, _pd, c_size_t, _size_out, _handle, c_size_t, c_size_t]),
    "kin_result_integers": (c_int, [_handle, _pi64, c_size_t, _size_out, _handle, c_size_t, c_size_t]),
    "kin_result_present": (c_int, [_handle, _pu8, c_size_t, _size_out, _handle, c_size_t, c_size_t]),
    "kin_result_text": (c_char_p, [_handle, c_size_t, c_size_t, c_size_t]),
    "kin_result_texts": (c_int, [_handle, c_void_p, c_size_t, _size_out, _pu64, c_size_t, _size_out, _handle,
                                 c_size_t, c_size_t]),
}


def _candidates():
    """Where to look for the library, in order."""
    env = os.environ.get("KIN_C_LIBRARY")
    if env:
        yield env, "KIN_C_LIBRARY"
        return
    here = os.path.dirname(os.path.abspath(__file__))
    for name in ("libkinerja_c.so.1", "libkinerja_c.1.dylib", "kinerja_c.dll"):
        path = os.path.join(here, name)
        if os.path.exists(path):
            yield path, "next to the package"
    found = ctypes.util.find_library("kinerja_c")
    if found:
        yield found, "ctypes.util.find_library('kinerja_c')"


def _load():
    errors = []
    for path, origin in _candidates():
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            errors.append("%s (%s): %s" % (path, origin, e))
    if errors:
        raise ImportError("kinerja: cannot load the C library libkinerja_c: " + "; ".join(errors))
    raise ImportError("kinerja: the C library libkinerja_c was not found: set KIN_C_LIBRARY to the path of "
                      "libkinerja_c.so.1, put libkinerja_c.so.1 next to the kinerja package, or install it where "
                      "the dynamic loader finds it")


def _declare(library):
    """Declares every function of FUNCTIONS; returns the names the library lacks."""
    missing = []
    for name, (restype, argtypes) in FUNCTIONS.items():
        try:
            function = getattr(library, name)
        except AttributeError:
            missing.append(name)
            continue
        function.restype = restype
        function.argtypes = argtypes
    return missing


def _check_version(library, path):
    """Raises ImportError unless the library is of the expected major version and ABI."""
    try:
        number = library.kin_version_number()
        abi = library.kin_abi_version()
        text = library.kin_version_string()
    except AttributeError as e:
        raise ImportError("kinerja: %s is not a kinerja C library: %s" % (path, e))
    if number // 10000 != EXPECTED_MAJOR or abi != EXPECTED_ABI:
        raise ImportError("kinerja: the C library %s is version %s (major %d, ABI %d), but this binding needs major "
                          "%d and ABI %d" % (path, text.decode("utf-8", "replace") if text else "?", number // 10000,
                                             abi, EXPECTED_MAJOR, EXPECTED_ABI))


lib, library_path = _load()
_missing = _declare(lib)
_check_version(lib, library_path)
if _missing:
    raise ImportError("kinerja: the C library %s lacks the functions %s" % (library_path, ", ".join(_missing)))
