import type {
  PoolsResponse,
  RowsQuery,
  RowsResponse,
  SummaryQuery,
  SummaryResponse,
  WorkingSetResponse,
} from '../contract/index.ts';
import {
  applyLedgerEvents,
  emptyLedgerState,
  isLiveIn,
  type KnownTags,
  knownTagsOf,
  type LedgerEvent,
  type LedgerState,
  newestResetEpoch,
} from '../domain/index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { Entry, TagDimension } from './entry.ts';
import { FoldedItems } from './folded-items.ts';
import { LearnedWindow } from './learned-window.ts';
import { LiveSummary } from './live-summary.ts';
import { OpenGenerations } from './open-generations.ts';
import { PoolShares } from './pool-shares.ts';
import { countPassing, readPage } from './rows-page.ts';
import { passes, viewFilter } from './view-filter.ts';

/** The backend's folded ledger: appended to as the journal grows, asked by the routes, CLI and reports. */
export interface LedgerView {
  /**
   * Folds events just appended to the journal, in journal order (a `ledger.reset` of a newer epoch
   * starts over empty at that epoch, as foldLedger does).
   */
  append(events: readonly LedgerEvent[]): void;
  /** The epoch folded: the newest reset's `newEpoch`, 0 before any. */
  readonly epoch: number;
  /** `<epoch>:<number of events folded>`; changes on every append that folds anything. */
  readonly version: string;
  /** A page of Billing rows for a filter, after a cursor; LedgerCursorError for a cursor it cannot read. */
  rows(query: RowsQuery): RowsResponse;
  /** Totals and breakdowns of a filter in a currency, and every tag in use. */
  summary(query: SummaryQuery): SummaryResponse;
  /** What the panel's machines need: open generations, the epoch's reset, the learned window at `now`. */
  workingSet(now: Date): WorkingSetResponse;
  /** Keys of the external cost rows recorded in this epoch (an import's duplicates are these). */
  externalKeys(): ReadonlySet<string>;
  /** Every pool of the epoch by name (then id), with the shares the rows and totals count. */
  pools(): PoolsResponse;
}

/** Filters whose summaries are kept up to date (the least recently asked is dropped first). */
const LIVE_SUMMARIES = 24;
/** Events folded between two progress reports while the view is built. */
const PROGRESS_EVENTS = 20_000;

/**
 * Folds the journal in place (applyLedgerEvents) and keeps every cost item indexed in the Billing
 * order, overall and per tag, so a page is a binary search and a slice. An append only folds and
 * notes what it touched; the indexes catch up when the view is next read (all at once after a large
 * load). Summaries of the filters asked for are kept up to date item by item; pool shares are computed
 * again only when their inputs change. Every answer is computed by the domain's own rules, and equals
 * what listRows, totals, breakdown, knownTags and learnedSamples say over a full fold.
 */
class FoldedLedger implements LedgerView {
  private state: LedgerState = emptyLedgerState();
  private folded = 0;
  /** Events of an epoch after the state's, with their journal positions: a later reset revives them. */
  private future: { event: LedgerEvent; at: number }[] = [];
  /** Generations touched since the items last caught up (new ones in the order their rows were created). */
  private created = new Set<string>();
  private touched = new Set<string>();
  private items = new FoldedItems();
  private open = new OpenGenerations();
  private learned = new LearnedWindow();
  private shares = new PoolShares();
  private readonly summaries = new Map<string, LiveSummary>();
  /** Per filter naming several tags, its number of rows (until the next change). */
  private readonly counts = new Map<string, number>();
  private tags: KnownTags | null = null;

  get epoch(): number {
    return this.state.epoch;
  }

  get version(): string {
    return `${this.state.epoch}:${this.folded}`;
  }

  append(events: readonly LedgerEvent[]): void {
    if (events.length === 0) return;
    const start = this.folded;
    this.folded += events.length;
    // Any event can change them (a pool's scope counts in the tag list, a reset empties everything).
    this.tags = null;
    this.counts.clear();
    if (newestResetEpoch(events) > this.state.epoch) {
      this.startOver(events, start);
      return;
    }
    this.state = applyLedgerEvents(this.state, events);
    for (let i = 0; i < events.length; i += 1) this.track(events[i] as LedgerEvent, start + i);
  }

  externalKeys(): ReadonlySet<string> {
    return new Set(this.state.externals.map((row) => row.key));
  }

  pools(): PoolsResponse {
    this.catchUp();
    const pools = Object.values(this.state.pools).sort(
      (a, b) => a.name.localeCompare(b.name) || (a.poolId < b.poolId ? -1 : 1),
    );
    return {
      pools: pools.map((pool) => ({ pool, shares: [...this.shares.sharesOf(pool.poolId)] })),
      version: this.version,
    };
  }

  rows(query: RowsQuery): RowsResponse {
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    this.catchUp();
    const filter = viewFilter(query);
    const candidates = this.items.index.candidates(filter);
    const shares = this.shares.sorted.filter((entry) => passes(filter, entry));
    const page = readPage(candidates, shares, filter, after, query.limit);
    let matching = this.counts.get(filter.cacheKey);
    if (matching === undefined) {
      matching = countPassing(candidates, filter) + shares.length;
      if (!candidates.exact) this.counts.set(filter.cacheKey, matching);
    }
    const last = page.entries.at(-1);
    return {
      rows: page.entries.flatMap((entry) => this.items.viewRow(this.state, entry.item) ?? []),
      nextCursor: page.more && last ? encodeCursor(last.key) : null,
      matching,
      version: this.version,
    };
  }

