import { Group, NativeSelect } from '@mantine/core';
import { CURRENCIES, type Currency, sameTag } from '../../../domain/index.ts';
import { selectActiveClient, selectCurrency } from '../../../machines/billing/billing.selectors.ts';
import { useKnownTags } from './billing-data.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));

function asCurrency(value: string): Currency | undefined {
  return CURRENCIES.find((c) => c === value);
}

/** The `Currency` select (USD / EUR / SEK): sends SET_CURRENCY, and every amount follows. */
export function CurrencySelect() {
  const currency = usePanelSelector('billing', selectCurrency);
  const billing = usePanelActor('billing');
  return (
    <NativeSelect
      label="Currency"
      size="xs"
      w={88}
      data={CURRENCY_OPTIONS}
      value={currency}
      onChange={(e) => {
        const next = asCurrency(e.currentTarget.value);
        if (next) billing.send({ type: 'SET_CURRENCY', currency: next });
      }}
    />
  );
}

const ALL_CLIENTS = '';

/** `Filter by client`: all clients, or one (SELECT_CLIENT; the empty choice clears the filter). */
export function ClientFilter() {
  const { clients } = useKnownTags();
  const active = usePanelSelector('billing', selectActiveClient);
  const billing = usePanelActor('billing');
  if (clients.length === 0) return null;
  const data = [
    { value: ALL_CLIENTS, label: 'All clients' },
    ...clients.map((c) => ({ value: c, label: c })),
  ];
  return (
    <NativeSelect
      label="Filter by client"
      size="xs"
      miw={0}
      style={{ flex: '1 1 120px' }}
      data={data}
      value={clients.find((c) => active !== null && sameTag(c, active)) ?? ALL_CLIENTS}
      onChange={(e) => billing.send({ type: 'SELECT_CLIENT', client: e.currentTarget.value })}
    />
  );
}

/** The filter bar: currency and client, side by side, wrapping at 320 px. */
export function BillingFilters() {
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <CurrencySelect />
      <ClientFilter />
    </Group>
  );
}
