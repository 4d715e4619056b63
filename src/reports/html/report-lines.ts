import type { AmountOf, CostItem, ExternalCostRow, GenerationRow, Pool } from '../../domain/index.ts';
import type { ExternalLine, GenerationLine, PoolLine } from './report-data-types.ts';

/** The tags of a cost item, as the report's rows show them. */
const tagsOf = (item: CostItem) => ({
  client: item.client,
  project: item.project,
  deliverable: item.deliverable,
});

/** A generation's line of the log, its amount in the display currency (`amountOf`). */
export function generationLine(item: CostItem, row: GenerationRow, amountOf: AmountOf): GenerationLine {
  return {
    at: item.date,
    day: item.day,
    model: row.modelName,
    ...tagsOf(item),
    status: row.unsettled ? `${row.status} (unsettled)` : row.status,
    amountMicros: amountOf(item),
    estimated: item.estimated,
    unpriced: item.unpriced,
    licence: row.licence,
  };
}

/** An external cost's line: the amount as imported and in the display currency. */
export function externalLine(item: CostItem, row: ExternalCostRow, amountOf: AmountOf): ExternalLine {
  return {
    day: item.day,
    tool: row.category,
    description: row.description,
    ...tagsOf(item),
    nativeMicros: row.amountMicros,
    nativeCurrency: row.currency,
    amountMicros: amountOf(item),
  };
}

/** A project's share of a pool, with the pool's method and whole amount. */
export function poolLine(item: CostItem, pool: Pool, amountOf: AmountOf): PoolLine {
  return {
    poolId: pool.poolId,
    name: pool.name,
    period: { ...pool.period },
    method: pool.rule.kind,
    poolMicros: pool.amountMicros,
    poolCurrency: pool.currency,
    project: item.project,
    amountMicros: amountOf(item),
  };
}

/** Pool shares by pool name (then id), then project, so one pool's shares sit together. */
export function comparePoolLines(a: PoolLine, b: PoolLine): number {
  const by = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return by(a.name, b.name) || by(a.poolId, b.poolId) || by(a.project, b.project);
}
