/** The Generate view and its parts (they read the Active generations actor and GenerateFormContext). */
export { ConfirmStep, DualConfirmStep } from './ConfirmStep.tsx';
export type { ConfirmStepProps, DualConfirmStepProps } from './ConfirmStep.tsx';
export { CostEstimate } from './CostEstimate.tsx';
export type { CostEstimateProps } from './CostEstimate.tsx';
export { DualForm } from './DualForm.tsx';
export type { DualFormProps } from './DualForm.tsx';
export { DualModeSection } from './DualModeSection.tsx';
export type { DualModeSectionProps, SecondSlotView } from './DualModeSection.tsx';
export { draftEvent, fieldsOf, firstFields, nextDraftEvent, switchedFields } from './draft.ts';
export type { DraftFields } from './draft.ts';
export { useDraftKeeper, useDualModeSwitch, useEntryFree, useFormEntry } from './form-entry.ts';
export { GenerateButton } from './GenerateButton.tsx';
export type { GenerateButtonProps } from './GenerateButton.tsx';
export { GenerateView } from './GenerateView.tsx';
export {
  isEntryFree,
  isPairForegroundBusy,
  selectDualPrompt,
  selectDualTags,
  selectFormEntry,
  selectIsConfirming,
  selectIsEditable,
  selectIsForegroundBusy,
  selectModel,
  selectParams,
  selectPrompt,
  selectSlotEstimates,
  selectSlots,
  selectTags,
} from './generate-selectors.ts';
export { sameSamples, selectLearnedSamples, useForwardLearned, useLearnedRuns } from './learned-runs.ts';
export { ModelPicker } from './ModelPicker.tsx';
export type { ModelPickerProps } from './ModelPicker.tsx';
export { ParamControls } from './ParamControls.tsx';
export type { ParamControlsProps } from './ParamControls.tsx';
export { categoryLabel, paramLabel, promptParamOf } from './param-labels.ts';
export { PromptField } from './PromptField.tsx';
export type { PromptFieldProps } from './PromptField.tsx';
export { RunStatus } from './RunStatus.tsx';
export type { RunStatusProps } from './RunStatus.tsx';
export { SingleForm } from './SingleForm.tsx';
export type { SingleFormProps } from './SingleForm.tsx';
export { TagFields, useKnownTagNames } from './TagFields.tsx';
export type { TagFieldsProps } from './TagFields.tsx';
