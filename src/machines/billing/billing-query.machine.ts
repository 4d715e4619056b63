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
}

/** Billing's filter, currency or page changed (reported by the panel's billing sensor). */
export type BillingViewEvent = { type: 'VIEW'; view: BillingViewWanted };
/** The ledger changed on disk (appended, acknowledged, reset): ask again for what is shown. */
export type LedgerChangedEvent = { type: 'LEDGER_CHANGED' };
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
  },
  delays: { retryDelay: ({ context }) => retryDelayMs(context.attempt) },
  actions: {
    assignWant: assign(({ event }) => {
      assertEvent(event, 'VIEW');
      return { want: event.view };
    }),
    markStale: assign({ stale: true }),
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
    fetching: {
      tags: 'loading',
      invoke: {
        id: 'fetchView',
        src: 'fetchView',
        input: ({ context }) => ({ ...context.want, visibleCount: pageLimit(context.want.visibleCount) }),
        onDone: { target: 'ready', actions: { type: 'assignView', params: ({ event }) => event.output } },
        onError: failed,
      },
    },
    /** "View more" asked for rows not fetched yet: the next page after the last one. */
    more: {
      tags: 'loading',
      invoke: {
        id: 'fetchRows',
        src: 'fetchRows',
        input: ({ context }) => ({
          filter: context.want.filter,
          currency: context.want.currency,
          cursor: context.nextCursor as string,
          limit: pageLimit(context.want.visibleCount - context.rows.length),
        }),
        onDone: { target: 'ready', actions: { type: 'appendRows', params: ({ event }) => event.output } },
        onError: failed,
      },
    },
    /** The backend's answer is shown; the unfiltered one is kept as the next start's first screen. */
    ready: {
      always: { guard: 'needsMore', target: 'more' },
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
