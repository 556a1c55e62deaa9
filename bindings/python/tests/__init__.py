"""Tests of the kinerja Python binding (unittest). The package puts ../src first on sys.path so the
tests import the binding of this source tree; KIN_C_LIBRARY names the C library to test."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, os.pardir, "src"))
if SRC not in sys.path:
    sys.path.insert(0, SRC)

#: The sample dataset (score year 2025).
SAMPLE = os.environ.get("KIN_SAMPLE_DIR") or os.path.normpath(os.path.join(HERE, "..", "..", "..", "data", "sample"))
#: kinerja.h, for the declaration test.
HEADER = os.environ.get("KIN_C_HEADER") or os.path.normpath(os.path.join(HERE, "..", "..", "..", "capi", "kinerja.h"))
