import { Text } from '@mantine/core';
import { useSelector } from '@xstate/react';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import { selectFailure } from '../../../machines/generation/generation.selectors.ts';
import { ErrorBanner } from '../../components/ErrorBanner/ErrorBanner.tsx';
import { chargedText, errorTitle, errorTone, isSticky } from './active-row-view.ts';

/** Props of {@link RowFailure}. */
export interface RowFailureProps {
  /** The failed generation. */
  generation: GenerationActorRef;
  /** Dismisses the row; when null the banner has no Dismiss (the pair's other slot still runs). */
  onDismiss: (() => void) | null;
}

/**
 * The failure of a row: a banner coloured by what to do (red input, amber action, blue temporary),
 * saying what happened, whether fal charged, and what to do; AUTH and BALANCE are sticky.
 */
export function RowFailure({ generation, onDismiss }: RowFailureProps) {
  const failure = useSelector(generation, selectFailure);
  if (failure === null) return null;
  return (
    <ErrorBanner
      tone={errorTone(failure.kind)}
      title={errorTitle(failure.kind)}
      sticky={isSticky(failure.kind) && onDismiss !== null}
      onDismiss={onDismiss ?? undefined}
    >
      {failure.message}{' '}
      <Text component="span" size="xs" fw={600} data-charged={failure.charged}>
        {chargedText(failure)}
      </Text>
    </ErrorBanner>
  );
}
