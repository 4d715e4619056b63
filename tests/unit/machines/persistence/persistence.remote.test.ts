import { beforeEach, describe, expect, test, vi } from 'vitest';
import { type AnyActorLogic, createActor, fromCallback, waitFor } from 'xstate';
import type { LedgerEvent } from '../../../../src/domain/index.ts';
import { persistenceMachine } from '../../../../src/machines/persistence/persistence.machine.ts';
import {
  selectEpoch,
  selectLedgerState,
  selectStatus,
} from '../../../../src/machines/persistence/persistence.selectors.ts';
import { persistenceActors } from '../../../fixtures/machines-persistence/actors.ts';
import { deferred } from '../../../fixtures/machines-persistence/deferred.ts';
import { createMemoryCache, type MemoryCache } from '../../../fixtures/machines-persistence/memory-cache.ts';
import { createMemoryDisk, type MemoryDisk } from '../../../fixtures/machines-persistence/memory-disk.ts';
import { generation, reset, resetBuilders, submitted } from '../../../fixtures/ledger-builders.ts';

function start(disk: MemoryDisk = createMemoryDisk(), cache: MemoryCache = createMemoryCache()) {
  const logic = persistenceMachine.provide({
    actors: persistenceActors({ disk: disk.port, cache: cache.port }),
  });
  const actor = createActor(logic, { input: {} });
  actor.start();
  return { actor, disk, cache };
}

const ids = (events: readonly LedgerEvent[]) => events.map((e) => e.id);
const gens = (actor: ReturnType<typeof start>['actor']) =>
  Object.keys(selectLedgerState(actor.getSnapshot()).generations).sort();

beforeEach(() => resetBuilders());

describe('live stream and reset', () => {
  test('REMOTE_EVENTS from another panel merge in and reach the cache', async () => {
    const { actor, cache } = start();
    await waitFor(actor, (s) => s.matches('saved'));
    const elsewhere = generation();

    actor.send({ type: 'REMOTE_EVENTS', events: elsewhere });

    expect(gens(actor)).toEqual(['gen-0001']);
    await vi.waitFor(() => expect(ids(cache.contents()?.events ?? [])).toEqual(ids(elsewhere)));
    actor.stop();
  });

  test('a pending event seen on the live stream counts as acknowledged', async () => {
    const { actor, disk } = start();
    await waitFor(actor, (s) => s.matches('saved'));
    const gate = deferred<void>();
    disk.gate = gate.promise;
    const events = generation();
    actor.send({ type: 'RECORD', events });
    expect(selectStatus(actor.getSnapshot()).unsaved).toBe(2);

    actor.send({ type: 'REMOTE_EVENTS', events });

    expect(selectStatus(actor.getSnapshot()).unsaved).toBe(0);
    disk.gate = null;
    gate.resolve();
    await waitFor(actor, (s) => s.matches('saved'));
    actor.stop();
  });

  test('the live stream subscription follows the actor: subscribed while running, gone after stop', async () => {
    const { actor, disk } = start();
    await waitFor(actor, (s) => s.matches('saved'));
    expect(disk.subscribers()).toBe(1);

    actor.stop();

    expect(disk.subscribers()).toBe(0);
  });

  test('LEDGER_RESET drops every older row and pending event; new events go into the new epoch', async () => {
    const { actor, disk, cache } = start(createMemoryDisk(generation()));
    await waitFor(actor, (s) => s.matches('saved'));
    disk.down = true;
    actor.send({ type: 'RECORD', events: [submitted()] });
    await waitFor(actor, (s) => s.matches('offline'));

    actor.send({ type: 'LEDGER_RESET', event: reset(1) });

    expect(gens(actor)).toEqual([]);
    expect(selectEpoch(actor.getSnapshot())).toBe(1);
    expect(selectStatus(actor.getSnapshot()).unsaved).toBe(0);
    const fresh = submitted();
    actor.send({ type: 'RECORD', events: [fresh] });
    expect(actor.getSnapshot().context.events.find((e) => e.id === fresh.id)?.epoch).toBe(1);
    await vi.waitFor(() => expect(cache.contents()?.events.map((e) => e.type)).toContain('ledger.reset'));
    actor.stop();
  });

  test('a reset arriving on the live stream (second panel) empties this panel too', async () => {
    const { actor } = start(createMemoryDisk(generation()));
    await waitFor(actor, (s) => s.matches('saved'));
    expect(gens(actor)).toEqual(['gen-0001']);

    actor.send({ type: 'REMOTE_EVENTS', events: [reset(1)] });

    expect(gens(actor)).toEqual([]);
    actor.stop();
  });
});

describe('cache failures', () => {
  test('a failing cache write is surfaced as a warning and cleared by the next good write', async () => {
    const { actor, cache } = start();
    await waitFor(actor, (s) => s.matches('saved'));
    cache.failing = 'QuotaExceededError: storage full';

    actor.send({ type: 'RECORD', events: [submitted()] });
    await waitFor(actor, (s) => s.context.cacheWarning !== null);

    expect(selectStatus(actor.getSnapshot()).cacheWarning).toMatch(/storage full/);
    cache.failing = null;
    actor.send({ type: 'RECORD', events: [submitted()] });
    await waitFor(actor, (s) => s.context.cacheWarning === null && s.matches('saved'));
    expect(selectStatus(actor.getSnapshot()).cacheWarning).toBeUndefined();
    actor.stop();
  });
});

describe('placeholder actors fail loudly when not provided', () => {
  const all = () => persistenceActors({ disk: createMemoryDisk().port, cache: createMemoryCache().port });

  test.each(['loadLedger', 'saveEvents'] as const)(
    '%s: stops in error naming the missing actor',
    async (name) => {
      const actors: Record<string, AnyActorLogic> = { ...all() };
      delete actors[name];
      const logic = persistenceMachine.provide({ actors: actors as ReturnType<typeof all> });
      const actor = createActor(logic, { input: {} }).start();
      // saveEvents only runs when something is pending.
      actor.send({ type: 'RECORD', events: [submitted()] });

      await waitFor(actor, (s) => s.matches('error'));

      expect(selectStatus(actor.getSnapshot()).reason).toBe(
        `${name} actor not provided: supply with .provide()`,
      );
      actor.stop();
    },
  );

  test('loadCache: surfaces as the cache warning', async () => {
    const { loadCache: _omitted, ...rest } = all();
    const actor = createActor(persistenceMachine.provide({ actors: rest }), { input: {} }).start();

    await waitFor(actor, (s) => !s.matches('booting'));

    expect(actor.getSnapshot().context.cacheWarning).toBe(
      'loadCache actor not provided: supply with .provide()',
    );
    actor.stop();
  });

  test.each(['syncCache', 'syncRemoteEvents'] as const)('%s: the actor errors at start', (name) => {
    const { [name]: _omitted, ...rest } = all();
    const errors: unknown[] = [];
    const actor = createActor(persistenceMachine.provide({ actors: rest }), { input: {} });
    actor.subscribe({ error: (error) => errors.push(error) });

    actor.start();

    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain(`${name} actor not provided: supply with .provide()`);
  });

  test('with every actor provided nothing errors', async () => {
    const actors = { ...all(), syncRemoteEvents: fromCallback(() => () => {}) };
    const actor = createActor(persistenceMachine.provide({ actors }), { input: {} }).start();
    await waitFor(actor, (s) => s.matches('saved'));
    expect(actor.getSnapshot().status).toBe('active');
    actor.stop();
  });
});
