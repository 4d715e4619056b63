/**
 * The local backend (Node only): `startServer` for the CLI, tests and the e2e suite. The panel must not
 * import this module (it pulls in fs and the journal): the HTTP contract both sides share (token header,
 * routes, request and response bodies, error shape) is src/contract.
 */
export { type AppParts, createApp, PROXY_BODY_LIMIT_BYTES } from './app.ts';
export type { LedgerJournal, ServerContext } from './context.ts';
export { ApiError } from './errors.ts';
export { PORT_ATTEMPTS, PortInUseError } from './listen.ts';
export type { ModelEntry, ModelsResponse } from './routes/models.ts';
export type { PricingResponse } from './routes/pricing.ts';
export { SETTINGS_FILE } from './settings-store.ts';
export {
  DEFAULT_PORT,
  HEARTBEAT_MS,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from './start.ts';
export { TOKEN_FILE } from './token.ts';
