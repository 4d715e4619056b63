import { z } from 'zod';
import {
  API_ROUTES,
  type AppendRequest,
  type AppendResponse,
  errorBodySchema,
  type HealthResponse,
  LEDGER_STREAM_EVENTS,
  type LedgerResponse,
  type LedgerStreamMessage,
  type ResetRequest,
  type ResetResponse,
  type PoolsResponse,
  type RowsQuery,
  type RowsResponse,
  type ExternalPreviewRequest,
  type ExternalPreviewResponse,
  type SavedReport,
  type SummaryQuery,
  type SummaryResponse,
  type WorkingSetResponse,
  type SettingsPatch,
  type SettingsView,
  TOKEN_HEADER,
  timeoutSignal,
} from '../contract/index.ts';
import {
  type LedgerEvent,
  ledgerEventSchema,
  ledgerResetSchema,
  licenceSchema,
} from '../domain/ledger/events.ts';
import type { ModelLicence } from '../domain/pricing/index.ts';

/**
 * The panel's HTTP client of the local backend (ARCHITECTURE.md § Runtime shape). Satisfies the
 * persistence machine's DiskPort and RemoteLedgerPort structurally. Failures are typed: BackendOfflineError
 * (no answer, timeout, 5xx: retry) and BackendRejectedError (the server refused: `code` and its message).
 */

/** The backend could not be reached or could not do it right now (network, timeout, 5xx): retrying may help. */
export class BackendOfflineError extends Error {
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackendOfflineError';
  }
}

/** The backend refused the request (4xx, or a reply it should never send): the same request will fail again. */
export class BackendRejectedError extends Error {
  readonly retryable = false;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'BackendRejectedError';
  }
}

/** Options of {@link createBackendApi}. */
export interface BackendApiOptions {
  /** The backend's origin, e.g. `http://127.0.0.1:4321/`. */
  baseUrl: string;
  /** The API token (from the served page or the data dir's `server-token`). */
  token: string;
  /** fetch to use; default the global one. */
  fetch?: typeof fetch;
  /** Per-request timeout in milliseconds (not applied to the event stream); default 15 000. */
  timeoutMs?: number;
}

/** Options of `subscribe`: `onStatus` is told when the stream is live, and when it dropped (with why). */
export type SubscribeOptions = { onStatus?: (status: 'live' | 'reconnecting', error?: unknown) => void };

/** The backend client; every method rejects with BackendOfflineError or BackendRejectedError. */
export interface BackendApi {
  /**
   * Ledger events in journal order after id `after` (all when absent; `afterNotFound`: from the start),
   * following the server's pages until the end. For tools: the panel asks the read model instead.
   */
  loadLedger(after?: string): Promise<LedgerResponse>;
  /** What the panel's machines need of the ledger: open generations, the epoch, the learned window. */
  loadWorkingSet(): Promise<WorkingSetResponse>;
  /** A page of Billing rows for a filter, after a cursor. */
  rows(query: Partial<RowsQuery>): Promise<RowsResponse>;
  /** Totals, breakdowns and tags in use for a filter, in a currency. */
  summary(query: Partial<SummaryQuery>): Promise<SummaryResponse>;
  /** Every pool with its shares. */
  pools(): Promise<PoolsResponse>;
  /**
   * Appends a batch (≤ MAX_BATCH_EVENTS = 500 events, ≤ LEDGER_BODY_LIMIT_BYTES = 4 MiB; src/contract)
   * idempotently; `acknowledged` ids are durable on disk with the content sent, `superseded` ids are
   * from before the current reset (never written, nothing to retry).
   */
  appendEvents(events: readonly LedgerEvent[]): Promise<Pick<AppendResponse, 'acknowledged' | 'superseded'>>;
  /** The typed-DELETE reset: backup, `ledger.reset` with a new epoch, compaction. */
  resetLedger(): Promise<ResetResponse>;
  /** What an external-cost CSV would record (nothing is recorded by it). */
  previewExternal(request: ExternalPreviewRequest): Promise<ExternalPreviewResponse>;
  /** Has the backend write the cost CSV of a filter under the data dir's `reports/`; where it went. */
  saveCostCsv(query: SummaryQuery): Promise<SavedReport>;
  /** Has the backend render the HTML report of a filter under the data dir's `reports/`; where it went. */
  saveHtmlReport(query: SummaryQuery): Promise<SavedReport>;
  /**
   * Streams ledger changes (`GET /api/events`) with fetch, so the token header can be sent; reconnects
   * with backoff (1 s … 30 s) and, after a reconnect, delivers the whole ledger once so nothing missed
   * is lost. Returns the function that stops it.
   */
  subscribe(onEvents: (events: LedgerEvent[]) => void, options?: SubscribeOptions): () => void;
  getSettings(): Promise<SettingsView>;
  putSettings(patch: SettingsPatch): Promise<SettingsView>;
  health(): Promise<HealthResponse>;
  /** Each model's licence as the backend resolved it (`GET /api/models`: fal's live answer, else the seed). */
  modelLicences(): Promise<ModelLicence[]>;
}

