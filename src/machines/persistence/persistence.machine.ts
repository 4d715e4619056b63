import {
  type ActorRefFrom,
  assertEvent,
  type EventObject,
  assign,
  enqueueActions,
  fromCallback,
  fromPromise,
  setup,
} from 'xstate';
import type { LearnedSample, LedgerEvent } from '../../domain/index.ts';
import * as ledger from './synced-ledger.ts';
import {
  type CacheCommand,
  type CacheWriterEvent,
  type CachedLedger,
  type DiskAppendResult,
  type DiskLoadResult,
  describeFailure,
  isRetryableFailure,
  type LedgerResetEvent,
  type SaveEventsInput,
} from './persistence-ports.ts';
import { SYSTEM_IDS } from '../panel/system-ids.ts';

/** The systemId the persistence actor registers under, so the reset machine can reach it. */
export const PERSISTENCE_SYSTEM_ID = SYSTEM_IDS.persistence;

/** Plain-JSON state of the ledger in this panel: every known event, what disk has not acknowledged yet. */
export interface PersistenceContext {
  /**
   * Merged events (the disk's working set ∪ cache ∪ recorded ∪ remote) in (at, id) order, epoch rule
   * applied: what settlement and the Generate form need, never the whole history (the backend's read
   * model answers Billing).
   */
  events: LedgerEvent[];
  /** The disk's metered runs of the learned-estimate window (runs settled before this session). */
  learned: LearnedSample[];
  /** Ids of events not yet acknowledged by disk, oldest first; each id is in `events`. */
  pending: readonly string[];
  /** The current reset epoch; new events are recorded in it. */
  epoch: number;
  /** Consecutive failed disk attempts (drives the 1 s … 30 s backoff); 0 once disk answers. */
  attempt: number;
  /** Why the last disk call failed; null once a call succeeds. */
  reason: string | null;
  /** Why the browser cache could not be read or written; null when it works. Data is still safe on disk. */
  cacheWarning: string | null;
  limits: ledger.BatchLimits;
}

/** New ledger events made in this panel: cached at once as pending, then written to disk in batches. */
export type RecordEvent = { type: 'RECORD'; events: LedgerEvent[] };
/** Events made durable elsewhere (the backend's SSE stream): merged in, and acknowledged if pending. */
export type RemoteEventsEvent = { type: 'REMOTE_EVENTS'; events: LedgerEvent[] };
/** A typed-DELETE reset succeeded: adopt its epoch so no old row comes back. */
export type LedgerResetReceivedEvent = { type: 'LEDGER_RESET'; event: LedgerResetEvent };
/** Retry now (the Retry button; also skips the backoff wait while offline). */
export type PersistenceRetryEvent = { type: 'RETRY' };

/** Every event the persistence machine accepts. */
export type PersistenceEvent =
  RecordEvent | RemoteEventsEvent | LedgerResetReceivedEvent | PersistenceRetryEvent | CacheWriterEvent;

/** Start-up options: disk batch limits (defaults: 25 events, 256 000 JSON characters). */
export interface PersistenceInput {
  limits?: Partial<ledger.BatchLimits>;
}

/** Tags: `busy` while loading or writing, `offline` while waiting to retry, `error` when stuck. */
export type PersistenceTag = 'busy' | 'offline' | 'error';

function initialContext(input: PersistenceInput | undefined): PersistenceContext {
  const limits = { ...ledger.DEFAULT_BATCH_LIMITS, ...input?.limits };
  return {
    events: [],
    learned: [],
    pending: [],
    epoch: 0,
    attempt: 0,
    reason: null,
    cacheWarning: null,
    limits,
  };
}

// A missing wire is a bug, not an outage: `retryable: false` stops in `error` instead of retrying.
function notProvided(actor: string): never {
  throw Object.assign(new Error(`${actor} actor not provided: supply with .provide()`), { retryable: false });
}

