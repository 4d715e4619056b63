/**
 * The systemIds of the panel's children, which other actors reach with `system.get(id)`: one list, so
 * two actors can never claim the same id.
 */
export const SYSTEM_IDS = {
  /** The ledger in cache and on disk: runs record through it, a reset is announced to it. */
  persistence: 'persistence',
  /** Fal key, Sandbox mode, rates, thresholds, windows. */
  settings: 'settings',
  /** Billing's filter, page and display currency. */
  billing: 'billing',
  /** Billing's rows, totals and tags, asked of the backend's read model. */
  billingQuery: 'billingQuery',
  /** The typed-DELETE reset. */
  reset: 'reset',
  /** Billing's CSV export, written by the backend under the data dir's reports/. */
  csvExport: 'csvExport',
  /** The HTML report, rendered and saved by the backend under the data dir's reports/. */
  htmlReport: 'htmlReport',
  /** The external-cost import: preview, then one `external.imported` event. */
  externalImport: 'externalImport',
  /** Pool costs: the list with shares, and one `pool.*` event per change. */
  poolEditor: 'poolEditor',
  /** Every generation and Dual Mode pair, and the Generate form's draft. */
  activeGenerations: 'activeGenerations',
  /** Re-reads unsettled results. */
  settlement: 'settlement',
} as const;
