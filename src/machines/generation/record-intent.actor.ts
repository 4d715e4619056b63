import { fromPromise, type PromiseActorLogic } from 'xstate';
import type { RunFailure } from './generation-failure.ts';
import { requestedDraft } from './generation-ledger.ts';
import type { RecordIntentInput } from './generation-run.contract.ts';
import { type ClockPort, ledgerIn, type LedgerSource } from '../ports.ts';

/** Dependencies of `recordIntent`: the ledger (only its durable write) and the clock. */
export interface RecordIntentDeps {
  ledger: LedgerSource;
  clock: ClockPort;
}

/**
 * The write-ahead step of a run: resolves once the disk acknowledged `generation.requested`, so the fal
 * submit that follows can never be a charge the ledger does not hold. Rejects with a RunFailure that is
 * never charged (nothing was sent) and retryable (the ledger may be back in a moment).
 */
export function defineRecordIntentActor(deps: RecordIntentDeps): PromiseActorLogic<void, RecordIntentInput> {
  return fromPromise<void, RecordIntentInput>(async ({ input, system }) => {
    try {
      await ledgerIn(deps.ledger, system).recordDurably([requestedDraft(input.facts, deps.clock.now())]);
    } catch (error) {
      // The intent id is this run's own (a fresh genId per attempt): a conflict means an earlier start of
      // the same run already wrote it (a reload mid-step, with another time), so it is on disk. The proxy
      // still checks the submit against what was written.
      if (codeOf(error) === 'ID_CONFLICT') return;
      throw intentFailure(error, deps.clock.now());
    }
  });
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** Why a run was not sent: its intent could not be written. Never charged; retrying may help. */
export function intentFailure(error: unknown, at: string): RunFailure {
  const reason = error instanceof Error && error.message ? error.message : String(error);
  return {
    kind: 'NETWORK',
    charged: 'no',
    message: `Not sent to fal: the cost ledger could not record this run first, so nothing was charged. ${reason}`,
    retryable: true,
    at,
    detail: null,
  };
}
