/** fal.ai adapter: the gateway over @fal-ai/client, error classification, and Platform API reads. */
export type { CancelOutcome, CapturedBilling } from './capture-store.ts';
export { DEFAULT_FAL_RETRY, type FalRetryPolicy } from './capture-fetch.ts';
export { classifyFalError, FalError, type FalStage } from './errors.ts';
export { humaniseField } from './error-copy.ts';
export {
  createFalGateway,
  type FalGateway,
  type FalGatewayOptions,
  type FalResult,
  type FalStatus,
  queuePositionOf,
} from './gateway.ts';
export {
  checkFalKey,
  FAL_PLATFORM_URL,
  type FalPrice,
  fetchFalLicence,
  fetchFalLicences,
  fetchFalPricing,
} from './platform.ts';
