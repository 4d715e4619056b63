export {
  COST_CSV_COLUMNS,
  type CostCsvColumn,
  type CostCsvRecord,
  NUMERIC_COLUMNS,
} from './cost-csv-columns.ts';
export { costCsv, CostCsvFormatError, parseCostCsv, UTF8_BOM } from './cost-csv.ts';
export { costCsvCells, costCsvRecord } from './cost-csv-record.ts';
export { neutraliseCell, restoreCell } from './neutralise-cell.ts';
