import { z } from 'zod';
import { isLiveIn } from '../domain/ledger/epoch.ts';
import { type LedgerEvent, ledgerEventSchema } from '../domain/ledger/events.ts';
import { InvalidLedgerEventError, JournalConflictError } from './errors.ts';

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

/** How the stored ledger answers for one id: the live event, gone (a reset removed it), or unknown. */
export type StoredLookup = (id: string) => LedgerEvent | 'gone' | undefined;

/** What append() does with a batch: what to write, and what a reset has made moot (never written). */
export interface BatchPlan {
  fresh: LedgerEvent[];
  /** Ids from before the current epoch: a reset removed them, so they are not written, and not lost. */
  superseded: string[];
}

/**
 * Sorts a batch: events to write (new ids, first copy within the batch, live in the epoch), ids already
 * stored with the same content (nothing to do), and ids from before the current epoch (a stale panel
 * must not bring back rows a reset removed). A known id with other content, or an id repeated with
 * other content within the batch, refuses the whole batch (JournalConflictError): an acknowledgement
 * must mean "this content is on disk".
 */
export function planBatch(events: readonly LedgerEvent[], stored: StoredLookup, epoch: number): BatchPlan {
  const fresh: LedgerEvent[] = [];
  const superseded: string[] = [];
  const conflicts: string[] = [];
  const inBatch = new Map<string, LedgerEvent>();
  let current = epoch;
  for (const event of events) {
    const known = stored(event.id);
    const earlier = inBatch.get(event.id);
    if (earlier) {
      if (!sameEvent(earlier, event)) conflicts.push(event.id);
      continue;
    }
    inBatch.set(event.id, event);
    if (known === undefined) {
      // Only a reset that is written moves the epoch: a known one was already counted.
      if (event.type === 'ledger.reset') current = Math.max(current, event.newEpoch);
      // isLiveIn: a reset counts by the epoch it starts, whichever epoch it was stamped with.
      if (isLiveIn(event, current)) fresh.push(event);
      else superseded.push(event.id);
    } else if (known === 'gone') {
      if (isLiveIn(event, current)) conflicts.push(event.id);
      else superseded.push(event.id);
    } else if (!sameEvent(known, event)) {
      conflicts.push(event.id);
    }
  }
  if (conflicts.length > 0) throw new JournalConflictError(conflicts);
  // A reset later in the batch can make earlier fresh events moot.
  const live = fresh.filter((event) => isLiveIn(event, current));
  for (const event of fresh) if (!live.includes(event)) superseded.push(event.id);
  return { fresh: live, superseded };
}

/** Same fact: equal content whatever the key order (stored JSON and parsed events may differ in it). */
export function sameEvent(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  });
}
