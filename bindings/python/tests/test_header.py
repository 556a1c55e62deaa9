"""_ffi.FUNCTIONS declares exactly the KIN_API functions of kinerja.h, with their parameter counts."""

import ctypes
import os
import re
import unittest

from kinerja import _ffi

from . import HEADER


def header_functions(path):
    """name -> parameter count of every KIN_API declaration of the header."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"^\s*#[^\n]*(\\\n[^\n]*)*", " ", text, flags=re.M)  # preprocessor lines
    functions = {}
    returns = {}
    for match in re.finditer(r"\bKIN_API\b([^;{]*?)\b(kin_\w+)\s*\(([^)]*)\)\s*;", text, flags=re.S):
        name, params = match.group(2), match.group(3).strip()
        count = 0 if params in ("", "void") else len([p for p in params.split(",") if p.strip()])
        functions[name] = count
        returns[name] = " ".join(match.group(1).split())
    return functions, returns


class HeaderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(HEADER):
            raise unittest.SkipTest("kinerja.h not found: set KIN_C_HEADER")
        cls.functions, cls.returns = header_functions(HEADER)

    def test_parser_found_the_functions(self):
        self.assertGreater(len(self.functions), 40)
        self.assertEqual(self.functions["kin_version_number"], 0)
        self.assertEqual(self.functions["kin_series_statistic"], 11)

    def test_same_names(self):
        header = set(self.functions)
        table = set(_ffi.FUNCTIONS)
        self.assertEqual(sorted(header - table), [], "in kinerja.h, not declared in _ffi.FUNCTIONS")
        self.assertEqual(sorted(table - header), [], "declared in _ffi.FUNCTIONS, not in kinerja.h")

    def test_same_parameter_counts(self):
        for name, count in self.functions.items():
            if name in _ffi.FUNCTIONS:
                self.assertEqual(len(_ffi.FUNCTIONS[name][1]), count, name)

    def test_return_types(self):
        # the default restype c_int would truncate pointers and size_t
        expected = {"int": ctypes.c_int, "void": None, "size_t": ctypes.c_size_t, "unsigned": ctypes.c_uint,
                    "const char *": ctypes.c_char_p}
        for name, returned in self.returns.items():
            if name not in _ffi.FUNCTIONS:
                continue
            self.assertIn(returned, expected, name)
            self.assertIs(_ffi.FUNCTIONS[name][0], expected[returned], name)
            self.assertIs(getattr(_ffi.lib, name).restype, expected[returned], name)


if __name__ == "__main__":
    unittest.main()
