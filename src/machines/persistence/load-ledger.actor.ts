import { fromPromise, type PromiseActorLogic } from 'xstate';
import type { DiskLoadResult, DiskPort } from './persistence-ports.ts';

/** Dependencies of `loadLedger`: the authoritative ledger (only its `loadLedger`). */
export interface LoadLedgerDeps {
  disk: Pick<DiskPort, 'loadLedger'>;
}

/**
 * Reads every event from disk (the backend's journal) for the merge with the cache. Failures reject
 * unchanged, so `retryable: false` refusals reach the machine's error state and the rest go offline.
 */
export function defineLoadLedgerActor(deps: LoadLedgerDeps): PromiseActorLogic<DiskLoadResult, void> {
  return fromPromise<DiskLoadResult, void>(async () => {
    const { events } = await deps.disk.loadLedger();
    return { events };
  });
}
