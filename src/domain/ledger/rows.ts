import { dedupeTags, tagKey } from '../tags.ts';
import type { CostItem } from './cost-item.ts';
import { costItems } from './cost-items.ts';
import { type CostFilter, filterItems } from './filters.ts';
import type { Tags } from './events.ts';
import type { ExternalCostRow, GenerationRow, LedgerState, Pool } from './state.ts';

/** One line of the Billing list: the cost item plus the record it comes from. */
export type ListRow =
  | { kind: 'internal'; item: CostItem; generation: GenerationRow }
  | { kind: 'external'; item: CostItem; external: ExternalCostRow }
  | { kind: 'pool'; item: CostItem; pool: Pool };

/** The Billing row of a cost item (null when its record is gone), given the state's externals by key. */
export function listRowOf(
  state: LedgerState,
  externals: ReadonlyMap<string, ExternalCostRow>,
  item: CostItem,
): ListRow | null {
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

/** Where a row sorts in the Billing list: its day, its instant (ms; 0 when unreadable) and its id. */
export interface RowSortKey {
  day: string;
  ms: number;
  id: string;
}

/** The sort key of a cost item. */
export function rowSortKey(item: CostItem): RowSortKey {
  const ms = Date.parse(item.date);
  return { day: item.day, ms: Number.isNaN(ms) ? 0 : ms, id: item.id };
}

/** Newest first: by calendar day, then by time within the day, then by id (stable and total). */
export function compareRowKeys(a: RowSortKey, b: RowSortKey): number {
  if (a.day !== b.day) return a.day < b.day ? 1 : -1;
  const dt = b.ms - a.ms;
  if (dt !== 0) return dt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function newestFirst(a: CostItem, b: CostItem): number {
  return compareRowKeys(rowSortKey(a), rowSortKey(b));
}

/** Generation, external and pool-share rows passing `filter`, newest first, for the Billing list. */
export function listRows(state: LedgerState, filter?: CostFilter): ListRow[] {
  const externals = new Map(state.externals.map((row) => [row.key, row]));
  return filterItems(costItems(state), filter)
    .sort(newestFirst)
    .map((item) => listRowOf(state, externals, item))
    .filter((row): row is ListRow => row !== null);
}

/** Tags in use, for autocomplete and filter chips. */
export interface KnownTags {
  clients: string[];
  projects: string[];
  deliverables: string[];
  /**
   * Per client (its tagKey): the projects used with it, in the spelling `projects` keeps, sorted. So the
   * Project picker offers the chosen client's projects. Absent in a summary cached before it existed.
   */
  projectsByClient?: Record<string, string[]>;
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
  return knownTagsOf(tagged, scoped);
}

/**
 * knownTags() of tags in ledger order and pool-scope projects: each name's first spelling in that
 * order is kept, so any list holding the first record of every name gives the same answer.
 */
export function knownTagsOf(
  tagged: readonly Tags[],
  scoped: readonly string[],
  paired: readonly Pick<Tags, 'client' | 'project'>[] = tagged,
): KnownTags {
  const projects = alphabetical(dedupeTags([...tagged.map((t) => t.project), ...scoped]));
  return {
    clients: alphabetical(dedupeTags(tagged.map((t) => t.client))),
    projects,
    deliverables: alphabetical(dedupeTags(tagged.map((t) => t.deliverable))),
    projectsByClient: projectsByClientOf(paired, projects),
  };
}

/**
 * Which projects each client used (`paired`: every client and project seen together, any spelling),
 * spelled as `projects` spells them and in its order. Untagged halves pair with nothing.
 */
function projectsByClientOf(
  paired: readonly Pick<Tags, 'client' | 'project'>[],
  projects: readonly string[],
): Record<string, string[]> {
  const seen = new Map<string, Set<string>>();
  for (const { client, project } of paired) {
    const clientKey = tagKey(client);
    const projectKey = tagKey(project);
    if (clientKey === '' || projectKey === '') continue;
    let keys = seen.get(clientKey);
    if (!keys) {
      keys = new Set();
      seen.set(clientKey, keys);
    }
    keys.add(projectKey);
  }
  const projectKeys = projects.map(tagKey);
  const out: Record<string, string[]> = {};
  for (const [clientKey, keys] of [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[clientKey] = projects.filter((_, i) => keys.has(projectKeys[i] as string));
  }
  return out;
}

/**
 * The projects to suggest for a client: the ones used with it, or every project when no client is
 * chosen or the client is new (nothing to narrow by yet). Case-insensitive on the client.
 */
export function projectsForClient(known: KnownTags, client: string): string[] {
  const key = tagKey(client);
  const used = key === '' ? undefined : known.projectsByClient?.[key];
  return used && used.length > 0 ? used : known.projects;
}

/** Two tag lists as one (the backend's history and this session's events): each name once, first kept. */
export function mergeKnownTags(a: KnownTags, b: KnownTags): KnownTags {
  const clients = alphabetical(dedupeTags([...a.clients, ...b.clients]));
  const projects = alphabetical(dedupeTags([...a.projects, ...b.projects]));
  const byClient: Record<string, string[]> = {};
  for (const key of new Set([
    ...Object.keys(a.projectsByClient ?? {}),
    ...Object.keys(b.projectsByClient ?? {}),
  ])) {
    const names = dedupeTags([...(a.projectsByClient?.[key] ?? []), ...(b.projectsByClient?.[key] ?? [])]);
    // Spelled as the merged list spells them, in its order.
    const keys = new Set(names.map(tagKey));
    byClient[key] = projects.filter((name) => keys.has(tagKey(name)));
  }
  return {
    clients,
    projects,
    deliverables: alphabetical(dedupeTags([...a.deliverables, ...b.deliverables])),
    projectsByClient: byClient,
  };
}
