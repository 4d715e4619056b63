import { isLiveIn, newestResetEpoch } from './epoch.ts';
import type { LedgerEvent } from './events.ts';

function instant(at: string): number {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Ledger order: by time (`at` as an instant, then as written), then by id. A total order. */
export function compareEvents(a: LedgerEvent, b: LedgerEvent): number {
  const dt = instant(a.at) - instant(b.at);
  if (dt !== 0) return dt;
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Of two events sharing an id (which should be identical), the one every merge order keeps. */
function pick(a: LedgerEvent, b: LedgerEvent): LedgerEvent {
  if (a === b) return a;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja <= jb ? a : b;
}

/**
 * Merges two event logs (e.g. the disk journal and the browser cache): the union by `id`, ordered by
 * (`at`, `id`), without the events of an epoch lower than the newest `ledger.reset` in either input
 * (older resets go too), so a stale store cannot bring deleted rows back. Commutative, associative
 * and idempotent; the inputs are not changed. Should two different events share an id, the one whose
 * JSON sorts first is kept, so the result still does not depend on the order of the inputs.
 */
export function mergeEvents(a: readonly LedgerEvent[], b: readonly LedgerEvent[]): LedgerEvent[] {
  const byId = new Map<string, LedgerEvent>();
  for (const event of [...a, ...b]) {
    const seen = byId.get(event.id);
    byId.set(event.id, seen ? pick(seen, event) : event);
  }
  const epoch = newestResetEpoch(byId.values());
  return [...byId.values()].filter((event) => isLiveIn(event, epoch)).sort(compareEvents);
}
