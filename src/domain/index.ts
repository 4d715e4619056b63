/**
 * The pure domain core (no I/O): money, currencies and FX, ledger events and fold, selectors, pools,
 * thresholds and tags. Every public name is listed here by name; import from this file.
 */

export { isCalendarDay } from './calendar-day.ts';
export {
  CURRENCIES,
  convertMicros,
  DEFAULT_FX,
  formatUsdIn,
  isIsoDay,
  manualFx,
  PLAUSIBLE_RATES,
  parseFxSnapshot,
  toUsdMicros,
} from './fx.ts';
export type { FxResult } from './fx.ts';
export type { CostItem, CostKind } from './ledger/cost-item.ts';
export { costItems, externalItem, generationItem } from './ledger/cost-items.ts';
export { isLiveIn, newestResetEpoch } from './ledger/epoch.ts';
export {
  chargedSchema,
  currencySchema,
  errorKindSchema,
  estimateTierSchema,
  externalImportedSchema,
  externalRowSchema,
  fxSnapshotSchema,
  generationCancelledSchema,
  generationCompletedSchema,
  generationFailedSchema,
  generationRetaggedSchema,
  generationSettledSchema,
  generationSubmittedSchema,
  generationUnsettledSchema,
  LEDGER_SCHEMA_VERSION,
  ledgerEventSchema,
  ledgerResetSchema,
  licenceSchema,
  microsSchema,
  poolChangedSchema,
  poolDefinedSchema,
  poolRemovedSchema,
  poolRuleSchema,
  tagsSchema,
} from './ledger/events.ts';
export type {
  Charged,
  Currency,
  ErrorKind,
  EstimateTier,
  ExternalRow,
  FxSnapshot,
  GenerationSubmitted,
  LedgerEvent,
  LedgerEventOf,
  LedgerEventType,
  Licence,
  PoolRule,
  Tags,
} from './ledger/events.ts';
export {
  type CostFilter,
  costFilterSchema,
  filterItems,
  matchesFilter,
  NO_FILTER,
} from './ledger/filters.ts';
export { applyLedgerEvents, foldLedger } from './ledger/fold.ts';
export { runContentOf, summariseParams } from './ledger/params-summary.ts';
export {
  hasPromptText,
  MAX_PARAMS_JSON_CHARS,
  MAX_PROMPT_CHARS,
  runBlockers,
  runContentProblems,
} from './ledger/run-limits.ts';
export { type GenerationCost, generationCost } from './ledger/generation-cost.ts';
export { compareEvents, mergeEvents } from './ledger/merge.ts';
export {
  draftOfPool,
  emptyPoolDraft,
  type PoolBody,
  type PoolDraft,
  type PoolDraftProblems,
  type PoolDraftResult,
  type PoolRuleKind,
  readPoolDraft,
} from './ledger/pool-draft.ts';
export { inPoolPeriod, poolDays, poolItems } from './ledger/pool-items.ts';
export {
  compareRowKeys,
  type KnownTags,
  knownTags,
  knownTagsOf,
  mergeKnownTags,
  projectsForClient,
  type ListRow,
  listRowOf,
  listRows,
  type RowSortKey,
  rowSortKey,
} from './ledger/rows.ts';
export {
  type AmountOf,
  amountIn,
  type BreakdownDimension,
  type BreakdownRow,
  breakdown,
  breakdownKey,
  emptyTotals,
  orderBreakdown,
  tallyGroup,
  tallyTotals,
  type Totals,
  totals,
  totalsOf,
  usdAmount,
} from './ledger/selectors.ts';
export { byWeek, weekOf } from './ledger/weekly.ts';
export { emptyLedgerState } from './ledger/state.ts';
export type {
  ActualCost,
  ExternalCostRow,
  GenerationFailure,
  GenerationRow,
  GenerationStatus,
  LedgerState,
  Pool,
} from './ledger/state.ts';
export { axisTicks, formatAxisMoney, niceAxisStep } from './money-axis.ts';
export { localIsoTimestamp } from './local-time.ts';
export {
  formatMoney,
  MICROS_PER_UNIT,
  microsToDecimal,
  parseDecimalToMicros,
  roundDiv,
  usdToMicros,
} from './money.ts';
export { allocatePool } from './pools.ts';
export { dedupeTags, normaliseTag, sameTag, suggestTags, tagKey } from './tags.ts';
export {
  combineEstimates,
  DEFAULT_THRESHOLDS,
  needsConfirmation,
  type ThresholdSettings,
  thresholdSettingsSchema,
  weakestTier,
} from './thresholds.ts';

// Pricing: catalog, estimates, unit prices.
export {
  type CatalogCategory,
  type CatalogModel,
  type CatalogParam,
  catalog,
  catalogCategorySchema,
  catalogModelSchema,
  catalogParamSchema,
  findModel,
  licenceOf,
  licenceFromFalWording,
  licenceSourceOf,
  type LicenceOrigin,
  type ModelLicence,
  modelsByCategory,
  overlayLicences,
  relicensedModel,
  type ResolvedLicence,
  resolveLicence,
  parseCatalog,
  type EstimateOptions,
  estimateCost,
  FAL_PRICING_REF,
  type FalUnitPrice,
  NO_PRICE_REF,
  type FormulaType,
  type PricingFormula,
  pricingFormulaSchema,
  configKey,
  LEARNED_MIN_RUNS,
  LEARNED_WINDOW_DAYS,
  type LearnedSample,
  learnedEstimate,
  defaultParams,
  hasVoiceControl,
  MP_PIXELS_IMAGE,
  MP_PIXELS_VIDEO,
  megapixels,
  megapixelsCeil,
  parseDurationSeconds,
  VOICE_CONTROL_PARAMS,
  type MediaInfo,
  FLUX_IMAGE_SIZE_PRESETS,
  imageSizeOf,
  NANO_BANANA_1K_SIZES,
  nanoBananaSize,
  type PixelSize,
  SEEDANCE_VIDEO_SIZES,
  seedanceVideoSize,
  actualFromUnits,
  unitPriceUsdMicros,
} from './pricing/index.ts';
export type { Estimate } from './pricing/estimate.ts';
export { chooseEstimate, estimateWithLearned } from './pricing/choose-estimate.ts';
export {
  type LearnedRuns,
  learnedSampleAt,
  learnedSampleOf,
  learnedSamples,
} from './pricing/learned-samples.ts';
export { copyJson } from './json-copy.ts';
