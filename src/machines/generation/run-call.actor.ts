import { fromPromise, type PromiseActorLogic } from 'xstate';
import { toRunFailure } from './generation-failure.ts';
import type { ClockPort } from '../ports.ts';

/**
 * A promise actor for one outside call of a run (fal's queue or the host): resolves with what `call`
 * resolves with, or rejects with a RunFailure seen at the clock's time, keeping fal's classification.
 */
export function defineRunCallActor<Output, Input>(
  clock: ClockPort,
  call: (input: Input) => Promise<Output>,
): PromiseActorLogic<Output, Input> {
  return fromPromise<Output, Input>(async ({ input }) => {
    try {
      return await call(input);
    } catch (error) {
      throw toRunFailure(error, clock.now());
    }
  });
}
