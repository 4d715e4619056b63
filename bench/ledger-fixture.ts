import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CatalogModel,
  catalog,
  estimateCost,
  FLUX_IMAGE_SIZE_PRESETS,
  type Currency,
  type FxSnapshot,
  type LedgerEvent,
  type LedgerEventOf,
  licenceOf,
  type MediaInfo,
  megapixelsCeil,
  MP_PIXELS_IMAGE,
  MP_PIXELS_VIDEO,
  parseDurationSeconds,
  summariseParams,
  type Tags,
} from '../src/domain/index.ts';
import {
  completedDraft,
  failedDraft,
  requestedDraft,
  type SubmittedFacts,
  submittedDraft,
  unsettledDraft,
} from '../src/machines/generation/generation-ledger.ts';
import type { RunFailure } from '../src/machines/generation/generation-failure.ts';
import { meteredDraft } from '../src/machines/generation/settlement-drafts.ts';
import type { LedgerEventDraft } from '../src/machines/ports.ts';
import { JOURNAL_FILE, openJournal, SNAPSHOT_FILE } from '../src/persistence/index.ts';

/**
 * A seeded ledger for the read-model bench (issue 12): N generations over 13 months, drafted by the
 * panel's own draft functions (requested → submitted → completed or failed → settled, metered), plus
 * imported external costs and pools, in ledger order. The same seed gives the same events everywhere:
 * randomness comes from a small PRNG, never Math.random, and every time from a fixed calendar.
 */

/** The shape of a fixture; everything but `generations` defaults to the issue 12 mix. */
export interface LedgerFixtureOptions {
  generations: number;
  seed?: number;
  /** Distinct client, project and deliverable tags (projects per client and deliverables per project are even). */
  clients?: number;
  projects?: number;
  deliverables?: number;
  /** External cost rows, imported in batches of 250. */
  externalRows?: number;
  pools?: number;
  /** Share of generations that are one half of a Dual Mode pair. */
  dualShare?: number;
  /** Share of generations that fail. */
  failureShare?: number;
}

/** Bump when the generator changes: cached data dirs of another version are not reused. */
export const LEDGER_FIXTURE_VERSION = 2;
/** The seed the bench uses unless told otherwise. */
export const DEFAULT_SEED = 12;
/** The first instant of the fixture's calendar: Monday 2025-11-03. */
export const FIXTURE_START = '2025-11-03T00:00:00.000Z';
/** The last instant of the fixture's calendar, 56 weeks on: every event is at or before it. */
export const FIXTURE_END = '2026-11-30T19:00:00.000Z';

const DEFAULTS = {
  seed: DEFAULT_SEED,
  clients: 40,
  projects: 200,
  deliverables: 600,
  externalRows: 10_000,
  pools: 12,
  dualShare: 0.2,
  failureShare: 0.05,
};
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START_MS = Date.parse(FIXTURE_START);
const END_MS = Date.parse(FIXTURE_END);
/** Generations run on weekdays, 08:00–19:00 UTC. */
const WORK_START = 8 * HOUR;
const WORK_LENGTH = 11 * HOUR;
const IMPORT_BATCH_ROWS = 250;

