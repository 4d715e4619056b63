import { z } from 'zod';
import type { Licence } from '../domain/ledger/events.ts';
import { licenceFromFalWording } from '../domain/pricing/licence-wording.ts';
import { timeoutSignal } from '../contract/index.ts';
import { classifyFalError } from './errors.ts';

/** fal's Platform API root (fal-api.md §2b); the sandbox serves the same paths under <sandbox>/api/v1. */
export const FAL_PLATFORM_URL = 'https://api.fal.ai/v1';

/** A list price from fal's pricing API: USD (usually) per `unit` of the model's own metering. */
export interface FalPrice {
  /** Price of one unit in `currency`, as fal sends it (a decimal, e.g. 0.025). */
  unitPrice: number;
  /** fal's free-form unit string (e.g. "image", "second"); stored opaquely. */
  unit: string;
  currency: string;
}

const pricingSchema = z.object({
  prices: z.array(
    z.object({
      endpoint_id: z.string(),
      unit_price: z.number().nonnegative(),
      unit: z.string(),
      currency: z.string(),
    }),
  ),
});

const modelsSchema = z.object({
  models: z.array(
    z.object({
      endpoint_id: z.string(),
      metadata: z.object({ license_type: z.string().nullish() }).passthrough().nullish(),
    }),
  ),
});

/**
 * Reads the list price of one endpoint from `GET /models/pricing`; null when fal has no price for it.
 * Throws a FalError (stage `platform`, never charged) when the key is refused or fal is unreachable.
 */
export async function fetchFalPricing(
  endpointId: string,
  key: string,
  fetchImpl: typeof fetch = fetch,
  baseUrl: string = FAL_PLATFORM_URL,
): Promise<FalPrice | null> {
  const url = `${baseUrl}/models/pricing?endpoint_id=${encodeURIComponent(endpointId)}`;
  const response = await platformGet(url, key, fetchImpl);
  if (response.status === 404) return null;
  if (!response.ok) throw classifyFalError(await asApiError(response), 'platform');
  const parsed = pricingSchema.safeParse(await response.json().catch(() => null));
  const price = parsed.success ? parsed.data.prices.find((p) => p.endpoint_id === endpointId) : undefined;
  return price ? { unitPrice: price.unit_price, unit: price.unit, currency: price.currency } : null;
}

/**
 * Reads `metadata.license_type` from `GET /models?endpoint_id=`. A missing, unknown or unreadable
 * value is `unknown`, never `commercial` (fal-api.md §6); this never throws.
 */
export async function fetchFalLicence(
  endpointId: string,
  key: string | null,
  fetchImpl: typeof fetch = fetch,
  baseUrl: string = FAL_PLATFORM_URL,
): Promise<Licence> {
  try {
    const url = `${baseUrl}/models?endpoint_id=${encodeURIComponent(endpointId)}`;
    const response = await platformGet(url, key, fetchImpl);
    if (!response.ok) return 'unknown';
    const parsed = modelsSchema.safeParse(await response.json());
    const model = parsed.success ? parsed.data.models.find((m) => m.endpoint_id === endpointId) : undefined;
    return licenceFromFalWording(model?.metadata?.license_type);
  } catch {
    return 'unknown';
  }
}

/** fal's model API takes at most this many endpoint ids per call (fal-api.md §2b). */
const MODELS_PER_CALL = 50;

/**
 * Reads the licences fal's model API names for these endpoints, 50 ids per call. The map holds only
 * the endpoints whose `license_type` reads as commercial, research or private; a missing or unknown
 * one is left out, so the caller's seed stands. Throws a FalError (stage `platform`) when fal refuses
 * or cannot be reached, so the caller can tell "fal said nothing" from "fal was not heard".
 */
export async function fetchFalLicences(
  endpointIds: readonly string[],
  key: string | null,
  fetchImpl: typeof fetch = fetch,
  baseUrl: string = FAL_PLATFORM_URL,
): Promise<Map<string, Licence>> {
  const named = new Map<string, Licence>();
  for (let start = 0; start < endpointIds.length; start += MODELS_PER_CALL) {
    const ids = endpointIds.slice(start, start + MODELS_PER_CALL);
    const query = ids.map((id) => `endpoint_id=${encodeURIComponent(id)}`).join('&');
    const response = await platformGet(`${baseUrl}/models?${query}`, key, fetchImpl);
    if (!response.ok) throw classifyFalError(await asApiError(response), 'platform');
    const parsed = modelsSchema.safeParse(await response.json().catch(() => null));
    for (const model of parsed.success ? parsed.data.models : []) {
      const licence = licenceFromFalWording(model.metadata?.license_type);
      if (ids.includes(model.endpoint_id) && licence !== 'unknown') named.set(model.endpoint_id, licence);
    }
  }
  return named;
}

/**
 * Checks a key with one authenticated read: `valid` when fal accepts it, `invalid` on 401/403,
 * `unreachable` when fal cannot be reached or answers with a server error.
 */
export async function checkFalKey(
  key: string,
  fetchImpl: typeof fetch = fetch,
  baseUrl: string = FAL_PLATFORM_URL,
): Promise<'valid' | 'invalid' | 'unreachable'> {
  if (!/^\S+$/.test(key)) return 'invalid';
  try {
    const response = await platformGet(
      `${baseUrl}/models/pricing?endpoint_id=fal-ai/flux/dev`,
      key,
      fetchImpl,
    );
    await response.body?.cancel();
    if (response.status === 401 || response.status === 403) return 'invalid';
    return response.status >= 500 || response.status === 429 ? 'unreachable' : 'valid';
  } catch {
    return 'unreachable';
  }
}

async function platformGet(url: string, key: string | null, fetchImpl: typeof fetch): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (key) headers.authorization = `Key ${key}`;
  try {
    return await fetchImpl(url, { method: 'GET', headers, signal: timeoutSignal(15_000) });
  } catch (error) {
    throw classifyFalError(error, 'platform');
  }
}

/** Gives a failed Platform API answer the ApiError shape that classifyFalError reads. */
async function asApiError(response: Response): Promise<{ status: number; body: unknown; requestId: string }> {
  const body: unknown = await response.json().catch(() => null);
  return { status: response.status, body, requestId: response.headers.get('x-fal-request-id') ?? '' };
}
