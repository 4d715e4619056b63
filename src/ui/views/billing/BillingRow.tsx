import { Badge, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import type { ListRow } from '../../../domain/index.ts';
import { CostBadge } from '../../components/CostBadge/CostBadge.tsx';
import type { Money } from '../../hooks/use-money.ts';
import {
  formatDay,
  formatDuration,
  formatPeriod,
  formatTimestamp,
  type RowMarker,
  rowMarkers,
  tagLine,
} from './billing-row-view.ts';

/** Props of {@link BillingRow}. */
export interface BillingRowProps {
  /** One line of the list: a generation, an external cost or a pool share. */
  row: ListRow;
  /** Formats micro-USD in the display currency (useMoney). */
  money: Money;
  /** Model name of the other half of a Dual Mode pair, when this row is one; null otherwise. */
  dualPartner: string | null;
}

interface FrameProps {
  title: string;
  kind: 'internal' | 'external' | 'pool';
  meta: string;
  badges: ReactNode;
  tags: string;
}

const KIND_BADGE = { external: { label: 'External', color: 'teal' }, pool: { label: 'Pool', color: 'cyan' } };

/** The shared layout: title + kind, when · how long, cost badges, tags. Wraps at 320 px. */
function RowFrame({ title, kind, meta, badges, tags }: FrameProps) {
  return (
    <Box component="li" aria-label={`${title}, ${meta}`} data-kind={kind} py={6} style={ROW_STYLE}>
      <Stack gap={2} miw={0}>
        <Group gap={6} wrap="nowrap" miw={0}>
          <Text size="sm" fw={600} truncate="end" miw={0} title={title}>
            {title}
          </Text>
          {kind !== 'internal' && (
            <Badge size="xs" variant="outline" color={KIND_BADGE[kind].color} style={{ flex: 'none' }}>
              {KIND_BADGE[kind].label}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {meta}
        </Text>
        <Group gap={4} wrap="wrap">
          {badges}
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {tags}
        </Text>
      </Stack>
    </Box>
  );
}

const ROW_STYLE = { borderBottom: '1px solid var(--mantine-color-default-border)', listStyle: 'none' };

function Marker({ marker }: { marker: RowMarker }) {
  return (
    <Tooltip label={marker.description} disabled={marker.description === ''} multiline maw={260}>
      <Badge size="sm" variant="light" tt="none" color={marker.color} data-marker={marker.label}>
        {marker.label}
      </Badge>
    </Tooltip>
  );
}

function Amount({ item, money }: { item: ListRow['item']; money: Money }) {
  return (
    <Badge size="sm" variant="light" color="gray" tt="none" data-kind="amount">
      {money.formatItem(item)}
    </Badge>
  );
}

type RowOf<K extends ListRow['kind']> = Extract<ListRow, { kind: K }>;

function ExternalRow({ row, money }: { row: RowOf<'external'>; money: Money }) {
  const e = row.external;
  return (
    <RowFrame
      title={e.description || row.item.model}
      kind="external"
      meta={`${formatDay(e.date)} · ${e.category || 'External'}`}
      badges={<Amount item={row.item} money={money} />}
      tags={tagLine(row.item)}
    />
  );
}

function PoolRow({ row, money }: { row: RowOf<'pool'>; money: Money }) {
  const p = row.pool;
  return (
    <RowFrame
      title={p.name}
      kind="pool"
      meta={`${formatPeriod(p.period)} · pool share`}
      badges={<Amount item={row.item} money={money} />}
      tags={tagLine(row.item)}
    />
  );
}

function GenerationRow({ row, money, dualPartner }: BillingRowProps & { row: RowOf<'internal'> }) {
  const g = row.generation;
  // The row keeps its price source and its rates as recorded (ARCHITECTURE.md principle 4).
  const estimate = {
    usdMicros: g.estimate.usdMicros,
    tier: g.estimate.tier,
    upTo: false,
    explanation: g.estimate.priceRef,
  };
  const badges = (
    <>
      <CostBadge
        estimate={estimate}
        currency={money.currency}
        rates={g.fx}
        actualUsdMicros={g.actual?.usdMicros ?? null}
      />
      {rowMarkers(g, dualPartner).map((m) => (
        <Marker key={m.label} marker={m} />
      ))}
    </>
  );
  const meta = `${formatTimestamp(g.submittedAt)} · ${formatDuration(g.durationMs)}`;
  return (
    <RowFrame title={row.item.model} kind="internal" meta={meta} badges={badges} tags={tagLine(row.item)} />
  );
}

/** One Billing row: generations show estimate, Actual badge and markers; external and pool rows their amount. */
// Memoised: a filter change or a refresh keeps the rows that stay, and draws only the new ones.
export const BillingRow = memo(function BillingRow({ row, money, dualPartner }: BillingRowProps) {
  if (row.kind === 'external') return <ExternalRow row={row} money={money} />;
  if (row.kind === 'pool') return <PoolRow row={row} money={money} />;
  return <GenerationRow row={row} money={money} dualPartner={dualPartner} />;
});
