<?php

declare(strict_types=1);

/*
 * Kinerja.php: the PHP binding of kinerja, over PHP FFI and the stable C API (capi/kinerja.h).
 *
 * The FFI declarations and the KIN_* integer constants are read from kinerja.h at load time, so
 * the header stays the single source of truth. One file, no dependencies beyond ext-ffi.
 *
 *   $engine = new Kinerja\Engine();                 // KIN_C_LIBRARY / KIN_C_HEADER or defaults
 *   $result = $engine->score($engine->loadDataset('data/sample'), 2025);
 *   $rows   = $result->table('employee_scores');    // list of associative rows
 */

namespace Kinerja;

use FFI;
use FFI\CData;

/** Every non-zero status of the C API; getCode() is the status (KIN_E*). */
class KinerjaException extends \RuntimeException
{
    public function __construct(string $message, int $code = -1, ?\Throwable $previous = null)
    {
        parent::__construct($message, $code, $previous);
    }

    /** The KIN_E* name of the status, e.g. "KIN_EINVAL" (or "" for an unknown code). */
    public function statusName(): string
    {
        return Header::statusName($this->getCode());
    }
}

/** KIN_EDATA: the data break a rule. getDiagnostics() lists every problem found. */
class DataException extends KinerjaException
{
    /** @var list<string> */
    private array $diagnostics;
    /** @var list<string> */
    private array $errors;
    private int $dropped;

    /**
     * @param list<string> $diagnostics "FILE:LINE:COLUMN: error: message" (and warnings)
     * @param list<string> $errors      the errors among them
     */
    public function __construct(string $message, int $code, array $diagnostics = [], array $errors = [], int $dropped = 0)
    {
        parent::__construct($message, $code);
        $this->diagnostics = $diagnostics;
        $this->errors = $errors;
        $this->dropped = $dropped;
    }

    /** @return list<string> every problem kept, errors and warnings, in order. */
    public function getDiagnostics(): array
    {
        return $this->diagnostics;
    }

    /** @return list<string> the errors only. */
    public function getErrors(): array
    {
        return $this->errors;
    }

    /** Problems found beyond the cap of the list and not kept. */
    public function getDropped(): int
    {
        return $this->dropped;
    }
}

/** Reads kinerja.h: the C declarations for FFI::cdef and the integer KIN_* constants. */
final class Header
{
    /** @var array<string, array{0: string, 1: array<string, int>}> cache by path */
    private static array $cache = [];

    /**
     * The default header: the argument, else env KIN_C_HEADER, else the installed header
     * (/usr/include, /usr/local/include: the Debian package and `cmake --install` put it there),
     * else the one of the source tree this binding lives in (capi/kinerja.h).
     */
    public static function defaultPath(?string $path = null): string
    {
        if ($path !== null && $path !== '') {
            return $path;
        }
        $env = getenv('KIN_C_HEADER');
        if (is_string($env) && $env !== '') {
            return $env;
        }
        foreach (['/usr/include/kinerja.h', '/usr/local/include/kinerja.h'] as $installed) {
            if (is_file($installed)) {
                return $installed;
            }
        }
        return dirname(__DIR__, 3) . '/capi/kinerja.h';
    }

    /** @return array{0: string, 1: array<string, int>} the declarations and the constants. */
    public static function parse(string $path): array
    {
        if (isset(self::$cache[$path])) {
            return self::$cache[$path];
        }
        $text = @file_get_contents($path);
        if ($text === false) {
            throw new KinerjaException("kinerja: cannot read the C header '$path' (set KIN_C_HEADER)", -12);
        }
        return self::$cache[$path] = self::parseText($text);
    }

    /** @return array{0: string, 1: array<string, int>} */
    public static function parseText(string $text): array
    {
        $text = str_replace("\r\n", "\n", $text);
        $text = preg_replace('~/\*.*?\*/~s', ' ', $text);            // block comments
        $text = preg_replace('~//[^\n]*~', '', $text);                // line comments
        $text = preg_replace('~\\\\\n~', ' ', $text);                 // line continuations
        $text = preg_replace('~^[ \t]*#[ \t]*ifdef[ \t]+__cplusplus\b.*?^[ \t]*#[ \t]*endif\b[^\n]*~ms', '', $text);
        $constants = [];
        if (preg_match_all('~^[ \t]*#[ \t]*define[ \t]+(KIN_[A-Za-z0-9_]+)[ \t]+\(?[ \t]*(-?[0-9]+)[ \t]*\)?[ \t]*$~m', $text, $m, PREG_SET_ORDER)) {
            foreach ($m as $match) {
                $constants[$match[1]] = (int)$match[2];
            }
        }
        $text = preg_replace('~^[ \t]*#[^\n]*~m', '', $text);         // every preprocessor line
        $text = preg_replace('~\bKIN_API\b~', '', $text);
        $text = preg_replace("~\n\s*\n+~", "\n", $text);
        return [trim($text) . "\n", $constants];
    }

    /** The KIN_E* / KIN_OK name of a status code (from the default header), "" if unknown. */
    public static function statusName(int $code): string
    {
        try {
            [, $constants] = self::parse(self::defaultPath());
        } catch (KinerjaException $e) {
            return '';
        }
        foreach ($constants as $name => $value) {
            if ($value === $code && ($name === 'KIN_OK' || $name === 'KIN_ERROR' || preg_match('/^KIN_E[A-Z]+$/', $name))) {
                return $name;
            }
        }
        return '';
    }
}

/** Number formatting that matches C's printf exactly. */
final class Format
{
    /** C's printf("%.17g", $v): 17 significant digits, trailing zeros removed, "e-05" exponents. */
    public static function g17(float $v): string
    {
        return self::g($v, 17);
    }

