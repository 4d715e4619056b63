import type { LedgerEvent } from './events.ts';

/**
 * The reset epoch rule (ARCHITECTURE.md § Ledger): a `ledger.reset` starts epoch `newEpoch`, and every
 * event of a lower epoch is dead, so a stale cache or backup cannot bring deleted rows back.
 */

/** The highest `newEpoch` of any `ledger.reset` in `events`, or 0 when there is none. */
export function newestResetEpoch(events: Iterable<LedgerEvent>): number {
  let epoch = 0;
  for (const event of events) {
    if (event.type === 'ledger.reset' && event.newEpoch > epoch) epoch = event.newEpoch;
  }
  return epoch;
}

/**
 * True when `event` still counts in `epoch`: a reset counts when it starts that epoch (or a later one),
 * whatever epoch it was written in; any other event when its own epoch is not lower.
 */
export function isLiveIn(event: LedgerEvent, epoch: number): boolean {
  return event.type === 'ledger.reset' ? event.newEpoch >= epoch : event.epoch >= epoch;
}
