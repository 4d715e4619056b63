/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import type { CostReportData } from './report-data-types.ts';
import { filterParts, formatCount } from './report-format.ts';

/** Title, the filter used, when it was made, and the display currency with every rate set applied. */
export function ReportHeader({ data }: { data: CostReportData }) {
  const { currency } = data;
  return (
    <header>
      <h1>{data.title}</h1>
      <dl className="meta">
        {filterParts(data.filters).map(({ label, value }) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd data-filter={label.toLowerCase()}>{value}</dd>
          </div>
        ))}
        <dt>Generated</dt>
        <dd>
          <time dateTime={data.generatedAt}>
            {data.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}
          </time>
        </dd>
        <dt>Currency</dt>
        <dd data-currency={currency}>
          {currency}
          {currency === 'USD'
            ? ' (as billed: no conversion)'
            : `: each cost converted at the rates stored with it (costs recorded in ${currency} are shown as recorded)`}
        </dd>
      </dl>
      {currency !== 'USD' && data.rates.length > 0 && (
        <table className="rates">
          <caption>Rates used</caption>
          <thead>
            <tr>
              <th>Rate</th>
              <th>As of</th>
              <th>Source</th>
              <th className="n">Costs</th>
            </tr>
          </thead>
          <tbody>
            {data.rates.map((r) => (
              <tr key={`${r.rate}|${r.asOf}|${r.source}`}>
                <td>
                  1 USD = {r.rate} {currency}
                </td>
                <td>{r.asOf}</td>
                <td>{r.source}</td>
                <td className="n">{formatCount(r.costs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </header>
  );
}
