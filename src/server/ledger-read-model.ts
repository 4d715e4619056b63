import type { LedgerLoadProgress } from '../contract/index.ts';
import type { LedgerEvent } from '../domain/ledger/events.ts';
import { createLedgerView, type LedgerView } from '../ledger-view/index.ts';
import type { LedgerJournal } from './context.ts';
import { ApiError } from './errors.ts';

/** Events folded between two yields to the event loop while the read model loads at start. */
export const LOAD_CHUNK_EVENTS = 20_000;

/**
 * How far back a batch published during the load may reach into the journal's first read: the bus
 * publishes a batch after its write resolved, so only the last batch or two can be in both.
 */
const OVERLAP_EVENTS = 2_000;

/** The backend's folded ledger (src/ledger-view), kept up to date as the bus's first listener. */
export interface LedgerReadModel {
  /** Where the load is: `health` shows it, and queries answer 503 until `ready`. */
  progress(): LedgerLoadProgress;
  /** The view, once loaded; 503 `LEDGER_LOADING` (with the progress) before. */
  view(): LedgerView;
  /** Resolves once the journal is folded (every later append is folded as it is published). */
  readonly ready: Promise<void>;
  /** Folds a batch just made durable (the bus's first listener); waits in order while loading. */
  follow(events: readonly LedgerEvent[]): void;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Folds the journal in chunks, yielding between them, so `/api/health` answers (with progress) while
 * a 100k-generation ledger loads. Appends followed meanwhile wait in order and are folded after.
 */
export function startLedgerReadModel(journal: Pick<LedgerJournal, 'all'>): LedgerReadModel {
  const initial = journal.all().slice();
  const progress: LedgerLoadProgress = { phase: 'folding', done: 0, total: initial.length };
  const view = createLedgerView([]);
  let waiting: LedgerEvent[] | null = [];
  const follow = (events: readonly LedgerEvent[]) => {
    if (waiting) waiting.push(...events);
    else view.append(events);
  };
  const ready = (async () => {
    for (let start = 0; start < initial.length; start += LOAD_CHUNK_EVENTS) {
      view.append(initial.slice(start, start + LOAD_CHUNK_EVENTS));
      progress.done = Math.min(initial.length, start + LOAD_CHUNK_EVENTS);
      await nextTick();
    }
    const alreadyFolded = new Set(initial.slice(-OVERLAP_EVENTS).map((event) => event.id));
    const late = (waiting ?? []).filter((event) => !alreadyFolded.has(event.id));
    waiting = null;
    if (late.length > 0) view.append(late);
    progress.phase = 'ready';
    progress.done = progress.total;
  })();
  return {
    progress: () => ({ ...progress }),
    view: () => {
      if (progress.phase === 'ready') return view;
      throw new ApiError(
        503,
        'LEDGER_LOADING',
        `The ledger is still loading (${progress.done} of ${progress.total} events): try again in a moment.`,
        progress,
      );
    },
    ready,
    follow,
  };
}
