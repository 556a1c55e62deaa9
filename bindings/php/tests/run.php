<?php

declare(strict_types=1);

/*
 * Tests of the PHP binding, without a framework: `php bindings/php/tests/run.php`.
 * Every function named test_* runs; one line per test; exit status 1 on any failure.
 * Environment: KIN_C_LIBRARY (the shared library), KIN_C_HEADER (capi/kinerja.h).
 */

require __DIR__ . '/../src/Kinerja.php';

use Kinerja\DataException;
use Kinerja\Engine;
use Kinerja\Format;
use Kinerja\Header;
use Kinerja\KinerjaException;

const SAMPLE = __DIR__ . '/../../../data/sample';
const REPO_HEADER = __DIR__ . '/../../../capi/kinerja.h';

final class AssertionFailed extends Exception
{
}

function check(bool $condition, string $what): void
{
    if (!$condition) {
        throw new AssertionFailed($what);
    }
}

function same(mixed $expected, mixed $actual, string $what): void
{
    if ($expected !== $actual) {
        throw new AssertionFailed("$what: expected " . var_export($expected, true) . ', got ' . var_export($actual, true));
    }
}

function near(float $expected, ?float $actual, string $what, float $tolerance = 1e-9): void
{
    if ($actual === null || abs($expected - $actual) > $tolerance * max(1.0, abs($expected))) {
        throw new AssertionFailed("$what: expected $expected, got " . var_export($actual, true));
    }
}

/** Runs $f and returns the exception of class $class it throws; fails if it throws none. */
function throws(string $class, callable $f, string $what): Throwable
{
    try {
        $f();
    } catch (Throwable $e) {
        if ($e instanceof $class) {
            return $e;
        }
        throw new AssertionFailed("$what: expected $class, got " . get_class($e) . ': ' . $e->getMessage());
    }
    throw new AssertionFailed("$what: expected $class, nothing was thrown");
}

function engine(): Engine
{
    static $engine = null;
    return $engine ??= new Engine();
}

/**
 * A small organisation written by hand: units U1 (root) and U2 (under U1); E1 heads U1, E2 in
 * U2 rated by E1, E3 in U2 rated by E2 (NIPs from the sample). Monthly realisations.
 */
function organisation(): array
{
    $e1 = '196712231996101358';
    $e2 = '197409082000011858';
    $e3 = '198201192009122947';
    $months = static fn(string $id, array $values) => array_map(
        static fn(int $m, $v) => ['indicator_id' => $id, 'period' => sprintf('2025-%02d', $m + 1), 'value' => $v],
        array_keys($values), $values
    );
    return [
        'units' => [
            ['unit_id' => 'U1', 'name' => 'Dinas Contoh', 'parent_id' => null],
            ['unit_id' => 'U2', 'name' => 'Bidang Contoh', 'parent_id' => 'U1'],
        ],
        'employees' => [
            ['nip' => $e1, 'name' => 'Kepala', 'unit_id' => 'U1', 'status' => 'pns'],
            ['nip' => $e2, 'name' => 'Kabid', 'unit_id' => 'U2', 'rater_nip' => $e1],
            (object)['nip' => $e3, 'name' => 'Staf', 'unit_id' => 'U2', 'rater_nip' => $e2, 'status' => ''],
        ],
        'indicators' => [
            // IKU of U1: max, last of the year = 88 against 80 -> 110.
            ['indicator_id' => 'IKU-U1', 'owner_type' => 'unit', 'owner_id' => 'U1', 'year' => 2025, 'polarity' => 'max', 'target' => 80, 'accumulation' => 'last'],
            // IKU of U2: min, 8 against 10 -> 2 - 0.8 = 120%.
            ['indicator_id' => 'IKU-U2', 'owner_type' => 'unit', 'owner_id' => 'U2', 'year' => 2025, 'polarity' => 'min', 'target' => 10.0, 'accumulation' => 'last'],
            // E1: sum of 12 x 15 = 180 against 200 -> 90 (weight 60); last 55 against 50 -> 110 (weight 40).
            ['indicator_id' => 'IKI-E1-1', 'owner_type' => 'employee', 'owner_id' => $e1, 'year' => 2025, 'target' => 200, 'weight' => 60, 'accumulation' => 'sum', 'parent_id' => 'IKU-U1'],
            ['indicator_id' => 'IKI-E1-2', 'owner_type' => 'employee', 'owner_id' => $e1, 'year' => 2025, 'target' => 50, 'weight' => 40.0],
            // E2: mean of 90, 95, 100 = 95 against 100 -> 95.
            ['indicator_id' => 'IKI-E2-1', 'owner_type' => 'employee', 'owner_id' => $e2, 'year' => 2025, 'target' => 100, 'accumulation' => 'mean'],
        ],
        'realizations' => array_merge(
            $months('IKU-U1', [70, 75.5, 80, 88]),
            $months('IKU-U2', [12, 9, 8]),
            $months('IKI-E1-1', array_fill(0, 12, 15)),
            $months('IKI-E1-2', ['40', '55']),
            $months('IKI-E2-1', [90.0, 95, 100]),
        ),
        'ratings' => [
            ['nip' => $e1, 'period' => '2025', 'result_rating' => 'meets', 'behavior_rating' => 'meets', 'innovation' => false],
            ['nip' => $e2, 'period' => '2025', 'result_rating' => 'above', 'behavior_rating' => 'above', 'rater_nip' => $e1],
        ],
    ];
}

