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
  FLUX_SCHNELL,
  generationInput,
} from '../../../fixtures/machines/generation.ts';

/**
 * One damaged value in a saved child context (tags, params, the model…) used to restore "fine" and then
 * blank the panel on every start; each child's context is now validated for what machines and views read.
 */

type Json = Record<string, unknown>;

/** The object at `path` in stored JSON (the test damages it in place). */
const at = (value: unknown, ...path: string[]): Json =>
  path.reduce<unknown>((v, key) => (v as Json)[key], value) as Json;

/** A saved envelope with a queued generation (`gen-1`), a draft (`gen-2`) and a sent pair (`a`, `b`). */
async function savedEnvelope(): Promise<Json> {
  const h = controlledGeneration();
  const logic = defineActiveGenerationsLogic({ generation: h.machine });
  const actor = createActor(logic).start();
  actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-1' }) });
  (actor.getSnapshot().children['gen-1'] as GenerationActorRef).send({ type: 'GENERATE' });
  h.submit.last().resolve(ACCEPTED);
  await flush();
  const { settings, model } = generationInput();
  const pair = { groupId: 'pair', settings, prompt: 'two foxes' };
  actor.send({
    type: 'ADD_DUAL',
    input: { ...pair, primary: { genId: 'a', model }, secondary: { genId: 'b', model: FLUX_SCHNELL } },
  });
  (actor.getSnapshot().children.pair as unknown as { send(e: { type: 'GENERATE' }): void }).send({
    type: 'GENERATE',
  });
  actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-2' }) });
  await flush();
  const envelope = { v: ACTIVE_GENERATIONS_SNAPSHOT_VERSION, machine: 'activeGenerations' };
  const saved = JSON.parse(JSON.stringify({ ...envelope, snapshot: actor.getPersistedSnapshot() }));
  actor.stop();
  return saved;
}

const child = (e: Json, id: string) => at(e, 'snapshot', 'children', id, 'snapshot', 'context');
const slot = (e: Json, id: string) =>
  at(e, 'snapshot', 'children', 'pair', 'snapshot', 'children', id, 'snapshot', 'context');
const logic = () => defineActiveGenerationsLogic({ generation: controlledGeneration().machine });

describe('Active generations: a saved child context is validated before restoring', () => {
  it('a valid envelope (generation, draft, sent pair with its slots) still restores', async () => {
    const saved = await savedEnvelope();
    expect(parseActiveGenerationsEnvelope(saved)).toMatchObject({ ok: true });
    const { actor, restored, problem } = restoreActiveGenerations(logic(), saved);
    expect([restored, problem]).toEqual([true, null]);
    actor.start();
    expect(actor.getSnapshot().context.entries.map((entry) => entry.id)).toEqual(['gen-1', 'pair', 'gen-2']);
    // The draft is no row until it is sent.
    expect(selectRows(actor.getSnapshot()).map((row) => row.genId)).toEqual(['gen-1', 'a', 'b']);
    actor.stop();
  });

  it.each([
    ['tags null', (e: Json) => (child(e, 'gen-1').tags = null), 'gen-1: tags'],
    ['one tag null', (e: Json) => (at(child(e, 'gen-1'), 'tags').client = null), 'gen-1: tags.client'],
    ['params null', (e: Json) => (child(e, 'gen-1').params = null), 'gen-1: params'],
    ['model missing', (e: Json) => delete child(e, 'gen-1').model, 'gen-1: model'],
    [
      'model without endpoint_id',
      (e: Json) => delete at(child(e, 'gen-2'), 'model').endpoint_id,
      'gen-2: model',
    ],
    ['prompt null', (e: Json) => (child(e, 'gen-2').prompt = null), 'gen-2: prompt'],
    ['progress null', (e: Json) => (child(e, 'gen-1').progress = null), 'gen-1: progress'],
    ['estimate null', (e: Json) => (child(e, 'gen-2').estimate = null), 'gen-2: estimate'],
    [
      'settings thresholds null',
      (e: Json) => (at(child(e, 'gen-2'), 'settings').thresholds = null),
      'gen-2: settings',
    ],
    ['the pair’s tags null', (e: Json) => (child(e, 'pair').tags = null), 'pair: tags'],
    [
      'the pair’s primary model null',
      (e: Json) => (at(child(e, 'pair'), 'slots', 'primary').model = null),
      'pair: slots',
    ],
    ['a sent slot’s tags null', (e: Json) => (slot(e, 'b').tags = null), 'b: tags'],
  ])('discards %s with the reason, and starts empty', async (_, damage, where) => {
    const saved = await savedEnvelope();
    damage(saved);
    const parsed = parseActiveGenerationsEnvelope(saved);
    expect(parsed.ok).toBe(false);
    const problem = parsed.ok ? '' : parsed.problem;
    expect(problem).toMatch(/^The saved Active generations are damaged \(generation /);
    expect(problem).toContain(where);
    const { actor, restored, problem: told } = restoreActiveGenerations(logic(), saved);
    expect([restored, told]).toEqual([false, problem]);
    expect(actor.start().getSnapshot().context.entries).toEqual([]);
    actor.stop();
  });
});
