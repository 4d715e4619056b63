import { type Actor, createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type GenerationRunInput,
  generationRunMachine,
} from '../../src/machines/generation/generation-run.machine.ts';
import type { RequestRef } from '../../src/machines/generation/generation-run.contract.ts';
import { controlledCallback, controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { ACCEPTED, facts, T } from '../fixtures/machines/generation.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import { memoryLedger } from '../fixtures/machines/ports.ts';
import { defineRecordLedgerActor } from '../../src/machines/generation/record-ledger.actor.ts';
import type {
  CancelRequestOutput,
  RecordIntentInput,
  SubmitRequestInput,
  SubmitRequestOutput,
} from '../../src/machines/generation/generation-run.contract.ts';

type Snap = SnapshotFrom<typeof generationRunMachine>;
type AnyEvent = { type: string; [key: string]: unknown };
type Step = { event: AnyEvent };

const FRESH: GenerationRunInput = {
  facts: facts(),
  falInput: { prompt: 'fox' },
  pollCapMs: 30 * 60_000,
  resume: null,
};
const RESUMED: GenerationRunInput = {
  ...FRESH,
  resume: {
    requestId: 'req-1',
    submittedAt: T(1),
    progress: { step: 'generating', startedAt: { sent: T(0) }, queuePosition: null, logs: [] },
  },
};
const status = (s: string, at: string, error: string | null = null) => ({
  type: 'STATUS',
  status: s,
  queuePosition: s === 'IN_QUEUE' ? 2 : null,
  logs: ['step'],
  error,
  at,
});
const refused = { kind: 'BALANCE_EMPTY', charged: 'no', retryable: false, message: 'Balance empty' };

// Every event with the payloads that take each guard both ways.
const EVENTS: AnyEvent[] = [
  { type: 'xstate.done.actor.recordIntent', output: undefined },
  { type: 'xstate.error.actor.recordIntent', error: { ...refused, kind: 'NETWORK', message: 'disk full' } },
  { type: 'xstate.done.actor.submitRequest', output: ACCEPTED },
  { type: 'xstate.error.actor.submitRequest', error: refused },
  status('IN_QUEUE', T(2)),
  status('IN_PROGRESS', T(3)),
  status('COMPLETED', T(4)),
  status('IN_PROGRESS', '2025-11-03T09:40:00.000Z'),
  { type: 'POLL_FAILED', failure: { ...refused, kind: 'NETWORK', charged: 'maybe', at: T(5), detail: null } },
  { type: 'xstate.error.actor.watchStatus', error: new Error('watch crashed') },
  { type: 'CANCEL' },
  { type: 'xstate.done.actor.cancelRequest', output: { reply: 'CANCELLATION_REQUESTED', at: T(6) } },
  { type: 'xstate.done.actor.cancelRequest', output: { reply: 'ALREADY_COMPLETED', at: T(6) } },
  {
    type: 'xstate.error.actor.cancelRequest',
    error: { kind: 'NETWORK', charged: 'maybe', message: 'offline' },
  },
];

const model = createTestModel(asTestModel(generationRunMachine), {
  events: EVENTS as never,
  serializeState: (s) => JSON.stringify([s.value, s.context.cancelRequested, s.context.requestId !== null]),
});

function harness(input: GenerationRunInput) {
  const ledger = memoryLedger();
  const intent = controlledPromise<void, RecordIntentInput>('recordIntent');
  const submit = controlledPromise<SubmitRequestOutput, SubmitRequestInput>('submitRequest');
  const watch = controlledCallback<RequestRef>('watchStatus');
  const cancel = controlledPromise<CancelRequestOutput, RequestRef>('cancelRequest');
  const machine = generationRunMachine.provide({
    actors: {
      recordIntent: intent.logic,
      submitRequest: submit.logic,
      watchStatus: watch.logic,
      cancelRequest: cancel.logic,
      recordLedger: defineRecordLedgerActor({ ledger }),
    },
  });
  const actor = createActor(machine, { input }).start();
  return { actor, ledger, intent, submit, watch, cancel };
}

let live: Actor<typeof generationRunMachine> | null = null;
afterEach(() => live?.stop());

async function runPaths(input: GenerationRunInput) {
  const paths = model.getShortestPaths({ input });
  for (const path of paths) {
    const h = harness(input);
    live = h.actor;
    const settle =
      (control: { last(): { resolve(v: never): void; reject(e: unknown): void } }) =>
      async ({ event }: Step) => {
        if (event.type.startsWith('xstate.done')) control.last().resolve(event.output as never);
        else control.last().reject(event.error);
        await flush();
      };
    const toWatcher = ({ event }: Step) => h.watch.sendBack(event);
    const direct = ({ event }: Step) => h.actor.send(event as never);
    const executors: Array<[string, (step: Step) => unknown]> = [
      ['xstate.done.actor.recordIntent', settle(h.intent)],
      ['xstate.error.actor.recordIntent', settle(h.intent)],
      ['xstate.done.actor.submitRequest', settle(h.submit)],
      ['xstate.error.actor.submitRequest', settle(h.submit)],
      ['STATUS', toWatcher],
      ['POLL_FAILED', toWatcher],
      // A crashing poller cannot be provoked through sendBack: deliver its error event as XState would.
      ['xstate.error.actor.watchStatus', direct],
      ['CANCEL', direct],
      ['xstate.done.actor.cancelRequest', settle(h.cancel)],
      ['xstate.error.actor.cancelRequest', settle(h.cancel)],
    ];
    await path.test({
      events: Object.fromEntries(executors) as never,
      states: {
        '*': (expected: Snap) => {
          const actual = h.actor.getSnapshot();
          expect(actual.value).toEqual(expected.value);
          expect(actual.tags).toEqual(expected.tags);
          expect(actual.context.requestId).toBe(expected.context.requestId);
        },
      },
    });
    // Nothing is recorded unless fal accepted the request.
    const accepted = h.actor.getSnapshot().context.requestId !== null;
    expect(h.ledger.ids().some((id) => id.endsWith(':submitted'))).toBe(accepted && input.resume === null);
    h.actor.stop();
  }
  return paths;
}

describe('generation-run machine (model)', () => {
  it('every shortest path of a fresh run holds in the real machine', async () => {
    const paths = await runPaths(FRESH);
    expect(paths.length).toBeGreaterThan(8);
  });

  it('every shortest path of a resumed run (Check status) holds in the real machine', async () => {
    await runPaths(RESUMED);
  });

  it('reaches every state node', () => {
    const test = asTestModel(generationRunMachine);
    const reached = reachedStateIds([
      ...model.getShortestPaths({ input: FRESH }),
      ...model.getShortestPaths({ input: RESUMED }),
    ]);
    expect(reached).toEqual(allStateIds(test));
  });
});