    /** C's printf("%.<precision>g", $v). */
    public static function g(float $v, int $precision): string
    {
        if (is_nan($v)) {
            return (self::signBit($v) ? '-' : '') . 'nan';
        }
        if (is_infinite($v)) {
            return $v < 0 ? '-inf' : 'inf';
        }
        $p = max(1, $precision);
        [$neg, $digits, $exp] = self::decompose($v, $p);
        $sign = $neg ? '-' : '';
        if ($exp < $p && $exp >= -4) {
            if ($exp >= 0) {
                $int = substr($digits, 0, $exp + 1);
                $frac = substr($digits, $exp + 1);
            } else {
                $int = '0';
                $frac = str_repeat('0', -$exp - 1) . $digits;
            }
            $frac = rtrim($frac, '0');
            return $sign . $int . ($frac === '' ? '' : '.' . $frac);
        }
        $frac = rtrim(substr($digits, 1), '0');
        $e = ($exp < 0 ? '-' : '+') . str_pad((string)abs($exp), 2, '0', STR_PAD_LEFT);
        return $sign . $digits[0] . ($frac === '' ? '' : '.' . $frac) . 'e' . $e;
    }

    /**
     * The shortest plain decimal (no exponent) that reads back to $v, as the dataset format
     * wants numbers: 87.5, 100, 0.00001, 1250000.
     */
    public static function plain(float $v): string
    {
        if (!is_finite($v)) {
            throw new \InvalidArgumentException('not a finite number');
        }
        if ($v == 0.0) {
            return '0';
        }
        for ($p = 1; $p <= 17; $p++) {
            [$neg, $digits, $exp] = self::decompose($v, $p);
            $text = ($neg ? '-' : '') . $digits[0] . '.' . substr($digits, 1) . 'e' . $exp;
            if ((float)$text === $v) {
                break;
            }
        }
        $digits = rtrim($digits, '0');
        if ($digits === '') {
            $digits = '0';
        }
        $n = strlen($digits);
        if ($exp >= $n - 1) {
            $out = $digits . str_repeat('0', $exp - $n + 1);
        } elseif ($exp >= 0) {
            $out = substr($digits, 0, $exp + 1) . '.' . substr($digits, $exp + 1);
        } else {
            $out = '0.' . str_repeat('0', -$exp - 1) . $digits;
        }
        return ($neg ? '-' : '') . $out;
    }

    /** @return array{0: bool, 1: string, 2: int} sign, $p significant digits, decimal exponent. */
    private static function decompose(float $v, int $p): array
    {
        $s = sprintf('%.' . ($p - 1) . 'e', abs($v));           // d.ddde[+-]X, correctly rounded
        $epos = strpos($s, 'e');
        $mantissa = str_replace('.', '', substr($s, 0, $epos));
        $exp = (int)substr($s, $epos + 1);
        if ($v == 0.0) {
            $exp = 0;
        }
        return [self::signBit($v), $mantissa, $exp];
    }

    private static function signBit(float $v): bool
    {
        return (ord(pack('E', $v)[0]) & 0x80) !== 0;
    }
}

/** A C handle owned by a PHP object: freed by close() or the destructor, once. */
abstract class Handle
{
    protected Engine $engine;
    protected ?CData $ptr;

    public function __construct(Engine $engine, CData $ptr)
    {
        $this->engine = $engine;
        $this->ptr = $ptr;
    }

    abstract protected function freeFunction(): string;

    /** Frees the C object now. A second close() does nothing. */
    public function close(): void
    {
        if ($this->ptr !== null) {
            $ptr = $this->ptr;
            $this->ptr = null;
            $this->engine->ffi()->{$this->freeFunction()}($ptr);
        }
    }

    public function isClosed(): bool
    {
        return $this->ptr === null;
    }

    public function __destruct()
    {
        $this->close();
    }

    /** @internal the C pointer; throws once closed. */
    public function handle(): CData
    {
        if ($this->ptr === null) {
            throw new KinerjaException(static::class . ' is closed', $this->engine->constant('KIN_ESTATE'));
        }
        return $this->ptr;
    }

    public function engine(): Engine
    {
        return $this->engine;
    }
}

/** A validated dataset. */
final class Dataset extends Handle
{
    /** @var list<string> */
    private array $warnings;

    /** @param list<string> $warnings */
    public function __construct(Engine $engine, CData $ptr, array $warnings = [])
    {
        parent::__construct($engine, $ptr);
        $this->warnings = $warnings;
    }

    protected function freeFunction(): string
    {
        return 'kin_dataset_free';
    }

    /** Rows of a table ("employees", "indicators", ...); 0 for an unknown table. */
    public function rows(string $table): int
    {
        return (int)$this->engine->ffi()->kin_dataset_rows($this->handle(), $table);
    }

    /** @return list<string> the warnings found while validating ("FILE:LINE:COLUMN: warning: ..."). */
    public function warnings(): array
    {
        return $this->warnings;
    }
}

/** A rule pack. */
final class Rules extends Handle
{
    protected function freeFunction(): string
    {
        return 'kin_rules_free';
    }

    /** Changes one setting; a bool is written true/false, a number in plain decimals. */
    public function set(string $key, string|int|float|bool $value): self
    {
        if (is_bool($value)) {
            $text = $value ? 'true' : 'false';
        } elseif (is_float($value)) {
            $text = Format::plain($value);
        } else {
            $text = (string)$value;
        }
        $e = $this->engine;
        $e->check($e->ffi()->kin_rules_set($e->context(), $this->handle(), $key, $text));
        return $this;
    }

