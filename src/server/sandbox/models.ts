import type { Licence } from '../../domain/ledger/events.ts';
import {
  type CatalogModel,
  catalog,
  findModel,
  licenceOf,
  unitPriceUsdMicros,
} from '../../domain/pricing/index.ts';

/** The kind of media a sandbox model returns. */
export type SandboxKind = 'image' | 'video' | 'audio';

/** What the sandbox knows about an endpoint: from the price catalog, or guessed for unknown ids. */
export interface SandboxModel {
  endpointId: string;
  /** The catalog's canonical id when `endpointId` is an alias (sent as x-fal-bill-as), else null. */
  canonicalId: string | null;
  displayName: string;
  category: string;
  kind: SandboxKind;
  /** fal's unit string for x-fal-billable-units, e.g. "second", "image", "megapixel". */
  unit: string;
  /** List price of one unit in USD (a decimal, as fal's pricing API sends it), or null. */
  unitPriceUsd: number | null;
  licence: Licence;
  catalogModel: CatalogModel | null;
}

/** Prices for endpoints outside the catalog, by kind: a fixed table so the sandbox always answers. */
const FALLBACK: Record<SandboxKind, { unit: string; unitPriceUsd: number }> = {
  image: { unit: 'image', unitPriceUsd: 0.03 },
  video: { unit: 'second', unitPriceUsd: 0.1 },
  audio: { unit: 'second', unitPriceUsd: 0.001 },
};

/**
 * Looks an endpoint up in the catalog; unknown ids get a kind guessed from the id and a fallback price
 * (none when the id contains "unpriced").
 */
export function sandboxModel(endpointId: string): SandboxModel {
  const model = findModel(endpointId);
  if (model) return fromCatalog(model, endpointId);
  const kind = guessKind(endpointId);
  return {
    endpointId,
    canonicalId: null,
    displayName: endpointId.split('/').slice(1).join(' '),
    category: kind === 'video' ? 'text-to-video' : kind === 'audio' ? 'audio' : 'text-to-image',
    kind,
    unit: FALLBACK[kind].unit,
    // An id containing "unpriced" has no list price, to exercise the panel's "No price" path.
    unitPriceUsd: /unpriced/i.test(endpointId) ? null : FALLBACK[kind].unitPriceUsd,
    licence: 'unknown',
    catalogModel: null,
  };
}

/** Every catalog model under its canonical id (what the fake `/models` lists). */
export function listSandboxModels(): SandboxModel[] {
  return catalog.map((model) => fromCatalog(model, model.endpoint_id));
}

function fromCatalog(model: CatalogModel, endpointId: string): SandboxModel {
  const kind: SandboxKind = /video/.test(model.category)
    ? 'video'
    : /speech|audio/.test(model.category)
      ? 'audio'
      : 'image';
  const micros = unitPriceUsdMicros(model, {});
  return {
    endpointId,
    canonicalId: model.endpoint_id === endpointId ? null : model.endpoint_id,
    displayName: model.display_name,
    category: model.category,
    kind,
    unit: model.unit,
    unitPriceUsd: micros === null ? firstRate(model) : micros / 1_000_000,
    licence: licenceOf(model),
    catalogModel: model,
  };
}

/** A representative list price when the formula has no single unit rate (tiers, base + per second). */
function firstRate(model: CatalogModel): number | null {
  const f = model.formula as Record<string, unknown>;
  const names = [
    'rate_per_second',
    'rate_audio',
    'additional_per_second',
    'first_mp_rate',
    'rate_per_image',
    'unit_price',
  ];
  for (const name of names) if (typeof f[name] === 'number') return f[name];
  return null;
}

function guessKind(endpointId: string): SandboxKind {
  if (/video|veo|kling|hailuo|seedance|pika|wan|luma|runway/i.test(endpointId)) return 'video';
  if (/tts|speech|audio|music|sound|voice/i.test(endpointId)) return 'audio';
  return 'image';
}
