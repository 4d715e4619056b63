import { createActor, fromCallback, fromPromise, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { configKey } from '../../src/domain/index.ts';
import {
  type GenerationFetchOutput,
  generationFetchMachine,
} from '../../src/machines/generation/generation-fetch.machine.ts';
import { type GenerationInput, generationMachine } from '../../src/machines/generation/generation.machine.ts';
import {
  type GenerationRunOutput,
  generationRunMachine,
} from '../../src/machines/generation/generation-run.machine.ts';
import { ACCEPTED, FLUX_DEV, generationInput, RESULT, settings, T } from '../fixtures/machines/generation.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import type { RecordIntentInput } from '../../src/machines/generation/generation-run.contract.ts';
import { requestedDraft } from '../../src/machines/generation/generation-ledger.ts';
import { memoryLedger } from '../fixtures/machines/ports.ts';
import {
  DOLLAR_MODEL,
  expectGenerationRow,
  expectedEstimate,
  GENERATION_ROWS,
  generationOracle,
  intentsIn,
  intentTotals,
  LEARNED_SAMPLES_USD_MICROS,
  LIVE_LICENCES,
} from '../fixtures/machines/oracles/generation.oracle.ts';
import { expectLedger } from '../fixtures/machines/oracles/ledger-totals.ts';
import {
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';

type Snap = SnapshotFrom<typeof generationMachine>;
type AnyEvent = { type: string; [key: string]: unknown };

const PROGRESS = {
  step: 'generating',
  startedAt: { sent: T(0), queued: T(1), generating: T(3) },
  queuePosition: null,
  logs: [],
};
const runOutput = (outcome: GenerationRunOutput['outcome'], accepted = true): GenerationRunOutput => ({
  requestId: accepted ? ACCEPTED.requestId : null,
  submittedAt: accepted ? ACCEPTED.at : null,
  progress: PROGRESS as GenerationRunOutput['progress'],
  falFailed: false,
  failure:
    outcome === 'failed'
      ? {
          kind: accepted ? 'NETWORK' : 'BALANCE_EMPTY',
          charged: accepted ? 'maybe' : 'no',
          message: 'x',
          retryable: false,
          at: T(5),
          detail: null,
        }
      : null,
  cancelRequested: false,
  ledgerError: null,
  outcome,
  finishedAt: T(5),
});
const fetchOutput = (
  outcome: 'done' | 'failed',
  retry: 'resubmit' | 'reuse' | null,
  kind = 'DOWNLOAD',
): GenerationFetchOutput => ({
  outcome,
  media: RESULT.media,
  paths: outcome === 'done' ? ['/project/fox.png'] : [],
  failure:
    outcome === 'failed'
      ? { kind: kind as 'DOWNLOAD', charged: 'yes', message: 'x', retryable: true, at: T(21), detail: null }
      : null,
  retry,
  actual: null,
  progress: PROGRESS as GenerationFetchOutput['progress'],
  finishedAt: T(21),
  ledgerError: null,
});

// $1-per-second model: duration 5 is exactly $5.00 (no dialog), 5.01 asks, 'x' has no price.
const MODEL = DOLLAR_MODEL;
const INPUT: GenerationInput = generationInput({ model: MODEL, params: { duration: 5 } });
// Three metered runs of the unpriced configuration at $6.00: the learned estimate prices it, over $5.00.
const LEARNED = {
  type: 'SET_LEARNED',
  samples: ['2025-11-01', '2025-11-02', '2025-11-03'].map((day, i) => ({
    usdMicros: LEARNED_SAMPLES_USD_MICROS[i] as number,
    at: `${day}T09:00:00.000Z`,
    configKey: configKey(MODEL, { duration: 'x' }),
  })),
  now: T(0),
};
const EVENTS: AnyEvent[] = [
  LEARNED,
  { type: 'SET_PARAMS', params: { duration: 5 } },
  { type: 'SET_PARAMS', params: { duration: 5.01 } },
  { type: 'SET_PARAMS', params: { duration: 'x' } },
  { type: 'SET_MODEL', model: FLUX_DEV },
  // The backend's licences arrive after the form chose its model: an unsent request records fal's.
  { type: 'MODELS_LICENSED', licences: LIVE_LICENCES },
  // A blank prompt takes the send guard the other way: GENERATE is refused until there is text.
  { type: 'SET_PROMPT', prompt: '   ' },
  { type: 'SET_PROMPT', prompt: 'a red fox in snow' },
  {
    type: 'SET_SETTINGS',
    settings: settings({
      thresholds: { singleUsdMicros: 5_000_000, dualUsdMicros: 8_000_000, confirmUnpriced: false },
    }),
  },
  {
    type: 'xstate.snapshot.run',
    snapshot: {
      value: { polling: 'generating' },
      context: { progress: PROGRESS, requestId: 'req-1', submittedAt: T(1) },
    },
  },
  {
    type: 'xstate.snapshot.run',
    snapshot: { value: 'cancelling', context: { progress: PROGRESS, requestId: 'req-1', submittedAt: T(1) } },
  },
  { type: 'xstate.done.actor.run', output: runOutput('completed') },
  { type: 'xstate.done.actor.run', output: runOutput('cancelled') },
  { type: 'xstate.done.actor.run', output: runOutput('stillRunning') },
  { type: 'xstate.done.actor.run', output: runOutput('failed', false) },
  { type: 'xstate.done.actor.run', output: runOutput('failed', true) },
  { type: 'xstate.error.actor.run', error: new Error('run crashed') },
  { type: 'xstate.snapshot.fetch', snapshot: { context: { progress: { ...PROGRESS, step: 'importing' } } } },
  { type: 'xstate.done.actor.fetch', output: fetchOutput('done', null) },
  { type: 'xstate.done.actor.fetch', output: fetchOutput('failed', 'resubmit', 'CONTENT_POLICY') },
  { type: 'xstate.done.actor.fetch', output: fetchOutput('failed', 'reuse') },
  { type: 'xstate.done.actor.fetch', output: fetchOutput('failed', 'reuse', 'IMPORT') },
  { type: 'xstate.error.actor.fetch', error: new Error('fetch crashed') },
];

const key = (s: Snap) =>
  JSON.stringify([
    s.value,
    s.context.estimate.usdMicros,
    s.context.estimate.tier,
    s.context.settings.thresholds.confirmUnpriced,
    s.context.retry,
    s.context.resumeFrom,
    s.context.background,
    s.context.prompt.trim() === '',
    s.context.model.license,
  ]);
const model = createTestModel(asTestModel(generationMachine), {
  events: EVENTS as never,
  serializeState: key,
});

// Every event type a path may hold: the listed payloads, and the bare events the graph adds.
const TYPES = [
  ...new Set([
    ...EVENTS.map((e) => e.type),
    'GENERATE',
    'CONTINUE',
    'CANCEL',
    'RETRY',
    'EDIT',
    'BACKGROUND',
    'SET_PROMPT',
    'SET_TAGS',
    'xstate.after.foregroundWindow.generation.active',
  ]),
];
// The oracle tries every listed event, and every bare one, in every state.
const ORACLE_EVENTS: AnyEvent[] = [
  ...EVENTS,
  ...[
    'GENERATE',
    'CONTINUE',
    'CANCEL',
    'RETRY',
    'EDIT',
    'BACKGROUND',
    'xstate.after.foregroundWindow.generation.active',
  ].map((type) => ({ type })),
  { type: 'SET_TAGS', tags: { client: 'Acme', project: 'Teaser', deliverable: '' } },
];
const oracle = generationOracle(5, ORACLE_EVENTS);

// The children are the subject of their own model tests: here they never finish on their own, and the
// test delivers their snapshot, done and error events, as XState does. The run's write-ahead step
// writes the intent it was given (as the real one does) and then holds: the ledger shows every request
// that went out, and at what estimate.
const never = fromPromise(() => new Promise<never>(() => {}));
const quiet = fromCallback(() => () => {});
function withLedger() {
  const ledger = memoryLedger();
  const recordIntent = fromPromise<never, RecordIntentInput>(({ input }) => {
    ledger.write([requestedDraft(input.facts, T(0))]);
    return new Promise<never>(() => {});
  });
  const machine = generationMachine.provide({
    actors: {
      generationRun: generationRunMachine.provide({
        actors: {
          recordIntent,
          submitRequest: never,
          watchStatus: quiet,
          cancelRequest: never,
          recordLedger: quiet,
        } as never,
      }),
      generationFetch: generationFetchMachine.provide({
        actors: { fetchResult: never, importMedia: never, recordLedger: quiet } as never,
      }),
    },
  });
  return { machine, ledger };
}

describe('generation machine (model)', () => {
  it(
    'every shortest path holds in the real machine (guards taken both ways)',
    { timeout: 30_000 },
    async () => {
      const paths = model.getShortestPaths({ input: INPUT });
      expect(paths.length).toBeGreaterThan(20);
      for (const path of paths) {
        const { machine, ledger } = withLedger();
        const actor = createActor(machine, { input: INPUT }).start();
        const send = ({ event }: { event: AnyEvent }) => actor.send(event as never);
        const want = factsAlong(oracle, path.steps as never);
        let at = 0;
        await path.test({
          events: Object.fromEntries(TYPES.map((t) => [t, send])) as never,
          states: {
            '*': (expected: Snap) => {
              const actual = actor.getSnapshot();
              expect(actual.value).toEqual(expected.value);
              expect([...actual.tags].sort()).toEqual([...expected.tags].sort());
              expect(key(actual)).toBe(key(expected));
              // The independent statement: the state the event must lead to, what the user sees there,
              // and the requests recorded so far (each at the estimate the catalog gives).
              const f = want[at]!;
              at += 1;
              expect(stateKeyOf(actual.value), 'state the oracle expects').toBe(f.value);
              expectGenerationRow(actual, f);
              expect(intentsIn(ledger.events), `intents in ${f.value}`).toEqual(f.intents);
            },
          },
        });
        expect(at).toBe(path.steps.length);
        // At the path's end: the requests sent along it, and what Billing counts for them.
        const end = want.at(-1)!;
        expectLedger(
          ledger.events,
          end.intents.map(() => 'generation.requested'),
          intentTotals(end.intents),
          `at the end of ${path.description}`,
        );
        actor.stop();
      }
    },
  );

  it('reaches the learned layer: an unpriced configuration with 3 metered runs is priced and confirmed', () => {
    const paths = model.getShortestPaths({ input: INPUT });
    const learned = paths.filter((p) => p.state.context.estimate.tier === 'learned');
    expect(learned.length).toBeGreaterThan(0);
    expect(learned.every((p) => p.state.context.estimate.usdMicros === 6_000_000)).toBe(true);
    // The $6.00 learned price is over $5.00: the path through it stops in the dialog (confirm-unpriced or not).
    const steps = learned.flatMap((p) => p.steps.map((step) => step.state));
    expect(steps.some((st) => st.matches('confirming') && st.context.estimate.tier === 'learned')).toBe(true);
  });

  it('reaches every state node', () => {
    const reached = reachedStateIds(model.getShortestPaths({ input: INPUT }));
    expect(reached).toEqual(allStateIds(asTestModel(generationMachine)));
  });

  it('the oracle has a row for every state of the machine, and prices from the catalog', () => {
    expectRowPerState(GENERATION_ROWS, generationMachine);
    const facts = { ...oracle.initial };
    // $1.00 per second: 5 s is exactly the $5.00 threshold, 5.01 s is over it; FLUX dev is 1 MP × $0.025.
    expect(expectedEstimate({ ...facts, duration: 5 }).usdMicros).toBe(5_000_000);
    expect(expectedEstimate({ ...facts, duration: 5.01 }).usdMicros).toBe(5_010_000);
    expect(expectedEstimate({ ...facts, model: 'flux' }).usdMicros).toBe(25_000);
    expect(expectedEstimate({ ...facts, duration: 'x', learned: true })).toEqual({
      usdMicros: 6_000_000,
      tier: 'learned',
    });
  });

  it(
    'every edge leads where the oracle says, and what the user sees holds there',
    { timeout: 60_000 },
    () => {
      // Explored by the model's key (what the next decision depends on), every event tried in each state.
      const reached = checkEveryEdge(
        asTestModel(generationMachine),
        INPUT,
        oracle,
        (s, f) => expectGenerationRow(s as Snap, f),
        (s, f) => JSON.stringify([key(s as Snap), f.attempt > 1]),
      );
      expect(reached).toEqual(Object.keys(GENERATION_ROWS).sort());
    },
  );
});
