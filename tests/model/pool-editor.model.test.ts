import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { PoolView } from '../../src/contract/index.ts';
import { type PoolChange, poolEditorMachine } from '../../src/machines/pools/pool-editor.machine.ts';
import {
  selectIsEditingPool,
  selectIsPoolsBusy,
  selectIsPoolsOpen,
  selectPoolsProblem,
  selectPoolToRemove,
} from '../../src/machines/pools/pool-editor.selectors.ts';
import { controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import {
  type AnyEvent,
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';
import {
  GOOD_DRAFT,
  POOL_EVENTS,
  POOL_ROWS,
  type PoolFacts,
  poolOracle,
} from '../fixtures/machines/oracles/pool-editor.oracle.ts';

type Snap = SnapshotFrom<typeof poolEditorMachine>;

function expectRow(snapshot: Snap, facts: PoolFacts): void {
  const row = POOL_ROWS[stateKeyOf(snapshot.value)];
  expect(row, `a row for ${stateKeyOf(snapshot.value)}`).toBeDefined();
  expect(selectIsPoolsOpen(snapshot)).toBe(row!.open);
  expect(selectIsPoolsBusy(snapshot)).toBe(row!.busy);
  expect(selectIsEditingPool(snapshot)).toBe(row!.form);
  expect(selectPoolToRemove(snapshot) !== null).toBe(row!.removal);
  expect(selectPoolsProblem(snapshot) !== null).toBe(row!.problem);
  if (row!.form) {
    expect(snapshot.context.editingId).toBe(facts.editing);
    expect(Object.keys(snapshot.context.problems).length > 0).toBe(facts.fieldProblems);
  }
  if (['saving', 'saveFailed', 'removing', 'removeFailed'].includes(facts.value)) {
    expect(snapshot.context.change?.kind).toBe(facts.change);
  }
}

const model = createTestModel(asTestModel(poolEditorMachine), {
  events: POOL_EVENTS as never,
  serializeState: (s) =>
    JSON.stringify([
      s.value,
      s.context.editingId,
      s.context.change?.kind ?? null,
      Object.keys(s.context.problems).length > 0,
    ]),
});
const paths = model.getShortestPaths();

describe('pool editor machine (model)', () => {
  it('the oracle has a row for every state of the machine', () => {
    expectRowPerState(POOL_ROWS, poolEditorMachine);
  });

  it('every event in every state leads where the oracle says, with what it says shown', () => {
    const reached = checkEveryEdge(poolEditorMachine, undefined, poolOracle, (snapshot, facts) =>
      expectRow(snapshot as Snap, facts),
    );
    expect(reached).toEqual(Object.keys(POOL_ROWS).sort());
  });

  it('every shortest path holds in the real actor; only Save and Remove record, each one change', async () => {
    for (const path of paths) {
      const load = controlledPromise<PoolView[], void>('loadPools');
      const record = controlledPromise<void, PoolChange>('recordPool');
      const actor = createActor(
        poolEditorMachine.provide({ actors: { loadPools: load.logic, recordPool: record.logic } }),
      ).start();
      const want = factsAlong(poolOracle, path.steps as never);
      let at = 0;
      const send = async ({ event }: { event: AnyEvent }) => {
        actor.send(event as never);
        await flush();
      };
      const settle =
        (control: typeof load | typeof record) =>
        async ({ event }: { event: AnyEvent }) => {
          if (event.type.startsWith('xstate.done')) control.last().resolve(event.output as never);
          else control.last().reject(event.error);
          await flush();
        };
      const sends = Object.fromEntries(
        ['OPEN', 'ADD', 'EDIT', 'REMOVE', 'SAVE', 'CONFIRM', 'CANCEL', 'CLOSE', 'RETRY'].map((t) => [
          t,
          send,
        ]),
      );
      await path.test({
        events: {
          ...sends,
          'xstate.done.actor.loadPools': settle(load),
          'xstate.error.actor.loadPools': settle(load),
          'xstate.done.actor.recordPool': settle(record),
          'xstate.error.actor.recordPool': settle(record),
        } as never,
        states: {
          '*': () => {
            const actual = actor.getSnapshot();
            const facts = want[at]!;
            at += 1;
            expect(stateKeyOf(actual.value), `in ${path.description}`).toBe(facts.value);
            expectRow(actual, facts);
            if (actual.matches('saving')) {
              const change = record.last().input;
              expect(change.kind === 'remove' ? null : change.body.name).toBe(GOOD_DRAFT.name);
              expect(change.kind === 'remove' ? null : change.body.amountMicros).toBe(95_000_000);
            }
            if (actual.matches('removing'))
              expect(record.last().input).toEqual({ kind: 'remove', poolId: 'pool-1' });
          },
        },
      });
      expect(at).toBe(path.steps.length);
      if (!path.steps.some((s) => s.state.matches('saving') || s.state.matches('removing'))) {
        expect(record.calls).toHaveLength(0);
      }
      actor.stop();
    }
  });

  it('the paths reach every state node', () => {
    expect(reachedStateIds(paths)).toEqual(allStateIds(poolEditorMachine));
  });
});
