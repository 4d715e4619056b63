import { fromPromise, type PromiseActorLogic } from 'xstate';

import type { DiskAppendResult, DiskPort, PortFailure, SaveEventsInput } from './persistence-ports.ts';

/** Dependencies of `saveEvents`: the authoritative ledger (only its `appendEvents`). */
export interface SaveEventsDeps {
  disk: Pick<DiskPort, 'appendEvents'>;
}

/** The disk answered but acknowledged none of the batch: treated as a retryable failure. */
class NothingAcknowledgedError extends Error implements PortFailure {
  readonly retryable = true;

  constructor(count: number) {
    super(
      `The backend answered but confirmed none of the ${count} events sent. They stay pending and are ` +
        'sent again; if this repeats, restart modelBridge.',
    );
    this.name = 'NothingAcknowledgedError';
  }
}

/**
 * Writes one batch of pending events to disk and resolves with the ids disk settled (only ids that
 * were sent): on disk, or superseded by a reset. An empty batch resolves at once without I/O; a reply confirming none of a non-empty
 * batch rejects (NothingAcknowledgedError) so the machine backs off instead of spinning.
 */
export function defineSaveEventsActor(
  deps: SaveEventsDeps,
): PromiseActorLogic<DiskAppendResult, SaveEventsInput> {
  return fromPromise<DiskAppendResult, SaveEventsInput>(async ({ input }) => {
    if (input.events.length === 0) return { acknowledged: [] };
    const { acknowledged, superseded = [] } = await deps.disk.appendEvents(input.events);
    const sent = new Set(input.events.map((e) => e.id));
    // A superseded event is settled too: a reset removed it, so it leaves the outbox without being written.
    const confirmed = [...new Set([...acknowledged, ...superseded])].filter((id) => sent.has(id));
    if (confirmed.length === 0) throw new NothingAcknowledgedError(input.events.length);
    return { acknowledged: confirmed };
  });
}
