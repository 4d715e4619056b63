import { Badge, type MantineSize, Tooltip, useProps, VisuallyHidden } from '@mantine/core';
import type { Licence } from '../../../domain/ledger/events.ts';
import classes from './LicenceBadge.module.css';

/** Props of {@link LicenceBadge}. */
export interface LicenceBadgeProps {
  /** The model's licence: fal's live answer, else the catalog's seed; `unknown` when nobody names one. */
  licence: Licence;
  /** Mantine size of the badge. @default 'xs' */
  size?: MantineSize;
  /**
   * Short form for rows with little room (the 320 px dock): a few letters, the full name in a tooltip
   * and in the accessible name. @default false
   */
  compact?: boolean;
}

const defaultProps = { size: 'xs', compact: false } satisfies Partial<LicenceBadgeProps>;

// Labels and colours: modelbridge-docs.md §12 (commercial-use badge); unknown is never shown as safe.
const LOOK: Record<Licence, { label: string; short: string; color: string }> = {
  commercial: { label: 'Commercial', short: 'Com', color: 'green' },
  research: { label: 'Research', short: 'Res', color: 'yellow' },
  private: { label: 'Private', short: 'Priv', color: 'indigo' },
  unknown: { label: 'Unknown', short: '?', color: 'gray' },
};

/**
 * A small badge naming a model's licence: Commercial, Research, Private or Unknown. It never truncates;
 * `compact` shows a short form ("Com", "?") that is an image named "Licence: …" with a tooltip.
 */
export function LicenceBadge(props: LicenceBadgeProps) {
  const { licence, size, compact } = useProps('LicenceBadge', defaultProps, props);
  const { label, short, color } = LOOK[licence];
  const name = `Licence: ${label}`;
  if (!compact) {
    return (
      <Badge size={size} color={color} variant="light" data-licence={licence} classNames={classes}>
        <VisuallyHidden>Licence: </VisuallyHidden>
        {label}
      </Badge>
    );
  }
  return (
    <Tooltip label={name} withArrow>
      <Badge
        size={size}
        color={color}
        variant="light"
        role="img"
        aria-label={name}
        data-licence={licence}
        data-compact
        classNames={classes}
      >
        {short}
      </Badge>
    </Tooltip>
  );
}
