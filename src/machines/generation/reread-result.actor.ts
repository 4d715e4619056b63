import { fromPromise, type PromiseActorLogic } from 'xstate';
import { toRunFailure } from './generation-failure.ts';
import type { RequestRef } from './generation-run.contract.ts';
import type { ClockPort, FalPort } from '../ports.ts';
import type { RereadResultOutput } from './settlement.machine.ts';
import { withTimeout } from './with-timeout.ts';

/** Dependencies of `rereadResult`: fal's queue (only `result`) and the clock. */
export interface RereadResultDeps {
  fal: Pick<FalPort, 'result'>;
  clock: ClockPort;
  /** Deadline of the result fetch in ms; default 30 s. */
  requestTimeoutMs?: number;
}

/**
 * True for fal's refusal of a result because the run was cancelled before it produced anything: the
 * classified error says `cancelled` and `charged: 'no'` (src/fal FalError). Anything else may still
 * turn into a billed result later, so it is retried.
 */
function isCancelledUnbilled(error: unknown): boolean {
  const facts = error as { cancelled?: unknown; charged?: unknown } | null;
  return facts?.cancelled === true && facts.charged === 'no';
}

/**
 * Reads a request's result again for settlement (fal keeps it for days, modelbridge-docs.md §9): only
 * the billable units and bill-as endpoint; the media is not downloaded. A result fal refuses as
 * cancelled resolves with `notBilled`; any other failure rejects with a RunFailure.
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
      if (isCancelledUnbilled(error)) {
        return { billableUnits: null, billAs: null, at: deps.clock.now(), notBilled: true };
      }
      throw toRunFailure(error, deps.clock.now());
    }
  });
}