// ----------------------------------------------------------------------------------------------

function test_header_constants(): void
{
    $c = engine()->constants();
    same(0, $c['KIN_OK'], 'KIN_OK');
    same(-2, $c['KIN_EINVAL'], 'KIN_EINVAL');
    same(-5, $c['KIN_ENOTFOUND'], 'KIN_ENOTFOUND');
    same(-7, $c['KIN_EFORMAT'], 'KIN_EFORMAT');
    same(-11, $c['KIN_EDATA'], 'KIN_EDATA');
    same(1, $c['KIN_ABI_VERSION'], 'KIN_ABI_VERSION');
    same(1, $c['KIN_STAT_OLS'], 'KIN_STAT_OLS');
    same(2, $c['KIN_STAT_MANN_KENDALL'], 'KIN_STAT_MANN_KENDALL');
    same(3, $c['KIN_COLUMN_INTEGER'], 'KIN_COLUMN_INTEGER');
    check(!isset($c['KIN_VERSION_STRING']), 'a text #define is not an integer constant');
    check(!isset($c['KIN_VERSION_AT_LEAST']), 'a macro is not a constant');
    same('KIN_EINVAL', Header::statusName(-2), 'status name');
}

function test_header_parse_strips_preprocessor_and_cplusplus(): void
{
    [$decl] = Header::parse(Header::defaultPath());
    check(!str_contains($decl, '#'), 'no preprocessor line left');
    check(!str_contains($decl, 'extern "C"'), 'the __cplusplus block is removed');
    check(!str_contains($decl, 'KIN_API'), 'KIN_API is removed');
    check(str_contains($decl, 'int kin_score('), 'declarations kept');
    [, $c] = Header::parseText("#define KIN_A 3\n#define KIN_B (-4) /* x */\n#define KIN_C \"t\"\n#ifdef __cplusplus\nextern \"C\" {\n#endif\nKIN_API int f(void);\n");
    same(['KIN_A' => 3, 'KIN_B' => -4], $c, 'constants of a small header');
}

function test_default_header_is_found(): void
{
    $saved = getenv('KIN_C_HEADER');
    putenv('KIN_C_HEADER');
    $path = Kinerja\Header::defaultPath();
    if ($saved !== false) {
        putenv("KIN_C_HEADER=$saved");
    }
    check(is_file($path), "the default header $path exists");
    check(str_ends_with($path, 'kinerja.h'), 'the default header is kinerja.h');
    same('/given/kinerja.h', Kinerja\Header::defaultPath('/given/kinerja.h'), 'an explicit header wins');
}

