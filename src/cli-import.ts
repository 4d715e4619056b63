import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reachBackend } from './cli-backend.ts';
import type { ExternalPreviewResponse } from './contract/index.ts';
import { formatMoney, type LedgerEventOf } from './domain/index.ts';
import { createLedgerView } from './ledger-view/index.ts';
import type { BackendApi } from './persistence/backend-api.ts';
import { type Journal, JournalLockedError, openJournal, resolveDataDir } from './persistence/index.ts';
import { MAX_IMPORT_BYTES, previewExternalCsv } from './reports/import/index.ts';
import { openSettingsStore } from './server/settings-store.ts';

export const IMPORT_USAGE = [
  'Usage: modelbridge import FILE [--dry-run] [--skip-invalid] [--data-dir DIR]',
  '',
  'Records the external costs of a CSV (Midjourney, RunwayML, ElevenLabs, bank exports: date, description,',
  'amount, category; optional currency, client, project, deliverable, tool) as one import, after showing',
  'the preview the panel shows: valid rows, duplicates of earlier imports, invalid rows by line, total.',
  'A file with invalid rows records nothing unless --skip-invalid; --dry-run records nothing; rows',
  'already imported are never added twice. When a backend holds the data folder, it goes through it.',
].join('\n');

/** Parsed `import` options. */
export interface ImportArgs {
  file: string;
  dryRun: boolean;
  skipInvalid: boolean;
  dataDir?: string;
}

/** Where `import` reads its environment; injectable for tests. */
export interface ImportCommandEnv {
  env?: NodeJS.ProcessEnv;
}

/** Parses the arguments of `modelbridge import`; throws an Error with a message for people on bad input. */
export function parseImportArgs(args: string[]): ImportArgs {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    throw new Error(
      positionals.length === 0 ? 'import needs the CSV file to read.' : 'import reads one file at a time.',
    );
  }
  const dataDir = values['data-dir'];
  return {
    file: resolve(positionals[0] as string),
    dryRun: values['dry-run'],
    skipInvalid: values['skip-invalid'],
    ...(dataDir ? { dataDir: resolve(dataDir) } : {}),
  };
}

type ImportedEvent = LedgerEventOf<'external.imported'>;

/** What an import previews against and records into: the data dir itself, or the backend holding it. */
interface ImportTarget {
  /** Where the import goes, for messages. */
  label: string;
  preview(fileName: string, text: string): Promise<ExternalPreviewResponse>;
  /** Appends the event durably (acknowledged means on disk), stamped with the ledger's current epoch. */
  record(event: Omit<ImportedEvent, 'epoch'>): Promise<void>;
  close(): Promise<void>;
}

/** The data dir opened in this process: the read model's keys and Settings' rates, as the backend uses. */
async function localTarget(journal: Journal, env: NodeJS.ProcessEnv): Promise<ImportTarget> {
  await journal.load();
  const settings = await openSettingsStore({
    dataDir: journal.dir,
    env,
    checkKey: async () => 'unreachable',
  });
  const { fx, currency } = settings.view();
  return {
    label: journal.dir,
    preview: async (fileName, text) => ({
      ...previewExternalCsv(text, {
        knownKeys: createLedgerView(journal.all()).externalKeys(),
        fx,
        displayCurrency: currency,
      }),
      fileName,
      fx,
    }),
    record: async (event) => {
      await journal.append([{ ...event, epoch: journal.epoch }]);
    },
    close: () => journal.close(),
  };
}

/** The backend that holds the data dir: its preview route, then its idempotent ledger append. */
function remoteTarget(api: BackendApi, url: string): ImportTarget {
  return {
    label: `the backend at ${url}`,
    preview: async (fileName, text) => {
      const { currency } = await api.getSettings();
      return api.previewExternal({ fileName, text, currency });
    },
    record: async (event) => {
      const { epoch } = await api.loadWorkingSet();
      const { acknowledged } = await api.appendEvents([{ ...event, epoch }]);
      if (!acknowledged.includes(event.id)) {
        throw new Error('the backend did not record it: the ledger was reset meanwhile. Run it again.');
      }
    },
    close: async () => undefined,
  };
}

