import type { LearnedSample } from '../../domain/index.ts';
import type { LedgerEvent, LedgerEventOf } from '../../domain/ledger/events.ts';

/**
 * Ports of the persistence and reset machines, so the machines can be tested over fakes. Adapters in `src/persistence` satisfy
 * them structurally and never import this file: `createBackendApi` is a DiskPort + RemoteLedgerPort,
 * `createLedgerCache` is a CachePort.
 */

/** The `ledger.reset` event a typed-DELETE reset records (its `newEpoch` starts the new history). */
export type LedgerResetEvent = LedgerEventOf<'ledger.reset'>;

/**
 * What the disk returned: the working set's events (open generations and the newest reset, in journal
 * order) and the metered runs of the learned-estimate window (none when the disk does not say).
 */
export interface DiskLoadResult {
  events: LedgerEvent[];
  learned?: LearnedSample[];
}

/** Ids the disk has durably written (fsync'ed); a subset of what was sent when it stops midway. */
export interface DiskAppendResult {
  acknowledged: string[];
  /** Ids a reset made moot: never written, and nothing to retry (the reset removed them). */
  superseded?: string[];
}

/** Result of a reset on disk: where the backup went and the `ledger.reset` event it recorded. */
export interface LedgerResetResult {
  backupPath: string;
  event: LedgerResetEvent;
}

/**
 * The authoritative ledger (the backend's journal over HTTP, or an in-process journal in tests).
 * Rejections that retrying cannot fix carry `retryable: false` (see `isRetryableFailure`).
 */
export interface DiskPort {
  /** What the panel's machines need of the ledger (the backend's working set), never the whole history. */
  loadWorkingSet(): Promise<DiskLoadResult>;
  /** Appends events idempotently by id; resolves once they are durable. */
  appendEvents(events: readonly LedgerEvent[]): Promise<DiskAppendResult>;
  /** Backs the ledger up, records `ledger.reset` with a new epoch and compacts the journal to it. */
  resetLedger(): Promise<LedgerResetResult>;
}

/** Live ledger changes made by anyone (other panels, this one): the backend's SSE stream. */
export interface RemoteLedgerPort {
  /** Calls `onEvents` with each batch of newly durable events; returns the function that stops it. */
  subscribe(onEvents: (events: LedgerEvent[]) => void): () => void;
}

/** What the browser cache holds: the last folded state, every known event and the unacknowledged ones. */
export interface CacheContents<TState = unknown> {
  state: TState;
  pending: LedgerEvent[];
  events: LedgerEvent[];
}

/**
 * The browser cache (localforage). Failures (quota, storage unavailable) reject with a typed error whose
 * message is shown to the user; they never lose data because the disk is authoritative.
 */
export interface CachePort<TState = unknown> {
  /** The stored contents, or null when the cache is empty. */
  load(): Promise<CacheContents<TState> | null>;
  /** Replaces the stored contents. */
  save(contents: CacheContents<TState>): Promise<void>;
  /** Adds events to the pending list (not yet acknowledged by disk). */
  addPending(events: LedgerEvent[]): Promise<void>;
  /** Removes acknowledged event ids from the pending list. */
  ackPending(ids: readonly string[]): Promise<void>;
  /** Empties the cache (after a reset). */
  clear(): Promise<void>;
}

/** The failure shape adapters throw: a message for people, and `retryable: false` when retry is futile. */
export interface PortFailure {
  message: string;
  retryable?: boolean;
  code?: string;
}

/**
 * True unless the failure says retrying cannot help (`retryable: false`, e.g. the server refused the
 * data). Unknown failures count as retryable so pending events are never given up on silently.
 */
export function isRetryableFailure(error: unknown): boolean {
  return !(typeof error === 'object' && error !== null && (error as PortFailure).retryable === false);
}

/** A one-line reason for the status line: the failure's own message, or a generic one. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as PortFailure).message === 'string') {
    return (error as PortFailure).message;
  }
  return typeof error === 'string' && error ? error : 'Unknown failure (no message was given).';
}

/** Commands the machine sends to its `syncCache` child; the writer applies them in order. */
export type CacheCommand =
  | { type: 'cache.addPending'; events: LedgerEvent[] }
  | { type: 'cache.ackPending'; ids: string[] }
  | { type: 'cache.save'; events: LedgerEvent[]; pending: LedgerEvent[] };

/** What `loadCache` resolves with: the cached events and pending events, or null for an empty cache. */
export type CachedLedger = Pick<CacheContents, 'events' | 'pending'> | null;

/** Input of the `saveEvents` actor: one batch of pending events. */
export interface SaveEventsInput {
  events: LedgerEvent[];
}

/** Sent back by the cache writer when a cache write failed (quota, storage unavailable). */
export type CacheFailedEvent = { type: 'CACHE_FAILED'; reason: string };
/** Sent back by the cache writer when a write succeeded after a failure. */
export type CacheRecoveredEvent = { type: 'CACHE_OK' };
/** What the cache writer (`syncCache`) sends back to the persistence machine. */
export type CacheWriterEvent = CacheFailedEvent | CacheRecoveredEvent;
