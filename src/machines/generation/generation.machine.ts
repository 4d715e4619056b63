import { type ActorRefFrom, and, assertEvent, assign, not, or, sendTo, setup, stateIn } from 'xstate';
import {
  type Estimate,
  type LearnedRuns,
  needsConfirmation,
  runBlockers,
  type Tags,
} from '../../domain/index.ts';
import {
  type CatalogModel,
  defaultParams,
  type EstimateOptions,
  type ModelLicence,
  relicensedModel,
} from '../../domain/pricing/index.ts';
import {
  fetchInputOf,
  fromFetchOutput,
  fromRunOutput,
  initialGenerationContext,
  nextAttempt,
  reestimate,
  runInputOf,
} from './generation.context.ts';
import { toRunFailure, type RunFailure } from './generation-failure.ts';
import { type GenerationFetchOutput, generationFetchMachine } from './generation-fetch.machine.ts';
import type { MediaRef, RetryMode, RunActual, RunProgress } from './generation-run.contract.ts';
import { type GenerationRunOutput, generationRunMachine } from './generation-run.machine.ts';
import { foregroundMsFor, type GenerationSettings } from './generation-settings.ts';

/** Input: the model and its inputs, tags, the settings, and for a Dual Mode slot its group and slot. */
export interface GenerationInput {
  /** Stable id of this generation (the actor id and the first request's ledger genId). */
  genId: string;
  model: CatalogModel;
  /** fal inputs; the model's documented defaults fill the rest. */
  params?: Record<string, unknown>;
  prompt?: string;
  tags?: Tags;
  /** Set for a Dual Mode slot: the pair's group id and which slot this is. */
  dual?: { groupId: string; slot: 'primary' | 'secondary' } | null;
  settings: GenerationSettings;
  /** Start at once without a confirmation (a Dual Mode slot: the pair was confirmed as a whole). */
  autoStart?: boolean;
  /** fal's unit price for a model the catalog does not price (tier `from`), or the source media size. */
  estimateOptions?: EstimateOptions;
  /** The user's metered runs and the window's end, for a learned estimate; none by default. */
  learned?: LearnedRuns | null;
}

/** Context: the form, the estimate (micro-USD, tier kept), and what the current request did. Plain JSON. */
export interface GenerationContext {
  runId: string;
  /** Ledger id of the current request: `runId`, then `runId~2`, … for retries that are new requests. */
  genId: string;
  attempt: number;
  model: CatalogModel;
  params: Record<string, unknown>;
  prompt: string;
  tags: Tags;
  dual: { groupId: string; slot: 'primary' | 'secondary' } | null;
  settings: GenerationSettings;
  estimateOptions: EstimateOptions;
  /** Samples for the learned layer of the estimate (null: none yet); `now` comes from the sender. */
  learned: LearnedRuns | null;
  estimate: Estimate;
  autoStart: boolean;
  /** The foreground window passed while running: the Generate form is free again. */
  background: boolean;
  cancelling: boolean;
  requestId: string | null;
  submittedAt: string | null;
  progress: RunProgress;
  falFailed: boolean;
  media: MediaRef[];
  paths: string[];
  failure: RunFailure | null;
  retry: RetryMode | null;
  resumeFrom: 'polling' | 'downloading' | 'importing' | null;
  actual: RunActual | null;
  finishedAt: string | null;
  ledgerError: string | null;
}

/**
 * The backend's resolved licences arrived (fal's live answer, else the seed), after the form chose its
 * model: a request not yet sent records the licence named here (issue 13).
 */
export type ModelsLicensedEvent = { type: 'MODELS_LICENSED'; licences: readonly ModelLicence[] };

/** Events from the view (form, dialog, row actions), and the licences the panel forwards. */
export type GenerationEvent =
  | { type: 'SET_PARAMS'; params: Record<string, unknown> }
  | { type: 'SET_MODEL'; model: CatalogModel; params?: Record<string, unknown> }
  | { type: 'SET_PROMPT'; prompt: string }
  | { type: 'SET_TAGS'; tags: Tags }
  | { type: 'SET_SETTINGS'; settings: GenerationSettings }
  | ({ type: 'SET_LEARNED' } & LearnedRuns)
  | ModelsLicensedEvent
  | { type: 'GENERATE' }
  | { type: 'CONTINUE' }
  | { type: 'CANCEL' }
  | { type: 'RETRY' }
  | { type: 'EDIT' }
  | { type: 'BACKGROUND' };

