"""The Pythonic layer over the C library: contexts, handles, datasets, rule packs, results."""

import array
import math
import numbers
import os
import threading
import weakref
from collections.abc import Mapping
from ctypes import POINTER, byref, c_char_p, c_double, c_int64, c_size_t, c_uint8, c_uint64, c_void_p
from ctypes import create_string_buffer, string_at

from . import _ffi
from ._compat import HAVE_NUMPY, import_pandas, np
from ._errors import DataError, InvalidArgumentError, NotFoundError, closed_error, error_for

lib = _ffi.lib

# ---------------------------------------------------------------------------------------------
# Contexts: one per Python thread
# ---------------------------------------------------------------------------------------------


class _Context:
    """A kin_context owned by one Python thread; freed when the thread's locals go away."""

    def __init__(self):
        out = c_void_p()
        status = lib.kin_context_new(byref(out))
        if status != _ffi.KIN_OK:
            raise error_for(status, "cannot create a kinerja context")
        self.ptr = out.value
        self._finalizer = weakref.finalize(self, lib.kin_context_free, self.ptr)


_local = threading.local()


def context():
    """The kin_context pointer of the calling thread (created on first use)."""
    ctx = getattr(_local, "context", None)
    if ctx is None:
        ctx = _local.context = _Context()
    return ctx.ptr


def last_error(ctx):
    """The context's last error message as str."""
    text = lib.kin_context_last_error(ctx)
    return text.decode("utf-8", "replace") if text else ""


def check(ctx, status):
    """Raises the exception of `status` (with the context's message) unless it is KIN_OK."""
    if status != _ffi.KIN_OK:
        raise error_for(status, last_error(ctx))


def set_threads(threads):
    """Sets how many threads the analyses started from the calling Python thread may use
    (0, the default: one per core). Results do not depend on it."""
    ctx = context()
    check(ctx, lib.kin_context_set_threads(ctx, int(threads)))


def _text(value):
    return value.decode("utf-8") if value is not None else None


def _encode(value, what="argument"):
    if isinstance(value, bytes):
        return value
    if isinstance(value, os.PathLike):
        return os.fsencode(value)
    if not isinstance(value, str):
        raise InvalidArgumentError(_ffi.KIN_EINVAL, "%s must be a str, not %s" % (what, type(value).__name__))
    return value.encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Buffers (numpy zero-copy when available, array/ctypes otherwise)
# ---------------------------------------------------------------------------------------------

_PD = POINTER(c_double)
_PI64 = POINTER(c_int64)
_PU64 = POINTER(c_uint64)
_PU8 = POINTER(c_uint8)
_CTYPE = {"d": c_double, "q": c_int64, "Q": c_uint64, "B": c_uint8}
_PTR = {"d": _PD, "q": _PI64, "Q": _PU64, "B": _PU8}
_NPTYPE = {"d": "float64", "q": "int64", "Q": "uint64", "B": "uint8"}


class Buffer:
    """A contiguous buffer of one C type with a pointer to pass to C; `data` is the numpy array or
    the array.array that owns the memory (keep the Buffer alive during the call)."""

    __slots__ = ("data", "ptr", "size")

    def __init__(self, data, ptr, size):
        self.data = data
        self.ptr = ptr
        self.size = size


def out_buffer(code, size):
    """A preallocated output buffer of `size` elements of type code 'd', 'q', 'Q' or 'B'."""
    if HAVE_NUMPY:
        data = np.empty(size, dtype=_NPTYPE[code])
        return Buffer(data, data.ctypes.data_as(_PTR[code]), size)
    data = array.array(code, bytes(size * array.array(code).itemsize))
    ptr = (_CTYPE[code] * size).from_buffer(data) if size else None
    return Buffer(data, ptr, size)


def _float_or_nan(x):
    return math.nan if x is None else float(x)


