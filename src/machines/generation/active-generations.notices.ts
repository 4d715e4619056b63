import type { DualGenerationActorRef } from './dual-generation.machine.ts';
import type { GenerationActorRef } from './generation.machine.ts';
import type { GenerationPhase } from './generation.selectors.ts';

/**
 * Pure helpers of the Active generations machine: its entries (one per spawned generation or Dual Mode
 * pair) and the completion notices derived from phase changes (modelbridge-docs.md §5).
 */

/** One row source: a single generation, or a Dual Mode pair (whose two slots are rows of their own). */
export type ActiveEntry =
  | { kind: 'single'; id: string; ref: GenerationActorRef }
  | { kind: 'dual'; id: string; ref: DualGenerationActorRef };

/** A completion notice: success auto-dismisses after 7 s; a failure stays until dismissed. */
export interface Notice {
  /** `<genId>:<phase>`; unique per outcome of a generation. */
  id: string;
  genId: string;
  kind: 'success' | 'failure';
  /** The model's display name, for "FLUX.1 [dev] finished". */
  modelName: string;
}

/** One row of the Active generations panel: a generation (a pair contributes two). */
export interface ActiveRow {
  genId: string;
  /** The spawned entry it belongs to: its own genId, or the pair's group id. */
  entryId: string;
  slot: 'primary' | 'secondary' | null;
  /** Null until the generation reported (a pair's slot before it was sent). */
  phase: GenerationPhase | null;
  modelName: string;
}

/** The notice a phase change calls for, or null: done → success, failed → failure, others nothing. */
function noticeFor(
  genId: string,
  modelName: string,
  before: GenerationPhase | null,
  after: GenerationPhase | null,
): Notice | null {
  if (before === after || after === null) return null;
  if (after === 'done') return { id: `${genId}:done`, genId, kind: 'success', modelName };
  if (after === 'failed') return { id: `${genId}:failed`, genId, kind: 'failure', modelName };
  return null;
}

/** Adds notices, replacing an older notice of the same generation (a retried run reports again). */
export function withNotices(notices: readonly Notice[], added: readonly Notice[]): Notice[] {
  const genIds = new Set(added.map((notice) => notice.genId));
  return [...notices.filter((notice) => !genIds.has(notice.genId)), ...added];
}

/** Replaces the rows of one entry with `rows`, keeping the others in place (new rows go last). */
export function withRows(
  all: readonly ActiveRow[],
  entryId: string,
  rows: readonly ActiveRow[],
): ActiveRow[] {
  const kept = all.filter((row) => row.entryId !== entryId);
  const at = all.findIndex((row) => row.entryId === entryId);
  return at < 0 ? [...kept, ...rows] : [...kept.slice(0, at), ...rows, ...kept.slice(at)];
}

/** The notices that the change from `before` to `after` calls for. */
export function noticesBetween(before: readonly ActiveRow[], after: readonly ActiveRow[]): Notice[] {
  return after.flatMap((row) => {
    const old = before.find((r) => r.genId === row.genId)?.phase ?? null;
    const notice = noticeFor(row.genId, row.modelName, old, row.phase);
    return notice ? [notice] : [];
  });
}
