import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { SavedReport, SummaryQuery } from '../../src/contract/index.ts';
import { csvExportMachine } from '../../src/machines/reports/csv-export.machine.ts';
import {
  selectExportProblem,
  selectIsExporting,
  selectSavedExport,
} from '../../src/machines/reports/csv-export.selectors.ts';
import { controlledPromise } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import {
  EXPORT_EVENTS,
  EXPORT_ROWS,
  type ExportFacts,
  exportOracle,
  SAVED,
} from '../fixtures/machines/oracles/csv-export.oracle.ts';
import { checkEveryEdge, expectRowPerState, stateKeyOf } from '../fixtures/machines/oracles/oracle.ts';
import { walkPaths } from '../fixtures/machines/oracles/walk-paths.ts';

type Snap = SnapshotFrom<typeof csvExportMachine>;

function expectRow(snapshot: Snap, facts: ExportFacts): void {
  const row = EXPORT_ROWS[stateKeyOf(snapshot.value)];
  expect(row, `a row for ${stateKeyOf(snapshot.value)}`).toBeDefined();
  expect(selectIsExporting(snapshot)).toBe(row!.busy);
  expect(selectSavedExport(snapshot)).toEqual(row!.saved ? SAVED : null);
  expect(selectExportProblem(snapshot) !== null).toBe(row!.problem);
  expect(snapshot.context.query).toEqual(facts.query);
}

const model = createTestModel(asTestModel(csvExportMachine), {
  events: EXPORT_EVENTS as never,
  serializeState: (s) => JSON.stringify([s.value, s.context.query, s.context.problem !== null]),
});
const paths = model.getShortestPaths();

describe('CSV export machine (model)', () => {
  it('the oracle has a row for every state of the machine', () => {
    expectRowPerState(EXPORT_ROWS, csvExportMachine);
  });

  it('every event in every state leads where the oracle says, with what it says shown', () => {
    const reached = checkEveryEdge(csvExportMachine, undefined, exportOracle, (snapshot, facts) =>
      expectRow(snapshot as Snap, facts),
    );
    expect(reached).toEqual(Object.keys(EXPORT_ROWS).sort());
  });

  it('every shortest path holds in the real actor, asking the backend for the query shown', async () => {
    expect(paths.length).toBeGreaterThanOrEqual(4);
    await walkPaths({
      paths: paths as never,
      oracle: exportOracle,
      events: EXPORT_EVENTS,
      start: () => {
        const saveCostCsv = controlledPromise<SavedReport, SummaryQuery>('saveCostCsv');
        const actor = createActor(
          csvExportMachine.provide({ actors: { saveCostCsv: saveCostCsv.logic } }),
        ).start();
        return { actor, controls: { saveCostCsv } };
      },
      check: (snapshot, facts, { saveCostCsv }) => {
        expectRow(snapshot as Snap, facts);
        // Each export or retry asks the backend once, for the query shown when it was asked.
        if (snapshot.matches('saving')) expect(saveCostCsv.last().input).toEqual(facts.query);
      },
    });
  });

  it('the paths reach every state node', () => {
    expect(reachedStateIds(paths)).toEqual(allStateIds(csvExportMachine));
  });
});
