import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reachBackend } from './cli-backend.ts';
import { type SavedReport, type SummaryQuery, summaryQuerySchema } from './contract/index.ts';
import { createLedgerView, type LedgerView } from './ledger-view/index.ts';
import type { BackendApi } from './persistence/backend-api.ts';
import { JournalLockedError, openJournal, resolveDataDir } from './persistence/index.ts';
import { costCsvFile, htmlReportFile, type ReportFile } from './reports/report-files.ts';

const FILTERS =
  '[--data-dir DIR] [--currency USD|EUR|SEK] [--client NAME]\n' +
  '         [--project NAME] [--deliverable NAME] [--from YYYY-MM-DD] [--to YYYY-MM-DD]';

const THROUGH_BACKEND =
  'When a backend holds the data folder, it makes the file and this copies it (it never reads beside it).';

export const EXPORT_USAGE = [
  `Usage: modelbridge export [csv] ${FILTERS} [--out FILE]`,
  '',
  'Writes the cost CSV (every generation, external cost and pool share passing the filter, newest',
  'first; UTF-8 with BOM, formula-safe) to FILE, or to standard output when --out is not given.',
  THROUGH_BACKEND,
].join('\n');

export const REPORT_USAGE = [
  `Usage: modelbridge report ${FILTERS} --out FILE`,
  '',
  'Writes the HTML cost report of the filter: one self-contained file with no script that opens',
  'offline (KPIs, charts, the generation log, external costs, pool allocations, licences).',
  THROUGH_BACKEND,
].join('\n');

/** What a command makes: the cost CSV or the HTML report. */
interface FileKind {
  name: 'export' | 'report';
  usage: string;
  /** The file of a query, made in process from the read model. */
  make(view: LedgerView, query: SummaryQuery): ReportFile;
  /** The same file, made and saved by a running backend under its reports/. */
  save(api: BackendApi, query: SummaryQuery): Promise<SavedReport>;
  /** The route a refused command points to. */
  route: string;
}

const CSV_FILE: FileKind = {
  name: 'export',
  usage: EXPORT_USAGE,
  make: costCsvFile,
  save: (api, query) => api.saveCostCsv(query),
  route: 'GET /api/reports/costs.csv',
};

const HTML_FILE: FileKind = {
  name: 'report',
  usage: REPORT_USAGE,
  make: (view, query) => htmlReportFile(view, query, new Date()),
  save: (api, query) => api.saveHtmlReport(query),
  route: 'GET /api/reports/report.html',
};

/** Where the commands read and write; injectable for tests. */
export interface ExportCommandEnv {
  env?: NodeJS.ProcessEnv;
  stdout?: (text: string) => void;
}

interface FileArgs {
  query: SummaryQuery;
  dataDir?: string;
  out?: string;
}

function parseFileArgs(args: string[]): FileArgs {
  const { values } = parseArgs({
    args,
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
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
    throw new Error(`--to ${parsed.data.to} is before --from ${parsed.data.from}.`);
  }
  return {
    query: parsed.data,
    ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
    ...(out ? { out: resolve(out) } : {}),
  };
}

/** Parses `export [csv] …` options into a read-model query and an output; throws an Error for people. */
export function parseExportArgs(args: string[]): FileArgs {
  const [first, ...rest] = args;
  if (first === undefined || first.startsWith('--')) return parseFileArgs(args);
  if (first !== 'csv') throw new Error(`export writes "csv" only, not "${first}".`);
  return parseFileArgs(rest);
}

/** Parses `report …` options; the report is a file, so --out is required. */
export function parseReportArgs(args: string[]): FileArgs {
  const parsed = parseFileArgs(args);
  if (!parsed.out) throw new Error('report needs --out FILE (an .html file to write).');
  return parsed;
}

async function write(parsed: FileArgs, file: ReportFile, where: ExportCommandEnv): Promise<number> {
  if (parsed.out) {
    await writeFile(parsed.out, file.text, { encoding: 'utf8', mode: 0o600 });
    console.error(`modelBridge: ${file.rows} rows written to ${parsed.out}`);
  } else (where.stdout ?? ((t) => process.stdout.write(t)))(file.text);
  return 0;
}

/** The file made by the backend that holds `dir`, copied to --out (or printed), or why it cannot be asked. */
async function throughBackend(
  kind: FileKind,
  dir: string,
  parsed: FileArgs,
  where: ExportCommandEnv,
): Promise<{ code: number } | { reason: string }> {
  const backend = await reachBackend(dir);
  if (!backend.ok) return { reason: backend.reason };
  const saved = await kind.save(backend.api, parsed.query);
  if (parsed.out) {
    await copyFile(saved.path, parsed.out);
    console.error(
      `modelBridge: ${saved.rows} rows written to ${parsed.out} (made by the backend at ${backend.url})`,
    );
  } else (where.stdout ?? ((t) => process.stdout.write(t)))(await readFile(saved.path, 'utf8'));
  return { code: 0 };
}

async function fileCommand(
  kind: FileKind,
  parse: (args: string[]) => FileArgs,
  args: string[],
  where: ExportCommandEnv,
): Promise<number> {
  let parsed: FileArgs;
  try {
    parsed = parse(args);
  } catch (err) {
    console.error(`modelbridge: ${(err as Error).message}\n${kind.usage}`);
    return 2;
  }
  const dir = parsed.dataDir ?? resolveDataDir(where.env ?? process.env);
  let journal: Awaited<ReturnType<typeof openJournal>>;
  try {
    journal = await openJournal(dir);
  } catch (err) {
    if (!(err instanceof JournalLockedError)) throw err;
    const remote = await throughBackend(kind, dir, parsed, where);
    if ('code' in remote) return remote.code;
    console.error(
      `modelbridge: a backend is using ${dir} (${err.holder}) and ${remote.reason}. Ask it with ` +
        `${kind.route}, or stop it and run this again.`,
    );
    return 1;
  }
  try {
    await journal.load();
    return await write(parsed, kind.make(createLedgerView(journal.all()), parsed.query), where);
  } finally {
    await journal.close();
  }
}

/** `modelbridge export [csv] …`: the cost CSV of the data dir's ledger. Resolves with the exit code. */
export function exportCommand(args: string[], where: ExportCommandEnv = {}): Promise<number> {
  return fileCommand(CSV_FILE, parseExportArgs, args, where);
}

/** `modelbridge report … --out FILE`: the HTML report of the data dir's ledger. Resolves with the exit code. */
export function reportCommand(args: string[], where: ExportCommandEnv = {}): Promise<number> {
  return fileCommand(HTML_FILE, parseReportArgs, args, where);
}
