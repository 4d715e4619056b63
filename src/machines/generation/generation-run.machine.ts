import { type ActorRefFrom, assertEvent, assign, type EventObject, enqueueActions, setup } from 'xstate';
import { type RunFailure, toRunFailure } from './generation-failure.ts';
import { cancelledDraft, failedDraft, type SubmittedFacts, submittedDraft } from './generation-ledger.ts';
import { placeholderCallback, placeholderPromise } from './generation-placeholders.ts';
import type {
  CancelRequestOutput,
  LedgerFailedEvent,
  PollFailedEvent,
  RecordEvent,
  RecordIntentInput,
  RequestRef,
  RunProgress,
  StatusEvent,
  SubmitRequestInput,
  SubmitRequestOutput,
} from './generation-run.contract.ts';
import { accepted, applyStatus, enterStep, initialProgress, requestOf } from './generation-run.progress.ts';
import { ledgerFailedHandlers, ledgerWriterInvoke } from '../persistence/ledger-writer.config.ts';

/** Input: facts for `generation.submitted`, the fal input, the polling cap, or a request to poll again. */
export interface GenerationRunInput {
  facts: SubmittedFacts;
  falInput: Record<string, unknown>;
  /** Stop polling this long after acceptance (30 min, modelbridge-docs.md §5). */
  pollCapMs: number;
  /** Poll an accepted request again ("Check status"): no new submit, nothing charged. */
  resume: { requestId: string; submittedAt: string; progress: RunProgress } | null;
}

/** Where the fal part of a generation ended; `completed` hands over to the fetch machine. */
export type RunOutcome = 'completed' | 'failed' | 'cancelled' | 'stillRunning';

/** Context: the input plus what fal said so far; plain JSON (persisted). */
export interface GenerationRunContext extends Omit<GenerationRunInput, 'resume'> {
  resuming: boolean;
  requestId: string | null;
  submittedAt: string | null;
  progress: RunProgress;
  /** fal marked the run COMPLETED with an error: reading the result will fail with the model's error. */
  falFailed: boolean;
  failure: RunFailure | null;
  cancelRequested: boolean;
  /** `generation.requested` is on disk: from here on every outcome is recorded, even a refusal. */
  intentRecorded: boolean;
  ledgerError: string | null;
  outcome: RunOutcome | null;
  finishedAt: string | null;
}

/** Events: CANCEL from the parent; the others come back from the run's own actors. */
export type GenerationRunEvent = { type: 'CANCEL' } | StatusEvent | PollFailedEvent | LedgerFailedEvent;
/** Output: the outcome with the request id, tracker and failure (null unless failed). */
export type GenerationRunOutput = Omit<
  GenerationRunContext,
  'facts' | 'falInput' | 'pollCapMs' | 'resuming' | 'intentRecorded'
>;
/** Tags: `cancellable` while CANCEL is accepted. */
export type GenerationRunTag = 'cancellable';

const output = <T>({ event }: { event: { output: T } }): T => event.output;
const failure = ({ context, event }: { context: GenerationRunContext; event: { error: unknown } }) =>
  toRunFailure(event.error, context.progress.startedAt[context.progress.step] ?? context.submittedAt);

/**
 * One fal request from submit to COMPLETED: first makes `generation.requested` durable on disk (no
 * charge may exist that the ledger refused), then submits, records `generation.submitted` once fal
 * accepted it, polls (queue position, logs) until done or the 30-minute cap, and cancels on request.
 */
