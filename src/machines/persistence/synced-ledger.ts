import { type LedgerEvent, mergeEvents } from '../../domain/index.ts';
import type { LedgerEventDraft } from '../ports.ts';
import type { CacheCommand } from './persistence-ports.ts';

/**
 * Pure helpers of the persistence machine: pending bookkeeping, epochs and disk batches. Pending is a
 * list of event ids (record order) whose events live in the merged `events` array.
 */

/** Limits of one disk batch: the server takes ≤ 500 events and ≤ 1 MiB per request. */
export interface BatchLimits {
  /** Most events per batch. */
  maxEvents: number;
  /** Most JSON characters per batch (one oversized event still goes alone). */
  maxChars: number;
}

/** Defaults: small batches (issue 3) well inside the server's 1 MiB body limit, even in UTF-8. */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxEvents: 25, maxChars: 256_000 };

/**
 * The epoch new events belong to: the highest `newEpoch` of any `ledger.reset`, or the highest epoch
 * seen, or 0 for an empty ledger.
 */
export function currentEpoch(events: readonly LedgerEvent[]): number {
  let epoch = 0;
  for (const event of events) {
    const value = event.type === 'ledger.reset' ? Math.max(event.newEpoch, event.epoch) : event.epoch;
    if (value > epoch) epoch = value;
  }
  return epoch;
}

/**
 * Gives drafts (no epoch yet) and events recorded against an older epoch the epoch `epoch`: a panel
 * that has just adopted a reset must not have its next, genuinely new events dropped by the epoch rule.
 */
export function stampEpoch(
  events: readonly (LedgerEvent | LedgerEventDraft)[],
  epoch: number,
): LedgerEvent[] {
  return events.map((event) =>
    'epoch' in event && event.epoch >= epoch ? event : ({ ...event, epoch } as LedgerEvent),
  );
}

/** Ids of `incoming` that are neither known events nor already pending, first occurrence only. */
export function newPendingIds(
  incoming: readonly LedgerEvent[],
  known: readonly LedgerEvent[],
  pending: readonly string[],
): string[] {
  const seen = new Set(pending);
  for (const event of known) seen.add(event.id);
  const ids: string[] = [];
  for (const event of incoming) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    ids.push(event.id);
  }
  return ids;
}

/** `pending` minus `ids`; returns the same array when nothing changes (keeps selector identity). */
export function withoutIds(pending: readonly string[], ids: readonly string[]): readonly string[] {
  if (ids.length === 0 || pending.length === 0) return pending;
  const drop = new Set(ids);
  const kept = pending.filter((id) => !drop.has(id));
  return kept.length === pending.length ? pending : kept;
}

/** Pending ids whose event is still in `events` (a reset drops old events, and their pending ids). */
export function pendingStillKnown(
  pending: readonly string[],
  events: readonly LedgerEvent[],
): readonly string[] {
  if (pending.length === 0) return pending;
  const ids = new Set(events.map((e) => e.id));
  const kept = pending.filter((id) => ids.has(id));
  return kept.length === pending.length ? pending : kept;
}

/** The pending events themselves, in pending (record) order. */
export function pendingEvents(events: readonly LedgerEvent[], pending: readonly string[]): LedgerEvent[] {
  if (pending.length === 0) return [];
  const byId = new Map<string, LedgerEvent>();
  const wanted = new Set(pending);
  for (const event of events) if (wanted.has(event.id)) byId.set(event.id, event);
  return pending.flatMap((id) => byId.get(id) ?? []);
}

/** The next disk batch: the oldest pending events within `limits` (at least one when any is pending). */
export function takeBatch(
  events: readonly LedgerEvent[],
  pending: readonly string[],
  limits: BatchLimits,
): LedgerEvent[] {
  const candidates = pendingEvents(events, pending.slice(0, Math.max(1, limits.maxEvents)));
  const batch: LedgerEvent[] = [];
  let chars = 0;
  for (const event of candidates) {
    const size = JSON.stringify(event).length;
    if (batch.length > 0 && chars + size > limits.maxChars) break;
    batch.push(event);
    chars += size;
  }
  return batch;
}

/** How long to wait before retry `attempt` (1-based): 1 s, 2 s, 4 s … capped at 30 s (issue 3). */
export function retryDelayMs(attempt: number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 16);
  return Math.min(1000 * 2 ** exponent, 30_000);
}

