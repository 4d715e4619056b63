import type { BreakdownRow, Currency, Licence, PoolRule, Totals } from '../../domain/index.ts';

/**
 * What the HTML report shows, gathered from the read model (reportData) and drawn by renderCostReport.
 * Plain JSON: every amount is integer micro-units of the report's display currency unless a field says
 * otherwise, already at the rates stored with each cost, so drawing never converts or sums anything.
 */

/** The filter the report was made for; null where it narrows nothing. */
export interface ReportFilters {
  client: string | null;
  project: string | null;
  deliverable: string | null;
  /** Inclusive calendar days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
}

/** One set of stored rates that costs in the report were converted with. */
export interface RateUsed {
  /** Units of the display currency one USD bought. */
  rate: number;
  asOf: string;
  /** Where the rates came from (`default`, `manual`, `ecb`…). */
  source: string;
  /** Cost rows (generations, external rows, pool shares) that carry these rates. */
  costs: number;
}

/** One generation of the log. */
export interface GenerationLine {
  /** Submitted-at as recorded (ISO, with the recorder's offset). */
  at: string;
  /** The calendar day the log groups by (YYYY-MM-DD). */
  day: string;
  model: string;
  client: string;
  project: string;
  deliverable: string;
  /** `completed`, `failed`, `cancelled`…; `(unsettled)` when fal never confirmed the charge. */
  status: string;
  amountMicros: number;
  /** The amount is an estimate, not a confirmed charge. */
  estimated: boolean;
  /** No price and no actual: counted as 0 and shown as "No price". */
  unpriced: boolean;
  licence: Licence;
}

/** One imported external cost. */
export interface ExternalLine {
  day: string;
  /** The tool or service (the import's category). */
  tool: string;
  description: string;
  client: string;
  project: string;
  deliverable: string;
  /** The amount as imported, in micro-units of `nativeCurrency`. */
  nativeMicros: number;
  nativeCurrency: Currency;
  amountMicros: number;
}

/** One project's share of a pool. */
export interface PoolLine {
  poolId: string;
  name: string;
  period: { from: string; to: string };
  /** How the pool is split: evenly, by usage share in the period, or by weights. */
  method: PoolRule['kind'];
  /** The whole pool, in micro-units of `poolCurrency`. */
  poolMicros: number;
  poolCurrency: Currency;
  project: string;
  amountMicros: number;
}

/** Generations per model and licence. */
export interface ModelLicence {
  model: string;
  licence: Licence;
  generations: number;
}

/** The compliance badge and its table: which licences the generations were made under. */
export interface Compliance {
  generations: number;
  byLicence: Record<Licence, number>;
  /** Largest first, then by model name. */
  models: ModelLicence[];
}

/** The cost-over-time series: a point per day, or per week (keyed by its Monday) over long ranges. */
export interface OverTime {
  unit: 'day' | 'week';
  points: BreakdownRow[];
}

/** Everything the report shows except when it was made and its hash (what the hash covers). */
export interface ReportContent {
  title: string;
  filters: ReportFilters;
  currency: Currency;
  rates: RateUsed[];
  /** view.summary's totals for the filter, in the display currency: the KPIs. */
  totals: Totals;
  byModel: BreakdownRow[];
  byDeliverable: BreakdownRow[];
  overTime: OverTime;
  /** Newest first, as the Billing list orders them. */
  generations: GenerationLine[];
  externals: ExternalLine[];
  /** By pool name, then project. */
  pools: PoolLine[];
  compliance: Compliance;
}

/** The report's data: its content, when it was made, and the SHA-256 (hex) of the content. */
export interface CostReportData extends ReportContent {
  /** ISO instant the report was made. */
  generatedAt: string;
  /** SHA-256, hex, of the canonical JSON of the content (reportHash). */
  hash: string;
}
