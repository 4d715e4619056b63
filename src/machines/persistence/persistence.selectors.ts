import type { SnapshotFrom } from 'xstate';
import { foldLedger, type LedgerEvent, type LedgerState } from '../../domain/index.ts';
import type { persistenceMachine } from './persistence.machine.ts';

/** A persistence machine snapshot, as `useSelector` passes it. */
export type PersistenceSnapshot = SnapshotFrom<typeof persistenceMachine>;

/** The one status line (ARCHITECTURE.md § Persistence): Saved · Saving… · Offline, N unsaved · Error. */
export type PersistenceStatusKind = 'booting' | 'saved' | 'saving' | 'offline' | 'error';

/** What the status line shows. `unsaved` counts events not yet acknowledged by disk. */
export interface PersistenceStatus {
  kind: PersistenceStatusKind;
  unsaved: number;
  /** Why disk failed (offline and error; also while a retry runs). */
  reason?: string;
  /** Why the browser cache failed; data is still safe on disk (shown as a quiet warning). */
  cacheWarning?: string;
}

function statusKind(snapshot: PersistenceSnapshot): PersistenceStatusKind {
  const { attempt, reason } = snapshot.context;
  if (snapshot.matches('saved')) return 'saved';
  if (snapshot.matches('offline')) return 'offline';
  if (snapshot.matches('error')) return 'error';
  // A retry after going offline stays "Offline (retrying)" until disk has taken every pending event.
  if (attempt > 0) return 'offline';
  if (snapshot.matches('booting')) return 'booting';
  if (snapshot.matches('cached') && reason === null) return 'booting';
  return 'saving';
}

let lastStatus: PersistenceStatus = { kind: 'booting', unsaved: 0 };

function sameStatus(a: PersistenceStatus, b: PersistenceStatus): boolean {
  return (
    a.kind === b.kind && a.unsaved === b.unsaved && a.reason === b.reason && a.cacheWarning === b.cacheWarning
  );
}

/**
 * The status line's content. Returns the previous object while nothing shown changed, so
 * `useSelector(ref, selectStatus)` re-renders only on a visible change.
 */
export function selectStatus(snapshot: PersistenceSnapshot): PersistenceStatus {
  const { pending, reason, cacheWarning } = snapshot.context;
  const kind = statusKind(snapshot);
  const next: PersistenceStatus = {
    kind,
    unsaved: pending.length,
    ...(reason !== null && kind !== 'saved' && kind !== 'booting' ? { reason } : {}),
    ...(cacheWarning !== null ? { cacheWarning } : {}),
  };
  if (!sameStatus(next, lastStatus)) lastStatus = next;
  return lastStatus;
}

const folds = new WeakMap<readonly LedgerEvent[], LedgerState>();

/** The folded ledger (rows, totals come from it via `src/domain`); memoised by the events array's identity. */
export function selectLedgerState(snapshot: PersistenceSnapshot): LedgerState {
  const { events } = snapshot.context;
  let state = folds.get(events);
  if (!state) {
    state = foldLedger(events);
    folds.set(events, state);
  }
  return state;
}

/** The epoch new events must be recorded in (after a reset: its `newEpoch`). */
export function selectEpoch(snapshot: PersistenceSnapshot): number {
  return snapshot.context.epoch;
}

/** True when a Retry button makes sense (offline or error). */
export function selectCanRetry(snapshot: PersistenceSnapshot): boolean {
  return snapshot.can({ type: 'RETRY' });
}