/** Uniform numbers in [0, 1) from a 32-bit seed (mulberry32), with the few helpers the generator uses. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of `items`, each as likely. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

const CLIENTS = (
  'Nordlys|Acme|Bluefin|Kestrel|Halcyon|Juniper|Marlow|Oakridge|Vireo|Solstice|Tidewater|' +
  'Ember|Granite|Lumen|Northwind|Pinegrove|Quarry|Redshift|Saltmarsh|Tundra|Umber|Veldt|' +
  'Willow|Yarrow|Zephyr|Aster|Birch|Cobalt|Dune|Fjord|Glacier|Heron|Iris|Jetty|Kelp|Larch|' +
  'Moss|Nimbus|Orca|Puffin'
).split('|');
const PROJECT_KINDS = (
  'Spring Campaign|Brand Film|Product Launch|Holiday Spot|Annual Report|Festival Trailer|' +
  'Recruitment Film|Summer Teaser|Docu Series|Podcast Visuals|Trade Show Loop|Social Series|' +
  'Explainer|Music Video|Safety Training|Investor Update|Store Screens|Event Recap|' +
  'Behind the Scenes|Rebrand|Anniversary Film|Case Study|App Promo|Keynote Opener|Pilot'
).split('|');
const DELIVERABLES = (
  'Hero Film|Social Cut|Teaser|Cutdown 6s|Poster|Trailer|Storyboard|Voice-over|Vertical Edit|' +
  'Thumbnail Set|Animatic|Lower Thirds|Title Cards|B-roll|End Card|Banner Set|Mood Reel|' +
  'Pitch Deck|Sound Bed|Intro'
).split('|');
const SUBJECTS = (
  'a lighthouse on a basalt cliff|a cyclist crossing a wet cobblestone square|' +
  'a red fox in fresh snow|steam rising from a cup of coffee|a drone shot over pine forest|' +
  'a chef plating a dessert|an empty subway platform|a surfer at dawn|' +
  'a glass skyscraper reflecting clouds|hands shaping clay on a wheel|' +
  'a vintage car on a desert road|a crowd at an outdoor concert'
).split('|');
const SETTINGS = (
  'golden hour|blue hour|soft overcast light|neon-lit night|foggy morning|harsh noon sun|' +
  'candlelight|studio softbox lighting'
).split('|');
const STYLES = (
  'cinematic, shallow depth of field|slow dolly in|handheld documentary feel|' +
  'anamorphic lens flare|clean product look, white background|35mm film grain|' +
  'wide establishing shot|macro close-up'
).split('|');
const SCRIPT =
  'Every great story starts with a single frame. This season we set out to capture the moments in ' +
  'between: the quiet before the crowd arrives, the light that lingers after the last train leaves. ';
const VENDORS = [
  { category: 'Midjourney', description: 'Midjourney Standard plan' },
  { category: 'Runway', description: 'Runway credits top-up' },
  { category: 'ElevenLabs', description: 'ElevenLabs Creator subscription' },
  { category: 'Stock footage', description: 'Artlist clip licence' },
  { category: 'Stock images', description: 'Adobe Stock image pack' },
  { category: 'Freelance', description: 'Freelance colourist, half day' },
  { category: 'Render farm', description: 'Render farm node hours' },
  { category: 'Storage', description: 'Frame.io storage add-on' },
];
const POOL_NAMES = (
  'Midjourney team seats|Adobe CC licences|Topaz licences|Render node lease|Runway Unlimited|' +
  'ElevenLabs Pro|Stock footage plan|GPU workstation|Frame.io team|Music licensing|' +
  'Font licences|Studio rent share'
).split('|');
const FAILURES: readonly Pick<RunFailure, 'kind' | 'message' | 'retryable'>[] = [
  {
    kind: 'SERVER',
    message: 'fal.ai is not answering right now. Try again in a few minutes.',
    retryable: true,
  },
  { kind: 'TIMEOUT', message: 'No result after 30 minutes. Check status later or retry.', retryable: true },
  {
    kind: 'CONTENT_POLICY',
    message: "fal.ai's content checker refused this prompt. Reword it.",
    retryable: false,
  },
  {
    kind: 'VALIDATION',
    message: 'fal.ai refused the inputs: the source image could not be read.',
    retryable: false,
  },
  { kind: 'RATE_LIMIT', message: 'Too many requests at once. Wait a moment, then retry.', retryable: true },
];

/** The client, project and deliverable tags: each project belongs to one client, each deliverable to one project. */
function tagUniverse(o: Required<LedgerFixtureOptions>): Tags[] {
  const perClient = o.projects / o.clients;
  const perProject = o.deliverables / o.projects;
  return Array.from({ length: o.deliverables }, (_, d) => {
    const p = Math.floor(d / perProject);
    const c = Math.floor(p / perClient);
    const round = Math.floor(c / CLIENTS.length);
    const client = `${CLIENTS[c % CLIENTS.length]}${round > 0 ? ` ${round + 1}` : ''}`;
    // A client's projects are consecutive, so their kinds differ; a project's deliverables likewise.
    const project = `${client} ${PROJECT_KINDS[p % PROJECT_KINDS.length]}`;
    const number = String(Math.floor(d / DELIVERABLES.length) + 1).padStart(2, '0');
    return { client, project, deliverable: `${DELIVERABLES[d % DELIVERABLES.length]} ${number}` };
  });
}

