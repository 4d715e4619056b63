import type { ActiveRow } from '../../../machines/generation/active-generations.notices.ts';
import type { ActiveGenerationsSnapshot } from '../../../machines/generation/active-generations.selectors.ts';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import type { GenerationSnapshot } from '../../../machines/generation/generation.selectors.ts';

/**
 * View-side selectors of the Active generations panel that the machine's selector file lacks: the
 * rows compared by value (no re-render for an unchanged list), a retried run waiting for its
 * confirmation, and a generation's own fields shown in its row.
 */

/** Same rows (same generations in the same order, same phase and model). */
export function sameRows(a: readonly ActiveRow[], b: readonly ActiveRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        row.genId === other.genId &&
        row.entryId === other.entryId &&
        row.phase === other.phase &&
        row.slot === other.slot &&
        row.modelName === other.modelName
      );
    })
  );
}

const UNSENT: readonly (string | null)[] = ['editing', 'confirming'];

/**
 * The panel's rows: every generation that was sent, plus one that is unsent again but is not the
 * Generate form's draft (a failed run whose Retry was cancelled in its dialog: it shows "Not sent"
 * and can be dismissed, instead of vanishing). A pair's slots before they were sent are not rows.
 */
export function selectVisibleRows(s: ActiveGenerationsSnapshot): ActiveRow[] {
  const formId = s.context.entries[s.context.entries.length - 1]?.id;
  return s.context.rows.filter(
    (row) => row.phase !== null && (!UNSENT.includes(row.phase) || row.entryId !== formId),
  );
}

/** True when the panel has no row to show (it hides). */
export function selectHasNoRows(s: ActiveGenerationsSnapshot): boolean {
  return selectVisibleRows(s).length === 0;
}

/**
 * A single generation that is confirming but is not the Generate form's draft: a failed run whose
 * Retry is a new request over the threshold. Its dialog is shown by the panel. Null when none.
 */
export function selectRetryConfirming(s: ActiveGenerationsSnapshot): GenerationActorRef | null {
  const last = s.context.entries[s.context.entries.length - 1];
  const row = s.context.rows.find(
    (r) => r.phase === 'confirming' && r.slot === null && r.entryId !== last?.id,
  );
  const entry = row ? s.context.entries.find((e) => e.id === row.entryId) : undefined;
  return entry?.kind === 'single' ? entry.ref : null;
}

/** The tracker's data: current step, start times, queue position, log tail. */
export function selectProgress(s: GenerationSnapshot) {
  return s.context.progress;
}

/** The endpoint id (fal's model id). */
export function selectEndpointId(s: GenerationSnapshot): string {
  return s.context.model.endpoint_id;
}

/** When the run ended (ISO), or null while it runs. */
export function selectFinishedAt(s: GenerationSnapshot): string | null {
  return s.context.finishedAt;
}

/** True once the result landed in the host (Premiere project or a saved file). */
export function selectImported(s: GenerationSnapshot): boolean {
  return s.context.paths.length > 0;
}

/** True while CANCEL reaches the run (the machine's `cancellable` tag). */
export function selectCanCancel(s: GenerationSnapshot): boolean {
  return s.hasTag('cancellable');
}
