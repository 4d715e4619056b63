import { createActor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FX, DEFAULT_THRESHOLDS } from '../../../../src/domain/index.ts';
import { defaultParams, estimateCost } from '../../../../src/domain/pricing/index.ts';
import {
  selectConfirmation,
  selectEstimate,
  selectIsBackground,
  selectPhase,
  selectSendBlocker,
} from '../../../../src/machines/generation/generation.selectors.ts';
import { flush } from '../../../fixtures/machines/controlled-actors.ts';
import {
  ACCEPTED,
  controlledGeneration,
  dollarPerSecond,
  FLUX_DEV,
  FLUX_SCHNELL,
  generationInput,
  settings,
  VEO_FAST,
} from '../../../fixtures/machines/generation.ts';

const MODEL = dollarPerSecond('text-to-video');

function start(overrides: Parameters<typeof generationInput>[0] = {}) {
  const h = controlledGeneration();
  const actor = createActor(h.machine, { input: generationInput({ model: MODEL, ...overrides }) }).start();
  return { ...h, actor };
}

describe('generation machine: confirmation thresholds (single model)', () => {
  // Strictly greater than $5.00 asks (seed-cost-tracking.txt); unknown asks only with confirm-unpriced on.
  it.each([
    ['$4.99', 4.99, true, 'active'],
    ['$5.00 exactly', 5, true, 'active'],
    ['$5.01', 5.01, true, 'confirming'],
    ['$50', 50, true, 'confirming'],
    ['no price, confirm-unpriced on', 'x', true, 'confirming'],
    ['no price, confirm-unpriced off', 'x', false, 'active'],
  ])('%s → %s', (_, duration, confirmUnpriced, expected) => {
    const thresholds = { ...DEFAULT_THRESHOLDS, confirmUnpriced };
    const { actor } = start({ params: { duration }, settings: settings({ thresholds }) });
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().matches(expected as 'active')).toBe(true);
    actor.stop();
  });

  it.each([
    ['EUR', 5, 'active'],
    ['SEK', 5, 'active'],
    ['EUR', 5.01, 'confirming'],
    ['SEK', 5.01, 'confirming'],
  ] as const)('display currency %s does not change the decision at $%s', (currency, duration, expected) => {
    const { actor } = start({ params: { duration }, settings: settings({ displayCurrency: currency }) });
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().matches(expected)).toBe(true);
    actor.stop();
  });

  it('the dialog shows the estimate converted to the display currency', () => {
    const { actor } = start({
      params: { duration: 6 },
      settings: settings({ displayCurrency: 'SEK', fx: DEFAULT_FX }),
    });
    actor.send({ type: 'GENERATE' });
    expect(selectConfirmation(actor.getSnapshot())).toMatchObject({
      usdMicros: 6_000_000,
      displayMicros: 56_400_000, // 6 × 9.4 kr
      currency: 'SEK',
      thresholdUsdMicros: 5_000_000,
    });
    actor.stop();
  });

  it('a changed threshold in Settings applies to the next GENERATE', () => {
    const { actor } = start({ params: { duration: 3 } });
    actor.send({
      type: 'SET_SETTINGS',
      settings: settings({ thresholds: { ...DEFAULT_THRESHOLDS, singleUsdMicros: 2_000_000 } }),
    });
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().matches('confirming')).toBe(true);
    actor.stop();
  });
});

