import { fromPromise } from 'xstate';
import type { PoolView } from '../../contract/index.ts';
import { type ClockPort, type LedgerEventDraft, type LedgerSource, ledgerIn } from '../ports.ts';
import type { PoolListPort } from './pool-editor-ports.ts';
import type { PoolChange } from './pool-editor.machine.ts';

/** What the pool editor's I/O runs over: the backend's pool list, and the panel's ledger (outbox → disk). */
export interface PoolEditorDeps {
  pools: PoolListPort;
  ledger: LedgerSource;
  clock: ClockPort;
  newId: () => string;
}

/** The one `pool.*` event a change records; a new pool takes its defining event's id as its own. */
export function poolEventOf(change: PoolChange, id: string, at: string): LedgerEventDraft {
  const envelope = { id, at, v: 1 as const };
  switch (change.kind) {
    case 'define':
      return { ...envelope, type: 'pool.defined', poolId: id, ...change.body, fx: change.fx };
    case 'change':
      return { ...envelope, type: 'pool.changed', poolId: change.poolId, ...change.body, fx: change.fx };
    case 'remove':
      return { ...envelope, type: 'pool.removed', poolId: change.poolId };
  }
}

/** The pool editor's actors: read the pools; record a change as one event, durably. */
export function definePoolEditorActors(deps: PoolEditorDeps) {
  return {
    loadPools: fromPromise<PoolView[], void>(async () => (await deps.pools.pools()).pools),
    recordPool: fromPromise<void, PoolChange>(async ({ input, system }) => {
      const event = poolEventOf(input, `pool-${deps.newId()}`, deps.clock.now());
      await ledgerIn(deps.ledger, system).recordDurably([event]);
    }),
  };
}
