import type {
  Charged,
  Currency,
  ErrorKind,
  EstimateTier,
  ExternalRow,
  FxSnapshot,
  GenerationSubmitted,
  Licence,
  PoolRule,
  Tags,
} from './events.ts';

/**
 * The folded ledger: plain JSON (records and arrays only) so it can be cached and sent as is.
 * Every amount is integer micro-units. Treat a state as immutable: selectors memoise on its identity.
 */

/**
 * Where a generation is in its life; a cancelled or failed run can still be charged (docs §9).
 * `requested`: recorded before the fal submit, and fal's acceptance is not recorded (yet).
 */
export type GenerationStatus = 'requested' | 'running' | 'completed' | 'failed' | 'cancelled';

/** The confirmed cost from fal's billable units; `usdMicros` is null when units are known but no rate. */
export interface ActualCost {
  usdMicros: number | null;
  unitPriceUsdMicros: number | null;
  billableUnits: number;
  /** The endpoint fal billed under (`x-fal-bill-as`), when it differs or is known. */
  billAs: string | null;
  basis: 'metered' | 'billing-event' | 'calculated';
  settledAt: string;
}

/** Why a run failed and whether fal charged for it. */
export interface GenerationFailure {
  errorKind: ErrorKind;
  charged: Charged;
  message: string;
}

/** One generation as the Billing view and reports need it; tags are normalised (tags.ts). */
export interface GenerationRow {
  genId: string;
  /** fal's request id; null while only the intent is recorded (status `requested`). */
  requestId: string | null;
  endpointId: string;
  modelName: string;
  category: string;
  /** ISO timestamp of `generation.submitted` (of `generation.requested` until fal accepted it). */
  submittedAt: string;
  /** ISO timestamp of the last completed/failed/cancelled event, null while running. */
  finishedAt: string | null;
  durationMs: number | null;
  status: GenerationStatus;
  estimate: { usdMicros: number | null; tier: EstimateTier; priceRef: string };
  actual: ActualCost | null;
  /** Settlement gave up (no billable units after the retry window): the estimate stays. */
  unsettled: boolean;
  unsettledReason: string | null;
  tags: Tags;
  dual: { groupId: string; slot: 'primary' | 'secondary' } | null;
  licence: Licence;
  fx: FxSnapshot;
  params: GenerationSubmitted['params'];
  prompt: string;
  failure: GenerationFailure | null;
}

/** One imported external cost, with the batch it came from and that batch's rates snapshot. */
export interface ExternalCostRow extends ExternalRow {
  batchId: string;
  fileName: string;
  importedAt: string;
  fx: FxSnapshot;
}

/** A shared cost as last defined or changed; `amountMicros` is in `currency`, converted with `fx`. */
export interface Pool {
  poolId: string;
  name: string;
  amountMicros: number;
  currency: Currency;
  period: { from: string; to: string };
  rule: PoolRule;
  /** Projects that share the pool; empty means every project with generations in the period. */
  scope: { projects: string[] };
  fx: FxSnapshot;
  definedAt: string;
  changedAt: string;
}

/** The whole folded ledger of the current epoch. */
export interface LedgerState {
  /** The newest reset epoch seen; events of lower epochs are ignored. */
  epoch: number;
  generations: Record<string, GenerationRow>;
  /** In import order; a row key already present is not added again (re-import adds nothing). */
  externals: ExternalCostRow[];
  pools: Record<string, Pool>;
  /** Id of the last event folded in (whether or not it changed anything), null for none. */
  lastEventId: string | null;
}

/** A state with nothing in it, at `epoch`. */
export function emptyLedgerState(epoch = 0): LedgerState {
  return { epoch, generations: {}, externals: [], pools: {}, lastEventId: null };
}
