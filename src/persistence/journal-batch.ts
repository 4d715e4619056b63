import { z } from 'zod';
import { isLiveIn } from '../domain/ledger/epoch.ts';
import { type LedgerEvent, ledgerEventSchema } from '../domain/ledger/events.ts';
import { InvalidLedgerEventError } from './errors.ts';

/** zod-validates a batch for append(); one invalid event refuses the whole batch with a readable reason. */
export function validateBatch(events: readonly unknown[]): LedgerEvent[] {
  return events.map((event, index) => {
    const parsed = ledgerEventSchema.safeParse(event);
    if (parsed.success) return parsed.data;
    const id = (event as { id?: unknown } | null)?.id;
    throw new InvalidLedgerEventError(
      `Event ${index + 1} of the batch (id ${JSON.stringify(id)}) is not a valid ledger event, so nothing ` +
        `was written:\n${z.prettifyError(parsed.error)}`,
    );
  });
}

/**
 * The events of a batch that must be written: not already stored (`known`), not repeated within the batch,
 * and not from before the current epoch (a stale panel must not bring back rows a reset removed).
 */
export function selectFresh(
  events: readonly LedgerEvent[],
  known: ReadonlySet<string>,
  epoch: number,
): LedgerEvent[] {
  const fresh: LedgerEvent[] = [];
  const inBatch = new Set<string>();
  let current = epoch;
  for (const event of events) {
    if (event.type === 'ledger.reset') current = Math.max(current, event.newEpoch);
    // isLiveIn: a reset counts by the epoch it starts, whichever epoch it was stamped with.
    if (known.has(event.id) || inBatch.has(event.id) || !isLiveIn(event, current)) continue;
    inBatch.add(event.id);
    fresh.push(event);
  }
  return fresh;
}
