import { join } from 'node:path';
import { type JournalFs, readOptional, writeFileAtomic } from './journal-fs.ts';
import { parseSnapshotDoc, type SnapshotDoc } from './stored-event.ts';

/** Backups live in `<data dir>/backups/`; the newest this many are kept. */
export const BACKUPS_DIR = 'backups';
export const BACKUPS_KEPT = 10;

/** Why a backup was taken. */
export type BackupReason = 'compact' | 'migrate' | 'reset';

// backup-<sequence>-<time>-<reason>.json: the sequence orders backups even when the clock does not move.
const BACKUP_NAME = /^backup-(\d+)-.*\.json$/;

/** A file-name-safe UTC timestamp, e.g. 2025-03-01T10-00-00-000Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Backup file paths, newest first. */
export async function listBackups(fs: JournalFs, dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(join(dir, BACKUPS_DIR));
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, seq: Number(BACKUP_NAME.exec(name)?.[1] ?? Number.NaN) }))
    .filter((entry) => Number.isFinite(entry.seq))
    .sort((a, b) => b.seq - a.seq)
    .map((entry) => join(dir, BACKUPS_DIR, entry.name));
}

/**
 * Writes a full copy of the ledger `{ v, epoch, reason, takenAt, events }` durably (temp, fsync, rename),
 * then deletes all but the newest BACKUPS_KEPT. Returns the new backup's path.
 */
export async function writeBackup(
  fs: JournalFs,
  dir: string,
  doc: SnapshotDoc,
  reason: BackupReason,
  now: Date,
): Promise<string> {
  const folder = join(dir, BACKUPS_DIR);
  await fs.mkdir(folder, 0o700);
  const existing = await listBackups(fs, dir);
  const lastSeq = existing[0] ? Number(BACKUP_NAME.exec(existing[0].slice(folder.length + 1))?.[1]) : 0;
  const name = `backup-${String(lastSeq + 1).padStart(6, '0')}-${fileStamp(now)}-${reason}.json`;
  const path = join(folder, name);
  const body = { v: doc.v, epoch: doc.epoch, reason, takenAt: now.toISOString(), events: doc.events };
  await writeFileAtomic(fs, path, JSON.stringify(body));
  for (const old of [path, ...existing].slice(BACKUPS_KEPT)) await fs.rm(old);
  return path;
}

/** The newest backup that parses as a ledger document, or null when there is none. */
export async function readNewestGoodBackup(
  fs: JournalFs,
  dir: string,
): Promise<{ path: string; doc: SnapshotDoc } | null> {
  for (const path of await listBackups(fs, dir)) {
    const bytes = await readOptional(fs, path).catch(() => null);
    const doc = bytes ? parseSnapshotDoc(bytes) : null;
    if (doc) return { path, doc };
  }
  return null;
}

/** Removes temp files a crash may have left behind (`*.tmp` in the data dir and in backups/). */
export async function removeStrayTemps(fs: JournalFs, dir: string): Promise<void> {
  for (const folder of [dir, join(dir, BACKUPS_DIR)]) {
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    for (const name of names) if (name.endsWith('.tmp')) await fs.rm(join(folder, name));
  }
}