function test_version_checked_at_load(): void
{
    $e = engine();
    same(0, intdiv((int)$e->ffi()->kin_version_number(), 10000), 'major version');
    same(1, (int)$e->ffi()->kin_abi_version(), 'ABI');
    check(preg_match('/^0\.\d+\.\d+/', $e->version()) === 1, 'version string ' . $e->version());
    // A header that declares another ABI is refused with a clear message.
    $header = tempnam(sys_get_temp_dir(), 'kin') . '.h';
    file_put_contents($header, str_replace('#define KIN_ABI_VERSION 1', '#define KIN_ABI_VERSION 2', file_get_contents($e->headerPath())));
    try {
        $x = throws(KinerjaException::class, static fn() => new Engine(null, $header), 'ABI mismatch');
        same(-8, $x->getCode(), 'KIN_EVERSION');
        check(str_contains($x->getMessage(), 'ABI'), 'message names the ABI: ' . $x->getMessage());
    } finally {
        unlink($header);
    }
    $x = throws(KinerjaException::class, static fn() => new Engine('/nonexistent/libkinerja_c.so.1'), 'missing library');
    check(str_contains($x->getMessage(), '/nonexistent/libkinerja_c.so.1'), 'message names the library');
}

function test_score_sample_2025(): void
{
    $e = engine();
    $d = $e->loadDataset(SAMPLE);
    same(322, $d->rows('employees'), 'employees in the sample');
    $r = $e->score($d, 2025);
    same(['indicator_scores', 'employee_scores', 'unit_scores'], $r->tableNames(), 'table names');
    $employees = $r->table('employee_scores');
    same(322, count($employees), 'employee_scores rows');
    same(322, $r->rowCount('employee_scores'), 'rowCount');
    $first = $employees[0];
    same('196712231996101358', $first['nip'], 'text cell');
    same(2025, $first['year'], 'integer cell is int');
    check(is_float($first['result_score']), 'number cell is float');
    near(106.65615903633909, $first['result_score'], 'result_score of the first employee (docs/output-files.md)');
    same(null, $first['behavior_score'], 'a null number cell is null under 6/2022');
    same(null, $first['suggested_result_rating'], 'a null text cell is null');
    same('baik', $first['predikat'], 'predikat');
    $types = $r->columnTypes('employee_scores');
    same(1, $types['nip'], 'nip is text');
    same(2, $types['result_score'], 'result_score is number');
    same(3, $types['indicators'], 'indicators is integer');
    $column = $r->column('employee_scores', 'result_score');
    same(322, count($column), 'column length');
    same($first['result_score'], $column[0], 'column equals table');
    same(array_column($employees, 'nip'), $r->column('employee_scores', 'nip'), 'text column equals table');
    $units = $r->table('unit_scores');
    same('PEMDA', $units[0]['unit_id'], 'first unit');
    near(97.09078717807357, $units[0]['subtree_iku_achievement'], 'subtree of PEMDA (docs/output-files.md)');
    same(55, $units[0]['subtree_units'], 'subtree_units');
    $x = throws(KinerjaException::class, static fn() => $r->table('nope'), 'unknown table');
    same(-5, $x->getCode(), 'unknown table is KIN_ENOTFOUND');
    $x = throws(KinerjaException::class, static fn() => $r->column('unit_scores', 'nope'), 'unknown column');
    same(-5, $x->getCode(), 'unknown column is KIN_ENOTFOUND');
    $r->close();
    $d->close();
}

