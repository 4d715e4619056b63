import localforage from 'localforage';
import type { LedgerEvent } from '../domain/ledger/events.ts';
import { isLiveIn, newestResetEpoch } from '../domain/ledger/epoch.ts';
import { compareEvents } from '../domain/ledger/merge.ts';
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
  /** Replaces the snapshot, stores `pending`, and drops pending copies of events `events` holds as saved. */
  save(contents: CacheContents): Promise<void>;
  /** Adds events to pending (envelope-checked, never dropped for their payload; ids already pending are skipped). */
  addPending(events: LedgerEvent[]): Promise<void>;
  /** Removes the given ids from pending once the disk has them. */
  ackPending(ids: readonly string[]): Promise<void>;
  /** Removes everything (after a reset, so no stale cache can bring old rows back). */
  clear(): Promise<void>;
}

/** Bump when the stored shape changes; other versions are discarded on load. */
const CACHE_VERSION = 1;
const SNAPSHOT_KEY = 'snapshot';
// One key per unsaved event, never one shared list: two panels in one browser share this store, and a
// read-modify-write of a shared list in one tab could drop an event the other tab had just added.
const PENDING_PREFIX = 'pending:';

interface StoredSnapshot {
  v: number;
  state: unknown;
  events: LedgerEvent[];
}
interface StoredPendingEvent {
  v: number;
  event: LedgerEvent;
}

function eventsOf(value: unknown): LedgerEvent[] | null {
  const record = value as { v?: unknown; events?: unknown } | null;
  if (record?.v !== CACHE_VERSION || !Array.isArray(record.events)) return null;
  // Stored data is untrusted: a cheap envelope check (the panel validated them before caching).
  return record.events.every(isStoredEvent) ? (record.events as LedgerEvent[]) : null;
}

/**
 * What may be kept as unsaved: anything with an event envelope. The payload is not schema-checked here on
 * purpose: an event the backend will refuse is still this panel's record of money, so it stays pending
 * (and the refusal stays on screen) across reloads instead of vanishing from the cache.
 */
function keepable(events: readonly LedgerEvent[]): LedgerEvent[] {
  events.forEach((event, index) => {
    if (isStoredEvent(event)) return;
    throw new InvalidLedgerEventError(
      `Pending event ${index + 1} (id ${JSON.stringify((event as { id?: unknown } | null)?.id)}) has no valid event envelope (id, type, at, epoch, v); nothing was cached.`,
    );
  });
  return [...events];
}

type LocalForage = ReturnType<typeof localforage.createInstance>;

async function pendingKeys(store: LocalForage): Promise<string[]> {
  return (await store.keys()).filter((key) => key.startsWith(PENDING_PREFIX));
}

async function readPending(store: LocalForage): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = [];
  for (const key of await pendingKeys(store)) {
    const stored = await store.getItem<StoredPendingEvent>(key);
    if (stored?.v === CACHE_VERSION && isStoredEvent(stored.event)) events.push(stored.event);
  }
  return events.sort(compareEvents);
}

async function putPending(store: LocalForage, events: readonly LedgerEvent[]): Promise<void> {
  for (const event of events) {
    await store.setItem<StoredPendingEvent>(PENDING_PREFIX + event.id, { v: CACHE_VERSION, event });
  }
}

async function loadContents(store: LocalForage): Promise<CacheContents | null> {
  const snapshot = await store.getItem<StoredSnapshot>(SNAPSHOT_KEY);
  const events = eventsOf(snapshot);
  const pending = await readPending(store);
  if (!events && pending.length === 0) return null;
  return { state: events ? snapshot?.state : null, events: events ?? [], pending };
}

/**
 * Writes the snapshot and this panel's pending events. Pending keys are removed only for events the
 * snapshot holds as saved (in `events`, not in `pending`) or that a reset has made dead: another tab's
 * live unsaved events are never touched.
 */
async function saveContents(store: LocalForage, contents: CacheContents): Promise<void> {
  const pending = keepable(contents.pending);
  const snapshot: StoredSnapshot = { v: CACHE_VERSION, state: contents.state, events: contents.events };
  await store.setItem(SNAPSHOT_KEY, snapshot);
  await putPending(store, pending);
  const unsaved = new Set(pending.map((event) => event.id));
  const saved = new Set(contents.events.map((event) => event.id).filter((id) => !unsaved.has(id)));
  // Unsaved events from before the newest reset will never be written (epoch rule): drop them too.
  const epoch = newestResetEpoch(contents.events);
  for (const event of await readPending(store)) {
    if (saved.has(event.id) || !isLiveIn(event, epoch)) await store.removeItem(PENDING_PREFIX + event.id);
  }
}

async function addPending(store: LocalForage, events: LedgerEvent[]): Promise<void> {
  await putPending(store, keepable(events));
}

async function ackPending(store: LocalForage, ids: readonly string[]): Promise<void> {
  for (const id of new Set(ids)) await store.removeItem(PENDING_PREFIX + id);
}

/**
 * Creates the panel's cache: a localforage store (IndexedDB, else localStorage) named `name`. The
 * snapshot (state + events) and each pending event are separate keys, so adding a pending event does
 * not rewrite the whole ledger and two panels in one browser never overwrite each other's unsaved
 * events. Calls are serialised per cache object.
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
