import { Box, useProps } from '@mantine/core';
import classes from './StatusDot.module.css';

/** The four states an active-generation row can be in, each with its own colour. */
export type DotStatus = 'running' | 'queued' | 'done' | 'failed';

/** Props of {@link StatusDot}. */
export interface StatusDotProps {
  /** Which state to show: orange running, grey queued, green done, red failed. */
  status: DotStatus;
  /** Accessible label read instead of the default ("Running", "Queued", "Done", "Failed"). */
  label?: string;
  /** Diameter in CSS pixels. @default 10 */
  size?: number;
}

const defaultProps = { size: 10 } satisfies Partial<StatusDotProps>;

const LABELS: Record<DotStatus, string> = {
  running: 'Running',
  queued: 'Queued',
  done: 'Done',
  failed: 'Failed',
};

/** A coloured dot for a generation's status, exposed to assistive tech as an image with a label. */
export function StatusDot(props: StatusDotProps) {
  const { status, label, size } = useProps('StatusDot', defaultProps, props);
  return (
    <Box
      component="span"
      role="img"
      aria-label={label ?? LABELS[status]}
      className={classes.dot}
      data-status={status}
      style={{ width: size, height: size }}
    />
  );
}
