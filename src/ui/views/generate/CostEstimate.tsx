import { Group, Text, useProps } from '@mantine/core';
import { CostBadge } from '../../components/CostBadge/CostBadge.tsx';
import type { EstimateView } from '../../components/CostBadge/cost-label.ts';
import { useMoney } from '../../hooks/use-money.ts';
import { NO_ESTIMATE } from './no-estimate.ts';

/** Props of {@link CostEstimate}. */
export interface CostEstimateProps {
  /** The estimate to show (micro-USD or null, tier, up-to); null shows "No price". */
  estimate: EstimateView | null;
  /** Accessible name of the live region. @default 'Estimated cost' */
  label?: string;
  /** Text after the badge, e.g. "· 2 models". @default '' */
  suffix?: string;
}

const defaultProps = { label: 'Estimated cost', suffix: '' } satisfies Partial<CostEstimateProps>;

/**
 * The live cost badge above the Generate button, coloured by tier in the display currency (billing
 * actor via useMoney); a polite live region, so screen readers hear each new estimate.
 */
export function CostEstimate(props: CostEstimateProps) {
  const { estimate, label, suffix } = useProps('CostEstimate', defaultProps, props);
  const { currency, rates } = useMoney();
  return (
    <Group gap={6} wrap="wrap" role="status" aria-live="polite" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <CostBadge estimate={estimate ?? NO_ESTIMATE} currency={currency} rates={rates} />
      {suffix !== '' && (
        <Text size="xs" c="dimmed">
          {suffix}
        </Text>
      )}
    </Group>
  );
}
