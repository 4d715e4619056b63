import { compareRowKeys, type RowSortKey } from '../domain/index.ts';
import { type Entry, TAG_DIMENSIONS, type TagDimension } from './entry.ts';
import { dayRange, firstInOrder, insertSorted, mergeSorted, removeSorted } from './sorted-entries.ts';
import type { ViewFilter } from './view-filter.ts';

/** Where a filter's rows are: a newest-first list, the day slice of it, and whether all of it passes. */
export interface Candidates {
  list: readonly Entry[];
  low: number;
  high: number;
  /** Every entry in `[low, high)` passes the filter (it names at most one tag). */
  exact: boolean;
}

type PerTag<V> = Record<TagDimension, Map<string, V>>;

const perTag = <V>(): PerTag<V> => ({ client: new Map(), project: new Map(), deliverable: new Map() });

/**
 * The generation and external entries, newest first, overall and per tag key (so a filter reads only
 * its own tag's rows), with the first entry in domain order of every tag key (for the tag list) and
 * of every client within a project (for pool shares' clients). Binary inserts: no re-sorting.
 */
export class ItemIndex {
  readonly all: Entry[] = [];
  private readonly byTag = perTag<Entry[]>();
  private readonly firsts = perTag<Entry>();
  /** Per project key, per client key: the first entry in domain order. */
  private readonly clientFirsts = new Map<string, Map<string, Entry>>();
  /** Project keys whose clientFirsts changed since the last takeClientChanges(). */
  private clientChanges = new Set<string>();

  /** Fills an empty index with entries given in domain order (the first read, or after a reset). */
  build(inOrder: readonly Entry[]): void {
    for (const entry of inOrder) this.noteFirsts(entry);
    // Domain order is mostly oldest first, so reversed it is nearly sorted: the sort runs in about n.
    const sorted = [...inOrder].reverse().sort((a, b) => compareRowKeys(a.key, b.key));
    replaceAll(this.all, sorted);
    for (const entry of sorted) {
      for (const dimension of TAG_DIMENSIONS) this.listOf(dimension, entry[dimension]).push(entry);
    }
  }

  insert(entry: Entry): void {
    insertSorted(this.all, entry);
    for (const dimension of TAG_DIMENSIONS) insertSorted(this.listOf(dimension, entry[dimension]), entry);
    this.noteFirsts(entry);
  }

  remove(entry: Entry): void {
    removeSorted(this.all, entry);
    for (const dimension of TAG_DIMENSIONS) removeSorted(this.listOf(dimension, entry[dimension]), entry);
    this.forgetFirsts(entry);
  }

  /** Moves an entry whose sort key changed (its tags did not) to its new place. */
  move(entry: Entry, from: RowSortKey): void {
    removeSorted(this.all, entry, from);
    insertSorted(this.all, entry);
    for (const dimension of TAG_DIMENSIONS) {
      const list = this.listOf(dimension, entry[dimension]);
      removeSorted(list, entry, from);
      insertSorted(list, entry);
    }
  }

  /**
   * Many changes at once (the first fold, a large append): `gone` entries leave, `moved` ones (same
   * entry, new sort key) and `added` ones are sorted once and merged in, not inserted one by one.
   */
  bulk(gone: readonly Entry[], moved: readonly Entry[], added: readonly Entry[]): void {
    const out = new Set<Entry>([...gone, ...moved]);
    const incoming = [...moved, ...added].sort((a, b) => compareRowKeys(a.key, b.key));
    const keep = (list: readonly Entry[]) => (out.size === 0 ? list : list.filter((e) => !out.has(e)));
    replaceAll(this.all, mergeSorted(keep(this.all), incoming));
    for (const dimension of TAG_DIMENSIONS) {
      const byKey = new Map<string, Entry[]>();
      for (const entry of out) byKey.set(entry[dimension], []);
      for (const entry of incoming) {
        const group = byKey.get(entry[dimension]);
        if (group) group.push(entry);
        else byKey.set(entry[dimension], [entry]);
      }
      for (const [key, group] of byKey) {
        const list = this.listOf(dimension, key);
        replaceAll(list, mergeSorted(keep(list), group));
      }
    }
    for (const entry of gone) this.forgetFirsts(entry);
    for (const entry of added) this.noteFirsts(entry);
  }

