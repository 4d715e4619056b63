import { type ActorRefFrom, assign, enqueueActions, setup } from 'xstate';
import { afterRunFailure, type RunFailure, toRunFailure } from './generation-failure.ts';
import { completedDraft, failedDraft } from './generation-ledger.ts';
import { placeholderCallback, placeholderPromise } from './generation-placeholders.ts';
import { meteredDraft } from './settlement-drafts.ts';
import type {
  FetchResultOutput,
  ImportMediaInput,
  ImportMediaOutput,
  LedgerFailedEvent,
  MediaRef,
  RecordEvent,
  RequestRef,
  RetryMode,
  RunActual,
  RunProgress,
} from './generation-run.contract.ts';
import { enterStep } from './generation-run.progress.ts';
import { ledgerFailedHandlers, ledgerWriterInvoke } from '../persistence/ledger-writer.config.ts';

/** Input: a request fal finished, and where to start (download, or import media already downloaded). */
export interface GenerationFetchInput {
  genId: string;
  endpointId: string;
  category: string;
  requestId: string;
  submittedAt: string;
  /** fal inputs, for the unit price when the run was billed as another endpoint. */
  falInput: Record<string, unknown>;
  /** Price of one billable unit in micro-USD for these inputs, null when no single rate applies. */
  unitPriceUsdMicros: number | null;
  /** fal completed the run with an error: a failed result read is then the model's failure. */
  falFailed: boolean;
  from: 'downloading' | 'importing';
  media: MediaRef[];
  progress: RunProgress;
}

/** Context: the input plus the result; plain JSON (persisted). */
export interface GenerationFetchContext extends GenerationFetchInput {
  paths: string[];
  failure: RunFailure | null;
  /** `resubmit` when the model failed on fal, `reuse` when only the download or import failed. */
  retry: RetryMode | null;
  /** The metered cost recorded as `generation.settled`; null when fal reported no units (settlement). */
  actual: RunActual | null;
  ledgerError: string | null;
  outcome: 'done' | 'failed' | null;
  finishedAt: string | null;
}

/** Events: only the ledger writer's complaint; every step is an invoked actor. */
export type GenerationFetchEvent = LedgerFailedEvent;
/** Output: the outcome, media, imported paths, failure and whether the run was settled. */
export type GenerationFetchOutput = Pick<
  GenerationFetchContext,
  'outcome' | 'media' | 'paths' | 'failure' | 'retry' | 'actual' | 'progress' | 'finishedAt' | 'ledgerError'
>;

type FailParams = { error: unknown; retry: RetryMode; after?: 'DOWNLOAD' | 'IMPORT' };
const output = <T>({ event }: { event: { output: T } }): T => event.output;
const failWith =
  (retry: RetryMode, after?: FailParams['after']) =>
  ({ event }: { event: { error: unknown } }): FailParams => ({ error: event.error, retry, after });
const noMedia = (at: string) => ({
  kind: 'DOWNLOAD',
  charged: 'yes',
  message: 'fal returned no media file',
  at,
});

/**
 * Downloads a finished request's result, records its metered cost (`generation.settled`) when fal reported
 * billable units, imports the media into the host, and records completed or failed (charged).
 */
