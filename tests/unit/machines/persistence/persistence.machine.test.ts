import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createActor, waitFor } from 'xstate';
import type { LedgerEvent } from '../../../../src/domain/index.ts';
import {
  type PersistenceInput,
  persistenceMachine,
} from '../../../../src/machines/persistence/persistence.machine.ts';
import {
  selectCanRetry,
  selectLedgerState,
  selectStatus,
} from '../../../../src/machines/persistence/persistence.selectors.ts';
import { persistenceActors } from '../../../fixtures/machines-persistence/actors.ts';
import { deferred } from '../../../fixtures/machines-persistence/deferred.ts';
import { createMemoryCache, type MemoryCache } from '../../../fixtures/machines-persistence/memory-cache.ts';
import { createMemoryDisk, type MemoryDisk } from '../../../fixtures/machines-persistence/memory-disk.ts';
import { generation, resetBuilders, submitted } from '../../../fixtures/ledger-builders.ts';

function start(setup: { disk?: MemoryDisk; cache?: MemoryCache; input?: PersistenceInput } = {}) {
  const disk = setup.disk ?? createMemoryDisk();
  const cache = setup.cache ?? createMemoryCache();
  const logic = persistenceMachine.provide({
    actors: persistenceActors({ disk: disk.port, cache: cache.port }),
  });
  const actor = createActor(logic, { input: setup.input ?? {} });
  actor.start();
  return { actor, disk, cache };
}

const ids = (events: readonly LedgerEvent[]) => events.map((e) => e.id);
const idle = (actor: ReturnType<typeof start>['actor']) =>
  waitFor(actor, (s) => s.matches('saved'), { timeout: 2_000 });

beforeEach(() => resetBuilders());
afterEach(() => vi.useRealTimers());

describe('boot', () => {
  test('renders the cached rows before disk answers, then merges disk and cache', async () => {
    // Arrange: a cache from the last session, a disk holding one more generation, disk held mid-flight.
    const cachedRun = generation();
    const cache = createMemoryCache({ state: null, events: cachedRun, pending: [] });
    const disk = createMemoryDisk([...cachedRun, ...generation()]);
    const gate = deferred<void>();
    disk.gate = gate.promise;

    // Act
    const { actor } = start({ disk, cache });
    await waitFor(actor, (s) => s.matches('cached'));

    // Assert: the cache is on screen at once, status is still booting.
    expect(Object.keys(selectLedgerState(actor.getSnapshot()).generations)).toEqual(['gen-0001']);
    expect(selectStatus(actor.getSnapshot())).toEqual({ kind: 'booting', unsaved: 0 });

    disk.gate = null;
    gate.resolve();
    await idle(actor);
    expect(Object.keys(selectLedgerState(actor.getSnapshot()).generations).sort()).toEqual([
      'gen-0001',
      'gen-0003',
    ]);
    expect(selectStatus(actor.getSnapshot())).toEqual({ kind: 'saved', unsaved: 0 });
    actor.stop();
  });

  test('pending events from the last session are written to disk after the merge', async () => {
    const unsaved = generation();
    const cache = createMemoryCache({ state: null, events: [], pending: unsaved });
    const { actor, disk } = start({ cache });

    await idle(actor);

    expect(ids(disk.stored())).toEqual(ids(unsaved));
    expect(cache.contents()?.pending).toEqual([]);
    expect(ids(cache.contents()?.events ?? [])).toEqual(ids(unsaved));
    actor.stop();
  });

  test('events only the cache knows (disk lost them) are written back, so disk converges', async () => {
    const known = generation();
    const cache = createMemoryCache({ state: null, events: known, pending: [] });
    const { actor, disk } = start({ cache });

    await idle(actor);

    expect(ids(disk.stored())).toEqual(ids(known));
    actor.stop();
  });

  test('an unreadable cache is a warning, not a failure: disk still loads', async () => {
    const cache = createMemoryCache();
    cache.failing = 'QuotaExceededError: the quota is full';
    const { actor } = start({ cache, disk: createMemoryDisk(generation()) });

    await idle(actor);

    const status = selectStatus(actor.getSnapshot());
    expect(status.kind).toBe('saved');
    expect(status.cacheWarning).toMatch(/quota is full/);
    expect(Object.keys(selectLedgerState(actor.getSnapshot()).generations)).toHaveLength(1);
    actor.stop();
  });
});

