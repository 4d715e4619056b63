import type { FalCancelReply, FalStatusReply, LedgerEventDraft } from '../ports.ts';
import type { RunFailure } from './generation-failure.ts';
import type { SubmittedFacts } from './generation-ledger.ts';

/**
 * The contract between the generation-run machine and its actors: the five tracker steps, the progress
 * the UI shows, and each actor's input and output. Times are ISO 8601 strings from an injected clock.
 */

/** The five steps of the tracker: Sent, Queued #N, Generating, Downloading, Importing. */
export type RunStep = 'sent' | 'queued' | 'generating' | 'downloading' | 'importing';

/** The tracker's data: the current step, when each step started, fal's queue position and log tail. */
export interface RunProgress {
  step: RunStep;
  startedAt: Partial<Record<RunStep, string>>;
  /** Requests ahead in fal's queue while queued, else null. */
  queuePosition: number | null;
  /** The last log lines fal reported (at most LOG_TAIL). */
  logs: string[];
}

/** How many log lines a run keeps (context stays small: it is persisted). */
export const LOG_TAIL = 20;

/** A media file of a finished run, as fal returned it. */
export interface MediaRef {
  url: string;
  fileName: string;
  contentType: string | null;
}

/** Input of `recordIntent`: the run's facts, made durable as `generation.requested` before the submit. */
export interface RecordIntentInput {
  facts: SubmittedFacts;
}

/**
 * Input of `submitRequest`: the endpoint, the full fal input (prompt included) and the generation id whose
 * recorded intent the backend checks before it lets the submit through.
 */
export interface SubmitRequestInput {
  endpointId: string;
  falInput: Record<string, unknown>;
  intentId: string;
}

/** Output of `submitRequest`: fal accepted the request; `sentAt` is when sending began, `at` when fal answered. */
export interface SubmitRequestOutput {
  requestId: string;
  queuePosition: number | null;
  sentAt: string;
  at: string;
}

/** Input of `watchStatus`, `fetchResult` and `cancelRequest`: which request on which endpoint. */
export interface RequestRef {
  endpointId: string;
  requestId: string;
}

/** Sent back by `watchStatus` on every poll: fal's reply and the clock's time it came at. */
export interface StatusEvent extends FalStatusReply {
  type: 'STATUS';
  at: string;
}

/** Sent back by `watchStatus` when polling gave up after its own retries. */
export interface PollFailedEvent {
  type: 'POLL_FAILED';
  failure: RunFailure;
}

/** Output of `fetchResult`: the media files and what fal metered (units null when not reported). */
export interface FetchResultOutput {
  media: MediaRef[];
  billableUnits: number | null;
  billAs: string | null;
  at: string;
}

/** Input of `importMedia`: the files to bring into the host (Premiere project or a saved file). */
export interface ImportMediaInput {
  genId: string;
  category: string;
  media: MediaRef[];
}

/** Output of `importMedia`: where each file landed. */
export interface ImportMediaOutput {
  paths: string[];
  at: string;
}

/** Output of `cancelRequest`: fal's answer; ALREADY_COMPLETED means the run finished and is billed. */
export interface CancelRequestOutput {
  reply: FalCancelReply;
  at: string;
}

/** Received by `recordLedger`: facts to append. */
export interface RecordEvent {
  type: 'RECORD';
  events: LedgerEventDraft[];
}

/** Sent back by `recordLedger` when the ledger refused the facts. */
export interface LedgerFailedEvent {
  type: 'LEDGER_FAILED';
  message: string;
}

/** How a failed generation can be retried: a new fal request (may be charged again) or the same request id. */
export type RetryMode = 'resubmit' | 'reuse';

/** The actual cost read from fal's billable units (recorded as `generation.settled`, basis metered). */
export interface RunActual {
  billableUnits: number;
  billAs: string | null;
  /** Micro-USD per unit, null when no single rate applies (then the amount is null too). */
  unitPriceUsdMicros: number | null;
  /** units × unit price in micro-USD, rounded once; null without a rate. */
  usdMicros: number | null;
  at: string;
}
