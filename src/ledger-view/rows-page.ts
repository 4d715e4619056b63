import { compareRowKeys, type RowSortKey } from '../domain/index.ts';
import type { Entry } from './entry.ts';
import type { Candidates } from './item-index.ts';
import { indexAfter } from './sorted-entries.ts';
import { passes, type ViewFilter } from './view-filter.ts';

/** One page of entries, newest first, and whether more follow it. */
export interface EntryPage {
  entries: Entry[];
  more: boolean;
}

/** The next entry of the candidates passing the filter, from position `from`. */
function nextPassing(candidates: Candidates, filter: ViewFilter, from: number): number {
  const { list, high, exact } = candidates;
  let at = from;
  while (at < high && !exact && !passes(filter, list[at] as Entry)) at += 1;
  return at;
}

/**
 * Up to `limit` rows strictly after `after` (a row's sort key; null: from the newest), merging the
 * generation and external candidates with the pool shares that pass the filter.
 */
export function readPage(
  candidates: Candidates,
  shares: readonly Entry[],
  filter: ViewFilter,
  after: RowSortKey | null,
  limit: number,
): EntryPage {
  const { list, low, high } = candidates;
  let i = nextPassing(candidates, filter, after ? Math.max(low, indexAfter(list, after)) : low);
  let j = after ? indexAfter(shares, after) : 0;
  const entries: Entry[] = [];
  while (entries.length < limit && (i < high || j < shares.length)) {
    const base = i < high ? (list[i] as Entry) : null;
    const share = j < shares.length ? (shares[j] as Entry) : null;
    if (base && (!share || compareRowKeys(base.key, share.key) <= 0)) {
      entries.push(base);
      i = nextPassing(candidates, filter, i + 1);
    } else if (share) {
      entries.push(share);
      j += 1;
    }
  }
  return { entries, more: i < high || j < shares.length };
}

/** How many candidates pass the filter. */
export function countPassing(candidates: Candidates, filter: ViewFilter): number {
  const { list, low, high, exact } = candidates;
  if (exact) return high - low;
  let count = 0;
  for (let at = low; at < high; at += 1) if (passes(filter, list[at] as Entry)) count += 1;
  return count;
}