export const generationRunMachine = setup({
  types: {
    context: {} as GenerationRunContext,
    events: {} as GenerationRunEvent,
    input: {} as GenerationRunInput,
    output: {} as GenerationRunOutput,
    tags: {} as GenerationRunTag,
  },
  actors: {
    recordIntent: placeholderPromise<void, RecordIntentInput>('recordIntent'),
    submitRequest: placeholderPromise<SubmitRequestOutput, SubmitRequestInput>('submitRequest'),
    watchStatus: placeholderCallback<EventObject, RequestRef>('watchStatus'),
    cancelRequest: placeholderPromise<CancelRequestOutput, RequestRef>('cancelRequest'),
    recordLedger: placeholderCallback<RecordEvent, Record<string, never>>('recordLedger'),
  },
  guards: {
    isResuming: ({ context }) => context.resuming,
    isCancelRequested: ({ context }) => context.cancelRequested,
    isStatus: ({ event }, params: { status: StatusEvent['status'] }) =>
      event.type === 'STATUS' && event.status === params.status,
    // Polling stops 30 min after acceptance (modelbridge-docs.md §5), measured on the polls' own clock.
    isPastPollingCap: ({ context, event }) =>
      event.type === 'STATUS' &&
      context.submittedAt !== null &&
      Date.parse(event.at) - Date.parse(context.submittedAt) >= context.pollCapMs,
    isAlreadyCompleted: (_, params: CancelRequestOutput) => params.reply === 'ALREADY_COMPLETED',
  },
  actions: {
    accept: enqueueActions(({ context, enqueue }, params: SubmitRequestOutput) => {
      const progress = accepted(context.progress, params.sentAt, params.at, params.queuePosition);
      enqueue.assign({ requestId: params.requestId, submittedAt: params.at, progress });
      const events = [submittedDraft(context.facts, params.requestId, params.at)];
      enqueue.sendTo('ledger', { type: 'RECORD', events });
    }),
    applyStatus: assign(({ context, event }) => {
      assertEvent(event, 'STATUS');
      return { progress: applyStatus(context.progress, event), falFailed: event.error !== null };
    }),
    fail: enqueueActions(({ context, enqueue }, params: RunFailure) => {
      const at = params.at ?? context.submittedAt ?? '';
      enqueue.assign({ failure: params, outcome: 'failed', finishedAt: at });
      // Not even the intent is on disk: nothing was sent, so there is nothing to record.
      if (!context.intentRecorded && context.requestId === null) return;
      const events = [failedDraft(context.facts.genId, context.submittedAt, params, at)];
      enqueue.sendTo('ledger', { type: 'RECORD', events });
    }),
    finish: enqueueActions(({ context, enqueue }, params: { outcome: RunOutcome; at: string }) => {
      const progress =
        params.outcome === 'completed'
          ? enterStep(context.progress, 'downloading', params.at)
          : context.progress;
      enqueue.assign({ outcome: params.outcome, finishedAt: params.at, progress });
      if (params.outcome !== 'cancelled') return;
      // A cancelled run can still be billed (§9 point 3): settlement watches it from this fact.
      const events = [cancelledDraft(context.facts.genId, context.submittedAt, params.at)];
      enqueue.sendTo('ledger', { type: 'RECORD', events });
    }),
    assignCancelRequested: assign({ cancelRequested: true }),
    assignIntentRecorded: assign({ intentRecorded: true }),
    assignLedgerError: assign((_, params: { message: string }) => ({ ledgerError: params.message })),
  },
}).createMachine({
  id: 'generationRun',
  context: ({ input: { resume, ...input } }) => ({
    ...input,
    resuming: resume !== null,
    requestId: resume?.requestId ?? null,
    submittedAt: resume?.submittedAt ?? null,
    progress: resume?.progress ?? initialProgress(),
    falFailed: false,
    failure: null,
    cancelRequested: false,
    intentRecorded: resume !== null,
    ledgerError: null,
    outcome: null,
    finishedAt: null,
  }),
  invoke: ledgerWriterInvoke,
  on: ledgerFailedHandlers,
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'isResuming', target: 'polling' }, { target: 'recordingIntent' }] },
    recordingIntent: {
      invoke: {
        id: 'recordIntent',
        src: 'recordIntent',
        input: ({ context }) => ({ facts: context.facts }),
        onDone: { target: 'submitting', actions: 'assignIntentRecorded' },
        onError: { target: 'failed', actions: { type: 'fail', params: failure } },
      },
    },
    submitting: {
      tags: ['cancellable'],
      invoke: {
        id: 'submitRequest',
        src: 'submitRequest',
        input: ({ context }) => ({
          endpointId: context.facts.endpointId,
          falInput: context.falInput,
          intentId: context.facts.genId,
        }),
        onDone: [
          { guard: 'isCancelRequested', target: 'cancelling', actions: { type: 'accept', params: output } },
          { target: 'polling', actions: { type: 'accept', params: output } },
        ],
        onError: { target: 'failed', actions: { type: 'fail', params: failure } },
      },
      on: { CANCEL: { actions: 'assignCancelRequested' } },
    },
    polling: {
      tags: ['cancellable'],
      invoke: {
        id: 'watchStatus',
        src: 'watchStatus',
        input: ({ context }) => requestOf(context),
        onError: { target: 'failed', actions: { type: 'fail', params: failure } },
      },
      initial: 'queued',
      states: { queued: {}, generating: {}, resume: { type: 'history' } },
      on: {
        STATUS: [
          {
            guard: { type: 'isStatus', params: { status: 'COMPLETED' } },
            target: 'completed',
            actions: [
              'applyStatus',
              { type: 'finish', params: ({ event }) => ({ outcome: 'completed', at: event.at }) },
            ],
          },
          {
            guard: 'isPastPollingCap',
            target: 'stillRunning',
            actions: [
              'applyStatus',
              { type: 'finish', params: ({ event }) => ({ outcome: 'stillRunning', at: event.at }) },
            ],
          },
          {
            guard: { type: 'isStatus', params: { status: 'IN_PROGRESS' } },
            target: '.generating',
            actions: 'applyStatus',
          },
          { target: '.queued', actions: 'applyStatus' },
        ],
        POLL_FAILED: { target: 'failed', actions: { type: 'fail', params: ({ event }) => event.failure } },
        CANCEL: 'cancelling',
      },
    },
    cancelling: {
      invoke: {
        id: 'cancelRequest',
        src: 'cancelRequest',
        input: ({ context }) => requestOf(context),
        onDone: [
          {
            // Too late: fal finished the run and bills it, so its result is fetched as usual.
            guard: { type: 'isAlreadyCompleted', params: output },
            target: 'completed',
            actions: {
              type: 'finish',
              params: ({ event }) => ({ outcome: 'completed', at: event.output.at }),
            },
          },
          {
            target: 'cancelled',
            actions: {
              type: 'finish',
              params: ({ event }) => ({ outcome: 'cancelled', at: event.output.at }),
            },
          },
        ],
        // The cancel did not reach fal: the run goes on, so polling resumes where it was.
        onError: { target: 'polling.resume' },
      },
    },
    completed: { type: 'final' },
    failed: { type: 'final' },
    cancelled: { type: 'final' },
    stillRunning: { type: 'final' },
  },
  output: ({
    context: { facts: _f, falInput: _i, pollCapMs: _p, resuming: _r, intentRecorded: _w, ...rest },
  }) => rest,
});

/** A generation's fal request in flight. */
export type GenerationRunActorRef = ActorRefFrom<typeof generationRunMachine>;
