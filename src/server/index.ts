/**
 * The local backend (Node only): `startServer` for the CLI, tests and the e2e suite, plus the HTTP API's
 * response types for clients. The panel must not import this module (it pulls in fs and the journal).
 */
export { type AppParts, createApp, PROXY_BODY_LIMIT_BYTES } from './app.ts';
export type { LedgerJournal, ServerContext } from './context.ts';
export { ApiError, type ErrorBody } from './errors.ts';
export { PORT_ATTEMPTS, PortInUseError } from './listen.ts';
export type { HealthResponse } from './routes/health.ts';
export {
  type AppendResponse,
  type EventProblem,
  type LedgerResponse,
  MAX_BATCH_EVENTS,
} from './routes/ledger.ts';
export type { ModelEntry, ModelsResponse } from './routes/models.ts';
export type { PricingResponse } from './routes/pricing.ts';
export { API_BODY_LIMIT_BYTES, LEDGER_BODY_LIMIT_BYTES, TOKEN_HEADER } from './security.ts';
export type {
  FalKeyStatus,
  ForegroundWindows,
  PublicSettings,
  SettingsPatch,
  SettingsView,
  Thresholds,
} from './settings-schema.ts';
export { SETTINGS_FILE } from './settings-store.ts';
export {
  DEFAULT_PORT,
  HEARTBEAT_MS,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from './start.ts';
export { TOKEN_FILE } from './token.ts';
