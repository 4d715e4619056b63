import { Button, Stack, Text, useProps } from '@mantine/core';
import { useId } from 'react';

/** Props of {@link GenerateButton}. */
export interface GenerateButtonProps {
  /** Called on click; the caller ignores clicks the machine no longer accepts. */
  onGenerate: () => void;
  /** Disabled while the run holds the form (sent, in the foreground). @default false */
  busy?: boolean;
  /** Why the run cannot be sent yet (the machine's selectSendBlocker); the button is disabled and says so. */
  blocked?: string | null;
}

const defaultProps = { busy: false, blocked: null } satisfies Partial<GenerateButtonProps>;

/**
 * The `Generate` button. While busy it is disabled at once and marked aria-busy; while blocked it is
 * disabled with the reason shown under it (and read as its description). Its name stays "Generate" so
 * it can always be found.
 */
export function GenerateButton(props: GenerateButtonProps) {
  const { onGenerate, busy, blocked } = useProps('GenerateButton', defaultProps, props);
  const reasonId = useId();
  return (
    <Stack gap={4}>
      <Button
        fullWidth
        size="sm"
        onClick={onGenerate}
        disabled={busy || blocked !== null}
        aria-busy={busy}
        aria-describedby={blocked ? reasonId : undefined}
        data-busy={busy || undefined}
      >
        Generate
      </Button>
      {blocked && !busy && (
        <Text id={reasonId} size="xs" c="dimmed">
          {blocked}
        </Text>
      )}
    </Stack>
  );
}