function test_other_analyses_on_sample(): void
{
    $e = engine();
    $d = $e->loadDataset(SAMPLE);
    $rules = $e->rules('pp-46-2011');
    $units = $e->score($d, 2025, $rules)->table('unit_scores');
    check(array_key_exists('buruk', $units[0]), 'pp-46-2011 predikat columns');
    same(['distribution_check', 'distribution_suggestions'], $e->distribution($d, '2025')->tableNames(), 'distribution tables');
    same(['rater_effects', 'ratee_scores', 'reliability', 'rater_flags'], $e->calibrate($d, '2025')->tableNames(), 'calibrate tables');
    same(['trends'], $e->trend($d, 'unit', '2025-01', '2025-12')->tableNames(), 'trend tables');
    $ikm = $e->ikm($d, '2025')->table('ikm');
    check(count($ikm) > 0, 'ikm rows');
    // The published IKM is a text column ("81.10": always 2 decimals); the unrounded one a number.
    check(preg_match('/^\d+\.\d\d$/', $ikm[0]['ikm']) === 1, 'ikm with 2 decimals: ' . $ikm[0]['ikm']);
    near(round($ikm[0]['ikm_unrounded'], 2), (float)$ikm[0]['ikm'], 'ikm is the rounded ikm_unrounded', 1e-12);
}

function test_dataset_from_arrays_score_employee(): void
{
    $e = engine();
    $tables = organisation();
    $one = $e->scoreEmployee($tables, 2025, '196712231996101358');
    $row = $one['employee'];
    same('196712231996101358', $row['nip'], 'nip');
    // (60 x 90 + 40 x 110) / 100 = 98
    near(98.0, $row['result_score'], 'weighted capaian of E1');
    same(2, $row['indicators'], 'indicators counted');
    same(2, $row['indicators_scored'], 'indicators scored');
    same('baik', $row['predikat'], 'meets/meets is baik');
    $byId = array_column($one['indicators'], null, 'indicator_id');
    same(['IKI-E1-1', 'IKI-E1-2'], array_keys($byId), 'the employee\'s indicators only');
    near(180.0, $byId['IKI-E1-1']['realization'], 'sum of 12 months of 15');
    same(12, $byId['IKI-E1-1']['periods'], 'periods');
    near(100 * 180 / 200, $byId['IKI-E1-1']['achievement'], 'capaian = 100 x R / T');
    near(55.0, $byId['IKI-E1-2']['realization'], 'last month');
    near(110.0, $byId['IKI-E1-2']['achievement'], 'capaian 110');
    near(60.0, $byId['IKI-E1-1']['weight'], 'weight');

    $two = $e->scoreEmployee($tables, 2025, '197409082000011858');
    near(95.0, $two['employee']['result_score'], 'mean of 90, 95, 100 against 100');
    same('sangat_baik', $two['employee']['predikat'], 'above/above is sangat_baik');

    $three = $e->scoreEmployee($tables, 2025, '198201192009122947');
    same(null, $three['employee']['result_score'], 'no indicator: no result');
    same(0, $three['employee']['indicators'], 'no indicator');
    same([], $three['indicators'], 'no indicator rows');

    $x = throws(KinerjaException::class, static fn() => $e->scoreEmployee($tables, 2025, '199001152015032001'), 'unknown nip');
    same(-5, $x->getCode(), 'unknown nip is KIN_ENOTFOUND');
}

function test_dataset_from_arrays_score_unit(): void
{
    $e = engine();
    $u1 = $e->scoreUnit(organisation(), 2025, 'U1');
    near(110.0, $u1['unit']['iku_achievement'], 'IKU of U1: 100 x 88 / 80');
    same(1, $u1['unit']['employees'], 'members of U1');
    same(1, $u1['unit']['baik'], 'one baik in U1');
    near(115.0, $u1['unit']['subtree_iku_achievement'], 'mean of 110 and 120');
    same(2, $u1['unit']['subtree_units'], 'subtree units');
    same(['IKU-U1'], array_column($u1['indicators'], 'indicator_id'), 'IKU rows of U1');
    same(1, $u1['indicators'][0]['children'], 'IKI-E1-1 cascades from IKU-U1');
    $u2 = $e->scoreUnit(organisation(), 2025, 'U2');
    near(120.0, $u2['unit']['iku_achievement'], 'min polarity: 100 x (2 - 8 / 10)');
    same(2, $u2['unit']['employees'], 'members of U2');
    same(1, $u2['unit']['sangat_baik'], 'one sangat_baik in U2');
}

