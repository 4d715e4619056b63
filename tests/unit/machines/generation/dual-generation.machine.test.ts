import { createActor, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../../src/domain/index.ts';
import {
  type DualGenerationInput,
  dualGenerationMachine,
} from '../../../../src/machines/generation/dual-generation.machine.ts';
import {
  selectCombinedEstimate,
  selectDualConfirmation,
  selectPairError,
  selectSlotRef,
} from '../../../../src/machines/generation/dual-generation.selectors.ts';
import { selectPhase } from '../../../../src/machines/generation/generation.selectors.ts';
import { flush } from '../../../fixtures/machines/controlled-actors.ts';
import {
  ACCEPTED,
  controlledGeneration,
  dollarPerSecond,
  FLUX_DEV,
  RESULT,
  settings,
  TAGS,
  T,
  VEO_FAST,
} from '../../../fixtures/machines/generation.ts';

const A = dollarPerSecond('text-to-video', 'test/video-a');
const B = dollarPerSecond('text-to-video', 'test/video-b');

function input(a: unknown, b: unknown, overrides: Partial<DualGenerationInput> = {}): DualGenerationInput {
  return {
    groupId: 'pair-1',
    primary: { genId: 'gen-a', model: A, params: { duration: a } },
    secondary: { genId: 'gen-b', model: B, params: { duration: b } },
    prompt: 'two takes of a lighthouse',
    tags: TAGS,
    settings: settings(),
    ...overrides,
  };
}

function start(dual: DualGenerationInput) {
  const h = controlledGeneration();
  const actor = createActor(dualGenerationMachine.provide({ actors: { generation: h.machine } }), {
    input: dual,
  }).start();
  return { ...h, actor };
}

describe('Dual Mode: combined estimate and the $8.00 threshold', () => {
  it.each([
    ['$8.00 combined does not ask', 4, 4, 'running'],
    ['$8.01 combined asks', 4, 4.01, 'confirming'],
    ['$5.01 + $1.00 asks nothing (each slot alone is not compared with $5)', 5.01, 1, 'running'],
    ['an unpriced slot asks (confirm-unpriced on)', 4, 'x', 'confirming'],
  ])('%s', (_, a, b, expected) => {
    const { actor } = start(input(a, b));
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().value).toBe(expected);
    actor.stop();
  });

  it('an unpriced slot does not ask with confirm-unpriced off', () => {
    const off = settings({ thresholds: { ...DEFAULT_THRESHOLDS, confirmUnpriced: false } });
    const { actor } = start(input(4, 'x', { settings: off }));
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().value).toBe('running');
    actor.stop();
  });

  it('the combined estimate is the sum, recomputed when a slot changes', () => {
    const { actor } = start(input(3, 2));
    expect(selectCombinedEstimate(actor.getSnapshot())).toMatchObject({
      usdMicros: 5_000_000,
      tier: 'estimated',
    });
    actor.send({ type: 'SET_PARAMS', slot: 'secondary', params: { duration: 6 } });
    expect(selectCombinedEstimate(actor.getSnapshot())?.usdMicros).toBe(9_000_000);
    actor.send({ type: 'GENERATE' });
    expect(selectDualConfirmation(actor.getSnapshot())).toMatchObject({ thresholdUsdMicros: 8_000_000 });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('editing');
    expect(selectSlotRef(actor.getSnapshot(), 'primary')).toBeNull();
    actor.stop();
  });
});

describe('Dual Mode: pair rules', () => {
  it.each([
    ['the same model twice', { genId: 'gen-b', model: A }, /two different models/],
    ['two kinds of media', { genId: 'gen-b', model: FLUX_DEV }, /same kind of media/],
    ['no second model', { genId: 'gen-b', model: null }, /Choose a second model/],
  ])('refuses %s with a clear error before anything is sent', async (_, secondary, message) => {
    const { actor, submit } = start(input(1, 1, { secondary }));
    actor.send({ type: 'GENERATE' });
    await flush();
    expect(actor.getSnapshot().value).toBe('editing');
    expect(selectPairError(actor.getSnapshot())).toMatch(message);
    expect(submit.calls).toHaveLength(0);
    actor.send({ type: 'SET_MODEL', slot: 'secondary', model: B });
    expect(selectPairError(actor.getSnapshot())).toBeNull();
    actor.stop();
  });

  it('a real pair of video models can run together', () => {
    const { actor } = start(
      input(1, 1, {
        secondary: { genId: 'gen-b', model: VEO_FAST, params: { duration: '4s', resolution: '720p' } },
      }),
    );
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().value).toBe('running');
    actor.stop();
  });
});

describe('Dual Mode: two runs, one group', () => {
  it('sends both with the same prompt and tags; ledger rows carry group id and slot; each slot ends on its own', async () => {
    const h = start(input(1, 2));
    h.actor.send({ type: 'GENERATE' });
    expect(h.submit.calls.map((c) => [c.input.endpointId, c.input.falInput.prompt])).toEqual([
      [A.endpoint_id, 'two takes of a lighthouse'],
      [B.endpoint_id, 'two takes of a lighthouse'],
    ]);
    h.submit.calls[0]?.resolve(ACCEPTED);
    h.submit.calls[1]?.reject({ kind: 'SERVER', charged: 'no', retryable: true, message: 'fal is down' });
    await flush();
    const submitted = h.ledger.events.filter((e) => e.type === 'generation.submitted');
    expect(submitted).toEqual([
      expect.objectContaining({ genId: 'gen-a', dual: { groupId: 'pair-1', slot: 'primary' }, tags: TAGS }),
    ]);
    expect(h.actor.getSnapshot().context.phases).toEqual({ primary: 'queued', secondary: 'failed' });
    expect(h.actor.getSnapshot().value).toBe('running');

    h.watch.sendBack({
      type: 'STATUS',
      status: 'COMPLETED',
      queuePosition: null,
      logs: [],
      error: null,
      at: T(9),
    });
    await flush();
    h.fetch.last().resolve(RESULT);
    await flush();
    h.importMedia.last().resolve({ paths: ['/project/a.png'], at: T(30) });
    await waitFor(h.actor, (s) => s.matches('finished'));
    expect(h.actor.getSnapshot().context.phases).toEqual({ primary: 'done', secondary: 'failed' });

    // Retry the failed slot only: a new request for it, the other keeps its result.
    h.actor.send({ type: 'RETRY_SLOT', slot: 'secondary' });
    expect(h.actor.getSnapshot().value).toBe('running');
    expect(h.submit.calls).toHaveLength(3);
    expect(h.submit.last().input.endpointId).toBe(B.endpoint_id);
    const slotB = selectSlotRef(h.actor.getSnapshot(), 'secondary');
    expect(slotB && selectPhase(slotB.getSnapshot())).toBe('sending');
    h.actor.send({ type: 'RETRY_SLOT', slot: 'primary' });
    expect(h.submit.calls).toHaveLength(3);
    h.actor.stop();
  });

  it('cancels one slot', async () => {
    const h = start(input(1, 2));
    h.actor.send({ type: 'GENERATE' });
    h.submit.calls[0]?.resolve(ACCEPTED);
    h.submit.calls[1]?.resolve({ ...ACCEPTED, requestId: 'req-2' });
    await flush();
    h.actor.send({ type: 'CANCEL_SLOT', slot: 'secondary' });
    await flush();
    expect(h.cancel.last().input.requestId).toBe('req-2');
    expect(h.cancel.calls).toHaveLength(1);
    h.actor.stop();
  });
});
