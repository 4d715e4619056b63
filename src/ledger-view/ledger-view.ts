import type {
  RowsQuery,
  RowsResponse,
  SummaryQuery,
  SummaryResponse,
  ViewRow,
  WorkingSetResponse,
} from '../contract/index.ts';
import {
  applyLedgerEvents,
  type CostItem,
  compareRowKeys,
  type ExternalCostRow,
  emptyLedgerState,
  externalItem,
  type GenerationRow,
  generationItem,
  isLiveIn,
  type KnownTags,
  knownTagsOf,
  type LedgerEvent,
  type LedgerState,
  listRowOf,
  newestResetEpoch,
  rowSortKey,
} from '../domain/index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { externalOrd, generationOrd } from './domain-order.ts';
import { dualPartnersFor } from './dual-partners.ts';
import { type Entry, entryOf, type Snapshot, sameTags, type TagDimension } from './entry.ts';
import { ItemIndex } from './item-index.ts';
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
}

/** Past this many changed items in one append, merging them in at once beats a binary insert each. */
const BULK_AT = 32;
/** Filters whose summaries are kept up to date (the least recently asked is dropped first). */
const LIVE_SUMMARIES = 24;
/** Events folded between two progress reports while the view is built. */
const PROGRESS_EVENTS = 20_000;

/** One item's change as an append found it. */
interface Change {
  before: Snapshot | null;
  after: Snapshot;
  /** The entry left the lists (its tags changed): `after` is a new entry at the same domain position. */
  replaced: boolean;
  /** The same entry moved: the sort key it had. */
  movedFrom: Entry['key'] | null;
}

/**
 * Folds the journal in place (applyLedgerEvents) and keeps every cost item indexed in the Billing
 * order, overall and per tag, so a page is a binary search and a slice. Summaries of the filters asked
 * for are kept up to date item by item; pool shares are recomputed only when their inputs change, and
 * only from the items they read. Every answer is computed by the domain's own rules, and equals what
 * listRows, totals, breakdown, knownTags and learnedSamples say over a full fold.
 */
