import { fromPromise } from 'xstate';
import type { RowsResponse } from '../../contract/index.ts';
import type { Currency } from '../../domain/index.ts';
import type { FirstScreen, FirstScreenPort, LedgerQueryPort } from './billing-query-ports.ts';
import type { BillingViewWanted, FetchedView, FetchRowsInput } from './billing-query.machine.ts';

/** What the billing query machine's I/O actors run over. */
export interface BillingQueryDeps {
  queries: LedgerQueryPort;
  firstScreen: FirstScreenPort;
}

/** The billing query machine's actors over the read-model port and the first-screen cache. */
export function defineBillingQueryActors({ queries, firstScreen }: BillingQueryDeps) {
  return {
    loadFirstScreen: fromPromise<FirstScreen | null, { currency: Currency }>(({ input }) =>
      firstScreen.load(input.currency),
    ),
    // A cache that cannot be written only loses the instant first paint next time: never an error here.
    saveFirstScreen: fromPromise<void, { currency: Currency; screen: FirstScreen | null }>(
      async ({ input }) => {
        if (input.screen) await firstScreen.save(input.currency, input.screen).catch(() => undefined);
      },
    ),
    fetchView: fromPromise<FetchedView, BillingViewWanted>(async ({ input }) => {
      const query = { ...input.filter, currency: input.currency };
      const [summary, rows] = await Promise.all([
        queries.summary(query),
        queries.rows({ ...query, limit: input.visibleCount }),
      ]);
      return { summary, rows };
    }),
    fetchRows: fromPromise<RowsResponse, FetchRowsInput>(({ input }) =>
      queries.rows({ ...input.filter, currency: input.currency, cursor: input.cursor, limit: input.limit }),
    ),
  };
}
