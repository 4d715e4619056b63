import { type ActorRefFrom, assertEvent, assign, fromPromise, setup } from 'xstate';
import {
  MAX_PAGE_ROWS,
  type RowsResponse,
  type SummaryResponse,
  type ViewRow,
} from '../../contract/index.ts';
import type { CostFilter, Currency } from '../../domain/index.ts';
import { placeholderPromise } from '../generation/generation-placeholders.ts';
import { describeFailure, isRetryableFailure } from '../persistence/persistence-ports.ts';
import { retryDelayMs } from '../persistence/synced-ledger.ts';
import type { FirstScreen } from './billing-query-ports.ts';

/** What Billing shows now: its filter, display currency and how many rows (from the billing machine). */
export interface BillingViewWanted {
  filter: CostFilter;
  currency: Currency;
  visibleCount: number;
}

/** The answers shown: the summary, the rows fetched so far (newest first) and where the next page starts. */
export interface BillingQueryContext {
  want: BillingViewWanted;
  summary: SummaryResponse | null;
  rows: ViewRow[];
  nextCursor: string | null;
  /** Rows matching the filter in all; null before any answer. */
  matching: number | null;
  /** True while what is shown is not the backend's answer for `want` (the cache, an older filter). */
  stale: boolean;
  /** Why the backend could not answer; null once it does. */
  problem: string | null;
  attempt: number;
  /** The ledger changed while an answer was on its way: ask once more when it lands. */
  changed: boolean;
}

/** Billing's filter, currency or page changed (reported by the panel's billing sensor). */
export type BillingViewEvent = { type: 'VIEW'; view: BillingViewWanted };
/**
 * The ledger changed on disk (appended, acknowledged, reset): ask again for what is shown. `reset`:
 * the history was deleted, so nothing shown holds any more and no wait is worth it.
 */
export type LedgerChangedEvent = { type: 'LEDGER_CHANGED'; reset?: boolean };
/** The Retry button after the backend refused. */
export type BillingQueryRetryEvent = { type: 'RETRY' };
export type BillingQueryEvent = BillingViewEvent | LedgerChangedEvent | BillingQueryRetryEvent;

/** Output of `fetchView`: the summary and the first page for the wanted view. */
export interface FetchedView {
  summary: SummaryResponse;
  rows: RowsResponse;
}
/** Input of `fetchRows`: the next page after `cursor`. */
export interface FetchRowsInput {
  filter: CostFilter;
  currency: Currency;
  cursor: string;
  limit: number;
}

export type BillingQueryTag = 'loading' | 'stale' | 'offline';

/**
 * How long a shown answer waits after a ledger change before asking again: the changes of that
 * moment (a Dual pair, a settlement run, an import) become one request and one redraw.
 */
export const CHANGE_DELAY_MS = 150;

const isUnfiltered = (filter: CostFilter) => Object.keys(filter).length === 0;

function sameFilter(a: CostFilter, b: CostFilter): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof CostFilter>;
  return [...keys].every((key) => a[key] === b[key]);
}

const pageLimit = (count: number) => Math.max(1, Math.min(count, MAX_PAGE_ROWS));

const billingQuerySetup = setup({
  types: {
    context: {} as BillingQueryContext,
    events: {} as BillingQueryEvent,
    input: {} as { want?: Partial<BillingViewWanted> } | undefined,
    tags: {} as BillingQueryTag,
  },
  actors: {
    loadFirstScreen: placeholderPromise<FirstScreen | null, { currency: Currency }>('loadFirstScreen'),
    saveFirstScreen: fromPromise<void, { currency: Currency; screen: FirstScreen | null }>(async () => {}),
    fetchView: placeholderPromise<FetchedView, BillingViewWanted>('fetchView'),
    fetchRows: placeholderPromise<RowsResponse, FetchRowsInput>('fetchRows'),
  },
  guards: {
    isSameQuery: ({ context, event }) => {
      assertEvent(event, 'VIEW');
      return (
        event.view.currency === context.want.currency && sameFilter(event.view.filter, context.want.filter)
      );
    },
    needsMore: ({ context }) =>
      context.nextCursor !== null && context.rows.length < context.want.visibleCount,
    isRetryable: (_, params: { error: unknown }) => isRetryableFailure(params.error),
    isUnfiltered: ({ context }) => isUnfiltered(context.want.filter),
    changedMeanwhile: ({ context }) => context.changed,
    isReset: ({ event }) => event.type === 'LEDGER_CHANGED' && event.reset === true,
  },
  delays: { retryDelay: ({ context }) => retryDelayMs(context.attempt), changeDelay: CHANGE_DELAY_MS },
  actions: {
    assignWant: assign(({ event }) => {
      assertEvent(event, 'VIEW');
      return { want: event.view };
    }),
    markStale: assign({ stale: true }),
    markChanged: assign({ changed: true }),
    clearChanged: assign({ changed: false }),
    assignCached: assign((_, params: { screen: FirstScreen | null }) =>
      params.screen
        ? {
            summary: params.screen.summary,
            rows: params.screen.rows.rows,
            nextCursor: params.screen.rows.nextCursor,
            matching: params.screen.rows.matching,
            stale: true,
          }
        : {},
    ),
    assignView: assign((_, params: FetchedView) => ({
      summary: params.summary,
      rows: params.rows.rows,
      nextCursor: params.rows.nextCursor,
      matching: params.rows.matching,
      stale: false,
      problem: null,
      attempt: 0,
    })),
    appendRows: assign(({ context }, params: RowsResponse) => ({
      rows: [...context.rows, ...params.rows],
      nextCursor: params.nextCursor,
      matching: params.matching,
      problem: null,
      attempt: 0,
    })),
    assignProblem: assign(({ context }, params: { error: unknown }) => ({
      problem: describeFailure(params.error),
      attempt: context.attempt + 1,
    })),
  },
});