  summary(query: SummaryQuery): SummaryResponse {
    this.catchUp();
    const figures = this.liveSummary(query).read();
    return {
      currency: query.currency,
      totals: figures.totals,
      breakdowns: figures.breakdowns,
      tags: this.knownTags(),
      version: this.version,
    };
  }

  workingSet(now: Date): WorkingSetResponse {
    this.catchUp();
    return {
      epoch: this.state.epoch,
      events: this.open.events().slice(),
      learned: this.learned.within(now, () => this.items.generationsOf(this.state)),
      version: this.version,
    };
  }

  /** Brings the items, the kept summaries and the pool shares up to date with the state. */
  catchUp(): void {
    if (this.items.isEmpty && this.items.build(this.state)) {
      // Whatever was kept while nothing was indexed was kept of nothing: it starts again on demand.
      this.summaries.clear();
      this.shares = new PoolShares();
      this.learned = new LearnedWindow();
    }
    const genIds = new Set([...this.created, ...this.touched]);
    this.created = new Set();
    this.touched = new Set();
    for (const { before, after } of this.items.update(this.state, genIds)) {
      for (const summary of this.summaries.values()) summary.change(before, after);
      this.shares.note(before, after);
      const row = after.item.kind === 'internal' ? this.state.generations[after.item.sourceId] : undefined;
      if (row) this.learned.update(row, after.entry.ord);
    }
    const shared = this.shares.settle(Object.values(this.state.pools), this.items.index);
    if (!shared) return;
    this.counts.clear();
    for (const summary of this.summaries.values()) {
      for (const left of shared.left) summary.change(left, null);
      for (const joined of shared.joined) summary.change(null, joined);
    }
  }

  /** A reset of a newer epoch: the state and everything derived start over, with the revived events. */
  private startOver(events: readonly LedgerEvent[], start: number): void {
    const revived = this.future;
    this.state = applyLedgerEvents(this.state, [...revived.map(({ event }) => event), ...events]);
    this.future = [];
    this.created = new Set();
    this.touched = new Set();
    this.items = new FoldedItems();
    this.open = new OpenGenerations();
    this.learned = new LearnedWindow();
    this.shares = new PoolShares();
    this.summaries.clear();
    for (const { event, at } of revived) this.track(event, at);
    for (let i = 0; i < events.length; i += 1) this.track(events[i] as LedgerEvent, start + i);
  }

  /** Notes one folded event (at its journal position): settlement's view of it, the generation it touched. */
  private track(event: LedgerEvent, at: number): void {
    const { epoch } = this.state;
    if (!isLiveIn(event, epoch)) return;
    if (event.type === 'ledger.reset') {
      if (event.newEpoch === epoch) this.open.track(event, at);
      return;
    }
    if (event.epoch > epoch) this.future.push({ event, at });
    this.open.track(event, at);
    // Before the first read nothing is indexed: that read indexes the whole state at once.
    if (!('genId' in event) || this.items.isEmpty) return;
    this.touched.add(event.genId);
    const creates = event.type === 'generation.requested' || event.type === 'generation.submitted';
    if (creates && !this.items.has(event.genId)) this.created.add(event.genId);
  }

  /** The kept summary of a filter and currency, built with one pass over its rows when first asked. */
  private liveSummary(query: SummaryQuery): LiveSummary {
    const filter = viewFilter(query);
    const key = `${query.currency}|${filter.cacheKey}`;
    const kept = this.summaries.get(key);
    this.summaries.delete(key);
    if (kept) {
      this.summaries.set(key, kept);
      return kept;
    }
    const summary = new LiveSummary(filter, query.currency, (d, k) => this.groupMembers(d, k));
    const { list, low, high } = this.items.index.candidates(filter);
    for (let at = low; at < high; at += 1) {
      const entry = list[at] as Entry;
      summary.change(null, { entry, item: entry.item });
    }
    for (const entry of this.shares.sorted) summary.change(null, { entry, item: entry.item });
    this.summaries.set(key, summary);
    if (this.summaries.size > LIVE_SUMMARIES) {
      this.summaries.delete(this.summaries.keys().next().value as string);
    }
    return summary;
  }

  private *groupMembers(dimension: TagDimension, key: string): Iterable<Entry> {
    yield* this.items.index.tagList(dimension, key);
    for (const entry of this.shares.sorted) if (entry[dimension] === key) yield entry;
  }

  /** knownTags() from the first record of every tag (all the domain's dedupe keeps) and pool scopes. */
  private knownTags(): KnownTags {
    if (!this.tags) {
      const tagged = this.items.index.firstsInOrder().map(({ item }) => ({
        client: item.client,
        project: item.project,
        deliverable: item.deliverable,
      }));
      const scoped = Object.values(this.state.pools).flatMap((pool) => pool.scope.projects);
      // Keys pair as well as spellings: knownTagsOf spells each project as `projects` does.
      this.tags = knownTagsOf(tagged, scoped, [...this.items.index.clientProjectPairs()]);
    }
    return this.tags;
  }
}

/**
 * Builds the view over the journal's events (in journal order), folding them in chunks; `onProgress`
 * hears after each chunk how many are folded of how many. The view is indexed before it is returned.
 */
export function createLedgerView(
  events: readonly LedgerEvent[],
  options: { onProgress?: (done: number, total: number) => void } = {},
): LedgerView {
  const view = new FoldedLedger();
  for (let start = 0; start < events.length; start += PROGRESS_EVENTS) {
    const end = Math.min(events.length, start + PROGRESS_EVENTS);
    view.append(events.slice(start, end));
    options.onProgress?.(end, events.length);
  }
  view.catchUp();
  return view;
}
