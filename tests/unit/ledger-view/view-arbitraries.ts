import fc from 'fast-check';
import type { CostFilter, LedgerEvent } from '../../../src/domain/index.ts';
import { arbDay, arbLedgerEvents } from '../../fixtures/ledger-arbitraries.ts';

/**
 * The shared ledger arbitraries, with what a read model must also get right: write-ahead intents
 * (`generation.requested`, sometimes never submitted), Dual Mode groups, genIds and poolIds that
 * JavaScript orders as array indices, pools with open or odd periods, and events of an epoch whose
 * reset comes later in the journal. Several histories can be joined into one wide ledger, for appends
 * that change many items at once.
 */

type Mutable = Record<string, unknown> & { id: string; type: string; epoch: number };

/** A genId as written: some are array-index keys ("7"), some look like them but are not ("07"). */
function genIdOf(genId: string, space: string): string {
  const n = Number(genId.slice(1));
  const spelling = n % 3 === 0 ? `${n}` : n % 3 === 1 ? `0${n}` : `g${n}`;
  return space === '' ? spelling : `${space}${spelling}`;
}

/** Applies the rolls to one event; may return it with an intent before it, or only the intent. */
function enrichOne(event: LedgerEvent, roll: number, space: string): LedgerEvent[] {
  const e = { ...event } as Mutable;
  if (typeof e.genId === 'string') e.genId = genIdOf(e.genId, space);
  if (e.type === 'pool.defined' || e.type === 'pool.changed' || e.type === 'pool.removed') {
    if (roll % 5 === 0) e.poolId = e.poolId === 'p1' ? '1' : '0';
    if (e.type !== 'pool.removed' && roll % 7 === 1) e.period = { from: '', to: '' };
    if (e.type !== 'pool.removed' && roll % 7 === 2) e.period = { from: '2025-11-1x', to: '' };
  }
  // Written by a store that saw a reset this journal records later: counts once that reset is folded.
  if (e.type !== 'ledger.reset' && roll % 29 === 3) e.epoch += 1;
  if (e.type !== 'generation.submitted') return [e as LedgerEvent];
  if (roll % 4 === 0)
    e.dual = { groupId: `d${(roll >> 3) % 3}`, slot: roll % 8 === 0 ? 'primary' : 'secondary' };
  if (roll % 3 === 0) return [e as LedgerEvent];
  const { requestId: _r, ...intent } = e;
  const requested = { ...intent, id: `${e.id}r`, type: 'generation.requested' } as LedgerEvent;
  // Mostly the intent then fal's acceptance; sometimes the run never reached fal.
  return roll % 11 === 5 ? [requested] : [requested, e as LedgerEvent];
}

/** The shared events, enriched; `space` prefixes genIds (and `prefix` event ids) to join histories. */
export function arbViewEvents(maxLength = 60, space = '', prefix = 'e'): fc.Arbitrary<LedgerEvent[]> {
  return fc
    .tuple(
      arbLedgerEvents(maxLength, prefix),
      fc.array(fc.nat(), { minLength: maxLength, maxLength: maxLength }),
    )
    .map(([events, rolls]) => events.flatMap((event, i) => enrichOne(event, rolls[i] ?? 0, space)));
}

/**
 * `count` histories joined one after another, without their resets (a reset starts the view over, and
 * these are about appends to a full view): many generations, so one append can change more items
 * than a binary insert each is worth.
 */
export function arbWideEvents(count: number, maxLength = 60): fc.Arbitrary<LedgerEvent[]> {
  const parts = Array.from({ length: count }, (_, i) => arbViewEvents(maxLength, `h${i}-`, `h${i}e`));
  return fc
    .tuple(...parts)
    .map((histories) => histories.flat().filter((event) => event.type !== 'ledger.reset'));
}

const CLIENTS = ['Acme', 'acme ', 'Globex', ''];
const PROJECTS = ['Hero Film', 'hero  film', 'Social', 'Launch', ''];
const DELIVERABLES = ['Cut A', 'Poster', ''];

/** Filters over the fixtures' tag vocabulary (any spelling) and days, each part often absent. */
export const arbFilter: fc.Arbitrary<CostFilter> = fc
  .record(
    {
      client: fc.constantFrom(...CLIENTS),
      project: fc.constantFrom(...PROJECTS),
      deliverable: fc.constantFrom(...DELIVERABLES),
      from: arbDay,
      to: arbDay,
    },
    { requiredKeys: [] },
  )
  .map((filter) => filter as CostFilter);

/** A handful of filters: none, each tag alone, two tags, days, and random ones. */
export const arbFilters: fc.Arbitrary<CostFilter[]> = fc
  .array(arbFilter, { maxLength: 4 })
  .map((random) => [
    {},
    { client: 'acme' },
    { project: 'Hero Film' },
    { deliverable: '' },
    { client: 'Acme', project: 'hero film' },
    { from: '2025-11-05', to: '2025-11-30' },
    ...random,
  ]);
