import type { Currency, FxSnapshot } from './events.ts';

/** Which of the three cost types an item is (ARCHITECTURE.md § Ledger): combined = all three. */
export type CostKind = 'internal' | 'external' | 'pool';

/**
 * One line of cost, the unit every total, breakdown, list and report is built from, so that every
 * breakdown sums exactly to the totals. Amounts are integer micro-USD; tags are normalised.
 */
export interface CostItem {
  kind: CostKind;
  /** Unique across kinds: `gen:<genId>`, `ext:<row key>`, `pool:<poolId>:<project>`. */
  id: string;
  /** The genId, the external row key, or the poolId this item comes from. */
  sourceId: string;
  /** ISO date or timestamp: submitted-at, the external row's date, or the pool period's start. */
  date: string;
  /** The calendar day (YYYY-MM-DD) of `date` as written (the recorder's local day). */
  day: string;
  usdMicros: number;
  estimated: boolean;
  unpriced: boolean;
  client: string;
  project: string;
  deliverable: string;
  /** Model name; `External · <category>` or `Pool · <name>` for the other kinds. */
  model: string;
  /**
   * The exchange rates stored with the cost when it was recorded: display conversions use these, not
   * today's rates, so a cost shown in EUR or SEK never drifts (ARCHITECTURE.md principle 4).
   */
  fx: FxSnapshot;
  /**
   * The amount as recorded when it was not in USD (imported and pool costs in EUR or SEK): shown as is
   * in its own currency, so a 1.05 kr import never reads 1.0 kr after a round trip through USD.
   */
  native: { amountMicros: number; currency: Currency } | null;
}
