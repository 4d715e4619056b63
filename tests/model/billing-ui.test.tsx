// @vitest-environment jsdom
import '../setup/dom.ts';
import { screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { createTestModel } from 'xstate/graph';
import {
  CURRENCIES,
  DEFAULT_FX,
  foldLedger,
  formatUsdIn,
  listRows,
  sameTag,
  totals,
} from '../../src/domain/index.ts';
import {
  type BillingEvent,
  billingMachine,
  type SelectClientEvent,
  type SelectProjectEvent,
  type SetCurrencyEvent,
} from '../../src/machines/billing/billing.machine.ts';
import {
  type BillingSnapshot,
  selectCanHide,
  selectCanViewMore,
  selectCostFilter,
  selectIsFiltered,
  selectShownCount,
} from '../../src/machines/billing/billing.selectors.ts';
import { generationsLedger } from '../../stories/fixtures/billing-ledgers.ts';
import { savedLedgerState } from '../../stories/fixtures/billing-states.ts';
import { projectChip, renderBilling, runningTotal, visibleRows } from '../dom/billing/render-billing.tsx';

/**
 * The billing machine's test model drives the real BillingView: every shortest path renders a fresh
 * view over 14 generations, performs each event as the user would (chips, selects, buttons) and, in
 * every state reached, checks what the user sees against the machine's snapshot.
 */

const EVENTS = generationsLedger(14);
const LEDGER = foldLedger(EVENTS);

const MODEL_EVENTS: BillingEvent[] = [
  { type: 'SELECT_PROJECT', project: 'Hero Film' },
  { type: 'SELECT_PROJECT', project: 'BTS Reel' },
  { type: 'SELECT_CLIENT', client: 'Globex' },
  { type: 'SELECT_CLIENT', client: '' },
  { type: 'CLEAR_FILTER' },
  { type: 'VIEW_MORE' },
  { type: 'HIDE' },
  ...CURRENCIES.map((currency): SetCurrencyEvent => ({ type: 'SET_CURRENCY', currency })),
];

function matchingRows(snapshot: BillingSnapshot): number {
  return listRows(LEDGER, selectCostFilter(snapshot)).length;
}

/** Only what a user can do on screen: hidden buttons can't be clicked, a select only fires on change. */
function canPerform(snapshot: BillingSnapshot, event: BillingEvent): boolean {
  const { filter, currency } = snapshot.context;
  switch (event.type) {
    case 'VIEW_MORE':
      return selectCanViewMore(snapshot, matchingRows(snapshot));
    case 'HIDE':
      return selectCanHide(snapshot);
    case 'SELECT_CLIENT':
      return event.client === ''
        ? filter.client !== null
        : filter.client === null || !sameTag(filter.client, event.client);
    case 'SET_CURRENCY':
      return event.currency !== currency;
    default:
      return true;
  }
}

const model = createTestModel(billingMachine, {
  input: {},
  events: MODEL_EVENTS,
  filterEvents: canPerform,
  // One path per state (filter × page × currency), not per transition: each path renders a fresh view.
  serializeTransition: () => '',
});

const SYMBOL = { USD: /^\$[\d,]+\.\d\d/, EUR: /^€[\d,]+\.\d\d/, SEK: /^[\d,]+\.\d kr/ };

function assertSees(snapshot: BillingSnapshot): void {
  const total = matchingRows(snapshot);
  const shown = selectShownCount(snapshot, total);
  const { currency, filter } = snapshot.context;
  expect(visibleRows()).toHaveLength(shown);
  expect(screen.getByText(`Showing ${shown} of ${total}`)).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'View more' }) !== null).toBe(
    selectCanViewMore(snapshot, total),
  );
  expect(screen.queryByRole('button', { name: 'Hide' }) !== null).toBe(selectCanHide(snapshot));
  expect(projectChip('All').getAttribute('aria-pressed')).toBe(String(!selectIsFiltered(snapshot)));
  for (const project of ['Hero Film', 'BTS Reel', 'Social Cut']) {
    const pressed = filter.project !== null && sameTag(filter.project, project);
    expect(projectChip(project).getAttribute('aria-pressed')).toBe(String(pressed));
  }
  for (const row of visibleRows()) {
    if (filter.project) expect(row.textContent).toContain(filter.project);
    if (filter.client) expect(row.textContent).toContain(filter.client);
  }
  const expected = totals(LEDGER, selectCostFilter(snapshot)).combinedUsdMicros;
  const amount = within(screen.getByRole('group', { name: 'Combined' })).getByText(SYMBOL[currency]);
  expect(amount.textContent).toBe(formatUsdIn(expected, currency, DEFAULT_FX));
  expect(runningTotal()).toContain(formatUsdIn(expected, currency, DEFAULT_FX));
  expect((screen.getByRole('combobox', { name: 'Currency' }) as HTMLSelectElement).value).toBe(currency);
}

/** The user of the path being run (a fresh user-event session per path). */
const session: { user: UserEvent } = { user: userEvent.setup() };
const click = (name: string) => session.user.click(screen.getByRole('button', { name }));
type Step = { event: { type: string } };

/** Each billing event performed as a user action. */
const EXECUTORS = {
  SELECT_PROJECT: async ({ event }: Step) =>
    session.user.click(projectChip((event as SelectProjectEvent).project)),
  SELECT_CLIENT: async ({ event }: Step) => {
    const client = (event as SelectClientEvent).client;
    const select = screen.getByRole('combobox', { name: 'Filter by client' });
    await session.user.selectOptions(select, client === '' ? 'All clients' : client);
  },
  CLEAR_FILTER: async () => session.user.click(projectChip('All')),
  VIEW_MORE: async () => click('View more'),
  HIDE: async () => click('Hide'),
  SET_CURRENCY: async ({ event }: Step) =>
    session.user.selectOptions(
      screen.getByRole('combobox', { name: 'Currency' }),
      (event as SetCurrencyEvent).currency,
    ),
};

const paths = model.getShortestPaths();
const INITIAL = createActor(billingMachine, { input: {} }).getSnapshot();

describe('Billing view driven by the billing test model', () => {
  test('the paths reach every state node and every (filter, page, currency) state', () => {
    const states = paths.flatMap((p) => p.steps.map((s) => s.state));
    expect([...new Set(states.map((s) => s.value))].sort()).toEqual(
      Object.keys(billingMachine.root.states).sort(),
    );
    // 6 filters × 3 currencies, plus the 3 filters with more than 4 rows expanded × 3 currencies.
    expect(new Set(states.map((s) => JSON.stringify([s.value, s.context]))).size).toBe(27);
  });

  for (const path of paths) {
    test(path.description, async () => {
      session.user = userEvent.setup({ delay: null });
      await renderBilling({ persistence: { state: savedLedgerState(EVENTS) } });
      assertSees(INITIAL);
      await path.test({ events: EXECUTORS, states: { '*': assertSees } });
    });
  }
});
