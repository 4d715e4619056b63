import { z } from 'zod';
import {
  billableUnitsSchema,
  paramsSchema,
  promptSchema,
  runUsdMicrosSchema,
  unitPriceUsdMicrosSchema,
} from './run-limits.ts';

/**
 * Ledger events, version 1 (ARCHITECTURE.md § Ledger). The ledger is an append-only log of these facts;
 * every amount is an integer micro-unit (1 USD = 1,000,000 micro-USD).
 */

/** Most any single recorded amount may be, in micro-units: 100 million in its currency. */
export const MAX_AMOUNT_MICROS = 100_000_000_000_000;

/** Integer micro-units of some currency; negative allowed for credits in imported costs. */
export const microsSchema = z.number().int().min(-MAX_AMOUNT_MICROS).max(MAX_AMOUNT_MICROS);

export const currencySchema = z.enum(['USD', 'EUR', 'SEK']);
/** A display or record currency. */
export type Currency = z.infer<typeof currencySchema>;

/** Exchange rates relative to USD (1 USD = rate units), as they were when a cost was recorded. */
export const fxSnapshotSchema = z.object({
  base: z.literal('USD'),
  rates: z.object({ USD: z.literal(1), EUR: z.number().positive(), SEK: z.number().positive() }),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.enum(['default', 'manual', 'ecb']),
});
export type FxSnapshot = z.infer<typeof fxSnapshotSchema>;

/** Client, project and deliverable tags; an empty string means untagged. */
export const tagsSchema = z.object({
  client: z.string().max(200),
  project: z.string().max(200),
  deliverable: z.string().max(200),
});
export type Tags = z.infer<typeof tagsSchema>;

export const estimateTierSchema = z.enum(['estimated', 'from', 'learned', 'none']);
/** How much to trust an estimate: exact formula, a minimum, learned from past runs, or no price at all. */
export type EstimateTier = z.infer<typeof estimateTierSchema>;

export const licenceSchema = z.enum(['commercial', 'research', 'private', 'unknown']);
export type Licence = z.infer<typeof licenceSchema>;

export const chargedSchema = z.enum(['yes', 'no', 'maybe']);
/** Whether fal charged for a failed run (modelbridge-docs.md §9). */
export type Charged = z.infer<typeof chargedSchema>;

export const errorKindSchema = z.enum([
  'AUTH_INVALID',
  'BALANCE_EMPTY',
  'RATE_LIMIT',
  'VALIDATION',
  'SERVER',
  'TIMEOUT',
  'NETWORK',
  'CONTENT_POLICY',
  'DOWNLOAD',
  'IMPORT',
  'UNKNOWN',
]);
export type ErrorKind = z.infer<typeof errorKindSchema>;

const envelope = {
  id: z.string().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
  epoch: z.number().int().nonnegative(),
  v: z.literal(1),
};

const genId = z.string().min(1).max(200);

/** What a run is: model, content, estimate, tags and rates; shared by its intent and its acceptance. */
const runBody = {
  genId,
  endpointId: z.string().min(1).max(200),
  modelName: z.string().max(200),
  category: z.string().max(100),
  params: paramsSchema,
  prompt: promptSchema,
  estimate: z.object({
    usdMicros: runUsdMicrosSchema.nullable(),
    tier: estimateTierSchema,
    priceRef: z.string().max(500),
  }),
  tags: tagsSchema,
  dual: z.object({ groupId: z.string().min(1).max(200), slot: z.enum(['primary', 'secondary']) }).optional(),
  licence: licenceSchema,
  fx: fxSnapshotSchema,
};

/**
 * The write-ahead record of a run (ARCHITECTURE.md § Persistence): on disk before the fal submit, so a
 * charge can never exist that the ledger refused. Until `generation.submitted` follows, the run's
 * cost is its estimate and it shows as not yet confirmed by fal.
 */
export const generationRequestedSchema = z.object({
  ...envelope,
  type: z.literal('generation.requested'),
  ...runBody,
});

/** fal accepted the run: its request id, with the run's facts (complete on its own, as in v1 files). */
export const generationSubmittedSchema = z.object({
  ...envelope,
  type: z.literal('generation.submitted'),
  ...runBody,
  requestId: z.string().min(1).max(200),
});

