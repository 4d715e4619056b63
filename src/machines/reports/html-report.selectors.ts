import type { SnapshotFrom } from 'xstate';
import type { SavedReport, SummaryQuery } from '../../contract/index.ts';
import type { htmlReportMachine } from './html-report.machine.ts';

export type HtmlReportSnapshot = SnapshotFrom<typeof htmlReportMachine>;

export const selectIsReportOpen = (s: HtmlReportSnapshot): boolean => !s.matches('closed');
/** True while the filters are shown (before a report, or to make another). */
export const selectIsChoosingReport = (s: HtmlReportSnapshot): boolean => s.matches('choosing');
/** The filters the dialog shows or the report was made of. */
export const selectReportQuery = (s: HtmlReportSnapshot): SummaryQuery | null => s.context.query;
export const selectIsReportBusy = (s: HtmlReportSnapshot): boolean => s.hasTag('busy');
export const selectSavedReport = (s: HtmlReportSnapshot): SavedReport | null =>
  s.matches('saved') ? s.context.saved : null;
export const selectReportProblem = (s: HtmlReportSnapshot): string | null =>
  s.hasTag('error') ? s.context.problem : null;
