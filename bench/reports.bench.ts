/**
 * Report and CSV targets (issue 13), over the seeded ledger of bench/ledger-fixture.ts folded by the
 * read model in process (createLedgerView), medians of 5:
 * 1. the HTML report (reportData + renderCostReport, SEK) at 10k and 100k generations: ≤ 3 s and
 *    ≤ 20 MB at 100k;
 * 2. exporting 100k rows (costCsv, USD) ≤ 1.5× a raw `Papa.unparse` of the same rows' cells;
 * 3. previewing an import of 100k rows (previewExternalCsv) ≤ 2× a raw `Papa.parse` of the same text.
 * `MODELBRIDGE_BENCH_SMOKE=1` (or `--smoke`): 1k generations and 1k rows, 2 runs, INFO, no targets (CI).
 * `MODELBRIDGE_BENCH_SIZES=100000` reruns the report at the sizes given (comma-separated generations).
 * Runs under NODE_ENV=production, as the backend does (React's development build is several times slower).
 */
import Papa from 'papaparse';
import { DEFAULT_FX, type ListRow } from '../src/domain/index.ts';
import { createLedgerView, everyRow, type LedgerView } from '../src/ledger-view/index.ts';
import {
  COST_CSV_COLUMNS,
  costCsv,
  costCsvRecord,
  NUMERIC_COLUMNS,
  neutraliseCell,
} from '../src/reports/csv/index.ts';
import { previewExternalCsv } from '../src/reports/import/index.ts';
import { generateLedgerEvents } from './ledger-fixture.ts';
import { collectGarbage, formatMb, formatMs, median, reportRatio } from './report.ts';

// Before React loads: it picks its development or production build once, when first imported.
process.env.NODE_ENV ??= 'production';
const { renderCostReport, reportData } = await import('../src/reports/html/index.ts');

const SMOKE = process.env.MODELBRIDGE_BENCH_SMOKE === '1' || process.argv.includes('--smoke');
const SIZES = process.env.MODELBRIDGE_BENCH_SIZES
  ? process.env.MODELBRIDGE_BENCH_SIZES.split(',').map(Number)
  : SMOKE
    ? [1_000]
    : [10_000, 100_000];
const ROWS = SMOKE ? 1_000 : 100_000;
const RUNS = SMOKE ? 2 : 5;
const TARGETS = { reportMs: 3_000, reportBytes: 20_000_000, exportRatio: 1.5, importRatio: 2 };
const NOW = new Date('2026-12-01T09:00:00.000Z');