    /** The value of one setting, as text. */
    public function get(string $key): string
    {
        $e = $this->engine;
        $ffi = $e->ffi();
        $needed = $ffi->new('size_t');
        $capacity = 64;
        for ($attempt = 0; $attempt < 3; $attempt++) {
            $buffer = $ffi->new("char[$capacity]");
            $status = $ffi->kin_rules_get($e->context(), $buffer, $capacity, FFI::addr($needed), $this->handle(), $key);
            if ($status === $e->constant('KIN_EBUFS')) {
                $capacity = max((int)$needed->cdata, $capacity + 1);
                continue;
            }
            $e->check($status);
            return FFI::string($buffer);
        }
        throw new KinerjaException("kin_rules_get: buffer size did not settle for '$key'", $e->constant('KIN_EINTERNAL'));
    }

    /** The pack's label, e.g. "permenpanrb-6-2022". */
    public function label(): string
    {
        $label = $this->engine->ffi()->kin_rules_label($this->handle());
        return $label === null ? '' : (string)$label;
    }
}

/** The result of an analysis: named tables of typed columns. */
final class Result extends Handle
{
    protected function freeFunction(): string
    {
        return 'kin_result_free';
    }

    /** @return list<string> */
    public function tableNames(): array
    {
        $ffi = $this->engine->ffi();
        $h = $this->handle();
        $names = [];
        $count = (int)$ffi->kin_result_table_count($h);
        for ($t = 0; $t < $count; $t++) {
            $names[] = (string)$ffi->kin_result_table_name($h, $t);
        }
        return $names;
    }

    /** Number of rows of a table. */
    public function rowCount(string $table): int
    {
        return (int)$this->engine->ffi()->kin_result_rows($this->handle(), $this->tableIndex($table));
    }

    /** @return list<string> the column names of a table. */
    public function columnNames(string $table): array
    {
        $t = $this->tableIndex($table);
        $ffi = $this->engine->ffi();
        $h = $this->handle();
        $names = [];
        $n = (int)$ffi->kin_result_columns($h, $t);
        for ($c = 0; $c < $n; $c++) {
            $names[] = (string)$ffi->kin_result_column_name($h, $t, $c);
        }
        return $names;
    }

    /** @return array<string, int> column name => KIN_COLUMN_* type. */
    public function columnTypes(string $table): array
    {
        $t = $this->tableIndex($table);
        $ffi = $this->engine->ffi();
        $h = $this->handle();
        $types = [];
        $n = (int)$ffi->kin_result_columns($h, $t);
        for ($c = 0; $c < $n; $c++) {
            $types[(string)$ffi->kin_result_column_name($h, $t, $c)] = (int)$ffi->kin_result_column_type($h, $t, $c);
        }
        return $types;
    }

    /**
     * A whole table as a list of associative rows: number cells float, integer cells int, text
     * string, null cells null.
     * @return list<array<string, float|int|string|null>>
     */
    public function table(string $name): array
    {
        $t = $this->tableIndex($name);
        $ffi = $this->engine->ffi();
        $h = $this->handle();
        $rows = (int)$ffi->kin_result_rows($h, $t);
        $ncol = (int)$ffi->kin_result_columns($h, $t);
        $columns = [];
        for ($c = 0; $c < $ncol; $c++) {
            $columns[(string)$ffi->kin_result_column_name($h, $t, $c)] = $this->columnAt($t, $c, $rows);
        }
        $out = [];
        for ($r = 0; $r < $rows; $r++) {
            $row = [];
            foreach ($columns as $column => $values) {
                $row[$column] = $values[$r];
            }
            $out[] = $row;
        }
        return $out;
    }

    /** @return array<string, list<array<string, float|int|string|null>>> every table. */
    public function toArray(): array
    {
        $all = [];
        foreach ($this->tableNames() as $name) {
            $all[$name] = $this->table($name);
        }
        return $all;
    }

    /** @return list<float|int|string|null> one column, typed as in table(). */
    public function column(string $table, string $column): array
    {
        $t = $this->tableIndex($table);
        $e = $this->engine;
        $ffi = $e->ffi();
        $index = $ffi->new('size_t');
        $e->check($ffi->kin_result_find_column($e->context(), FFI::addr($index), $this->handle(), $t, $column));
        return $this->columnAt($t, (int)$index->cdata, (int)$ffi->kin_result_rows($this->handle(), $t));
    }

    private function tableIndex(string $name): int
    {
        $e = $this->engine;
        $ffi = $e->ffi();
        $index = $ffi->new('size_t');
        $e->check($ffi->kin_result_find_table($e->context(), FFI::addr($index), $this->handle(), $name));
        return (int)$index->cdata;
    }

