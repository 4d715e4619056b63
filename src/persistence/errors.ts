/** A second writer tried to open a data dir whose journal another live process holds. */
export class JournalLockedError extends Error {
  /** Who holds the lock, e.g. "process 1234 on studio-mac since 2025-03-01T10:00:00.000Z". */
  readonly holder: string;

  constructor(dir: string, holder: string) {
    super(
      `The ledger in ${dir} is in use by ${holder}. Only one modelBridge backend may write it at a time: ` +
        'close the other one (or wait for it to exit) and try again.',
    );
    this.name = 'JournalLockedError';
    this.holder = holder;
  }
}

/**
 * snapshot.json is missing or cannot be trusted and no backup can stand in for it, so loading would show
 * part of the ledger as if it were all of it. Nothing was changed; the message says what to restore.
 */
export class SnapshotUnrecoverableError extends Error {
  /** The snapshot file that could not be used. */
  readonly snapshotPath: string;
  /** The newest readable backup (not a safe stand-in, but the one a person may choose), or null. */
  readonly backupPath: string | null;

  constructor(message: string, snapshotPath: string, backupPath: string | null) {
    super(message);
    this.name = 'SnapshotUnrecoverableError';
    this.snapshotPath = snapshotPath;
    this.backupPath = backupPath;
  }
}

/** A write was refused because the journal was opened read-only (files from a newer schema version). */
export class JournalReadOnlyError extends Error {
  constructor(dir: string, reason: string) {
    super(`The ledger in ${dir} is read-only, nothing was written: ${reason}`);
    this.name = 'JournalReadOnlyError';
  }
}

/** The journal cannot take writes: it was closed, or its lock was lost to another process. */
export class JournalUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalUnavailableError';
  }
}

/**
 * Saving events to disk failed (full disk, I/O error, permissions). Nothing of the batch was
 * acknowledged: callers keep the events pending and retry; a retry never duplicates (ids are idempotent).
 */
export class JournalWriteError extends Error {
  /** The system error code, e.g. ENOSPC, EIO, EACCES; undefined when the cause had none. */
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, cause: unknown) {
    super(message, { cause });
    this.name = 'JournalWriteError';
    this.code = code;
  }
}

/**
 * A batch reuses ids the ledger already holds for other content. Nothing of the batch was written: an
 * acknowledgement means "on disk", and these events are not.
 */
export class JournalConflictError extends Error {
  readonly ids: string[];

  constructor(ids: string[]) {
    const shown = ids
      .slice(0, 3)
      .map((id) => JSON.stringify(id))
      .join(', ');
    super(
      `${ids.length === 1 ? 'Event id' : `${ids.length} event ids`} ${shown}${ids.length > 3 ? ' …' : ''} ` +
        `already ${ids.length === 1 ? 'belongs' : 'belong'} to other recorded content, so nothing of this batch was saved. ` +
        'An event id names one fact forever: record a change as a new event with a new id.',
    );
    this.name = 'JournalConflictError';
    this.ids = ids;
  }
}

/** An event handed to append() is not a valid ledger event; the whole batch was refused. */
export class InvalidLedgerEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidLedgerEventError';
  }
}

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full (ENOSPC): free some space',
  EDQUOT: 'the disk quota is exhausted (EDQUOT): free some space',
  EIO: 'the disk reported an I/O error (EIO): check the drive',
  EACCES: 'permission denied (EACCES): check that your user may write the data folder',
  EPERM: 'operation not permitted (EPERM): check the data folder permissions',
  EROFS: 'the file system is read-only (EROFS)',
};

/** A human reason for a system error code, ending with what to do. */
export function describeFsError(code: string | undefined, error: unknown): string {
  if (code && reasons[code]) return reasons[code];
  const detail = error instanceof Error ? error.message : String(error);
  return `${detail}${code ? ` (${code})` : ''}`;
}
