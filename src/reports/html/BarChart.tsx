/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { type Currency, formatMoney } from '../../domain/index.ts';
import { type BarDatum, clip } from './chart-bars.ts';

/** Drawing units of a bar chart's viewBox (the SVG scales to the page). */
const WIDTH = 720;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 110;
const ROW = 24;

/** Horizontal bars, one per group, each labelled with its name and exact amount; static SVG. */
export function BarChart({ title, bars, currency }: { title: string; bars: BarDatum[]; currency: Currency }) {
  const height = bars.length * ROW + 8;
  const amounts = bars.map((b) => b.amountMicros);
  const x = scaleLinear({
    domain: [Math.min(0, ...amounts), Math.max(0, ...amounts, 1)],
    range: [0, WIDTH - LABEL_WIDTH - VALUE_WIDTH],
  });
  const y = scaleBand({ domain: bars.map((_, i) => i), range: [4, height - 4], padding: 0.25 });
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={title}>
        {bars.map((bar, i) => {
          const top = y(i) ?? 0;
          const left = x(Math.min(0, bar.amountMicros));
          const width = Math.abs(x(bar.amountMicros) - x(0));
          return (
            <Group key={bar.label} top={top}>
              <title>{`${bar.label}: ${formatMoney(bar.amountMicros, currency)} (${bar.count})`}</title>
              <text x={LABEL_WIDTH - 8} y={y.bandwidth() / 2} dy="0.35em" textAnchor="end">
                {clip(bar.label, 30)}
              </text>
              <Bar className="bar" x={LABEL_WIDTH + left} y={0} width={width} height={y.bandwidth()} />
              <text x={LABEL_WIDTH + x(Math.max(0, bar.amountMicros)) + 6} y={y.bandwidth() / 2} dy="0.35em">
                {formatMoney(bar.amountMicros, currency)}
              </text>
            </Group>
          );
        })}
      </svg>
    </figure>
  );
}
