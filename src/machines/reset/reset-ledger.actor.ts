import { fromPromise, type PromiseActorLogic } from 'xstate';
import { describeFailure, type CachePort, type DiskPort } from '../persistence/persistence-ports.ts';
import type { ResetLedgerOutput } from './reset.machine.ts';

/** Dependencies of `resetLedger`: the disk's reset and the cache's clear. */
export interface ResetLedgerDeps {
  disk: Pick<DiskPort, 'resetLedger'>;
  cache: Pick<CachePort, 'clear'>;
}

/**
 * The typed-DELETE reset: the backend backs up, records `ledger.reset` with a new epoch and compacts;
 * then the browser cache is cleared. A disk failure rejects (nothing was deleted). A cache failure after
 * a successful reset only sets `cacheWarning`: the epoch rule already keeps old rows from coming back.
 */
export function defineResetLedgerActor(deps: ResetLedgerDeps): PromiseActorLogic<ResetLedgerOutput, void> {
  return fromPromise<ResetLedgerOutput, void>(async () => {
    const { backupPath, event } = await deps.disk.resetLedger();
    try {
      await deps.cache.clear();
      return { backupPath, event, cacheWarning: null };
    } catch (error) {
      return { backupPath, event, cacheWarning: describeFailure(error) };
    }
  });
}
