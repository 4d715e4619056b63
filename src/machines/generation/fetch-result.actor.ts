import type { PromiseActorLogic } from 'xstate';
import type { FetchResultOutput, RequestRef } from './generation-run.contract.ts';
import { mediaOfResult } from './media-of-result.ts';
import { type ReadResultDeps, readResult } from './read-result.ts';
import { defineRunCallActor } from './run-call.actor.ts';

/**
 * Reads a finished request's result: its media files and fal's billable units and bill-as endpoint
 * (units null when fal did not report them). Rejects with a RunFailure keeping fal's classification.
 */
export function defineFetchResultActor(
  deps: ReadResultDeps,
): PromiseActorLogic<FetchResultOutput, RequestRef> {
  return defineRunCallActor(deps.clock, async (input: RequestRef): Promise<FetchResultOutput> => {
    const { data, billableUnits, billAs } = await readResult(deps, input, 'the result fetch');
    return { media: mediaOfResult(data), billableUnits, billAs, at: deps.clock.now() };
  });
}
