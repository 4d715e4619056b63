import { Alert, Button, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core';
import type { PoolView } from '../../../contract/index.ts';
import { formatMoney, type Pool } from '../../../domain/index.ts';
import { selectKnownTags } from '../../../machines/billing/billing-query.selectors.ts';
import {
  selectIsEditingPool,
  selectIsPoolsBusy,
  selectIsPoolsOpen,
  selectPools,
  selectPoolsProblem,
  selectPoolToRemove,
} from '../../../machines/pools/pool-editor.selectors.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';
import { useMoney } from '../../hooks/use-money.ts';
import { formatPeriod } from './billing-row-view.ts';
import { PoolForm } from './PoolForm.tsx';

/** How a rule reads in the list and in reports. */
export function ruleLabel(pool: Pool): string {
  if (pool.rule.kind === 'even') return 'Even split';
  if (pool.rule.kind === 'usage') return 'By usage in the period';
  return 'By weights';
}

/** A share in the pool's own currency: what the pool was entered in, exact to the micro-unit. */
function shareAmount(view: PoolView, index: number): string {
  const share = view.shares[index];
  if (!share) return '';
  const amount = share.native ? share.native.amountMicros : share.usdMicros;
  return formatMoney(amount, view.pool.currency);
}

function PoolEntry({ view }: { view: PoolView }) {
  const pools = usePanelActor('poolEditor');
  const { pool } = view;
  return (
    <Stack gap={4} component="li" aria-label={pool.name} style={{ listStyle: 'none' }}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600} truncate>
          {pool.name}
        </Text>
        <Text size="sm" ff="monospace">
          {formatMoney(pool.amountMicros, pool.currency)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {formatPeriod(pool.period)} · {ruleLabel(pool)} ·{' '}
        {pool.scope.projects.length === 0 ? 'every project with usage' : pool.scope.projects.join(', ')}
      </Text>
      <Table fz="xs" withRowBorders={false} aria-label={`Shares of ${pool.name}`}>
        <Table.Tbody>
          {view.shares.map((share, i) => (
            <Table.Tr key={share.id}>
              <Table.Td>{share.project === '' ? 'Not shared yet (no usage)' : share.project}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {shareAmount(view, i)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap={6}>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={`Change ${pool.name}`}
          onClick={() => pools.send({ type: 'EDIT', poolId: pool.poolId })}
        >
          Change
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          aria-label={`Remove ${pool.name}`}
          onClick={() => pools.send({ type: 'REMOVE', poolId: pool.poolId })}
        >
          Remove
        </Button>
      </Group>
    </Stack>
  );
}

function PoolList() {
  const list = usePanelSelector('poolEditor', selectPools);
  const pools = usePanelActor('poolEditor');
  return (
    <Stack gap="sm">
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          No pools yet. A pool is a shared cost, such as a subscription, split across projects.
        </Text>
      ) : (
        <Stack gap="md" component="ul" aria-label="Pools" p={0} m={0}>
          {list.map((view) => (
            <PoolEntry key={view.pool.poolId} view={view} />
          ))}
        </Stack>
      )}
      <Group justify="flex-end" gap="xs">
        <Button size="xs" onClick={() => pools.send({ type: 'ADD' })}>
          Add pool
        </Button>
        <Button size="xs" variant="default" onClick={() => pools.send({ type: 'CLOSE' })}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}

function ConfirmRemoval({ view }: { view: PoolView }) {
  const pools = usePanelActor('poolEditor');
  const busy = usePanelSelector('poolEditor', selectIsPoolsBusy);
  const problem = usePanelSelector('poolEditor', selectPoolsProblem);
  return (
    <Stack gap="sm">
      <Text size="sm">
        Remove {view.pool.name}? Its shares leave every project's totals. The change is recorded in the
        ledger, so earlier reports stay explainable.
      </Text>
      <Group justify="flex-end" gap="xs">
        {problem ? (
          <Button size="xs" color="red" onClick={() => pools.send({ type: 'RETRY' })}>
            Try again
          </Button>
        ) : (
          <Button size="xs" color="red" loading={busy} onClick={() => pools.send({ type: 'CONFIRM' })}>
            Remove pool
          </Button>
        )}
        <Button size="xs" variant="default" disabled={busy} onClick={() => pools.send({ type: 'CANCEL' })}>
          Keep it
        </Button>
      </Group>
    </Stack>
  );
}

/** "Pool costs": opens the pools dialog in the display currency (a new pool's default). */
export function PoolCostsButton() {
  const pools = usePanelActor('poolEditor');
  const { currency } = useMoney();
  return (
    <Button size="xs" variant="default" onClick={() => pools.send({ type: 'OPEN', currency })}>
      Pool costs
    </Button>
  );
}

/**
 * The pools dialog: every pool with its shares per project (as the ledger computes them), and a form
 * to add or change one; a removal is confirmed first. Each change is one entry in the ledger.
 */
export function PoolCostsDialog() {
  const pools = usePanelActor('poolEditor');
  const open = usePanelSelector('poolEditor', selectIsPoolsOpen);
  const editing = usePanelSelector('poolEditor', selectIsEditingPool);
  const removing = usePanelSelector('poolEditor', selectPoolToRemove);
  const loading = usePanelSelector('poolEditor', (s) => s.matches('loading'));
  const failed = usePanelSelector('poolEditor', (s) => s.matches('failed'));
  const busy = usePanelSelector('poolEditor', selectIsPoolsBusy);
  const problem = usePanelSelector('poolEditor', selectPoolsProblem);
  const known = usePanelSelector('billingQuery', selectKnownTags);
  const close = () => pools.send({ type: 'CLOSE' });
  return (
    <Modal opened={open} onClose={busy ? () => {} : close} title="Pool costs" size="md">
      {loading && (
        <Group gap="xs" role="status" aria-label="Reading the pools">
          <Loader size="xs" />
          <Text size="sm">Reading the pools…</Text>
        </Group>
      )}
      {failed && (
        <Stack gap="sm">
          <Alert role="alert" color="red" p="xs" title="The pools could not be read">
            <Text size="xs">{problem}</Text>
          </Alert>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" onClick={() => pools.send({ type: 'RETRY' })}>
              Try again
            </Button>
            <Button size="xs" variant="default" onClick={close}>
              Close
            </Button>
          </Group>
        </Stack>
      )}
      {editing && <PoolForm projects={known.projects} />}
      {removing && <ConfirmRemoval view={removing} />}
      {!loading && !failed && !editing && !removing && open && <PoolList />}
    </Modal>
  );
}
