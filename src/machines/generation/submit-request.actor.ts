import type { PromiseActorLogic } from 'xstate';
import type { SubmitRequestInput, SubmitRequestOutput } from './generation-run.contract.ts';
import type { ClockPort, FalPort } from '../ports.ts';
import { defineRunCallActor } from './run-call.actor.ts';

/** Dependencies of `submitRequest`: fal's queue (only `submit`) and the clock. */
export interface SubmitRequestDeps {
  fal: Pick<FalPort, 'submit'>;
  clock: ClockPort;
}

/**
 * Sends the request to fal's queue and resolves once fal accepted it (request id, queue position, the
 * time sending began and the time fal answered). Rejects with a RunFailure keeping fal's classification.
 */
export function defineSubmitRequestActor(
  deps: SubmitRequestDeps,
): PromiseActorLogic<SubmitRequestOutput, SubmitRequestInput> {
  return defineRunCallActor(deps.clock, async (input: SubmitRequestInput): Promise<SubmitRequestOutput> => {
    const sentAt = deps.clock.now();
    const { requestId, queuePosition } = await deps.fal.submit(
      input.endpointId,
      input.falInput,
      input.intentId,
    );
    return { requestId, queuePosition, sentAt, at: deps.clock.now() };
  });
}