/** `count` indexes into `size` items: each item at least once (when count allows), the rest skewed, shuffled. */
function skewedAssignments(random: SeededRandom, count: number, size: number): number[] {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < size; i++) {
    total += 1 / (1 + i / 40);
    cumulative.push(total);
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i < size) out.push(i);
    else {
      const target = random.next() * total;
      let lo = 0;
      let hi = size - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) < target) lo = mid + 1;
        else hi = mid;
      }
      out.push(lo);
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}

/** The ISO date (YYYY-MM-DD) of an instant. */
function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The rates of the month an instant falls in (ECB-like, drifting a little month by month). */
function fxOf(ms: number): FxSnapshot {
  const d = new Date(ms);
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  return {
    base: 'USD',
    rates: {
      USD: 1,
      EUR: Math.round((0.86 + 0.03 * Math.sin(month / 2)) * 10_000) / 10_000,
      SEK: Math.round((9.4 + 0.5 * Math.cos(month / 3)) * 10_000) / 10_000,
    },
    asOf: `${isoDay(ms).slice(0, 8)}01`,
    source: 'ecb',
  };
}

/** Weekdays of the calendar, as the ms of their midnight. */
function workdays(): number[] {
  const days: number[] = [];
  for (let ms = START_MS; ms < END_MS; ms += DAY) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(ms);
  }
  return days;
}

/** Maps a point of working time (0 ≤ t < days × 11 h) to its instant on the calendar (monotonic). */
function calendarOf(days: readonly number[], workMs: number): { ms: number; day: number } {
  const day = Math.min(days.length - 1, Math.floor(workMs / WORK_LENGTH));
  return { ms: (days[day] as number) + WORK_START + (workMs - day * WORK_LENGTH), day };
}

/** Catalog models with a weight (images most often, video next, audio least). */
function modelWeights(): { model: CatalogModel; weight: number }[] {
  const byCategory: Record<string, number> = {
    'text-to-image': 3,
    'image-to-image': 2,
    'text-to-video': 1.5,
    'image-to-video': 1.5,
    'video-to-video': 0.6,
    'text-to-speech': 0.8,
    audio: 0.5,
  };
  return catalog.map((model, i) => ({
    model,
    weight: (byCategory[model.category] ?? 1) * (1 + (i % 3) / 2),
  }));
}

function pickWeighted<T>(random: SeededRandom, items: readonly { weight: number }[] & readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let target = random.next() * total;
  for (const item of items) {
    target -= item.weight;
    if (target < 0) return item as T;
  }
  return items[items.length - 1] as T;
}

function prompt(random: SeededRandom): string {
  return `${random.pick(SUBJECTS)}, ${random.pick(SETTINGS)}, ${random.pick(STYLES)}`;
}

/** fal inputs for a model, as the form would send them: documented choices, a source file where needed. */
function paramsFor(random: SeededRandom, model: CatalogModel, text: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of model.params) {
    if (p.name === 'prompt' || p.name === 'text') params[p.name] = text;
    else if (p.name.endsWith('image_urls'))
      params[p.name] = [`https://v3.fal.media/files/${random.int(1e5, 9e5)}/ref.png`];
    else if (p.name.endsWith('_url')) {
      const ext = p.name.startsWith('video') ? 'mp4' : 'png';
      params[p.name] =
        `https://v3.fal.media/files/${random.int(1e5, 9e5)}/source-${random.int(1, 99)}.${ext}`;
    } else if (p.enum)
      params[p.name] = p.default != null && random.chance(0.5) ? p.default : random.pick(p.enum);
    else if (p.type === 'boolean') params[p.name] = p.default ?? random.chance(0.7);
    else if (p.type === 'integer' || p.type === 'number') {
      const min = p.min ?? 1;
      const max = Math.min(p.max ?? 4, p.name === 'num_images' ? 4 : 30);
      params[p.name] = random.chance(0.6) && typeof p.default === 'number' ? p.default : random.int(min, max);
    } else if (p.default != null) params[p.name] = p.default;
  }
  return params;
}