function test_dataset_from_arrays_general_api(): void
{
    $e = engine();
    $d = $e->datasetFromArrays(organisation());
    same(2, $d->rows('units'), 'units');
    same(3, $d->rows('employees'), 'employees');
    same(5, $d->rows('indicators'), 'indicators');
    same(4 + 3 + 12 + 2 + 3, $d->rows('realizations'), 'realizations');
    $rules = $e->rules('permenpanrb-6-2022')->set('suggestion.ratings', 'achievement');
    $rows = $e->score($d, 2025, $rules)->table('employee_scores');
    same('meets', $rows[0]['suggested_result_rating'], '98 is between 80 and 110');
    check(str_ends_with($rows[0]['rule_pack'], '+modified'), 'modified pack');
    // Commas, quotes and line breaks in a field survive the round trip.
    $t = organisation();
    $t['units'][0]['name'] = "Dinas \"A\", B\nC";
    same(2, $e->datasetFromArrays($t)->rows('units'), 'quoted field');
}

function test_sample_from_arrays_equals_folder(): void
{
    // The whole sample read into arrays (as a database would give it) scores as the folder does.
    $tables = [];
    foreach (glob(SAMPLE . '/*.csv') as $file) {
        $handle = fopen($file, 'r');
        $header = fgetcsv($handle, null, ',', '"', '');
        $rows = [];
        while (($fields = fgetcsv($handle, null, ',', '"', '')) !== false) {
            if ($fields !== [null]) {
                $rows[] = array_combine($header, $fields);
            }
        }
        fclose($handle);
        $tables[basename($file, '.csv')] = $rows;
    }
    same(322, count($tables['employees']), 'employees read');
    $e = engine();
    $fromArrays = $e->score($e->datasetFromArrays($tables), 2025)->toArray();
    $fromFolder = $e->score($e->loadDataset(SAMPLE), 2025)->toArray();
    foreach ($fromFolder as $name => $rows) {
        same(count($rows), count($fromArrays[$name]), "$name rows");
        check($rows === $fromArrays[$name], "$name equal");
    }
}

function test_invalid_tables_raise_data_exception(): void
{
    $e = engine();
    $t = organisation();
    $t['employees'][1]['unit_id'] = 'NOPE';       // unknown reference, line 3
    $t['indicators'][1]['target'] = '1.250,5';    // bad number, line 3
    $x = throws(DataException::class, static fn() => $e->datasetFromArrays($t), 'invalid data');
    same(-11, $x->getCode(), 'KIN_EDATA');
    $d = $x->getDiagnostics();
    check(count($d) >= 2, 'two problems at least: ' . implode(' | ', $d));
    foreach ($x->getErrors() as $message) {
        check(preg_match('/^[a-z_]+\.csv:\d+:\d+: error: /', $message) === 1, "FILE:LINE:COLUMN form: $message");
    }
    check((bool)preg_grep("/^employees\\.csv:3:\\d+: error: .*NOPE/", $d), 'employees.csv line 3 names NOPE: ' . implode(' | ', $d));
    check((bool)preg_grep("/^indicators\\.csv:3:\\d+: error: .*target/", $d), 'indicators.csv line 3 names target: ' . implode(' | ', $d));
    check(str_contains($x->getMessage(), 'error'), 'message gives the first error');
    // The same from a folder.
    $dir = sys_get_temp_dir() . '/kin-php-' . getmypid();
    @mkdir($dir);
    file_put_contents("$dir/employees.csv", "nip,unit_id\n199013152015031001,A\n");
    try {
        $x = throws(DataException::class, static fn() => $e->loadDataset($dir), 'invalid folder');
        check((bool)preg_grep('/employees\.csv:2:\d+: error: invalid NIP/', $x->getDiagnostics()), 'invalid NIP: ' . implode(' | ', $x->getDiagnostics()));
    } finally {
        unlink("$dir/employees.csv");
        rmdir($dir);
    }
    $x = throws(KinerjaException::class, static fn() => $e->loadDataset('/nonexistent/kinerja'), 'missing folder');
    check(!($x instanceof DataException), 'a missing folder is not a data problem');
    same(-5, $x->getCode(), 'missing folder is KIN_ENOTFOUND');
    $x = throws(KinerjaException::class, static fn() => $e->datasetFromArrays(['staff' => [['a' => '1']]]), 'unknown table');
    same(-2, $x->getCode(), 'unknown table is KIN_EINVAL');
    check(str_contains($x->getMessage(), 'staff'), 'message names the table');
}

