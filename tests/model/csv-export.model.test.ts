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
import { controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import {
  EXPORT_EVENTS,
  EXPORT_ROWS,
  type ExportFacts,
  exportOracle,
  SAVED,
} from '../fixtures/machines/oracles/csv-export.oracle.ts';
import {
  type AnyEvent,
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';

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
    for (const path of paths) {
      const save = controlledPromise<SavedReport, SummaryQuery>('saveCostCsv');
      const actor = createActor(csvExportMachine.provide({ actors: { saveCostCsv: save.logic } })).start();
      const want = factsAlong(exportOracle, path.steps as never);
      let at = 0;
      const send = async ({ event }: { event: AnyEvent }) => {
        actor.send(event as never);
        await flush();
      };
      await path.test({
        events: {
          EXPORT: send,
          RETRY: send,
          DISMISS: send,
          'xstate.done.actor.saveCostCsv': async ({ event }: { event: AnyEvent }) => {
            save.last().resolve(event.output as SavedReport);
            await flush();
          },
          'xstate.error.actor.saveCostCsv': async ({ event }: { event: AnyEvent }) => {
            save.last().reject(event.error);
            await flush();
          },
        } as never,
        states: {
          '*': () => {
            const actual = actor.getSnapshot();
            const facts = want[at]!;
            at += 1;
            expect(stateKeyOf(actual.value), `in ${path.description}`).toBe(facts.value);
            expectRow(actual, facts);
            // Each export or retry asks the backend once, for the query shown when it was asked.
            if (actual.matches('saving')) expect(save.last().input).toEqual(facts.query);
          },
        },
      });
      expect(at).toBe(path.steps.length);
      actor.stop();
    }
  });

  it('the paths reach every state node', () => {
    expect(reachedStateIds(paths)).toEqual(allStateIds(csvExportMachine));
  });
});
