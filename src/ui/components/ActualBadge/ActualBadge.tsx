import { Badge, type MantineSize, useProps } from '@mantine/core';
import { formatUsdIn } from '../../../domain/fx.ts';
import type { Currency, FxSnapshot } from '../../../domain/ledger/events.ts';

/** Props of {@link ActualBadge}. */
export interface ActualBadgeProps {
  /** The settled cost from fal's billable units, integer micro-USD. */
  actualUsdMicros: number;
  /** Display currency. */
  currency: Currency;
  /** Exchange rates to convert with (the row's recorded snapshot in Billing). */
  rates: FxSnapshot;
  /** Mantine size of the badge. @default 'sm' */
  size?: MantineSize;
}

const defaultProps = { size: 'sm' } satisfies Partial<ActualBadgeProps>;

/** The green "Actual $X.XX" badge for a cost confirmed from fal's billable units. */
export function ActualBadge(props: ActualBadgeProps) {
  const { actualUsdMicros, currency, rates, size } = useProps('ActualBadge', defaultProps, props);
  return (
    <Badge size={size} color="green" variant="light" tt="none" data-kind="actual">
      Actual {formatUsdIn(actualUsdMicros, currency, rates)}
    </Badge>
  );
}
