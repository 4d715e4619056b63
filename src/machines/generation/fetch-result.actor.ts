import { fromPromise, type PromiseActorLogic } from 'xstate';
import { toRunFailure } from './generation-failure.ts';
import type { FetchResultOutput, RequestRef } from './generation-run.contract.ts';
import type { ClockPort, FalPort } from '../ports.ts';
import { mediaOfResult } from './media-of-result.ts';
import { withTimeout } from './with-timeout.ts';

/** Dependencies of `fetchResult`: fal's queue (only `result`) and the clock. */
export interface FetchResultDeps {
  fal: Pick<FalPort, 'result'>;
  clock: ClockPort;
  /** Deadline of the result fetch in ms; default 30 s. */
  requestTimeoutMs?: number;
}

/**
 * Reads a finished request's result: its media files and fal's billable units and bill-as endpoint
 * (units null when fal did not report them). Rejects with a RunFailure keeping fal's classification.
 */
export function defineFetchResultActor(
  deps: FetchResultDeps,
): PromiseActorLogic<FetchResultOutput, RequestRef> {
  return fromPromise<FetchResultOutput, RequestRef>(async ({ input }) => {
    try {
      const call = deps.fal.result(input.endpointId, input.requestId);
      const result = await withTimeout(call, deps.requestTimeoutMs ?? 30_000, 'the result fetch');
      const { billableUnits, billAs } = result;
      return { media: mediaOfResult(result.data), billableUnits, billAs, at: deps.clock.now() };
    } catch (error) {
      throw toRunFailure(error, deps.clock.now());
    }
  });
}
