import type { SnapshotFrom } from 'xstate';
import type { ExternalPreviewResponse } from '../../contract/index.ts';
import type { externalImportMachine } from './external-import.machine.ts';

export type ExternalImportSnapshot = SnapshotFrom<typeof externalImportMachine>;

/** The dialog's step. */
export const selectImportStep = (s: ExternalImportSnapshot) => s.value;
/** True while the dialog is open (any step but idle). */
export const selectIsImportOpen = (s: ExternalImportSnapshot) => !s.matches('idle');
/** The preview shown (also while recording it, and after). */
export const selectImportPreview = (s: ExternalImportSnapshot): ExternalPreviewResponse | null =>
  s.context.preview;
/** True when Import would record something. */
export const selectCanCommitImport = (s: ExternalImportSnapshot) => s.can({ type: 'COMMIT' });
/** Rows the import recorded, once on disk. */
export const selectImportedRows = (s: ExternalImportSnapshot) =>
  s.matches('imported') ? s.context.recorded : null;
/** Why the preview or the recording failed. */
export const selectImportProblem = (s: ExternalImportSnapshot) =>
  s.hasTag('error') ? s.context.problem : null;
export const selectIsImportBusy = (s: ExternalImportSnapshot) => s.hasTag('busy');
/** True when Try again would ask once more (the preview or the recording failed, not the file). */
export const selectCanRetryImport = (s: ExternalImportSnapshot) => s.can({ type: 'RETRY' });