const failureParams = ({ event }: { event: { error: unknown } }) => ({ error: event.error });
const failed = [
  {
    guard: { type: 'isRetryable', params: failureParams },
    target: 'waiting',
    actions: { type: 'assignProblem', params: failureParams },
  },
  { target: 'failed', actions: { type: 'assignProblem', params: failureParams } },
] as const;

/**
 * Billing's data from the backend's read model (issue 12): the unfiltered first screen from the
 * cache at once (stale), then the summary and first page for the wanted filter and currency, further
 * pages by cursor as "View more" asks, and everything again when the ledger changes on disk. The
 * panel never folds the journal: this is all it knows of the history.
 */
export const billingQueryMachine = billingQuerySetup.createMachine({
  id: 'billingQuery',
  context: ({ input }) => ({
    want: {
      filter: input?.want?.filter ?? {},
      currency: input?.want?.currency ?? 'USD',
      visibleCount: input?.want?.visibleCount ?? 4,
    },
    summary: null,
    rows: [],
    nextCursor: null,
    matching: null,
    stale: true,
    problem: null,
    attempt: 0,
    changed: false,
  }),
  on: {
    VIEW: [
      { guard: 'isSameQuery', actions: 'assignWant' },
      { target: '.fetching', reenter: true, actions: ['assignWant', 'markStale'] },
    ],
    LEDGER_CHANGED: { target: '.fetching', reenter: true },
  },
  initial: 'cache',
  states: {
    /** The first screen the cache kept for this currency, drawn before the backend answers. */
    cache: {
      tags: ['loading', 'stale'],
      // The backend is asked next anyway, after the change: drawing the cached screen first still pays.
      on: { LEDGER_CHANGED: {} },
      invoke: {
        id: 'loadFirstScreen',
        src: 'loadFirstScreen',
        input: ({ context }) => ({ currency: context.want.currency }),
        onDone: [
          {
            guard: 'isUnfiltered',
            target: 'fetching',
            actions: { type: 'assignCached', params: ({ event }) => ({ screen: event.output }) },
          },
          { target: 'fetching' },
        ],
        onError: 'fetching',
      },
    },
    /**
     * Asks for the summary and first page of what is wanted. A ledger change meanwhile does not cancel
     * the answer on its way (a stream of settlements would starve the view): it is shown, marked
     * stale, and asked for once more.
     */
    fetching: {
      tags: 'loading',
      entry: 'clearChanged',
      on: { LEDGER_CHANGED: { actions: 'markChanged' } },
      invoke: {
        id: 'fetchView',
        src: 'fetchView',
        input: ({ context }) => ({ ...context.want, visibleCount: pageLimit(context.want.visibleCount) }),
        onDone: [
          {
            guard: 'changedMeanwhile',
            target: 'fetching',
            reenter: true,
            actions: [{ type: 'assignView', params: ({ event }) => event.output }, 'markStale'],
          },
          { target: 'ready', actions: { type: 'assignView', params: ({ event }) => event.output } },
        ],
        onError: failed,
      },
    },
    /** "View more" asked for rows not fetched yet: the next page after the last one. */
    more: {
      tags: 'loading',
      entry: 'clearChanged',
      on: { LEDGER_CHANGED: { actions: 'markChanged' } },
      invoke: {
        id: 'fetchRows',
        src: 'fetchRows',
        input: ({ context }) => ({
          filter: context.want.filter,
          currency: context.want.currency,
          cursor: context.nextCursor as string,
          limit: pageLimit(context.want.visibleCount - context.rows.length),
        }),
        onDone: [
          {
            guard: 'changedMeanwhile',
            target: 'fetching',
            actions: [{ type: 'appendRows', params: ({ event }) => event.output }, 'markStale'],
          },
          { target: 'ready', actions: { type: 'appendRows', params: ({ event }) => event.output } },
        ],
        onError: failed,
      },
    },
    /** The backend's answer is shown; the unfiltered one is kept as the next start's first screen. */
    ready: {
      always: { guard: 'needsMore', target: 'more' },
      on: { LEDGER_CHANGED: [{ guard: 'isReset', target: 'fetching' }, { target: 'due' }] },
      invoke: {
        id: 'saveFirstScreen',
        src: 'saveFirstScreen',
        input: ({ context }) => ({
          currency: context.want.currency,
          screen:
            isUnfiltered(context.want.filter) && context.summary
              ? {
                  summary: context.summary,
                  rows: {
                    rows: context.rows,
                    nextCursor: context.nextCursor,
                    matching: context.matching ?? context.rows.length,
                    version: context.summary.version,
                  },
                }
              : null,
        }),
      },
    },
    /** The ledger changed under the answer shown: asked again after CHANGE_DELAY_MS, with what else changed. */
    due: {
      // What is shown is known to be outdated: the list says aria-busy (and "Updating…" if slow).
      entry: 'markStale',
      on: { LEDGER_CHANGED: [{ guard: 'isReset', target: 'fetching' }, {}] },
      after: { changeDelay: 'fetching' },
    },
    /** The backend is away or still loading: ask again after 1 s, 2 s, 4 s … 30 s. */
    waiting: {
      tags: ['offline', 'stale'],
      after: { retryDelay: 'fetching' },
      on: { RETRY: 'fetching' },
    },
    failed: {
      tags: 'stale',
      on: { RETRY: 'fetching' },
    },
  },
});

/** A running billing query actor. */
export type BillingQueryActorRef = ActorRefFrom<typeof billingQueryMachine>;
