import { fromPromise, type PromiseActorLogic } from 'xstate';
import type { DiskLoadResult, DiskPort } from './persistence-ports.ts';

/** Dependencies of `loadLedger`: the authoritative ledger (only its working set). */
export interface LoadLedgerDeps {
  disk: Pick<DiskPort, 'loadWorkingSet'>;
}

/**
 * Reads the ledger's working set from disk (the backend's read model: open generations, the newest
 * reset, the learned window), never the whole history, for the merge with the cache. Failures reject
 * unchanged, so `retryable: false` refusals reach the machine's error state and the rest go offline.
 */
export function defineLoadLedgerActor(deps: LoadLedgerDeps): PromiseActorLogic<DiskLoadResult, void> {
  return fromPromise<DiskLoadResult, void>(async () => {
    const { events, learned } = await deps.disk.loadWorkingSet();
    return { events, learned };
  });
}
