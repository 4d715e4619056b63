import { z } from 'zod';

/**
 * The transport part of the HTTP contract between the panel (src/persistence/backend-api.ts, src/ui/wiring.ts)
 * and the local backend (src/server): where each API lives, how a call is authorised, how big a body may
 * be, and the one shape every error reply has. Both sides import it; neither side defines its own copy.
 */

/** Header carrying the per-data-dir API token on every `/api` call. */
export const TOKEN_HEADER = 'x-modelbridge-token';

/** Where the backend mounts each API (the ledger's sub-routes are spelt out because the panel calls them). */
export const API_ROUTES = {
  health: '/api/health',
  ledger: '/api/ledger',
  ledgerEvents: '/api/ledger/events',
  ledgerReset: '/api/ledger/reset',
  ledgerRows: '/api/ledger/rows',
  ledgerSummary: '/api/ledger/summary',
  ledgerWorkingSet: '/api/ledger/working-set',
  settings: '/api/settings',
  events: '/api/events',
  models: '/api/models',
  pricing: '/api/pricing',
  media: '/api/media',
  falProxy: '/api/fal/proxy',
  reportsCostsCsv: '/api/reports/costs.csv',
  reportsHtml: '/api/reports/report.html',
  importsExternalPreview: '/api/imports/external/preview',
} as const;

/** Default body limit for the JSON API in bytes (1 MiB); ledger batches and the fal proxy get larger ones. */
export const API_BODY_LIMIT_BYTES = 1024 * 1024;

/** Body limit of `POST /api/ledger/events` in bytes (4 MiB): one CSV import is one event with every row. */
export const LEDGER_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * The one error body every failing server response carries: `{ error: { code, message } }`, plus
 * `details` when there is more to say (per-event reasons, for example). `code` is UPPER_SNAKE and stable
 * (the panel switches on it); `message` is for people.
 */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