function test_rules_errors_and_values(): void
{
    $e = engine();
    $r = $e->rulesForYear(2025);
    same('permenpanrb-6-2022', explode('@', $r->label())[0], 'pack of 2025');
    same('120', $r->get('achievement.cap'), 'default cap');
    $r->set('achievement.cap', 150.0);
    same('150', $r->get('achievement.cap'), 'set then get');
    $r->set('achievement.clamp_negative', false);
    same('false', $r->get('achievement.clamp_negative'), 'bool setting');
    $x = throws(KinerjaException::class, static fn() => $r->set('no.such.setting', '1'), 'unknown setting');
    same(-5, $x->getCode(), 'unknown setting is KIN_ENOTFOUND');
    check(str_contains($x->getMessage(), 'no.such.setting'), 'message names the setting: ' . $x->getMessage());
    same('KIN_ENOTFOUND', $x->statusName(), 'status name');
    $x = throws(KinerjaException::class, static fn() => $r->get('no.such.setting'), 'unknown setting get');
    same(-5, $x->getCode(), 'get of unknown setting');
    $x = throws(KinerjaException::class, static fn() => $r->set('achievement.cap', '-1'), 'bad value');
    same(-2, $x->getCode(), 'bad value is KIN_EINVAL');
    $x = throws(KinerjaException::class, static fn() => $e->rules('no-such-pack'), 'unknown pack');
    same(-5, $x->getCode(), 'unknown pack is KIN_ENOTFOUND');
    $x = throws(KinerjaException::class, static fn() => $e->rulesForYear(10000), 'bad year');
    same(-4, $x->getCode(), 'year out of range is KIN_ERANGE');
}

function test_bad_period_raises_eformat(): void
{
    $e = engine();
    $d = $e->datasetFromArrays(organisation());
    foreach (['2025-13', '2025-Q5', 'x'] as $period) {
        $x = throws(KinerjaException::class, static fn() => $e->ikm($d, $period), "period $period");
        same(-7, $x->getCode(), "period $period is KIN_EFORMAT");
        check($x->getMessage() !== '', 'message from the context');
    }
    $x = throws(KinerjaException::class, static fn() => $e->distribution($d, '2025-00'), 'distribution period');
    same(-7, $x->getCode(), 'distribution bad period');
    $x = throws(KinerjaException::class, static fn() => $e->trend($d, 'employee', '2025-12', '2025-01'), 'to before from');
    same(-2, $x->getCode(), 'to before from is KIN_EINVAL');
    $x = throws(KinerjaException::class, static fn() => $e->trend($d, 'planet'), 'unknown level');
    same(-2, $x->getCode(), 'unknown level');
}

