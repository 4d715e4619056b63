import type { PromiseActorLogic } from 'xstate';
import type { RequestRef } from './generation-run.contract.ts';
import { type ReadResultDeps, readResult } from './read-result.ts';
import { defineRunCallActor } from './run-call.actor.ts';
import type { RereadResultOutput } from './settlement.machine.ts';

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
  deps: ReadResultDeps,
): PromiseActorLogic<RereadResultOutput, RequestRef> {
  return defineRunCallActor(deps.clock, async (input: RequestRef): Promise<RereadResultOutput> => {
    try {
      const { billableUnits, billAs } = await readResult(deps, input, 'the result re-read');
      return { billableUnits, billAs, at: deps.clock.now() };
    } catch (error) {
      if (!isCancelledUnbilled(error)) throw error;
      return { billableUnits: null, billAs: null, at: deps.clock.now(), notBilled: true };
    }
  });
}