    /** @return list<float|int|string|null> */
    private function columnAt(int $t, int $c, int $rows): array
    {
        $e = $this->engine;
        $ffi = $e->ffi();
        $h = $this->handle();
        $ctx = $e->context();
        $type = (int)$ffi->kin_result_column_type($h, $t, $c);
        if ($rows === 0) {
            return [];
        }
        $present = $ffi->new("uint8_t[$rows]");
        $e->check($ffi->kin_result_present($ctx, $present, $rows, null, $h, $t, $c));
        $out = [];
        if ($type === $e->constant('KIN_COLUMN_NUMBER')) {
            $values = $ffi->new("double[$rows]");
            $e->check($ffi->kin_result_numbers($ctx, $values, $rows, null, $h, $t, $c));
            for ($r = 0; $r < $rows; $r++) {
                $out[] = $present[$r] ? (float)$values[$r] : null;
            }
        } elseif ($type === $e->constant('KIN_COLUMN_INTEGER')) {
            $values = $ffi->new("int64_t[$rows]");
            $e->check($ffi->kin_result_integers($ctx, $values, $rows, null, $h, $t, $c));
            for ($r = 0; $r < $rows; $r++) {
                $out[] = $present[$r] ? (int)$values[$r] : null;
            }
        } elseif ($type === $e->constant('KIN_COLUMN_TEXT')) {
            // Size with a first call of capacity 0 (KIN_EBUFS), then one call for the column.
            $bytesNeeded = $ffi->new('size_t');
            $offsetsNeeded = $ffi->new('size_t');
            $status = $ffi->kin_result_texts($ctx, null, 0, FFI::addr($bytesNeeded), null, 0, FFI::addr($offsetsNeeded), $h, $t, $c);
            if ($status !== $e->constant('KIN_EBUFS')) {
                $e->check($status);
            }
            $nbytes = (int)$bytesNeeded->cdata;
            $noffsets = max((int)$offsetsNeeded->cdata, $rows + 1);
            $bytes = $ffi->new('char[' . max(1, $nbytes) . ']');
            $offsets = $ffi->new("uint64_t[$noffsets]");
            $e->check($ffi->kin_result_texts($ctx, $bytes, max(1, $nbytes), null, $offsets, $noffsets, null, $h, $t, $c));
            $blob = $nbytes > 0 ? FFI::string($bytes, $nbytes) : '';
            for ($r = 0; $r < $rows; $r++) {
                $from = (int)$offsets[$r];
                $out[] = $present[$r] ? substr($blob, $from, (int)$offsets[$r + 1] - $from) : null;
            }
        } else {
            throw new KinerjaException("unknown column type $type", $e->constant('KIN_EINTERNAL'));
        }
        return $out;
    }
}

/**
 * The library and one context. Use one Engine per request or worker (a context is used by one
 * thread at a time); datasets, rules and results keep the engine alive while they live.
 */
final class Engine
{
    /** The major version and ABI this binding is written for. */
    public const EXPECTED_MAJOR = 0;
    public const EXPECTED_ABI = 1;

    private FFI $ffi;
    private ?CData $ctx;
    /** @var array<string, int> */
    private array $constants;
    private string $libraryPath;
    private string $headerPath;