/** The data dir opened here, or the backend holding it; a one-line reason when neither can be used. */
async function openTarget(dir: string, env: NodeJS.ProcessEnv): Promise<ImportTarget | string> {
  let journal: Journal;
  try {
    journal = await openJournal(dir);
  } catch (err) {
    if (!(err instanceof JournalLockedError)) return `could not open ${dir}: ${(err as Error).message}`;
    const backend = await reachBackend(dir);
    if (backend.ok) return remoteTarget(backend.api, backend.url);
    return (
      `a backend is using ${dir} (${err.holder}) and ${backend.reason}, so nothing was recorded. ` +
      'Import from its panel (Billing › Import external costs), or stop it and run this again.'
    );
  }
  try {
    return await localTarget(journal, env);
  } catch (err) {
    await journal.close();
    return `could not read the ledger in ${dir}, so nothing was recorded: ${(err as Error).message}`;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** "line 4" or "lines 4, 7". */
const linesList = (lines: readonly number[]) =>
  `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`;

/** The preview for people: valid rows and total, duplicates, then every invalid row by line and reason. */
export function previewLines(preview: ExternalPreviewResponse): string[] {
  const total = formatMoney(preview.totalMicros, preview.currency);
  const lines = [`${preview.fileName}: ${plural(preview.rows.length, 'valid row')}, total ${total}`];
  const earlier = preview.duplicates.filter((d) => d.of === 'earlier import').map((d) => d.line);
  if (earlier.length > 0) {
    lines.push(
      `  ${plural(earlier.length, 'duplicate')} of earlier imports, not added again (${linesList(earlier)})`,
    );
  }
  const repeats = preview.duplicates.filter((d) => d.of !== 'earlier import');
  if (repeats.length > 0) {
    const which = repeats.map((d) => `line ${d.line} repeats line ${d.of}`).join(', ');
    lines.push(`  ${plural(repeats.length, 'row')} repeated in the file, counted once (${which})`);
  }
  if (preview.errors.length > 0) {
    lines.push(`  ${plural(preview.errors.length, 'invalid row')}:`);
    for (const error of preview.errors) lines.push(`    line ${error.line}: ${error.reason}`);
  }
  return lines;
}

/** Reads the file, refusing one over 10 MB before reading it; a one-line reason when it cannot. */
async function readImportFile(file: string): Promise<{ text: string } | { refused: string }> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { refused: `${file} is not a file.` };
    size = info.size;
  } catch {
    return { refused: `${file} does not exist or cannot be read.` };
  }
  if (size > MAX_IMPORT_BYTES) {
    const mb = (size / 1e6).toFixed(1);
    return {
      refused: `${file} is ${mb} MB; at most 10 MB can be imported at once. Split it and import each part.`,
    };
  }
  return { text: await readFile(file, 'utf8') };
}

/** What to do after the preview: the exit code and the closing line, or null to record the rows. */
function verdict(preview: ExternalPreviewResponse, args: ImportArgs): { code: number; line: string } | null {
  const { rows, errors } = preview;
  if (errors.length > 0 && !args.skipInvalid) {
    const valid = rows.length > 0 ? ` to record the ${plural(rows.length, 'valid row')}` : '';
    return {
      code: 1,
      line: `Nothing recorded: ${plural(errors.length, 'row is', 'rows are')} invalid (listed above). Fix the file, or run again with --skip-invalid${valid}.`,
    };
  }
  if (rows.length === 0) {
    if (errors.length > 0) return { code: 1, line: 'Nothing recorded: the file has no valid row.' };
    return { code: 0, line: 'Nothing new: every row is already recorded.' };
  }
  if (args.dryRun) {
    return {
      code: 0,
      line: `Dry run: nothing recorded (an import would record ${plural(rows.length, 'row')}).`,
    };
  }
  return null;
}

/** `modelbridge import FILE …`: previews an external-cost CSV and records it as one event. Resolves with the exit code. */
export async function importCommand(args: string[], where: ImportCommandEnv = {}): Promise<number> {
  let parsed: ImportArgs;
  try {
    parsed = parseImportArgs(args);
  } catch (err) {
    console.error(`modelbridge: ${(err as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  const file = await readImportFile(parsed.file);
  if ('refused' in file) {
    console.error(`modelbridge: ${file.refused}`);
    return 1;
  }
  const env = where.env ?? process.env;
  const target = await openTarget(parsed.dataDir ?? resolveDataDir(env), env);
  if (typeof target === 'string') {
    console.error(`modelbridge: ${target}`);
    return 1;
  }
  try {
    return await runImport(target, parsed, file.text);
  } catch (err) {
    console.error(`modelbridge: the import failed, so nothing was recorded: ${(err as Error).message}`);
    return 1;
  } finally {
    await target.close();
  }
}

async function runImport(target: ImportTarget, args: ImportArgs, text: string): Promise<number> {
  const preview = await target.preview(basename(args.file), text);
  if (preview.refused) {
    console.error(`modelbridge: ${args.file}: ${preview.refused}`);
    return 1;
  }
  for (const line of previewLines(preview)) console.log(line);
  const decided = verdict(preview, args);
  if (decided) {
    (decided.code === 0 ? console.log : console.error)(decided.line);
    return decided.code;
  }
  const id = `import-${randomUUID()}`;
  await target.record({
    id,
    at: new Date().toISOString(),
    v: 1,
    type: 'external.imported',
    batchId: id,
    fileName: preview.fileName,
    rows: preview.rows.map((r) => r.row),
    fx: preview.fx,
  });
  const total = formatMoney(preview.totalMicros, preview.currency);
  console.log(`Recorded ${plural(preview.rows.length, 'row')} (${total}) as ${id} in ${target.label}.`);
  if (preview.errors.length > 0) {
    console.log(
      `Skipped ${plural(preview.errors.length, 'invalid row')}: ${linesList(preview.errors.map((e) => e.line))}.`,
    );
  }
  return 0;
}