function test_close_twice_and_use_after_close(): void
{
    $e = new Engine();
    $d = $e->datasetFromArrays(organisation());
    $r = $e->score($d, 2025);
    $rules = $e->rules('permenpanrb-8-2021');
    foreach ([$r, $d, $rules] as $object) {
        $object->close();
        $object->close();
        check($object->isClosed(), get_class($object) . ' closed');
    }
    $x = throws(KinerjaException::class, static fn() => $r->table('employee_scores'), 'closed result');
    same(-9, $x->getCode(), 'use after close is KIN_ESTATE');
    throws(KinerjaException::class, static fn() => $r->tableNames(), 'closed result names');
    throws(KinerjaException::class, static fn() => $e->score($d, 2025), 'closed dataset');
    throws(KinerjaException::class, static fn() => $d->rows('employees'), 'closed dataset rows');
    throws(KinerjaException::class, static fn() => $rules->get('achievement.cap'), 'closed rules');
    // An object outlives the engine's close(); it throws when it needs the context.
    $d2 = $e->datasetFromArrays(organisation());
    $r2 = $e->score($d2, 2025);
    $e->close();
    $e->close();
    check($e->isClosed(), 'engine closed');
    same(3, $d2->rows('employees'), 'a dataset stays valid after the context is freed');
    same(['indicator_scores', 'employee_scores', 'unit_scores'], $r2->tableNames(), 'result names need no context');
    $x = throws(KinerjaException::class, static fn() => $r2->table('unit_scores'), 'closed engine');
    same(-9, $x->getCode(), 'closed engine is KIN_ESTATE');
    throws(KinerjaException::class, static fn() => $e->loadDataset(SAMPLE), 'closed engine load');
    unset($r2, $d2);   // destructors after close(): no crash
}

function test_series_statistics(): void
{
    $e = engine();
    $t = [0, 1, 2, 3, 4, 5];
    $y = array_map(static fn($x) => 2 * $x + 1, $t);
    $ols = $e->seriesStatistic($e->constant('KIN_STAT_OLS'), $y, $t);
    same(['n', 'status', 'slope', 'intercept', 'slope_stderr', 'r_squared', 't', 'p_value'], array_keys($ols), 'OLS fields');
    same(6, $ols['n'], 'n');
    same(0, $ols['status'], 'status ok');
    near(2.0, $ols['slope'], 'OLS slope of y = 2t + 1');
    near(1.0, $ols['intercept'], 'OLS intercept');
    near(1.0, $ols['r_squared'], 'r squared');
    $olsT = $e->seriesStatistic('ols', [3, 5, 9], [1, 2, 4]);
    near(2.0, $olsT['slope'], 'OLS with irregular times');
    foreach ([5, 8, 13] as $n) {
        $mk = $e->seriesStatistic('mann_kendall', range(1, $n));
        near($n * ($n - 1) / 2, $mk['s'], "Mann-Kendall S of an increasing series of $n points");
        near(1.0, $mk['tau_b'], 'tau_b');
    }
    $mk = $e->seriesStatistic('mann_kendall', [5, 4, 3, 2, 1]);
    near(-10.0, $mk['s'], 'S of a decreasing series');
    $sen = $e->seriesStatistic('sen_slope', [1, 3, 5, 7, 9, 11, 13]);
    near(2.0, $sen['slope'], 'Sen slope');
    $short = $e->seriesStatistic('ols', [1.0]);
    same(1, $short['status'], 'one point is KIN_SERIES_TOO_SHORT');
    same(null, $short['slope'], 'no slope: null');
    $many = $e->seriesStatistics('ols', [[1, 2, 3], ['y' => [10, 7, 4], 't' => [0, 1, 2]]]);
    near(1.0, $many[0]['slope'], 'first series');
    near(-3.0, $many[1]['slope'], 'second series');
    $x = throws(KinerjaException::class, static fn() => $e->seriesStatistic('ols', [1, 2, 3], [0, 0, 1]), 'times not increasing');
    same(-2, $x->getCode(), 'KIN_EINVAL');
    throws(KinerjaException::class, static fn() => $e->seriesStatistic(99, [1, 2]), 'unknown statistic');
}

