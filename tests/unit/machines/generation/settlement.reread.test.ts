import { createActor, toPromise } from 'xstate';
import { describe, expect, it } from 'vitest';
import { FalError } from '../../../../src/fal/index.ts';
import { defineRereadResultActor } from '../../../../src/machines/generation/reread-result.actor.ts';
import { fakeClock } from '../../../fixtures/machines/ports.ts';

/** Settlement's re-read actor: which refusals of a result end the wait, and which are retried. */

const REQ = { endpointId: 'fal-ai/veo3.1', requestId: 'req-1' };

function rereadFailingWith(error: FalError) {
  const fal = { result: () => Promise.reject(error) };
  return toPromise(createActor(defineRereadResultActor({ fal, clock: fakeClock() }), { input: REQ }).start());
}

const falError = (init: Partial<ConstructorParameters<typeof FalError>[0]>) =>
  new FalError({
    kind: 'UNKNOWN',
    charged: 'maybe',
    retryable: false,
    requestId: 'req-1',
    message: 'x',
    ...init,
  });

describe('rereadResult', () => {
  it('a result refused as cancelled and not charged resolves as not billed', async () => {
    await expect(rereadFailingWith(falError({ charged: 'no', cancelled: true }))).resolves.toEqual({
      billableUnits: null,
      billAs: null,
      at: '2025-11-03T09:00:00.000Z',
      notBilled: true,
    });
  });

  it.each([
    ['a server error (may be passing)', falError({ kind: 'SERVER', charged: 'no' })],
    ['a cancelled run that may still be charged', falError({ charged: 'maybe', cancelled: true })],
    ['a network failure', falError({ kind: 'NETWORK', retryable: true })],
  ])('%s rejects, so settlement tries again later', async (_name, error) => {
    await expect(rereadFailingWith(error)).rejects.toMatchObject({
      kind: error.kind,
      charged: error.charged,
    });
  });
});
