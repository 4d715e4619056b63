import type { PromiseActorLogic } from 'xstate';
import type { CancelRequestOutput, RequestRef } from './generation-run.contract.ts';
import type { ClockPort, FalPort } from '../ports.ts';
import { defineRunCallActor } from './run-call.actor.ts';

/** Dependencies of `cancelRequest`: fal's queue (only `cancel`) and the clock. */
export interface CancelRequestDeps {
  fal: Pick<FalPort, 'cancel'>;
  clock: ClockPort;
}

/**
 * Asks fal to cancel a request and resolves with fal's answer; ALREADY_COMPLETED means it finished
 * (and is billed). Rejects with a RunFailure when the cancel did not reach fal.
 */
export function defineCancelRequestActor(
  deps: CancelRequestDeps,
): PromiseActorLogic<CancelRequestOutput, RequestRef> {
  return defineRunCallActor(deps.clock, async (input: RequestRef): Promise<CancelRequestOutput> => {
    const reply = await deps.fal.cancel(input.endpointId, input.requestId);
    return { reply, at: deps.clock.now() };
  });
}
