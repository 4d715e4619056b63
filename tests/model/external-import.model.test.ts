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
import { controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import {
  IMPORT_EVENTS,
  IMPORT_ROWS,
  type ImportFacts,
  importOracle,
} from '../fixtures/machines/oracles/external-import.oracle.ts';
import {
  type AnyEvent,
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';

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
    for (const path of paths) {
      const preview = controlledPromise<ExternalPreviewResponse, ExternalPreviewRequest>('previewImport');
      const record = controlledPromise<void, ExternalPreviewResponse>('recordImport');
      const actor = createActor(
        externalImportMachine.provide({
          actors: { previewImport: preview.logic, recordImport: record.logic },
        }),
      ).start();
      const want = factsAlong(importOracle, path.steps as never);
      let at = 0;
      const send = async ({ event }: { event: AnyEvent }) => {
        actor.send(event as never);
        await flush();
      };
      const settle =
        (control: typeof preview | typeof record) =>
        async ({ event }: { event: AnyEvent }) => {
          if (event.type.startsWith('xstate.done')) control.last().resolve(event.output as never);
          else control.last().reject(event.error);
          await flush();
        };
      await path.test({
        events: {
          CHOOSE_FILE: send,
          FILE_TOO_LARGE: send,
          COMMIT: send,
          RETRY: send,
          CLOSE: send,
          'xstate.done.actor.previewImport': settle(preview),
          'xstate.error.actor.previewImport': settle(preview),
          'xstate.done.actor.recordImport': settle(record),
          'xstate.error.actor.recordImport': settle(record),
        } as never,
        states: {
          '*': () => {
            const actual = actor.getSnapshot();
            const facts = want[at]!;
            at += 1;
            expect(stateKeyOf(actual.value), `in ${path.description}`).toBe(facts.value);
            expectRow(actual, facts);
            if (actual.matches('previewing')) expect(preview.last().input.fileName).toBe('costs.csv');
            if (actual.matches('recording')) expect(record.last().input).toBe(actual.context.preview);
          },
        },
      });
      expect(at).toBe(path.steps.length);
      // Nothing but Import records: a path that never reached `recording` never asked to record.
      if (!path.steps.some((s) => s.state.matches('recording'))) expect(record.calls).toHaveLength(0);
      actor.stop();
    }
  });

  it('the paths reach every state node', () => {
    expect(reachedStateIds(paths)).toEqual(allStateIds(externalImportMachine));
  });
});
