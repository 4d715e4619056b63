/**
 * The ledger writer both halves of a run share (generation-run and generation-fetch): one long-lived
 * `recordLedger` child takes every fact; a write it cannot do lands in `ledgerError` through the
 * `assignLedgerError` action, so the run goes on and the view can say so, and nothing is thrown.
 */
export const ledgerWriterInvoke = {
  id: 'ledger',
  src: 'recordLedger',
  input: {},
  onError: {
    actions: {
      type: 'assignLedgerError',
      params: ({ event }: { event: { error: unknown } }) => ({ message: String(event.error) }),
    },
  },
} as const;

/** The writer's own report of a failed write (`LEDGER_FAILED { message }`), kept like an invoke error. */
export const ledgerFailedHandlers = {
  LEDGER_FAILED: {
    actions: {
      type: 'assignLedgerError',
      params: ({ event }: { event: { message: string } }) => ({ message: event.message }),
    },
  },
} as const;
