import { beforeEach, describe, expect, test } from 'vitest';
import { createActor, fromCallback, setup, waitFor } from 'xstate';
import {
  PERSISTENCE_SYSTEM_ID,
  persistenceMachine,
} from '../../../../src/machines/persistence/persistence.machine.ts';
import { selectLedgerState } from '../../../../src/machines/persistence/persistence.selectors.ts';
import { isResetConfirmText, resetMachine } from '../../../../src/machines/reset/reset.machine.ts';
import {
  selectBackupPath,
  selectCanConfirmReset,
  selectResetFailure,
  selectResetStep,
} from '../../../../src/machines/reset/reset.selectors.ts';
import { persistenceActors, resetActors } from '../../../fixtures/machines-persistence/actors.ts';
import { deferred } from '../../../fixtures/machines-persistence/deferred.ts';
import { createMemoryCache } from '../../../fixtures/machines-persistence/memory-cache.ts';
import { createMemoryDisk } from '../../../fixtures/machines-persistence/memory-disk.ts';
import { generation, resetBuilders } from '../../../fixtures/ledger-builders.ts';

function start(disk = createMemoryDisk(generation()), cache = createMemoryCache()) {
  const actor = createActor(
    resetMachine.provide({ actors: resetActors({ disk: disk.port, cache: cache.port }) }),
  );
  actor.start();
  return { actor, disk, cache };
}

beforeEach(() => resetBuilders());

describe('typing and arming', () => {
  test.each([
    ['DELETE', true],
    [' DELETE ', true],
    ['\tDELETE\n', true],
    ['delete', false],
    ['Delete', false],
    ['DELET', false],
    ['DELETED', false],
    ['DE LETE', false],
    ['', false],
  ])('%j arms the reset: %s', (text, armed) => {
    const { actor } = start();
    actor.send({ type: 'OPEN' });

    actor.send({ type: 'TYPE', text });

    expect(selectResetStep(actor.getSnapshot())).toBe(armed ? 'armed' : 'typing');
    expect(selectCanConfirmReset(actor.getSnapshot())).toBe(armed);
    expect(isResetConfirmText(text)).toBe(armed);
    actor.stop();
  });

  test('editing the text away from DELETE disarms it again; CONFIRM is then ignored', () => {
    const { actor, disk } = start();
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'TYPE', text: 'DELETE' });

    actor.send({ type: 'TYPE', text: 'DELET' });
    actor.send({ type: 'CONFIRM' });

    expect(selectResetStep(actor.getSnapshot())).toBe('typing');
    expect(actor.getSnapshot().context.text).toBe('DELET');
    expect(disk.stored().map((e) => e.type)).not.toContain('ledger.reset');
    actor.stop();
  });

  test('CLOSE returns to idle and forgets the text', () => {
    const { actor } = start();
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'TYPE', text: 'DELETE' });

    actor.send({ type: 'CLOSE' });

    expect(selectResetStep(actor.getSnapshot())).toBe('idle');
    expect(actor.getSnapshot().context.text).toBe('');
    actor.stop();
  });
});

describe('resetting', () => {
  test('done shows the backup path; the disk holds only the reset and the cache is cleared', async () => {
    const cache = createMemoryCache({ state: null, events: generation(), pending: [] });
    const { actor, disk } = start(undefined, cache);
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'TYPE', text: 'DELETE' });

    actor.send({ type: 'CONFIRM' });
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    await waitFor(actor, (s) => s.matches('done'));

    expect(selectBackupPath(actor.getSnapshot())).toBe('/backups/ledger-before-reset-1.jsonl');
    expect(disk.stored().map((e) => e.type)).toEqual(['ledger.reset']);
    expect(cache.contents()).toBeNull();
    actor.stop();
  });

  test('a failed reset leaves the data untouched, shows why, and can be retried', async () => {
    const { actor, disk } = start();
    const before = disk.stored();
    disk.refuse = 'This data folder is read-only.';
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'TYPE', text: 'DELETE' });

    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('failed'));

    expect(selectResetFailure(actor.getSnapshot())).toBe('This data folder is read-only.');
    expect(actor.getSnapshot().hasTag('error')).toBe(true);
    expect(disk.stored()).toEqual(before);
    disk.refuse = null;
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.matches('done'));
    actor.stop();
  });

  test('a failed reset can be closed', async () => {
    const { actor, disk } = start();
    disk.down = true;
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'TYPE', text: 'DELETE' });
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('failed'));

    actor.send({ type: 'CLOSE' });

    expect(selectResetStep(actor.getSnapshot())).toBe('idle');
    expect(selectResetFailure(actor.getSnapshot())).toBeNull();
    actor.stop();
  });

  test('the modal cannot be closed while the reset runs', async () => {
    const { actor, disk } = start();
    const gate = deferred<void>();
    disk.gate = gate.promise;
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'TYPE', text: 'DELETE' });
    actor.send({ type: 'CONFIRM' });

    expect(actor.getSnapshot().can({ type: 'CLOSE' })).toBe(false);
    disk.gate = null;
    gate.resolve();
    await waitFor(actor, (s) => s.matches('done'));
    actor.stop();
  });

  test('a cache that cannot be cleared only warns: the reset itself succeeded', async () => {
    const cache = createMemoryCache();
    cache.failing = 'storage unavailable';
    const { actor } = start(undefined, cache);
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'TYPE', text: 'DELETE' });

    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('done'));

    expect(actor.getSnapshot().context.cacheWarning).toBe('storage unavailable');
    actor.stop();
  });

  test('resetLedger fails loudly when not provided', async () => {
    const actor = createActor(resetMachine).start();
    actor.send({ type: 'OPEN' });
    actor.send({ type: 'TYPE', text: 'DELETE' });

    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('failed'));

    expect(selectResetFailure(actor.getSnapshot())).toBe(
      'resetLedger actor not provided: supply with .provide()',
    );
    actor.stop();
  });
});

test('in one system, a finished reset makes the persistence actor adopt the new epoch at once', async () => {
  // Arrange: a panel root that runs both machines, as the UI's composition root may.
  const disk = createMemoryDisk(generation());
  const cache = createMemoryCache();
  const panel = setup({
    actors: {
      persistence: persistenceMachine.provide({
        // No live stream here, so only the reset machine can tell persistence about the reset.
        actors: {
          ...persistenceActors({ disk: disk.port, cache: cache.port }),
          syncRemoteEvents: fromCallback(() => () => {}),
        },
      }),
      reset: resetMachine.provide({ actors: resetActors({ disk: disk.port, cache: cache.port }) }),
    },
  }).createMachine({
    invoke: [
      { id: 'persistence', src: 'persistence', systemId: PERSISTENCE_SYSTEM_ID, input: {} },
      { id: 'reset', src: 'reset', systemId: 'reset' },
    ],
  });
  const root = createActor(panel).start();
  const persistence = root.system.get(PERSISTENCE_SYSTEM_ID);
  await waitFor(persistence, (s) => s.matches('saved'));
  expect(Object.keys(selectLedgerState(persistence.getSnapshot()).generations)).toHaveLength(1);
  const reset = root.system.get('reset');

  // Act
  reset.send({ type: 'OPEN' });
  reset.send({ type: 'TYPE', text: 'DELETE' });
  reset.send({ type: 'CONFIRM' });
  await waitFor(reset, (s) => s.matches('done'));

  // Assert
  expect(Object.keys(selectLedgerState(persistence.getSnapshot()).generations)).toHaveLength(0);
  expect(persistence.getSnapshot().context.epoch).toBe(1);
  root.stop();
});
