/**
 * The ledger's read model (ARCHITECTURE.md § Ledger, issue 12): the journal folded once and on each
 * append, asked for pages of rows, totals and breakdowns, tags and the working set. Pure TypeScript
 * over src/domain: the backend serves it over HTTP, the CLI and reports use it in process.
 */
export { isLedgerCursorError, LedgerCursorError } from './cursor.ts';
export { dualPartnersFor } from './dual-partners.ts';
export { createLedgerView, type LedgerView } from './ledger-view.ts';
export { everyRow } from './every-row.ts';
