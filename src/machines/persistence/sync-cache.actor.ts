import { type CallbackActorLogic, fromCallback } from 'xstate';
import { foldLedger, type LedgerState } from '../../domain/index.ts';
import {
  type CacheCommand,
  type CacheFailedEvent,
  type CachePort,
  type CacheRecoveredEvent,
  describeFailure,
} from './persistence-ports.ts';

/** Dependencies of `syncCache`: the browser cache, holding the folded state beside the events. */
export interface SyncCacheDeps {
  cache: Pick<CachePort<LedgerState>, 'save' | 'addPending' | 'ackPending'>;
}

async function apply(cache: SyncCacheDeps['cache'], command: CacheCommand): Promise<void> {
  switch (command.type) {
    case 'cache.addPending':
      return cache.addPending(command.events);
    case 'cache.ackPending':
      return cache.ackPending(command.ids);
    case 'cache.save':
      return cache.save({
        state: foldLedger(command.events),
        events: command.events,
        pending: command.pending,
      });
  }
}

/**
 * The persistence machine's cache writer: applies cache commands one at a time, in order. A full save
 * supersedes every command still queued (it holds everything they would have written), so a burst of
 * merges costs one write. Failures are sent back as CACHE_FAILED (the events stay safe in memory and on
 * disk), and the first success after a failure as CACHE_OK.
 */
export function defineSyncCacheActor(deps: SyncCacheDeps): CallbackActorLogic<CacheCommand> {
  return fromCallback<CacheCommand>(({ sendBack, receive }) => {
    let queue: CacheCommand[] = [];
    let running = false;
    let stopped = false;
    let failing = false;
    const drain = async () => {
      running = true;
      for (let command = queue.shift(); command && !stopped; command = queue.shift()) {
        try {
          await apply(deps.cache, command);
          if (failing && !stopped) sendBack({ type: 'CACHE_OK' } satisfies CacheRecoveredEvent);
          failing = false;
        } catch (error) {
          failing = true;
          if (!stopped)
            sendBack({ type: 'CACHE_FAILED', reason: describeFailure(error) } satisfies CacheFailedEvent);
        }
      }
      running = false;
    };
    receive((command) => {
      queue = command.type === 'cache.save' ? [command] : [...queue, command];
      if (!running) void drain();
    });
    return () => {
      stopped = true;
      queue = [];
    };
  });
}
