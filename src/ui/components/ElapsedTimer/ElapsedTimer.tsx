import { Text, type MantineSize, useProps } from '@mantine/core';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { describeElapsed, formatElapsed } from './format-elapsed.ts';

/** Props of {@link ElapsedTimer}. */
export interface ElapsedTimerProps {
  /** When the run started, ISO 8601 with offset. */
  startedAt: string;
  /** When the run ended (ISO); the timer then shows the final duration and stops ticking. */
  endedAt?: string;
  /** Fixed "now" (ISO) for stories and tests; when set the timer does not tick. */
  now?: string;
  /** Tick interval in milliseconds. @default 1000 */
  intervalMs?: number;
  /** Mantine font size. @default 'xs' */
  size?: MantineSize;
}

const defaultProps = { intervalMs: 1000, size: 'xs' } satisfies Partial<ElapsedTimerProps>;

/** Shows `m:ss` elapsed since `startedAt`, ticking every second until `endedAt` is given. */
export function ElapsedTimer(props: ElapsedTimerProps) {
  const { startedAt, endedAt, now, intervalMs, size } = useProps('ElapsedTimer', defaultProps, props);
  const frozenAt = endedAt ?? now;
  const [tick, setTick] = useState(() => Date.now());

  // The only effect: a clock. It runs only while the timer is live (no end, no fixed now).
  useEffect(() => {
    if (frozenAt !== undefined) return undefined;
    const id = setInterval(() => setTick(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [frozenAt, intervalMs]);

  const until = frozenAt === undefined ? tick : dayjs(frozenAt).valueOf();
  const elapsed = until - dayjs(startedAt).valueOf();
  return (
    <Text
      component="span"
      role="timer"
      size={size}
      ff="monospace"
      aria-label={`Elapsed ${describeElapsed(elapsed)}`}
      data-live={frozenAt === undefined || undefined}
    >
      {formatElapsed(elapsed)}
    </Text>
  );
}
