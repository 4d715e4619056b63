import type { GenerationSubmitted } from '../../domain/index.ts';
import type { RunFailure } from './generation-failure.ts';
import type { LedgerEventDraft } from '../ports.ts';

/**
 * Ledger facts of one generation, built as drafts (the store stamps the epoch). Event ids derive from
 * the generation id, so recording a fact again after a restore is a no-op in the idempotent ledger.
 */

/** The `generation.submitted` payload known before fal answers: everything but request id and time. */
export type SubmittedFacts = Omit<GenerationSubmitted, 'id' | 'type' | 'at' | 'epoch' | 'v' | 'requestId'>;

type Draft<T extends LedgerEventDraft['type']> = Extract<LedgerEventDraft, { type: T }>;

/** Milliseconds from `from` to `to` (ISO), never negative; 0 when either is missing or unreadable. */
export function durationMs(from: string | null, to: string | null): number {
  if (from === null || to === null) return 0;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
}

export { summariseParams } from '../../domain/ledger/params-summary.ts';

/**
 * `generation.requested`, the write-ahead record: acknowledged on disk before the fal submit, so fal never
 * holds a charge the ledger could not record.
 */
export function requestedDraft(facts: SubmittedFacts, at: string): Draft<'generation.requested'> {
  return { ...facts, id: `${facts.genId}:requested`, type: 'generation.requested', v: 1, at };
}

/** `generation.submitted`, recorded only once fal accepted the request (it has a request id). */
export function submittedDraft(
  facts: SubmittedFacts,
  requestId: string,
  at: string,
): Draft<'generation.submitted'> {
  return { ...facts, id: `${facts.genId}:submitted`, type: 'generation.submitted', v: 1, at, requestId };
}

/** `generation.completed`; duration from acceptance to import. */
export function completedDraft(
  genId: string,
  submittedAt: string | null,
  at: string,
): Draft<'generation.completed'> {
  return {
    id: `${genId}:completed`,
    type: 'generation.completed',
    v: 1,
    at,
    genId,
    durationMs: durationMs(submittedAt, at),
  };
}

/** `generation.cancelled`; the run may still be billed, so settlement keeps watching it. */
export function cancelledDraft(
  genId: string,
  submittedAt: string | null,
  at: string,
): Draft<'generation.cancelled'> {
  return {
    id: `${genId}:cancelled`,
    type: 'generation.cancelled',
    v: 1,
    at,
    genId,
    durationMs: durationMs(submittedAt, at),
  };
}

/** `generation.failed` with kind and charged flag; the id carries the time, as one run can fail twice. */
export function failedDraft(
  genId: string,
  submittedAt: string | null,
  failure: RunFailure,
  fallbackAt: string,
): Draft<'generation.failed'> {
  const at = failure.at ?? fallbackAt;
  return {
    id: `${genId}:failed:${at}`,
    type: 'generation.failed',
    v: 1,
    at,
    genId,
    durationMs: durationMs(submittedAt, at),
    errorKind: failure.kind,
    charged: failure.charged,
    message: failure.message.slice(0, 2000),
  };
}

/** `generation.unsettled`: settlement gave up; the estimate stays and the row is flagged. */
export function unsettledDraft(genId: string, reason: string, at: string): Draft<'generation.unsettled'> {
  return {
    id: `${genId}:unsettled`,
    type: 'generation.unsettled',
    v: 1,
    at,
    genId,
    reason: reason.slice(0, 500),
  };
}
