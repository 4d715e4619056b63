import { Badge, type MantineSize, useProps, VisuallyHidden } from '@mantine/core';
import type { Licence } from '../../../domain/ledger/events.ts';

/** Props of {@link LicenceBadge}. */
export interface LicenceBadgeProps {
  /** The model's licence from fal's `license_type` metadata; `unknown` when fal gave none. */
  licence: Licence;
  /** Mantine size of the badge. @default 'xs' */
  size?: MantineSize;
}

const defaultProps = { size: 'xs' } satisfies Partial<LicenceBadgeProps>;

// Labels and colours: modelbridge-docs.md §12 (commercial-use badge); unknown is never shown as safe.
const LOOK: Record<Licence, { label: string; color: string }> = {
  commercial: { label: 'Commercial', color: 'green' },
  research: { label: 'Research', color: 'yellow' },
  private: { label: 'Private', color: 'indigo' },
  unknown: { label: 'Unknown', color: 'gray' },
};

/** A small badge naming a model's licence: Commercial, Research, Private or Unknown. */
export function LicenceBadge(props: LicenceBadgeProps) {
  const { licence, size } = useProps('LicenceBadge', defaultProps, props);
  const { label, color } = LOOK[licence];
  return (
    <Badge size={size} color={color} variant="light" data-licence={licence}>
      <VisuallyHidden>Licence: </VisuallyHidden>
      {label}
    </Badge>
  );
}
