import type { SavedReport, SummaryQuery } from '../../contract/index.ts';

/**
 * What the reports family asks the backend (`/api/reports/…`): the backend writes the file under the
 * data dir's `reports/` from its read model, the panel only learns where. Failures follow
 * persistence's shape (describeFailure).
 */
export interface ReportsPort {
  saveCostCsv(query: SummaryQuery): Promise<SavedReport>;
  /** Has the backend render the HTML report of a filter and save it under `reports/`. */
  saveHtmlReport(query: SummaryQuery): Promise<SavedReport>;
}
