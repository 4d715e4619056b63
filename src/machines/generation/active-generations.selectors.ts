import type { SnapshotFrom } from 'xstate';
import type { ModelLicence } from '../../domain/index.ts';
import type { activeGenerationsMachine } from './active-generations.machine.ts';
import type { ActiveRow, Notice } from './active-generations.notices.ts';
import type { DualGenerationActorRef } from './dual-generation.machine.ts';
import type { GenerationPhase } from './generation.selectors.ts';
import type { GenerationActorRef } from './generation.machine.ts';

/** Selectors over the Active generations snapshot, for `useSelector(ref, selectX)`. */

/** The Active generations snapshot. */
export type ActiveGenerationsSnapshot = SnapshotFrom<typeof activeGenerationsMachine>;

const UNSENT = ['editing', 'confirming', null];

/** Rows for the panel: every generation that was sent (drafts in the Generate form are not rows). */
export function selectRows(s: ActiveGenerationsSnapshot): ActiveRow[] {
  return s.context.rows.filter((row) => !UNSENT.includes(row.phase));
}

/** Open notices, oldest first; success ones disappear by themselves after 7 s. */
export function selectNotices(s: ActiveGenerationsSnapshot): Notice[] {
  return s.context.notices;
}

/** The backend's resolved licences the form knows; null until read (the pickers show the catalog's). */
export function selectFormLicences(s: ActiveGenerationsSnapshot): readonly ModelLicence[] | null {
  return s.context.form?.licences ?? null;
}

/** True when the panel has nothing to show (it hides). */
export function selectIsEmpty(s: ActiveGenerationsSnapshot): boolean {
  return selectRows(s).length === 0;
}

/**
 * The generation actor behind a row, for the row view's own `useSelector`: the spawned generation, or
 * the slot of its Dual Mode pair. Null when it is gone (dismissed).
 */
export function refOfRow(s: ActiveGenerationsSnapshot, row: ActiveRow): GenerationActorRef | null {
  const entry = s.context.entries.find((e) => e.id === row.entryId);
  if (!entry) return null;
  if (entry.kind === 'single') return entry.ref;
  const pair: DualGenerationActorRef = entry.ref;
  return row.slot === null ? null : pair.getSnapshot().context.refs[row.slot];
}

/** Phases in which a run may still cost money: sent and not yet ended (fal may still be working). */
export const IN_FLIGHT_PHASES: readonly GenerationPhase[] = [
  'sending',
  'queued',
  'generating',
  'downloading',
  'importing',
  'cancelling',
  'stillRunning',
];

/** Runs still in flight and what they are estimated to cost (micro-USD); unpriced ones are counted apart. */
export interface InFlight {
  count: number;
  usdMicros: number;
  unpriced: number;
}

/**
 * The runs in flight among `rows` and the sum of their estimates, read from each generation's own
 * snapshot (an estimate is fixed once sent, so the rows changing phase is when this can change).
 */
export function selectInFlight(s: ActiveGenerationsSnapshot, rows: readonly ActiveRow[]): InFlight {
  let usdMicros = 0;
  let unpriced = 0;
  let count = 0;
  for (const row of rows) {
    if (row.phase === null || !IN_FLIGHT_PHASES.includes(row.phase)) continue;
    count += 1;
    const estimate = refOfRow(s, row)?.getSnapshot().context.estimate.usdMicros ?? null;
    if (estimate === null) unpriced += 1;
    else usdMicros += estimate;
  }
  return { count, usdMicros, unpriced };
}

/** Same in-flight figures (no re-render while they hold). */
export function sameInFlight(a: InFlight, b: InFlight): boolean {
  return a.count === b.count && a.usdMicros === b.usdMicros && a.unpriced === b.unpriced;
}
