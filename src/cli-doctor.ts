import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkLedgerFiles,
  type DirLockState,
  type LedgerCheck,
  readDirLock,
  resolveDataDir,
} from './persistence/index.ts';
import { readBackendAddress } from './server/backend-address.ts';

export const DOCTOR_USAGE = [
  'Usage: modelbridge doctor [--data-dir DIR] [--json]',
  '',
  'Checks a data folder without changing it: who holds its lock, the journal (events, torn lines at',
  'its end, damaged lines), the snapshot checksum, the schema version and the backups. Exits 0 when',
  'healthy, 1 with the problems listed otherwise. Safe while a backend runs: it never takes the lock.',
].join('\n');

/** Where `doctor` reads its environment and writes its report; injectable for tests. */
export interface DoctorCommandEnv {
  env?: NodeJS.ProcessEnv;
}

/** What `modelbridge doctor --json` prints: the data dir's state and every problem found. */
export interface DoctorReport {
  ok: boolean;
  dataDir: string;
  exists: boolean;
  lock: DirLockState;
  /** The address the lock's backend advertised, or null. */
  backendUrl: string | null;
  journal: LedgerCheck['journal'] | null;
  snapshot: LedgerCheck['snapshot'] | null;
  schema: LedgerCheck['schema'] | null;
  backups: { count: number; newest: LedgerCheck['backups'][number] | null };
  /** One sentence per problem, saying what the next start does about it. */
  problems: string[];
}

/** Parses `doctor` options; throws an Error with a message for people on bad input. */
export function parseDoctorArgs(args: string[]): { dataDir?: string; json: boolean } {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const dataDir = values['data-dir'];
  return { json: values.json, ...(dataDir ? { dataDir: resolve(dataDir) } : {}) };
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Examines a data dir read-only (no lock taken, nothing repaired or created). */
export async function examineDataDir(dir: string): Promise<DoctorReport> {
  const empty = { journal: null, snapshot: null, schema: null, backups: { count: 0, newest: null } };
  if (!(await isFolder(dir))) {
    const problems = [`${dir} does not exist (or is not a folder): nothing has been recorded there.`];
    return {
      ok: false,
      dataDir: dir,
      exists: false,
      lock: { state: 'free' },
      backendUrl: null,
      ...empty,
      problems,
    };
  }
  const lock = await readDirLock(dir);
  const address = lock.state === 'held' ? await readBackendAddress(dir) : null;
  const check = await checkLedgerFiles(dir);
  const problems = [...check.problems];
  if (lock.state === 'held' && check.journal.tornAtTail > 0) {
    // The holder appends while we read: its last line may be a write still in progress, not damage.
    problems.push(
      'A backend is writing to this folder: run doctor again to tell a torn line from a write in progress.',
    );
  }
  if (lock.state === 'stale') {
    problems.push(
      `The lock is left over from ${lock.description}, which is gone; the next start takes it over.`,
    );
  }
  return {
    ok: problems.length === 0,
    dataDir: dir,
    exists: true,
    lock,
    backendUrl: address?.url ?? null,
    journal: check.journal,
    snapshot: check.snapshot,
    schema: check.schema,
    backups: { count: check.backups.length, newest: check.backups[0] ?? null },
    problems,
  };
}

const SNAPSHOT_STATE: Record<LedgerCheck['snapshot']['state'], string> = {
  ok: 'checksum ok',
  legacy: 'from before checksums (rewritten with one at the next start)',
  'checksum-mismatch': 'CHECKSUM MISMATCH (changed after it was written)',
  unreadable: 'UNREADABLE',
  missing: 'none',
};

function lockLine(report: DoctorReport): string {
  const { lock } = report;
  if (lock.state === 'free') return 'free (no backend holds it)';
  if (lock.state === 'stale') return `stale: ${lock.description}, no longer running`;
  const where = report.backendUrl ? `, serving ${report.backendUrl}` : '';
  return `held by ${lock.description}${where}`;
}

/** The report for people, one fact a line, then the problems. */
export function doctorLines(report: DoctorReport): string[] {
  const lines = [`Data folder: ${report.dataDir}`];
  if (report.exists) {
    const { journal, snapshot, schema, backups } = report;
    lines.push(`Lock: ${lockLine(report)}`);
    if (journal) {
      const damage = `${journal.tornAtTail} torn at the end, ${journal.invalidLines} damaged`;
      const file = journal.exists ? `${journal.events} events, ${damage}` : 'none yet';
      lines.push(`Journal: ${file}${journal.base ? ` (continues a snapshot of ${journal.base.count})` : ''}`);
    }
    if (snapshot) {
      const events = snapshot.events === null ? '' : `, ${snapshot.events} events`;
      lines.push(`Snapshot: ${SNAPSHOT_STATE[snapshot.state]}${events}`);
    }
    if (schema) {
      const found =
        schema.oldest === schema.newest ? `${schema.newest}` : `${schema.oldest}–${schema.newest}`;
      lines.push(`Schema version: ${found} (this build writes ${schema.current})`);
    }
    const newest = backups.newest ? `, newest ${backups.newest.path} (${backups.newest.state})` : '';
    lines.push(`Backups: ${backups.count}${newest}`);
  }
  if (report.ok) lines.push('Healthy: nothing to repair.');
  else {
    lines.push(`${report.problems.length === 1 ? 'Problem' : 'Problems'}:`);
    for (const problem of report.problems) lines.push(`  - ${problem}`);
  }
  return lines;
}

/** `modelbridge doctor`: reports a data dir's health without changing it. Resolves with the exit code. */
export async function doctorCommand(args: string[], where: DoctorCommandEnv = {}): Promise<number> {
  let parsed: ReturnType<typeof parseDoctorArgs>;
  try {
    parsed = parseDoctorArgs(args);
  } catch (err) {
    console.error(`modelbridge: ${(err as Error).message}\n${DOCTOR_USAGE}`);
    return 2;
  }
  const dir = parsed.dataDir ?? resolveDataDir(where.env ?? process.env);
  let report: DoctorReport;
  try {
    report = await examineDataDir(dir);
  } catch (err) {
    console.error(`modelbridge: could not examine ${dir}: ${(err as Error).message}`);
    return 1;
  }
  if (parsed.json) console.log(JSON.stringify(report, null, 2));
  else for (const line of doctorLines(report)) console.log(line);
  return report.ok ? 0 : 1;
}
