import { Text } from '@mantine/core';
import { useSelector } from '@xstate/react';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import { selectPhase } from '../../../machines/generation/generation.selectors.ts';
import { stepLabel } from '../active/active-row-view.ts';

/** Props of {@link RunStatus}. */
export interface RunStatusProps {
  /** The generation holding the form. */
  generation: GenerationActorRef;
}

function selectProgress(s: Parameters<typeof selectPhase>[0]) {
  return s.context.progress;
}

/**
 * One line under the Generate button while the run holds the form ("Queued #3 · follow it in Active
 * generations below"); the form is free again when it ends or moves to the background.
 */
export function RunStatus({ generation }: RunStatusProps) {
  const phase = useSelector(generation, selectPhase);
  const progress = useSelector(generation, selectProgress);
  return (
    <Text size="xs" c="dimmed" role="status" aria-label="Run status">
      {stepLabel(phase, progress, false)} · follow it in Active generations below.
    </Text>
  );
}
