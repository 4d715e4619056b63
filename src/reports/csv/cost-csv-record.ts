import { amountIn, type Currency, type ListRow, microsToDecimal } from '../../domain/index.ts';
import type { CostCsvRecord } from './cost-csv-columns.ts';
import { neutraliseCell } from './neutralise-cell.ts';

const decimalOr = (micros: number | null | undefined) =>
  micros === null || micros === undefined ? '' : microsToDecimal(micros);

/** What a row is, beyond its cost item: the model and prompt of a run, the tool of an import, the pool. */
function source(
  row: ListRow,
): Pick<
  CostCsvRecord,
  | 'model_or_tool'
  | 'description'
  | 'status'
  | 'estimate_usd'
  | 'actual_usd'
  | 'request_id'
  | 'billable_units'
  | 'dual_group'
  | 'pool_method'
> {
  const none = {
    estimate_usd: '',
    actual_usd: '',
    request_id: '',
    billable_units: '',
    dual_group: '',
    pool_method: '',
  };
  switch (row.kind) {
    case 'internal': {
      const g = row.generation;
      return {
        ...none,
        model_or_tool: g.modelName,
        description: g.prompt,
        status: g.unsettled ? `${g.status} (unsettled)` : g.status,
        estimate_usd: decimalOr(g.estimate.usdMicros),
        actual_usd: decimalOr(g.actual?.usdMicros),
        request_id: g.requestId ?? '',
        billable_units: g.actual ? String(g.actual.billableUnits) : '',
        dual_group: g.dual?.groupId ?? '',
      };
    }
    case 'external':
      return {
        ...none,
        model_or_tool: row.external.category,
        description: row.external.description,
        status: 'imported',
      };
    case 'pool':
      return {
        ...none,
        model_or_tool: row.pool.name,
        description: `Share of ${row.pool.name}, ${row.pool.period.from} to ${row.pool.period.to}`,
        status: 'allocated',
        pool_method: row.pool.rule.kind,
      };
  }
}

/**
 * One Billing row as a CSV record in `currency`: exact decimals of the stored micro-units, converted
 * at the rates stored with the cost (as every total is), never at today's.
 */
export function costCsvRecord(row: ListRow, currency: Currency): CostCsvRecord {
  const { item } = row;
  return {
    date: item.date,
    type: item.kind,
    client: item.client,
    project: item.project,
    deliverable: item.deliverable,
    ...source(row),
    cost_usd: microsToDecimal(item.usdMicros),
    currency,
    cost_in_currency: microsToDecimal(amountIn(currency)(item)),
    fx_rate: String(item.fx.rates[currency]),
    fx_as_of: item.fx.asOf,
  };
}

/** Text cells of the file, neutralised as they are written; numbers are written as they are. */
const text = neutraliseCell;

/**
 * The cells costCsv writes for one row, in COST_CSV_COLUMNS order, text cells neutralised: the same as
 * costCsvRecord's, built straight into an array because an export writes 100k of them (no record
 * objects spread together, no column lookups per cell).
 */
export function costCsvCells(row: ListRow, currency: Currency): string[] {
  const { item } = row;
  let tool: string;
  let description: string;
  let status: string;
  let estimate = '';
  let actual = '';
  let requestId = '';
  let units = '';
  let dualGroup = '';
  let poolMethod = '';
  switch (row.kind) {
    case 'internal': {
      const g = row.generation;
      tool = g.modelName;
      description = g.prompt;
      status = g.unsettled ? `${g.status} (unsettled)` : g.status;
      estimate = decimalOr(g.estimate.usdMicros);
      actual = decimalOr(g.actual?.usdMicros);
      requestId = g.requestId ?? '';
      units = g.actual ? String(g.actual.billableUnits) : '';
      dualGroup = g.dual?.groupId ?? '';
      break;
    }
    case 'external':
      tool = row.external.category;
      description = row.external.description;
      status = 'imported';
      break;
    case 'pool':
      tool = row.pool.name;
      description = `Share of ${row.pool.name}, ${row.pool.period.from} to ${row.pool.period.to}`;
      status = 'allocated';
      poolMethod = row.pool.rule.kind;
      break;
  }
  return [
    text(item.date),
    text(item.kind),
    text(item.client),
    text(item.project),
    text(item.deliverable),
    text(tool),
    text(description),
    text(status),
    estimate,
    actual,
    microsToDecimal(item.usdMicros),
    text(currency),
    microsToDecimal(amountIn(currency)(item)),
    String(item.fx.rates[currency]),
    text(item.fx.asOf),
    text(requestId),
    units,
    text(dualGroup),
    text(poolMethod),
  ];
}
