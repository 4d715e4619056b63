import type { ViewRow } from '../contract/index.ts';
import {
  type CostItem,
  compareRowKeys,
  type ExternalCostRow,
  externalItem,
  type GenerationRow,
  generationItem,
  type LedgerState,
  listRowOf,
  rowSortKey,
} from '../domain/index.ts';
import { externalOrd, generationOrd } from './domain-order.ts';
import { dualPartnersFor } from './dual-partners.ts';
import { type Entry, entryOf, type Snapshot, sameTags } from './entry.ts';
import { ItemIndex } from './item-index.ts';

/** Past this many changed items at once, merging them in beats a binary insert each. */
const BULK_AT = 32;

/** One item's change: the snapshot before (null: a new item) and after. */
export interface Change {
  before: Snapshot | null;
  after: Snapshot;
  /** The entry left the lists (its tags changed): `after` is a new entry at the same domain position. */
  replaced: boolean;
  /** The same entry moved: the sort key it had. */
  movedFrom: Entry['key'] | null;
}

/**
 * The cost items of the generations and externals of one epoch's state, indexed (ItemIndex), with
 * their domain positions, the externals by key and the Dual Mode groups: what a Billing row needs.
 * Each item is the domain's own (generationItem, externalItem), made again when its record changed.
 */
export class FoldedItems {
  readonly index = new ItemIndex();
  private readonly byGen = new Map<string, Entry>();
  /** Generations seen so far: the next one's creation rank. */
  private generations = 0;
  private externalsSeen = 0;
  private readonly externalsByKey = new Map<string, ExternalCostRow>();
  /** Dual Mode groups: their generations' ids in domain order. */
  private readonly dualGroups = new Map<string, { genId: string; ord: number }[]>();

  /** True while nothing is indexed (the first fold has not been read yet). */
  get isEmpty(): boolean {
    return this.byGen.size === 0 && this.externalsSeen === 0;
  }

  /** True when the generation is indexed. */
  has(genId: string): boolean {
    return this.byGen.has(genId);
  }

  /** Indexes every item of the state at once (the first read); false when there is none. */
  build(state: LedgerState): boolean {
    const inOrder: Entry[] = [];
    for (const genId of Object.keys(state.generations)) {
      const row = state.generations[genId] as GenerationRow;
      const entry = entryOf(generationItem(row), generationOrd(genId, this.generations++));
      this.byGen.set(genId, entry);
      inOrder.push(entry);
      if (row.dual) this.joinDual(row.dual.groupId, genId, entry.ord);
    }
    for (const entry of this.newExternals(state)) inOrder.push(entry);
    if (inOrder.length === 0) return false;
    this.index.build(inOrder);
    return true;
  }

  /**
   * Catches up with the state: the touched generations (new ones first, in the order their rows were
   * created, which is the state's order) and the externals imported since. Returns the changes, already
   * applied to the index, for whatever keeps figures of them.
   */
  update(state: LedgerState, genIds: Iterable<string>): Change[] {
    const changes: Change[] = [];
    for (const genId of genIds) {
      const change = this.generationChange(state, genId);
      if (change) changes.push(change);
    }
    for (const entry of this.newExternals(state)) {
      changes.push({ before: null, after: { entry, item: entry.item }, replaced: false, movedFrom: null });
    }
    if (changes.length > BULK_AT) this.applyInBulk(changes);
    else this.applyOneByOne(changes);
    return changes;
  }

  /** Every indexed generation with its domain position. */
  generationsOf(state: LedgerState): { row: GenerationRow; ord: number }[] {
    return [...this.byGen].map(([genId, entry]) => ({
      row: state.generations[genId] as GenerationRow,
      ord: entry.ord,
    }));
  }

  /** The Billing row of an item (null when its record is gone), with the other model of its Dual Mode group. */
  viewRow(state: LedgerState, item: CostItem): ViewRow | null {
    const row = listRowOf(state, this.externalsByKey, item);
    if (!row) return null;
    if (row.kind !== 'internal' || !row.generation.dual) return { ...row, dualPartner: null };
    const members = this.dualGroups.get(row.generation.dual.groupId) ?? [];
    const partners = dualPartnersFor(members.map(({ genId }) => state.generations[genId] as GenerationRow));
    return { ...row, dualPartner: partners.get(row.generation.genId) ?? null };
  }

  /**
   * What became of one touched generation. A generation new to the view gets the next domain position;
   * with the same tags its entry is updated in place, with new tags it is replaced by a new entry.
   */
  private generationChange(state: LedgerState, genId: string): Change | null {
    if (!Object.hasOwn(state.generations, genId)) return null;
    const row = state.generations[genId] as GenerationRow;
    const item = generationItem(row);
    const old = this.byGen.get(genId);
    let change: Change;
    if (!old) {
      const entry = entryOf(item, generationOrd(genId, this.generations++));
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
      const before = { entry: old, item: old.item };
      change = { before, after: { entry: entryOf(item, old.ord), item }, replaced: true, movedFrom: null };
    }
    this.byGen.set(genId, change.after.entry);
    return change;
  }

  private *newExternals(state: LedgerState): Generator<Entry> {
    const { externals } = state;
    for (; this.externalsSeen < externals.length; this.externalsSeen += 1) {
      const row = externals[this.externalsSeen] as ExternalCostRow;
      this.externalsByKey.set(row.key, row);
      yield entryOf(externalItem(row), externalOrd(this.externalsSeen));
    }
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
}
