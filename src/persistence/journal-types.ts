import type { LedgerEvent } from '../domain/ledger/events.ts';
import type { JournalFs } from './journal-fs.ts';
import type { RecoveryReport } from './journal-recover.ts';

/** The durable, append-only ledger store of one data dir (ARCHITECTURE.md § Persistence). One writer per dir. */
export interface Journal {
  readonly dir: string;
  /** True when the files were written by a newer schema version: reads work, writes reject. */
  readonly readOnly: boolean;
  /** Why the journal is read-only, for people (names the schema versions), or null when it is not. */
  readonly readOnlyReason: string | null;
  /**
   * Why a write would be refused right now, for people: read-only files, a closed journal, or a lock
   * folder removed or taken over (checked on the spot, not at the next lock refresh). Null when writable.
   */
  writeRefusal(): Promise<string | null>;
  /** Reads the files (repairing damage, see RecoveryReport) and replaces the in-memory events with them. */
  load(): Promise<{ events: LedgerEvent[]; recovery: RecoveryReport }>;
  /** The current events in memory (after load and appends), in stored order. */
  all(): LedgerEvent[];
  /** The epoch in force: the newest reset's newEpoch (0 before any reset). */
  readonly epoch: number;
  /** Whether an event with this id is stored (constant time: no copy of the events). */
  has(id: string): boolean;
  /** The live event with this id (constant time); undefined when unknown or removed by a reset. */
  get(id: string): LedgerEvent | undefined;
  /**
   * Validates every event with ledgerEventSchema (an invalid one refuses the whole batch), refuses the
   * whole batch when a known id comes with other content (JournalConflictError), skips ids already stored
   * with the same content, leaves out events from before the current epoch (`superseded`), writes the
   * rest as one append, and resolves only after fsync. `appended` lists what was newly written.
   */
  append(events: LedgerEvent[]): Promise<{ appended: LedgerEvent[]; superseded: string[] }>;
  /**
   * Backs up, writes the snapshot (temp, fsync, rename, fsync folder) and leaves ledger.jsonl holding
   * only the line naming that snapshot (journal-base.ts). A refusing disk rejects with JournalWriteError.
   */
  compact(): Promise<void>;
  /**
   * Backs up, records a `ledger.reset` with epoch + 1 and compacts the journal to just that event. A
   * refusing disk (no room for the backup, permissions) rejects with JournalWriteError; nothing is reset.
   */
  reset(): Promise<{ backupPath: string; event: LedgerEvent }>;
  /** Releases the lock; later calls reject. Safe to call twice. */
  close(): Promise<void>;
}

/** Injected dependencies of openJournal; all optional. */
export interface JournalOptions {
  /** File-system port (tests inject faults through it). */
  fs?: JournalFs;
  /** Clock for reset events, backup and .corrupt file names. */
  now?: () => Date;
  /** Id generator for the reset event. */
  newId?: () => string;
  /** Compact after this many events sit in ledger.jsonl; default DEFAULT_COMPACT_EVERY. */
  compactEvery?: number;
}

/** Events in ledger.jsonl before an automatic compaction. */
export const DEFAULT_COMPACT_EVERY = 5000;
