"""How the C library is found and checked at import."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import kinerja

from . import SRC


def _python(code, env_changes, path):
    env = dict(os.environ)
    env.pop("KIN_C_LIBRARY", None)
    env["PYTHONPATH"] = path
    env["LD_LIBRARY_PATH"] = ""
    env.update(env_changes)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


class LoadingTest(unittest.TestCase):
    def test_bad_kin_c_library_is_an_import_error(self):
        run = _python("import kinerja", {"KIN_C_LIBRARY": "/no/such/libkinerja_c.so.1"}, SRC)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("ImportError", run.stderr)
        self.assertIn("/no/such/libkinerja_c.so.1", run.stderr)

    def test_library_next_to_the_package(self):
        folder = tempfile.mkdtemp()
        try:
            shutil.copytree(os.path.join(SRC, "kinerja"), os.path.join(folder, "kinerja"),
                            ignore=shutil.ignore_patterns("__pycache__"))
            shutil.copy(kinerja.library_path, os.path.join(folder, "kinerja", "libkinerja_c.so.1"))
            run = _python("import kinerja; print(kinerja.library_path); print(kinerja.__version__)", {}, folder)
            self.assertEqual(run.returncode, 0, run.stderr)
            path, version = run.stdout.split()
            self.assertEqual(path, os.path.join(folder, "kinerja", "libkinerja_c.so.1"))
            self.assertEqual(version, kinerja.__version__)
        finally:
            shutil.rmtree(folder)

    @unittest.skipUnless(shutil.which("cc"), "no C compiler to make a fake library")
    def test_version_mismatch_is_an_import_error(self):
        folder = tempfile.mkdtemp()
        try:
            source = os.path.join(folder, "fake.c")
            with open(source, "w") as f:
                f.write('unsigned kin_version_number(void) { return 10203; }\n'
                        'const char *kin_version_string(void) { return "1.2.3"; }\n'
                        'int kin_abi_version(void) { return 2; }\n')
            library = os.path.join(folder, "libfake.so")
            subprocess.run(["cc", "-shared", "-fPIC", "-o", library, source], check=True)
            run = _python("import kinerja", {"KIN_C_LIBRARY": library}, SRC)
            self.assertNotEqual(run.returncode, 0)
            self.assertIn("ImportError", run.stderr)
            self.assertIn("1.2.3", run.stderr)
            self.assertIn("needs major 0 and ABI 1", run.stderr)
        finally:
            shutil.rmtree(folder)

    def test_versions_checked(self):
        lib = kinerja._ffi.lib
        self.assertEqual(lib.kin_version_number() // 10000, kinerja._ffi.EXPECTED_MAJOR)
        self.assertEqual(lib.kin_abi_version(), kinerja._ffi.EXPECTED_ABI)
        self.assertEqual(kinerja.__version__, lib.kin_version_string().decode())


if __name__ == "__main__":
    unittest.main()