/** Tags the views read instead of state paths. */
export type GenerationTag = 'editable' | 'confirming' | 'busy' | 'cancellable' | 'finished' | 'error';

type Outcome = GenerationRunOutput['outcome'] | GenerationFetchOutput['outcome'];
const outcomeIs =
  (is: NonNullable<Outcome>) =>
  ({ event }: { event: { output: { outcome: Outcome } } }) => ({ outcome: event.output.outcome, is });
const output = <T>({ event }: { event: { output: T } }): T => event.output;
const endedAs = (is: NonNullable<Outcome>) => ({ type: 'hasOutcome', params: outcomeIs(is) }) as const;
const keepRun = { type: 'assignRunOutput', params: output } as const;
const keepFetch = { type: 'assignFetchOutput', params: output } as const;
type RunSnapshot = {
  value: unknown;
  context: Pick<GenerationContext, 'progress' | 'requestId' | 'submittedAt'>;
};
const crashed = {
  target: '#generation.failed',
  actions: { type: 'assignChildError', params: ({ event }: { event: { error: unknown } }) => event },
} as const;

/**
 * A generation: the form with a live estimate (micro-USD, tier kept), the confirmation above the single
 * threshold, the run (child `run`, then `fetch`), background hand-off, failure with retry, and cancel.
 */