describe('generation machine: the form', () => {
  it('recomputes the estimate on every parameter change and keeps its tier', () => {
    const { actor } = start({ params: { duration: 2 } });
    expect(selectEstimate(actor.getSnapshot())).toMatchObject({ usdMicros: 2_000_000, tier: 'estimated' });
    actor.send({ type: 'SET_PARAMS', params: { duration: 7.5 } });
    expect(selectEstimate(actor.getSnapshot()).usdMicros).toBe(7_500_000);
    actor.send({ type: 'SET_PARAMS', params: { duration: 'soon' } });
    expect(selectEstimate(actor.getSnapshot())).toMatchObject({ usdMicros: null, tier: 'none' });
    actor.stop();
  });

  it('a new model starts from its documented defaults', () => {
    const { actor } = start({ model: FLUX_DEV, params: { image_size: 'square_hd', num_images: 4 } });
    actor.send({ type: 'SET_MODEL', model: FLUX_SCHNELL });
    const { params, estimate } = actor.getSnapshot().context;
    expect(params).toEqual(defaultParams(FLUX_SCHNELL));
    expect(estimate).toEqual(estimateCost(FLUX_SCHNELL, defaultParams(FLUX_SCHNELL)));
    actor.stop();
  });

  it('CANCEL in the dialog returns to the form, sends nothing and records nothing', async () => {
    const { actor, submit, ledger } = start({ params: { duration: 9 } });
    actor.send({ type: 'GENERATE' });
    actor.send({ type: 'CANCEL' });
    await flush();
    expect(actor.getSnapshot().matches('editing')).toBe(true);
    expect(submit.calls).toHaveLength(0);
    expect(ledger.events).toEqual([]);
    actor.stop();
  });

  it('a blank prompt refuses GENERATE (nothing sent); text accepts it', () => {
    const { actor, submit } = start({ params: { duration: 1 } });
    actor.send({ type: 'SET_PROMPT', prompt: ' \n\t ' });
    expect(actor.getSnapshot().can({ type: 'GENERATE' })).toBe(false);
    expect(selectSendBlocker(actor.getSnapshot())).toMatch(/Write a prompt first/);
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().matches('editing')).toBe(true);
    expect(submit.calls).toHaveLength(0);
    actor.send({ type: 'SET_PROMPT', prompt: 'x'.repeat(20_001) });
    expect(selectSendBlocker(actor.getSnapshot())).toMatch(/too long/);
    expect(actor.getSnapshot().can({ type: 'GENERATE' })).toBe(false);
    actor.send({ type: 'SET_PROMPT', prompt: 'a fox' });
    expect(selectSendBlocker(actor.getSnapshot())).toBeNull();
    expect(actor.getSnapshot().can({ type: 'GENERATE' })).toBe(true);
    actor.stop();
  });

  it('CONTINUE in the dialog sends the request', () => {
    const { actor, submit } = start({ params: { duration: 9 } });
    actor.send({ type: 'GENERATE' });
    actor.send({ type: 'CONTINUE' });
    expect(submit.calls).toHaveLength(1);
    expect(submit.last().input).toEqual({
      endpointId: MODEL.endpoint_id,
      falInput: { duration: 9, prompt: 'a red fox in snow' },
      intentId: actor.getSnapshot().context.genId,
    });
    actor.stop();
  });

  it('ignores a second GENERATE while submitting', async () => {
    const { actor, submit } = start({ params: { duration: 1 } });
    actor.send({ type: 'GENERATE' });
    expect(selectPhase(actor.getSnapshot())).toBe('sending');
    expect(actor.getSnapshot().can({ type: 'GENERATE' })).toBe(false);
    actor.send({ type: 'GENERATE' });
    await flush();
    expect(submit.calls).toHaveLength(1);
    actor.stop();
  });

  it('a Dual Mode slot starts at once and never asks on its own (the pair was confirmed)', () => {
    const { actor, submit } = start({
      params: { duration: 7 },
      dual: { groupId: 'g', slot: 'primary' },
      autoStart: true,
    });
    expect(actor.getSnapshot().matches('active')).toBe(true);
    expect(submit.calls).toHaveLength(1);
    actor.stop();
  });
});

describe('generation machine: background hand-off', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['image', FLUX_DEV, 20_000],
    ['video', VEO_FAST, 90_000],
    ['audio', dollarPerSecond('text-to-speech', 'test/tts'), 30_000],
  ] as const)('a %s run moves to the background after %s ms', async (_, model, windowMs) => {
    const { actor, submit } = start({ model, params: { duration: 1 } });
    actor.send({ type: 'GENERATE' });
    if (actor.getSnapshot().matches('confirming')) actor.send({ type: 'CONTINUE' });
    submit.last().resolve(ACCEPTED);
    await vi.advanceTimersByTimeAsync(windowMs - 1);
    expect(selectIsBackground(actor.getSnapshot())).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(selectIsBackground(actor.getSnapshot())).toBe(true);
    expect(actor.getSnapshot().matches('active')).toBe(true);
    actor.stop();
  });

  it('the window comes from Settings', async () => {
    const { actor } = start({
      model: FLUX_DEV,
      settings: settings({ foregroundMs: { image: 5_000, video: 1, audio: 1 } }),
    });
    actor.send({ type: 'GENERATE' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(selectIsBackground(actor.getSnapshot())).toBe(true);
    actor.stop();
  });

  it('a run that ends inside the window never goes to the background', async () => {
    const { actor, submit } = start({ model: FLUX_DEV });
    actor.send({ type: 'GENERATE' });
    submit.last().reject({ kind: 'VALIDATION', charged: 'no', retryable: false, message: 'bad input' });
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(actor.getSnapshot().matches('failed')).toBe(true);
    expect(selectIsBackground(actor.getSnapshot())).toBe(false);
    actor.stop();
  });
});
