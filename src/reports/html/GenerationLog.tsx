/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import { type Currency, formatMoney } from '../../domain/index.ts';
import { logDays, MAX_FLAT_LOG_ROWS } from './log-days.ts';
import type { GenerationLine } from './report-data-types.ts';
import { dayTimeOf, formatCount, lineAmounts, timeOf } from './report-format.ts';

interface LogProps {
  lines: GenerationLine[];
  currency: Currency;
}

function LogTable({ lines, currency, when }: LogProps & { when: 'Date' | 'Time' }) {
  const at = when === 'Date' ? dayTimeOf : timeOf;
  // The cost column is right-aligned by the log's CSS (its last cell), not by a class on 100k cells.
  const amount = lineAmounts(currency);
  return (
    <table className="log">
      <thead>
        <tr>
          <th>{when}</th>
          <th>Model</th>
          <th>Client</th>
          <th>Project</th>
          <th>Deliverable</th>
          <th>Status</th>
          <th>Cost</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          // Lines have no id of their own here; their order never changes within one render.
          // biome-ignore lint/suspicious/noArrayIndexKey: static markup, rendered once
          <tr key={i}>
            <td>{at(line.at)}</td>
            <td>{line.model}</td>
            <td>{line.client}</td>
            <td>{line.project}</td>
            <td>{line.deliverable}</td>
            <td>{line.status}</td>
            <td>{amount(line)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Every generation of the report, newest first: one table, or above MAX_FLAT_LOG_ROWS one closed
 * `<details>` per day (its count and sum in the summary), so a year of runs opens at a readable size.
 */
export function GenerationLog({ lines, currency }: LogProps) {
  return (
    <section aria-labelledby="log">
      <h2 id="log">Generation log ({formatCount(lines.length)})</h2>
      {lines.length === 0 ? (
        <p className="muted">No generations match this filter.</p>
      ) : lines.length <= MAX_FLAT_LOG_ROWS ? (
        <LogTable lines={lines} currency={currency} when="Date" />
      ) : (
        logDays(lines).map((day) => (
          <details key={day.day} data-day={day.day}>
            <summary>
              {day.day} · {formatCount(day.lines.length)} generations ·{' '}
              {formatMoney(day.amountMicros, currency)}
            </summary>
            <LogTable lines={day.lines} currency={currency} when="Time" />
          </details>
        ))
      )}
    </section>
  );
}
