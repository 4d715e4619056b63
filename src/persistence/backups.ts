import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { type JournalFs, readOptional, writeFileAtomic } from './journal-fs.ts';
import { type DecodedDoc, decodeLedgerDoc, type LedgerDoc } from './ledger-doc.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Backups live in `<data dir>/backups/`. */
export const BACKUPS_DIR = 'backups';

/** Why a backup was taken. */
export type BackupReason = 'compact' | 'migrate' | 'reset';

/**
 * How many backups of each reason are kept, newest first. A compaction backup is only needed until the
 * next one; a reset or migration backup is the one copy of what it replaced, so those are kept longer.
 */
export const BACKUPS_KEPT: Readonly<Record<BackupReason, number>> = { compact: 5, migrate: 10, reset: 10 };

// backup-<sequence>-<time>-<reason>.json.gz; earlier builds wrote uncompressed `.json`, still read. The
// sequence orders backups even when the clock does not move.
const BACKUP_NAME = /^backup-(\d+)-.*-(compact|migrate|reset)\.json(\.gz)?$/;

interface BackupEntry {
  path: string;
  seq: number;
  reason: BackupReason;
}

/** A file-name-safe UTC timestamp, e.g. 2025-03-01T10-00-00-000Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

async function backupEntries(fs: JournalFs, dir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(join(dir, BACKUPS_DIR));
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const match = BACKUP_NAME.exec(name);
    if (!match) continue;
    const reason = match[2] as BackupReason;
    entries.push({ path: join(dir, BACKUPS_DIR, name), seq: Number(match[1]), reason });
  }
  return entries.sort((a, b) => b.seq - a.seq);
}

/** Backup file paths (compressed and older uncompressed ones), newest first. */
export async function listBackups(fs: JournalFs, dir: string): Promise<string[]> {
  return (await backupEntries(fs, dir)).map((entry) => entry.path);
}

/**
 * Writes `text` (an encoded ledger document, see ledger-doc.ts: the same bytes snapshot.json gets)
 * gzip-compressed and durably (temp, fsync, rename), then deletes the backups beyond BACKUPS_KEPT.
 * Returns the new backup's path.
 */
export async function writeBackup(
  fs: JournalFs,
  dir: string,
  text: string,
  reason: BackupReason,
  now: Date,
): Promise<string> {
  const folder = join(dir, BACKUPS_DIR);
  await fs.mkdir(folder, 0o700);
  const existing = await backupEntries(fs, dir);
  const seq = (existing[0]?.seq ?? 0) + 1;
  const path = join(folder, `backup-${String(seq).padStart(6, '0')}-${fileStamp(now)}-${reason}.json.gz`);
  await writeFileAtomic(fs, path, await gzipAsync(text));
  const seen: Record<BackupReason, number> = { compact: 0, migrate: 0, reset: 0 };
  for (const entry of [{ path, seq, reason }, ...existing]) {
    seen[entry.reason] += 1;
    if (seen[entry.reason] > BACKUPS_KEPT[entry.reason]) await fs.rm(entry.path);
  }
  return path;
}

/** Reads one backup, compressed or not, and checks it like a snapshot. Never throws. */
export async function readBackup(fs: JournalFs, path: string): Promise<DecodedDoc> {
  try {
    const bytes = await readOptional(fs, path);
    if (!bytes) return { state: 'unreadable' };
    return decodeLedgerDoc(path.endsWith('.gz') ? await gunzipAsync(bytes) : bytes);
  } catch {
    return { state: 'unreadable' };
  }
}

/** The newest backup that reads as a ledger document and passes `accept`, or null. */
export async function findBackup(
  fs: JournalFs,
  dir: string,
  accept: (decoded: Extract<DecodedDoc, { doc: LedgerDoc }>) => boolean = () => true,
): Promise<{ path: string; decoded: Extract<DecodedDoc, { doc: LedgerDoc }> } | null> {
  for (const path of await listBackups(fs, dir)) {
    const decoded = await readBackup(fs, path);
    if ('doc' in decoded && accept(decoded)) return { path, decoded };
  }
  return null;
}

/** A backup's file name, for messages. */
export function backupName(path: string): string {
  return `${BACKUPS_DIR}/${basename(path)}`;
}

/** Removes temp files a crash may have left behind (`*.tmp` in the data dir and in backups/). */
export async function removeStrayTemps(fs: JournalFs, dir: string): Promise<void> {
  for (const folder of [dir, join(dir, BACKUPS_DIR)]) {
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    for (const name of names) if (name.endsWith('.tmp')) await fs.rm(join(folder, name));
  }
}
