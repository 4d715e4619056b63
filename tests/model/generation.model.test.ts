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
import {
  ACCEPTED,
  dollarPerSecond,
  FLUX_DEV,
  generationInput,
  RESULT,
  settings,
  T,
} from '../fixtures/machines/generation.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';

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
const MODEL = dollarPerSecond('text-to-video');
const INPUT: GenerationInput = generationInput({ model: MODEL, params: { duration: 5 } });
// Three metered runs of the unpriced configuration at $6.00: the learned estimate prices it, over $5.00.
const LEARNED = {
  type: 'SET_LEARNED',
  samples: ['2025-11-01', '2025-11-02', '2025-11-03'].map((day) => ({
    usdMicros: 6_000_000,
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
  ]);
const model = createTestModel(asTestModel(generationMachine), {
  events: EVENTS as never,
  serializeState: key,
});

// The children are the subject of their own model tests: here they never finish on their own, and the
// test delivers their snapshot, done and error events, as XState does.
const never = fromPromise(() => new Promise<never>(() => {}));
const quiet = fromCallback(() => () => {});
const machine = generationMachine.provide({
  actors: {
    generationRun: generationRunMachine.provide({
      actors: {
        recordIntent: never,
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

describe('generation machine (model)', () => {
  it('every shortest path holds in the real machine (guards taken both ways)', async () => {
    const paths = model.getShortestPaths({ input: INPUT });
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const actor = createActor(machine, { input: INPUT }).start();
      const send = ({ event }: { event: AnyEvent }) => actor.send(event as never);
      await path.test({
        events: Object.fromEntries(
          [
            ...new Set([
              ...EVENTS.map((e) => e.type),
              'GENERATE',
              'CONTINUE',
              'CANCEL',
              'RETRY',
              'EDIT',
              'SET_PROMPT',
              'SET_TAGS',
              'xstate.after.foregroundWindow.generation.active',
            ]),
          ].map((t) => [t, send]),
        ) as never,
        states: {
          '*': (expected: Snap) => {
            const actual = actor.getSnapshot();
            expect(actual.value).toEqual(expected.value);
            expect([...actual.tags].sort()).toEqual([...expected.tags].sort());
            expect(key(actual)).toBe(key(expected));
          },
        },
      });
      actor.stop();
    }
  });

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
});
