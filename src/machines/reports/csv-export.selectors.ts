import type { SnapshotFrom } from 'xstate';
import type { SavedReport } from '../../contract/index.ts';
import type { csvExportMachine } from './csv-export.machine.ts';

/** A CSV export snapshot, as `useSelector` passes it. */
export type CsvExportSnapshot = SnapshotFrom<typeof csvExportMachine>;

/** True while the backend writes the file. */
export const selectIsExporting = (s: CsvExportSnapshot): boolean => s.hasTag('busy');

/** The file written by the last export; null before, while writing and after a failure. */
export const selectSavedExport = (s: CsvExportSnapshot): SavedReport | null =>
  s.matches('saved') ? s.context.saved : null;

/** Why the last export failed; null unless it did. */
export const selectExportProblem = (s: CsvExportSnapshot): string | null =>
  s.hasTag('error') ? s.context.problem : null;