// How this client reads the contract's response bodies (src/contract); `satisfies` keeps them in step with it.
const ledgerSchema = z.object({
  events: z.array(ledgerEventSchema),
  afterNotFound: z.boolean().default(false),
  next: z.string().nullable().default(null),
}) satisfies z.ZodType<LedgerResponse, unknown>;
const workingSetSchema = z.object({
  epoch: z.number().int().nonnegative(),
  events: z.array(ledgerEventSchema),
  learned: z.array(z.object({ usdMicros: z.number().int(), at: z.string(), configKey: z.string() })),
  version: z.string(),
}) satisfies z.ZodType<WorkingSetResponse, unknown>;
const appendSchema = z.object({
  acknowledged: z.array(z.string()),
  superseded: z.array(z.string()).default([]),
}) satisfies z.ZodType<Pick<AppendResponse, 'acknowledged' | 'superseded'>, unknown>;
const resetSchema = z.object({ backupPath: z.string(), event: ledgerResetSchema }) satisfies z.ZodType<
  ResetResponse,
  unknown
>;
const eventsMessageSchema = z.object({ events: z.array(ledgerEventSchema) }) satisfies z.ZodType<
  LedgerStreamMessage,
  unknown
>;
/** The licence fields of `GET /api/models` (src/server/routes/models.ts); the catalog fields are not read. */
const modelLicencesSchema = z.object({
  models: z.array(
    z.looseObject({
      endpoint_id: z.string(),
      licence: licenceSchema,
      licenceOrigin: z.enum(['fal', 'catalog']),
      // A saved draft's model keeps it as `license_source`, which must be a URL (catalogModelSchema).
      licenceSourceUrl: z.url().nullable(),
    }),
  ),
});
/** Settings and health are the contract's types: checked to be an object, typed by src/contract. */
const objectOf = <T>() => z.looseObject({}) as unknown as z.ZodType<T>;

type Request = { method: string; path: string; body?: unknown };
const ledgerPath = (after?: string) =>
  `${API_ROUTES.ledger}${after ? `?after=${encodeURIComponent(after)}` : ''}`;

/** `path?name=value&…` for the query's defined values (filters left out mean "any"). */
function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Creates the client; nothing is sent until a method is called. */
export function createBackendApi(options: BackendApiOptions): BackendApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const call = <T>(request: Request, schema: z.ZodType<T>) => send(options, doFetch, request, schema);
  const api: BackendApi = {
    loadLedger: async (after) => {
      const first = await call({ method: 'GET', path: ledgerPath(after) }, ledgerSchema);
      const events = [...first.events];
      for (let next = first.next; next !== null;) {
        const page = await call({ method: 'GET', path: ledgerPath(next) }, ledgerSchema);
        events.push(...page.events);
        next = page.next;
      }
      return { events, afterNotFound: first.afterNotFound, next: null };
    },
    loadWorkingSet: () => call({ method: 'GET', path: API_ROUTES.ledgerWorkingSet }, workingSetSchema),
    rows: (query) =>
      call({ method: 'GET', path: withQuery(API_ROUTES.ledgerRows, query) }, objectOf<RowsResponse>()),
    summary: (query) =>
      call({ method: 'GET', path: withQuery(API_ROUTES.ledgerSummary, query) }, objectOf<SummaryResponse>()),
    pools: () => call({ method: 'GET', path: API_ROUTES.ledgerPools }, objectOf<PoolsResponse>()),
    appendEvents: (events) =>
      call(
        { method: 'POST', path: API_ROUTES.ledgerEvents, body: { events } satisfies AppendRequest },
        appendSchema,
      ),
    resetLedger: () =>
      call(
        { method: 'POST', path: API_ROUTES.ledgerReset, body: { confirm: 'DELETE' } satisfies ResetRequest },
        resetSchema,
      ),
    previewExternal: (request) =>
      call(
        { method: 'POST', path: API_ROUTES.importsExternalPreview, body: request },
        objectOf<ExternalPreviewResponse>(),
      ),
    saveCostCsv: (query) =>
      call({ method: 'POST', path: API_ROUTES.reportsCostsCsv, body: query }, objectOf<SavedReport>()),
    saveHtmlReport: (query) =>
      call({ method: 'POST', path: API_ROUTES.reportsHtml, body: query }, objectOf<SavedReport>()),
    getSettings: () => call({ method: 'GET', path: API_ROUTES.settings }, objectOf<SettingsView>()),
    putSettings: (patch) =>
      call({ method: 'PUT', path: API_ROUTES.settings, body: patch }, objectOf<SettingsView>()),
    health: () => call({ method: 'GET', path: API_ROUTES.health }, objectOf<HealthResponse>()),
    modelLicences: async () => {
      const { models } = await call({ method: 'GET', path: API_ROUTES.models }, modelLicencesSchema);
      return models.map((model) => ({
        endpointId: model.endpoint_id,
        licence: model.licence,
        origin: model.licenceOrigin,
        sourceUrl: model.licenceSourceUrl,
      }));
    },
    subscribe: (onEvents, subscribeOptions = {}) =>
      streamLedger({ ...subscribeOptions, options, doFetch, api, onEvents }),
  };
  return api;
}

