import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { defineRecordLedgerActor } from '../../src/machines/generation/record-ledger.actor.ts';
import {
  type GenerationFetchInput,
  generationFetchMachine,
} from '../../src/machines/generation/generation-fetch.machine.ts';
import type {
  FetchResultOutput,
  ImportMediaInput,
  ImportMediaOutput,
  RequestRef,
} from '../../src/machines/generation/generation-run.contract.ts';
import { requestedDraft, submittedDraft } from '../../src/machines/generation/generation-ledger.ts';
import { controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { facts, FLUX_DEV, RESULT, T } from '../fixtures/machines/generation.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import { memoryLedger } from '../fixtures/machines/ports.ts';
import {
  BILLED_UNITS,
  expectFetchRow,
  FETCH_ESTIMATE_USD_MICROS,
  FETCH_EVENTS,
  FETCH_ROWS,
  fetchOracle,
  METERED_USD_MICROS,
} from '../fixtures/machines/oracles/generation-fetch.oracle.ts';
import { expectLedger } from '../fixtures/machines/oracles/ledger-totals.ts';
import {
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';

type Snap = SnapshotFrom<typeof generationFetchMachine>;
type AnyEvent = { type: string; [key: string]: unknown };

const BASE: GenerationFetchInput = {
  genId: 'gen-1',
  endpointId: FLUX_DEV.endpoint_id,
  category: FLUX_DEV.category,
  requestId: 'req-1',
  submittedAt: T(1),
  falInput: { prompt: 'fox' },
  unitPriceUsdMicros: 25_000,
  falFailed: false,
  from: 'downloading',
  media: [],
  progress: { step: 'downloading', startedAt: { downloading: T(10) }, queuePosition: null, logs: [] },
};
const INPUTS: GenerationFetchInput[] = [
  BASE,
  { ...BASE, falFailed: true },
  { ...BASE, from: 'importing', media: RESULT.media },
];
const name = (input: GenerationFetchInput) => `${input.from}${input.falFailed ? ' after a fal failure' : ''}`;

// The results with and without media and units, and each step failing (listed with the oracle).
const EVENTS: AnyEvent[] = FETCH_EVENTS;

const model = createTestModel(asTestModel(generationFetchMachine), {
  events: EVENTS as never,
  serializeState: (s) =>
    JSON.stringify([s.value, s.context.from, s.context.falFailed, s.context.retry, s.context.actual]),
});

describe('generation-fetch machine (model)', () => {
  it.each(INPUTS.map((input) => [name(input), input] as const))(
    'every shortest path from %s holds in the real machine',
    async (_, input) => {
      const oracle = fetchOracle(input);
      for (const path of model.getShortestPaths({ input })) {
        const ledger = memoryLedger();
        // What the run recorded before handing over: the intent and fal's acceptance, at the estimate.
        ledger.write([requestedDraft(facts(), T(0)), submittedDraft(facts(), 'req-1', T(1))]);
        const fetch = controlledPromise<FetchResultOutput, RequestRef>('fetchResult');
        const importMedia = controlledPromise<ImportMediaOutput, ImportMediaInput>('importMedia');
        const machine = generationFetchMachine.provide({
          actors: {
            fetchResult: fetch.logic,
            importMedia: importMedia.logic,
            recordLedger: defineRecordLedgerActor({ ledger }),
          },
        });
        const actor = createActor(machine, { input }).start();
        const settle =
          (control: typeof fetch | typeof importMedia) =>
          async ({ event }: { event: AnyEvent }) => {
            if (event.type.startsWith('xstate.done')) control.last().resolve(event.output as never);
            else control.last().reject(event.error);
            await flush();
          };
        const want = factsAlong(oracle, path.steps as never);
        let at = 0;
        await path.test({
          events: {
            'xstate.done.actor.fetchResult': settle(fetch),
            'xstate.error.actor.fetchResult': settle(fetch),
            'xstate.done.actor.importMedia': settle(importMedia),
            'xstate.error.actor.importMedia': settle(importMedia),
          } as never,
          states: {
            '*': (expected: Snap) => {
              const actual = actor.getSnapshot();
              expect(actual.value).toEqual(expected.value);
              expect(actual.context.retry).toBe(expected.context.retry);
              expect(actual.context.actual).toEqual(expected.context.actual);
              // The independent statement: the state the event must lead to, its row, the ledger so far.
              const f = want[at]!;
              at += 1;
              expect(stateKeyOf(actual.value), 'state the oracle expects').toBe(f.value);
              expectFetchRow(actual, f);
              expectLedger(ledger.events, f.ledger, f.money, `in ${f.value}`);
            },
          },
        });
        expect(at).toBe(path.steps.length);
        await flush();
        // Every outcome leaves a fact: completed, or failed with its charge flag.
        const outcome = actor.getSnapshot().context.outcome;
        if (outcome === 'done') expect(ledger.ids()).toContain('gen-1:completed');
        if (outcome === 'failed')
          expect(ledger.ids().some((id) => id.startsWith('gen-1:failed:'))).toBe(true);
        // At the path's end the ledger holds exactly what the oracle accumulated along it.
        const end = want.at(-1)!;
        expectLedger(ledger.events, end.ledger, end.money, `at the end of ${path.description}`);
        actor.stop();
      }
    },
  );

  it('reaches every state node', () => {
    const reached = reachedStateIds(INPUTS.flatMap((input) => model.getShortestPaths({ input })));
    expect(reached).toEqual(allStateIds(asTestModel(generationFetchMachine)));
  });

  it('the oracle has a row for every state of the machine, and its prices are the catalog rate', () => {
    expectRowPerState(FETCH_ROWS, generationFetchMachine);
    // $0.025 per megapixel: 1 MP estimated, 2 MP billed.
    expect(FETCH_ESTIMATE_USD_MICROS).toBe(25_000);
    expect(METERED_USD_MICROS).toBe(BILLED_UNITS * 25_000);
  });

  it.each(INPUTS.map((input) => [name(input), input] as const))(
    'every edge from %s leads where the oracle says, and its row holds there',
    (_, input) => {
      const reached = checkEveryEdge(asTestModel(generationFetchMachine), input, fetchOracle(input), (s, f) =>
        expectFetchRow(s as Snap, f),
      );
      const importOnly = input.from === 'importing';
      expect(reached).toEqual(
        Object.keys(FETCH_ROWS)
          .filter((key) => !importOnly || key !== 'downloading')
          .sort(),
      );
    },
  );
});
