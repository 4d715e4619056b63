import { join } from 'node:path';
import { LEDGER_SCHEMA_VERSION } from '../domain/ledger/events.ts';
import { fileStamp, removeStrayTemps, writeBackup } from './backups.ts';
import type { JournalBase } from './journal-base.ts';
import { type JournalFs, writeFileAtomic } from './journal-fs.ts';
import { encodeLedgerDoc } from './ledger-doc.ts';
import {
  type DiskRead,
  JOURNAL_FILE,
  readDisk,
  readOnlyReasonFor,
  SNAPSHOT_FILE,
  versionRange,
} from './journal-load.ts';
import { migrateEvent } from './migrations.ts';
import { describeSnapshotProblem } from './snapshot-base.ts';
import type { StoredEvent } from './stored-event.ts';

/** What a load found and repaired. Never fatal: damage is set aside and reported here. */
export interface RecoveryReport {
  /** Torn or corrupt journal lines moved aside (0 after a clean shutdown). */
  tornLines: number;
  /** Where the set-aside lines (or the unreadable snapshot) were copied, or null. */
  corruptFile: string | null;
  /** The backup used because snapshot.json was missing, unreadable or changed, or null. */
  snapshotFallback: string | null;
  /** Why snapshot.json was not used, e.g. "snapshot.json is missing", or null. */
  snapshotProblem: string | null;
  /** Why the journal is read-only (files from a newer schema version), or null when writable. */
  readOnlyReason: string | null;
  /** The schema version the files were migrated from (a backup was taken first), or null. */
  migratedFrom: number | null;
}

/** The result of reading and repairing a data dir. */
export interface Recovered {
  /** Events in stored order (snapshot, then journal), migrated, not yet de-duplicated or epoch-filtered. */
  events: StoredEvent[];
  baseEpoch: number;
  report: RecoveryReport;
  /** Bytes of ledger.jsonl that hold good, complete lines. */
  goodLength: number;
  /** Events in ledger.jsonl (drives periodic compaction). */
  journalCount: number;
  /** The snapshot ledger.jsonl says it continues from, or null. */
  declaredBase: JournalBase | null;
  /**
   * The files need rewriting (compaction) to finish the repair: snapshot fallback, mid-file damage,
   * migration, or a snapshot from before checksums.
   */
  rewrite: boolean;
}

async function uniqueCorruptPath(fs: JournalFs, dir: string, file: string, now: Date): Promise<string> {
  const names = new Set(await fs.readdir(dir).catch(() => [] as string[]));
  const stamp = fileStamp(now);
  let name = `${file}.${stamp}.corrupt`;
  for (let n = 1; names.has(name); n++) name = `${file}.${stamp}-${n}.corrupt`;
  return join(dir, name);
}

/** Copies damaged bytes to `<file>.<timestamp>.corrupt` (kept as evidence, never deleted by us). */
async function setAside(
  fs: JournalFs,
  dir: string,
  file: string,
  data: string | Buffer,
  now: Date,
): Promise<string> {
  const path = await uniqueCorruptPath(fs, dir, file, now);
  await writeFileAtomic(fs, path, data);
  return path;
}

async function truncateTo(fs: JournalFs, path: string, length: number): Promise<void> {
  const handle = await fs.open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Backs up the events as they are, then upgrades them; returns them unchanged when already current. */
async function migrateIfOld(
  fs: JournalFs,
  dir: string,
  read: DiskRead,
  stored: StoredEvent[],
  now: Date,
): Promise<{ events: StoredEvent[]; from: number | null }> {
  const { oldest } = versionRange(read);
  if (oldest >= LEDGER_SCHEMA_VERSION) return { events: stored, from: null };
  const doc = {
    v: oldest,
    epoch: read.base?.epoch ?? 0,
    prev: read.journal.base?.checksum ?? null,
    events: stored,
  };
  await writeBackup(fs, dir, encodeLedgerDoc(doc).text, 'migrate', now);
  return { events: stored.map(migrateEvent), from: oldest };
}

/** Copies damaged lines and an unused snapshot aside; cuts a torn tail off the journal. */
async function setDamageAside(fs: JournalFs, dir: string, read: DiskRead, now: Date): Promise<string | null> {
  const { journal } = read;
  let corruptFile: string | null = null;
  if (journal.badLines.length > 0) {
    corruptFile = await setAside(fs, dir, JOURNAL_FILE, `${journal.badLines.join('\n')}\n`, now);
    if (journal.badOnlyAtTail) await truncateTo(fs, join(dir, JOURNAL_FILE), journal.goodLength);
  }
  if (read.snapshotUnused) {
    const path = await setAside(fs, dir, SNAPSHOT_FILE, read.snapshotUnused, now);
    corruptFile ??= path;
  }
  return corruptFile;
}

/**
 * Reads the data dir and, unless it must stay read-only, repairs it: removes stray temp files, backs up
 * then migrates old-version events, copies torn/corrupt journal lines aside (and cuts a torn tail off),
 * keeps a copy of a snapshot it could not use. A read-only dir is never written to. Throws
 * SnapshotUnrecoverableError (before writing anything) when events are known to be missing.
 */
export async function readAndRepair(fs: JournalFs, dir: string, now: () => Date): Promise<Recovered> {
  const read = await readDisk(fs, dir);
  const { journal } = read;
  const readOnlyReason = readOnlyReasonFor(read);
  const report: RecoveryReport = {
    tornLines: journal.badLines.length,
    corruptFile: null,
    snapshotFallback: read.fallbackPath,
    snapshotProblem: read.snapshotProblem && describeSnapshotProblem(read.snapshotProblem),
    readOnlyReason,
    migratedFrom: null,
  };
  const stored = read.base ? read.base.events.concat(journal.events) : journal.events;
  const baseEpoch = read.base?.epoch ?? 0;
  const result = {
    baseEpoch,
    report,
    goodLength: journal.goodLength,
    journalCount: journal.events.length,
    declaredBase: journal.base,
  };
  if (readOnlyReason) {
    // Show what this build can read; nothing is written, so the newer files stay exactly as they are.
    const readable = stored.filter((event) => event.v <= LEDGER_SCHEMA_VERSION).map(migrateEvent);
    return { ...result, events: readable, rewrite: false };
  }
  await removeStrayTemps(fs, dir);
  const migrated = await migrateIfOld(fs, dir, read, stored, now());
  report.migratedFrom = migrated.from;
  report.corruptFile = await setDamageAside(fs, dir, read, now());
  if (!read.journalExists) await writeFileAtomic(fs, join(dir, JOURNAL_FILE), '');
  const midFileDamage = journal.badLines.length > 0 && !journal.badOnlyAtTail;
  const rewrite =
    migrated.from !== null || read.snapshotProblem !== null || read.legacySnapshot || midFileDamage;
  return { ...result, events: migrated.events, rewrite };
}
