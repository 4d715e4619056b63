import {
  type BreakdownDimension,
  breakdownKey,
  type CostItem,
  type RowSortKey,
  rowSortKey,
  tagKey,
} from '../domain/index.ts';

/**
 * One cost item as the view indexes it: its place in the Billing list (`key`), its place in the
 * domain's costItems order (`ord`, which decides first spellings) and its tag keys, read once.
 * A change that keeps the tags updates `item` and `key` in place; new tags make a new entry.
 */
export interface Entry {
  item: CostItem;
  key: RowSortKey;
  readonly ord: number;
  /** tagKey of the item's client, project and deliverable (its breakdown groups). */
  readonly client: string;
  readonly project: string;
  readonly deliverable: string;
}

/** The three tag dimensions an entry carries keys for. */
export const TAG_DIMENSIONS = ['client', 'project', 'deliverable'] as const;
export type TagDimension = (typeof TAG_DIMENSIONS)[number];

/** An entry with the item it had at one moment (a change is a snapshot before and one after). */
export interface Snapshot {
  entry: Entry;
  item: CostItem;
}

// Tags repeat across thousands of items: key each spelling once (tagKey runs a regular expression).
const keys = new Map<string, string>();
const MAX_MEMO = 50_000;

function keyOf(tag: string): string {
  let key = keys.get(tag);
  if (key === undefined) {
    if (keys.size >= MAX_MEMO) keys.clear();
    key = tagKey(tag);
    keys.set(tag, key);
  }
  return key;
}

/** The entry of `item` at domain position `ord`. */
export function entryOf(item: CostItem, ord: number): Entry {
  return {
    item,
    key: rowSortKey(item),
    ord,
    client: keyOf(item.client),
    project: keyOf(item.project),
    deliverable: keyOf(item.deliverable),
  };
}

/** True when `item` falls in the same tag groups, spelled the same, as the entry's own item. */
export function sameTags(entry: Entry, item: CostItem): boolean {
  const was = entry.item;
  return was.client === item.client && was.project === item.project && was.deliverable === item.deliverable;
}

/** The breakdown group of a snapshot (the domain's breakdownKey; tag keys are read from the entry). */
export function groupOf(entry: Entry, item: CostItem, dimension: BreakdownDimension): string {
  return dimension === 'model' || dimension === 'day' ? breakdownKey(item, dimension) : entry[dimension];
}
