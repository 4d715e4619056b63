/**
 * Public names of the pricing catalog and cost estimation (pure, no I/O). Everything else in this folder
 * is internal; src/domain/index.ts re-exports from here by name.
 */

export {
  type CatalogCategory,
  type CatalogModel,
  type CatalogParam,
  catalogCategorySchema,
  catalogModelSchema,
  catalogParamSchema,
} from './catalog-schema.ts';
export { catalog, findModel, licenceOf, modelsByCategory, parseCatalog } from './catalog.ts';
export type { Estimate } from './estimate.ts';
export { licenceSourceOf, type ModelLicence, overlayLicences, relicensedModel } from './licence-overlay.ts';
export { type LicenceOrigin, type ResolvedLicence, resolveLicence } from './licence-resolution.ts';
export { licenceFromFalWording } from './licence-wording.ts';
export {
  type EstimateOptions,
  estimateCost,
  FAL_PRICING_REF,
  type FalUnitPrice,
  NO_PRICE_REF,
} from './estimate-cost.ts';
export { type FormulaType, type PricingFormula, pricingFormulaSchema } from './formula-schema.ts';
export {
  configKey,
  LEARNED_MIN_RUNS,
  LEARNED_WINDOW_DAYS,
  type LearnedSample,
  learnedEstimate,
} from './learned.ts';
export { type MeteredCost, meteredCost } from './metered-cost.ts';
export {
  defaultParams,
  hasVoiceControl,
  MP_PIXELS_IMAGE,
  MP_PIXELS_VIDEO,
  megapixels,
  megapixelsCeil,
  parseDurationSeconds,
  VOICE_CONTROL_PARAMS,
} from './params.ts';
export type { MediaInfo } from './quote.ts';
export {
  FLUX_IMAGE_SIZE_PRESETS,
  imageSizeOf,
  NANO_BANANA_1K_SIZES,
  nanoBananaSize,
  type PixelSize,
  SEEDANCE_VIDEO_SIZES,
  seedanceVideoSize,
} from './sizes.ts';
export { actualFromUnits, unitPriceUsdMicros } from './unit-price.ts';
