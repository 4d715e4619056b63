import { type ActorRefFrom, assertEvent, assign, setup } from 'xstate';
import type { SavedReport, SummaryQuery } from '../../contract/index.ts';
import { placeholderPromise } from '../generation/generation-placeholders.ts';
import { describeFailure } from '../persistence/persistence-ports.ts';

/** What the export shows: the query of the last export, and where it went or why it did not. */
export interface CsvExportContext {
  /** The filter and currency of the export running or last run; null before the first. */
  query: SummaryQuery | null;
  saved: SavedReport | null;
  problem: string | null;
}

/** "Export CSV": Billing's filter and display currency, as shown when clicked. */
export type CsvExportEvent =
  { type: 'EXPORT'; query: SummaryQuery } | { type: 'DISMISS' } | { type: 'RETRY' };

/** `busy` while the backend writes the file, `error` after it could not. */
export type CsvExportTag = 'busy' | 'error';

const csvExportSetup = setup({
  types: {
    context: {} as CsvExportContext,
    events: {} as CsvExportEvent,
    tags: {} as CsvExportTag,
  },
  actors: {
    saveCostCsv: placeholderPromise<SavedReport, SummaryQuery>('saveCostCsv'),
  },
  actions: {
    assignQuery: assign(({ event }) => {
      assertEvent(event, 'EXPORT');
      return { query: event.query, saved: null, problem: null };
    }),
    assignSaved: assign((_, saved: SavedReport) => ({ saved, problem: null })),
    assignProblem: assign((_, params: { error: unknown }) => ({ problem: describeFailure(params.error) })),
    clear: assign({ saved: null, problem: null }),
  },
});

/**
 * Billing's CSV export (issue 13): the backend writes the cost CSV of the filter and currency shown
 * under the data dir's `reports/` (a CEP panel cannot download), and the panel says where, or why it
 * could not and offers to try again. Nothing is recorded in the ledger.
 */
export const csvExportMachine = csvExportSetup.createMachine({
  id: 'csvExport',
  context: { query: null, saved: null, problem: null },
  initial: 'idle',
  states: {
    idle: {
      on: { EXPORT: { target: 'saving', actions: 'assignQuery' } },
    },
    saving: {
      tags: 'busy',
      invoke: {
        id: 'saveCostCsv',
        src: 'saveCostCsv',
        input: ({ context }) => context.query as SummaryQuery,
        onDone: { target: 'saved', actions: { type: 'assignSaved', params: ({ event }) => event.output } },
        onError: {
          target: 'failed',
          actions: { type: 'assignProblem', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    /** The file is written: its path and row count are shown until dismissed or exported again. */
    saved: {
      on: {
        EXPORT: { target: 'saving', actions: 'assignQuery' },
        DISMISS: { target: 'idle', actions: 'clear' },
      },
    },
    failed: {
      tags: 'error',
      on: {
        EXPORT: { target: 'saving', actions: 'assignQuery' },
        RETRY: 'saving',
        DISMISS: { target: 'idle', actions: 'clear' },
      },
    },
  },
});

/** A running CSV export actor. */
export type CsvExportActorRef = ActorRefFrom<typeof csvExportMachine>;
