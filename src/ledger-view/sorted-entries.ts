import { compareRowKeys, type RowSortKey } from '../domain/index.ts';
import type { Entry } from './entry.ts';

/** Binary searches over entries kept newest first (the Billing order) or in domain order. */

/** First index whose entry sorts after `key`, newest first. */
export function indexAfter(entries: readonly Entry[], key: RowSortKey): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareRowKeys((entries[mid] as Entry).key, key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Inserts in Billing order. */
export function insertSorted(entries: Entry[], entry: Entry): void {
  entries.splice(indexAfter(entries, entry.key), 0, entry);
}

/** Removes `entry`, found by the key it was inserted under. */
export function removeSorted(entries: Entry[], entry: Entry, key: RowSortKey = entry.key): void {
  const at = indexAfter(entries, key) - 1;
  if (entries[at] === entry) entries.splice(at, 1);
  else {
    const found = entries.indexOf(entry);
    if (found >= 0) entries.splice(found, 1);
  }
}

/** First index whose day passes `test` (the days run from newest to oldest). */
function firstWhere(entries: readonly Entry[], test: (day: string) => boolean): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test((entries[mid] as Entry).key.day)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The slice `[low, high)` of entries whose day is within `from`..`to` (inclusive; undefined: open). */
export function dayRange(entries: readonly Entry[], from?: string, to?: string): [number, number] {
  const low = to === undefined ? 0 : firstWhere(entries, (day) => day <= to);
  const high = from === undefined ? entries.length : firstWhere(entries, (day) => day < from);
  return [low, Math.max(low, high)];
}

/** Inserts in domain order (by `ord`). */
export function insertByOrd(entries: Entry[], entry: Entry): void {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((entries[mid] as Entry).ord < entry.ord) low = mid + 1;
    else high = mid;
  }
  entries.splice(low, 0, entry);
}

/** The entry of least `ord` among `entries` passing `test`, or undefined. */
export function firstInOrder(entries: Iterable<Entry>, test: (entry: Entry) => boolean): Entry | undefined {
  let best: Entry | undefined;
  for (const entry of entries) if ((!best || entry.ord < best.ord) && test(entry)) best = entry;
  return best;
}

/** Two newest-first lists merged into one (a new array unless one side is empty). */
export function mergeSorted(a: readonly Entry[], b: readonly Entry[]): readonly Entry[] {
  if (b.length === 0) return a;
  const out: Entry[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    out[k++] =
      compareRowKeys((a[i] as Entry).key, (b[j] as Entry).key) <= 0 ? (a[i++] as Entry) : (b[j++] as Entry);
  }
  while (i < a.length) out[k++] = a[i++] as Entry;
  while (j < b.length) out[k++] = b[j++] as Entry;
  return out;
}
