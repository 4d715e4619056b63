import { applyFollowUp, applyRequested, applySubmitted } from './apply-generation.ts';
import { isLiveIn, newestResetEpoch } from './epoch.ts';
import type { LedgerEvent, LedgerEventOf } from './events.ts';
import { emptyLedgerState, type LedgerState } from './state.ts';

/** Adds an imported batch; rows whose key is already in the ledger are skipped (re-import adds nothing). */
function applyImported(state: LedgerState, e: LedgerEventOf<'external.imported'>): void {
  const known = new Set(state.externals.map((row) => row.key));
  for (const row of e.rows) {
    if (known.has(row.key)) continue;
    known.add(row.key);
    state.externals.push({
      ...row,
      tags: { ...row.tags },
      batchId: e.batchId,
      fileName: e.fileName,
      importedAt: e.at,
      fx: { ...e.fx, rates: { ...e.fx.rates } },
    });
  }
}

/** Defines or replaces a pool; a change to a pool that does not exist (e.g. reset since) is ignored. */
function applyPool(state: LedgerState, e: LedgerEventOf<'pool.defined' | 'pool.changed'>): void {
  const existing = state.pools[e.poolId];
  if (e.type === 'pool.changed' && !existing) return;
  state.pools[e.poolId] = {
    poolId: e.poolId,
    name: e.name,
    amountMicros: e.amountMicros,
    currency: e.currency,
    period: { ...e.period },
    rule: JSON.parse(JSON.stringify(e.rule)),
    scope: { projects: [...e.scope.projects] },
    fx: { ...e.fx, rates: { ...e.fx.rates } },
    definedAt: existing?.definedAt ?? e.at,
    changedAt: e.at,
  };
}

/** Applies one live event to a draft state in place. */
function applyEvent(state: LedgerState, e: LedgerEvent): void {
  switch (e.type) {
    case 'generation.requested':
      applyRequested(state, e);
      return;
    case 'generation.submitted':
      applySubmitted(state, e);
      return;
    case 'external.imported':
      applyImported(state, e);
      return;
    case 'pool.defined':
    case 'pool.changed':
      applyPool(state, e);
      return;
    case 'pool.removed':
      delete state.pools[e.poolId];
      return;
    case 'ledger.reset':
      // Already applied: the fold starts at the newest reset's epoch, with everything older dropped.
      return;
    default:
      applyFollowUp(state, e);
      return;
  }
}

/**
 * Folds ledger events, in the order given (the journal's order, or mergeEvents' (at, id) order),
 * into plain JSON state. Events of an epoch lower than the newest `ledger.reset`'s `newEpoch` are
 * ignored, so a reset clears everything before it. Follow-ups for an unknown genId are ignored, not
 * an error. Pass `from` (a cached state) to fold only newer events onto it; `from` is not changed.
 */
export function foldLedger(events: readonly LedgerEvent[], from?: LedgerState): LedgerState {
  const start: LedgerState = from ? JSON.parse(JSON.stringify(from)) : emptyLedgerState();
  return applyLedgerEvents(start, events);
}

/**
 * foldLedger in place, for a state that lives on (the backend's read model folds each append onto
 * it): returns `state` itself, changed, or a new empty state when `events` hold a newer reset.
 */
export function applyLedgerEvents(state: LedgerState, events: readonly LedgerEvent[]): LedgerState {
  const epoch = Math.max(state.epoch, newestResetEpoch(events));
  const target = epoch > state.epoch ? emptyLedgerState(epoch) : state;
  for (const event of events) {
    if (isLiveIn(event, epoch)) applyEvent(target, event);
  }
  target.lastEventId = events[events.length - 1]?.id ?? target.lastEventId;
  return target;
}
