import { describe, expect, test } from 'vitest';
import type { SnapshotFrom } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { persistenceMachine } from '../../src/machines/persistence/persistence.machine.ts';
import {
  type PersistenceStatusKind,
  selectLedgerState,
  selectStatus,
} from '../../src/machines/persistence/persistence.selectors.ts';
import {
  type PersistenceModelEvent,
  persistenceModel,
} from '../fixtures/machines-persistence/persistence-model.ts';
import { persistenceSut } from '../fixtures/machines-persistence/persistence-sut.ts';
import { leafStateKeys } from '../fixtures/machines/oracles/oracle.ts';

type ModelSnapshot = SnapshotFrom<typeof persistenceModel>;

const eventTypes: PersistenceModelEvent['type'][] = [
  'CACHE_READY',
  'CACHE_BROKEN',
  'DISK_READY',
  'DISK_DOWN',
  'DISK_REFUSES',
  'WRITE_ACKED',
  'WRITE_DOWN',
  'WRITE_REFUSED',
  'RECORD',
  'REMOTE_EVENTS',
  'LEDGER_RESET',
  'RETRY',
  'BACKOFF_ELAPSED',
];
const model = createTestModel(persistenceModel, {
  events: eventTypes.map((type) => ({ type }) as PersistenceModelEvent),
});
const paths = model.getShortestPaths();
const seen = new Set<string>();

/** The status line the model expects (issue 3: Saved · Saving… · Offline, N unsaved · Error). */
function expectedKind(state: ModelSnapshot): PersistenceStatusKind {
  const { failed, retrying } = state.context;
  if (state.matches('saved')) return 'saved';
  if (state.matches('offline')) return 'offline';
  if (state.matches('error')) return 'error';
  if (retrying) return 'offline';
  if (state.matches('booting') || (state.matches('cached') && !failed)) return 'booting';
  return 'saving';
}

function expectedGenerations({ context }: ModelSnapshot): number {
  return Number(context.old) + Number(context.remote) + Number(context.recorded !== 'no');
}

describe('persistence machine against its test model', () => {
  test('the model has paths to check', () => {
    expect(paths.length).toBeGreaterThan(20);
  });

  test.each(paths.map((p) => [p.description, p] as const))('%s', async (_, path) => {
    const { actor, run } = persistenceSut(seen);
    const exec = ({ event, state }: { event: unknown; state: ModelSnapshot }) =>
      run(event as PersistenceModelEvent, String(state.value));
    await path.test({
      events: Object.fromEntries(eventTypes.map((type) => [type, exec])),
      states: {
        '*': (expected) => {
          const actual = actor.getSnapshot();
          const status = selectStatus(actual);
          expect(actual.value).toBe(expected.value);
          expect(status.kind).toBe(expectedKind(expected));
          expect(status.unsaved).toBe(expected.context.recorded === 'pending' ? 1 : 0);
          expect(status.reason !== undefined).toBe(expected.context.failed && status.kind !== 'booting');
          expect(Object.keys(selectLedgerState(actual).generations)).toHaveLength(
            expectedGenerations(expected),
          );
          expect(actual.context.epoch).toBe(expected.context.reset ? 1 : 0);
        },
      },
    });
    actor.stop();
  });

  // The hand-written model is the oracle: a state added to the machine needs its counterpart there.
  test('the test model has a state for every state of the persistence machine', () => {
    expect(leafStateKeys(persistenceModel)).toEqual(leafStateKeys(persistenceMachine));
  });

  // Runs after the path tests above (tests in a file run in order).
  test('the real actor visited every state node of the persistence machine along the paths', () => {
    const all = getStateNodes(persistenceMachine).map((n) => n.id);
    expect(all).toHaveLength(7);
    expect(all.filter((id) => !seen.has(id))).toEqual([]);
  });
});
