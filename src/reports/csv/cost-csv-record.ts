import { amountIn, type Currency, type ListRow, microsToDecimal } from '../../domain/index.ts';
import type { CostCsvRecord } from './cost-csv-columns.ts';

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
