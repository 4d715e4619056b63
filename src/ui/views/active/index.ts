/** The Active generations panel and its parts (they read ActiveGenerationsActorContext). */
export { ActiveGenerationRow } from './ActiveGenerationRow.tsx';
export type { ActiveGenerationRowProps } from './ActiveGenerationRow.tsx';
export { ActiveGenerations } from './ActiveGenerations.tsx';
export { ActiveHeader } from './ActiveHeader.tsx';
export type { ActiveHeaderProps } from './ActiveHeader.tsx';
export { Chevron } from './Chevron.tsx';
export type { ChevronProps } from './Chevron.tsx';
export { ActiveNotices } from './ActiveNotices.tsx';
export { sameRows, selectHasNoRows, selectRetryConfirming, selectVisibleRows } from './active-selectors.ts';
export { RowActions } from './RowActions.tsx';
export type { RowActionsProps } from './RowActions.tsx';
export { RowDetails } from './RowDetails.tsx';
export type { RowDetailsProps } from './RowDetails.tsx';
export { RowFailure } from './RowFailure.tsx';
export { RowHeader } from './RowHeader.tsx';
export type { RowHeaderProps } from './RowHeader.tsx';
export type { RowFailureProps } from './RowFailure.tsx';
export { type RowCommands, useCan, useRowCommands } from './row-commands.ts';
export {
  ACTIVE_PHASES,
  chargedText,
  cutPrompt,
  dotStatus,
  errorTitle,
  errorTone,
  isSticky,
  PROMPT_CUT,
  retryWarning,
  statusSummary,
  stepLabel,
  trackerProps,
} from './active-row-view.ts';