class FoldedLedger implements LedgerView {
  private state: LedgerState = emptyLedgerState();
  private folded = 0;
  /** Events of an epoch after the state's, with their journal positions: a later reset revives them. */
  private future: { event: LedgerEvent; at: number }[] = [];
  private index = new ItemIndex();
  private readonly byGen = new Map<string, Entry>();
  private created = 0;
  private externalsSeen = 0;
  private readonly externalsByKey = new Map<string, ExternalCostRow>();
  /** Dual Mode groups: their generations' ids in domain order. */
  private readonly dualGroups = new Map<string, { genId: string; ord: number }[]>();
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
    const journaled = events.map((event, i) => ({ event, at: start + i }));
    if (newestResetEpoch(events) > this.state.epoch) this.startOver([...this.future, ...journaled]);
    else {
      this.state = applyLedgerEvents(this.state, events);
      this.follow(journaled);
    }
    this.counts.clear();
    this.tags = null;
  }

  rows(query: RowsQuery): RowsResponse {
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    this.settle();
    const filter = viewFilter(query);
    const candidates = this.index.candidates(filter);
    const shares = this.shares.sorted.filter((entry) => passes(filter, entry));
    const page = readPage(candidates, shares, filter, after, query.limit);
    let matching = this.counts.get(filter.cacheKey);
    if (matching === undefined) {
      matching = countPassing(candidates, filter) + shares.length;
      if (!candidates.exact) this.counts.set(filter.cacheKey, matching);
    }
    const last = page.entries.at(-1);
    return {
      rows: page.entries.flatMap((entry) => this.viewRow(entry.item)),
      nextCursor: page.more && last ? encodeCursor(last.key) : null,
      matching,
      version: this.version,
    };
  }

  summary(query: SummaryQuery): SummaryResponse {
    this.settle();
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
    const rows = () =>
      [...this.byGen].map(([genId, entry]) => ({
        row: this.state.generations[genId] as GenerationRow,
        ord: entry.ord,
      }));
    return {
      epoch: this.state.epoch,
      events: this.open.events().slice(),
      learned: this.learned.within(now, rows),
      version: this.version,
    };
  }

  /** A reset of a newer epoch: the state and everything derived start over from the revived events. */
  private startOver(journaled: { event: LedgerEvent; at: number }[]): void {
    this.state = applyLedgerEvents(
      this.state,
      journaled.map(({ event }) => event),
    );
    this.future = [];
    this.index = new ItemIndex();
    this.byGen.clear();
    this.created = 0;
    this.externalsSeen = 0;
    this.externalsByKey.clear();
    this.dualGroups.clear();
    this.open = new OpenGenerations();
    this.learned = new LearnedWindow();
    this.shares = new PoolShares();
    this.summaries.clear();
    this.follow(journaled);
  }

  /** Brings the indexes up to date with the events just folded into the state. */
  private follow(journaled: readonly { event: LedgerEvent; at: number }[]): void {
    const { epoch } = this.state;
    // New generations first, in the order their rows were created (the first request or submit),
    // which is their order in the state and so in the domain's.
    const created = new Set<string>();
    const touched = new Set<string>();
    for (const step of journaled) {
      const { event } = step;
      if (!isLiveIn(event, epoch)) continue;
      if (event.type === 'ledger.reset') {
        if (event.newEpoch === epoch) this.open.track(event, step.at);
        continue;
      }
      if (event.epoch > epoch) this.future.push(step);
      this.open.track(event, step.at);
      if (!('genId' in event)) continue;
      touched.add(event.genId);
      const creates = event.type === 'generation.requested' || event.type === 'generation.submitted';
      if (creates && !this.byGen.has(event.genId)) created.add(event.genId);
    }
    const changes: Change[] = [];
    for (const genId of new Set([...created, ...touched])) {
      const change = this.generationChange(genId);
      if (change) changes.push(change);
    }
    const { externals } = this.state;
    for (; this.externalsSeen < externals.length; this.externalsSeen += 1) {
      const row = externals[this.externalsSeen] as ExternalCostRow;
      this.externalsByKey.set(row.key, row);
      const entry = entryOf(externalItem(row), externalOrd(this.externalsSeen));
      changes.push({ before: null, after: { entry, item: entry.item }, replaced: false, movedFrom: null });
    }
    if (this.index.all.length === 0 || changes.length > BULK_AT) this.applyInBulk(changes);
    else this.applyOneByOne(changes);
    for (const { before, after } of changes) {
      for (const summary of this.summaries.values()) summary.change(before, after);
      this.shares.note(before, after);
    }
  }

  /**
   * What became of one touched generation. A generation new to the view gets the next domain position;
   * with the same tags its entry is updated in place, with new tags it is replaced by a new entry.
   */
  private generationChange(genId: string): Change | null {
    if (!Object.hasOwn(this.state.generations, genId)) return null;
    const row = this.state.generations[genId] as GenerationRow;
    const item = generationItem(row);
    const old = this.byGen.get(genId);
    let change: Change;
    if (!old) {
      const entry = entryOf(item, generationOrd(genId, this.created++));
      change = { before: null, after: { entry, item }, replaced: false, movedFrom: null };
      if (row.dual) this.joinDual(row.dual.groupId, genId, entry.ord);
    } else if (sameTags(old, item)) {
      const before = { entry: old, item: old.item };
      const from = old.key;
      old.item = item;
      old.key = rowSortKey(item);
      const moved = compareRowKeys(from, old.key) !== 0;
      change = { before, after: { entry: old, item }, replaced: false, movedFrom: moved ? from : null };
    } else {
      const entry = entryOf(item, old.ord);
      change = {
        before: { entry: old, item: old.item },
        after: { entry, item },
        replaced: true,
        movedFrom: null,
      };
    }
    this.byGen.set(genId, change.after.entry);
    this.learned.update(row, change.after.entry.ord);
    return change;
  }

  private applyOneByOne(changes: readonly Change[]): void {
    for (const { before, after, replaced, movedFrom } of changes) {
      if (!before) this.index.insert(after.entry);
      else if (replaced) {
        this.index.remove(before.entry);
        this.index.insert(after.entry);
      } else if (movedFrom) this.index.move(after.entry, movedFrom);
    }
  }

  private applyInBulk(changes: readonly Change[]): void {
    const gone: Entry[] = [];
    const moved: Entry[] = [];
    const added: Entry[] = [];
    for (const { before, after, replaced, movedFrom } of changes) {
      if (!before || replaced) added.push(after.entry);
      if (before && replaced) gone.push(before.entry);
      if (movedFrom) moved.push(after.entry);
    }
    this.index.bulk(gone, moved, added);
  }

  private joinDual(groupId: string, genId: string, ord: number): void {
    const members = this.dualGroups.get(groupId) ?? [];
    members.push({ genId, ord });
    members.sort((a, b) => a.ord - b.ord);
    this.dualGroups.set(groupId, members);
  }

  /** Pool shares up to date with the pools and their inputs; summaries follow the shares that changed. */
  private settle(): void {
    const changes = this.shares.settle(Object.values(this.state.pools), this.index);
    if (!changes) return;
    this.counts.clear();
    for (const summary of this.summaries.values()) {
      for (const left of changes.left) summary.change(left, null);
      for (const joined of changes.joined) summary.change(null, joined);
    }
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
    const { list, low, high } = this.index.candidates(filter);
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
    yield* this.index.tagList(dimension, key);
    for (const entry of this.shares.sorted) if (entry[dimension] === key) yield entry;
  }

  /** knownTags() from the first record of every tag (all the domain's dedupe keeps) and pool scopes. */
  private knownTags(): KnownTags {
    if (!this.tags) {
      const tagged = this.index.firstsInOrder().map(({ item }) => ({
        client: item.client,
        project: item.project,
        deliverable: item.deliverable,
      }));
      const scoped = Object.values(this.state.pools).flatMap((pool) => pool.scope.projects);
      this.tags = knownTagsOf(tagged, scoped);
    }
    return this.tags;
  }

  /** The Billing row of an item, with the other model of its Dual Mode group. */
  private viewRow(item: CostItem): ViewRow[] {
    const row = listRowOf(this.state, this.externalsByKey, item);
    if (!row) return [];
    if (row.kind !== 'internal' || !row.generation.dual) return [{ ...row, dualPartner: null }];
    const members = this.dualGroups.get(row.generation.dual.groupId) ?? [];
    const partners = dualPartnersFor(
      members.map(({ genId }) => this.state.generations[genId] as GenerationRow),
    );
    return [{ ...row, dualPartner: partners.get(row.generation.genId) ?? null }];
  }
}

/**
 * Builds the view over the journal's events (in journal order), folding them in chunks; `onProgress`
 * hears after each chunk how many are folded of how many.
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
  return view;
}
