import { createFalClient, type QueueStatus } from '@fal-ai/client';
import { CaptureStore } from './capture-store.ts';
import { createCapturingFetch, DEFAULT_FAL_RETRY, type FalRetryPolicy } from './capture-fetch.ts';
import { classifyFalError, type FalStage } from './errors.ts';

/** One status poll, reduced to what the panel needs. */
export interface FalStatus {
  status: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  /** The place in fal's queue, 1 = next (queuePositionOf); only while IN_QUEUE, else null. */
  queuePosition: number | null;
  /** Log messages so far (fal sends the full list on each poll). */
  logs: string[];
  /** fal's error text when the run completed with a failure; result() then throws the classified error. */
  error: string | null;
}

/** A finished run's output and what fal metered for it. */
export interface FalResult {
  data: unknown;
  /** `x-fal-billable-units` in the model's own unit (may be fractional, e.g. 5.008 s), or null if not reported. */
  billableUnits: number | null;
  /** `x-fal-bill-as`: the endpoint id this run was billed as, or null. */
  billAs: string | null;
}

/** The panel's port to fal's queue, through the backend proxy (which holds the key). */
export interface FalGateway {
  /**
   * `intentId` names the generation whose `generation.requested` is on disk: the backend's proxy lets a
   * submit through only for a recorded intent with the same content (write-ahead for money).
   */
  submit(
    endpointId: string,
    input: Record<string, unknown>,
    intentId?: string,
  ): Promise<{ requestId: string; queuePosition: number | null }>;
  status(endpointId: string, requestId: string): Promise<FalStatus>;
  /** Re-readable later (fal keeps results for days), which is how a run is settled. */
  result(endpointId: string, requestId: string): Promise<FalResult>;
  cancel(
    endpointId: string,
    requestId: string,
  ): Promise<'OK' | 'CANCELLATION_REQUESTED' | 'ALREADY_COMPLETED' | 'NOT_FOUND'>;
  /** Uploads a file to fal storage and returns its URL. */
  upload(file: Blob): Promise<string>;
}

/** Header naming the recorded intent of a submit; the proxy reads it and never forwards it to fal. */
const INTENT_HEADER = 'x-modelbridge-intent';

/** Options for createFalGateway. */
export interface FalGatewayOptions {
  /** Absolute URL of the backend's fal proxy, e.g. http://127.0.0.1:PORT/api/fal/proxy. */
  proxyUrl: string;
  /** Extra headers on every call to the proxy, e.g. `x-modelbridge-token`. Never a fal key. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  /** Retry policy for 429/5xx answers and connection failures; 422 is never retried. */
  retry?: Partial<FalRetryPolicy>;
}

/**
 * Creates the gateway over @fal-ai/client with every call sent through the proxy (`when: 'always'`),
 * no credentials in the panel, and a wrapped fetch that keeps billing headers the client drops.
 */
export function createFalGateway(options: FalGatewayOptions): FalGateway {
  const store = new CaptureStore();
  const client = proxiedClient(options, store);
  const guard = <T>(stage: FalStage, work: () => Promise<T>): Promise<T> =>
    work().catch((error: unknown) => {
      throw classifyFalError(error, stage);
    });
  return {
    submit: (endpointId, input, intentId) =>
      guard('submit', async () => {
        const headers: Record<string, string> = intentId ? { [INTENT_HEADER]: intentId } : {};
        const queued = await client.queue.submit(endpointId, { input, headers });
        return { requestId: queued.request_id, queuePosition: queuePositionOf(queued) };
      }),
    status: (endpointId, requestId) =>
      guard('status', async () => toStatus(await client.queue.status(endpointId, { requestId, logs: true }))),
    result: (endpointId, requestId) => readResult(client, store, endpointId, requestId),
    cancel: (endpointId, requestId) => cancelRequest(client, store, endpointId, requestId),
    upload: (file) => guard('upload', () => client.storage.upload(file)),
  };
}

function proxiedClient(options: FalGatewayOptions, store: CaptureStore) {
  const extraHeaders = { ...options.headers };
  return createFalClient({
    // The key lives only in the backend; never fall back to FAL_KEY from the environment here.
    credentials: () => undefined,
    proxyUrl: { url: options.proxyUrl, when: 'always' },
    suppressLocalCredentialsWarning: true,
    // Retries happen in the capturing fetch with our policy; the client must not add its own on top.
    retry: { maxRetries: 0 },
    fetch: createCapturingFetch({
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      retry: { ...DEFAULT_FAL_RETRY, ...options.retry },
      store,
    }),
    requestMiddleware: async (request) => ({ ...request, headers: { ...request.headers, ...extraHeaders } }),
  });
}

type FalClientInstance = ReturnType<typeof createFalClient>;

async function readResult(
  client: FalClientInstance,
  store: CaptureStore,
  endpointId: string,
  requestId: string,
): Promise<FalResult> {
  try {
    const { data } = await client.queue.result(endpointId, { requestId });
    const billing = store.billingOf(requestId);
    return { data, billableUnits: billing?.billableUnits ?? null, billAs: billing?.billAs ?? null };
  } catch (error) {
    // A failed result that still reports units was billed (e.g. a worker-side 422 after GPU time).
    const units = store.billingOf(requestId)?.billableUnits ?? 0;
    throw classifyFalError(error, 'result', { billed: units > 0 });
  }
}

async function cancelRequest(
  client: FalClientInstance,
  store: CaptureStore,
  endpointId: string,
  requestId: string,
) {
  try {
    await client.queue.cancel(endpointId, { requestId });
    return store.takeCancel(requestId) ?? 'CANCELLATION_REQUESTED';
  } catch (error) {
    // fal answers ALREADY_COMPLETED / NOT_FOUND with an error status and the word in the body.
    const word = (error as { body?: { status?: unknown } } | null)?.body?.status;
    if (word === 'ALREADY_COMPLETED' || word === 'NOT_FOUND') return word;
    throw classifyFalError(error, 'cancel');
  }
}

function toStatus(raw: QueueStatus): FalStatus {
  const record = raw as QueueStatus & { logs?: unknown; error?: unknown };
  const logs = Array.isArray(record.logs)
    ? record.logs
        .map((entry: unknown) => String((entry as { message?: unknown })?.message ?? ''))
        .filter(Boolean)
    : [];
  return {
    status: raw.status,
    queuePosition: raw.status === 'IN_QUEUE' ? queuePositionOf(raw) : null,
    logs,
    error: raw.status === 'COMPLETED' ? errorTextOf(record.error) : null,
  };
}

/**
 * The place in fal's queue as people count it (1 = next): fal's `queue_position` counts from 0, which
 * read "Queued #0". Null when fal does not say (then no number is shown, rather than a stale one).
 */
export function queuePositionOf(raw: unknown): number | null {
  const position = (raw as { queue_position?: unknown } | null)?.queue_position;
  return typeof position === 'number' && Number.isInteger(position) && position >= 0 ? position + 1 : null;
}

function errorTextOf(error: unknown): string | null {
  if (error === null || error === undefined || error === '') return null;
  if (typeof error === 'string') return error;
  const message =
    (error as { message?: unknown; detail?: unknown }).message ?? (error as { detail?: unknown }).detail;
  return typeof message === 'string' ? message : 'The run failed.';
}
