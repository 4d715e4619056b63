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
import { controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { FLUX_DEV, RESULT, T } from '../fixtures/machines/generation.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import { memoryLedger } from '../fixtures/machines/ports.ts';

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

const EVENTS: AnyEvent[] = [
  { type: 'xstate.done.actor.fetchResult', output: RESULT },
  { type: 'xstate.done.actor.fetchResult', output: { ...RESULT, media: [], billableUnits: null } },
  {
    type: 'xstate.error.actor.fetchResult',
    error: { kind: 'NETWORK', charged: 'maybe', message: 'offline' },
  },
  { type: 'xstate.done.actor.importMedia', output: { paths: ['/project/fox.png'], at: T(30) } },
  { type: 'xstate.error.actor.importMedia', error: new Error('Premiere refused the file') },
];

const model = createTestModel(asTestModel(generationFetchMachine), {
  events: EVENTS as never,
  serializeState: (s) =>
    JSON.stringify([s.value, s.context.from, s.context.falFailed, s.context.retry, s.context.actual]),
});

describe('generation-fetch machine (model)', () => {
  it.each(
    INPUTS.map((input) => [`${input.from}${input.falFailed ? ' after a fal failure' : ''}`, input] as const),
  )('every shortest path from %s holds in the real machine', async (_, input) => {
    for (const path of model.getShortestPaths({ input })) {
      const ledger = memoryLedger();
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
          },
        },
      });
      await flush();
      // Every outcome leaves a fact: completed, or failed with its charge flag.
      const outcome = actor.getSnapshot().context.outcome;
      if (outcome === 'done') expect(ledger.ids()).toContain('gen-1:completed');
      if (outcome === 'failed') expect(ledger.ids().some((id) => id.startsWith('gen-1:failed:'))).toBe(true);
      actor.stop();
    }
  });

  it('reaches every state node', () => {
    const reached = reachedStateIds(INPUTS.flatMap((input) => model.getShortestPaths({ input })));
    expect(reached).toEqual(allStateIds(asTestModel(generationFetchMachine)));
  });
});
