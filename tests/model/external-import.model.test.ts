import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { ExternalPreviewRequest, ExternalPreviewResponse } from '../../src/contract/index.ts';
import { externalImportMachine } from '../../src/machines/imports/external-import.machine.ts';
import {
  selectCanCommitImport,
  selectImportedRows,
  selectImportProblem,
  selectIsImportBusy,
  selectIsImportOpen,
} from '../../src/machines/imports/external-import.selectors.ts';
import { controlledPromise } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import {
  IMPORT_EVENTS,
  IMPORT_ROWS,
  type ImportFacts,
  importOracle,
} from '../fixtures/machines/oracles/external-import.oracle.ts';
import { checkEveryEdge, expectRowPerState, stateKeyOf } from '../fixtures/machines/oracles/oracle.ts';
import { walkPaths } from '../fixtures/machines/oracles/walk-paths.ts';

type Snap = SnapshotFrom<typeof externalImportMachine>;

function expectRow(snapshot: Snap, facts: ImportFacts): void {
  const row = IMPORT_ROWS[stateKeyOf(snapshot.value)];
  expect(row, `a row for ${stateKeyOf(snapshot.value)}`).toBeDefined();
  expect(selectIsImportOpen(snapshot)).toBe(row!.open);
  expect(selectIsImportBusy(snapshot)).toBe(row!.busy);
  expect(selectImportProblem(snapshot) !== null).toBe(row!.problem);
  expect(selectCanCommitImport(snapshot)).toBe(facts.value === 'preview' && (facts.rows ?? 0) > 0);
  expect(selectImportedRows(snapshot)).toBe(facts.value === 'imported' ? facts.recorded : null);
  expect(snapshot.context.failedAt).toBe(facts.failedAt);
}

const model = createTestModel(asTestModel(externalImportMachine), {
  events: IMPORT_EVENTS as never,
  serializeState: (s) =>
    JSON.stringify([s.value, s.context.preview?.rows.length ?? null, s.context.failedAt, s.context.recorded]),
});
const paths = model.getShortestPaths();

describe('external-cost import machine (model)', () => {
  it('the oracle has a row for every state of the machine', () => {
    expectRowPerState(IMPORT_ROWS, externalImportMachine);
  });

  it('every event in every state leads where the oracle says, with what it says shown', () => {
    const reached = checkEveryEdge(externalImportMachine, undefined, importOracle, (snapshot, facts) =>
      expectRow(snapshot as Snap, facts),
    );
    expect(reached).toEqual(Object.keys(IMPORT_ROWS).sort());
  });

  it('every shortest path holds in the real actor; only Import records, and it records the preview', async () => {
    await walkPaths({
      paths: paths as never,
      oracle: importOracle,
      events: IMPORT_EVENTS,
      start: () => {
        const previewImport = controlledPromise<ExternalPreviewResponse, ExternalPreviewRequest>(
          'previewImport',
        );
        const recordImport = controlledPromise<void, ExternalPreviewResponse>('recordImport');
        const actor = createActor(
          externalImportMachine.provide({
            actors: { previewImport: previewImport.logic, recordImport: recordImport.logic },
          }),
        ).start();
        return { actor, controls: { previewImport, recordImport } };
      },
      check: (snapshot, facts, { previewImport, recordImport }) => {
        expectRow(snapshot as Snap, facts);
        if (snapshot.matches('previewing')) expect(previewImport.last().input.fileName).toBe('costs.csv');
        if (snapshot.matches('recording')) expect(recordImport.last().input).toBe(snapshot.context.preview);
      },
      // Nothing but Import records: a path that never reached `recording` never asked to record.
      after: (path, { recordImport }) => {
        if (!path.steps.some((s) => s.state.matches('recording'))) expect(recordImport.calls).toHaveLength(0);
      },
    });
  });

  it('the paths reach every state node', () => {
    expect(reachedStateIds(paths)).toEqual(allStateIds(externalImportMachine));
  });
});