export const generationCompletedSchema = z.object({
  ...envelope,
  type: z.literal('generation.completed'),
  genId,
  durationMs: z.number().int().nonnegative(),
});

export const generationFailedSchema = z.object({
  ...envelope,
  type: z.literal('generation.failed'),
  genId,
  durationMs: z.number().int().nonnegative(),
  errorKind: errorKindSchema,
  charged: chargedSchema,
  message: z.string().max(2000),
});

export const generationCancelledSchema = z.object({
  ...envelope,
  type: z.literal('generation.cancelled'),
  genId,
  durationMs: z.number().int().nonnegative(),
});

export const generationSettledSchema = z.object({
  ...envelope,
  type: z.literal('generation.settled'),
  genId,
  billableUnits: billableUnitsSchema,
  billAs: z.string().max(200).nullable(),
  unitPriceUsdMicros: unitPriceUsdMicrosSchema.nullable(),
  actualUsdMicros: runUsdMicrosSchema.nullable(),
  basis: z.enum(['metered', 'billing-event', 'calculated']),
});

/** Settlement gave up (6 days without billable units): the estimate stays and the row is flagged. */
export const generationUnsettledSchema = z.object({
  ...envelope,
  type: z.literal('generation.unsettled'),
  genId,
  reason: z.string().max(500),
});

export const generationRetaggedSchema = z.object({
  ...envelope,
  type: z.literal('generation.retagged'),
  genId,
  tags: tagsSchema,
});

export const externalRowSchema = z.object({
  key: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  description: z.string().max(500),
  amountMicros: microsSchema,
  currency: currencySchema,
  category: z.string().max(200),
  tags: tagsSchema,
});
export type ExternalRow = z.infer<typeof externalRowSchema>;

export const externalImportedSchema = z.object({
  ...envelope,
  type: z.literal('external.imported'),
  batchId: z.string().min(1),
  fileName: z.string().max(500),
  rows: z.array(externalRowSchema),
  fx: fxSnapshotSchema,
});

export const poolRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('even') }),
  z.object({ kind: z.literal('usage') }),
  z.object({ kind: z.literal('weights'), weights: z.record(z.string(), z.number().int().nonnegative()) }),
]);
export type PoolRule = z.infer<typeof poolRuleSchema>;

const poolBody = {
  poolId: z.string().min(1),
  name: z.string().min(1).max(200),
  amountMicros: microsSchema,
  currency: currencySchema,
  period: z.object({ from: z.string(), to: z.string() }),
  rule: poolRuleSchema,
  /** Projects that share the pool; empty means every project with usage in the period. */
  scope: z.object({ projects: z.array(z.string()) }),
  fx: fxSnapshotSchema,
};

export const poolDefinedSchema = z.object({ ...envelope, type: z.literal('pool.defined'), ...poolBody });
export const poolChangedSchema = z.object({ ...envelope, type: z.literal('pool.changed'), ...poolBody });
export const poolRemovedSchema = z.object({
  ...envelope,
  type: z.literal('pool.removed'),
  poolId: z.string(),
});

export const ledgerResetSchema = z.object({
  ...envelope,
  type: z.literal('ledger.reset'),
  newEpoch: z.number().int().positive(),
});

export const ledgerEventSchema = z.discriminatedUnion('type', [
  generationRequestedSchema,
  generationSubmittedSchema,
  generationCompletedSchema,
  generationFailedSchema,
  generationCancelledSchema,
  generationSettledSchema,
  generationUnsettledSchema,
  generationRetaggedSchema,
  externalImportedSchema,
  poolDefinedSchema,
  poolChangedSchema,
  poolRemovedSchema,
  ledgerResetSchema,
]);

/** Any ledger event, validated. */
export type LedgerEvent = z.infer<typeof ledgerEventSchema>;
export type LedgerEventType = LedgerEvent['type'];
export type LedgerEventOf<T extends LedgerEventType> = Extract<LedgerEvent, { type: T }>;
export type GenerationSubmitted = LedgerEventOf<'generation.submitted'>;

/** The schema version this build writes; a file with a higher one is opened read-only. */
export const LEDGER_SCHEMA_VERSION = 1;
