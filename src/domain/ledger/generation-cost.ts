import type { GenerationRow } from './state.ts';

/** What one generation counts for in totals; `usdMicros` is integer micro-USD (0 when unpriced). */
export interface GenerationCost {
  usdMicros: number;
  /** The amount is the pre-run estimate, not a confirmed charge ("incl. $0.42 estimated"). */
  estimated: boolean;
  /** Neither a price nor an actual is known: counts 0 but is counted so the UI can say "2 without price". */
  unpriced: boolean;
}

/**
 * The cost rule (ARCHITECTURE.md § Ledger, modelbridge-docs.md §9), first match wins:
 * 1. settled with a non-null actual → the actual (confirmed);
 * 2. failed with charged 'no' → 0 (confirmed free);
 * 3. an estimate with a price → the estimate, flagged estimated (running, completed but not yet settled,
 *    unsettled, cancelled — a cancelled run can still be charged — and failed with charged yes/maybe);
 * 4. otherwise → 0, flagged unpriced.
 */
export function generationCost(row: GenerationRow): GenerationCost {
  if (row.actual !== null && row.actual.usdMicros !== null) {
    return { usdMicros: row.actual.usdMicros, estimated: false, unpriced: false };
  }
  if (row.status === 'failed' && row.failure?.charged === 'no') {
    return { usdMicros: 0, estimated: false, unpriced: false };
  }
  if (row.estimate.usdMicros !== null) {
    return { usdMicros: row.estimate.usdMicros, estimated: true, unpriced: false };
  }
  return { usdMicros: 0, estimated: false, unpriced: true };
}
