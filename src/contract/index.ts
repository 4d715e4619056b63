/**
 * The HTTP contract between the panel and the local backend: the one module both sides import (the
 * panel's client is src/persistence/backend-api.ts, the server is src/server). It holds only types,
 * constants and zod schemas, may import src/domain, and nothing else of ours (see biome.json).
 */
export type { HealthResponse } from './health-body.ts';
export {
  API_BODY_LIMIT_BYTES,
  API_ROUTES,
  type ErrorBody,
  errorBodySchema,
  LEDGER_BODY_LIMIT_BYTES,
  TOKEN_HEADER,
} from './http.ts';
export {
  type AppendRequest,
  type AppendResponse,
  type EventProblem,
  LEDGER_STREAM_EVENTS,
  type LedgerResponse,
  type LedgerStreamMessage,
  MAX_BATCH_EVENTS,
  MAX_LEDGER_PAGE_EVENTS,
  NDJSON_MEDIA_TYPE,
  type ResetRequest,
  type ResetResponse,
  resetRequestSchema,
} from './ledger-bodies.ts';
export {
  DEFAULT_PAGE_ROWS,
  type LedgerLoadProgress,
  MAX_PAGE_ROWS,
  type RowsQuery,
  type RowsResponse,
  rowsQuerySchema,
  type SummaryQuery,
  type SummaryResponse,
  summaryQuerySchema,
  type ViewRow,
  type WorkingSetResponse,
} from './ledger-query-bodies.ts';
export {
  type FalKeyStatus,
  type ForegroundWindows,
  falKeyInputSchema,
  falKeyStatusSchema,
  foregroundWindowsSchema,
  type PublicSettings,
  publicSettingsSchema,
  type SettingsPatch,
  type SettingsView,
  settingsPatchSchema,
  type Thresholds,
  thresholdsSchema,
} from './settings-bodies.ts';
export type { PoolsResponse, PoolView } from './pool-bodies.ts';
export type { SavedReport } from './report-bodies.ts';
export {
  type ExternalPreviewRequest,
  type ExternalPreviewResponse,
  externalPreviewRequestSchema,
  IMPORT_BODY_LIMIT_BYTES,
  type ImportPreview,
  type PreviewRow,
} from './import-bodies.ts';
export { timeoutSignal } from './timeout-signal.ts';
export { LOADER_QUERY, loaderPageOf } from './loader-query.ts';
