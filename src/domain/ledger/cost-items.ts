import { toUsdMicros } from '../fx.ts';
import { normaliseTag } from '../tags.ts';
import type { CostItem } from './cost-item.ts';
import { generationCost } from './generation-cost.ts';
import { poolItems } from './pool-items.ts';
import type { ExternalCostRow, GenerationRow, LedgerState } from './state.ts';

/** The cost item of one generation, valued by the cost rule (generation-cost.ts). */
export function generationItem(row: GenerationRow): CostItem {
  const cost = generationCost(row);
  return {
    kind: 'internal',
    id: `gen:${row.genId}`,
    sourceId: row.genId,
    date: row.submittedAt,
    day: row.submittedAt.slice(0, 10),
    ...cost,
    ...row.tags,
    model: row.modelName || row.endpointId,
    fx: row.fx,
    native: null,
  };
}

/** The cost item of one imported row, converted to micro-USD with its batch's stored rates. */
export function externalItem(row: ExternalCostRow): CostItem {
  return {
    kind: 'external',
    id: `ext:${row.key}`,
    sourceId: row.key,
    date: row.date,
    day: row.date,
    usdMicros: toUsdMicros(row.amountMicros, row.currency, row.fx),
    estimated: false,
    unpriced: false,
    client: normaliseTag(row.tags.client),
    project: normaliseTag(row.tags.project),
    deliverable: normaliseTag(row.tags.deliverable),
    model: `External · ${normaliseTag(row.category)}`,
    fx: row.fx,
    native: row.currency === 'USD' ? null : { amountMicros: row.amountMicros, currency: row.currency },
  };
}

const memo = new WeakMap<LedgerState, readonly CostItem[]>();

/**
 * Flattens a state into cost items: one per generation, one per external row, one per pool share.
 * Memoised on the state object (states are immutable); the result must not be mutated.
 */
export function costItems(state: LedgerState): readonly CostItem[] {
  const cached = memo.get(state);
  if (cached) return cached;
  const internal = Object.values(state.generations).map(generationItem);
  const external = state.externals.map(externalItem);
  const others = [...internal, ...external];
  const pools = Object.values(state.pools).flatMap((pool) => poolItems(pool, others));
  const items = Object.freeze([...others, ...pools]);
  memo.set(state, items);
  return items;
}
