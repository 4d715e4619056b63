import { fromPromise, type PromiseActorLogic } from 'xstate';
import { toRunFailure } from '../generation-failure.ts';
import type { RequestRef } from '../generation-run.contract.ts';
import type { ClockPort, FalPort } from '../ports.ts';
import type { RereadResultOutput } from '../settlement.machine.ts';
import { withTimeout } from './with-timeout.ts';

/** Dependencies of `rereadResult`: fal's queue (only `result`) and the clock. */
export interface RereadResultDeps {
  fal: Pick<FalPort, 'result'>;
  clock: ClockPort;
  /** Deadline of the result fetch in ms; default 30 s. */
  requestTimeoutMs?: number;
}

/**
 * Reads a request's result again for settlement (fal keeps it for days, modelbridge-docs.md §9): only
 * the billable units and bill-as endpoint; the media is not downloaded. Rejects with a RunFailure.
 */
export function defineRereadResultActor(
  deps: RereadResultDeps,
): PromiseActorLogic<RereadResultOutput, RequestRef> {
  return fromPromise<RereadResultOutput, RequestRef>(async ({ input }) => {
    try {
      const call = deps.fal.result(input.endpointId, input.requestId);
      const { billableUnits, billAs } = await withTimeout(
        call,
        deps.requestTimeoutMs ?? 30_000,
        'the result re-read',
      );
      return { billableUnits, billAs, at: deps.clock.now() };
    } catch (error) {
      throw toRunFailure(error, deps.clock.now());
    }
  });
}
