export { ResetDialog } from './ResetDialog.tsx';
export type { ResetDialogProps, ResetViewState } from './ResetDialog.tsx';
