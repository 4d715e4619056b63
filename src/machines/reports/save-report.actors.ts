import { fromPromise } from 'xstate';
import type { SavedReport, SummaryQuery } from '../../contract/index.ts';
import type { ReportsPort } from './reports-ports.ts';

/** The export's I/O: the backend writes the cost CSV of `query` and says where. */
export function defineSaveCostCsvActor(reports: ReportsPort) {
  return fromPromise<SavedReport, SummaryQuery>(({ input }) => reports.saveCostCsv(input));
}

/** The report's I/O: the backend renders the HTML report of `query`, saves it and says where. */
export function defineSaveHtmlReportActor(reports: ReportsPort) {
  return fromPromise<SavedReport, SummaryQuery>(({ input }) => reports.saveHtmlReport(input));
}
