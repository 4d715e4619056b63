import type { LedgerEvent, LedgerEventOf } from '../domain/index.ts';

type Reset = LedgerEventOf<'ledger.reset'>;

/** One journal event with its position in the journal. */
interface Journaled {
  event: LedgerEvent;
  at: number;
}

/**
 * Settlement's order (src/machines/generation/settlement-queue.ts rebuildQueue): by time, then by id as
 * localeCompare sorts it; the queue forgets everything before the reset that started its epoch in
 * this order, whatever the journal's order was.
 */
function queueOrder(a: LedgerEvent, b: LedgerEvent): number {
  return Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id);
}

/** Facts after which settlement never looks at a run again (trackEvent's `finish`). */
function ends(event: LedgerEvent): boolean {
  return (
    event.type === 'generation.settled' ||
    event.type === 'generation.unsettled' ||
    (event.type === 'generation.failed' && event.charged === 'no')
  );
}

/**
 * The events of the runs settlement still waits for, per genId, from the first fact of the epoch until
 * the run is settled, given up or failed without a charge: then they are dropped, so this never holds
 * the settled history. A run is open when fal accepted it (`generation.submitted`) and nothing ended it,
 * counting only facts after the epoch's reset in settlement's order, as rebuildQueue does.
 */
export class OpenGenerations {
  private readonly open = new Map<string, Journaled[]>();
  private readonly finished = new Set<string>();
  private reset: Journaled | null = null;
  private cached: LedgerEvent[] | null = null;

  /** Follows one event the fold counts in the current epoch (`at`: its journal position). */
  track(event: LedgerEvent, at: number): void {
    if (event.type === 'ledger.reset') {
      if (!this.reset || queueOrder(event, this.reset.event) < 0) this.reset = { event, at };
      this.cached = null;
      return;
    }
    if (!event.type.startsWith('generation.') || !('genId' in event)) return;
    const { genId } = event;
    if (this.finished.has(genId)) return;
    this.cached = null;
    if (ends(event) && this.counts(event)) {
      this.open.delete(genId);
      this.finished.add(genId);
      return;
    }
    const events = this.open.get(genId);
    if (events) events.push({ event, at });
    else this.open.set(genId, [{ event, at }]);
  }

  /** The reset that started the epoch (the first in settlement's order), if any. */
  get startingReset(): Reset | null {
    return (this.reset?.event as Reset | undefined) ?? null;
  }

  /** The working set's events: the epoch's reset and every event of the open runs, in journal order. */
  events(): LedgerEvent[] {
    if (this.cached) return this.cached;
    const out: Journaled[] = this.reset ? [this.reset] : [];
    for (const [genId, events] of this.open) {
      // A reset that arrived late can move the epoch's start earlier, so facts are judged now.
      if (events.some(({ event }) => ends(event) && this.counts(event))) {
        this.open.delete(genId);
        this.finished.add(genId);
        continue;
      }
      if (events.some(({ event }) => event.type === 'generation.submitted' && this.counts(event))) {
        out.push(...events);
      }
    }
    this.cached = out.sort((a, b) => a.at - b.at).map(({ event }) => event);
    return this.cached;
  }

  /** How many events it holds (open runs and intents not yet accepted). */
  get size(): number {
    let size = 0;
    for (const events of this.open.values()) size += events.length;
    return size;
  }

  private counts(event: LedgerEvent): boolean {
    return this.reset === null || queueOrder(event, this.reset.event) > 0;
  }
}
