import type { GenerationSubmitted, LedgerEvent } from '../../domain/index.ts';

/**
 * The settlement queue as plain data: which generations still wait for fal's billable units, and when to
 * re-read each result. Rebuilt from the ledger at boot (so it survives restarts) and kept up to date
 * from appended events. Times are ISO strings; durations are milliseconds.
 */

/** Re-read rhythm: 1 min, 5 min, 30 min, 2 h, 12 h, then daily, for up to 6 days (modelbridge-docs.md §9). */
export interface SettlementPolicy {
  /** Pause before each re-read, by attempt; the last one repeats. */
  backoffMs: number[];
  /** Give up (record `generation.unsettled`) when the next re-read would be later than this after the base. */
  giveUpAfterMs: number;
  /** A run without an outcome is watched once its own polling window (30 min) has passed. */
  pollCapMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The policy of the spec: 1 min, 5 min, 30 min, 2 h, 12 h, then daily, up to 6 days. */
export const DEFAULT_SETTLEMENT_POLICY: SettlementPolicy = {
  backoffMs: [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR, 24 * HOUR],
  giveUpAfterMs: 6 * 24 * HOUR,
  pollCapMs: 30 * MINUTE,
};

/** One generation waiting for its actual cost. */
export interface SettlementEntry {
  genId: string;
  endpointId: string;
  requestId: string;
  params: GenerationSubmitted['params'];
  submittedAt: string;
  /** False while the ledger has no outcome for it (the run outlived its polling window). */
  closed: boolean;
  /** Start of the re-read window: the outcome's time, or the end of the polling window. */
  baseAt: string;
  dueAt: string;
  attempts: number;
  lastError: string | null;
}

/** The queue: entries by genId, plus genIds already settled or given up (so late facts do not re-add them). */
export interface SettlementQueue {
  entries: Record<string, SettlementEntry>;
  finished: Record<string, true>;
  /** The ledger epoch the queue belongs to; absent (0) in queues saved before resets were tracked. */
  epoch?: number;
}

const plus = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/** The pause before attempt `attempts + 1`. */
function backoff(policy: SettlementPolicy, attempts: number): number {
  return policy.backoffMs[Math.min(attempts, policy.backoffMs.length - 1)] ?? 24 * HOUR;
}

/** An empty queue. */
function emptyQueue(): SettlementQueue {
  return { entries: {}, finished: {} };
}

function withEntry(queue: SettlementQueue, entry: SettlementEntry): SettlementQueue {
  return { ...queue, entries: { ...queue.entries, [entry.genId]: entry } };
}

function finish(queue: SettlementQueue, genId: string): SettlementQueue {
  const { [genId]: _gone, ...entries } = queue.entries;
  return { ...queue, entries, finished: { ...queue.finished, [genId]: true } };
}

/** Applies one ledger fact to the queue (any order of facts of one epoch gives the same queue). */
export function trackEvent(
  queue: SettlementQueue,
  event: LedgerEvent,
  policy: SettlementPolicy,
): SettlementQueue {
  // A typed-DELETE reset drops every run before it: nothing of an older epoch is re-read or recorded.
  if (event.type === 'ledger.reset') {
    return event.newEpoch > (queue.epoch ?? 0) ? { ...emptyQueue(), epoch: event.newEpoch } : queue;
  }
  if (event.epoch < (queue.epoch ?? 0)) return queue;
  if (!event.type.startsWith('generation.') || !('genId' in event)) return queue;
  if (event.type === 'generation.settled' || event.type === 'generation.unsettled')
    return finish(queue, event.genId);
  if (queue.finished[event.genId]) return queue;
  const entry = queue.entries[event.genId];
  if (event.type === 'generation.submitted') {
    if (entry) return queue;
    const baseAt = plus(event.at, policy.pollCapMs);
    const { genId, endpointId, requestId, params } = event;
    const fresh = { genId, endpointId, requestId, params, submittedAt: event.at, closed: false, baseAt };
    return withEntry(queue, {
      ...fresh,
      dueAt: plus(baseAt, backoff(policy, 0)),
      attempts: 0,
      lastError: null,
    });
  }
  if (event.type === 'generation.failed' && event.charged === 'no') return finish(queue, event.genId);
  const closes = ['generation.completed', 'generation.cancelled', 'generation.failed'].includes(event.type);
  if (!entry || !closes) return queue;
  return withEntry(queue, {
    ...entry,
    closed: true,
    baseAt: event.at,
    dueAt: plus(event.at, backoff(policy, 0)),
    attempts: 0,
  });
}

/** The queue from the whole ledger (boot): every generation without an actual cost or a give-up. */
export function rebuildQueue(events: readonly LedgerEvent[], policy: SettlementPolicy): SettlementQueue {
  const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  return ordered.reduce((queue, event) => trackEvent(queue, event, policy), emptyQueue());
}

/** The entry to re-read first at `now` (earliest due), or null when none is due. */
export function nextDue(queue: SettlementQueue, now: string): SettlementEntry | null {
  let best: SettlementEntry | null = null;
  for (const entry of Object.values(queue.entries)) {
    const due = Date.parse(entry.dueAt);
    if (due <= Date.parse(now) && (best === null || due < Date.parse(best.dueAt))) best = entry;
  }
  return best;
}

/**
 * After a re-read without units at `at`: the entry's next due time, or null when the next re-read would
 * fall outside the 6-day window (then the generation is recorded as unsettled).
 */
export function rescheduled(entry: SettlementEntry, at: string, error: string, policy: SettlementPolicy) {
  const attempts = entry.attempts + 1;
  const dueAt = plus(at, backoff(policy, attempts));
  if (Date.parse(dueAt) - Date.parse(entry.baseAt) > policy.giveUpAfterMs) return null;
  return { ...entry, attempts, dueAt, lastError: error };
}

/** Removes an entry (settled or given up) and remembers it as finished. */
export function finishEntry(queue: SettlementQueue, genId: string): SettlementQueue {
  return finish(queue, genId);
}

/** Replaces an entry after a failed re-read. */
export function replaceEntry(queue: SettlementQueue, entry: SettlementEntry): SettlementQueue {
  return withEntry(queue, entry);
}
