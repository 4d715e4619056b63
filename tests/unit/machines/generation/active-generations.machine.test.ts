import { createActor, waitFor } from 'xstate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineActiveGenerationsLogic } from '../../../../src/machines/generation/active-generations-logic.ts';
import {
  ACTIVE_GENERATIONS_SNAPSHOT_VERSION,
  parseActiveGenerationsEnvelope,
  persistActiveGenerations,
  restoreActiveGenerations,
} from '../../../../src/machines/generation/active-generations.snapshot.ts';
import {
  refOfRow,
  selectIsEmpty,
  selectNotices,
  selectRows,
} from '../../../../src/machines/generation/active-generations.selectors.ts';
import type { GenerationActorRef } from '../../../../src/machines/generation/generation.machine.ts';
import { flush } from '../../../fixtures/machines/controlled-actors.ts';
import {
  ACCEPTED,
  controlledGeneration,
  dollarPerSecond,
  generationInput,
  RESULT,
  T,
} from '../../../fixtures/machines/generation.ts';
import { memoryStore } from '../../../fixtures/machines/ports.ts';

function start() {
  const h = controlledGeneration();
  const logic = defineActiveGenerationsLogic({ generation: h.machine });
  const actor = createActor(logic).start();
  const child = (id: string) => actor.getSnapshot().children[id] as GenerationActorRef;
  return { ...h, logic, actor, child };
}

async function finish(h: ReturnType<typeof start>, genId: string) {
  h.child(genId).send({ type: 'GENERATE' });
  h.submit.last().resolve(ACCEPTED);
  await flush();
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
  h.importMedia.last().resolve({ paths: ['/project/fox.png'], at: T(30) });
  await waitFor(h.child(genId), (s) => s.matches('done'));
}

async function fail(h: ReturnType<typeof start>, genId: string) {
  h.child(genId).send({ type: 'GENERATE' });
  h.submit.last().reject({ kind: 'VALIDATION', charged: 'no', retryable: false, message: 'bad input' });
  await waitFor(h.child(genId), (s) => s.matches('failed'));
}

describe('Active generations', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('spawns each generation under its genId; a draft is not a row until it is sent', async () => {
    const h = start();
    expect(h.actor.getSnapshot().hasTag('empty')).toBe(true);
    h.actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-1' }) });
    h.actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-1', prompt: 'duplicate' }) });
    expect(Object.keys(h.actor.getSnapshot().children)).toEqual(['gen-1']);
    expect(selectIsEmpty(h.actor.getSnapshot())).toBe(true);
    h.child('gen-1').send({ type: 'GENERATE' });
    await flush();
    const rows = selectRows(h.actor.getSnapshot());
    expect(rows).toEqual([
      { genId: 'gen-1', entryId: 'gen-1', slot: null, phase: 'sending', modelName: 'FLUX.1 [dev]' },
    ]);
    expect(refOfRow(h.actor.getSnapshot(), rows[0] as (typeof rows)[0])).toBe(h.child('gen-1'));
    h.actor.stop();
  });

  it('a success notice dismisses itself after 7 s', async () => {
    const h = start();
    const chimes: string[] = [];
    h.actor.on('notice', (e) => chimes.push(e.notice.id));
    h.actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-1' }) });
    await finish(h, 'gen-1');
    expect(selectNotices(h.actor.getSnapshot())).toEqual([
      { id: 'gen-1:done', genId: 'gen-1', kind: 'success', modelName: 'FLUX.1 [dev]' },
    ]);
    expect(chimes).toEqual(['gen-1:done']);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(selectNotices(h.actor.getSnapshot())).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(selectNotices(h.actor.getSnapshot())).toEqual([]);
    expect(selectRows(h.actor.getSnapshot())[0]?.phase).toBe('done');
    h.actor.stop();
  });

  it('a failure notice stays until dismissed', async () => {
    const h = start();
    h.actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-1' }) });
    await fail(h, 'gen-1');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(selectNotices(h.actor.getSnapshot())).toEqual([
      expect.objectContaining({ id: 'gen-1:failed', kind: 'failure' }),
    ]);
    h.actor.send({ type: 'DISMISS_NOTICE', noticeId: 'gen-1:failed' });
    expect(selectNotices(h.actor.getSnapshot())).toEqual([]);
    h.actor.stop();
  });

  it('a running generation cannot be dismissed; an ended one is stopped and removed', async () => {
    const h = start();
    h.actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-1' }) });
    h.child('gen-1').send({ type: 'GENERATE' });
    h.actor.send({ type: 'DISMISS', id: 'gen-1' });
    expect(h.actor.getSnapshot().context.entries).toHaveLength(1);
    h.submit.last().reject({ kind: 'VALIDATION', charged: 'no', retryable: false, message: 'bad input' });
    await flush();
    const ref = h.child('gen-1');
    h.actor.send({ type: 'DISMISS', id: 'gen-1' });
    expect(h.actor.getSnapshot().context).toEqual({ entries: [], rows: [], notices: [] });
    expect(ref.getSnapshot().status).toBe('stopped');
    expect(h.actor.getSnapshot().hasTag('empty')).toBe(true);
    h.actor.stop();
  });

  it('a Dual Mode pair gives one row per slot', async () => {
    const h = start();
    const model = dollarPerSecond('text-to-video', 'test/a');
    const other = dollarPerSecond('text-to-video', 'test/b');
    h.actor.send({
      type: 'ADD_DUAL',
      input: {
        groupId: 'pair',
        primary: { genId: 'a', model, params: { duration: 1 } },
        secondary: { genId: 'b', model: other, params: { duration: 1 } },
        prompt: 'a lighthouse',
        settings: generationInput().settings,
      },
    });
    (h.actor.getSnapshot().children.pair as unknown as { send(e: { type: 'GENERATE' }): void }).send({
      type: 'GENERATE',
    });
    await flush();
    expect(selectRows(h.actor.getSnapshot()).map((r) => [r.genId, r.entryId, r.slot, r.phase])).toEqual([
      ['a', 'pair', 'primary', 'sending'],
      ['b', 'pair', 'secondary', 'sending'],
    ]);
    const row = selectRows(h.actor.getSnapshot())[1];
    expect(row && refOfRow(h.actor.getSnapshot(), row)?.id).toBe('b');
    h.actor.stop();
  });
});

