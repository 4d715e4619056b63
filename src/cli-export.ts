import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type SummaryQuery, summaryQuerySchema } from './contract/index.ts';
import { createLedgerView, everyRow } from './ledger-view/index.ts';
import { JournalLockedError, openJournal, resolveDataDir } from './persistence/index.ts';
import { costCsv } from './reports/csv/index.ts';

export const EXPORT_USAGE = [
  'Usage: modelbridge export csv [--data-dir DIR] [--currency USD|EUR|SEK] [--client NAME]',
  '         [--project NAME] [--deliverable NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE]',
  '',
  'Writes the cost CSV (every generation, external cost and pool share passing the filter, newest',
  'first; UTF-8 with BOM, formula-safe) to FILE, or to standard output when --out is not given.',
  'Reads the ledger itself: stop the backend first, or ask it with GET /api/reports/costs.csv.',
].join('\n');

/** Where `export` reads and writes; injectable for tests. */
export interface ExportCommandEnv {
  env?: NodeJS.ProcessEnv;
  stdout?: (text: string) => void;
}

/** Parses `export csv` options into a read-model query and an output; throws an Error for people. */
export function parseExportArgs(args: string[]): { query: SummaryQuery; dataDir?: string; out?: string } {
  const [kind, ...rest] = args;
  if (kind !== 'csv') throw new Error(`export knows "csv" only, not "${kind ?? ''}".`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      currency: { type: 'string' },
      client: { type: 'string' },
      project: { type: 'string' },
      deliverable: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const { 'data-dir': dataDir, out, ...filter } = values;
  const parsed = summaryQuerySchema.safeParse(filter);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return {
    query: parsed.data,
    ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
    ...(out ? { out: resolve(out) } : {}),
  };
}

/** `modelbridge export csv …`: the cost CSV of the data dir's ledger. Resolves with the exit code. */
export async function exportCommand(args: string[], where: ExportCommandEnv = {}): Promise<number> {
  let parsed: ReturnType<typeof parseExportArgs>;
  try {
    parsed = parseExportArgs(args);
  } catch (err) {
    console.error(`modelbridge: ${(err as Error).message}\n${EXPORT_USAGE}`);
    return 2;
  }
  const dir = parsed.dataDir ?? resolveDataDir(where.env ?? process.env);
  let journal: Awaited<ReturnType<typeof openJournal>>;
  try {
    journal = await openJournal(dir);
  } catch (err) {
    if (err instanceof JournalLockedError) {
      console.error(
        `modelbridge: a backend is using ${dir} (${err.holder}). Export from it with ` +
          'GET /api/reports/costs.csv, or stop it and run this again.',
      );
      return 1;
    }
    throw err;
  }
  try {
    await journal.load();
    const view = createLedgerView(journal.all());
    const rows = [...everyRow(view, parsed.query)];
    const text = costCsv(rows, parsed.query.currency);
    if (parsed.out) {
      await writeFile(parsed.out, text, { encoding: 'utf8', mode: 0o600 });
      console.error(`modelBridge: ${rows.length} rows written to ${parsed.out}`);
    } else (where.stdout ?? ((t) => process.stdout.write(t)))(text);
    return 0;
  } finally {
    await journal.close();
  }
}
