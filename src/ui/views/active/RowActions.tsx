import { Button, Group, Stack, Text } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { useSelector } from '@xstate/react';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import { selectFailure } from '../../../machines/generation/generation.selectors.ts';
import type { RowCommands } from './row-commands.ts';
import { retryWarning } from './active-row-view.ts';

/** Props of {@link RowActions}. */
export interface RowActionsProps {
  /** The row's generation (its failure decides Retry's warning). */
  generation: GenerationActorRef;
  /** What the buttons may do now and how. */
  commands: RowCommands;
  /** Show a Dismiss button (a failed row dismisses from its banner instead). @default true */
  withDismiss?: boolean;
}

/**
 * Cancel, Retry (with its warning: a new request may be charged again, the same request costs
 * nothing) and Dismiss, each shown only while the machines accept it.
 */
export function RowActions({ generation, commands, withDismiss = true }: RowActionsProps) {
  const failure = useSelector(generation, selectFailure);
  const warningId = useId();
  const { canCancel, canRetry, canDismiss } = commands;
  if (!canCancel && !canRetry && !(withDismiss && canDismiss)) return null;
  return (
    <Stack gap={4}>
      {canRetry && failure !== null && (
        <Text id={warningId} size="xs" c={failure.retryChargesAgain ? 'yellow' : 'dimmed'}>
          {retryWarning(failure)}
        </Text>
      )}
      <Group gap={6} justify="flex-end" wrap="wrap">
        {canCancel && (
          <Button size="compact-xs" variant="default" onClick={commands.cancel}>
            Cancel
          </Button>
        )}
        {canRetry && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={commands.retry}
            aria-describedby={failure !== null ? warningId : undefined}
          >
            Retry
          </Button>
        )}
        {withDismiss && canDismiss && (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={commands.dismiss}>
            Dismiss
          </Button>
        )}
      </Group>
    </Stack>
  );
}
