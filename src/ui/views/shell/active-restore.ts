import { PanelActorContext } from '../../actors/panel-context.ts';

/** What the user is told when saved Active generations were dropped: nothing billed is lost. */
export const ACTIVE_RESTORE_NOTICE = {
  title: 'Saved active generations could not be restored and were cleared',
  body: 'Finished costs are safe in the ledger (Billing). Runs that were still going are no longer followed here.',
} as const;

/**
 * Why the saved Active generations were not restored this session (they were discarded and their
 * stored key cleared), for the panel's notice; null when they were restored or there were none.
 */
export function useActiveRestoreProblem(): string | null {
  return PanelActorContext.useSelector((snapshot) => snapshot.context.restoreProblem);
}