def in_buffer(code, values, what="values"):
    """An input buffer of type code 'd', 'q' or 'Q' from a 1-D sequence or numpy array (None -> NaN
    for doubles). With numpy, an array of the right dtype that is already contiguous is not copied."""
    if HAVE_NUMPY:
        try:
            if code == "d" and not isinstance(values, np.ndarray):
                values = [math.nan if v is None else v for v in values]
            data = np.ascontiguousarray(values, dtype=_NPTYPE[code])
        except (TypeError, ValueError) as e:
            raise InvalidArgumentError(_ffi.KIN_EINVAL, "%s: %s" % (what, e))
        if data.ndim != 1:
            raise InvalidArgumentError(_ffi.KIN_EINVAL, "%s must be one-dimensional" % what)
        return Buffer(data, data.ctypes.data_as(_PTR[code]), data.shape[0])
    try:
        if code == "d":
            data = array.array("d", (_float_or_nan(v) for v in values))
        else:
            data = array.array(code, (int(v) for v in values))
    except (TypeError, ValueError, OverflowError) as e:
        raise InvalidArgumentError(_ffi.KIN_EINVAL, "%s: %s" % (what, e))
    ptr = (_CTYPE[code] * len(data)).from_buffer(data) if len(data) else None
    return Buffer(data, ptr, len(data))


def matrix_buffer(matrix, what="matrix"):
    """(Buffer, rows, columns) of a 2-D numpy array (any strides) or a list of lists (None -> NaN)."""
    if HAVE_NUMPY and isinstance(matrix, np.ndarray):
        data = np.ascontiguousarray(matrix, dtype=np.float64)
        if data.ndim != 2:
            raise InvalidArgumentError(_ffi.KIN_EINVAL, "%s must be two-dimensional" % what)
        rows, columns = data.shape
        return Buffer(data, data.ctypes.data_as(_PD), data.size), rows, columns
    rows = [list(row) for row in matrix]
    columns = len(rows[0]) if rows else 0
    for r, row in enumerate(rows):
        if len(row) != columns:
            raise InvalidArgumentError(_ffi.KIN_EINVAL, "%s: row %d has %d values, row 0 has %d"
                                       % (what, r, len(row), columns))
    flat = [v for row in rows for v in row]
    return in_buffer("d", flat, what), len(rows), columns


def to_list(buffer):
    """The elements of an output Buffer as a Python list."""
    return buffer.data.tolist()


# ---------------------------------------------------------------------------------------------
# Handles
# ---------------------------------------------------------------------------------------------


class Handle:
    """Base of the objects that own a C handle: close() frees it at once (twice is fine), a
    finalizer frees it when the object is collected, and ``with`` closes it at the end."""

    _kind = "handle"
    _free = None  # name of the kin_*_free function

    def __init__(self, ptr, parent=None):
        self._handle = ptr
        self._parent = parent  # keeps a parent alive while this object lives
        self._finalizer = weakref.finalize(self, getattr(lib, self._free), ptr)

    @property
    def _ptr(self):
        if self._handle is None:
            raise closed_error(self._kind)
        return self._handle

    @property
    def closed(self):
        """True after close()."""
        return self._handle is None

    def close(self):
        """Frees the C object now. Further use raises kinerja.Error; closing again does nothing."""
        self._handle = None
        self._finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def _read_diagnostics(diag):
    count = lib.kin_diagnostics_count(diag)
    messages = [_text(lib.kin_diagnostics_message(diag, i)) for i in range(count)]
    return messages, lib.kin_diagnostics_errors(diag), lib.kin_diagnostics_dropped(diag)


def _make_dataset(call):
    """Runs call(ctx, out, diagnostics_out) and returns a Dataset or raises (DataError on KIN_EDATA)."""
    ctx = context()
    out = c_void_p()
    diag = c_void_p()
    status = call(ctx, byref(out), byref(diag))
    message = last_error(ctx)
    try:
        messages, errors, dropped = _read_diagnostics(diag.value) if diag.value else ([], 0, 0)
    finally:
        lib.kin_diagnostics_free(diag.value)
    if status == _ffi.KIN_EDATA:
        raise DataError(status, message, messages, errors, dropped)
    if status != _ffi.KIN_OK:
        raise error_for(status, message)
    return Dataset._wrap(out.value, messages)


TABLES = ("units", "employees", "indicators", "realizations", "ratings", "feedback", "org_ratings", "surveys")


