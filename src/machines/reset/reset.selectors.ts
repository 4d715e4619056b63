import type { SnapshotFrom } from 'xstate';
import type { resetMachine } from './reset.machine.ts';

/** A reset machine snapshot, as `useSelector` passes it. */
export type ResetSnapshot = SnapshotFrom<typeof resetMachine>;

/** The visible step of the typed-DELETE modal. */
export type ResetStep = 'idle' | 'typing' | 'armed' | 'resetting' | 'done' | 'failed';

/** Which step the modal is in (closed when `idle`). */
export function selectResetStep(snapshot: ResetSnapshot): ResetStep {
  return snapshot.value;
}

/** True while the modal is open (any step but idle). */
export function selectIsResetOpen(snapshot: ResetSnapshot): boolean {
  return !snapshot.matches('idle');
}

/** The textbox content, exactly as typed. */
export function selectResetText(snapshot: ResetSnapshot): string {
  return snapshot.context.text;
}

/** True when "Delete cost history" is enabled: the text is exactly DELETE. */
export function selectCanConfirmReset(snapshot: ResetSnapshot): boolean {
  return snapshot.can({ type: 'CONFIRM' });
}

/** Where the backup went, once done; null before. */
export function selectBackupPath(snapshot: ResetSnapshot): string | null {
  return snapshot.context.backupPath;
}

/** Why the reset failed (nothing was deleted), or null. */
export function selectResetFailure(snapshot: ResetSnapshot): string | null {
  return snapshot.context.reason;
}
