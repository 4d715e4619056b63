import { join } from 'node:path';
import { LEDGER_SCHEMA_VERSION } from '../domain/ledger/events.ts';
import { listBackups, readBackup } from './backups.ts';
import { SnapshotUnrecoverableError } from './errors.ts';
import type { JournalBase } from './journal-base.ts';
import { type JournalFs, nodeJournalFs, readOptional } from './journal-fs.ts';
import { type DecodedDoc, decodeLedgerDoc } from './ledger-doc.ts';
import {
  describeSnapshotProblem,
  JOURNAL_FILE,
  resolveBase,
  SNAPSHOT_FILE,
  snapshotProblem,
} from './snapshot-base.ts';
import { parseJournal } from './stored-event.ts';

/** How one stored document reads: checked, from before checksums, unreadable, changed, or absent. */
export type DocState = DecodedDoc['state'] | 'missing';

/** What `checkLedgerFiles` found in a data dir. */
export interface LedgerCheck {
  /** True when the next start needs no repair. */
  ok: boolean;
  /** One sentence per finding, saying what the next start does about it. */
  problems: string[];
  snapshot: {
    path: string;
    state: DocState;
    events: number | null;
    /** It is the snapshot the journal continues from (or one compacted from it). */
    isBase: boolean;
  };
  journal: {
    path: string;
    exists: boolean;
    base: JournalBase | null;
    events: number;
    badLines: number;
    /** Bad lines after the last good event: a write cut off by a crash (cutting the file fixes it). */
    tornAtTail: number;
    /** Bad lines with good events after them (damage or a hand edit inside the file). */
    invalidLines: number;
  };
  /** Schema versions: the one this build writes, and the oldest and newest found in the files. */
  schema: { current: number; oldest: number; newest: number };
  /** Newest first. */
  backups: { path: string; state: DocState; events: number | null }[];
}

const eventsIn = (decoded: DecodedDoc) => ('doc' in decoded ? decoded.doc.events.length : null);

/** Oldest and newest schema version of the readable snapshot and the journal's events. */
function schemaVersions(
  snapshot: DecodedDoc | null,
  events: readonly { v: number }[],
): LedgerCheck['schema'] {
  const current = LEDGER_SCHEMA_VERSION;
  const doc = snapshot && 'doc' in snapshot ? snapshot.doc : null;
  let oldest = doc?.v ?? Number.POSITIVE_INFINITY;
  let newest = doc?.v ?? Number.NEGATIVE_INFINITY;
  for (const list of [doc?.events ?? [], events]) {
    for (const { v } of list) {
      if (v < oldest) oldest = v;
      if (v > newest) newest = v;
    }
  }
  if (oldest > newest) return { current, oldest: current, newest: current };
  return { current, oldest, newest };
}

/**
 * Reads a data dir the way a start would and reports every file's state, checksums included, without
 * writing, locking or repairing anything (a running backend may hold the dir). For `modelbridge doctor`.
 */
export async function checkLedgerFiles(dir: string, fs: JournalFs = nodeJournalFs): Promise<LedgerCheck> {
  const snapshotBytes = await readOptional(fs, join(dir, SNAPSHOT_FILE));
  const journalBytes = await readOptional(fs, join(dir, JOURNAL_FILE));
  const journal = parseJournal(journalBytes ?? Buffer.alloc(0));
  const decoded = snapshotBytes ? decodeLedgerDoc(snapshotBytes) : null;
  const problems: string[] = [];
  try {
    const resolved = await resolveBase(fs, dir, snapshotBytes, journal.base);
    if (resolved.problem) {
      problems.push(
        `${describeSnapshotProblem(resolved.problem)}; the next start uses ${resolved.fallbackPath} instead.`,
      );
    }
  } catch (error) {
    if (!(error instanceof SnapshotUnrecoverableError)) throw error;
    problems.push(`The next start refuses: ${error.message}`);
  }
  const tornAtTail = journal.badAtTail;
  const invalidLines = journal.badLines.length - tornAtTail;
  if (tornAtTail > 0) {
    problems.push(
      `${JOURNAL_FILE} ends in ${tornAtTail} torn line(s) (a write cut off, as by a crash); the next ` +
        'start sets them aside.',
    );
  }
  if (invalidLines > 0) {
    problems.push(
      `${JOURNAL_FILE} has ${invalidLines} damaged line(s) with events after them; the next start sets ` +
        'them aside and rewrites the journal.',
    );
  }
  const schema = schemaVersions(decoded, journal.events);
  if (schema.newest > schema.current) {
    problems.push(
      `The files were written by schema version ${schema.newest}; this build understands up to ` +
        `${schema.current}, so it opens them read-only.`,
    );
  }
  const backups: LedgerCheck['backups'] = [];
  for (const path of await listBackups(fs, dir)) {
    const backup = await readBackup(fs, path);
    backups.push({ path, state: backup.state, events: eventsIn(backup) });
    if (backup.state === 'unreadable') problems.push(`${path} cannot be read as a ledger.`);
    if (backup.state === 'checksum-mismatch') problems.push(`${path} was changed after it was written.`);
  }
  return {
    ok: problems.length === 0,
    problems,
    snapshot: {
      path: join(dir, SNAPSHOT_FILE),
      state: decoded?.state ?? 'missing',
      events: decoded ? eventsIn(decoded) : null,
      isBase: decoded !== null && snapshotProblem(decoded, journal.base) === null,
    },
    journal: {
      path: join(dir, JOURNAL_FILE),
      exists: journalBytes !== null,
      base: journal.base,
      events: journal.events.length,
      badLines: journal.badLines.length,
      tornAtTail,
      invalidLines,
    },
    schema,
    backups,
  };
}
