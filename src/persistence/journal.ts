import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import {
  LEDGER_SCHEMA_VERSION,
  type LedgerEvent,
  ledgerEventSchema,
  ledgerResetSchema,
} from '../domain/ledger/events.ts';
import { writeBackup } from './backups.ts';
import {
  describeFsError,
  InvalidLedgerEventError,
  JournalReadOnlyError,
  JournalUnavailableError,
  JournalWriteError,
} from './errors.ts';
import {
  errorCode,
  type JournalFileHandle,
  type JournalFs,
  nodeJournalFs,
  writeAll,
  writeFileAtomic,
} from './journal-fs.ts';
import { currentEpoch, foldStored, JOURNAL_FILE, SNAPSHOT_FILE } from './journal-load.ts';
import { type RecoveryReport, readAndRepair } from './journal-recover.ts';
import { acquireDirLock, type DirLock } from './lock.ts';
import type { SnapshotDoc } from './stored-event.ts';

/** The durable, append-only ledger store of one data dir (ARCHITECTURE.md § Persistence). One writer per dir. */
export interface Journal {
  readonly dir: string;
  /** True when the files were written by a newer schema version (or are unrecoverable): writes reject. */
  readonly readOnly: boolean;
  /** Reads the files (repairing damage, see RecoveryReport) and replaces the in-memory events with them. */
  load(): Promise<{ events: LedgerEvent[]; recovery: RecoveryReport }>;
  /** The current events in memory (after load and appends), in stored order. */
  all(): LedgerEvent[];
  /**
   * Validates every event with ledgerEventSchema (an invalid one refuses the whole batch), skips ids already
   * stored or repeated in the batch and events from before the current epoch, writes the rest as one
   * append, and resolves only after fsync. `appended` lists what was newly written.
   */
  append(events: LedgerEvent[]): Promise<{ appended: LedgerEvent[] }>;
  /** Backs up, writes the snapshot (temp, fsync, rename, fsync folder) and empties ledger.jsonl. */
  compact(): Promise<void>;
  /** Backs up, records a `ledger.reset` with epoch + 1 and compacts the journal to just that event. */
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
  /** Compact after this many events sit in ledger.jsonl; default 5000. */
  compactEvery?: number;
}

/** Events in ledger.jsonl before an automatic compaction. */
export const DEFAULT_COMPACT_EVERY = 5000;

type Required<T> = { [K in keyof T]-?: NonNullable<T[K]> };

