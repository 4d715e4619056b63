import type { SnapshotFrom } from 'xstate';
import type { ViewRow } from '../../contract/index.ts';
import {
  type BreakdownDimension,
  type BreakdownRow,
  type KnownTags,
  type Totals,
  totalsOf,
} from '../../domain/index.ts';
import type { billingQueryMachine } from './billing-query.machine.ts';

/** A billing query snapshot, as `useSelector` passes it. */
export type BillingQuerySnapshot = SnapshotFrom<typeof billingQueryMachine>;

const NO_TAGS: KnownTags = Object.freeze({ clients: [], projects: [], deliverables: [] }) as KnownTags;
const NO_BREAKDOWN: BreakdownRow[] = [];
const NO_TOTALS: Totals = Object.freeze(totalsOf([]));

/** Rows fetched so far for the filter, newest first (the list shows the first visibleCount of them). */
export function selectRows(snapshot: BillingQuerySnapshot): ViewRow[] {
  return snapshot.context.rows;
}

/** Rows matching the filter in all (0 before the first answer). */
export function selectMatching(snapshot: BillingQuerySnapshot): number {
  return snapshot.context.matching ?? 0;
}

/** Totals in the display currency (each cost at its own stored rates); zero before the first answer. */
export function selectTotals(snapshot: BillingQuerySnapshot): Totals {
  return snapshot.context.summary?.totals ?? NO_TOTALS;
}

/** Costs grouped by `dimension` in the display currency. */
export function selectBreakdown(
  snapshot: BillingQuerySnapshot,
  dimension: BreakdownDimension,
): BreakdownRow[] {
  return snapshot.context.summary?.breakdowns[dimension] ?? NO_BREAKDOWN;
}

/** Every client, project and deliverable in use: the chips and the Generate form's suggestions. */
export function selectKnownTags(snapshot: BillingQuerySnapshot): KnownTags {
  return snapshot.context.summary?.tags ?? NO_TAGS;
}

/** True while what is shown is not yet the backend's answer (cached first screen, a filter on its way). */
export function selectIsStale(snapshot: BillingQuerySnapshot): boolean {
  return snapshot.context.stale;
}

/** True before anything at all is known (no cache, no answer yet). */
export function selectIsFirstLoad(snapshot: BillingQuerySnapshot): boolean {
  return snapshot.context.summary === null;
}

/** Why the backend could not answer, or null. */
export function selectQueryProblem(snapshot: BillingQuerySnapshot): string | null {
  return snapshot.context.problem;
}

/** True when a Retry button makes sense (the backend refused). */
export function selectCanRetryQuery(snapshot: BillingQuerySnapshot): boolean {
  return snapshot.matches('failed');
}
