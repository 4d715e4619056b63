export { CostReport, REPORT_CSP } from './CostReport.tsx';
export { MAX_FLAT_LOG_ROWS } from './log-days.ts';
export { REPORT_TITLE, reportData } from './report-data.ts';
export type {
  Compliance,
  CostReportData,
  ExternalLine,
  GenerationLine,
  ModelLicence,
  OverTime,
  PoolLine,
  RateUsed,
  ReportContent,
  ReportFilters,
} from './report-data-types.ts';
export { MAX_DAY_POINTS } from './report-figures.ts';
export { canonicalJson, HASH_SCOPE, reportHash } from './report-hash.ts';
export { renderCostReport } from './render-cost-report.tsx';