class DiskJournal implements Journal {
  readonly dir: string;
  lock: DirLock | null = null;
  private readonly deps: Required<JournalOptions>;
  private readonly journalPath: string;
  private events: LedgerEvent[] = [];
  private ids = new Set<string>();
  private epoch = 0;
  private handle: JournalFileHandle | null = null;
  private goodLength = 0;
  private tailDirty = false;
  private journalCount = 0;
  private loaded = false;
  private readOnlyReason: string | null = null;
  private unavailable: string | null = null;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dir: string, deps: Required<JournalOptions>) {
    this.dir = dir;
    this.deps = deps;
    this.journalPath = join(dir, JOURNAL_FILE);
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  /** Runs mutations one at a time, in call order, so file writes never interleave. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  loseLock(error: Error): void {
    this.unavailable ??=
      `The lock on ${this.dir} was lost (${error.message}): another process may be writing. ` +
      'Nothing more is written; close the journal and open it again.';
  }

  private assertWritable(): void {
    if (this.unavailable) throw new JournalUnavailableError(this.unavailable);
    if (this.readOnlyReason) throw new JournalReadOnlyError(this.dir, this.readOnlyReason);
  }

  load(): Promise<{ events: LedgerEvent[]; recovery: RecoveryReport }> {
    return this.serial(() => this.loadNow());
  }

  private async loadNow(): Promise<{ events: LedgerEvent[]; recovery: RecoveryReport }> {
    if (this.unavailable) throw new JournalUnavailableError(this.unavailable);
    await this.dropHandle();
    const found = await readAndRepair(this.deps.fs, this.dir, this.deps.now);
    const folded = foldStored(found.baseEpoch, found.events);
    // Structurally checked and zod-validated when appended (see stored-event.ts), so trusted as events.
    this.events = folded.events as unknown as LedgerEvent[];
    this.ids = folded.ids;
    this.epoch = folded.epoch;
    this.goodLength = found.goodLength;
    this.journalCount = found.journalCount;
    this.tailDirty = false;
    this.readOnlyReason = found.report.readOnlyReason;
    this.loaded = true;
    if (found.rewrite) await this.compactNow(found.report.migratedFrom === null);
    return { events: this.events.slice(), recovery: found.report };
  }

  private async ensureLoaded(): Promise<void> {
    if (!this.loaded) await this.loadNow();
  }

  all(): LedgerEvent[] {
    return this.events.slice();
  }

  append(events: LedgerEvent[]): Promise<{ appended: LedgerEvent[] }> {
    return this.serial(async () => {
      await this.ensureLoaded();
      this.assertWritable();
      const fresh = this.selectFresh(validateBatch(events));
      if (fresh.length === 0) return { appended: [] };
      await this.writeDurably(
        Buffer.from(`${fresh.map((e) => JSON.stringify(e)).join('\n')}\n`),
        fresh.length,
      );
      this.remember(fresh);
      if (this.journalCount >= this.deps.compactEvery) await this.compactQuietly();
      return { appended: fresh };
    });
  }

  /** Drops ids already stored or repeated in the batch, and events from before the current epoch. */
  private selectFresh(events: LedgerEvent[]): LedgerEvent[] {
    const fresh: LedgerEvent[] = [];
    const inBatch = new Set<string>();
    let epoch = this.epoch;
    for (const event of events) {
      if (event.type === 'ledger.reset') epoch = Math.max(epoch, event.newEpoch);
      if (this.ids.has(event.id) || inBatch.has(event.id) || event.epoch < epoch) continue;
      inBatch.add(event.id);
      fresh.push(event);
    }
    return fresh;
  }

  private remember(fresh: LedgerEvent[]): void {
    for (const event of fresh) {
      this.ids.add(event.id);
      this.events.push(event);
    }
    const epoch = currentEpoch(this.epoch, fresh);
    if (epoch > this.epoch) {
      this.epoch = epoch;
      this.events = this.events.filter((event) => event.epoch >= epoch);
    }
  }

  /**
   * Appends bytes and fsyncs. On failure the file is cut back to its last acknowledged length, so a
   * partial line never stays in front of a later append and a retry writes the batch exactly once.
   */
  private async writeDurably(bytes: Buffer, count: number): Promise<void> {
    try {
      if (this.tailDirty) await this.cutTail();
      const handle = await this.appendHandle();
      await writeAll(handle, bytes);
      await handle.sync();
    } catch (error) {
      this.tailDirty = true;
      // Best effort now; if the cut fails too, tailDirty makes the next append retry it before writing.
      await this.cutTail().catch(() => undefined);
      const code = errorCode(error);
      const message =
        `Could not save ${count} ledger event(s) to ${this.journalPath}: ${describeFsError(code, error)}. ` +
        'Nothing of this batch was acknowledged; keep it pending and retry (already saved ids are skipped).';
      throw new JournalWriteError(message, code, error);
    }
    this.goodLength += bytes.length;
    this.journalCount += count;
  }

  private async cutTail(): Promise<void> {
    const handle = await this.appendHandle();
    await handle.truncate(this.goodLength);
    await handle.sync();
    this.tailDirty = false;
  }

  private async appendHandle(): Promise<JournalFileHandle> {
    this.handle ??= await this.deps.fs.open(this.journalPath, 'a');
    return this.handle;
  }

  private async dropHandle(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  compact(): Promise<void> {
    return this.serial(async () => {
      await this.ensureLoaded();
      this.assertWritable();
      await this.compactNow(true);
    });
  }

  /**
   * Automatic compaction after an append. The batch is already durable; a failed compaction leaves the old
   * snapshot and journal intact and is retried after the next append, so it must not fail the append.
   */
  private async compactQuietly(): Promise<void> {
    try {
      await this.compactNow(true);
    } catch {
      // Every step replaces a file atomically, so a failure at any point leaves a loadable state.
    }
  }

  private snapshotDoc(): SnapshotDoc {
    return {
      v: LEDGER_SCHEMA_VERSION,
      epoch: this.epoch,
      events: this.events as unknown as SnapshotDoc['events'],
    };
  }

  /** Backup (optional), snapshot via temp+fsync+rename+fsync folder, then an empty journal the same way. */
  private async compactNow(backup: boolean): Promise<void> {
    const doc = this.snapshotDoc();
    if (backup) await writeBackup(this.deps.fs, this.dir, doc, 'compact', this.deps.now());
    await writeFileAtomic(this.deps.fs, join(this.dir, SNAPSHOT_FILE), JSON.stringify(doc));
    // A crash before the next line leaves events in both files; load de-duplicates them by id.
    await this.replaceJournal('', 0);
  }

  private async replaceJournal(text: string, count: number): Promise<void> {
    await this.dropHandle();
    await writeFileAtomic(this.deps.fs, this.journalPath, text);
    this.goodLength = Buffer.byteLength(text);
    this.journalCount = count;
    this.tailDirty = false;
  }

  reset(): Promise<{ backupPath: string; event: LedgerEvent }> {
    return this.serial(async () => {
      await this.ensureLoaded();
      this.assertWritable();
      const { fs, now, newId } = this.deps;
      const backupPath = await writeBackup(fs, this.dir, this.snapshotDoc(), 'reset', now());
      const newEpoch = this.epoch + 1;
      const event = ledgerResetSchema.parse({
        id: newId(),
        type: 'ledger.reset',
        at: now().toISOString(),
        epoch: newEpoch,
        v: LEDGER_SCHEMA_VERSION,
        newEpoch,
      });
      // The commit point: once ledger.jsonl holds only the reset, older events are gone or (still in the
      // old snapshot) hidden by the epoch rule, so the reset holds even if the snapshot write below fails.
      await this.replaceJournal(`${JSON.stringify(event)}\n`, 1);
      this.events = [event];
      this.ids = new Set([event.id]);
      this.epoch = newEpoch;
      await writeFileAtomic(fs, join(this.dir, SNAPSHOT_FILE), JSON.stringify(this.snapshotDoc())).catch(
        () => {
          // The reset is already durable (see above); compact at the next append to replace the old snapshot.
          this.journalCount = this.deps.compactEvery;
        },
      );
      return { backupPath, event };
    });
  }

  close(): Promise<void> {
    return this.serial(async () => {
      if (this.closed) return;
      this.closed = true;
      this.unavailable = `The journal for ${this.dir} is closed; open it again to read or write.`;
      await this.dropHandle();
      await this.lock?.release().catch(() => undefined);
      this.lock = null;
    });
  }
}

function validateBatch(events: readonly unknown[]): LedgerEvent[] {
  return events.map((event, index) => {
    const parsed = ledgerEventSchema.safeParse(event);
    if (parsed.success) return parsed.data;
    const id = (event as { id?: unknown } | null)?.id;
    throw new InvalidLedgerEventError(
      `Event ${index + 1} of the batch (id ${JSON.stringify(id)}) is not a valid ledger event, so nothing ` +
        `was written:\n${z.prettifyError(parsed.error)}`,
    );
  });
}

/**
 * Opens the journal of a data dir: creates the folder (mode 0700) and takes the one-writer lock
 * (JournalLockedError names the holder). Call load() next; append() loads first if you did not.
 */
export async function openJournal(dir: string, options: JournalOptions = {}): Promise<Journal> {
  const deps: Required<JournalOptions> = {
    fs: options.fs ?? nodeJournalFs,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
    compactEvery: options.compactEvery ?? DEFAULT_COMPACT_EVERY,
  };
  await deps.fs.mkdir(dir, 0o700);
  const journal = new DiskJournal(dir, deps);
  journal.lock = await acquireDirLock(dir, (error) => journal.loseLock(error));
  return journal;
}