export const generationMachine = setup({
  types: {
    context: {} as GenerationContext,
    events: {} as GenerationEvent,
    input: {} as GenerationInput,
    tags: {} as GenerationTag,
  },
  actors: { generationRun: generationRunMachine, generationFetch: generationFetchMachine },
  guards: {
    isAutoStart: ({ context }) => context.autoStart,
    // An empty prompt, or content the ledger could not record, never goes out (selectSendBlockers says why).
    isSendable: ({ context }) => runBlockers(context).length === 0,
    // Single runs only: a Dual Mode pair is confirmed as a whole by its parent (combined > $8.00).
    isOverThreshold: ({ context }) =>
      context.dual === null && needsConfirmation(context.estimate, 'single', context.settings.thresholds),
    hasOutcome: (_, params: { outcome: Outcome; is: Outcome }) => params.outcome === params.is,
    isReuseFrom: ({ context }, params: { step: 'polling' | 'fetching' }) =>
      context.retry === 'reuse' &&
      context.resumeFrom !== null &&
      (context.resumeFrom === 'polling') === (params.step === 'polling'),
  },
  actions: {
    assignParams: assign(({ context, event }) => {
      assertEvent(event, 'SET_PARAMS');
      return reestimate(context, { params: { ...context.params, ...event.params } });
    }),
    assignModel: assign(({ context, event }) => {
      assertEvent(event, 'SET_MODEL');
      const params = { ...defaultParams(event.model), ...event.params };
      return reestimate(context, { model: event.model, params });
    }),
    // Learned samples only sharpen the form's estimate: a sent request keeps the estimate it was sent with.
    assignLearned: assign(({ context, event }) => {
      assertEvent(event, 'SET_LEARNED');
      return reestimate(context, { learned: { samples: event.samples, now: event.now } });
    }),
    // The licence decides nothing here (no price, no guard): only what the badge shows and the ledger records.
    assignLicence: assign(({ context, event }) => {
      assertEvent(event, 'MODELS_LICENSED');
      return { model: relicensedModel(context.model, event.licences) };
    }),
    assignRunProgress: assign((_, snapshot: RunSnapshot) => ({
      progress: snapshot.context.progress,
      requestId: snapshot.context.requestId,
      submittedAt: snapshot.context.submittedAt,
      cancelling: snapshot.value === 'cancelling',
    })),
    assignFetchProgress: assign((_, params: Pick<GenerationContext, 'progress'>) => ({
      progress: params.progress,
    })),
    assignRunOutput: assign((_, params: GenerationRunOutput) => fromRunOutput(params)),
    assignFetchOutput: assign((_, params: GenerationFetchOutput) => fromFetchOutput(params)),
    assignChildError: assign(({ context }, params: { error: unknown }) => ({
      failure: toRunFailure(params.error, context.submittedAt),
      retry: 'resubmit' as const,
    })),
    assignNextAttempt: assign(({ context }) => nextAttempt(context)),
    forwardCancel: sendTo('run', { type: 'CANCEL' }),
  },
  delays: {
    // Foreground window per media kind (image 20 s, video 90 s, audio 30 s by default; in Settings).
    foregroundWindow: ({ context }) => foregroundMsFor(context.model.category, context.settings),
  },
}).createMachine({
  id: 'generation',
  context: ({ input }) => initialGenerationContext(input),
  on: {
    SET_SETTINGS: { actions: assign({ settings: ({ event }) => event.settings }) },
    // The editor starts another run before the foreground window passed: this one goes on in Active
    // generations and frees the form. Only a sent run can leave the foreground.
    BACKGROUND: {
      guard: not(or([stateIn('editing'), stateIn('confirming')])),
      actions: assign({ background: true }),
    },
  },
  initial: 'editing',
  states: {
    editing: {
      tags: ['editable'],
      always: { guard: 'isAutoStart', target: 'active', actions: assign({ autoStart: false }) },
      on: {
        SET_PARAMS: { actions: 'assignParams' },
        SET_MODEL: { actions: 'assignModel' },
        SET_PROMPT: { actions: assign({ prompt: ({ event }) => event.prompt }) },
        SET_TAGS: { actions: assign({ tags: ({ event }) => event.tags }) },
        SET_LEARNED: { actions: 'assignLearned' },
        MODELS_LICENSED: { actions: 'assignLicence' },
        GENERATE: [
          { guard: and(['isSendable', 'isOverThreshold']), target: 'confirming' },
          { guard: 'isSendable', target: 'active' },
        ],
      },
    },
    // Nothing is recorded here: CANCEL goes back to the form, CONTINUE sends the request (with the licence
    // that arrived while the dialog was open).
    confirming: {
      tags: ['confirming'],
      on: { CONTINUE: 'active', CANCEL: 'editing', MODELS_LICENSED: { actions: 'assignLicence' } },
    },
    active: {
      tags: ['busy'],
      entry: assign({ failure: null }),
      after: { foregroundWindow: { actions: assign({ background: true }) } },
      initial: 'running',
      states: {
        running: {
          tags: ['cancellable'],
          invoke: {
            id: 'run',
            src: 'generationRun',
            input: ({ context }) => runInputOf(context),
            onSnapshot: { actions: { type: 'assignRunProgress', params: ({ event }) => event.snapshot } },
            onDone: [
              { guard: endedAs('completed'), target: 'fetching', actions: keepRun },
              { guard: endedAs('cancelled'), target: '#generation.cancelled', actions: keepRun },
              { guard: endedAs('stillRunning'), target: '#generation.stillRunning', actions: keepRun },
              { target: '#generation.failed', actions: keepRun },
            ],
            onError: crashed,
          },
          on: { CANCEL: { actions: 'forwardCancel' } },
        },
        fetching: {
          invoke: {
            id: 'fetch',
            src: 'generationFetch',
            input: ({ context }) => fetchInputOf(context),
            onSnapshot: {
              actions: { type: 'assignFetchProgress', params: ({ event }) => event.snapshot.context },
            },
            onDone: [
              { guard: endedAs('done'), target: '#generation.done', actions: keepFetch },
              { target: '#generation.failed', actions: keepFetch },
            ],
            onError: crashed,
          },
        },
      },
    },
    done: { tags: ['finished'] },
    failed: {
      tags: ['finished', 'error'],
      on: {
        RETRY: [
          // Same request id: poll again, or download / import again. Costs nothing more (§9).
          { guard: { type: 'isReuseFrom', params: { step: 'polling' } }, target: 'active.running' },
          { guard: { type: 'isReuseFrom', params: { step: 'fetching' } }, target: 'active.fetching' },
          // A new request, which fal may charge again: the view warns, and the threshold asks again.
          { guard: 'isOverThreshold', target: 'confirming', actions: 'assignNextAttempt' },
          { target: 'active', actions: 'assignNextAttempt' },
        ],
        EDIT: { target: 'editing', actions: 'assignNextAttempt' },
      },
    },
    cancelled: { tags: ['finished'], on: { EDIT: { target: 'editing', actions: 'assignNextAttempt' } } },
    stillRunning: { tags: ['finished'] },
  },
});

/** A generation: the Generate form and, once sent, its run. */
export type GenerationActorRef = ActorRefFrom<typeof generationMachine>;