export const generationFetchMachine = setup({
  types: {
    context: {} as GenerationFetchContext,
    events: {} as GenerationFetchEvent,
    input: {} as GenerationFetchInput,
    output: {} as GenerationFetchOutput,
  },
  actors: {
    fetchResult: placeholderPromise<FetchResultOutput, RequestRef>('fetchResult'),
    importMedia: placeholderPromise<ImportMediaOutput, ImportMediaInput>('importMedia'),
    recordLedger: placeholderCallback<RecordEvent, Record<string, never>>('recordLedger'),
  },
  guards: {
    isImportOnly: ({ context }) => context.from === 'importing' && context.media.length > 0,
    hasNoMedia: (_, params: FetchResultOutput) => params.media.length === 0,
    isModelFailure: ({ context }) => context.falFailed,
  },
  actions: {
    readResult: enqueueActions(({ context, enqueue }, params: FetchResultOutput) => {
      const progress = enterStep(context.progress, 'importing', params.at);
      enqueue.assign({ media: params.media, progress });
      if (params.billableUnits === null) return; // settlement re-reads it later (§9 point 2)
      const { billableUnits, billAs, at } = params;
      const draft = meteredDraft({
        genId: context.genId,
        endpointId: context.endpointId,
        billAs,
        params: context.falInput,
        billableUnits,
        fallbackUnitPriceMicros: context.unitPriceUsdMicros,
        at,
      });
      const actual = {
        billableUnits,
        billAs,
        unitPriceUsdMicros: draft.unitPriceUsdMicros,
        usdMicros: draft.actualUsdMicros,
        at,
      };
      enqueue.assign({ actual });
      enqueue.sendTo('ledger', { type: 'RECORD', events: [draft] });
    }),
    fail: enqueueActions(({ context, enqueue }, params: FailParams) => {
      const fallbackAt = context.progress.startedAt[context.progress.step] ?? context.submittedAt;
      const cause = toRunFailure(params.error, fallbackAt);
      const failure = params.after ? afterRunFailure(params.after, cause) : cause;
      const at = failure.at ?? fallbackAt;
      enqueue.assign({ failure, retry: params.retry, outcome: 'failed', finishedAt: at });
      const events = [failedDraft(context.genId, context.submittedAt, failure, at)];
      enqueue.sendTo('ledger', { type: 'RECORD', events });
    }),
    finish: enqueueActions(({ context, enqueue }, params: ImportMediaOutput) => {
      enqueue.assign({ outcome: 'done', paths: params.paths, finishedAt: params.at });
      const events = [completedDraft(context.genId, context.submittedAt, params.at)];
      enqueue.sendTo('ledger', { type: 'RECORD', events });
    }),
    assignLedgerError: assign((_, params: { message: string }) => ({ ledgerError: params.message })),
  },
}).createMachine({
  id: 'generationFetch',
  context: ({ input }) => ({
    ...input,
    paths: [],
    failure: null,
    retry: null,
    actual: null,
    ledgerError: null,
    outcome: null,
    finishedAt: null,
  }),
  invoke: ledgerWriterInvoke,
  on: ledgerFailedHandlers,
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'isImportOnly', target: 'importing' }, { target: 'downloading' }] },
    downloading: {
      invoke: {
        id: 'fetchResult',
        src: 'fetchResult',
        input: ({ context }) => ({ endpointId: context.endpointId, requestId: context.requestId }),
        onDone: [
          {
            guard: { type: 'hasNoMedia', params: output },
            target: 'failed',
            actions: [
              { type: 'readResult', params: output },
              {
                type: 'fail',
                params: ({ event }) => ({
                  error: noMedia(event.output.at),
                  retry: 'reuse',
                  after: 'DOWNLOAD',
                }),
              },
            ],
          },
          { target: 'importing', actions: { type: 'readResult', params: output } },
        ],
        onError: [
          // The model failed on fal: a new request is the only retry (and may be charged again).
          {
            guard: 'isModelFailure',
            target: 'failed',
            actions: { type: 'fail', params: failWith('resubmit') },
          },
          // Only the download failed: fal has charged; re-reading the same request costs nothing (§9).
          { target: 'failed', actions: { type: 'fail', params: failWith('reuse', 'DOWNLOAD') } },
        ],
      },
    },
    importing: {
      invoke: {
        id: 'importMedia',
        src: 'importMedia',
        input: ({ context }) => ({ genId: context.genId, category: context.category, media: context.media }),
        onDone: { target: 'done', actions: { type: 'finish', params: output } },
        onError: { target: 'failed', actions: { type: 'fail', params: failWith('reuse', 'IMPORT') } },
      },
    },
    done: { type: 'final' },
    failed: { type: 'final' },
  },
  output: ({ context: c }) => ({
    outcome: c.outcome,
    media: c.media,
    paths: c.paths,
    failure: c.failure,
    retry: c.retry,
    actual: c.actual,
    progress: c.progress,
    finishedAt: c.finishedAt,
    ledgerError: c.ledgerError,
  }),
});

/** A generation's result being downloaded and imported. */
export type GenerationFetchActorRef = ActorRefFrom<typeof generationFetchMachine>;
