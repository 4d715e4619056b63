/**
 * The cost CSV's columns, in order (issue 13): one row per generation, external cost and pool share.
 * Amounts are exact decimals of integer micro-units; `cost_usd` is the amount counted in totals (the
 * actual once fal confirmed it, else the estimate), `cost_in_currency` the same at the row's own rates.
 */
export const COST_CSV_COLUMNS = [
  'date',
  'type',
  'client',
  'project',
  'deliverable',
  'model_or_tool',
  'description',
  'status',
  'estimate_usd',
  'actual_usd',
  'cost_usd',
  'currency',
  'cost_in_currency',
  'fx_rate',
  'fx_as_of',
  'request_id',
  'billable_units',
  'dual_group',
  'pool_method',
] as const;

export type CostCsvColumn = (typeof COST_CSV_COLUMNS)[number];

/** One CSV row as text cells (empty text where a column does not apply). */
export type CostCsvRecord = Record<CostCsvColumn, string>;

/** Columns that always hold numbers: written as they are, never neutralised (a credit is `-1.500000`). */
export const NUMERIC_COLUMNS: ReadonlySet<CostCsvColumn> = new Set([
  'estimate_usd',
  'actual_usd',
  'cost_usd',
  'cost_in_currency',
  'fx_rate',
  'billable_units',
]);
