import { toUsdMicros } from '../fx.ts';
import { allocatePool } from '../pools.ts';
import { dedupeTags, tagKey } from '../tags.ts';
import type { PoolRule } from './events.ts';
import type { CostItem } from './cost-item.ts';
import type { Pool } from './state.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** The calendar days a pool's usage is counted over, inclusive; '' leaves that end open. */
export function poolDays(pool: Pool): { from: string; to: string } {
  return { from: pool.period.from.slice(0, 10), to: pool.period.to.slice(0, 10) };
}

/** True when a calendar day (YYYY-MM-DD) falls in the pool's period. */
export function inPoolPeriod(day: string, pool: Pool): boolean {
  const { from, to } = poolDays(pool);
  return (from === '' || day >= from) && (to === '' || day <= to);
}

/** The weights rule with its keys matched to the shared projects' spellings (case-insensitive). */
function matchRule(rule: PoolRule, projects: string[]): PoolRule {
  if (rule.kind !== 'weights') return rule;
  const byKey = new Map(Object.entries(rule.weights).map(([name, w]) => [tagKey(name), w]));
  return {
    kind: 'weights',
    weights: Object.fromEntries(projects.map((p) => [p, byKey.get(tagKey(p)) ?? 0])),
  };
}

/** Sums (or collects) a value per project key. */
function byProject<T>(
  items: readonly CostItem[],
  add: (acc: T | undefined, item: CostItem) => T,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(tagKey(item.project), add(map.get(tagKey(item.project)), item));
  return map;
}

/** The single client a project is billed to, or '' when none or several (then the share is untagged). */
function clientOf(project: string, clients: Map<string, string[]>): string {
  const names = dedupeTags(clients.get(tagKey(project)) ?? []);
  return names.length === 1 ? (names[0] ?? '') : '';
}

/**
 * Splits a pool into one cost item per sharing project. The pool amount is converted to micro-USD with
 * the pool's own rates snapshot, then allocated with allocatePool, so the shares sum to it exactly.
 * Sharing projects: the scope's projects, or (empty scope) every project with generations in the
 * period. Usage = the project's internal cost in the period (cost rule). With nobody to share it, the
 * whole pool is one untagged item (project ''), so it still counts in the totals. Dated at the start
 * of the period (or the day it was defined, when the period has no start date).
 */
export function poolItems(pool: Pool, others: readonly CostItem[]): CostItem[] {
  const usdMicros = toUsdMicros(pool.amountMicros, pool.currency, pool.fx);
  const used = others.filter((i) => i.kind === 'internal' && inPoolPeriod(i.day, pool));
  const projects = dedupeTags(
    pool.scope.projects.length > 0 ? pool.scope.projects : used.map((i) => i.project),
  );
  const spent = byProject<number>(used, (sum, i) => (sum ?? 0) + i.usdMicros);
  const usage = Object.fromEntries(projects.map((p) => [p, spent.get(tagKey(p)) ?? 0]));
  const clients = byProject<string[]>(others, (names = [], i) => {
    names.push(i.client);
    return names;
  });
  // The same rule splits the USD amount and, for a EUR/SEK pool, the recorded amount: each side sums
  // exactly to its own total, and the pool's own currency shows without a USD round trip.
  const split = (amount: number): Record<string, number> =>
    projects.length > 0
      ? allocatePool(amount, matchRule(pool.rule, projects), usage, projects)
      : { '': amount };
  const shares = split(usdMicros);
  const nativeShares = pool.currency === 'USD' ? null : split(pool.amountMicros);
  const date = ISO_DAY.test(pool.period.from) ? pool.period.from : pool.definedAt;
  return Object.entries(shares).map(([project, share]) => ({
    kind: 'pool',
    id: `pool:${pool.poolId}:${project}`,
    sourceId: pool.poolId,
    date,
    day: date.slice(0, 10),
    usdMicros: share,
    estimated: false,
    unpriced: false,
    client: project === '' ? '' : clientOf(project, clients),
    project,
    deliverable: '',
    model: `Pool · ${pool.name}`,
    fx: pool.fx,
    native: nativeShares ? { amountMicros: nativeShares[project] ?? 0, currency: pool.currency } : null,
  }));
}
