import type { SummaryQuery } from '../contract/index.ts';
import { everyRow, type LedgerView } from '../ledger-view/index.ts';
import { costCsv } from './csv/index.ts';
import { renderCostReport, reportData } from './html/index.ts';

/** A report file's text and its number of data rows (generations, external costs, pool shares). */
export interface ReportFile {
  text: string;
  rows: number;
}

/** The cost CSV of a filter in a currency, from the read model (the backend's routes and the CLI). */
export function costCsvFile(view: LedgerView, query: SummaryQuery): ReportFile {
  const rows = [...everyRow(view, query)];
  return { text: costCsv(rows, query.currency), rows: rows.length };
}

/** The HTML report of a filter in a currency, made at `now`, from the read model. */
export function htmlReportFile(view: LedgerView, query: SummaryQuery, now: Date): ReportFile {
  const data = reportData(view, query, now);
  const rows = data.generations.length + data.externals.length + data.pools.length;
  return { text: renderCostReport(data), rows };
}