describe('Active generations: persisted snapshots', () => {
  it('saves an envelope on every row change and restores it', async () => {
    const h = start();
    const store = memoryStore();
    const persistence = persistActiveGenerations(h.actor, store);
    h.actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-1' }) });
    h.child('gen-1').send({ type: 'GENERATE' });
    h.submit.last().resolve(ACCEPTED);
    await flush();
    await persistence.idle();
    const saved = (await store.read()) as {
      v: number;
      machine: string;
      snapshot: { children: Record<string, unknown> };
    };
    expect(saved).toMatchObject({ v: ACTIVE_GENERATIONS_SNAPSHOT_VERSION, machine: 'activeGenerations' });
    expect(Object.keys(saved.snapshot.children)).toEqual(['gen-1']);
    h.actor.stop();
    persistence.stop();

    const again = controlledGeneration();
    const { actor, restored } = restoreActiveGenerations(
      defineActiveGenerationsLogic({ generation: again.machine }),
      saved,
    );
    expect(restored).toBe(true);
    actor.start();
    await flush();
    // The restored run polls the same request again; nothing is submitted twice.
    expect(again.watch.inputs).toEqual([{ endpointId: 'fal-ai/flux-1/dev', requestId: 'req-1' }]);
    expect(again.submit.calls).toHaveLength(0);
    expect(selectRows(actor.getSnapshot())[0]?.phase).toBe('queued');
    actor.stop();
  });

  it.each([
    ['another version', (e: Record<string, unknown>) => ({ ...e, v: 99 }), /version 99/],
    [
      'another machine',
      (e: Record<string, unknown>) => ({ ...e, machine: 'billing' }),
      /not in a known format/,
    ],
    [
      'a damaged snapshot',
      (e: Record<string, unknown>) => ({ ...e, snapshot: { value: 'tracking' } }),
      /damaged/,
    ],
    ['nonsense', () => 'not json at all', /not in a known format/],
  ])('discards %s and starts empty', async (_, mangle, problem) => {
    const h = start();
    h.actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-1' }) });
    const envelope = {
      v: ACTIVE_GENERATIONS_SNAPSHOT_VERSION,
      machine: 'activeGenerations',
      snapshot: h.actor.getPersistedSnapshot(),
    };
    h.actor.stop();
    const raw = mangle(JSON.parse(JSON.stringify(envelope)));
    expect(parseActiveGenerationsEnvelope(raw)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(problem),
    });
    const { actor, restored } = restoreActiveGenerations(h.logic, raw);
    expect(restored).toBe(false);
    expect(actor.start().getSnapshot().context.entries).toEqual([]);
    actor.stop();
  });

  it('discards a snapshot whose model is not a valid catalog entry', () => {
    const h = start();
    h.actor.send({ type: 'ADD', input: generationInput({ genId: 'gen-1' }) });
    const envelope = JSON.parse(
      JSON.stringify({ v: 1, machine: 'activeGenerations', snapshot: h.actor.getPersistedSnapshot() }),
    );
    h.actor.stop();
    envelope.snapshot.children['gen-1'].snapshot.context.model.formula = { type: 'free' };
    expect(parseActiveGenerationsEnvelope(envelope)).toMatchObject({ ok: false });
  });
});
