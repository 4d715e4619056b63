/** @jsxRuntime automatic */
/** @jsxImportSource react */
// The pragmas: the backend and CLI run under tsx, which compiles JSX without the tsconfig's runtime.
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { axisTicks, type Currency, formatAxisMoney } from '../../domain/index.ts';
import type { OverTime } from './report-data-types.ts';
import { shortDay } from './report-format.ts';

const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 24, bottom: 36, left: 80 };
/** Labels under the line at most: more would overlap at this width. */
const MAX_LABELS = 8;

const TICK_LABEL = { fontSize: 11, fontFamily: 'inherit', fill: 'currentColor' } as const;

/** Indexes of the points that get a label: evenly spaced, always the first and the last. */
export function labelledPoints(count: number, max = MAX_LABELS): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil((count - 1) / (max - 1));
  const picked: number[] = [];
  for (let i = 0; i < count - 1; i += step) picked.push(i);
  if (count - 1 - (picked.at(-1) ?? 0) < step / 2) picked.pop();
  return [...picked, count - 1];
}

/** Cost per day or week: straight segments with a dot per point, money ticks at their precision. */
export function LineChart({ overTime, currency }: { overTime: OverTime; currency: Currency }) {
  const { points, unit } = overTime;
  const innerW = WIDTH - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const amounts = points.map((p) => p.usdMicros);
  const ticks = axisTicks(Math.min(0, ...amounts), Math.max(0, ...amounts), 4);
  const step = (ticks[1] ?? 0) - (ticks[0] ?? 0) || 1;
  // One point sits in the middle: a domain around it, so the dot and its label meet.
  const domain = points.length === 1 ? [-1, 1] : [0, Math.max(1, points.length - 1)];
  const x = scaleLinear({ domain, range: [0, innerW] });
  const y = scaleLinear({ domain: [ticks[0] ?? 0, ticks.at(-1) ?? 1], range: [innerH, 0] });
  const withYear = (points[0]?.key.slice(0, 4) ?? '') !== (points.at(-1)?.key.slice(0, 4) ?? '');
  const label = (i: number) => {
    const key = points[i]?.key ?? '';
    return unit === 'week' ? `w/c ${shortDay(key, withYear)}` : shortDay(key, withYear);
  };
  const title = unit === 'week' ? 'Cost over time, by week' : 'Cost over time, by day';
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={title}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {ticks.map((t) => (
            <line key={t} className="grid" x1={0} x2={innerW} y1={y(t)} y2={y(t)} />
          ))}
          <LinePath
            className="line"
            data={points.map((_, i) => i)}
            x={(i) => x(i)}
            y={(i) => y(points[i]?.usdMicros ?? 0)}
          />
          {points.map((p, i) => (
            <circle key={p.key} className="dot" cx={x(i)} cy={y(p.usdMicros)} r={2.5} />
          ))}
          <AxisLeft
            scale={y}
            tickValues={ticks}
            tickFormat={(v) => formatAxisMoney(Math.round(Number(v)), currency, step)}
            tickLabelProps={() => ({ ...TICK_LABEL, textAnchor: 'end', dx: '-0.25em', dy: '0.33em' })}
          />
          <AxisBottom
            top={innerH}
            scale={x}
            tickValues={labelledPoints(points.length)}
            tickFormat={(v) => label(Number(v))}
            tickLabelProps={() => ({ ...TICK_LABEL, textAnchor: 'middle' })}
          />
        </Group>
      </svg>
    </figure>
  );
}
