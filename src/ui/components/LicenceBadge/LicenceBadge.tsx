import { Badge, type MantineSize, Stack, Text, Tooltip, useProps, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import type { Licence } from '../../../domain/ledger/events.ts';
import type { ResolvedLicence } from '../../../domain/pricing/index.ts';
import classes from './LicenceBadge.module.css';

/** Where a licence was read: fal's model API, or the pricing catalog with the page that states it. */
export type LicenceSource = Pick<ResolvedLicence, 'origin' | 'sourceUrl'>;

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
  /**
   * Where the licence was read, said in a tooltip and as the badge's accessible description (the
   * badge is then an image named "Licence: …"). @default null (not said)
   */
  source?: LicenceSource | null;
}

const defaultProps = { size: 'xs', compact: false, source: null } satisfies Partial<LicenceBadgeProps>;

// Labels and colours: modelbridge-docs.md §12 (commercial-use badge); unknown is never shown as safe.
const LOOK: Record<Licence, { label: string; short: string; color: string }> = {
  commercial: { label: 'Commercial', short: 'Com', color: 'green' },
  research: { label: 'Research', short: 'Res', color: 'yellow' },
  private: { label: 'Private', short: 'Priv', color: 'indigo' },
  unknown: { label: 'Unknown', short: '?', color: 'gray' },
};

/**
 * Where a licence came from, as the badge says it (issue 13: the compliance badge must say whether
 * fal's model API or the pricing catalog named it, and the page that states a catalog licence).
 */
export function licenceSourceText(licence: Licence, source: LicenceSource): string {
  if (licence === 'unknown')
    return "Licence unknown: neither fal's model API nor the pricing catalog names one";
  if (source.origin === 'fal') return "Licence from fal's model API";
  return source.sourceUrl === null
    ? 'Licence from the pricing catalog'
    : `Licence from the pricing catalog (source: ${source.sourceUrl})`;
}

/**
 * A small badge naming a model's licence: Commercial, Research, Private or Unknown. It never truncates;
 * `compact` shows a short form ("Com", "?") that is an image named "Licence: …" with a tooltip; with a
 * `source` the tooltip and the accessible description say where the licence was read.
 */
export function LicenceBadge(props: LicenceBadgeProps) {
  const { licence, size, compact, source } = useProps('LicenceBadge', defaultProps, props);
  const descriptionId = useId();
  const { label, short, color } = LOOK[licence];
  const name = `Licence: ${label}`;
  if (!compact && source === null) {
    return (
      <Badge size={size} color={color} variant="light" data-licence={licence} classNames={classes}>
        <VisuallyHidden>Licence: </VisuallyHidden>
        {label}
      </Badge>
    );
  }
  const description = source === null ? null : licenceSourceText(licence, source);
  const tip = (
    <Stack gap={2}>
      {compact && <Text size="xs">{name}</Text>}
      {description !== null && (
        <Text size="xs" className={classes.source}>
          {description}
        </Text>
      )}
    </Stack>
  );
  return (
    <>
      <Tooltip label={tip} multiline maw={280} withArrow>
        <Badge
          size={size}
          color={color}
          variant="light"
          role="img"
          aria-label={name}
          aria-describedby={description === null ? undefined : descriptionId}
          data-licence={licence}
          data-origin={source?.origin}
          data-compact={compact || undefined}
          classNames={classes}
        >
          {compact ? short : label}
        </Badge>
      </Tooltip>
      {description !== null && <VisuallyHidden id={descriptionId}>{description}</VisuallyHidden>}
    </>
  );
}
