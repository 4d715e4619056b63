export { ConfirmCostDialog } from './ConfirmCostDialog.tsx';
export type { ConfirmCostDialogProps, ConfirmCostModel } from './ConfirmCostDialog.tsx';
