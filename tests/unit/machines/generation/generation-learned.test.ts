import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  configKey,
  DEFAULT_THRESHOLDS,
  defaultParams,
  type LearnedRuns,
  type LearnedSample,
} from '../../../../src/domain/index.ts';
import type { CatalogModel } from '../../../../src/domain/pricing/index.ts';
import { dualGenerationMachine } from '../../../../src/machines/generation/dual-generation.machine.ts';
import { selectCombinedEstimate } from '../../../../src/machines/generation/dual-generation.selectors.ts';
import {
  initialGenerationContext,
  reestimate,
} from '../../../../src/machines/generation/generation.context.ts';
import type { GenerationContext } from '../../../../src/machines/generation/generation.machine.ts';
import { selectEstimate } from '../../../../src/machines/generation/generation.selectors.ts';
import { flush } from '../../../fixtures/machines/controlled-actors.ts';
import {
  ACCEPTED,
  controlledGeneration,
  dollarPerSecond,
  FLUX_DEV,
  generationInput,
  settings,
  TAGS,
  VEO_FAST,
} from '../../../fixtures/machines/generation.ts';

const NOW = '2025-11-04T09:00:00.000Z';
const MODEL = dollarPerSecond('text-to-video');

/** `micros.length` metered runs of `model` with `params` (defaults filled), in the days before NOW. */
function runs(model: CatalogModel, params: Record<string, unknown>, micros: number[]): LearnedRuns {
  const key = configKey(model, { ...defaultParams(model), ...params });
  const samples: LearnedSample[] = micros.map((usdMicros, i) => ({
    usdMicros,
    at: `2025-11-0${i + 1}T09:00:00.000Z`,
    configKey: key,
  }));
  return { samples, now: NOW };
}

function start(overrides: Parameters<typeof generationInput>[0] = {}) {
  const h = controlledGeneration();
  const actor = createActor(h.machine, { input: generationInput(overrides) }).start();
  return { ...h, actor };
}

describe('generation machine: the learned layer of the estimate', () => {
  it('an "up to" estimate from input becomes Learned with 3 metered runs, not with 2', () => {
    const two = start({ model: VEO_FAST, learned: runs(VEO_FAST, {}, [1_200_000, 1_600_000]) });
    expect(selectEstimate(two.actor.getSnapshot())).toMatchObject({ tier: 'estimated', upTo: true });
    const three = start({ model: VEO_FAST, learned: runs(VEO_FAST, {}, [1_200_000, 1_600_000, 1_300_000]) });
    expect(selectEstimate(three.actor.getSnapshot())).toMatchObject({
      tier: 'learned',
      usdMicros: 1_300_000,
      upTo: false,
    });
    two.actor.stop();
    three.actor.stop();
  });

  it('SET_LEARNED re-estimates the form; an exact FLUX.1 [dev] estimate stays exact', () => {
    const { actor } = start({ model: VEO_FAST });
    actor.send({ type: 'SET_LEARNED', ...runs(VEO_FAST, {}, [2_000_000, 2_000_000, 2_000_000]) });
    expect(selectEstimate(actor.getSnapshot()).tier).toBe('learned');
    // Another configuration of the same model has no runs: back to the formula's "up to".
    actor.send({ type: 'SET_PARAMS', params: { duration: '4s' } });
    expect(selectEstimate(actor.getSnapshot())).toMatchObject({ tier: 'estimated', upTo: true });
    actor.send({ type: 'SET_MODEL', model: FLUX_DEV });
    actor.send({ type: 'SET_LEARNED', ...runs(FLUX_DEV, {}, [90_000, 90_000, 90_000]) });
    expect(selectEstimate(actor.getSnapshot())).toMatchObject({ tier: 'estimated', usdMicros: 25_000 });
    actor.stop();
  });

  it("runs older than 60 days before the event's now do not count", () => {
    const { actor } = start({ model: VEO_FAST });
    const stale = { ...runs(VEO_FAST, {}, [1, 2, 3]), now: '2026-02-01T00:00:00.000Z' };
    actor.send({ type: 'SET_LEARNED', ...stale });
    expect(selectEstimate(actor.getSnapshot()).upTo).toBe(true);
    actor.stop();
  });

  it('a learned price drives the threshold and is what the ledger records', async () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, confirmUnpriced: false };
    const { actor, submit, ledger } = start({
      model: MODEL,
      params: { duration: 'x' },
      settings: settings({ thresholds }),
    });
    actor.send({ type: 'SET_LEARNED', ...runs(MODEL, { duration: 'x' }, [6_000_000, 6_000_000, 6_000_000]) });
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().matches('confirming')).toBe(true);
    actor.send({ type: 'CONTINUE' });
    submit.last().resolve(ACCEPTED);
    await flush();
    const submitted = ledger.events.find((e) => e.type === 'generation.submitted');
    expect(submitted).toMatchObject({ estimate: { usdMicros: 6_000_000, tier: 'learned' } });
    actor.stop();
  });

  it('once sent, SET_LEARNED leaves the estimate the request was sent with', () => {
    const { actor } = start({ model: VEO_FAST });
    actor.send({ type: 'GENERATE' });
    const sent = selectEstimate(actor.getSnapshot());
    actor.send({ type: 'SET_LEARNED', ...runs(VEO_FAST, {}, [1, 1, 1]) });
    expect(selectEstimate(actor.getSnapshot())).toBe(sent);
    actor.stop();
  });

  it('a context restored from before learned estimates (no `learned`) re-estimates without it', () => {
    const { learned: _learned, ...old } = initialGenerationContext(generationInput({ model: VEO_FAST }));
    const next = reestimate(old as GenerationContext, { params: { duration: '6s' } });
    expect(next.estimate).toMatchObject({ tier: 'estimated', upTo: true });
  });
});

describe('Dual Mode: the learned layer', () => {
  const A = dollarPerSecond('text-to-video', 'test/video-a');
  const input = {
    groupId: 'pair-1',
    primary: { genId: 'gen-a', model: A, params: { duration: 4 } },
    secondary: { genId: 'gen-b', model: VEO_FAST },
    prompt: 'a lighthouse',
    tags: TAGS,
    settings: settings(),
  };

  it('SET_LEARNED sharpens the combined estimate and the slots start with the same samples', async () => {
    const h = controlledGeneration();
    const machine = dualGenerationMachine.provide({ actors: { generation: h.machine } });
    const actor = createActor(machine, { input }).start();
    expect(selectCombinedEstimate(actor.getSnapshot())).toMatchObject({ tier: 'estimated', upTo: true });
    // $4.00 + learned $4.50 = $8.50: over the $8.00 dual threshold, where "up to $2.80" was not.
    actor.send({ type: 'SET_LEARNED', ...runs(VEO_FAST, {}, [4_500_000, 4_500_000, 4_500_000]) });
    expect(selectCombinedEstimate(actor.getSnapshot())).toMatchObject({
      usdMicros: 8_500_000,
      tier: 'learned',
    });
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().matches('confirming')).toBe(true);
    actor.send({ type: 'CONTINUE' });
    await flush();
    const slot = actor.getSnapshot().context.refs.secondary;
    expect(slot && selectEstimate(slot.getSnapshot())).toMatchObject({
      usdMicros: 4_500_000,
      tier: 'learned',
    });
    actor.stop();
  });
});
