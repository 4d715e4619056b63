import type { LedgerEvent } from '../domain/ledger/events.ts';
import type { LedgerBus } from './ledger-bus.ts';
import type { LedgerReadModel } from './ledger-read-model.ts';
import type { SettingsStore } from './settings-store.ts';

/**
 * What the server needs from the disk journal (src/persistence `openJournal`), as a port so routes
 * depend on behaviour, not on the adapter's module.
 */
export interface LedgerJournal {
  /** True when the data dir was written by a newer schema: reads work, writes are refused. */
  readonly readOnly: boolean;
  /** Why it is read-only, for people (names the schema versions), or null. */
  readonly readOnlyReason: string | null;
  /** Why a write would be refused right now (read-only, lock lost, closed), checked on the spot; or null. */
  writeRefusal(): Promise<string | null>;
  /** Every event in journal order (the order they were made durable). */
  all(): readonly LedgerEvent[];
  /** The epoch in force (the newest reset's newEpoch; 0 before any reset). */
  readonly epoch: number;
  /** Whether an event with this id is stored, without copying the ledger. */
  has(id: string): boolean;
  /** The live event with this id, without copying the ledger; undefined when unknown or reset away. */
  get(id: string): LedgerEvent | undefined;
  /**
   * Appends durably (resolves after fsync), skipping ids stored with the same content; refuses the whole
   * batch when a known id comes with other content; leaves out pre-reset events (`superseded`).
   */
  append(events: LedgerEvent[]): Promise<{ appended: LedgerEvent[]; superseded: string[] }>;
  /** Backs up, records `ledger.reset` with a new epoch and compacts to it. */
  reset(): Promise<{ backupPath: string; event: LedgerEvent }>;
}

/** Shared dependencies of every route, built once per running server. */
export interface ServerContext {
  version: string;
  dataDir: string;
  journal: LedgerJournal;
  /** The recovery report of the journal's load (torn lines set aside, fallbacks used), as loaded. */
  recovery: unknown;
  settings: SettingsStore;
  bus: LedgerBus;
  /** The folded ledger (rows, totals, the working set) that `/api/ledger/rows|summary|working-set` query. */
  readModel: LedgerReadModel;
  /** Sandbox mode right now: `--sandbox`, or no fal key (env or saved). */
  isSandbox(): boolean;
  /** Base URL of the in-process Sandbox fal (`http://127.0.0.1:PORT/sandbox`). */
  sandboxBaseUrl(): string;
  /** fetch used for calls to fal.ai (key check, pricing); tests point it at local fakes. */
  fetch: typeof fetch;
  /** Base URL of fal's Platform API; undefined means fal's real one. */
  falApiBaseUrl: string | undefined;
  /** Milliseconds between SSE heartbeat comments (15 s in production). */
  heartbeatMs: number;
  /** Aborted when the server shuts down, so open event streams end and the server can close. */
  shutdown: AbortSignal;
}
