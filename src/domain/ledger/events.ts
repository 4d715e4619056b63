import { z } from 'zod';

/**
 * Ledger events, version 1 (ARCHITECTURE.md § Ledger). The ledger is an append-only log of these facts;
 * every amount is an integer micro-unit (1 USD = 1,000,000 micro-USD).
 */

/** Integer micro-units of some currency; negative allowed for refunds and credits. */
export const microsSchema = z.number().int().safe();

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

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const envelope = {
  id: z.string().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
  epoch: z.number().int().nonnegative(),
  v: z.literal(1),
};

const genId = z.string().min(1).max(200);

export const generationSubmittedSchema = z.object({
  ...envelope,
  type: z.literal('generation.submitted'),
  genId,
  requestId: z.string().min(1),
  endpointId: z.string().min(1),
  modelName: z.string(),
  category: z.string(),
  params: z.record(z.string(), paramValue),
  prompt: z.string().max(20_000),
  estimate: z.object({
    usdMicros: microsSchema.nullable(),
    tier: estimateTierSchema,
    priceRef: z.string(),
  }),
  tags: tagsSchema,
  dual: z.object({ groupId: z.string().min(1), slot: z.enum(['primary', 'secondary']) }).optional(),
  licence: licenceSchema,
  fx: fxSnapshotSchema,
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
  billableUnits: z.number().nonnegative(),
  billAs: z.string().nullable(),
  unitPriceUsdMicros: microsSchema.nullable(),
  actualUsdMicros: microsSchema.nullable(),
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