class Dataset(Handle):
    """A validated dataset (the CSV tables of docs/dataset-format.md).

    Make one with :meth:`from_csv` or :meth:`from_tables`. Attribute ``warnings`` lists the
    warnings found while validating ("FILE:LINE:COLUMN: warning: ...").
    """

    _kind = "dataset"
    _free = "kin_dataset_free"

    def __init__(self, *args, **kwargs):
        raise TypeError("use kinerja.Dataset.from_csv(path) or kinerja.Dataset.from_tables(tables)")

    @classmethod
    def _wrap(cls, ptr, warnings):
        self = object.__new__(cls)
        Handle.__init__(self, ptr)
        self.warnings = list(warnings)
        return self

    @classmethod
    def from_csv(cls, path):
        """Loads and validates a dataset folder of CSV files.

        Raises:
            NotFoundError (a KeyError): no such folder.
            DataError: the data have errors; ``.diagnostics`` lists them as
                "FILE:LINE:COLUMN: error: message".
        """
        folder = _encode(path, "path")
        return _make_dataset(lambda ctx, out, diag: lib.kin_dataset_load(ctx, out, diag, folder))

    @classmethod
    def from_tables(cls, tables):
        """Builds and validates a dataset from memory.

        `tables` maps a table name ("units", "employees", ...) to either
          - a list of dicts (rows): the columns are the union of the keys in first-seen order; a
            missing key or None is an empty field; or
          - a dict of column name -> sequence (columns, all of one length): numbers go to the C
            library as numbers, integers as int64, anything else as text; None (or NaN) is empty.
        Validation is that of :meth:`from_csv` (messages name the table's file and line).
        """
        with DatasetBuilder() as builder:
            for table, spec in tables.items():
                if isinstance(spec, Mapping) or _is_dataframe(spec):
                    columns = spec if isinstance(spec, Mapping) else {c: spec[c].to_numpy() for c in spec.columns}
                    for column, values in columns.items():
                        builder.set_column(table, column, values)
                else:
                    rows = list(spec)
                    names = []
                    seen = set()
                    for row in rows:
                        if not isinstance(row, Mapping):
                            raise InvalidArgumentError(_ffi.KIN_EINVAL, "table %r: a row must be a dict, not %s"
                                                       % (table, type(row).__name__))
                        for key in row:
                            if key not in seen:
                                seen.add(key)
                                names.append(key)
                    builder.set_columns(table, names)
                    for row in rows:
                        builder.add_row(table, [row.get(name) for name in names])
            return builder.build()

    def rows(self, table):
        """The number of rows of `table` ("units", "employees", ...; ".csv" may be added)."""
        name = table[:-4] if table.endswith(".csv") else table
        if name not in TABLES:
            raise NotFoundError(_ffi.KIN_ENOTFOUND, "unknown table %r; the tables are %s" % (table, ", ".join(TABLES)))
        return lib.kin_dataset_rows(self._ptr, _encode(table))

    def __repr__(self):
        if self.closed:
            return "<kinerja.Dataset closed>"
        return "<kinerja.Dataset %s>" % ", ".join("%s=%d" % (t, self.rows(t)) for t in TABLES)


def _is_dataframe(value):
    return hasattr(value, "columns") and hasattr(value, "to_numpy") and hasattr(value, "iloc")