const persistenceSetup = setup({
  types: {
    context: {} as PersistenceContext,
    events: {} as PersistenceEvent,
    input: {} as PersistenceInput,
    tags: {} as PersistenceTag,
  },
  actors: {
    loadCache: fromPromise<CachedLedger, void>(async () => notProvided('loadCache')),
    loadLedger: fromPromise<DiskLoadResult, void>(async () => notProvided('loadLedger')),
    saveEvents: fromPromise<DiskAppendResult, SaveEventsInput>(async () => notProvided('saveEvents')),
    syncCache: fromCallback<CacheCommand>(() => notProvided('syncCache')),
    syncRemoteEvents: fromCallback<EventObject>(() => notProvided('syncRemoteEvents')),
  },
  guards: {
    isRetryable: (_, params: { error: unknown }) => isRetryableFailure(params.error),
    hasPendingAfter: ({ context }, params: { ids: readonly string[] }) =>
      ledger.withoutIds(context.pending, params.ids).length > 0,
  },
  delays: {
    retryDelay: ({ context }) => ledger.retryDelayMs(context.attempt),
  },
  actions: {
    assignCached: assign(({ context }, params: { cached: CachedLedger }) =>
      params.cached ? ledger.mergeCached(context, params.cached) : {},
    ),
    mergeDisk: enqueueActions(({ context, enqueue }, params: DiskLoadResult) => {
      const next = ledger.mergeDiskEvents(context, params.events);
      enqueue.assign({ ...next, learned: params.learned ?? context.learned });
      enqueue.sendTo('cache', ledger.saveCommand(next));
    }),
    // The live stream repeats this panel's own writes: only something new is worth a cache write.
    mergeRemote: enqueueActions(({ context, enqueue }, params: { events: LedgerEvent[] }) => {
      const next = ledger.mergeDurableEvents(context, params.events);
      enqueue.assign(next);
      if (next.events !== context.events) enqueue.sendTo('cache', ledger.saveCommand(next));
    }),
    recordEvents: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, 'RECORD');
      const { view, fresh } = ledger.mergeRecorded(context, event.events);
      if (fresh.length === 0) return;
      enqueue.assign(view);
      enqueue.sendTo('cache', { type: 'cache.addPending', events: fresh } satisfies CacheCommand);
    }),
    acknowledge: enqueueActions(({ context, enqueue }, params: { ids: string[] }) => {
      const { pending, command } = ledger.acknowledgeIds(context, params.ids);
      enqueue.assign({ pending, attempt: 0, reason: null });
      enqueue.sendTo('cache', command);
    }),
    assignFailure: assign((_, params: { error: unknown }) => ({ reason: describeFailure(params.error) })),
    countAttempt: assign({ attempt: ({ context }) => context.attempt + 1 }),
    clearFailure: assign({ attempt: 0, reason: null }),
    clearCacheWarning: assign({ cacheWarning: null }),
    warnCache: assign((_, params: { error: unknown }) => ({ cacheWarning: describeFailure(params.error) })),
  },
});

const failureParams = ({ event }: { event: { error: unknown } }) => ({ error: event.error });
const ackParams = ({ event }: { event: { output: DiskAppendResult } }) => ({
  ids: event.output.acknowledged,
});

/** Disk failures: retryable ones go offline (backoff), refusals go to error; both keep the reason. */
const failureTransitions = [
  {
    guard: { type: 'isRetryable', params: failureParams },
    target: 'offline',
    actions: { type: 'assignFailure', params: failureParams },
  },
  { target: 'error', actions: { type: 'assignFailure', params: failureParams } },
] as const;

/** One disk batch, then the next (re-entering `self`) or `saved`; failures go offline or to error. */
function pushBatch(self: 'syncing' | 'saving') {
  return persistenceSetup.createStateConfig({
    tags: 'busy',
    invoke: {
      id: 'saveEvents',
      src: 'saveEvents',
      input: ({ context }) => ({ events: ledger.takeBatch(context.events, context.pending, context.limits) }),
      onDone: [
        {
          guard: { type: 'hasPendingAfter', params: ackParams },
          target: self,
          reenter: true,
          actions: { type: 'acknowledge', params: ackParams },
        },
        { target: 'saved', actions: { type: 'acknowledge', params: ackParams } },
      ],
      onError: failureTransitions,
    },
  });
}

/**
 * Keeps the ledger durable (issue 3): boot renders from the cache at once (`cached`), reads disk and
 * merges by event id with the epoch rule (`syncing`), then writes pending events in small batches
 * (`saving` ⇄ `saved`). Retryable failures wait with backoff (1 s, 2 s, 4 s … 30 s) in `offline`, keeping
 * every event pending; refusals stop in `error` until RETRY. Register with systemId PERSISTENCE_SYSTEM_ID.
 */
export const persistenceMachine = persistenceSetup.createMachine({
  id: 'persistence',
  context: ({ input }) => initialContext(input),
  invoke: [
    { id: 'cache', src: 'syncCache' },
    { id: 'remote', src: 'syncRemoteEvents' },
  ],
  on: {
    RECORD: { actions: 'recordEvents' },
    REMOTE_EVENTS: { actions: { type: 'mergeRemote', params: ({ event }) => ({ events: event.events }) } },
    LEDGER_RESET: { actions: { type: 'mergeRemote', params: ({ event }) => ({ events: [event.event] }) } },
    CACHE_FAILED: { actions: { type: 'warnCache', params: ({ event }) => ({ error: event.reason }) } },
    CACHE_OK: { actions: 'clearCacheWarning' },
  },
  initial: 'booting',
  states: {
    booting: {
      tags: 'busy',
      invoke: {
        id: 'loadCache',
        src: 'loadCache',
        onDone: {
          target: 'cached',
          actions: { type: 'assignCached', params: ({ event }) => ({ cached: event.output }) },
        },
        onError: { target: 'cached', actions: { type: 'warnCache', params: failureParams } },
      },
    },
    cached: {
      tags: 'busy',
      invoke: {
        id: 'loadLedger',
        src: 'loadLedger',
        onDone: {
          target: 'syncing',
          actions: { type: 'mergeDisk', params: ({ event }) => event.output },
        },
        onError: failureTransitions,
      },
    },
    syncing: pushBatch('syncing'),
    saved: {
      entry: 'clearFailure',
      on: { RECORD: { target: 'saving', actions: 'recordEvents' } },
    },
    saving: pushBatch('saving'),
    offline: {
      tags: 'offline',
      entry: 'countAttempt',
      after: { retryDelay: 'cached' },
      on: { RETRY: 'cached' },
    },
    error: {
      tags: 'error',
      on: { RETRY: 'cached' },
    },
  },
});

/** A running persistence machine. */
export type PersistenceActorRef = ActorRefFrom<typeof persistenceMachine>;
