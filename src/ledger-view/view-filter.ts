import { type CostFilter, type CostItem, tagKey } from '../domain/index.ts';
import { type Entry, TAG_DIMENSIONS, type TagDimension } from './entry.ts';

/**
 * A cost filter read once for many items: the domain's rule (matchesFilter: a missing tag means any,
 * tags compare by tagKey, days inclusive) over the tag keys each entry already carries.
 */
export interface ViewFilter {
  /** The wanted tag key per dimension; absent means any. */
  readonly tags: Partial<Record<TagDimension, string>>;
  readonly from?: string;
  readonly to?: string;
  /** Same for every filter that selects the same items (tags by their key). */
  readonly cacheKey: string;
}

/** The filter as the view applies it. */
export function viewFilter(filter: CostFilter): ViewFilter {
  const tags: Partial<Record<TagDimension, string>> = {};
  for (const dimension of TAG_DIMENSIONS) {
    const wanted = filter[dimension];
    if (wanted !== undefined) tags[dimension] = tagKey(wanted);
  }
  const { from, to } = filter;
  const cacheKey = JSON.stringify([tags.client, tags.project, tags.deliverable, from, to]);
  return { tags, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }), cacheKey };
}

/** True when the tags of `entry` pass the filter's tags. */
export function tagsPass(filter: ViewFilter, entry: Entry): boolean {
  const { client, project, deliverable } = filter.tags;
  return (
    (client === undefined || client === entry.client) &&
    (project === undefined || project === entry.project) &&
    (deliverable === undefined || deliverable === entry.deliverable)
  );
}

/** True when an entry, holding `item`, passes the whole filter. */
export function passes(filter: ViewFilter, entry: Entry, item: CostItem = entry.item): boolean {
  return (
    tagsPass(filter, entry) &&
    (filter.from === undefined || item.day >= filter.from) &&
    (filter.to === undefined || item.day <= filter.to)
  );
}