/** The ledger part of the persistence context: merged events, pending ids and the epoch. */
export interface LedgerView {
  events: LedgerEvent[];
  pending: readonly string[];
  epoch: number;
}

/** True when merging `incoming` cannot change `events`: every id is known and no newer reset arrives. */
function bringsNothingNew(view: LedgerView, incoming: readonly LedgerEvent[]): boolean {
  if (incoming.length === 0) return true;
  if (currentEpoch(incoming) > view.epoch) return false;
  const known = new Set(view.events.map((e) => e.id));
  return incoming.every((e) => known.has(e.id));
}

/**
 * Merges `incoming` into the view (mergeEvents: union by id, epoch rule), drops `acknowledged` ids and
 * any pending id whose event the epoch rule removed. Keeps the `events` array when nothing is new, so
 * memoised folds and cache writes can skip work.
 */
export function mergeIncoming(
  view: LedgerView,
  incoming: readonly LedgerEvent[],
  acknowledged: readonly string[] = [],
): LedgerView {
  const events = bringsNothingNew(view, incoming) ? view.events : mergeEvents(view.events, incoming);
  const pending = pendingStillKnown(withoutIds(view.pending, acknowledged), events);
  return { events, pending, epoch: events === view.events ? view.epoch : currentEpoch(events) };
}

/** Merges events read from disk or the live stream: durable, so any pending copy counts as acknowledged. */
export function mergeDurableEvents(view: LedgerView, durable: readonly LedgerEvent[]): LedgerView {
  return mergeIncoming(
    view,
    durable,
    durable.map((e) => e.id),
  );
}

/**
 * Merges a full disk read. Disk is the shared truth, so every merged event disk lacks (e.g. cached
 * by this panel while another process lost it) becomes pending: disk converges to the union.
 */
export function mergeDiskEvents(view: LedgerView, disk: readonly LedgerEvent[]): LedgerView {
  const next = mergeDurableEvents(view, disk);
  const onDisk = new Set(disk.map((e) => e.id));
  for (const id of next.pending) onDisk.add(id);
  const missing = next.events.filter((e) => !onDisk.has(e.id)).map((e) => e.id);
  return missing.length === 0 ? next : { ...next, pending: [...next.pending, ...missing] };
}

/** Adds the cache's contents at boot: its events, and its pending events as still pending. */
export function mergeCached(
  view: LedgerView,
  cached: { events: readonly LedgerEvent[]; pending: readonly LedgerEvent[] },
): LedgerView {
  const ids = newPendingIds(cached.pending, view.events, view.pending);
  const next = mergeIncoming(view, [...cached.events, ...cached.pending]);
  return { ...next, pending: pendingStillKnown([...next.pending, ...ids], next.events) };
}

/**
 * Adds events recorded in this panel (stamped into the current epoch) as pending. `fresh` lists the
 * ones not seen before, for the cache; repeats of known ids change nothing (RECORD is idempotent).
 */
export function mergeRecorded(
  view: LedgerView,
  recorded: readonly LedgerEvent[],
): { view: LedgerView; fresh: LedgerEvent[] } {
  const stamped = stampEpoch(recorded, view.epoch);
  const ids = newPendingIds(stamped, view.events, view.pending);
  if (ids.length === 0) return { view, fresh: [] };
  const wanted = new Set(ids);
  const fresh = stamped.filter((e) => wanted.delete(e.id));
  const next = mergeIncoming(view, fresh);
  return { view: { ...next, pending: pendingStillKnown([...next.pending, ...ids], next.events) }, fresh };
}

/** The cache command that stores the whole view (events, and the pending ones as events). */
export function saveCommand(view: LedgerView): CacheCommand {
  return { type: 'cache.save', events: view.events, pending: pendingEvents(view.events, view.pending) };
}

/**
 * Disk acknowledged `ids`: the pending ids left, and the cache command that mirrors it. The cache's
 * ack only trims its pending list, so once nothing is pending the whole ledger is stored instead.
 */
export function acknowledgeIds(
  view: LedgerView,
  ids: string[],
): { pending: readonly string[]; command: CacheCommand } {
  const pending = withoutIds(view.pending, ids);
  const command: CacheCommand =
    pending.length === 0 ? saveCommand({ ...view, pending }) : { type: 'cache.ackPending', ids };
  return { pending, command };
}
