import type { LedgerEvent } from '../domain/ledger/events.ts';

/** A listener for ledger changes: called with the events just made durable (appended or a reset). */
export type LedgerListener = (events: readonly LedgerEvent[]) => void;

/** In-process fan-out of ledger changes to every open `/api/events` stream. */
export interface LedgerBus {
  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: LedgerListener): () => void;
  /** Sends events to every listener; a throwing listener does not stop the others. */
  publish(events: readonly LedgerEvent[]): void;
  /** Number of listeners (open streams), for tests and health. */
  size(): number;
}

/**
 * Creates an empty bus. `first` (the backend's read model) hears every batch before the streams do, so
 * a panel told of a change finds it already in the answers it then asks for; it is not counted in size().
 */
export function createLedgerBus(first?: LedgerListener): LedgerBus {
  const listeners = new Set<LedgerListener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(events) {
      if (events.length === 0) return;
      for (const listener of first ? [first, ...listeners] : [...listeners]) {
        try {
          listener(events);
        } catch (err) {
          console.error('modelbridge: a ledger listener failed:', err);
        }
      }
    },
    size: () => listeners.size,
  };
}
