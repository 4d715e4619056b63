import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LEDGER_SCHEMA_VERSION, type LedgerEvent, ledgerResetSchema } from '../domain/ledger/events.ts';
import { writeBackup } from './backups.ts';
import { JournalReadOnlyError, JournalUnavailableError } from './errors.ts';
import { planBatch, validateBatch } from './journal-batch.ts';
import { baseLine, type JournalBase } from './journal-base.ts';
import { JournalFile } from './journal-file.ts';
import { asJournalWriteError } from './journal-write-error.ts';
import { nodeJournalFs, writeFileAtomic } from './journal-fs.ts';
import { currentEpoch, foldStored, isStoredLive, JOURNAL_FILE, SNAPSHOT_FILE } from './journal-load.ts';
import { type RecoveryReport, readAndRepair } from './journal-recover.ts';
import { DEFAULT_COMPACT_EVERY, type Journal, type JournalOptions } from './journal-types.ts';
import { encodeLedgerDoc, type LedgerDoc } from './ledger-doc.ts';
import { acquireDirLock, type DirLock } from './lock.ts';

type Deps = { [K in keyof JournalOptions]-?: NonNullable<JournalOptions[K]> };

class DiskJournal implements Journal {
  lock: DirLock | null = null;
  private readonly file: JournalFile;
  private events: LedgerEvent[] = [];
  private ids = new Set<string>();
  /** The live events by id (what a reset removed is in `ids` only): content checks and `get`. */
  private byId = new Map<string, LedgerEvent>();
  private currentEpoch = 0;
  /** The snapshot ledger.jsonl currently says it continues from (its base line), or null. */
  private declaredBase: JournalBase | null = null;
  private loaded = false;
  /** Why the files must not be written (newer schema), or null; set by load. */
  readOnlyReason: string | null = null;
  private unavailable: string | null = null;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly deps: Deps,
  ) {
    this.file = new JournalFile(deps.fs, join(dir, JOURNAL_FILE));
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  /** Runs operations one at a time, in call order, so file writes never interleave. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  loseLock(error: Error): void {
    this.unavailable ??=
      `The lock on ${this.dir} was lost (${error.message}): another process may be writing. ` +
      'Nothing more is written until the journal is opened again (restart the modelBridge backend).';
  }

  /** Loads on first use, then refuses writes when closed, lock lost, or read-only. */
  private async writable(): Promise<void> {
    if (!this.loaded) await this.loadNow();
    await this.checkLock();
    if (this.unavailable) throw new JournalUnavailableError(this.unavailable);
    if (this.readOnlyReason) throw new JournalReadOnlyError(this.dir, this.readOnlyReason);
  }

  /** Notices a lock folder removed or taken over since the last write, before anything is written. */
  private async checkLock(): Promise<void> {
    if (this.unavailable || !this.lock) return;
    const lost = await this.lock.check();
    if (lost) this.loseLock(new Error(lost));
  }

  async writeRefusal(): Promise<string | null> {
    await this.checkLock();
    if (this.unavailable) return this.unavailable;
    return this.readOnlyReason && `The ledger in ${this.dir} is read-only: ${this.readOnlyReason}`;
  }

  load(): Promise<{ events: LedgerEvent[]; recovery: RecoveryReport }> {
    return this.serial(() => this.loadNow());
  }

  private async loadNow(): Promise<{ events: LedgerEvent[]; recovery: RecoveryReport }> {
    if (this.unavailable) throw new JournalUnavailableError(this.unavailable);
    await this.file.close();
    const found = await readAndRepair(this.deps.fs, this.dir, this.deps.now);
    const folded = foldStored(found.baseEpoch, found.events);
    // Envelope-checked on load and zod-validated on append (see stored-event.ts), so trusted as events.
    this.events = folded.events as unknown as LedgerEvent[];
    this.ids = folded.ids;
    this.byId = indexById(this.events);
    this.currentEpoch = folded.epoch;
    this.declaredBase = found.declaredBase;
    this.readOnlyReason = found.report.readOnlyReason;
    this.loaded = true;
    await this.file.adopt(found.goodLength, found.journalCount);
    if (found.rewrite) await this.compactNow();
    return { events: this.events.slice(), recovery: found.report };
  }

  all(): LedgerEvent[] {
    return this.events.slice();
  }

  get epoch(): number {
    return this.currentEpoch;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get(id: string): LedgerEvent | undefined {
    return this.byId.get(id);
  }

  append(events: LedgerEvent[]): Promise<{ appended: LedgerEvent[]; superseded: string[] }> {
    return this.serial(async () => {
      await this.writable();
      const lookup = (id: string) => this.byId.get(id) ?? (this.ids.has(id) ? 'gone' : undefined);
      const { fresh, superseded } = planBatch(validateBatch(events), lookup, this.currentEpoch);
      if (fresh.length === 0) return { appended: [], superseded };
      await this.file.append(
        Buffer.from(`${fresh.map((e) => JSON.stringify(e)).join('\n')}\n`),
        fresh.length,
      );
      this.remember(fresh);
      if (this.file.count >= this.deps.compactEvery) await this.compactQuietly();
      return { appended: fresh, superseded };
    });
  }

  private remember(fresh: LedgerEvent[]): void {
    for (const event of fresh) {
      this.ids.add(event.id);
      this.events.push(event);
      this.byId.set(event.id, event);
    }
    const epoch = currentEpoch(this.currentEpoch, fresh);
    if (epoch > this.currentEpoch) {
      this.currentEpoch = epoch;
      this.events = this.events.filter((event) => isStoredLive(event, epoch));
      this.byId = indexById(this.events);
    }
  }

  compact(): Promise<void> {
    return this.serial(async () => {
      await this.writable();
      await this.compactNow().catch((error: unknown) => {
        const outcome = 'Nothing was lost: the snapshot and journal are as they were.';
        throw asJournalWriteError(error, `compact the ledger in ${this.dir}`, outcome);
      });
    });
  }

  /**
   * Automatic compaction after an append. The batch is already durable; a failed compaction leaves the old
   * snapshot and journal intact and is retried after the next append, so it must not fail the append.
   */
  private async compactQuietly(): Promise<void> {
    try {
      await this.compactNow();
    } catch {
      // Every step replaces a file atomically, so a failure at any point leaves a loadable state.
    }
  }

  private snapshotDoc(): LedgerDoc {
    return {
      v: LEDGER_SCHEMA_VERSION,
      epoch: this.currentEpoch,
      prev: this.declaredBase?.checksum ?? null,
      events: this.events as unknown as LedgerDoc['events'],
    };
  }

  /**
   * Backup, snapshot via temp+fsync+rename+fsync folder, then a journal holding only the base line naming
   * that snapshot, the same way. The backup is the same document as the snapshot, so a lost snapshot can
   * always be taken from the newest backup.
   */
  private async compactNow(): Promise<void> {
    const doc = this.snapshotDoc();
    const { text, checksum } = encodeLedgerDoc(doc);
    await writeBackup(this.deps.fs, this.dir, text, 'compact', this.deps.now());
    await writeFileAtomic(this.deps.fs, join(this.dir, SNAPSHOT_FILE), text);
    // A crash before the next line leaves events in both files (load de-duplicates them by id) and the
    // old base line, which the new snapshot names as its `prev`.
    const lastId = doc.events.at(-1)?.id ?? null;
    const base = { count: doc.events.length, lastId, epoch: doc.epoch, checksum };
    await this.file.replace(baseLine(base), 0);
    this.declaredBase = base;
  }

  reset(): Promise<{ backupPath: string; event: LedgerEvent }> {
    return this.serial(async () => {
      await this.writable();
      return this.resetNow().catch((error: unknown) => {
        const outcome = 'Nothing was reset: the cost history is as it was.';
        throw asJournalWriteError(error, `reset the ledger in ${this.dir}`, outcome);
      });
    });
  }

  /** Backup, then the commit point (a journal holding only the reset), then a snapshot of just it. */
  private async resetNow(): Promise<{ backupPath: string; event: LedgerEvent }> {
    const { fs, now, newId } = this.deps;
    const backup = encodeLedgerDoc(this.snapshotDoc()).text;
    const backupPath = await writeBackup(fs, this.dir, backup, 'reset', now());
    const newEpoch = this.currentEpoch + 1;
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
    // It has no base line: it needs no snapshot before it.
    await this.file.replace(`${JSON.stringify(event)}\n`, 1);
    this.declaredBase = null;
    this.events = [event];
    this.ids = new Set([event.id]);
    this.byId = indexById(this.events);
    this.currentEpoch = newEpoch;
    const snapshot = encodeLedgerDoc(this.snapshotDoc()).text;
    await writeFileAtomic(fs, join(this.dir, SNAPSHOT_FILE), snapshot).catch(() => {
      // Already durable (see above); compacting at the next append replaces the old snapshot.
      this.file.count = this.deps.compactEvery;
    });
    return { backupPath, event };
  }

  close(): Promise<void> {
    return this.serial(async () => {
      if (this.closed) return;
      this.closed = true;
      this.unavailable = `The journal for ${this.dir} is closed; open it again to read or write.`;
      await this.file.close();
      await this.lock?.release().catch(() => undefined);
      this.lock = null;
    });
  }
}

function indexById(events: readonly LedgerEvent[]): Map<string, LedgerEvent> {
  return new Map(events.map((event) => [event.id, event]));
}

/**
 * Opens the journal of a data dir: creates the folder (mode 0700) and takes the one-writer lock
 * (JournalLockedError names the holder). Call load() next; append() loads first if you did not.
 */
export async function openJournal(dir: string, options: JournalOptions = {}): Promise<Journal> {
  const deps: Deps = {
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
