import { z } from 'zod';
import { licenceSchema } from '../ledger/events.ts';
import { type PricingFormula, pricingFormulaSchema } from './formula-schema.ts';

/**
 * zod schema for one entry of the pricing catalog (reference/fal-pricing.md, "Entry fields"). Objects are
 * strict: a field the code does not know is an error, so catalog edits cannot drift from the code.
 */

/** fal input types used in the catalog; `string|object` is an image_size preset or `{width, height}`. */
const catalogParamTypeSchema = z.enum(['string', 'boolean', 'integer', 'number', 'array', 'string|object']);

/** One fal input of a model; `default: null` means fal documents no default (estimate "up to"). */
export const catalogParamSchema = z.strictObject({
  name: z.string().min(1),
  type: catalogParamTypeSchema,
  enum: z.array(z.string()).min(1).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
  required: z.boolean().optional(),
  max_length: z.number().int().positive().optional(),
  note: z.string().optional(),
  /** What people read for the input, when the panel's own word for `name` is not right for this model. */
  label: z.string().min(1).optional(),
  /** The unit a bare number is in ("s" for seconds, "×" for a factor), shown beside values and in labels. */
  unit: z.string().min(1).optional(),
});

/** A fal input of a catalog model (name, type, allowed values and documented default). */
export type CatalogParam = z.infer<typeof catalogParamSchema>;

/** Model categories used by fal and by the Generate tab. */
export const catalogCategorySchema = z.enum([
  'text-to-video',
  'image-to-video',
  'text-to-image',
  'image-to-image',
  'video-to-video',
  'text-to-speech',
  'audio',
]);
/** A model category (fal's `category`). */
export type CatalogCategory = z.infer<typeof catalogCategorySchema>;

const endpointIdSchema = z
  .string()
  .regex(/^[a-z0-9][\w.-]*(\/[\w.-]+)+$/i, 'must look like "owner/model[/variant]"');

/** Every default a formula names must exist in the rate table it picks from. */
function checkFormulaDefaults(formula: PricingFormula, ctx: z.RefinementCtx): void {
  const table =
    formula.type === 'per_second_resolution'
      ? formula.rates_per_second
      : formula.type === 'per_video_resolution'
        ? formula.rates_per_video
        : formula.type === 'per_second_audio_resolution'
          ? formula.rates
          : undefined;
  if (table && 'default_resolution' in formula && formula.default_resolution !== null) {
    if (!(formula.default_resolution in table)) {
      ctx.addIssue({
        code: 'custom',
        path: ['formula', 'default_resolution'],
        message: `"${formula.default_resolution}" is not one of the priced resolutions (${Object.keys(table).join(', ')})`,
      });
    }
  }
  const multipliers = formula.type === 'per_image' ? formula.multipliers_by_param : undefined;
  if (multipliers?.default != null && !(multipliers.default in multipliers.multipliers)) {
    ctx.addIssue({
      code: 'custom',
      path: ['formula', 'multipliers_by_param', 'default'],
      message: `"${multipliers.default}" has no multiplier`,
    });
  }
}

/** A named licence must say where it was read, so the report's compliance table can cite it. */
function checkLicenceSource(model: { license: string; license_source?: string }, ctx: z.RefinementCtx) {
  if (model.license !== 'unknown' && model.license_source === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['license_source'],
      message: `a "${model.license}" licence needs the URL of the page that states it`,
    });
  }
}

/** One priced fal endpoint of the catalog, exactly as stored in catalog.json. */
export const catalogModelSchema = z
  .strictObject({
    endpoint_id: endpointIdSchema,
    aliases: z.array(endpointIdSchema).optional(),
    display_name: z.string().min(1),
    category: catalogCategorySchema,
    license: licenceSchema,
    /** The page that names the licence (fal's "Commercial use" badge); required unless it is 'unknown'. */
    license_source: z.url().optional(),
    /**
     * Where `license` was read: absent in catalog.json (the seed); the panel sets `'fal'` when fal's live
     * model API named it (licence-overlay.ts), so a saved draft keeps saying where its licence came from.
     */
    license_origin: z.enum(['fal', 'catalog']).optional(),
    unit: z.string().min(1),
    formula: pricingFormulaSchema,
    params: z.array(catalogParamSchema),
    source: z.url(),
    other_sources: z.array(z.url()).optional(),
    verified_on: z.iso.date().nullable(),
    confidence: z.enum(['high', 'medium']),
    note: z.string(),
  })
  .superRefine((model, ctx) => checkFormulaDefaults(model.formula, ctx));

/**
 * An entry of the shipped catalog.json: a catalog model whose named licence cites its page. Saved copies
 * of models (persisted drafts) are read with {@link catalogModelSchema}, which keeps accepting copies
 * saved before `license_source` existed.
 */
export const catalogFileEntrySchema = catalogModelSchema.superRefine(checkLicenceSource);

/** A priced model of the catalog (prices in USD decimals; estimates convert them to micro-USD). */
export type CatalogModel = z.infer<typeof catalogModelSchema>;
