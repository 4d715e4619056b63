import { z } from 'zod';

/**
 * zod schemas for the 11 pricing formula types of reference/fal-pricing.md. Every amount is a USD list
 * price as a decimal number (converted to integer micro-USD only when an estimate is computed). The objects
 * are strict so a misspelt field in catalog.json fails at load instead of silently pricing at zero.
 */

const usd = z.number().finite().nonnegative();
const paramName = z.string().min(1);
const rateTable = z
  .record(z.string().min(1), usd)
  .refine((rates) => Object.keys(rates).length > 0, 'needs at least one rate');

/** One add-on charged once per request (e.g. Nano Banana web search); `param: null` = input name unknown. */
const addonSchema = z.strictObject({ when: z.string().min(1), param: paramName.nullable(), amount: usd });

const perImageSchema = z.strictObject({
  type: z.literal('per_image'),
  rate_per_image: usd,
  count_param: paramName.optional(),
  rates_by_param: z.strictObject({ param: paramName, rates: rateTable }).optional(),
  multipliers_by_param: z
    .strictObject({
      param: paramName,
      default: z.string().min(1).nullable(),
      multipliers: rateTable,
    })
    .optional(),
  addons_per_request: z.array(addonSchema).optional(),
});

const perMegapixelCeilingSchema = z.strictObject({
  type: z.literal('per_megapixel_ceiling'),
  rate_per_mp: usd,
  mp_pixels: z.number().int().positive(),
  count_param: paramName.optional(),
});

const perMegapixelTieredSchema = z.strictObject({
  type: z.literal('per_megapixel_tiered'),
  first_mp_rate: usd,
  additional_mp_rate: usd,
  mp_pixels: z.number().int().positive(),
  count_param: paramName.optional(),
});

const perSecondSchema = z.strictObject({ type: z.literal('per_second'), rate_per_second: usd });

const perSecondAudioSchema = z.strictObject({
  type: z.literal('per_second_audio'),
  audio_param: paramName,
  audio_default: z.boolean().nullable(),
  rate_no_audio: usd,
  rate_audio: usd,
  rate_voice_control: usd.optional(),
  voice_control_when: z.string().min(1).optional(),
});

/** Seedance video tokens: tokens = height × width × fps × duration / 1024, priced per million. */
const tokenPricingSchema = z.strictObject({
  usd_per_million_tokens: usd,
  tokens: z.string().min(1),
  fps: z.number().int().positive(),
});

const perSecondResolutionSchema = z.strictObject({
  type: z.literal('per_second_resolution'),
  resolution_param: paramName,
  default_resolution: z.string().min(1).nullable(),
  rates_per_second: rateTable,
  token_pricing: tokenPricingSchema.optional(),
});

const audioRatesSchema = z.strictObject({ no_audio: usd, audio: usd });

const perSecondAudioResolutionSchema = z.strictObject({
  type: z.literal('per_second_audio_resolution'),
  resolution_param: paramName,
  audio_param: paramName,
  default_resolution: z.string().min(1).nullable(),
  audio_default: z.boolean().nullable(),
  rates: z
    .record(z.string().min(1), audioRatesSchema)
    .refine((rates) => Object.keys(rates).length > 0, 'needs at least one resolution'),
});

const basePlusPerSecondSchema = z.strictObject({
  type: z.literal('base_plus_per_second'),
  base_cost: usd,
  base_seconds: z.number().positive(),
  additional_per_second: usd,
});

const perVideoResolutionSchema = z.strictObject({
  type: z.literal('per_video_resolution'),
  resolution_param: paramName,
  default_resolution: z.string().min(1).nullable(),
  rates_per_video: rateTable,
  base_seconds: z.number().positive(),
});

const per1kCharactersSchema = z.strictObject({
  type: z.literal('per_1k_characters'),
  rate_per_1k_chars: usd,
  text_param: paramName,
});

const unitPriceSchema = z.strictObject({
  type: z.literal('unit_price'),
  unit_price: usd,
  unit: z.string().min(1),
  /** Free text: how fal counts the units (e.g. "output width x height x frames / 1,000,000"). */
  units: z.string().min(1).optional(),
});

/** Any pricing formula of the catalog, discriminated by `type`. */
export const pricingFormulaSchema = z.discriminatedUnion('type', [
  perImageSchema,
  perMegapixelCeilingSchema,
  perMegapixelTieredSchema,
  perSecondSchema,
  perSecondAudioSchema,
  perSecondResolutionSchema,
  perSecondAudioResolutionSchema,
  basePlusPerSecondSchema,
  perVideoResolutionSchema,
  per1kCharactersSchema,
  unitPriceSchema,
]);

/** A pricing formula (amounts in USD, as in fal-pricing.json). */
export type PricingFormula = z.infer<typeof pricingFormulaSchema>;
/** The `type` names of the 11 formula families. */
export type FormulaType = PricingFormula['type'];
/** The formula of one given type, e.g. `FormulaOf<'per_second'>`. */
export type FormulaOf<T extends FormulaType> = Extract<PricingFormula, { type: T }>;
