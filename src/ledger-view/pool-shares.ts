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
import { dayRange, firstInOrder } from './sorted-entries.ts';

/** A project's usage in a pool's period: generations' micro-USD, how many, and the first in domain order. */
interface Usage {
  usdMicros: number;
  count: number;
  /** null once the first one left (looked up again when next needed). */
  first: Entry | null;
}

/** One pool's shares as last computed, with its usage per project key, kept up to date. */
interface Computed {
  pool: Pool;
  items: CostItem[];
  /** Keys of the scope's projects, or null when every project with usage in the period shares. */
  scope: ReadonlySet<string> | null;
  usage: Map<string, Usage>;
  /** Keys of the projects the shares went to (their clients decide each share's client). */
  projects: ReadonlySet<string>;
  dirty: boolean;
}

/** The pool shares that changed: the old ones leave, the new ones join. */
export interface ShareChanges {
  left: Snapshot[];
  joined: Snapshot[];
}

/**
 * Pool shares, computed by the domain's poolItems, lazily and only for a pool whose inputs changed.
 * poolItems reads of the other items only: per project, the generations in the period (their
 * micro-USD summed, the first one's spelling, in domain order) and the clients (the first item of
 * each client). So each pool keeps its usage per project up to date as items change, and poolItems is
 * given a handful of items that stand for exactly that: one generation per project carrying the
 * project's usage (no client), and each client's first item (as an external: it is no usage). Its
 * answer is the one it gives over every item, at a cost that does not grow with the ledger.
 */
export class PoolShares {
  /** The shares, newest first. */
  sorted: Entry[] = [];
  private computed = new Map<string, Computed>();
  private entries = new Map<string, Entry>();
  private pools: readonly Pool[] = [];

  /** The shares of one pool as last settled (none for a pool it does not know). */
  sharesOf(poolId: string): readonly CostItem[] {
    return this.computed.get(poolId)?.items ?? [];
  }

  /** Follows one changed generation or external in every pool's usage. */
  note(before: Snapshot | null, after: Snapshot | null): void {
    if (before && after && before.entry === after.entry && sameUsage(before.item, after.item)) return;
    for (const computed of this.computed.values()) {
      if (before && counts(before, computed)) {
        leave(computed.usage, before);
        computed.dirty = true;
      }
      if (after && counts(after, computed)) {
        join(computed.usage, after);
        computed.dirty = true;
      }
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
      if (known && known.pool === pool && !known.dirty) next.set(pool.poolId, known);
      else
        next.set(
          pool.poolId,
          compute(pool, index, known?.pool === pool ? known.usage : usageOf(pool, index)),
        );
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

function scopeOf(pool: Pool): ReadonlySet<string> | null {
  return pool.scope.projects.length > 0 ? new Set(pool.scope.projects.map(tagKey)) : null;
}

/** A pool's usage per project, read from the index (a new or redefined pool). */
function usageOf(pool: Pool, index: ItemIndex): Map<string, Usage> {
  const scope = scopeOf(pool);
  const { from, to } = poolDays(pool);
  const lists = scope ? [...scope].map((key) => index.tagList('project', key)) : [index.all];
  const usage = new Map<string, Usage>();
  for (const list of lists) {
    const [low, high] = dayRange(list, from === '' ? undefined : from, to === '' ? undefined : to);
    for (let i = low; i < high; i += 1) {
      const entry = list[i] as Entry;
      if (entry.item.kind === 'internal') join(usage, { entry, item: entry.item });
    }
  }
  return usage;
}

/** The pool's shares from its usage and its projects' clients, through stand-ins (see PoolShares). */
function compute(pool: Pool, index: ItemIndex, usage: Map<string, Usage>): Computed {
  const scope = scopeOf(pool);
  const counted = (e: Entry) => e.item.kind === 'internal' && inPoolPeriod(e.item.day, pool);
  const standIns: { ord: number; item: CostItem }[] = [];
  for (const [key, use] of usage) {
    // Untagged usage never gets a share (dedupeTags drops ''), so it needs no stand-in.
    if (key === '') continue;
    use.first ??= firstInOrder(index.tagList('project', key), counted) ?? null;
    if (!use.first) continue;
    const { item, ord } = use.first;
    standIns.push({ ord, item: { ...item, usdMicros: use.usdMicros, client: '' } });
  }
  const projects = scope ?? new Set([...usage.keys()].filter((key) => key !== ''));
  for (const key of projects) {
    for (const { item, ord } of index.clientsOf(key))
      standIns.push({ ord, item: { ...item, kind: 'external' } });
  }
  const others = standIns.sort((a, b) => a.ord - b.ord).map((standIn) => standIn.item);
  return { pool, items: poolItems(pool, others), scope, usage, projects, dirty: false };
}

/** True when a generation in this state counts towards the pool's usage. */
function counts(snapshot: Snapshot, computed: Computed): boolean {
  const { entry, item } = snapshot;
  return (
    item.kind === 'internal' &&
    inPoolPeriod(item.day, computed.pool) &&
    (computed.scope === null || computed.scope.has(entry.project))
  );
}

function join(usage: Map<string, Usage>, { entry, item }: Snapshot): void {
  const use = usage.get(entry.project);
  if (!use) {
    usage.set(entry.project, { usdMicros: item.usdMicros, count: 1, first: entry });
    return;
  }
  use.usdMicros += item.usdMicros;
  use.count += 1;
  if (use.first && (entry.ord < use.first.ord || use.first === entry)) use.first = entry;
}

function leave(usage: Map<string, Usage>, { entry, item }: Snapshot): void {
  const use = usage.get(entry.project) as Usage;
  use.usdMicros -= item.usdMicros;
  use.count -= 1;
  if (use.count === 0) usage.delete(entry.project);
  else if (use.first === entry) use.first = null;
}

/** True when a change leaves everything a pool reads of the item as it was. */
function sameUsage(a: CostItem, b: CostItem): boolean {
  return a.kind === b.kind && a.day === b.day && a.project === b.project && a.usdMicros === b.usdMicros;
}
