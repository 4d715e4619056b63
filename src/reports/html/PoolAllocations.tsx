/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import { type Currency, formatMoney } from '../../domain/index.ts';
import type { PoolLine } from './report-data-types.ts';
import { METHOD_TEXT } from './report-format.ts';

/** Pool lines grouped by pool (they arrive sorted by pool, then project). */
function byPool(lines: readonly PoolLine[]): PoolLine[][] {
  const pools: PoolLine[][] = [];
  for (const line of lines) {
    const last = pools.at(-1);
    if (last && last[0]?.poolId === line.poolId) last.push(line);
    else pools.push([line]);
  }
  return pools;
}

/** Shared costs: per pool its amount, period and allocation method, then each project's share. */
export function PoolAllocations({ lines, currency }: { lines: PoolLine[]; currency: Currency }) {
  return (
    <section aria-labelledby="pools">
      <h2 id="pools">Pool allocations</h2>
      {lines.length === 0 ? (
        <p className="muted">No pool shares match this filter.</p>
      ) : (
        byPool(lines).map((shares) => {
          const pool = shares[0] as PoolLine;
          return (
            <table key={pool.poolId} data-pool={pool.poolId}>
              <caption>
                {pool.name} · {formatMoney(pool.poolMicros, pool.poolCurrency)} · {pool.period.from} to{' '}
                {pool.period.to} · <span data-method={pool.method}>{METHOD_TEXT[pool.method]}</span>
              </caption>
              <thead>
                <tr>
                  <th>Project</th>
                  <th className="n">Share ({currency})</th>
                </tr>
              </thead>
              <tbody>
                {shares.map((share) => (
                  <tr key={share.project}>
                    <td>{share.project || 'Untagged'}</td>
                    <td className="n">{formatMoney(share.amountMicros, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })
      )}
    </section>
  );
}
