import localforage from 'localforage';
import { type LedgerEvent, ledgerEventSchema } from '../domain/ledger/events.ts';
import { toCacheError } from './cache-errors.ts';
import { InvalidLedgerEventError } from './errors.ts';
import { isStoredEvent } from './event-shape.ts';

/** What the panel keeps in the browser between sessions. */
export interface CacheContents {
  /** The folded ledger as the panel last rendered it; opaque here, must be plain JSON (structured-clonable). */
  state: unknown;
  /** Events recorded in the panel but not yet acknowledged by the disk journal. */
  pending: LedgerEvent[];
  /** The last known events (as read from disk plus pending). */
  events: LedgerEvent[];
}

/** The panel's localforage cache. Every method rejects with a CacheError subclass; nothing is swallowed. */
export interface LedgerCache {
  /** The stored contents, or null when nothing (valid) is stored. */
  load(): Promise<CacheContents | null>;
  /** Replaces everything, pending included. */
  save(contents: CacheContents): Promise<void>;
  /** Adds events to pending (zod-validated; ids already pending are skipped). */
  addPending(events: LedgerEvent[]): Promise<void>;
  /** Removes the given ids from pending once the disk has them. */
  ackPending(ids: readonly string[]): Promise<void>;
  /** Removes everything (after a reset, so no stale cache can bring old rows back). */
  clear(): Promise<void>;
}

/** Bump when the stored shape changes; other versions are discarded on load. */
const CACHE_VERSION = 1;
const SNAPSHOT_KEY = 'snapshot';
const PENDING_KEY = 'pending';

interface StoredSnapshot {
  v: number;
  state: unknown;
  events: LedgerEvent[];
}
interface StoredPending {
  v: number;
  events: LedgerEvent[];
}

function eventsOf(value: unknown): LedgerEvent[] | null {
  const record = value as { v?: unknown; events?: unknown } | null;
  if (record?.v !== CACHE_VERSION || !Array.isArray(record.events)) return null;
  // Stored data is untrusted: a cheap envelope check (the panel validated them before caching).
  return record.events.every(isStoredEvent) ? (record.events as LedgerEvent[]) : null;
}

function validate(events: readonly LedgerEvent[]): LedgerEvent[] {
  return events.map((event, index) => {
    const parsed = ledgerEventSchema.safeParse(event);
    if (parsed.success) return parsed.data;
    throw new InvalidLedgerEventError(
      `Pending event ${index + 1} (id ${JSON.stringify(event?.id)}) is not a valid ledger event; nothing was cached.`,
    );
  });
}

type LocalForage = ReturnType<typeof localforage.createInstance>;

async function readPending(store: LocalForage): Promise<LedgerEvent[]> {
  return eventsOf(await store.getItem<StoredPending>(PENDING_KEY)) ?? [];
}

async function writePending(store: LocalForage, events: LedgerEvent[]): Promise<void> {
  await store.setItem<StoredPending>(PENDING_KEY, { v: CACHE_VERSION, events });
}

async function loadContents(store: LocalForage): Promise<CacheContents | null> {
  const snapshot = await store.getItem<StoredSnapshot>(SNAPSHOT_KEY);
  const events = eventsOf(snapshot);
  const pending = eventsOf(await store.getItem<StoredPending>(PENDING_KEY));
  if (!events && !pending) return null;
  return { state: events ? snapshot?.state : null, events: events ?? [], pending: pending ?? [] };
}

async function saveContents(store: LocalForage, contents: CacheContents): Promise<void> {
  const pending = validate(contents.pending);
  const snapshot: StoredSnapshot = { v: CACHE_VERSION, state: contents.state, events: contents.events };
  await store.setItem(SNAPSHOT_KEY, snapshot);
  await writePending(store, pending);
}

async function addPending(store: LocalForage, events: LedgerEvent[]): Promise<void> {
  const fresh = validate(events);
  const pending = await readPending(store);
  const known = new Set(pending.map((event) => event.id));
  for (const event of fresh) {
    if (known.has(event.id)) continue;
    known.add(event.id);
    pending.push(event);
  }
  await writePending(store, pending);
}

async function ackPending(store: LocalForage, ids: readonly string[]): Promise<void> {
  const acked = new Set(ids);
  await writePending(
    store,
    (await readPending(store)).filter((event) => !acked.has(event.id)),
  );
}

/**
 * Creates the panel's cache: a localforage store (IndexedDB, else localStorage) named `name`. The
 * snapshot (state + events) and pending events are separate keys, so adding a pending event does not
 * rewrite the whole ledger. Calls are serialised per cache object (read-modify-write of pending).
 * `options.driver` forces a localforage driver (tests).
 */
export function createLedgerCache(
  name = 'modelBridge',
  options: { driver?: string | string[] } = {},
): LedgerCache {
  const store = localforage.createInstance({ name, storeName: 'ledger', ...options });
  let queue: Promise<unknown> = Promise.resolve();
  const run = <T>(action: string, task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task).catch((error: unknown) => {
      throw error instanceof InvalidLedgerEventError ? error : toCacheError(error, action);
    });
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    load: () => run('read the ledger cache', () => loadContents(store)),
    save: (contents) => run('save the ledger cache', () => saveContents(store, contents)),
    addPending: (events) => run('keep unsaved events in the browser cache', () => addPending(store, events)),
    ackPending: (ids) => run('update unsaved events in the browser cache', () => ackPending(store, ids)),
    clear: () => run('clear the browser cache', () => store.clear()),
  };
}
