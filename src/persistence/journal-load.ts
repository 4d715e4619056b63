import { join } from 'node:path';
import { LEDGER_SCHEMA_VERSION } from '../domain/ledger/events.ts';
import { type JournalFs, readOptional } from './journal-fs.ts';
import type { LedgerDoc } from './ledger-doc.ts';
import { JOURNAL_FILE, resolveBase, SNAPSHOT_FILE, type SnapshotProblem } from './snapshot-base.ts';
import { type ParsedJournal, parseJournal, type StoredEvent } from './stored-event.ts';

export { JOURNAL_FILE, SNAPSHOT_FILE };

/** What is on disk, read and parsed but not yet repaired. */
export interface DiskRead {
  /** The document in use: snapshot.json, or the backup standing in for it; null when there is none. */
  base: LedgerDoc | null;
  /** Why snapshot.json was not used, or null. */
  snapshotProblem: SnapshotProblem | null;
  /** The bytes of a snapshot.json that exists but was not used (kept as evidence by the repair). */
  snapshotUnused: Buffer | null;
  /** Path of the backup used instead of snapshot.json. */
  fallbackPath: string | null;
  /** snapshot.json predates checksums and should be rewritten with one. */
  legacySnapshot: boolean;
  journal: ParsedJournal;
  journalExists: boolean;
}

/**
 * Reads the snapshot (or the backup standing in for it, see snapshot-base.ts) and the journal. Never
 * writes. Throws SnapshotUnrecoverableError when events are known to be missing and no backup has them.
 */
export async function readDisk(fs: JournalFs, dir: string): Promise<DiskRead> {
  const snapshotBytes = await readOptional(fs, join(dir, SNAPSHOT_FILE));
  const journalBytes = await readOptional(fs, join(dir, JOURNAL_FILE));
  const journal = parseJournal(journalBytes ?? Buffer.alloc(0));
  const resolved = await resolveBase(fs, dir, snapshotBytes, journal.base);
  return {
    base: resolved.doc,
    snapshotProblem: resolved.problem,
    snapshotUnused: resolved.problem ? snapshotBytes : null,
    fallbackPath: resolved.fallbackPath,
    legacySnapshot: resolved.legacy,
    journal,
    journalExists: journalBytes !== null,
  };
}

/** Lowest and highest schema version found in the documents and events read. */
export function versionRange(read: DiskRead): { oldest: number; newest: number } {
  let oldest = LEDGER_SCHEMA_VERSION;
  let newest = read.base?.v ?? LEDGER_SCHEMA_VERSION;
  oldest = Math.min(oldest, newest);
  for (const list of [read.base?.events ?? [], read.journal.events]) {
    for (const event of list) {
      if (event.v < oldest) oldest = event.v;
      if (event.v > newest) newest = event.v;
    }
  }
  return { oldest, newest };
}

/** Why the files must not be written, or null when they may be. */
export function readOnlyReasonFor(read: DiskRead): string | null {
  const { newest } = versionRange(read);
  if (newest > LEDGER_SCHEMA_VERSION) {
    return (
      `the ledger files were written by schema version ${newest}, and this build understands up to ` +
      `version ${LEDGER_SCHEMA_VERSION}. They are opened read-only so nothing is overwritten: update ` +
      'modelBridge to keep recording costs.'
    );
  }
  return null;
}

/** The epoch in force: the snapshot's, raised by every ledger.reset's newEpoch. */
export function currentEpoch(baseEpoch: number, events: readonly StoredEvent[]): number {
  let epoch = baseEpoch;
  for (const event of events) {
    if (event.type === 'ledger.reset' && typeof event.newEpoch === 'number' && event.newEpoch > epoch) {
      epoch = event.newEpoch;
    }
  }
  return epoch;
}

/** Same rule as the domain's isLiveIn: a reset lives by the epoch it starts, others by their own. */
export function isStoredLive(event: StoredEvent, epoch: number): boolean {
  return event.type === 'ledger.reset' && typeof event.newEpoch === 'number'
    ? event.newEpoch >= epoch
    : event.epoch >= epoch;
}

/**
 * Merges stored events in file order (snapshot, then journal): the first copy of an id wins, and events
 * from before the newest reset (epoch lower than the current one) are dropped (ARCHITECTURE.md § Ledger).
 */
export function foldStored(
  baseEpoch: number,
  events: readonly StoredEvent[],
): { events: StoredEvent[]; ids: Set<string>; epoch: number } {
  const epoch = currentEpoch(baseEpoch, events);
  const ids = new Set<string>();
  const kept: StoredEvent[] = [];
  for (const event of events) {
    if (ids.has(event.id)) continue;
    ids.add(event.id);
    if (isStoredLive(event, epoch)) kept.push(event);
  }
  return { events: kept, ids, epoch };
}
