import type { AmountOf, CostItem, ExternalCostRow, GenerationRow, Pool } from '../../domain/index.ts';
import type { ExternalLine, GenerationLine, PoolLine } from './report-data-types.ts';

// Each line is built with its keys in sorted order: its canonical JSON is then plain JSON.stringify,
// which V8 writes many times faster than with a key list (see canonicalJson; a report holds 100k).

/** A generation's line of the log, its amount in the display currency (`amountOf`). */
export function generationLine(item: CostItem, row: GenerationRow, amountOf: AmountOf): GenerationLine {
  return {
    amountMicros: amountOf(item),
    at: item.date,
    client: item.client,
    day: item.day,
    deliverable: item.deliverable,
    estimated: item.estimated,
    licence: row.licence,
    model: row.modelName,
    project: item.project,
    status: row.unsettled ? `${row.status} (unsettled)` : row.status,
    unpriced: item.unpriced,
  };
}

/** An external cost's line: the amount as imported and in the display currency. */
export function externalLine(item: CostItem, row: ExternalCostRow, amountOf: AmountOf): ExternalLine {
  return {
    amountMicros: amountOf(item),
    client: item.client,
    day: item.day,
    deliverable: item.deliverable,
    description: row.description,
    nativeCurrency: row.currency,
    nativeMicros: row.amountMicros,
    project: item.project,
    tool: row.category,
  };
}

/** A project's share of a pool, with the pool's method and whole amount. */
export function poolLine(item: CostItem, pool: Pool, amountOf: AmountOf): PoolLine {
  return {
    amountMicros: amountOf(item),
    method: pool.rule.kind,
    name: pool.name,
    period: { from: pool.period.from, to: pool.period.to },
    poolCurrency: pool.currency,
    poolId: pool.poolId,
    poolMicros: pool.amountMicros,
    project: item.project,
  };
}

/** Pool shares by pool name (then id), then project, so one pool's shares sit together. */
export function comparePoolLines(a: PoolLine, b: PoolLine): number {
  const by = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return by(a.name, b.name) || by(a.poolId, b.poolId) || by(a.project, b.project);
}
