import { Paper, Text, useProps } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { formatMoney } from '../../../domain/money.ts';
import type { Currency } from '../../../domain/ledger/events.ts';

/** Props of {@link MoneyKpi}. */
export interface MoneyKpiProps {
  /** What the figure is: "Internal", "External", "Pool", "Combined". */
  label: string;
  /** The total in integer micro-units of `currency`, already converted row by row by the selector. */
  amountMicros: number;
  /** Currency of both amounts (the display currency). */
  currency: Currency;
  /** The part of the total that is still an estimate, same unit; hidden when 0 or omitted. @default 0 */
  estimatedMicros?: number;
}

const defaultProps = { estimatedMicros: 0 } satisfies Partial<MoneyKpiProps>;

/** One KPI of the Billing strip: a label, the amount, and "incl. $0.42 estimated" when part is estimated. */
export function MoneyKpi(props: MoneyKpiProps) {
  const { label, amountMicros, currency, estimatedMicros } = useProps('MoneyKpi', defaultProps, props);
  const labelId = useId();
  return (
    <Paper role="group" aria-labelledby={labelId} p={6} withBorder miw={0}>
      <Text id={labelId} size="xs" c="dimmed" truncate="end">
        {label}
      </Text>
      <Text size="sm" fw={600} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {formatMoney(amountMicros, currency)}
      </Text>
      {estimatedMicros !== 0 && (
        <Text size="xs" c="dimmed">
          incl. {formatMoney(estimatedMicros, currency)} estimated
        </Text>
      )}
    </Paper>
  );
}
