import { fromPromise } from 'xstate';
import type { SavedReport, SummaryQuery } from '../../contract/index.ts';
import type { ReportsPort } from './reports-ports.ts';

/** The export's I/O: the backend writes the cost CSV of `query` and says where. */
export function defineSaveCostCsvActor(reports: ReportsPort) {
  return fromPromise<SavedReport, SummaryQuery>(({ input }) => reports.saveCostCsv(input));
}
