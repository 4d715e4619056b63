import { Box, Button, Group, Stack, Text } from '@mantine/core';
import {
  selectCanHide,
  selectCanViewMore,
  selectIsFiltered,
  selectShownCount,
} from '../../../machines/billing/billing.selectors.ts';
import { useMoney } from '../../hooks/use-money.ts';
import { useBillingMatching, useBillingRows, useBillingStale } from './billing-data.ts';
import { BillingRow } from './BillingRow.tsx';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

function EmptyState({ filtered }: { filtered: boolean }) {
  return (
    <Box role="status" py="md" data-empty="true">
      <Text size="sm" fw={600}>
        {filtered ? 'No costs match this filter' : 'No costs recorded yet'}
      </Text>
      <Text size="xs" c="dimmed">
        {filtered
          ? 'Choose "All" to see every cost.'
          : 'Run a generation in the Generate tab: its cost appears here.'}
      </Text>
    </Box>
  );
}

/**
 * The cost history, newest first: only the first 4 rows (then 14, 24…) are rendered, as the billing
 * machine says; `View more` adds 10, `Hide` goes back to 4. An empty ledger shows an empty state.
 */
export function BillingRows() {
  const rows = useBillingRows();
  const matching = useBillingMatching();
  const stale = useBillingStale();
  const money = useMoney();
  const billing = usePanelActor('billing');
  // Rows beyond those fetched are on their way ("View more" asked the backend): show what is here.
  const shown = Math.min(
    rows.length,
    usePanelSelector('billing', (s) => selectShownCount(s, matching)),
  );
  const canViewMore = usePanelSelector('billing', (s) => selectCanViewMore(s, matching));
  const canHide = usePanelSelector('billing', selectCanHide);
  const filtered = usePanelSelector('billing', selectIsFiltered);
  if (rows.length === 0 && !stale) return <EmptyState filtered={filtered} />;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" aria-live="polite">
        Showing {shown} of {matching}
      </Text>
      <Box component="ul" aria-label="Cost history" aria-busy={stale} m={0} p={0}>
        {rows.slice(0, shown).map((row) => (
          <BillingRow key={row.item.id} row={row} money={money} dualPartner={row.dualPartner} />
        ))}
      </Box>
      <Group gap="xs">
        {canViewMore && (
          <Button size="xs" variant="light" onClick={() => billing.send({ type: 'VIEW_MORE' })}>
            View more
          </Button>
        )}
        {canHide && (
          <Button size="xs" variant="subtle" onClick={() => billing.send({ type: 'HIDE' })}>
            Hide
          </Button>
        )}
      </Group>
    </Stack>
  );
}
