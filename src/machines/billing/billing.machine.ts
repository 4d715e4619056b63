import { type ActorRefFrom, assertEvent, assign, setup } from 'xstate';
import { type Currency, normaliseTag, sameTag } from '../../domain/index.ts';

/** Rows shown before any "View more" and after "Hide" (seed: 4 rows first). */
export const BILLING_PAGE_SIZE = 4;

/** Rows each "View more" adds (seed: View more adds 10). */
export const BILLING_PAGE_STEP = 10;

/**
 * The Billing view's row filter. `null` means "all"; a set value is a tag as the user clicked it
 * (compared case-insensitively with `sameTag`, so "Acme" and " acme " are one filter).
 */
export interface BillingFilter {
  client: string | null;
  project: string | null;
}

/** Billing view state: filter, how many rows are visible (≥ 4, grows by 10) and the display currency. */
export interface BillingContext {
  filter: BillingFilter;
  /** Number of rows the list shows; BILLING_PAGE_SIZE + n × BILLING_PAGE_STEP, never below 4. */
  visibleCount: number;
  currency: Currency;
}

/** Clicking a project chip: sets the filter, or clears it when the chip is already the active one. */
export type SelectProjectEvent = { type: 'SELECT_PROJECT'; project: string };
/** Picking a client: sets the client filter, or clears it when it is already the active one. */
export type SelectClientEvent = { type: 'SELECT_CLIENT'; client: string };
/** The "All" chip: clears both client and project filters. */
export type ClearFilterEvent = { type: 'CLEAR_FILTER' };
/** "View more": 10 more rows. */
export type ViewMoreEvent = { type: 'VIEW_MORE' };
/** "Hide": back to 4 rows. */
export type HideEvent = { type: 'HIDE' };
/** The Currency select: every amount in the panel is shown in this currency. */
export type SetCurrencyEvent = { type: 'SET_CURRENCY'; currency: Currency };

/** Every event the billing machine accepts. */
export type BillingEvent =
  SelectProjectEvent | SelectClientEvent | ClearFilterEvent | ViewMoreEvent | HideEvent | SetCurrencyEvent;

/** Start-up values: the display currency saved in Settings and, optionally, a filter to restore. */
export interface BillingInput {
  currency?: Currency;
  filter?: Partial<BillingFilter>;
}

/** A toggle: the clicked tag, or null when it is the active one (click again clears). Empty clears. */
function toggleTag(active: string | null, clicked: string): string | null {
  const tag = normaliseTag(clicked);
  if (tag === '' || (active !== null && sameTag(active, tag))) return null;
  return tag;
}

function nullableTag(value: string | null | undefined): string | null {
  const tag = normaliseTag(value ?? '');
  return tag === '' ? null : tag;
}

const billingSetup = setup({
  types: {
    context: {} as BillingContext,
    events: {} as BillingEvent,
    input: {} as BillingInput | undefined,
  },
  actions: {
    toggleProject: assign(({ context, event }) => {
      assertEvent(event, 'SELECT_PROJECT');
      return { filter: { ...context.filter, project: toggleTag(context.filter.project, event.project) } };
    }),
    toggleClient: assign(({ context, event }) => {
      assertEvent(event, 'SELECT_CLIENT');
      return { filter: { ...context.filter, client: toggleTag(context.filter.client, event.client) } };
    }),
    clearFilter: assign({ filter: { client: null, project: null } }),
    resetPage: assign({ visibleCount: BILLING_PAGE_SIZE }),
    addPage: assign({ visibleCount: ({ context }) => context.visibleCount + BILLING_PAGE_STEP }),
    assignCurrency: assign({
      currency: ({ event }) => {
        assertEvent(event, 'SET_CURRENCY');
        return event.currency;
      },
    }),
  },
});

/**
 * The Billing view's state (issue 6): project / client filter, page size (4 → +10 → Hide back to 4; any
 * filter change returns to 4) and display currency. Pure: rows and totals come from `src/domain`.
 */
export const billingMachine = billingSetup.createMachine({
  id: 'billing',
  context: ({ input }) => ({
    // Input is optional: a Provider without options must not crash the Billing tab.
    filter: { client: nullableTag(input?.filter?.client), project: nullableTag(input?.filter?.project) },
    visibleCount: BILLING_PAGE_SIZE,
    currency: input?.currency ?? 'USD',
  }),
  initial: 'collapsed',
  on: {
    // A filter change always goes back to the first 4 rows (seed: "a filter change returns to 4").
    SELECT_PROJECT: { target: '.collapsed', actions: ['toggleProject', 'resetPage'] },
    SELECT_CLIENT: { target: '.collapsed', actions: ['toggleClient', 'resetPage'] },
    CLEAR_FILTER: { target: '.collapsed', actions: ['clearFilter', 'resetPage'] },
    SET_CURRENCY: { actions: 'assignCurrency' },
  },
  states: {
    collapsed: {
      on: { VIEW_MORE: { target: 'expanded', actions: 'addPage' } },
    },
    expanded: {
      on: {
        VIEW_MORE: { actions: 'addPage' },
        HIDE: { target: 'collapsed', actions: 'resetPage' },
      },
    },
  },
});

/** A running billing machine, as views receive it. */
export type BillingActorRef = ActorRefFrom<typeof billingMachine>;