def _cell_text(value):
    """The CSV text of one cell; None for an empty field."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, bool) or (HAVE_NUMPY and isinstance(value, np.bool_)):
        return "1" if value else "0"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        v = float(value)
        if math.isnan(v):
            return None
        return repr(v) if not v.is_integer() or abs(v) >= 1e16 else str(int(v))
    return str(value)


def _strings(values):
    encoded = [None if v is None else v.encode("utf-8") for v in values]
    return (c_char_p * len(encoded))(*encoded), len(encoded)


class DatasetBuilder(Handle):
    """Builds a dataset from memory (kin_dataset_builder). Each table is filled either by rows
    (set_columns then add_row) or by columns (set_column), not both. Most code uses
    :meth:`Dataset.from_tables` instead."""

    _kind = "dataset builder"
    _free = "kin_dataset_builder_free"

    def __init__(self):
        ctx = context()
        out = c_void_p()
        check(ctx, lib.kin_dataset_builder_new(ctx, byref(out)))
        Handle.__init__(self, out.value)

    def set_columns(self, table, names):
        """Names the columns of `table` for add_row()."""
        ctx = context()
        array_, count = _strings([str(n) for n in names])
        check(ctx, lib.kin_dataset_builder_set_columns(ctx, self._ptr, _encode(table, "table"), array_, count))

    def add_row(self, table, fields):
        """Adds one row of `table` (values in the order of set_columns(); None is empty)."""
        ctx = context()
        array_, count = _strings([_cell_text(f) for f in fields])
        check(ctx, lib.kin_dataset_builder_add_row(ctx, self._ptr, _encode(table, "table"), array_, count))

    def set_column(self, table, column, values):
        """Sets one column of `table`: floats as numbers (None/NaN empty), integers as int64, other
        values as text (None empty)."""
        ctx = context()
        ptr = self._ptr
        t = _encode(table, "table")
        c = _encode(str(column), "column")
        kind, data = _column_kind(values)
        if kind == "d":
            buf = in_buffer("d", data, "column %s" % column)
            check(ctx, lib.kin_dataset_builder_set_column_double(ctx, ptr, t, c, buf.ptr, buf.size))
        elif kind == "q":
            buf = in_buffer("q", data, "column %s" % column)
            check(ctx, lib.kin_dataset_builder_set_column_int64(ctx, ptr, t, c, buf.ptr, buf.size))
        else:
            array_, count = _strings([_cell_text(v) for v in data])
            check(ctx, lib.kin_dataset_builder_set_column_text(ctx, ptr, t, c, array_, count))

    def build(self):
        """Validates the tables given and returns a Dataset (DataError when they have errors)."""
        ptr = self._ptr
        return _make_dataset(lambda ctx, out, diag: lib.kin_dataset_builder_build(ctx, out, diag, ptr))


_EXACT = 2 ** 53


def _column_kind(values):
    """('d' | 'q' | 't', values) for a column."""
    if HAVE_NUMPY and isinstance(values, np.ndarray) and values.ndim == 1:
        if values.dtype.kind == "f":
            return "d", values
        if values.dtype.kind in "iub":
            return "q", values
        values = values.tolist()
    values = list(values)
    present = [v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if all(isinstance(v, numbers.Integral) for v in present):  # bool is Integral
        if len(present) == len(values) and values:
            return "q", [int(v) for v in values]
        if all(abs(int(v)) <= _EXACT for v in present) and present:
            return "d", [None if v is None else float(v) for v in values]
        return "t", values
    if all(isinstance(v, numbers.Real) for v in present):
        if all(abs(v) <= _EXACT for v in present if isinstance(v, numbers.Integral)):
            return "d", values
    return "t", values


# ---------------------------------------------------------------------------------------------
# Rule packs
# ---------------------------------------------------------------------------------------------


class Rules(Handle):
    """A rule pack: a built-in pack by name ("permenpanrb-6-2022", "permenpanrb-8-2021",
    "pp-46-2011") or a rules file (docs/scoring.md).

    ``rules[key]`` reads a setting as text, ``rules.set(key, value)`` (or ``rules[key] = value``)
    changes one, ``rules.label`` names the pack.

    Raises:
        NotFoundError: neither a built-in pack nor a readable file.
    """

    _kind = "rule pack"
    _free = "kin_rules_free"

    def __init__(self, name_or_path):
        ctx = context()
        out = c_void_p()
        check(ctx, lib.kin_rules_new(ctx, byref(out), _encode(os.fspath(name_or_path), "name_or_path")))
        Handle.__init__(self, out.value)

    @classmethod
    def for_year(cls, year):
        """The pack in force for a performance year (RangeError outside 1..9999)."""
        ctx = context()
        out = c_void_p()
        check(ctx, lib.kin_rules_for_year(ctx, byref(out), int(year)))
        self = object.__new__(cls)
        Handle.__init__(self, out.value)
        return self

    def set(self, key, value):
        """Changes one setting, checked as a line of a rules file (NotFoundError for an unknown
        key, InvalidArgumentError for a value outside its domain). Booleans are written
        "true"/"false", other values with str()."""
        if isinstance(value, bool):
            value = "true" if value else "false"
        ctx = context()
        check(ctx, lib.kin_rules_set(ctx, self._ptr, _encode(str(key), "key"), _encode(str(value), "value")))
        return self

    def __setitem__(self, key, value):
        self.set(key, value)

    def __getitem__(self, key):
        """The setting `key` as text (NotFoundError, a KeyError, for an unknown key)."""
        ctx = context()
        ptr = self._ptr
        k = _encode(str(key), "key")
        needed = c_size_t(0)
        buffer = create_string_buffer(64)
        status = lib.kin_rules_get(ctx, buffer, len(buffer), byref(needed), ptr, k)
        if status == _ffi.KIN_EBUFS:
            buffer = create_string_buffer(needed.value)
            status = lib.kin_rules_get(ctx, buffer, len(buffer), byref(needed), ptr, k)
        check(ctx, status)
        return buffer.value.decode("utf-8")

    @property
    def label(self):
        """The pack's label, e.g. "permenpanrb-6-2022"."""
        return _text(lib.kin_rules_label(self._ptr))

    def __repr__(self):
        return "<kinerja.Rules closed>" if self.closed else "<kinerja.Rules %s>" % self.label


