import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { defineActiveGenerationsLogic } from '../../../../src/machines/generation/active-generations-logic.ts';
import {
  ACTIVE_GENERATIONS_SNAPSHOT_VERSION,
  parseActiveGenerationsEnvelope,
  restoreActiveGenerations,
} from '../../../../src/machines/generation/active-generations.snapshot.ts';
import { selectRows } from '../../../../src/machines/generation/active-generations.selectors.ts';
import type { GenerationActorRef } from '../../../../src/machines/generation/generation.machine.ts';
import { flush } from '../../../fixtures/machines/controlled-actors.ts';
import {
  ACCEPTED,
  controlledGeneration,
  dollarPerSecond,
  FLUX_DEV,
  FLUX_SCHNELL,
  generationInput,
  TAGS,
} from '../../../fixtures/machines/generation.ts';

/**
 * Dual Mode after a reload: the pair that is the Generate form's entry is saved with Active generations,
 * and used to come back switched on, so the next run silently went to two models. A restored snapshot
 * now always opens the form on a single-model draft.
 */

type Logic = ReturnType<typeof defineActiveGenerationsLogic>;
type Active = ReturnType<typeof createActor<Logic>>;

function panel() {
  const h = controlledGeneration();
  const logic = defineActiveGenerationsLogic({ generation: h.machine });
  return { h, logic, actor: createActor(logic).start() };
}

const { settings } = generationInput();
const pairInput = (overrides: Record<string, unknown> = {}) => ({
  groupId: 'pair',
  primary: { genId: 'a', model: FLUX_DEV },
  secondary: { genId: 'b', model: FLUX_SCHNELL },
  prompt: 'two foxes',
  tags: TAGS,
  settings,
  ...overrides,
});

/** The saved envelope of an actor, as the panel writes it (JSON round trip included). */
function saved(actor: Active) {
  const envelope = { v: ACTIVE_GENERATIONS_SNAPSHOT_VERSION, machine: 'activeGenerations' };
  return JSON.parse(JSON.stringify({ ...envelope, snapshot: actor.getPersistedSnapshot() }));
}

/** Restores and starts a new panel from `stored` (a reload). */
function reload(stored: unknown) {
  const h = controlledGeneration();
  const { actor, restored } = restoreActiveGenerations(
    defineActiveGenerationsLogic({ generation: h.machine }),
    stored,
  );
  expect(restored).toBe(true);
  return { h, actor: actor.start() };
}

const formEntry = (actor: Active) => actor.getSnapshot().context.entries.at(-1);

describe('Dual Mode is off after a reload', () => {
  it('a pair draft with its second model chosen comes back as a single draft of its first model', async () => {
    const before = panel();
    before.actor.send({ type: 'ADD_DUAL', input: pairInput() });
    await flush();
    const { h, actor } = reload(saved(before.actor));
    before.actor.stop();

    expect(actor.getSnapshot().context.entries.map((e) => [e.kind, e.id])).toEqual([['single', 'a']]);
    const draft = actor.getSnapshot().children.a as GenerationActorRef;
    expect(draft.getSnapshot().value).toBe('editing');
    expect(draft.getSnapshot().context).toMatchObject({
      model: FLUX_DEV,
      prompt: 'two foxes',
      tags: TAGS,
      dual: null,
    });
    // The next run goes out to one model.
    draft.send({ type: 'GENERATE' });
    await flush();
    expect(h.submit.calls.map((c) => c.input.endpointId)).toEqual([FLUX_DEV.endpoint_id]);
    actor.stop();
  });

  it('a pair waiting in its $8.00 confirmation comes back as a single draft, nothing sent', async () => {
    const before = panel();
    const costly = (id: string) => ({
      genId: id,
      model: dollarPerSecond('text-to-video', `test/${id}`),
      params: { duration: 5 },
    });
    before.actor.send({
      type: 'ADD_DUAL',
      input: pairInput({ primary: costly('a'), secondary: costly('b') }),
    });
    (before.actor.getSnapshot().children.pair as unknown as { send(e: { type: 'GENERATE' }): void }).send({
      type: 'GENERATE',
    });
    await flush();
    expect(before.actor.getSnapshot().children.pair?.getSnapshot().value).toBe('confirming');
    const { h, actor } = reload(saved(before.actor));
    before.actor.stop();

    expect(formEntry(actor)).toMatchObject({ kind: 'single', id: 'a' });
    expect(actor.getSnapshot().children.a?.getSnapshot().value).toBe('editing');
    expect(h.submit.calls).toHaveLength(0);
    actor.stop();
  });

  it('a sent pair keeps running, and the form opens on a single draft after it', async () => {
    const before = panel();
    before.actor.send({ type: 'ADD_DUAL', input: pairInput() });
    (before.actor.getSnapshot().children.pair as unknown as { send(e: { type: 'GENERATE' }): void }).send({
      type: 'GENERATE',
    });
    await flush();
    for (const call of before.h.submit.calls) call.resolve(ACCEPTED);
    await flush();
    const { actor } = reload(saved(before.actor));
    before.actor.stop();

    expect(actor.getSnapshot().context.entries.map((e) => [e.kind, e.id])).toEqual([
      ['dual', 'pair'],
      ['single', 'pair-single'],
    ]);
    expect(selectRows(actor.getSnapshot()).map((row) => [row.genId, row.phase])).toEqual([
      ['a', 'queued'],
      ['b', 'queued'],
    ]);
    expect(actor.getSnapshot().children['pair-single']?.getSnapshot().context).toMatchObject({
      model: FLUX_DEV,
      prompt: 'two foxes',
    });
    actor.stop();
  });

  it('a saved single-model form is restored exactly as saved', async () => {
    const before = panel();
    before.actor.send({ type: 'ADD_DUAL', input: pairInput() });
    (before.actor.getSnapshot().children.pair as unknown as { send(e: { type: 'GENERATE' }): void }).send({
      type: 'GENERATE',
    });
    before.actor.send({ type: 'ADD', input: generationInput({ genId: 'next' }) });
    await flush();
    const stored = saved(before.actor);
    before.actor.stop();
    const parsed = parseActiveGenerationsEnvelope(stored);
    expect(parsed).toEqual({ ok: true, snapshot: stored.snapshot });
  });
});
