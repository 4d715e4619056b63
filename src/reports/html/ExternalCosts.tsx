/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import { type Currency, formatMoney } from '../../domain/index.ts';
import type { ExternalLine } from './report-data-types.ts';
import { formatCount } from './report-format.ts';

/** The imported external costs: as imported, and in the display currency at their stored rates. */
export function ExternalCosts({ lines, currency }: { lines: ExternalLine[]; currency: Currency }) {
  return (
    <section aria-labelledby="external">
      <h2 id="external">External costs ({formatCount(lines.length)})</h2>
      {lines.length === 0 ? (
        <p className="muted">No external costs match this filter.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Date</th>
              <th>Tool</th>
              <th>Description</th>
              <th>Client</th>
              <th>Project</th>
              <th>Deliverable</th>
              <th className="n">As imported</th>
              <th className="n">{currency}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static markup, rendered once
              <tr key={i}>
                <td>{line.day}</td>
                <td>{line.tool}</td>
                <td>{line.description}</td>
                <td>{line.client}</td>
                <td>{line.project}</td>
                <td>{line.deliverable}</td>
                <td className="n">{formatMoney(line.nativeMicros, line.nativeCurrency)}</td>
                <td className="n">{formatMoney(line.amountMicros, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