function test_icc_and_alpha(): void
{
    $e = engine();
    // Shrout & Fleiss (1979): 6 targets, 4 judges; ICC(1,1) = 0.17, ICC(3,1) = 0.71.
    $m = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]];
    $icc = array_column($e->icc($m), null, 'type');
    check(count($icc) === 6, 'six forms');
    near(0.17, round($icc['ICC1']['value'], 2), 'ICC(1,1)');
    near(0.71, round($icc['ICC3']['value'], 2), 'ICC(3,1)');
    near(5.0, $icc['ICC1']['df1'], 'df1 = targets - 1');
    same(1.0, $e->krippendorffAlpha([[1, 1], [2, 2], [3, 3], [4, 4]], 'interval'), 'perfect agreement');
    $a = $e->krippendorffAlpha([[1, 1], [2, 2], [3, null], [1, 2]], 'nominal');
    check($a !== null && $a < 1.0, 'disagreement lowers alpha');
    same(null, $e->krippendorffAlpha([[1, 1], [1, 1]], 'nominal'), 'no variation: undefined');
    $x = throws(KinerjaException::class, static fn() => $e->krippendorffAlpha([[1, 2]], 'cardinal'), 'unknown level');
    same(-2, $x->getCode(), 'unknown level');
    throws(KinerjaException::class, static fn() => $e->icc([[1, 2], [3]]), 'ragged matrix');
    $x = throws(KinerjaException::class, static fn() => $e->icc([[1, 2], [3, null]]), 'missing score');
    same(-2, $x->getCode(), 'ICC of a matrix with a missing score');
}

function test_number_formatting_matches_c(): void
{
    same('100', Format::g17(100.0), '%.17g of 100');
    same('96.5', Format::g17(96.5), '%.17g of 96.5');
    same('1.0000000000000001e-05', Format::g17(1e-05), '%.17g of 1e-05');
    same('0.10000000000000001', Format::g17(0.1), '%.17g of 0.1');
    same('1e+20', Format::g17(1e20), '%.17g of 1e20');
    same('-0', Format::g17(-0.0), '%.17g of -0');
    same('107.55960729312764', Format::g17(107.55960729312764), '%.17g of a capaian');
    same('0.00001', Format::plain(1e-5), 'plain 1e-5');
    same('0.30000000000000004', Format::plain(0.1 + 0.2), 'plain keeps every digit');
    same('1250000', Format::plain(1.25e6), 'plain 1.25e6');
}

function test_score_dump_script(): void
{
    $out = tempnam(sys_get_temp_dir(), 'kin-dump');
    try {
        $cmd = escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg(__DIR__ . '/score_dump.php') . ' '
            . escapeshellarg(SAMPLE) . ' 2025 ' . escapeshellarg($out) . ' 2>&1';
        exec($cmd, $output, $status);
        same(0, $status, 'score_dump.php exit status: ' . implode("\n", $output));
        $lines = explode("\n", file_get_contents($out));
        same('# indicator_scores', $lines[0], 'first line');
        same('indicator_id,owner_type,owner_id,year,target,target_upper,realization,achievement,capped_achievement,weight,status,periods,nilai,children,children_achievement', $lines[1], 'header');
        same('IKU-PEMDA-2025-1,unit,PEMDA,2025,71.299999999999997,,76.689999999999998,107.55960729312764,107.55960729312764,30,ok,11,,12,100.37197790141505', $lines[2], 'first row');
        same('', end($lines), 'ends with a line end');
        same(1, count(array_keys($lines, '# employee_scores')), 'employee_scores section');
        $employees = array_search('# employee_scores', $lines, true);
        $units = array_search('# unit_scores', $lines, true);
        same(322 + 2, $units - $employees, 'employee rows');
    } finally {
        @unlink($out);
    }
}

// ----------------------------------------------------------------------------------------------

$failures = 0;
$count = 0;
foreach (get_defined_functions()['user'] as $function) {
    if (!str_starts_with($function, 'test_')) {
        continue;
    }
    $count++;
    $start = microtime(true);
    try {
        $function();
        printf("ok    %-55s %6.0f ms\n", $function, 1000 * (microtime(true) - $start));
    } catch (Throwable $e) {
        $failures++;
        printf("FAIL  %s: %s: %s (%s:%d)\n", $function, get_class($e), $e->getMessage(), basename($e->getFile()), $e->getLine());
    }
}
printf("%d tests, %d failed\n", $count, $failures);
exit($failures === 0 ? 0 : 1);