/** What fal's x-fal-billable-units would say for a finished run, in the model's own unit. */
function billableUnits(
  random: SeededRandom,
  model: CatalogModel,
  params: Record<string, unknown>,
  media: MediaInfo,
): number {
  const count = typeof params.num_images === 'number' ? params.num_images : 1;
  switch (model.unit) {
    case 'second':
      return (parseDurationSeconds(params.duration) ?? 5) + random.int(0, 40) / 1000;
    case 'megapixel': {
      if (model.formula.type === 'unit_price')
        return (media.width * media.height * Number(params.upscale_factor ?? 2) ** 2) / 1e6;
      const size = FLUX_IMAGE_SIZE_PRESETS[String(params.image_size)] ?? { width: 1024, height: 768 };
      return megapixelsCeil(size, MP_PIXELS_IMAGE) * count;
    }
    case 'video_megapixel':
      return (
        (media.width * media.height * (media.frames ?? 121) * Number(params.upscale_factor ?? 2) ** 2) /
        MP_PIXELS_VIDEO
      );
    case '1k_characters':
      return String(params.text ?? params.prompt ?? '').length / 1000;
    case 'image':
      return count;
    default:
      return 1;
  }
}

/** A draft stamped as the journal would (epoch 0), with its instant for sorting. */
type Timed = { ms: number; event: LedgerEvent };
type Params = Record<string, unknown>;