/** Prints a figure against its target (INFO without one, or in a smoke run); a miss fails the bench. */
function check(name: string, value: number, limit: number | null, format: (v: number) => string): void {
  if (SMOKE || limit === null) {
    console.log(`  INFO  ${name}: ${format(value)}${limit === null ? '' : ` (target ≤ ${format(limit)})`}`);
    return;
  }
  const pass = value <= limit;
  if (!pass) process.exitCode = 1;
  console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${format(value)} (target ≤ ${format(limit)})`);
}

/** Median milliseconds of `runs` calls of `work` (a GC before each), and its last result. */
function timed<T>(work: () => T, runs = RUNS): { ms: number; result: T } {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i += 1) {
    collectGarbage();
    const started = performance.now();
    result = work();
    times.push(performance.now() - started);
  }
  return { ms: median(times), result: result as T };
}

function benchReport(view: LedgerView, generations: number): void {
  const make = () => renderCostReport(reportData(view, { currency: 'SEK' }, NOW));
  // One untimed report first: the summary for SEK is then kept, as the backend keeps it once asked.
  make();
  // Only the size is kept of each run: holding several 18 MB pages would time the GC, not the report.
  const total = timed(() => Buffer.byteLength(make(), 'utf8'));
  const bytes = total.result;
  collectGarbage();
  let started = performance.now();
  const data = reportData(view, { currency: 'SEK' }, NOW);
  const dataMs = performance.now() - started;
  started = performance.now();
  renderCostReport(data);
  const renderMs = performance.now() - started;
  const rows = data.generations.length + data.externals.length + data.pools.length;
  console.log(
    `  ${generations.toLocaleString('en')} generations, ${rows.toLocaleString('en')} rows; one run split: reportData ${formatMs(dataMs)}, renderCostReport ${formatMs(renderMs)}`,
  );
  // The targets are set at 100k generations; smaller ledgers are shown for the trend.
  const targeted = generations >= 100_000;
  const size = generations.toLocaleString('en');
  check(`report at ${size}, time`, total.ms, targeted ? TARGETS.reportMs : null, formatMs);
  check(`report at ${size}, size`, bytes, targeted ? TARGETS.reportBytes : null, formatMb);
}

/** The cells costCsv writes for `rows`, for the raw baseline (built outside its timing). */
function cellsOf(rows: readonly ListRow[]): string[][] {
  return rows.map((row) => {
    const record = costCsvRecord(row, 'USD');
    return COST_CSV_COLUMNS.map((c) => (NUMERIC_COLUMNS.has(c) ? record[c] : neutraliseCell(record[c])));
  });
}

function benchExport(view: LedgerView): void {
  const rows = [...everyRow(view, { currency: 'USD' })].slice(0, ROWS);
  const cells = cellsOf(rows);
  const ours = timed(() => costCsv(rows, 'USD'));
  const raw = timed(() => Papa.unparse({ fields: [...COST_CSV_COLUMNS], data: cells }, { newline: '\r\n' }));
  const ratio = ours.ms / raw.ms;
  const detail = `costCsv of ${rows.length.toLocaleString('en')} rows ${formatMs(ours.ms)} vs Papa.unparse of their cells ${formatMs(raw.ms)} (${formatMb(ours.result.length)})`;
  if (SMOKE) console.log(`  INFO  export: ratio ${ratio.toFixed(2)}×\n        ${detail}`);
  else reportRatio({ name: 'export', detail, ratio, limit: TARGETS.exportRatio });
}

/** An external-cost CSV of `count` rows in a vendor's shape (within the 10 MB import limit). */
function importCsv(count: number): string {
  const tools = ['Midjourney', 'Runway', 'ElevenLabs', 'Artlist'];
  const lines = ['Date,Description,Amount,Category,Currency,Client,Project'];
  for (let i = 0; i < count; i += 1) {
    const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const tool = tools[i % tools.length] as string;
    const amount = `${1 + (i % 500)}.${String(i % 100).padStart(2, '0')}`;
    lines.push(`${day},${tool} credits ${i},${amount},${tool},USD,Client ${i % 40},Project ${i % 200}`);
  }
  return `${lines.join('\n')}\n`;
}

function benchImport(): void {
  const text = importCsv(ROWS);
  const options = { knownKeys: new Set<string>(), fx: DEFAULT_FX, displayCurrency: 'SEK' as const };
  const ours = timed(() => previewExternalCsv(text, options));
  if (ours.result.refused || ours.result.rows.length !== ROWS) {
    throw new Error(`the import preview read ${ours.result.rows.length} rows: ${ours.result.refused}`);
  }
  const raw = timed(() => Papa.parse<string[]>(text));
  const ratio = ours.ms / raw.ms;
  const detail = `previewExternalCsv of ${ROWS.toLocaleString('en')} rows (${formatMb(text.length)}) ${formatMs(ours.ms)} vs Papa.parse ${formatMs(raw.ms)}`;
  if (SMOKE) console.log(`  INFO  import: ratio ${ratio.toFixed(2)}×\n        ${detail}`);
  else reportRatio({ name: 'import', detail, ratio, limit: TARGETS.importRatio });
}

const largest = Math.max(...SIZES);
let exportView: LedgerView | null = null;
for (const generations of SIZES) {
  const started = performance.now();
  const view = createLedgerView(generateLedgerEvents({ generations }));
  console.log(
    `  ledger of ${generations.toLocaleString('en')} generations folded in ${formatMs(performance.now() - started)}`,
  );
  benchReport(view, generations);
  if (generations === largest) exportView = view;
}
if (exportView) benchExport(exportView);
benchImport();
