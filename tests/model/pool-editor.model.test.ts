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
import { controlledPromise } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import { checkEveryEdge, expectRowPerState, stateKeyOf } from '../fixtures/machines/oracles/oracle.ts';
import {
  GOOD_DRAFT,
  POOL_EVENTS,
  POOL_ROWS,
  type PoolFacts,
  poolOracle,
} from '../fixtures/machines/oracles/pool-editor.oracle.ts';
import { walkPaths } from '../fixtures/machines/oracles/walk-paths.ts';

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
    await walkPaths({
      paths: paths as never,
      oracle: poolOracle,
      events: POOL_EVENTS,
      start: () => {
        const loadPools = controlledPromise<PoolView[], void>('loadPools');
        const recordPool = controlledPromise<void, PoolChange>('recordPool');
        const actor = createActor(
          poolEditorMachine.provide({ actors: { loadPools: loadPools.logic, recordPool: recordPool.logic } }),
        ).start();
        return { actor, controls: { loadPools, recordPool } };
      },
      check: (snapshot, facts, { recordPool }) => {
        expectRow(snapshot as Snap, facts);
        if (snapshot.matches('saving')) {
          const change = recordPool.last().input;
          expect(change.kind === 'remove' ? null : change.body.name).toBe(GOOD_DRAFT.name);
          expect(change.kind === 'remove' ? null : change.body.amountMicros).toBe(95_000_000);
        }
        if (snapshot.matches('removing')) {
          expect(recordPool.last().input).toEqual({ kind: 'remove', poolId: 'pool-1' });
        }
      },
      after: (path, { recordPool }) => {
        if (!path.steps.some((s) => s.state.matches('saving') || s.state.matches('removing'))) {
          expect(recordPool.calls).toHaveLength(0);
        }
      },
    });
  });

  it('the paths reach every state node', () => {
    expect(reachedStateIds(paths)).toEqual(allStateIds(poolEditorMachine));
  });
});