def rules_arg(rules):
    """(pointer or None, object to keep alive) for a `rules` argument: None, a Rules, or a name/path."""
    if rules is None:
        return None, None
    if isinstance(rules, Rules):
        return rules._ptr, rules
    r = Rules(rules)
    return r._ptr, r


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------

_TYPE_NAMES = {_ffi.KIN_COLUMN_TEXT: "text", _ffi.KIN_COLUMN_NUMBER: "number", _ffi.KIN_COLUMN_INTEGER: "integer"}


class Result(Handle, Mapping):
    """The tables of an analysis: a read-only mapping of table name -> :class:`Table`, in the
    order of the C library. Tables keep the result alive; close() frees it (the tables then
    raise kinerja.Error when read)."""

    _kind = "result"
    _free = "kin_result_free"

    def __init__(self, ptr):
        Handle.__init__(self, ptr)
        self._tables = {}
        for index in range(lib.kin_result_table_count(ptr)):
            name = _text(lib.kin_result_table_name(ptr, index))
            self._tables[name] = Table(self, index, name)

    def __getitem__(self, name):
        try:
            return self._tables[name]
        except KeyError:
            raise NotFoundError(_ffi.KIN_ENOTFOUND, "no table %r in the result; tables: %s"
                                % (name, ", ".join(self._tables))) from None

    def __iter__(self):
        return iter(self._tables)

    def __len__(self):
        return len(self._tables)

    __hash__ = object.__hash__

    def __eq__(self, other):
        return self is other

    def __repr__(self):
        if self.closed:
            return "<kinerja.Result closed>"
        return "<kinerja.Result %s>" % ", ".join("%s(%d rows)" % (n, len(t)) for n, t in self._tables.items())