describe('recording', () => {
  test('RECORD caches the events at once as pending, then disk acknowledges them', async () => {
    const { actor, disk, cache } = start();
    await idle(actor);
    const gate = deferred<void>();
    disk.gate = gate.promise;
    const events = generation();

    actor.send({ type: 'RECORD', events });
    await vi.waitFor(() => expect(cache.calls).toContain('addPending'));

    expect(ids(cache.contents()?.pending ?? [])).toEqual(ids(events));
    expect(selectStatus(actor.getSnapshot())).toEqual({ kind: 'saving', unsaved: 2 });
    disk.gate = null;
    gate.resolve();
    await idle(actor);
    expect(selectStatus(actor.getSnapshot())).toEqual({ kind: 'saved', unsaved: 0 });
    expect(ids(disk.stored())).toEqual(ids(events));
    expect(cache.contents()?.pending).toEqual([]);
    actor.stop();
  });

  test('writes in small batches (limits.maxEvents), oldest first', async () => {
    const { actor, disk } = start({ input: { limits: { maxEvents: 2 } } });
    await idle(actor);
    const events = [submitted(), submitted(), submitted(), submitted(), submitted()];

    actor.send({ type: 'RECORD', events });
    await waitFor(actor, (s) => s.matches('saved') && s.context.pending.length === 0);

    expect(disk.appendCalls).toEqual([
      ids(events.slice(0, 2)),
      ids(events.slice(2, 4)),
      ids(events.slice(4)),
    ]);
    actor.stop();
  });

  test('RECORD is idempotent: a repeated id is neither pending again nor written twice', async () => {
    const { actor, disk } = start();
    await idle(actor);
    const events = generation();

    actor.send({ type: 'RECORD', events });
    await idle(actor);
    actor.send({ type: 'RECORD', events });
    await idle(actor);

    expect(disk.appendCalls.flat()).toEqual(ids(events));
    expect(selectStatus(actor.getSnapshot()).unsaved).toBe(0);
    actor.stop();
  });
});

describe('offline and error', () => {
  test('disk down: Offline with N unsaved, retries after 1 s, 2 s, 4 s … 30 s, then saves everything once', async () => {
    vi.useFakeTimers();
    const { actor, disk } = start();
    await waitFor(actor, (s) => s.matches('saved'));
    disk.down = true;
    const events = [submitted(), submitted(), submitted()];

    actor.send({ type: 'RECORD', events });
    await waitFor(actor, (s) => s.matches('offline'));
    const status = selectStatus(actor.getSnapshot());
    expect(status).toMatchObject({ kind: 'offline', unsaved: 3 });
    expect(status.reason).toMatch(/unreachable/);

    // Each retry re-reads disk first; count reads to see when a retry ran.
    const waits = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000];
    for (const wait of waits) {
      const reads = disk.loadCalls;
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(disk.loadCalls).toBe(reads);
      await vi.advanceTimersByTimeAsync(1);
      expect(disk.loadCalls).toBe(reads + 1);
      expect(selectStatus(actor.getSnapshot())).toMatchObject({ kind: 'offline', unsaved: 3 });
    }

    disk.down = false;
    await vi.advanceTimersByTimeAsync(30_000);
    await waitFor(actor, (s) => s.matches('saved'));
    expect(selectStatus(actor.getSnapshot())).toEqual({ kind: 'saved', unsaved: 0 });
    expect(ids(disk.stored())).toEqual(ids(events));
    expect(actor.getSnapshot().context.attempt).toBe(0);
    actor.stop();
  });

  test('RETRY while offline skips the wait', async () => {
    vi.useFakeTimers();
    const { actor, disk } = start();
    await waitFor(actor, (s) => s.matches('saved'));
    disk.down = true;
    actor.send({ type: 'RECORD', events: [submitted()] });
    await waitFor(actor, (s) => s.matches('offline'));

    disk.down = false;
    expect(selectCanRetry(actor.getSnapshot())).toBe(true);
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.matches('saved'));

    expect(disk.stored()).toHaveLength(1);
    actor.stop();
  });

  test('a refusal stops in error with the reason; RETRY after the cause is fixed saves', async () => {
    const { actor, disk } = start();
    await idle(actor);
    disk.refuse = 'This data folder is read-only.';
    const events = generation();

    actor.send({ type: 'RECORD', events });
    await waitFor(actor, (s) => s.matches('error'));

    expect(selectStatus(actor.getSnapshot())).toEqual({
      kind: 'error',
      unsaved: 2,
      reason: 'This data folder is read-only.',
    });
    expect(actor.getSnapshot().hasTag('error')).toBe(true);
    disk.refuse = null;
    actor.send({ type: 'RETRY' });
    await idle(actor);
    expect(ids(disk.stored())).toEqual(ids(events));
    expect(selectCanRetry(actor.getSnapshot())).toBe(false);
    actor.stop();
  });

  test('events recorded while in error stay pending and are written after RETRY', async () => {
    const { actor, disk } = start();
    await idle(actor);
    disk.refuse = 'refused';
    actor.send({ type: 'RECORD', events: [submitted()] });
    await waitFor(actor, (s) => s.matches('error'));

    actor.send({ type: 'RECORD', events: [submitted()] });
    expect(selectStatus(actor.getSnapshot()).unsaved).toBe(2);
    disk.refuse = null;
    actor.send({ type: 'RETRY' });
    await idle(actor);

    expect(disk.stored()).toHaveLength(2);
    actor.stop();
  });
});
