/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import { renderToStaticMarkup } from 'react-dom/server';
import { CostReport } from './CostReport.tsx';
import type { CostReportData } from './report-data-types.ts';

/**
 * The report as one self-contained HTML document: a doctype, inline styles, static SVG charts, no
 * script and no request of any kind (its CSP meta forbids both). Every user string is escaped by React.
 */
export function renderCostReport(data: CostReportData): string {
  return `<!doctype html>\n${renderToStaticMarkup(<CostReport data={data} />)}\n`;
}
