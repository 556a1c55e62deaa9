"""Status codes of the C library -> Python exceptions.

Every exception raised for a failed C call is a :class:`Error` carrying ``.code`` (the negative
KIN_E* status) and ``.message`` (the context's last error message). Some codes also derive from
the matching built-in exception so ordinary ``except ValueError`` / ``except KeyError`` work.
"""

from . import _ffi


class Error(Exception):
    """A failed call of the kinerja C library.

    Attributes:
        code: the status (a negative ``KIN_E*`` code, see :mod:`kinerja._ffi`).
        message: the message of the C library's context.
    """

    def __init__(self, code, message=""):
        super().__init__(code, message)
        self.code = code
        self.message = message

    @property
    def status(self):
        """The short name of the status code, e.g. "invalid argument"."""
        text = _ffi.lib.kin_status_string(self.code)
        return text.decode("utf-8", "replace") if text else ""

    def __str__(self):
        return self.message or self.status


class InvalidArgumentError(Error, ValueError):
    """KIN_EINVAL: an argument is NULL, out of its domain, or an unknown name."""


class NotFoundError(Error, KeyError):
    """KIN_ENOTFOUND: a named thing (file, folder, table, column, setting) does not exist."""

    def __str__(self):  # KeyError would quote the message
        return Error.__str__(self)


class OutOfMemoryError(Error, MemoryError):
    """KIN_ENOMEM: memory ran out."""


class RangeError(Error, IndexError):
    """KIN_ERANGE: an index or value is out of range."""


class DataError(Error):
    """KIN_EDATA: the data break a rule.

    Attributes:
        diagnostics: list of "FILE:LINE:COLUMN: error: message" (and "warning:") strings, in the
            order the C library reports them; empty when the C call gave no diagnostics.
        errors: the number of errors found (kept in ``diagnostics`` or not).
        dropped: problems found beyond the C library's cap and not listed.
    """

    def __init__(self, code, message="", diagnostics=(), errors=0, dropped=0):
        super().__init__(code, message)
        self.diagnostics = list(diagnostics)
        self.errors = errors
        self.dropped = dropped


_BY_CODE = {
    _ffi.KIN_EINVAL: InvalidArgumentError,
    _ffi.KIN_ENOTFOUND: NotFoundError,
    _ffi.KIN_ENOMEM: OutOfMemoryError,
    _ffi.KIN_ERANGE: RangeError,
    _ffi.KIN_EDATA: DataError,
}


def error_for(code, message):
    """The exception for status `code` with `message` (not raised)."""
    return _BY_CODE.get(code, Error)(code, message)


def closed_error(what):
    """The error raised when a closed handle is used."""
    return Error(_ffi.KIN_ESTATE, "the %s is closed" % what)
