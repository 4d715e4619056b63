import { Badge, Group, type MantineSize, Tooltip, useProps, VisuallyHidden } from '@mantine/core';
import { useId } from '@mantine/hooks';
import type { Currency, FxSnapshot } from '../../../domain/ledger/events.ts';
import { ActualBadge } from '../ActualBadge/ActualBadge.tsx';
import { costLabel, type EstimateView, shownTier, TIER_LOOK } from './cost-label.ts';

/** Props of {@link CostBadge}. */
export interface CostBadgeProps {
  /** The estimate from the pricing domain: micro-USD or null, tier, up-to flag, explanation. */
  estimate: EstimateView;
  /** Display currency. */
  currency: Currency;
  /** Exchange rates to convert micro-USD with (current rates before a run, the row's afterwards). */
  rates: FxSnapshot;
  /** Settled cost in micro-USD; when a number, a green "Actual" badge follows. */
  actualUsdMicros?: number | null;
  /** Mantine size of the badges. @default 'sm' */
  size?: MantineSize;
}

const defaultProps = { size: 'sm' } satisfies Partial<CostBadgeProps>;

/**
 * The cost badge coloured by tier (blue Estimated, orange From, purple Learned ≈, grey No price),
 * with the explanation as tooltip and accessible description, and an optional green Actual badge.
 */
export function CostBadge(props: CostBadgeProps) {
  const { estimate, currency, rates, actualUsdMicros, size } = useProps('CostBadge', defaultProps, props);
  const descriptionId = useId();
  const tier = shownTier(estimate);
  const explanation = estimate.explanation.trim();
  return (
    <Group gap={4} wrap="wrap" display="inline-flex">
      <Tooltip label={explanation} disabled={explanation === ''} multiline maw={280} withArrow>
        <Badge
          size={size}
          color={TIER_LOOK[tier].color}
          variant="light"
          tt="none"
          data-tier={tier}
          aria-describedby={explanation === '' ? undefined : descriptionId}
        >
          {costLabel(estimate, currency, rates)}
        </Badge>
      </Tooltip>
      {explanation !== '' && <VisuallyHidden id={descriptionId}>{explanation}</VisuallyHidden>}
      {typeof actualUsdMicros === 'number' && (
        <ActualBadge actualUsdMicros={actualUsdMicros} currency={currency} rates={rates} size={size} />
      )}
    </Group>
  );
}