/** One JSON request with the token and a timeout; the reply is checked against `schema`. */
async function send<T>(
  options: BackendApiOptions,
  doFetch: typeof fetch,
  request: Request,
  schema: z.ZodType<T>,
): Promise<T> {
  const headers: Record<string, string> = { [TOKEN_HEADER]: options.token, accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  const deadline = timeoutSignal(options.timeoutMs ?? 15_000);
  try {
    response = await doFetch(new URL(request.path, options.baseUrl), {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: deadline,
    });
  } catch (error) {
    throw unreachable(request, error, deadline);
  }
  const json = await response.json().catch(() => undefined);
  if (!response.ok) throw failure(request, response.status, json);
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new BackendRejectedError(
    response.status,
    'BAD_RESPONSE',
    `The backend's answer to ${request.method} ${request.path} is not what this panel expects ` +
      `(${z.prettifyError(parsed.error).split('\n')[0]}). Update modelBridge or reload the panel.`,
  );
}

function unreachable(request: Request, error: unknown, deadline: AbortSignal): BackendOfflineError {
  // Chromium 88 (CEP 11) drops the abort reason, so its deadline rejects as an AbortError (timeout-signal.ts).
  const timedOut =
    error instanceof DOMException &&
    (error.name === 'TimeoutError' || (error.name === 'AbortError' && deadline.aborted));
  const why = timedOut ? 'it did not answer in time' : 'it could not be reached';
  return new BackendOfflineError(
    `The modelBridge backend did not complete ${request.method} ${request.path}: ${why}. ` +
      'Check that `modelbridge serve` is running; the panel keeps unsaved work and retries.',
    { cause: error },
  );
}

/** Maps an error reply: 5xx, 408 and 429 are worth retrying; other codes are refusals with the server's message. */
function failure(request: Request, status: number, json: unknown): Error {
  const parsed = errorBodySchema.safeParse(json);
  const code = parsed.success ? parsed.data.error.code : `HTTP_${status}`;
  const message = parsed.success
    ? parsed.data.error.message
    : `The backend answered ${request.method} ${request.path} with HTTP ${status}.`;
  if (status >= 500 || status === 408 || status === 429) return new BackendOfflineError(message);
  const details = parsed.success ? parsed.data.error.details : undefined;
  return new BackendRejectedError(status, code, message, details);
}

type StreamDeps = SubscribeOptions & {
  options: BackendApiOptions;
  doFetch: typeof fetch;
  api: BackendApi;
  onEvents: (events: LedgerEvent[]) => void;
};

/** The SSE loop: connect, read until the stream ends, wait with backoff, reconnect; stops on unsubscribe. */
function streamLedger(deps: StreamDeps): () => void {
  const controller = new AbortController();
  void (async () => {
    for (let attempt = 0, connected = false; !controller.signal.aborted; attempt += 1) {
      if (attempt > 0) await sleep(Math.min(1000 * 2 ** Math.min(attempt - 1, 5), 30_000), controller.signal);
      try {
        const opened = await readStream(deps, controller.signal, connected);
        if (opened) [attempt, connected] = [0, true];
      } catch (error) {
        if (!controller.signal.aborted) deps.onStatus?.('reconnecting', error);
      }
    }
  })();
  return () => controller.abort();
}

/** Reads one connection until it ends; resolves true when it got as far as `ready`. */
async function readStream(deps: StreamDeps, signal: AbortSignal, resync: boolean): Promise<boolean> {
  const response = await deps.doFetch(new URL(API_ROUTES.events, deps.options.baseUrl), {
    headers: { [TOKEN_HEADER]: deps.options.token, accept: 'text/event-stream' },
    signal,
  });
  if (!response.ok || !response.body)
    throw failure({ method: 'GET', path: API_ROUTES.events }, response.status, null);
  let ready = false;
  await readSse(response.body, signal, async (event, data) => {
    if (event === LEDGER_STREAM_EVENTS.ready) {
      ready = true;
      deps.onStatus?.('live');
      // Changes made while disconnected were never streamed to us: deliver the working set once (the
      // history itself stays in the backend's read model, which the panel asks again on any change).
      if (resync) deps.onEvents((await deps.api.loadWorkingSet()).events);
    } else if (event === LEDGER_STREAM_EVENTS.ledger) {
      const parsed = eventsMessageSchema.safeParse(JSON.parse(data));
      if (parsed.success && parsed.data.events.length > 0) deps.onEvents(parsed.data.events);
    }
  });
  if (!signal.aborted) deps.onStatus?.('reconnecting', new BackendOfflineError('The event stream ended.'));
  return ready;
}

/** Parses `text/event-stream` (event/data fields, comments, CRLF) and calls `onMessage` per event. */
async function readSse(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onMessage: (event: string, data: string) => Promise<void>,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  while (!signal.aborted) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split(/\r?\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) await onMessage(event, data.join('\n'));
        [event, data] = ['message', []];
      } else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
  }
}

/** Waits `ms`, or less when `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
  });
}