class Table:
    """One table of a :class:`Result`.

    ``table["column"]``: a number column is a float64 numpy array (NaN for null), an integer
    column an int64 numpy array (0 for null; see :meth:`present`), a text column a list of str
    (None for null). Without numpy: number columns are lists of float (NaN for null), integer
    columns lists of int (None for null).
    """

    def __init__(self, result, index, name):
        self._result = result
        self.index = index
        self.name = name
        ptr = result._ptr
        self._rows = lib.kin_result_rows(ptr, index)
        count = lib.kin_result_columns(ptr, index)
        self.columns = tuple(_text(lib.kin_result_column_name(ptr, index, c)) for c in range(count))
        self._types = tuple(_TYPE_NAMES.get(lib.kin_result_column_type(ptr, index, c), "unknown")
                            for c in range(count))
        self._index = {name: c for c, name in enumerate(self.columns)}

    @property
    def result(self):
        """The Result this table belongs to."""
        return self._result

    @property
    def types(self):
        """dict column name -> "text" | "number" | "integer"."""
        return dict(zip(self.columns, self._types))

    def __len__(self):
        return self._rows

    def __contains__(self, column):
        return column in self._index

    def _column(self, column):
        try:
            return self._index[column]
        except KeyError:
            raise NotFoundError(_ffi.KIN_ENOTFOUND, "table %s has no column %r; columns: %s"
                                % (self.name, column, ", ".join(self.columns))) from None

    def column_type(self, column):
        """"text", "number" or "integer"."""
        return self._types[self._column(column)]

    def _present(self, c):
        ptr = self._result._ptr
        ctx = context()
        buf = out_buffer("B", self._rows)
        check(ctx, lib.kin_result_present(ctx, buf.ptr, self._rows, None, ptr, self.index, c))
        return buf

    def present(self, column):
        """Which cells of `column` have a value: a bool numpy array (or list of bool)."""
        buf = self._present(self._column(column))
        return buf.data.astype(bool) if HAVE_NUMPY else [bool(v) for v in buf.data]

    def _numbers(self, c):
        ptr = self._result._ptr
        ctx = context()
        buf = out_buffer("d", self._rows)
        check(ctx, lib.kin_result_numbers(ctx, buf.ptr, self._rows, None, ptr, self.index, c))
        return buf

    def _integers(self, c):
        ptr = self._result._ptr
        ctx = context()
        buf = out_buffer("q", self._rows)
        check(ctx, lib.kin_result_integers(ctx, buf.ptr, self._rows, None, ptr, self.index, c))
        return buf

    def _texts(self, c):
        """The cells of text column c as a list of str/None: one kin_result_texts call in the
        usual case (a second one only when the first guess of the byte size was too small)."""
        ptr = self._result._ptr
        ctx = context()
        rows = self._rows
        offsets = (c_uint64 * (rows + 1))()
        needed = c_size_t(0)
        capacity = max(256, 32 * rows)
        data = create_string_buffer(capacity)
        status = lib.kin_result_texts(ctx, data, capacity, byref(needed), offsets, rows + 1, None, ptr, self.index, c)
        if status == _ffi.KIN_EBUFS:
            capacity = max(needed.value, 1)
            data = create_string_buffer(capacity)
            status = lib.kin_result_texts(ctx, data, capacity, byref(needed), offsets, rows + 1, None, ptr,
                                          self.index, c)
        check(ctx, status)
        present = self._present(c).data
        raw = string_at(data, offsets[rows]) if rows else b""
        bounds = list(offsets)
        return [raw[bounds[r]:bounds[r + 1]].decode("utf-8") if present[r] else None for r in range(rows)]

    def __getitem__(self, column):
        c = self._column(column)
        kind = self._types[c]
        if kind == "text":
            return self._texts(c)
        if kind == "integer":
            buf = self._integers(c)
            if HAVE_NUMPY:
                return buf.data
            present = self._present(c).data
            return [v if p else None for v, p in zip(buf.data, present)]
        buf = self._numbers(c)
        return buf.data if HAVE_NUMPY else buf.data.tolist()

    def _python_columns(self):
        """Every column as a list of Python values with None for null."""
        out = []
        for c, kind in enumerate(self._types):
            if kind == "text":
                out.append(self._texts(c))
                continue
            present = to_list(self._present(c))
            values = to_list(self._integers(c) if kind == "integer" else self._numbers(c))
            out.append([v if p else None for v, p in zip(values, present)])
        return out

    def rows(self):
        """The rows as a list of dicts column -> value (str, float, int, or None for null)."""
        columns = self._python_columns()
        return [dict(zip(self.columns, cells)) for cells in zip(*columns)] if columns else []

    def to_dict(self):
        """dict column name -> column (as ``table[column]``)."""
        return {name: self[name] for name in self.columns}

    def to_pandas(self):
        """A pandas.DataFrame: number columns float64 (NaN for null), integer columns int64 (float64
        with NaN when the column has nulls), text columns object (None for null).

        Raises ImportError when pandas is not importable (or KINERJA_NO_NUMPY=1)."""
        pandas = import_pandas()
        data = {}
        for c, (name, kind) in enumerate(zip(self.columns, self._types)):
            if kind == "text":
                data[name] = pandas.Series(self._texts(c), dtype=object)
            elif kind == "integer":
                values = self._integers(c).data
                present = self._present(c).data.astype(bool)
                if present.all():
                    data[name] = pandas.Series(values, dtype="int64")
                else:
                    floats = values.astype("float64")
                    floats[~present] = np.nan
                    data[name] = pandas.Series(floats)
            else:
                data[name] = pandas.Series(self._numbers(c).data)
        return pandas.DataFrame(data, columns=list(self.columns))

    def __repr__(self):
        return "<kinerja.Table %s: %d rows x %d columns>" % (self.name, self._rows, len(self.columns))


