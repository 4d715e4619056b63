import { z } from 'zod';
import { tagKey } from '../tags.ts';
import type { CostItem } from './cost-item.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a day written YYYY-MM-DD');

/**
 * What the Billing view, reports and exports narrow costs to. A missing tag means any; an empty
 * string means untagged only. Tags compare case-insensitively after trimming (tags.ts). `from`/`to`
 * are inclusive calendar days (YYYY-MM-DD) compared with each item's `day`.
 */
export const costFilterSchema = z.object({
  client: z.string().optional(),
  project: z.string().optional(),
  deliverable: z.string().optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
});
/** A cost filter; see costFilterSchema. */
export type CostFilter = z.infer<typeof costFilterSchema>;

/** No filter at all: every cost. */
export const NO_FILTER: CostFilter = Object.freeze({});

function tagMatches(wanted: string | undefined, actual: string): boolean {
  return wanted === undefined || tagKey(wanted) === tagKey(actual);
}

/** True when the item passes every part of the filter (an absent filter passes everything). */
export function matchesFilter(item: CostItem, filter: CostFilter = NO_FILTER): boolean {
  return (
    tagMatches(filter.client, item.client) &&
    tagMatches(filter.project, item.project) &&
    tagMatches(filter.deliverable, item.deliverable) &&
    (filter.from === undefined || item.day >= filter.from) &&
    (filter.to === undefined || item.day <= filter.to)
  );
}

/** The items that pass the filter, in their original order. */
export function filterItems(items: readonly CostItem[], filter: CostFilter = NO_FILTER): CostItem[] {
  return items.filter((item) => matchesFilter(item, filter));
}
