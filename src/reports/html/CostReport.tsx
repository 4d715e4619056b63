/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import { BarChart } from './BarChart.tsx';
import { barsOf } from './chart-bars.ts';
import { ComplianceSection } from './ComplianceSection.tsx';
import { ExternalCosts } from './ExternalCosts.tsx';
import { GenerationLog } from './GenerationLog.tsx';
import { LineChart } from './LineChart.tsx';
import { PoolAllocations } from './PoolAllocations.tsx';
import { REPORT_CSS } from './report-css.ts';
import type { CostReportData } from './report-data-types.ts';
import { HASH_SCOPE } from './report-hash.ts';
import { ReportHeader } from './ReportHeader.tsx';
import { ReportKpis } from './ReportKpis.tsx';

/** What the page may load: nothing but its own inline styles and data: images (no script at all). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The whole report page; every string is React text, so tags and prompts can never become markup. */
export function CostReport({ data }: { data: CostReportData }) {
  const { currency } = data;
  const hasCosts = data.overTime.points.length > 0;
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={REPORT_CSP} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{data.title}</title>
        <style>{REPORT_CSS}</style>
      </head>
      <body>
        <ReportHeader data={data} />
        <ReportKpis totals={data.totals} currency={currency} />
        <section aria-labelledby="charts">
          <h2 id="charts">Charts</h2>
          {hasCosts ? (
            <>
              <BarChart
                title="Cost by model (external tools and pools by name)"
                bars={barsOf(data.byModel, (key) => key)}
                currency={currency}
              />
              <BarChart
                title="Cost by deliverable"
                bars={barsOf(data.byDeliverable, (key) => key || 'Untagged')}
                currency={currency}
              />
              <LineChart overTime={data.overTime} currency={currency} />
            </>
          ) : (
            <p className="muted">No costs match this filter.</p>
          )}
        </section>
        <ComplianceSection compliance={data.compliance} />
        <GenerationLog lines={data.generations} currency={currency} />
        <ExternalCosts lines={data.externals} currency={currency} />
        <PoolAllocations lines={data.pools} currency={currency} />
        <footer>
          <p>
            Data hash: <code data-hash>{data.hash}</code>
          </p>
          <p>{HASH_SCOPE}</p>
          <p>Made by modelBridge from its cost ledger. Amounts are rounded for display only.</p>
        </footer>
      </body>
    </html>
  );
}
