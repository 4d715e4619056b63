import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { SavedReport, SummaryQuery } from '../../src/contract/index.ts';
import { htmlReportMachine } from '../../src/machines/reports/html-report.machine.ts';
import {
  selectIsChoosingReport,
  selectIsReportBusy,
  selectIsReportOpen,
  selectReportProblem,
  selectReportQuery,
  selectSavedReport,
} from '../../src/machines/reports/html-report.selectors.ts';
import { controlledPromise } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import {
  REPORT,
  REPORT_EVENTS,
  REPORT_ROWS,
  type ReportFacts,
  reportOracle,
} from '../fixtures/machines/oracles/html-report.oracle.ts';
import { checkEveryEdge, expectRowPerState, stateKeyOf } from '../fixtures/machines/oracles/oracle.ts';
import { walkPaths } from '../fixtures/machines/oracles/walk-paths.ts';

type Snap = SnapshotFrom<typeof htmlReportMachine>;

function expectRow(snapshot: Snap, facts: ReportFacts): void {
  const row = REPORT_ROWS[stateKeyOf(snapshot.value)];
  expect(row, `a row for ${stateKeyOf(snapshot.value)}`).toBeDefined();
  expect(selectIsReportOpen(snapshot)).toBe(row!.open);
  expect(selectIsChoosingReport(snapshot)).toBe(row!.choosing);
  expect(selectIsReportBusy(snapshot)).toBe(row!.busy);
  expect(selectSavedReport(snapshot)).toEqual(row!.saved ? REPORT : null);
  expect(selectReportProblem(snapshot) !== null).toBe(row!.problem);
  expect(selectReportQuery(snapshot)).toEqual(facts.query);
}

const model = createTestModel(asTestModel(htmlReportMachine), {
  events: REPORT_EVENTS as never,
  serializeState: (s) => JSON.stringify([s.value, s.context.query, s.context.problem !== null]),
});
const paths = model.getShortestPaths();

describe('HTML report machine (model)', () => {
  it('the oracle has a row for every state of the machine', () => {
    expectRowPerState(REPORT_ROWS, htmlReportMachine);
  });

  it('every event in every state leads where the oracle says, with what it says shown', () => {
    const reached = checkEveryEdge(htmlReportMachine, undefined, reportOracle, (snapshot, facts) =>
      expectRow(snapshot as Snap, facts),
    );
    expect(reached).toEqual(Object.keys(REPORT_ROWS).sort());
  });

  it('every shortest path holds in the real actor, asking for the report of the filters chosen', async () => {
    await walkPaths({
      paths: paths as never,
      oracle: reportOracle,
      events: REPORT_EVENTS,
      start: () => {
        const save = controlledPromise<SavedReport, SummaryQuery>('saveHtmlReport');
        const actor = createActor(
          htmlReportMachine.provide({ actors: { saveHtmlReport: save.logic } }),
        ).start();
        return { actor, controls: { saveHtmlReport: save } };
      },
      check: (snapshot: AnyMachineSnapshot, facts, { saveHtmlReport }) => {
        expectRow(snapshot as Snap, facts);
        if (snapshot.matches('saving')) expect(saveHtmlReport.last().input).toEqual(facts.query);
      },
      after: (path, { saveHtmlReport }) => {
        if (!path.steps.some((s) => s.state.matches('saving'))) expect(saveHtmlReport.calls).toHaveLength(0);
      },
    });
  });

  it('the paths reach every state node', () => {
    expect(reachedStateIds(paths)).toEqual(allStateIds(htmlReportMachine));
  });
});