function stamp(list: Timed[], draft: LedgerEventDraft): void {
  list.push({ ms: Date.parse(draft.at), event: { ...draft, epoch: 0 } as LedgerEvent });
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A fal request id (a UUID) from the PRNG. */
function requestIdOf(random: SeededRandom): string {
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => random.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${hex(4)}-${hex(12)}`;
}

interface RunPlan {
  genId: string;
  dual?: { groupId: string; slot: 'primary' | 'secondary' };
  model: CatalogModel;
  tags: Tags;
  text: string;
  at: number;
}

/** A run's fal inputs and its `generation.submitted` facts, as the Generate form records them. */
function runFacts(random: SeededRandom, run: RunPlan) {
  const { model } = run;
  const params = paramsFor(random, model, run.text);
  // Upscalers price by the source's size: a 1080p source, as the panel measures it before the run.
  const frames = model.category === 'video-to-video' ? 121 : undefined;
  const media: MediaInfo = { width: 1920, height: 1080, frames };
  const estimate = estimateCost(model, params, { media });
  const facts: SubmittedFacts = {
    genId: run.genId,
    endpointId: model.endpoint_id,
    modelName: model.display_name,
    category: model.category,
    params: summariseParams(params),
    prompt: run.text,
    estimate: { usdMicros: estimate.usdMicros, tier: estimate.tier, priceRef: estimate.priceRef },
    tags: run.tags,
    ...(run.dual ? { dual: run.dual } : {}),
    licence: licenceOf(model),
    fx: fxOf(run.at),
  };
  return { facts, params, media };
}

/** A failed run; one fal may have charged is re-read later, and fal bills nothing for a failure. */
function failureEvents(
  random: SeededRandom,
  run: RunPlan,
  params: Params,
  at: { submitted: number; end: number },
  out: Timed[],
): void {
  const charged = random.chance(0.9) ? 'no' : 'maybe';
  const failure: RunFailure = { ...random.pick(FAILURES), charged, at: iso(at.end), detail: null };
  stamp(out, failedDraft(run.genId, iso(at.submitted), failure, iso(at.end)));
  if (charged === 'no' || at.end + HOUR > END_MS) return;
  const reading = { genId: run.genId, endpointId: run.model.endpoint_id, billAs: null, params };
  stamp(out, meteredDraft({ ...reading, billableUnits: 0, at: iso(at.end + HOUR) }));
}

/** After completion: settled from fal's units, given up after 6 days, or (in the last days) still open. */
function settlementEvents(
  random: SeededRandom,
  run: RunPlan,
  params: Params,
  media: MediaInfo,
  end: number,
  out: Timed[],
): void {
  const recent = end > END_MS - 3 * DAY;
  // Still open: settlement is waiting for fal's billable units.
  if (recent && random.chance(0.5)) return;
  if (end + 6 * DAY < END_MS && random.chance(0.01)) {
    stamp(out, unsettledDraft(run.genId, 'No billable units after 6 days of retries', iso(end + 6 * DAY)));
    return;
  }
  const reading = { genId: run.genId, endpointId: run.model.endpoint_id, billAs: null, params };
  const billable = billableUnits(random, run.model, params, media);
  stamp(out, meteredDraft({ ...reading, billableUnits: billable, at: iso(end + random.int(200, 2500)) }));
}

/** Now and then a finished run moves to another deliverable of its project. */
function retagEvents(
  random: SeededRandom,
  run: RunPlan,
  end: number,
  tagSet: readonly Tags[],
  out: Timed[],
): void {
  const at = end + random.int(1, 72) * HOUR;
  if (at >= END_MS) return;
  const tags = random.pick(tagSet.filter((t) => t.project === run.tags.project));
  const id = `${run.genId}:retagged:${iso(at)}`;
  stamp(out, { id, type: 'generation.retagged', v: 1, at: iso(at), genId: run.genId, tags });
}

/** The events of one generation, from its write-ahead intent to its settlement (or its open end). */
function generationEvents(
  random: SeededRandom,
  run: RunPlan,
  failureShare: number,
  tagSet: readonly Tags[],
  out: Timed[],
): void {
  const { facts, params, media } = runFacts(random, run);
  stamp(out, requestedDraft(facts, iso(run.at)));
  const submitted = run.at + random.int(250, 1500);
  stamp(out, submittedDraft(facts, requestIdOf(random), iso(submitted)));
  const isVideo = run.model.category.includes('video');
  const end = submitted + (isVideo ? random.int(40_000, 360_000) : random.int(3_000, 25_000));
  if (random.chance(failureShare)) {
    failureEvents(random, run, params, { submitted, end }, out);
    return;
  }
  stamp(out, completedDraft(run.genId, iso(submitted), iso(end)));
  settlementEvents(random, run, params, media, end, out);
  if (random.chance(0.01)) retagEvents(random, run, end, tagSet, out);
}

/** Month starts (ms) of the calendar, 2025-11 to 2026-11. */
function monthStarts(): number[] {
  const out: number[] = [];
  const d = new Date(START_MS);
  for (let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); m < END_MS;) {
    out.push(m);
    const next = new Date(m);
    m = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1);
  }
  return out;
}

/** Imported CSV batches of 250 rows, one or more per month, late in the month they cover. */
function externalEvents(
  random: SeededRandom,
  o: Required<LedgerFixtureOptions>,
  tagSet: readonly Tags[],
  out: Timed[],
): void {
  const months = monthStarts();
  const batches = Math.ceil(o.externalRows / IMPORT_BATCH_ROWS);
  for (let b = 0; b < batches; b++) {
    const month = months[Math.floor((b * months.length) / batches)] as number;
    const importDay = random.int(20, 27);
    const at = Math.min(month + importDay * DAY + 10 * HOUR + b * MINUTE, END_MS - HOUR);
    const batchId = `import-${String(b + 1).padStart(3, '0')}`;
    const count = Math.min(IMPORT_BATCH_ROWS, o.externalRows - b * IMPORT_BATCH_ROWS);
    const rows = Array.from({ length: count }, (_, r) => {
      const vendor = random.pick(VENDORS);
      const currency = random.chance(0.6) ? 'USD' : random.chance(0.6) ? 'EUR' : 'SEK';
      const sign = random.chance(0.02) ? -1 : 1;
      const tagged = random.chance(0.7) ? random.pick(tagSet) : null;
      return {
        key: `${batchId}:${r + 1}`,
        date: isoDay(month + random.int(0, importDay - 1) * DAY),
        description: sign < 0 ? `${vendor.description} (credit)` : vendor.description,
        amountMicros: sign * random.int(5, 800) * (currency === 'SEK' ? 10_000_000 : 1_000_000),
        currency,
        category: vendor.category,
        tags: tagged
          ? {
              client: tagged.client,
              project: tagged.project,
              deliverable: random.chance(0.3) ? tagged.deliverable : '',
            }
          : { client: '', project: '', deliverable: '' },
      } as const;
    });
    const fileName = `external-costs-${isoDay(month).slice(0, 7)}-${b + 1}.csv`;
    stamp(out, {
      id: `${batchId}:imported`,
      type: 'external.imported',
      v: 1,
      at: iso(at),
      batchId,
      fileName,
      rows,
      fx: fxOf(at),
    });
  }
}

/** Monthly shared costs, one per month after the first, cycling through the even, usage and weights rules. */
function poolEvents(
  random: SeededRandom,
  o: Required<LedgerFixtureOptions>,
  tagSet: readonly Tags[],
  out: Timed[],
): void {
  const months = monthStarts();
  const projects = [...new Set(tagSet.map((t) => t.project))];
  const clients = [...new Set(tagSet.map((t) => t.client))];
  for (let k = 0; k < o.pools; k++) {
    const month = months[1 + (k % (months.length - 1))] as number;
    const next = months[2 + (k % (months.length - 1))] ?? END_MS + DAY;
    const kind = (['even', 'usage', 'weights'] as const)[k % 3] as 'even' | 'usage' | 'weights';
    const currency = (['USD', 'EUR', 'SEK'] as const)[Math.floor(k / 3) % 3] as Currency;
    let scope: string[] = [];
    let rule: LedgerEventOf<'pool.defined'>['rule'] = { kind: kind === 'weights' ? 'even' : kind };
    if (kind === 'even' && k % 2 === 0) {
      const client = random.pick(clients);
      scope = projects.filter((p) => p.startsWith(`${client} `));
    } else if (kind === 'weights') {
      scope = [...new Set(Array.from({ length: 6 }, () => random.pick(projects)))];
      rule = { kind: 'weights', weights: Object.fromEntries(scope.map((p) => [p, random.int(1, 5)])) };
    }
    const at = month + 9 * HOUR + k * MINUTE;
    stamp(out, {
      id: `pool-${k + 1}:defined`,
      type: 'pool.defined',
      v: 1,
      at: iso(at),
      poolId: `pool-${k + 1}`,
      name: POOL_NAMES[k % POOL_NAMES.length] as string,
      amountMicros: random.int(20, 600) * (currency === 'SEK' ? 10_000_000 : 1_000_000),
      currency,
      period: { from: isoDay(month), to: isoDay(next - DAY) },
      rule,
      scope: { projects: scope },
      fx: fxOf(at),
    });
  }
}

/** Dual pairs decided up front, so tags can be handed out per run (every deliverable used when runs allow). */
function planRuns(random: SeededRandom, generations: number, dualShare: number): boolean[] {
  // A share s of generations in pairs means a share q = s / (2 − s) of runs are pairs.
  const pairChance = dualShare / (2 - dualShare);
  const runs: boolean[] = [];
  for (let left = generations; left > 0;) {
    const pair = left >= 2 && random.chance(pairChance);
    runs.push(pair);
    left -= pair ? 2 : 1;
  }
  return runs;
}

/** The events of a fixture in ledger order (time, then id), every id unique, all valid ledger events. */
export function generateLedgerEvents(options: LedgerFixtureOptions): LedgerEvent[] {
  const o = { ...DEFAULTS, ...options } as Required<LedgerFixtureOptions>;
  const random = new SeededRandom(o.seed);
  const tagSet = tagUniverse(o);
  const days = workdays();
  const models = modelWeights();
  const runs = planRuns(random, o.generations, o.dualShare);
  const deliverableOf = skewedAssignments(random, runs.length, tagSet.length);
  const nextId = new Map<number, number>();
  const out: Timed[] = [];
  let i = 0;
  runs.forEach((pair, r) => {
    const { ms, day } = calendarOf(days, (days.length * WORK_LENGTH * (i + random.next())) / o.generations);
    // Each working day is one panel start: ids are `<idRoot>-<n>` as the panel makes them.
    const root = `mb${o.seed.toString(36)}d${day}`;
    const n = nextId.get(day) ?? 1;
    const model = pickWeighted<{ model: CatalogModel }>(random, models).model;
    // TTS models read the prompt box as the text they speak (and price by its length).
    const text =
      model.category === 'text-to-speech' ? SCRIPT.repeat(random.int(1, 4)).trim() : prompt(random);
    const base = { tags: tagSet[deliverableOf[r] as number] as Tags, text, at: ms };
    if (!pair) {
      generationEvents(random, { ...base, genId: `${root}-${n}`, model }, o.failureShare, tagSet, out);
      nextId.set(day, n + 1);
      i += 1;
      return;
    }
    const groupId = `${root}-${n}`;
    const partners = models.filter((m) => m.model.category === model.category && m.model !== model);
    const other = partners.length > 0 ? random.pick(partners).model : model;
    const primary = {
      ...base,
      genId: `${root}-${n + 1}`,
      model,
      dual: { groupId, slot: 'primary' as const },
    };
    const secondary = {
      ...base,
      genId: `${root}-${n + 2}`,
      model: other,
      at: ms + random.int(5, 40),
      dual: { groupId, slot: 'secondary' as const },
    };
    generationEvents(random, primary, o.failureShare, tagSet, out);
    generationEvents(random, secondary, o.failureShare, tagSet, out);
    nextId.set(day, n + 3);
    i += 2;
  });
  externalEvents(random, o, tagSet, out);
  poolEvents(random, o, tagSet, out);
  out.sort((a, b) => a.ms - b.ms || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return out.map((timed) => timed.event);
}

/**
 * Writes `events` into `dir` through the journal itself: appended in batches (each validated and
 * fsynced, as the backend's POST does), then compacted once, so the dir holds snapshot.json, a
 * ledger.jsonl naming it, and the compaction backup, exactly as a long-used data dir does.
 */
export async function writeLedgerDataDir(
  dir: string,
  events: readonly LedgerEvent[],
  batch = 10_000,
): Promise<void> {
  // Compaction only at the end: compacting every 5000 events would rewrite a growing snapshot 80 times.
  const journal = await openJournal(dir, {
    compactEvery: Number.POSITIVE_INFINITY,
    now: () => new Date(END_MS),
  });
  try {
    await journal.load();
    for (let start = 0; start < events.length; start += batch) {
      await journal.append(events.slice(start, start + batch));
    }
    await journal.compact();
  } finally {
    await journal.close();
  }
}

/** A fixture's data dir and what it holds. */
export interface LedgerFixtureDir {
  dir: string;
  seed: number;
  generations: number;
  /** Events in the ledger. */
  events: number;
  /** Bytes of snapshot.json and of ledger.jsonl. */
  snapshotBytes: number;
  journalBytes: number;
  /** Milliseconds it took to generate and write, or null when it came from the cache. */
  createdMs: number | null;
}

const MANIFEST = 'bench-fixture.json';
/** Where created fixtures are kept between runs, keyed by generator version, seed and size. */
export const FIXTURE_CACHE_DIR = join(tmpdir(), 'mb-bench-ledger-fixtures');

async function readManifest(dir: string): Promise<Omit<LedgerFixtureDir, 'dir' | 'createdMs'> | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The data dir of the fixture for `generations` and `seed`, created on first use under
 * FIXTURE_CACHE_DIR and reused afterwards. Treat it as read-only: run a backend on a copy
 * (copyLedgerFixture), since a backend writes its token and settings and appends.
 */
export async function cachedLedgerFixture(
  generations: number,
  seed = DEFAULT_SEED,
): Promise<LedgerFixtureDir> {
  // Estimates and settled amounts come from the pricing catalog: a catalog edit makes a new fixture.
  const pricing = createHash('sha256').update(JSON.stringify(catalog)).digest('hex').slice(0, 8);
  const name = `v${LEDGER_FIXTURE_VERSION}-${pricing}-seed${seed}-gen${generations}`;
  const dir = join(FIXTURE_CACHE_DIR, name);
  const cached = await readManifest(dir);
  if (cached) return { ...cached, dir, createdMs: null };
  const started = performance.now();
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const events = generateLedgerEvents({ generations, seed });
  await writeLedgerDataDir(partial, events);
  const manifest = {
    seed,
    generations,
    events: events.length,
    snapshotBytes: (await stat(join(partial, SNAPSHOT_FILE))).size,
    journalBytes: (await stat(join(partial, JOURNAL_FILE))).size,
  };
  await writeFile(join(partial, MANIFEST), `${JSON.stringify(manifest)}\n`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(FIXTURE_CACHE_DIR, { recursive: true });
  await rename(partial, dir).catch(async (err: unknown) => {
    // Another bench made the same fixture meanwhile: its copy is as good as ours.
    if (!(await readManifest(dir))) throw err;
    await rm(partial, { recursive: true, force: true });
  });
  return { ...manifest, dir, createdMs: performance.now() - started };
}

/** Copies a cached fixture to `into`, for a backend to open and write to. */
export async function copyLedgerFixture(fixture: LedgerFixtureDir, into: string): Promise<string> {
  await cp(fixture.dir, into, { recursive: true });
  return into;
}
