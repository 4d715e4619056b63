import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../../src/domain/index.ts';
import {
  type DualGenerationInput,
  dualGenerationMachine,
} from '../../../../src/machines/generation/dual-generation.machine.ts';
import {
  selectDualConfirmation,
  selectSlotRef,
} from '../../../../src/machines/generation/dual-generation.selectors.ts';
import type { GenerationSettings } from '../../../../src/machines/generation/generation-settings.ts';
import {
  controlledGeneration,
  dollarPerSecond,
  settings,
  TAGS,
} from '../../../fixtures/machines/generation.ts';

// $1.00 per second of `duration`: each slot's duration is its price in dollars.
const A = dollarPerSecond('text-to-video', 'test/video-a');
const B = dollarPerSecond('text-to-video', 'test/video-b');

function input(a: unknown, b: unknown, initial: GenerationSettings): DualGenerationInput {
  return {
    groupId: 'pair-1',
    primary: { genId: 'gen-a', model: A, params: { duration: a } },
    secondary: { genId: 'gen-b', model: B, params: { duration: b } },
    prompt: 'two takes of a lighthouse',
    tags: TAGS,
    settings: initial,
  };
}

function start(a: unknown, b: unknown, initial: GenerationSettings = settings()) {
  const h = controlledGeneration();
  const machine = dualGenerationMachine.provide({ actors: { generation: h.machine } });
  return { ...h, actor: createActor(machine, { input: input(a, b, initial) }).start() };
}

const withThresholds = (changes: Partial<GenerationSettings['thresholds']>) =>
  settings({ thresholds: { ...DEFAULT_THRESHOLDS, ...changes } });

describe('Dual Mode: settings changed after the pair was created (SET_SETTINGS)', () => {
  // [what changed, slot A $, slot B $, thresholds at creation, thresholds saved afterwards, next state]
  it.each([
    [
      'the dual threshold lowered to $1.00: $2.00 combined asks',
      1,
      1,
      {},
      { dualUsdMicros: 1_000_000 },
      'confirming',
    ],
    [
      'the dual threshold raised to $10.00: $8.01 combined does not ask',
      4,
      4.01,
      {},
      { dualUsdMicros: 10_000_000 },
      'running',
    ],
    [
      'confirm-unpriced turned off: an unpriced slot does not ask',
      4,
      'x',
      {},
      { confirmUnpriced: false },
      'running',
    ],
    [
      'confirm-unpriced turned on: an unpriced slot asks',
      4,
      'x',
      { confirmUnpriced: false },
      {},
      'confirming',
    ],
  ])('%s', (_, a, b, before, after, expected) => {
    const { actor } = start(a, b, withThresholds(before));
    actor.send({ type: 'SET_SETTINGS', settings: withThresholds(after) });
    actor.send({ type: 'GENERATE' });
    expect(actor.getSnapshot().value).toBe(expected);
    actor.stop();
  });

  it('the dialog shows the threshold in force; a change while confirming is taken too', () => {
    const { actor } = start(1, 1);
    actor.send({ type: 'SET_SETTINGS', settings: withThresholds({ dualUsdMicros: 1_000_000 }) });
    actor.send({ type: 'GENERATE' });
    expect(selectDualConfirmation(actor.getSnapshot())?.thresholdUsdMicros).toBe(1_000_000);
    expect(actor.getSnapshot().can({ type: 'SET_SETTINGS', settings: settings() })).toBe(true);
    actor.send({ type: 'SET_SETTINGS', settings: withThresholds({ dualUsdMicros: 1_500_000 }) });
    expect(selectDualConfirmation(actor.getSnapshot())?.thresholdUsdMicros).toBe(1_500_000);
    actor.stop();
  });

  it('both slots are sent with the settings in force; a sent pair keeps them', () => {
    const { actor, submit } = start(1, 1);
    const changed = { ...withThresholds({ dualUsdMicros: 9_000_000 }), pollCapMs: 60_000 };
    actor.send({ type: 'SET_SETTINGS', settings: changed });
    actor.send({ type: 'GENERATE' });
    expect(submit.calls).toHaveLength(2);
    for (const slot of ['primary', 'secondary'] as const) {
      expect(selectSlotRef(actor.getSnapshot(), slot)?.getSnapshot().context.settings).toEqual(changed);
    }
    // Settings saved after sending do not reach the sent request (nor the pair's record of it).
    expect(actor.getSnapshot().can({ type: 'SET_SETTINGS', settings: settings() })).toBe(false);
    actor.send({ type: 'SET_SETTINGS', settings: settings() });
    expect(actor.getSnapshot().context.settings).toEqual(changed);
    expect(selectSlotRef(actor.getSnapshot(), 'primary')?.getSnapshot().context.settings).toEqual(changed);
    actor.stop();
  });
});
