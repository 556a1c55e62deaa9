<?php

declare(strict_types=1);

/*
 * Cross-language dump: php score_dump.php DATASET_DIR YEAR OUT_FILE
 * Scores YEAR with the default rules and writes indicator_scores, employee_scores, unit_scores:
 * "# NAME", the column names joined by ',', then one line per row: null cells empty, text as is,
 * integers in decimal, numbers as C's printf("%.17g") (Kinerja\Format::g17, which matches C
 * byte for byte; PHP's own sprintf('%.17g') does not: it writes 1.0e-5 for 1e-05).
 */

require __DIR__ . '/../src/Kinerja.php';

if ($argc !== 4 || !ctype_digit($argv[2])) {
    fwrite(STDERR, "usage: php score_dump.php DATASET_DIR YEAR OUT_FILE\n");
    exit(2);
}
[, $folder, $year, $outFile] = $argv;

try {
    $engine = new Kinerja\Engine();
    $dataset = $engine->loadDataset($folder);
    $result = $engine->score($dataset, (int)$year);
    $text = '';
    foreach (['indicator_scores', 'employee_scores', 'unit_scores'] as $table) {
        $text .= "# $table\n" . implode(',', $result->columnNames($table)) . "\n";
        foreach ($result->table($table) as $row) {
            $cells = [];
            foreach ($row as $cell) {
                $cells[] = match (true) {
                    $cell === null => '',
                    is_float($cell) => Kinerja\Format::g17($cell),
                    default => (string)$cell,
                };
            }
            $text .= implode(',', $cells) . "\n";
        }
    }
    if (file_put_contents($outFile, $text) !== strlen($text)) {
        fwrite(STDERR, "score_dump.php: cannot write $outFile\n");
        exit(1);
    }
} catch (Kinerja\DataException $e) {
    fwrite(STDERR, $e->getMessage() . "\n" . implode("\n", $e->getDiagnostics()) . "\n");
    exit(1);
} catch (Kinerja\KinerjaException $e) {
    fwrite(STDERR, 'score_dump.php: ' . $e->getMessage() . ' (status ' . $e->getCode() . ")\n");
    exit(1);
}
