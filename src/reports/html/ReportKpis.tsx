/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import { type Currency, formatMoney, type Totals } from '../../domain/index.ts';
import { formatCount } from './report-format.ts';

function Kpi({ id, label, value, note }: { id: string; label: string; value: string; note?: string }) {
  return (
    <div className="kpi">
      <div className="label">{label}</div>
      <div className="value" data-kpi={id}>
        {value}
      </div>
      {note && <div className="note">{note}</div>}
    </div>
  );
}

/**
 * The four headline figures of the spec: internal AI cost, external AI costs, the combined total
 * (pool shares included) and the number of generations, exactly as the read model totals them.
 */
export function ReportKpis({ totals, currency }: { totals: Totals; currency: Currency }) {
  const money = (micros: number) => formatMoney(micros, currency);
  const estimated =
    totals.estimatedUsdMicros !== 0 ? `incl. ${money(totals.estimatedUsdMicros)} estimated` : undefined;
  const pools =
    totals.poolUsdMicros !== 0 ? `incl. ${money(totals.poolUsdMicros)} of pool shares` : undefined;
  const unpriced =
    totals.unpricedCount > 0 ? `${formatCount(totals.unpricedCount)} without a price` : undefined;
  return (
    <section className="kpis keep" aria-label="Totals">
      <Kpi id="internal" label="Internal AI cost" value={money(totals.internalUsdMicros)} note={estimated} />
      <Kpi id="external" label="External AI costs" value={money(totals.externalUsdMicros)} />
      <Kpi id="combined" label="Combined total" value={money(totals.combinedUsdMicros)} note={pools} />
      <Kpi id="generations" label="Generations" value={formatCount(totals.generationCount)} note={unpriced} />
    </section>
  );
}
