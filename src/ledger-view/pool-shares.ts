import {
  type CostItem,
  compareRowKeys,
  inPoolPeriod,
  type Pool,
  poolDays,
  poolItems,
  tagKey,
} from '../domain/index.ts';
import { shareOrd } from './domain-order.ts';
import { type Entry, entryOf, type Snapshot } from './entry.ts';
import type { ItemIndex } from './item-index.ts';
import { dayRange } from './sorted-entries.ts';

/** One pool's shares as last computed, with what they were computed from. */
interface Computed {
  pool: Pool;
  items: CostItem[];
  /** Keys of the sharing projects' scope, or null for every project with usage in the period. */
  scope: ReadonlySet<string> | null;
  /** Keys of the projects the shares went to (their clients decide the shares' client). */
  projects: ReadonlySet<string>;
  dirty: boolean;
}

/** The pool shares that changed: the old ones leave, the new ones join. */
export interface ShareChanges {
  left: Snapshot[];
  joined: Snapshot[];
}

/**
 * Pool shares, computed lazily by the domain's poolItems and only for a pool whose inputs changed:
 * its definition, a generation in its period (and scope), or the clients of a project it shares to.
 * poolItems reads only the generations in the period and, for each project, the first item of each
 * client, so it is given just those (in domain order) and answers as it would over every item.
 */
export class PoolShares {
  /** The shares, newest first. */
  sorted: Entry[] = [];
  private computed = new Map<string, Computed>();
  private entries = new Map<string, Entry>();
  private pools: readonly Pool[] = [];

  /** Marks pools whose usage a generation's change can move (called for every changed item). */
  note(before: Snapshot | null, after: Snapshot | null): void {
    if (before && after && sameUsage(before.item, after.item)) return;
    for (const computed of this.computed.values()) {
      if (computed.dirty) continue;
      computed.dirty = [before, after].some((s) => s !== null && counts(s, computed));
    }
  }

  /** Brings the shares up to date with the state's pools; null when none changed. */
  settle(pools: readonly Pool[], index: ItemIndex): ShareChanges | null {
    const clients = index.takeClientChanges();
    for (const computed of this.computed.values()) {
      if (!computed.dirty) computed.dirty = [...computed.projects].some((key) => clients.has(key));
    }
    const stale =
      pools.length !== this.pools.length ||
      pools.some((pool, i) => pool !== this.pools[i] || this.computed.get(pool.poolId)?.dirty !== false);
    if (!stale) return null;
    const next = new Map<string, Computed>();
    for (const pool of pools) {
      const known = this.computed.get(pool.poolId);
      next.set(pool.poolId, known && known.pool === pool && !known.dirty ? known : compute(pool, index));
    }
    this.computed = next;
    this.pools = pools;
    return this.renumber();
  }

  /** Shares in domain order get their positions; an unchanged share at its old position stays. */
  private renumber(): ShareChanges {
    const entries = new Map<string, Entry>();
    const joined: Snapshot[] = [];
    let index = 0;
    for (const computed of this.computed.values()) {
      for (const item of computed.items) {
        const ord = shareOrd(index++);
        const old = this.entries.get(item.id);
        const entry = old && old.item === item && old.ord === ord ? old : entryOf(item, ord);
        if (entry !== old) joined.push({ entry, item });
        entries.set(item.id, entry);
      }
    }
    const left: Snapshot[] = [];
    for (const [id, old] of this.entries) {
      if (entries.get(id) !== old) left.push({ entry: old, item: old.item });
    }
    this.entries = entries;
    this.sorted = [...entries.values()].sort((a, b) => compareRowKeys(a.key, b.key));
    return { left, joined };
  }
}

function compute(pool: Pool, index: ItemIndex): Computed {
  const scope = pool.scope.projects.length > 0 ? new Set(pool.scope.projects.map(tagKey)) : null;
  const { from, to } = poolDays(pool);
  const lists = scope ? [...scope].map((key) => index.tagList('project', key)) : [index.all];
  const used = new Set<Entry>();
  for (const list of lists) {
    const [low, high] = dayRange(list, from === '' ? undefined : from, to === '' ? undefined : to);
    for (let i = low; i < high; i += 1) {
      const entry = list[i] as Entry;
      if (entry.item.kind === 'internal') used.add(entry);
    }
  }
  const projects = scope ?? new Set([...used].map((entry) => entry.project));
  const others = new Set(used);
  for (const key of projects) for (const entry of index.clientsOf(key)) others.add(entry);
  const inOrder = [...others].sort((a, b) => a.ord - b.ord).map((entry) => entry.item);
  return { pool, items: poolItems(pool, inOrder), scope, projects, dirty: false };
}

/** True when a generation in this state counts towards the pool's usage or its sharing projects. */
function counts(snapshot: Snapshot, computed: Computed): boolean {
  const { entry, item } = snapshot;
  return (
    item.kind === 'internal' &&
    inPoolPeriod(item.day, computed.pool) &&
    (computed.scope === null || computed.scope.has(entry.project))
  );
}

/** True when a change leaves everything a pool reads of the item as it was. */
function sameUsage(a: CostItem, b: CostItem): boolean {
  return a.kind === b.kind && a.day === b.day && a.project === b.project && a.usdMicros === b.usdMicros;
}
