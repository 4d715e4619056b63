import { describe, expect, test } from 'vitest';
import { createActor, type SnapshotFrom, waitFor } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import { defineResetLedgerActor } from '../../src/machines/reset/reset-ledger.actor.ts';
import type { LedgerResetResult } from '../../src/machines/persistence/persistence-ports.ts';
import { resetMachine } from '../../src/machines/reset/reset.machine.ts';
import {
  selectBackupPath,
  selectCanConfirmReset,
  selectIsResetOpen,
  selectResetFailure,
  selectResetText,
} from '../../src/machines/reset/reset.selectors.ts';
import { type Deferred, deferred } from '../fixtures/machines-persistence/deferred.ts';
import { type ResetModelEvent, resetModel } from '../fixtures/machines-persistence/reset-model.ts';
import { leafStateKeys } from '../fixtures/machines/oracles/oracle.ts';

const result: LedgerResetResult = {
  backupPath: '/data/backups/reset-1.json',
  event: { id: 'reset-1', type: 'ledger.reset', at: '2025-12-01T00:00:00.000Z', epoch: 1, v: 1, newEpoch: 1 },
};

const model = createTestModel(resetModel, {
  events: [
    { type: 'OPEN' },
    { type: 'TYPE', text: 'DELET' },
    { type: 'TYPE', text: ' DELETE ' },
    { type: 'TYPE', text: 'DELETE' },
    { type: 'TYPE', text: 'delete' },
    { type: 'TYPE', text: 'DELETED' },
    { type: 'CONFIRM' },
    { type: 'RESET_SUCCEEDS' },
    { type: 'RESET_FAILS' },
    { type: 'RETRY' },
    { type: 'CLOSE' },
  ],
});
const paths = model.getShortestPaths();
const seen = new Set<string>();

/** The real reset machine with the real reset actor over a backend call the test finishes. */
function sut() {
  let call: Deferred<LedgerResetResult> | null = null;
  const disk = {
    resetLedger: () => {
      call = deferred<LedgerResetResult>();
      return call.promise;
    },
  };
  const logic = resetMachine.provide({
    actors: { resetLedger: defineResetLedgerActor({ disk, cache: { clear: async () => {} } }) },
  });
  const actor = createActor(logic).start();
  actor.subscribe((s) => {
    for (const node of s._nodes) seen.add(node.id);
  });
  const finish = async (settle: (c: Deferred<LedgerResetResult>) => void, target: string) => {
    settle(call!);
    await waitFor(actor, (s) => s.matches(target as never), { timeout: 2_000 });
  };
  return { actor, finish };
}

type Sut = ReturnType<typeof sut>['actor'];

/** What the user sees in each model state, checked on the real actor. */
function assertSees(actor: Sut, expected: SnapshotFrom<typeof resetModel>) {
  const actual = actor.getSnapshot();
  expect(actual.value).toBe(expected.value);
  expect(selectIsResetOpen(actual)).toBe(!expected.matches('idle'));
  expect(selectCanConfirmReset(actual)).toBe(expected.matches('armed'));
  expect(actual.hasTag('busy')).toBe(expected.matches('resetting'));
  expect(selectResetText(actual)).toBe(expected.context.text);
  expect(selectBackupPath(actual)).toBe(expected.matches('done') ? result.backupPath : null);
  expect(selectResetFailure(actual) !== null).toBe(expected.matches('failed'));
}

describe('reset machine against its test model', () => {
  test.each(paths.map((p) => [p.description, p] as const))('%s', async (_, path) => {
    const { actor, finish } = sut();
    const send = ({ event }: { event: unknown }) => actor.send(event as ResetModelEvent as never);
    const succeed = () => finish((c) => c.resolve(result), 'done');
    const fail = () => finish((c) => c.reject(new Error('ENOSPC: the disk is full')), 'failed');
    await path.test({
      events: {
        OPEN: send,
        TYPE: send,
        CONFIRM: send,
        RETRY: send,
        CLOSE: send,
        RESET_SUCCEEDS: succeed,
        RESET_FAILS: fail,
      },
      states: { '*': (expected) => assertSees(actor, expected) },
    });
    actor.stop();
  });

  // The hand-written model is the oracle: a state added to the machine needs its counterpart there.
  test('the test model has a state for every state of the reset machine', () => {
    expect(leafStateKeys(resetModel)).toEqual(leafStateKeys(resetMachine));
  });

  // Runs after the path tests above (tests in a file run in order).
  test('the real actor visited every state node of the reset machine along the paths', () => {
    const all = getStateNodes(resetMachine).map((n) => n.id);
    expect(all).toHaveLength(6);
    expect(all.filter((id) => !seen.has(id))).toEqual([]);
  });
});
