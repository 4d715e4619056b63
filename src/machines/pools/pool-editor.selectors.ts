import type { SnapshotFrom } from 'xstate';
import type { PoolView } from '../../contract/index.ts';
import type { poolEditorMachine } from './pool-editor.machine.ts';

export type PoolEditorSnapshot = SnapshotFrom<typeof poolEditorMachine>;

/** True while the pools dialog is open. */
export const selectIsPoolsOpen = (s: PoolEditorSnapshot) => !s.matches('closed');
/** The pools with their shares, as last read. */
export const selectPools = (s: PoolEditorSnapshot): PoolView[] => s.context.pools;
/** True while the form is shown (also while it is being recorded or after that failed). */
export const selectIsEditingPool = (s: PoolEditorSnapshot) =>
  s.matches('editing') || s.matches('saving') || s.matches('saveFailed');
/** The pool waiting for the removal to be confirmed (also while it is removed). */
export const selectPoolToRemove = (s: PoolEditorSnapshot): PoolView | null =>
  s.matches('confirmingRemoval') || s.matches('removing') || s.matches('removeFailed')
    ? (s.context.pools.find((v) => v.pool.poolId === s.context.removingId) ?? null)
    : null;
export const selectIsPoolsBusy = (s: PoolEditorSnapshot) => s.hasTag('busy');
/** Why the list could not be read, or a change not recorded. */
export const selectPoolsProblem = (s: PoolEditorSnapshot) => (s.hasTag('error') ? s.context.problem : null);