# ---------------------------------------------------------------------------------------------
# Analyses of a dataset
# ---------------------------------------------------------------------------------------------


def _period(value, what="period"):
    if value is None:
        return None
    if isinstance(value, int):
        value = str(value)
    return _encode(value, what)


def _run(call):
    ctx = context()
    out = c_void_p()
    check(ctx, call(ctx, byref(out)))
    return Result(out.value)


def _dataset(dataset):
    if not isinstance(dataset, Dataset):
        raise InvalidArgumentError(_ffi.KIN_EINVAL, "dataset must be a kinerja.Dataset, not %s"
                                   % type(dataset).__name__)
    return dataset._ptr


def score(dataset, year, rules=None):
    """Scores performance year `year`: tables indicator_scores, employee_scores, unit_scores
    (docs/output-files.md). `rules`: None (the pack in force for the year), a Rules, or a pack
    name / rules file path."""
    d = _dataset(dataset)
    r, keep = rules_arg(rules)
    return _run(lambda ctx, out: lib.kin_score(ctx, out, d, int(year), r))


def distribution(dataset, period, rules=None, calibrated=False):
    """Checks the distribution curve of `period` (e.g. "2025", "2025-Q3") per unit (6/2022 packs
    only): tables distribution_check, distribution_suggestions. With `calibrated`, employees without
    a capaian are ranked by their calibrated feedback score."""
    d = _dataset(dataset)
    p = _period(period)
    r, keep = rules_arg(rules)
    return _run(lambda ctx, out: lib.kin_distribution(ctx, out, d, p, r, 1 if calibrated else 0))


def calibrate(dataset, period, rules=None):
    """Calibrates the feedback of `period` across raters: tables rater_effects, ratee_scores,
    reliability, rater_flags (DataError when the feedback cannot be calibrated)."""
    d = _dataset(dataset)
    p = _period(period)
    r, keep = rules_arg(rules)
    return _run(lambda ctx, out: lib.kin_calibrate(ctx, out, d, p, r))


TREND_LEVELS = {"indicator": _ffi.KIN_TREND_INDICATOR, "employee": _ffi.KIN_TREND_EMPLOYEE,
                "unit": _ffi.KIN_TREND_UNIT, "predikat": _ffi.KIN_TREND_PREDIKAT}


def trend_analysis(dataset, level="indicator", start=None, end=None, rules=None):
    """Trend statistics of every series of `level` ("indicator", "employee", "unit", "predikat")
    over the periods [start, end] (None: the earliest / latest period with a realisation):
    table trends."""
    d = _dataset(dataset)
    try:
        lv = TREND_LEVELS[level]
    except KeyError:
        raise InvalidArgumentError(_ffi.KIN_EINVAL, "unknown trend level %r; levels: %s"
                                   % (level, ", ".join(TREND_LEVELS))) from None
    s = _period(start, "start")
    e = _period(end, "end")
    r, keep = rules_arg(rules)
    return _run(lambda ctx, out: lib.kin_trend(ctx, out, d, lv, s, e, r))


def ikm(dataset, period, rules=None):
    """The public satisfaction index (IKM, PermenPANRB 14/2017) per unit for `period`: table ikm."""
    d = _dataset(dataset)
    p = _period(period)
    r, keep = rules_arg(rules)
    return _run(lambda ctx, out: lib.kin_ikm(ctx, out, d, p, r))