    /**
     * @param string|null $library the shared library: else env KIN_C_LIBRARY, else libkinerja_c.so.1
     * @param string|null $header  kinerja.h: else env KIN_C_HEADER, else the installed one, else capi/kinerja.h
     */
    public function __construct(?string $library = null, ?string $header = null)
    {
        $this->ctx = null;
        if ($library === null || $library === '') {
            $env = getenv('KIN_C_LIBRARY');
            $library = is_string($env) && $env !== '' ? $env : 'libkinerja_c.so.1';
        }
        $this->libraryPath = $library;
        $this->headerPath = Header::defaultPath($header);
        [$declarations, $this->constants] = Header::parse($this->headerPath);
        if (!class_exists(FFI::class)) {
            throw new KinerjaException('kinerja: the PHP FFI extension is not loaded (ext-ffi, ffi.enable)', -1);
        }
        try {
            $this->ffi = FFI::cdef($declarations, $library);
        } catch (\Throwable $e) {
            throw new KinerjaException("kinerja: cannot load '$library' with '{$this->headerPath}': " . $e->getMessage(), -1, $e);
        }
        $version = (int)$this->ffi->kin_version_number();
        $abi = (int)$this->ffi->kin_abi_version();
        $versionString = (string)$this->ffi->kin_version_string();
        if (intdiv($version, 10000) !== self::EXPECTED_MAJOR || $abi !== self::EXPECTED_ABI
            || ($this->constants['KIN_ABI_VERSION'] ?? null) !== self::EXPECTED_ABI) {
            throw new KinerjaException(sprintf(
                "kinerja: '%s' is version %s (ABI %d) and '%s' declares ABI %s; this binding needs major version %d, ABI %d",
                $library, $versionString, $abi, $this->headerPath,
                var_export($this->constants['KIN_ABI_VERSION'] ?? null, true), self::EXPECTED_MAJOR, self::EXPECTED_ABI
            ), $this->constants['KIN_EVERSION'] ?? -8);
        }
        $ctx = $this->ffi->new('kin_context*');
        $status = $this->ffi->kin_context_new(FFI::addr($ctx));
        if ($status !== 0 || FFI::isNull($ctx)) {
            throw new KinerjaException('kinerja: kin_context_new failed: ' . $this->ffi->kin_status_string($status), $status ?: -1);
        }
        $this->ctx = $ctx;
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Frees the context. Objects made through it stay usable until they need the context. */
    public function close(): void
    {
        if ($this->ctx !== null) {
            $ctx = $this->ctx;
            $this->ctx = null;
            $this->ffi->kin_context_free($ctx);
        }
    }

    public function isClosed(): bool
    {
        return $this->ctx === null;
    }

    /** @internal */
    public function ffi(): FFI
    {
        return $this->ffi;
    }

    /** @internal the context; throws once closed. */
    public function context(): CData
    {
        if ($this->ctx === null) {
            throw new KinerjaException('Kinerja\\Engine is closed', $this->constant('KIN_ESTATE'));
        }
        return $this->ctx;
    }

    /** @return array<string, int> every integer #define KIN_* of the header. */
    public function constants(): array
    {
        return $this->constants;
    }

    /** One KIN_* constant of the header. */
    public function constant(string $name): int
    {
        if (!isset($this->constants[$name])) {
            throw new KinerjaException("no constant $name in {$this->headerPath}", -5);
        }
        return $this->constants[$name];
    }

    public function version(): string
    {
        return (string)$this->ffi->kin_version_string();
    }

    public function libraryPath(): string
    {
        return $this->libraryPath;
    }

    public function headerPath(): string
    {
        return $this->headerPath;
    }

    /** Threads the analyses may use (0: one per core). Results do not depend on it. */
    public function setThreads(int $threads): void
    {
        if ($threads < 0) {
            throw new KinerjaException('threads must be >= 0', $this->constant('KIN_EINVAL'));
        }
        $this->check($this->ffi->kin_context_set_threads($this->context(), $threads));
    }

    /** @internal throws KinerjaException for a non-zero status, with the context's message. */
    public function check(int $status): void
    {
        if ($status === 0) {
            return;
        }
        $message = $this->ctx !== null ? (string)$this->ffi->kin_context_last_error($this->ctx) : '';
        if ($message === '') {
            $message = (string)$this->ffi->kin_status_string($status);
        }
        throw new KinerjaException($message, $status);
    }

    // -------------------------------------------------------------------------------------------
    // Datasets
    // -------------------------------------------------------------------------------------------

    /** Loads and validates a dataset folder; DataException lists the problems of invalid data. */
    public function loadDataset(string $folder): Dataset
    {
        $ffi = $this->ffi;
        $out = $ffi->new('kin_dataset*');
        $diag = $ffi->new('kin_diagnostics*');
        $status = $ffi->kin_dataset_load($this->context(), FFI::addr($out), FFI::addr($diag), $folder);
        return $this->finishDataset($status, $out, $diag);
    }

    /**
     * Builds a dataset from arrays, as a system that reads its own database does:
     *   ['employees' => [['nip' => '1990...', 'unit_id' => 'A'], ...], 'units' => [...], ...]
     * Rows are associative arrays (or objects: stdClass, or anything with toArray()), keyed by
     * the CSV column names; a missing key or null is an empty field. Values: strings as they
     * are, ints in decimal, floats in the shortest plain decimal that reads back exactly, bools
     * as 1/0. A table with no rows is left out (an absent file).
     *
     * @param array<string, iterable<array<string, mixed>|object>> $tables
     */
    public function datasetFromArrays(array $tables): Dataset
    {
        $ffi = $this->ffi;
        $ctx = $this->context();
        $builder = $ffi->new('kin_dataset_builder*');
        $this->check($ffi->kin_dataset_builder_new($ctx, FFI::addr($builder)));
        try {
            foreach ($tables as $table => $rows) {
                $this->addTable($builder, (string)$table, $rows);
            }
            $out = $ffi->new('kin_dataset*');
            $diag = $ffi->new('kin_diagnostics*');
            $status = $ffi->kin_dataset_builder_build($ctx, FFI::addr($out), FFI::addr($diag), $builder);
            return $this->finishDataset($status, $out, $diag);
        } finally {
            $ffi->kin_dataset_builder_free($builder);
        }
    }

    private function addTable(CData $builder, string $table, iterable $rows): void
    {
        $list = [];
        $columns = [];
        foreach ($rows as $row) {
            if (is_object($row)) {
                $row = method_exists($row, 'toArray') ? $row->toArray() : get_object_vars($row);
            }
            if (!is_array($row)) {
                throw new KinerjaException("table '$table': every row must be an associative array", $this->constant('KIN_EINVAL'));
            }
            foreach ($row as $key => $_) {
                $columns[(string)$key] = true;
            }
            $list[] = $row;
        }
        if ($list === []) {
            return;
        }
        $ffi = $this->ffi;
        $n = count($list);
        foreach (array_keys($columns) as $column) {
            $column = (string)$column;
            // All the column's cells in one NUL-separated buffer; the pointers point into it.
            $blob = '';
            $starts = [];
            $given = 0;
            foreach ($list as $r => $row) {
                $text = $row[$column] ?? null;
                if (!is_string($text)) {
                    $text = self::fieldText($text, $table, $column, $r);
                }
                if ($text === null) {
                    $starts[] = -1;
                } else {
                    $starts[] = strlen($blob);
                    $blob .= $text . "\0";
                    $given++;
                }
            }
            if (substr_count($blob, "\0") !== $given) {
                foreach ($list as $r => $row) {
                    if (is_string($row[$column] ?? null) && str_contains($row[$column], "\0")) {
                        throw new KinerjaException("$table row " . ($r + 1) . " column '$column': text with a NUL byte", $this->constant('KIN_EINVAL'));
                    }
                }
            }
            // The pointers point into the buffer. They are computed as integers: the CData pointer
            // arithmetic of PHP 8.2 FFI ($ptr + $n) fails or crashes after a few uses.
            $buffer = $ffi->new('char[' . max(1, strlen($blob)) . ']', false);
            try {
                if ($blob !== '') {
                    FFI::memcpy($buffer, $blob, strlen($blob));
                }
                $base = $ffi->cast('uintptr_t', FFI::addr($buffer))->cdata;
                $pointers = $ffi->new("char*[$n]");
                if (PHP_INT_SIZE === 8 && FFI::sizeof($pointers) === 8 * $n) {
                    // All the pointers at once, in the machine's byte order (null: 0).
                    $packed = pack('Q*', ...array_map(static fn(int $start) => $start < 0 ? 0 : $base + $start, $starts));
                    FFI::memcpy($pointers, $packed, 8 * $n);
                } else {
                    $address = $ffi->new('uintptr_t');
                    foreach ($starts as $r => $start) {
                        if ($start < 0) {
                            $pointers[$r] = null;
                        } else {
                            $address->cdata = $base + $start;
                            $pointers[$r] = $ffi->cast('char*', $address);
                        }
                    }
                }
                $this->check($ffi->kin_dataset_builder_set_column_text($this->context(), $builder, $table, $column, $pointers, $n));
            } finally {
                FFI::free($buffer);
            }
        }
    }

    private static function fieldText(mixed $value, string $table, string $column, int $row): ?string
    {
        if ($value === null) {
            return null;
        }
        if (is_string($value)) {
            if (str_contains($value, "\0")) {
                throw new KinerjaException("$table row " . ($row + 1) . " column '$column': text with a NUL byte", -2);
            }
            return $value;
        }
        if (is_int($value)) {
            return (string)$value;
        }
        if (is_bool($value)) {
            return $value ? '1' : '0';
        }
        if (is_float($value)) {
            if (is_nan($value)) {
                return null;
            }
            if (is_infinite($value)) {
                throw new KinerjaException("$table row " . ($row + 1) . " column '$column': an infinite number", -2);
            }
            return Format::plain($value);
        }
        if ($value instanceof \Stringable) {
            return self::fieldText((string)$value, $table, $column, $row);
        }
        throw new KinerjaException("$table row " . ($row + 1) . " column '$column': a " . get_debug_type($value) . ' is not a field', -2);
    }

    private function finishDataset(int $status, CData $out, CData $diag): Dataset
    {
        $ffi = $this->ffi;
        $messages = [];
        $errors = [];
        $dropped = 0;
        if (!FFI::isNull($diag)) {
            $count = (int)$ffi->kin_diagnostics_count($diag);
            for ($i = 0; $i < $count; $i++) {
                $message = (string)$ffi->kin_diagnostics_message($diag, $i);
                $messages[] = $message;
                if ($ffi->kin_diagnostics_is_error($diag, $i)) {
                    $errors[] = $message;
                }
            }
            $dropped = (int)$ffi->kin_diagnostics_dropped($diag);
            $ffi->kin_diagnostics_free($diag);
        }
        if ($status !== 0) {
            $message = $this->ctx !== null ? (string)$ffi->kin_context_last_error($this->ctx) : '';
            if ($message === '') {
                $message = (string)$ffi->kin_status_string($status);
            }
            if (!FFI::isNull($out)) {
                $ffi->kin_dataset_free($out);   // not expected: out is NULL on failure
            }
            if ($status === $this->constant('KIN_EDATA')) {
                throw new DataException($message, $status, $messages, $errors, $dropped);
            }
            throw new KinerjaException($message, $status);
        }
        $warnings = array_values(array_diff($messages, $errors));
        return new Dataset($this, $out, $warnings);
    }

    // -------------------------------------------------------------------------------------------
    // Rules
    // -------------------------------------------------------------------------------------------

    /** A built-in pack by name, or a rules file; null: the pack of the current regime (6/2022). */
    public function rules(?string $nameOrPath = null): Rules
    {
        if ($nameOrPath === null) {
            return $this->rulesForYear((int)date('Y'));
        }
        $out = $this->ffi->new('kin_rules*');
        $this->check($this->ffi->kin_rules_new($this->context(), FFI::addr($out), $nameOrPath));
        return new Rules($this, $out);
    }

    /** The pack in force for a performance year. */
    public function rulesForYear(int $year): Rules
    {
        $out = $this->ffi->new('kin_rules*');
        $this->check($this->ffi->kin_rules_for_year($this->context(), FFI::addr($out), $year));
        return new Rules($this, $out);
    }

    // -------------------------------------------------------------------------------------------
    // Analyses
    // -------------------------------------------------------------------------------------------

    /** Scores a performance year: indicator_scores, employee_scores, unit_scores. */
    public function score(Dataset $dataset, int $year, ?Rules $rules = null): Result
    {
        $out = $this->ffi->new('kin_result*');
        $this->check($this->ffi->kin_score($this->context(), FFI::addr($out), $dataset->handle(), $year, $this->rulesPtr($rules)));
        return new Result($this, $out);
    }

    /** The distribution check of a period: distribution_check, distribution_suggestions. */
    public function distribution(Dataset $dataset, string $period, ?Rules $rules = null, bool $calibrated = false): Result
    {
        $out = $this->ffi->new('kin_result*');
        $this->check($this->ffi->kin_distribution($this->context(), FFI::addr($out), $dataset->handle(), $period, $this->rulesPtr($rules), $calibrated ? 1 : 0));
        return new Result($this, $out);
    }

    /** Calibration of the feedback of a period: rater_effects, ratee_scores, reliability, rater_flags. */
    public function calibrate(Dataset $dataset, string $period, ?Rules $rules = null): Result
    {
        $out = $this->ffi->new('kin_result*');
        $this->check($this->ffi->kin_calibrate($this->context(), FFI::addr($out), $dataset->handle(), $period, $this->rulesPtr($rules)));
        return new Result($this, $out);
    }

    /**
     * Trend statistics: table trends.
     * @param int|string $level KIN_TREND_* or "indicator", "employee", "unit", "predikat"
     */
    public function trend(Dataset $dataset, int|string $level, ?string $from = null, ?string $to = null, ?Rules $rules = null): Result
    {
        $level = $this->enumValue('KIN_TREND_', $level);
        $out = $this->ffi->new('kin_result*');
        $this->check($this->ffi->kin_trend($this->context(), FFI::addr($out), $dataset->handle(), $level, $from, $to, $this->rulesPtr($rules)));
        return new Result($this, $out);
    }

    /** The IKM per unit for a period: table ikm. */
    public function ikm(Dataset $dataset, string $period, ?Rules $rules = null): Result
    {
        $out = $this->ffi->new('kin_result*');
        $this->check($this->ffi->kin_ikm($this->context(), FFI::addr($out), $dataset->handle(), $period, $this->rulesPtr($rules)));
        return new Result($this, $out);
    }

    private function rulesPtr(?Rules $rules): ?CData
    {
        return $rules === null ? null : $rules->handle();
    }

    // -------------------------------------------------------------------------------------------
    // Convenience for one employee or one unit
    // -------------------------------------------------------------------------------------------

    /**
     * Builds the dataset from arrays, scores $year and returns
     *   ['employee' => its employee_scores row, 'indicators' => its indicator_scores rows].
     * @param array<string, iterable<array<string, mixed>|object>> $tables
     * @return array{employee: array<string, mixed>, indicators: list<array<string, mixed>>}
     */
    public function scoreEmployee(array $tables, int $year, string $nip, ?Rules $rules = null): array
    {
        [$rows, $indicators] = $this->scoreOne($tables, $year, $rules, 'employee_scores', 'nip', $nip, 'employee');
        return ['employee' => $rows, 'indicators' => $indicators];
    }

    /**
     * As scoreEmployee() for a unit: ['unit' => its unit_scores row, 'indicators' => its IKU rows].
     * @param array<string, iterable<array<string, mixed>|object>> $tables
     * @return array{unit: array<string, mixed>, indicators: list<array<string, mixed>>}
     */
    public function scoreUnit(array $tables, int $year, string $unitId, ?Rules $rules = null): array
    {
        [$rows, $indicators] = $this->scoreOne($tables, $year, $rules, 'unit_scores', 'unit_id', $unitId, 'unit');
        return ['unit' => $rows, 'indicators' => $indicators];
    }

    /** @return array{0: array<string, mixed>, 1: list<array<string, mixed>>} */
    private function scoreOne(array $tables, int $year, ?Rules $rules, string $table, string $key, string $id, string $ownerType): array
    {
        $dataset = $this->datasetFromArrays($tables);
        try {
            $result = $this->score($dataset, $year, $rules);
            try {
                $found = null;
                foreach ($result->table($table) as $row) {
                    if ($row[$key] === $id) {
                        $found = $row;
                        break;
                    }
                }
                if ($found === null) {
                    throw new KinerjaException("no $key '$id' in $table", $this->constant('KIN_ENOTFOUND'));
                }
                $indicators = array_values(array_filter(
                    $result->table('indicator_scores'),
                    static fn(array $r) => $r['owner_type'] === $ownerType && $r['owner_id'] === $id
                ));
                return [$found, $indicators];
            } finally {
                $result->close();
            }
        } finally {
            $dataset->close();
        }
    }

    // -------------------------------------------------------------------------------------------
    // Statistics of arrays
    // -------------------------------------------------------------------------------------------

    /** @return list<string> the field names of a statistic (KIN_STAT_* or "ols", "mann_kendall", ...). */
    public function seriesStatisticFields(int|string $statistic): array
    {
        $statistic = $this->enumValue('KIN_STAT_', $statistic);
        $n = (int)$this->ffi->kin_series_statistic_fields($statistic);
        if ($n === 0) {
            throw new KinerjaException("unknown statistic $statistic", $this->constant('KIN_EINVAL'));
        }
        $names = [];
        for ($f = 0; $f < $n; $f++) {
            $names[] = (string)$this->ffi->kin_series_statistic_field($statistic, $f);
        }
        return $names;
    }

    /**
     * One statistic of one series: field name => value. "n" and "status" (KIN_SERIES_*) are
     * int; a value that does not exist (NaN in C) is null.
     * @param int|string $statistic KIN_STAT_* or "ols", "mann_kendall", "sen_slope", "pettitt", "hamed_rao"
     * @param list<int|float> $y
     * @param list<int|float>|null $t times (strictly increasing), null for 0, 1, 2, ...
     * @param float $parameter Sen confidence / Hamed-Rao alpha; 0 for the defaults
     * @return array<string, float|int|null>
     */
    public function seriesStatistic(int|string $statistic, array $y, ?array $t = null, float $parameter = 0.0): array
    {
        return $this->seriesStatistics($statistic, [['y' => $y, 't' => $t]], $parameter)[0];
    }

    /**
     * One statistic of many series at once.
     * @param list<list<int|float>|array{y: list<int|float>, t?: list<int|float>|null}> $series
     * @return list<array<string, float|int|null>>
     */
    public function seriesStatistics(int|string $statistic, array $series, float $parameter = 0.0): array
    {
        $statistic = $this->enumValue('KIN_STAT_', $statistic);
        $fields = $this->seriesStatisticFields($statistic);
        $ffi = $this->ffi;
        $ys = [];
        $ts = [];
        $anyT = false;
        foreach (array_values($series) as $s) {
            $y = is_array($s) && array_key_exists('y', $s) ? $s['y'] : $s;
            $t = is_array($s) && array_key_exists('y', $s) ? ($s['t'] ?? null) : null;
            if (!is_array($y) || ($t !== null && count($t) !== count($y))) {
                throw new KinerjaException('a series needs y and t of the same length', $this->constant('KIN_EINVAL'));
            }
            $ys[] = array_values($y);
            $ts[] = $t === null ? null : array_values($t);
            $anyT = $anyT || $t !== null;
        }
        $count = count($ys);
        if ($count === 0) {
            return [];
        }
        $points = array_sum(array_map('count', $ys));
        $yBuf = $ffi->new('double[' . max(1, $points) . ']');
        $tBuf = $anyT ? $ffi->new('double[' . max(1, $points) . ']') : null;
        $offsets = $ffi->new('uint64_t[' . ($count + 1) . ']');
        $i = 0;
        foreach ($ys as $s => $y) {
            $offsets[$s] = $i;
            foreach ($y as $k => $v) {
                $yBuf[$i] = self::number($v);
                if ($tBuf !== null) {
                    // A series without times gets 0, 1, 2, ... as C would.
                    $tBuf[$i] = $ts[$s] === null ? (float)$k : self::number($ts[$s][$k]);
                }
                $i++;
            }
        }
        $offsets[$count] = $i;
        $nf = count($fields);
        $out = $ffi->new('double[' . ($count * $nf) . ']');
        $this->check($ffi->kin_series_statistic($this->context(), $out, $count * $nf, null, $statistic,
            $yBuf, $tBuf, $points, $offsets, $count, $parameter));
        $results = [];
        for ($s = 0; $s < $count; $s++) {
            $row = [];
            foreach ($fields as $f => $name) {
                $v = (float)$out[$s * $nf + $f];
                if (is_nan($v)) {
                    $row[$name] = null;
                } elseif ($name === 'n' || $name === 'status') {
                    $row[$name] = (int)$v;
                } else {
                    $row[$name] = $v;
                }
            }
            $results[] = $row;
        }
        return $results;
    }

    /**
     * The six intraclass correlations of a complete matrix (rows: targets, columns: raters):
     * the rows of table icc (type, shrout_fleiss, mcgraw_wong, value, f, df1, df2, p_value,
     * lower, upper, status).
     * @param list<list<int|float>> $matrix
     * @return list<array<string, mixed>>
     */
    public function icc(array $matrix, float $confidence = 0.95): array
    {
        [$buf, $rows, $columns] = $this->matrix($matrix);
        $out = $this->ffi->new('kin_result*');
        $this->check($this->ffi->kin_icc($this->context(), FFI::addr($out), $buf, $rows, $columns, $columns, $confidence));
        $result = new Result($this, $out);
        try {
            return $result->table('icc');
        } finally {
            $result->close();
        }
    }

    /**
     * Krippendorff's alpha of a matrix (rows: units, columns: coders; null: missing), at a
     * level "nominal", "ordinal", "interval" or "ratio". Null when alpha is undefined.
     * @param list<list<int|float|null>> $matrix
     */
    public function krippendorffAlpha(array $matrix, string $level): ?float
    {
        $levelValue = $this->enumValue('KIN_ALPHA_', $level);
        [$buf, $rows, $columns] = $this->matrix($matrix);
        $alpha = $this->ffi->new('double');
        $this->check($this->ffi->kin_krippendorff_alpha($this->context(), FFI::addr($alpha), $buf, $rows, $columns, $columns, $levelValue));
        $v = (float)$alpha->cdata;
        return is_nan($v) ? null : $v;
    }

    /**
     * Rater effects from (ratee, rater, score) triples with integer ids: tables raters,
     * ratees, model.
     * @param list<array{0: int, 1: int, 2: int|float}> $triples
     * @param int|string $model KIN_MODEL_* or "random", "fixed"
     */
    public function raterEffects(array $triples, int|string $model = 'random'): Result
    {
        $model = $this->enumValue('KIN_MODEL_', $model);
        $ffi = $this->ffi;
        $n = count($triples);
        $size = max(1, $n);
        $ratee = $ffi->new("int64_t[$size]");
        $rater = $ffi->new("int64_t[$size]");
        $score = $ffi->new("double[$size]");
        foreach (array_values($triples) as $i => $triple) {
            [$a, $b, $c] = array_values($triple);
            $ratee[$i] = (int)$a;
            $rater[$i] = (int)$b;
            $score[$i] = self::number($c);
        }
        $out = $ffi->new('kin_result*');
        $this->check($ffi->kin_rater_effects($this->context(), FFI::addr($out), $ratee, $rater, $score, $n, $model));
        return new Result($this, $out);
    }

    /** @return array{0: CData, 1: int, 2: int} a row-major double buffer, rows, columns. */
    private function matrix(array $matrix): array
    {
        $rows = count($matrix);
        $columns = $rows > 0 ? count(reset($matrix)) : 0;
        $buf = $this->ffi->new('double[' . max(1, $rows * $columns) . ']');
        $r = 0;
        foreach ($matrix as $row) {
            if (!is_array($row) || count($row) !== $columns) {
                throw new KinerjaException("matrix row $r has not $columns columns", $this->constant('KIN_EINVAL'));
            }
            $c = 0;
            foreach ($row as $v) {
                $buf[$r * $columns + $c] = $v === null ? NAN : self::number($v);
                $c++;
            }
            $r++;
        }
        return [$buf, $rows, $columns];
    }

    private static function number(mixed $v): float
    {
        if (is_int($v) || is_float($v)) {
            return (float)$v;
        }
        if (is_string($v) && is_numeric($v)) {
            return (float)$v;
        }
        if ($v === null) {
            return NAN;
        }
        throw new KinerjaException('not a number: ' . get_debug_type($v), -2);
    }

    /** An enumeration given as int or as the rest of its KIN_<PREFIX>NAME constant. */
    private function enumValue(string $prefix, int|string $value): int
    {
        if (is_int($value)) {
            return $value;
        }
        $name = $prefix . strtoupper(str_replace(['-', ' '], '_', trim($value)));
        if (!isset($this->constants[$name])) {
            $known = array_map(
                static fn(string $k) => strtolower(substr($k, strlen($prefix))),
                array_values(array_filter(array_keys($this->constants), static fn(string $k) => str_starts_with($k, $prefix)))
            );
            throw new KinerjaException("unknown value '$value' (expected one of " . implode(', ', $known) . ')', $this->constant('KIN_EINVAL'));
        }
        return $this->constants[$name];
    }
}
