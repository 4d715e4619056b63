import { join } from 'node:path';
import { BACKUPS_DIR, findBackup, listBackups } from './backups.ts';
import { SnapshotUnrecoverableError } from './errors.ts';
import type { JournalBase } from './journal-base.ts';
import type { JournalFs } from './journal-fs.ts';
import { type DecodedDoc, decodeLedgerDoc, type LedgerDoc } from './ledger-doc.ts';

/** File names inside the data dir (ARCHITECTURE.md § Persistence). */
export const JOURNAL_FILE = 'ledger.jsonl';
export const SNAPSHOT_FILE = 'snapshot.json';

/** Why snapshot.json cannot be used as the start of the ledger. */
export type SnapshotProblem = 'missing' | 'unreadable' | 'changed' | 'unchecked' | 'other';

const problemText: Record<SnapshotProblem, string> = {
  missing: 'is missing',
  unreadable: 'cannot be read as a ledger',
  changed: 'was changed after it was written (its checksum does not match its content)',
  unchecked: 'has no checksum, though the journal continues from a checksummed snapshot',
  other: `is not the snapshot ${JOURNAL_FILE} continues from`,
};

/** "snapshot.json is missing", for reports and messages. */
export function describeSnapshotProblem(problem: SnapshotProblem): string {
  return `${SNAPSHOT_FILE} ${problemText[problem]}`;
}

/** The document the journal's events are folded onto, and how it was found. */
export interface ResolvedBase {
  /** snapshot.json, or the backup standing in for it; null when the journal is the whole ledger. */
  doc: LedgerDoc | null;
  /** Why snapshot.json was not used, or null when it was (or none was needed). */
  problem: SnapshotProblem | null;
  /** The backup used instead of snapshot.json, or null. */
  fallbackPath: string | null;
  /** snapshot.json is from before checksums: rewrite it with one. */
  legacy: boolean;
}

type ReadableDoc = Extract<DecodedDoc, { doc: LedgerDoc }>;

/** What is wrong with `snapshot` as the start of a journal that declares `declared`, or null. */
export function snapshotProblem(
  snapshot: DecodedDoc | null,
  declared: JournalBase | null,
): SnapshotProblem | null {
  if (!snapshot) return 'missing';
  if (snapshot.state === 'unreadable') return 'unreadable';
  if (snapshot.state === 'checksum-mismatch') return 'changed';
  if (!declared) return null;
  if (snapshot.state === 'legacy') return 'unchecked';
  return isBaseOrLater(snapshot, declared) ? null : 'other';
}

/**
 * The declared snapshot itself, or one compacted from it (a crash between writing the new snapshot and
 * the new journal leaves exactly that; its events are a superset, and duplicates fold away by id).
 */
function isBaseOrLater(decoded: ReadableDoc, declared: JournalBase): boolean {
  return (
    decoded.state === 'ok' &&
    (decoded.checksum === declared.checksum || decoded.doc.prev === declared.checksum)
  );
}

/**
 * Finds what the journal continues from: snapshot.json when it is sound and the one ledger.jsonl names;
 * otherwise the newest backup that is (or was compacted from) that snapshot. Throws
 * SnapshotUnrecoverableError when events are known to be missing and no backup holds them. Never writes.
 */
export async function resolveBase(
  fs: JournalFs,
  dir: string,
  snapshotBytes: Buffer | null,
  declared: JournalBase | null,
): Promise<ResolvedBase> {
  const snapshot = snapshotBytes ? decodeLedgerDoc(snapshotBytes) : null;
  const problem = snapshotProblem(snapshot, declared);
  if (!problem) {
    const doc = snapshot && 'doc' in snapshot ? snapshot.doc : null;
    return { doc, problem: null, fallbackPath: null, legacy: snapshot?.state === 'legacy' };
  }
  // Backups are only taken by compaction, migration and reset, each of which leaves a snapshot: with none
  // and no base line, nothing says a snapshot ever existed (a new data dir, or a journal holding it all).
  if (problem === 'missing' && !declared && (await listBackups(fs, dir)).length === 0) {
    return { doc: null, problem: null, fallbackPath: null, legacy: false };
  }
  const backup = await findBackup(fs, dir, (decoded) => !declared || isBaseOrLater(decoded, declared));
  if (backup) return { doc: backup.decoded.doc, problem, fallbackPath: backup.path, legacy: false };
  const newest = declared ? await findBackup(fs, dir) : null;
  throw unrecoverable(dir, problem, declared, newest?.path ?? null);
}

function unrecoverable(
  dir: string,
  problem: SnapshotProblem,
  declared: JournalBase | null,
  newest: string | null,
): SnapshotUnrecoverableError {
  const snapshotPath = join(dir, SNAPSHOT_FILE);
  const expected = declared
    ? `${JOURNAL_FILE} continues from a snapshot of ${declared.count} event(s)` +
      (declared.lastId ? `, the last one ${declared.lastId}` : '')
    : problem === 'missing'
      ? `the backups in ${join(dir, BACKUPS_DIR)} show that there was one`
      : 'the events in it may be in no other file';
  const backups = newest
    ? `The newest readable backup, ${newest}, is not that snapshot: starting from it could leave events out.`
    : `No backup in ${join(dir, BACKUPS_DIR)} can be read in its place.`;
  const restore = newest?.endsWith('.gz')
    ? `gunzip -c "${newest}" > "${snapshotPath}"`
    : `copy "${newest}" to "${snapshotPath}"`;
  const anyway = newest
    ? ` To continue from ${newest} instead, stop modelBridge, copy the data folder somewhere safe, ` +
      `${restore}, and delete the first line of ${JOURNAL_FILE}.`
    : '';
  const message =
    `${snapshotPath} ${problemText[problem]}, and ${expected}. ${backups} Nothing was changed: the ` +
    'ledger was not opened, so part of it is never shown as all of it. Put the snapshot back from a copy ' +
    `of the data folder (Time Machine, File History or another backup) and start again.${anyway}`;
  return new SnapshotUnrecoverableError(message, snapshotPath, newest);
}
