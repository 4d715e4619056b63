import { dedupeTags } from '../tags.ts';
import type { CostItem } from './cost-item.ts';
import { costItems } from './cost-items.ts';
import { type CostFilter, filterItems } from './filters.ts';
import type { ExternalCostRow, GenerationRow, LedgerState, Pool } from './state.ts';

/** One line of the Billing list: the cost item plus the record it comes from. */
export type ListRow =
  | { kind: 'internal'; item: CostItem; generation: GenerationRow }
  | { kind: 'external'; item: CostItem; external: ExternalCostRow }
  | { kind: 'pool'; item: CostItem; pool: Pool };

function toRow(state: LedgerState, externals: Map<string, ExternalCostRow>, item: CostItem): ListRow | null {
  if (item.kind === 'internal') {
    const generation = state.generations[item.sourceId];
    return generation ? { kind: 'internal', item, generation } : null;
  }
  if (item.kind === 'external') {
    const external = externals.get(item.sourceId);
    return external ? { kind: 'external', item, external } : null;
  }
  const pool = state.pools[item.sourceId];
  return pool ? { kind: 'pool', item, pool } : null;
}

function instant(date: string): number {
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Newest first: by calendar day, then by time within the day, then by id (stable and total). */
function newestFirst(a: CostItem, b: CostItem): number {
  if (a.day !== b.day) return a.day < b.day ? 1 : -1;
  const dt = instant(b.date) - instant(a.date);
  if (dt !== 0) return dt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Generation, external and pool-share rows passing `filter`, newest first, for the Billing list. */
export function listRows(state: LedgerState, filter?: CostFilter): ListRow[] {
  const externals = new Map(state.externals.map((row) => [row.key, row]));
  return filterItems(costItems(state), filter)
    .sort(newestFirst)
    .map((item) => toRow(state, externals, item))
    .filter((row): row is ListRow => row !== null);
}

/** Tags in use, for autocomplete and filter chips. */
export interface KnownTags {
  clients: string[];
  projects: string[];
  deliverables: string[];
}

function alphabetical(names: string[]): string[] {
  const lower = (s: string) => s.toLowerCase();
  return names.sort((a, b) => (lower(a) < lower(b) ? -1 : lower(a) > lower(b) ? 1 : 0));
}

/**
 * Every client, project and deliverable used by a generation, an external row or a pool's scope:
 * deduplicated case-insensitively (first spelling kept), no empty names, sorted alphabetically.
 */
export function knownTags(state: LedgerState): KnownTags {
  const tagged = [...Object.values(state.generations), ...state.externals].map((r) => r.tags);
  const scoped = Object.values(state.pools).flatMap((pool) => pool.scope.projects);
  return {
    clients: alphabetical(dedupeTags(tagged.map((t) => t.client))),
    projects: alphabetical(dedupeTags([...tagged.map((t) => t.project), ...scoped])),
    deliverables: alphabetical(dedupeTags(tagged.map((t) => t.deliverable))),
  };
}
