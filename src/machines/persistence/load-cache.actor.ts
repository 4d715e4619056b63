import { fromPromise, type PromiseActorLogic } from 'xstate';

import type { CachedLedger, CachePort } from './persistence-ports.ts';

/** Dependencies of `loadCache`: the browser cache (only its `load`). */
export interface LoadCacheDeps {
  cache: Pick<CachePort, 'load'>;
}

/**
 * Reads the browser cache at boot so the panel renders at once; resolves null for an empty cache and
 * rejects with the cache's own error (the machine shows it as a warning and carries on with disk).
 */
export function defineLoadCacheActor(deps: LoadCacheDeps): PromiseActorLogic<CachedLedger, void> {
  return fromPromise<CachedLedger, void>(async () => {
    const contents = await deps.cache.load();
    return contents ? { events: contents.events, pending: contents.pending } : null;
  });
}
