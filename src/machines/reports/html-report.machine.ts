import { type ActorRefFrom, assertEvent, assign, setup } from 'xstate';
import type { SavedReport, SummaryQuery } from '../../contract/index.ts';
import { placeholderPromise } from '../generation/generation-placeholders.ts';
import { describeFailure } from '../persistence/persistence-ports.ts';

/** What the report dialog shows: the filters chosen, where the report went, or why it did not. */
export interface HtmlReportContext {
  /** The filters and currency the dialog opened with, then the ones the report was made of. */
  query: SummaryQuery | null;
  saved: SavedReport | null;
  problem: string | null;
}

export type HtmlReportEvent =
  /** Opens the dialog with Billing's filter and currency as the starting choice. */
  | { type: 'OPEN'; query: SummaryQuery }
  /** Makes the report of these filters (client, project, deliverable, from–to) in this currency. */
  | { type: 'CREATE'; query: SummaryQuery }
  | { type: 'RETRY' }
  /** Back to the filters after a report, to make another. */
  | { type: 'EDIT' }
  | { type: 'CLOSE' };

export type HtmlReportTag = 'busy' | 'error';

const htmlReportSetup = setup({
  types: { context: {} as HtmlReportContext, events: {} as HtmlReportEvent, tags: {} as HtmlReportTag },
  actors: {
    saveHtmlReport: placeholderPromise<SavedReport, SummaryQuery>('saveHtmlReport'),
  },
  actions: {
    assignQuery: assign(({ event }) => {
      assertEvent(event, ['OPEN', 'CREATE']);
      return { query: event.query, saved: null, problem: null };
    }),
    assignSaved: assign((_, saved: SavedReport) => ({ saved, problem: null })),
    assignProblem: assign((_, params: { error: unknown }) => ({ problem: describeFailure(params.error) })),
    clearOutcome: assign({ saved: null, problem: null }),
    clear: assign({ query: null, saved: null, problem: null }),
  },
});

/**
 * The HTML report (issue 13): a dialog to choose the filters (starting from Billing's), then the
 * backend renders the self-contained report from its read model and saves it under the data dir's
 * `reports/` (a CEP panel cannot download); the panel says where, or why not with Try again.
 * Nothing is recorded in the ledger.
 */
export const htmlReportMachine = htmlReportSetup.createMachine({
  id: 'htmlReport',
  context: { query: null, saved: null, problem: null },
  initial: 'closed',
  states: {
    closed: {
      on: { OPEN: { target: 'choosing', actions: 'assignQuery' } },
    },
    /** The filters: Create makes the report of what is chosen. */
    choosing: {
      on: {
        CREATE: { target: 'saving', actions: 'assignQuery' },
        CLOSE: { target: 'closed', actions: 'clear' },
      },
    },
    saving: {
      tags: 'busy',
      invoke: {
        id: 'saveHtmlReport',
        src: 'saveHtmlReport',
        input: ({ context }) => context.query as SummaryQuery,
        onDone: { target: 'saved', actions: { type: 'assignSaved', params: ({ event }) => event.output } },
        onError: {
          target: 'failed',
          actions: { type: 'assignProblem', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    saved: {
      on: {
        EDIT: { target: 'choosing', actions: 'clearOutcome' },
        CLOSE: { target: 'closed', actions: 'clear' },
      },
    },
    failed: {
      tags: 'error',
      on: {
        RETRY: 'saving',
        EDIT: { target: 'choosing', actions: 'clearOutcome' },
        CLOSE: { target: 'closed', actions: 'clear' },
      },
    },
  },
});

/** A running HTML report actor. */
export type HtmlReportActorRef = ActorRefFrom<typeof htmlReportMachine>;
