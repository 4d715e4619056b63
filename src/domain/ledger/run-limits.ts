import { z } from 'zod';
import { summariseParams } from './params-summary.ts';

/**
 * What one generation may contain and cost, decided once. The ledger's event schema, the Generate form
 * (limits shown while typing) and the backend's fal proxy (which refuses a submit the ledger could not
 * record) all read these, so fal can never accept a run that the ledger would refuse.
 */

/** Longest prompt a run may carry, in characters (UTF-16 code units, as the form counts them). */
export const MAX_PROMPT_CHARS = 20_000;
/** Largest parameter set a run may carry, as compact JSON characters. */
export const MAX_PARAMS_JSON_CHARS = 32_000;
/** Most parameters one run may carry. */
export const MAX_PARAMS = 100;
/** Highest estimate or actual cost of one generation: $10,000 (no fal endpoint comes near it). */
export const MAX_RUN_USD_MICROS = 10_000_000_000;
/** Highest price of one billable unit: $1,000. */
export const MAX_UNIT_PRICE_USD_MICROS = 1_000_000_000;
/** Most billable units fal may report for one run (seconds, megapixels, tokens, …). */
export const MAX_BILLABLE_UNITS = 100_000_000;

/** A money amount a generation can cost: whole micro-USD, never negative (refunds get their own event). */
export const runUsdMicrosSchema = z
  .number()
  .int('Amounts are whole micro-USD.')
  .nonnegative('A generation cannot cost less than nothing.')
  .max(MAX_RUN_USD_MICROS, 'A generation cannot cost more than $10,000.');

/** The price of one billable unit in micro-USD. */
export const unitPriceUsdMicrosSchema = z
  .number()
  .int('Unit prices are whole micro-USD.')
  .nonnegative('A unit price cannot be negative.')
  .max(MAX_UNIT_PRICE_USD_MICROS, 'A unit price cannot be more than $1,000.');

/** fal's `x-fal-billable-units` for one run. */
export const billableUnitsSchema = z
  .number()
  .nonnegative('Billable units cannot be negative.')
  .max(MAX_BILLABLE_UNITS, `Billable units cannot exceed ${MAX_BILLABLE_UNITS.toLocaleString('en-US')}.`);

/** A run's prompt; empty for models without one. */
export const promptSchema = z
  .string()
  .max(
    MAX_PROMPT_CHARS,
    `The prompt is too long: at most ${MAX_PROMPT_CHARS.toLocaleString('en-US')} characters.`,
  );

const paramValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A run's parameters as the ledger keeps them (scalars; anything else as compact JSON text). */
export const paramsSchema = z
  .record(z.string().max(200), paramValue)
  .refine((params) => Object.keys(params).length <= MAX_PARAMS, {
    message: `A run can carry at most ${MAX_PARAMS} parameters.`,
  })
  .refine((params) => JSON.stringify(params).length <= MAX_PARAMS_JSON_CHARS, {
    message: `The parameters are too large: at most ${MAX_PARAMS_JSON_CHARS.toLocaleString('en-US')} characters of JSON.`,
  });

/** The content of one run: what is sent to fal and recorded in the ledger. */
export const runContentSchema = z.object({ prompt: promptSchema, params: paramsSchema });
export type RunContent = z.infer<typeof runContentSchema>;

/** Why this content cannot be run and recorded, one line per problem; empty when it can. */
export function runContentProblems(content: { prompt: string; params: Record<string, unknown> }): string[] {
  const parsed = runContentSchema.safeParse(content);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

/** True when a prompt has something other than white space (an empty prompt never goes out). */
export function hasPromptText(prompt: string): boolean {
  return prompt.trim().length > 0;
}

/**
 * Why a run cannot be sent yet, for the form (Generate disabled, reason shown) and the machines' guards:
 * an empty or white-space prompt, or content the ledger could not record. Empty when it can go.
 */
export function runBlockers(run: { prompt: string; params: Record<string, unknown> }): string[] {
  const blockers = hasPromptText(run.prompt) ? [] : ['Write a prompt first: an empty prompt is not sent.'];
  const problems = runContentProblems({ prompt: run.prompt, params: summariseParams(run.params) });
  return [...blockers, ...problems];
}