  /** The entries with this tag key, newest first. */
  tagList(dimension: TagDimension, key: string): readonly Entry[] {
    return this.byTag[dimension].get(key) ?? [];
  }

  /** The first entry in domain order of every tag key, each once, in domain order. */
  firstsInOrder(): Entry[] {
    const unique = new Set<Entry>();
    for (const dimension of TAG_DIMENSIONS) {
      for (const entry of this.firsts[dimension].values()) unique.add(entry);
    }
    return [...unique].sort((a, b) => a.ord - b.ord);
  }

  /** The first entry in domain order of every client of a project (by key). */
  clientsOf(projectKey: string): Iterable<Entry> {
    return this.clientFirsts.get(projectKey)?.values() ?? [];
  }

  /** Every client and project key seen together on an entry, each pair once. */
  *clientProjectPairs(): Iterable<{ client: string; project: string }> {
    for (const [project, clients] of this.clientFirsts) {
      for (const client of clients.keys()) yield { client, project };
    }
  }

  /** Project keys whose clients (or their first spelling) changed since the last call. */
  takeClientChanges(): ReadonlySet<string> {
    const changes = this.clientChanges;
    this.clientChanges = new Set();
    return changes;
  }

  /** Where the rows of a filter are: its rarest tag's list (or all), cut to its days. */
  candidates(filter: ViewFilter): Candidates {
    let list: readonly Entry[] = this.all;
    let named = 0;
    for (const dimension of TAG_DIMENSIONS) {
      const key = filter.tags[dimension];
      if (key === undefined) continue;
      named += 1;
      const tagged = this.tagList(dimension, key);
      if (named === 1 || tagged.length < list.length) list = tagged;
    }
    const [low, high] = dayRange(list, filter.from, filter.to);
    return { list, low, high, exact: named <= 1 };
  }

  private listOf(dimension: TagDimension, key: string): Entry[] {
    let list = this.byTag[dimension].get(key);
    if (!list) {
      list = [];
      this.byTag[dimension].set(key, list);
    }
    return list;
  }

  private noteFirsts(entry: Entry): void {
    for (const dimension of TAG_DIMENSIONS) {
      const first = this.firsts[dimension].get(entry[dimension]);
      if (!first || entry.ord < first.ord) this.firsts[dimension].set(entry[dimension], entry);
    }
    let clients = this.clientFirsts.get(entry.project);
    if (!clients) {
      clients = new Map();
      this.clientFirsts.set(entry.project, clients);
    }
    const first = clients.get(entry.client);
    if (!first || entry.ord < first.ord) {
      clients.set(entry.client, entry);
      this.clientChanges.add(entry.project);
    }
  }

  /** After an entry left the lists: the next first entry takes its place wherever it was first. */
  private forgetFirsts(entry: Entry): void {
    for (const dimension of TAG_DIMENSIONS) {
      const key = entry[dimension];
      if (this.firsts[dimension].get(key) !== entry) continue;
      const next = firstInOrder(this.tagList(dimension, key), () => true);
      if (next) this.firsts[dimension].set(key, next);
      else this.firsts[dimension].delete(key);
    }
    const clients = this.clientFirsts.get(entry.project);
    if (clients?.get(entry.client) !== entry) return;
    const next = firstInOrder(this.tagList('project', entry.project), (e) => e.client === entry.client);
    if (next) clients.set(entry.client, next);
    else clients.delete(entry.client);
    this.clientChanges.add(entry.project);
  }
}

function replaceAll(list: Entry[], next: readonly Entry[]): void {
  if (list === next) return;
  list.length = 0;
  for (const entry of next) list.push(entry);
}
