import { type Actor, createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type GenerationRunInput,
  generationRunMachine,
} from '../../src/machines/generation/generation-run.machine.ts';
import type { RequestRef } from '../../src/machines/generation/generation-run.contract.ts';
import { controlledCallback, controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { facts, T } from '../fixtures/machines/generation.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import { fakeClock, memoryLedger } from '../fixtures/machines/ports.ts';
import { defineRecordLedgerActor } from '../../src/machines/generation/record-ledger.actor.ts';
import { defineRecordIntentActor } from '../../src/machines/generation/record-intent.actor.ts';
import type {
  CancelRequestOutput,
  SubmitRequestInput,
  SubmitRequestOutput,
} from '../../src/machines/generation/generation-run.contract.ts';
import type { LedgerEventDraft, LedgerPort } from '../../src/machines/ports.ts';
import {
  expectRunRow,
  RUN_ESTIMATE_USD_MICROS,
  RUN_EVENTS,
  RUN_ROWS,
  runOracle,
} from '../fixtures/machines/oracles/generation-run.oracle.ts';
import { expectLedger } from '../fixtures/machines/oracles/ledger-totals.ts';
import {
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';

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

// Every event with the payloads that take each guard both ways (listed with the oracle that reads them).
const EVENTS: AnyEvent[] = RUN_EVENTS;

const model = createTestModel(asTestModel(generationRunMachine), {
  events: EVENTS as never,
  serializeState: (s) => JSON.stringify([s.value, s.context.cancelRequested, s.context.requestId !== null]),
});

/** One held durable write: the write-ahead intent waits on the "disk" until the test answers. */
interface HeldWrite {
  resolve(): void;
  reject(error: unknown): void;
}

function harness(input: GenerationRunInput) {
  const ledger = memoryLedger();
  // The real write-ahead actor over a disk whose acknowledgement the test gives (or refuses).
  const held: HeldWrite[] = [];
  const port: LedgerPort = {
    record: ledger.record,
    recordDurably: (drafts: readonly LedgerEventDraft[]) =>
      new Promise<void>((resolve, reject) => {
        held.push({
          resolve: () => {
            ledger.write(drafts);
            resolve();
          },
          reject,
        });
      }),
  };
  const submit = controlledPromise<SubmitRequestOutput, SubmitRequestInput>('submitRequest');
  const watch = controlledCallback<RequestRef>('watchStatus');
  const cancel = controlledPromise<CancelRequestOutput, RequestRef>('cancelRequest');
  const machine = generationRunMachine.provide({
    actors: {
      recordIntent: defineRecordIntentActor({ ledger: port, clock: fakeClock(T(0)) }),
      submitRequest: submit.logic,
      watchStatus: watch.logic,
      cancelRequest: cancel.logic,
      recordLedger: defineRecordLedgerActor({ ledger: port }),
    },
  });
  const actor = createActor(machine, { input }).start();
  const intent = {
    last: () => {
      const write = held.at(-1);
      if (!write) throw new Error('recordIntent never wrote');
      return { resolve: () => write.resolve(), reject: (error: unknown) => write.reject(error) };
    },
  };
  return { actor, ledger, intent, submit, watch, cancel };
}

let live: Actor<typeof generationRunMachine> | null = null;
afterEach(() => live?.stop());

async function runPaths(input: GenerationRunInput) {
  const oracle = runOracle(input.resume !== null);
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
    const toWatcher = async ({ event }: Step) => {
      h.watch.sendBack(event);
      await flush();
    };
    const direct = async ({ event }: Step) => {
      h.actor.send(event as never);
      await flush();
    };
    const executors: Array<[string, (step: Step) => unknown]> = [
      // The disk refuses the intent: the real actor turns it into a failure that was never charged.
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
    // The oracle's facts after each step, from the events alone.
    const want = factsAlong(oracle, path.steps as never);
    let at = 0;
    await path.test({
      events: Object.fromEntries(executors) as never,
      states: {
        '*': (expected: Snap) => {
          const actual = h.actor.getSnapshot();
          expect(actual.value).toEqual(expected.value);
          expect(actual.tags).toEqual(expected.tags);
          expect(actual.context.requestId).toBe(expected.context.requestId);
          // The independent statement: the state the event must lead to, its row, and the ledger so far.
          const f = want[at]!;
          at += 1;
          expect(stateKeyOf(actual.value), 'state the oracle expects').toBe(f.value);
          expectRunRow(actual, f);
          expectLedger(h.ledger.events, f.ledger, f.money, `in ${f.value}`);
        },
      },
    });
    expect(at).toBe(path.steps.length);
    // Nothing is recorded unless fal accepted the request.
    const accepted = h.actor.getSnapshot().context.requestId !== null;
    expect(h.ledger.ids().some((id) => id.endsWith(':submitted'))).toBe(accepted && input.resume === null);
    // At the path's end the ledger holds exactly what the oracle accumulated along it.
    const end = want.at(-1)!;
    expectLedger(h.ledger.events, end.ledger, end.money, `at the end of ${path.description}`);
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

  it('the oracle has a row for every state of the machine', () => {
    expectRowPerState(RUN_ROWS, generationRunMachine);
    // The estimate the oracle counts is the catalog's: 1 MP × $0.025.
    expect(RUN_ESTIMATE_USD_MICROS).toBe(25_000);
    expect(FRESH.facts.estimate.usdMicros).toBe(RUN_ESTIMATE_USD_MICROS);
  });

  it.each([
    ['a fresh run', FRESH],
    ['a resumed run', RESUMED],
  ])('every edge of %s leads where the oracle says, and its row holds there', (_, input) => {
    const reached = checkEveryEdge(
      asTestModel(generationRunMachine),
      input,
      runOracle(input.resume !== null),
      (s, f) => expectRunRow(s as Snap, f),
    );
    const fresh = input.resume === null;
    expect(reached).toEqual(
      Object.keys(RUN_ROWS)
        .filter((key) => fresh || !['recordingIntent', 'submitting'].includes(key))
        .sort(),
    );
  });
});
