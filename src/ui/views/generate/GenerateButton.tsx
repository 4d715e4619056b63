import { Button, useProps } from '@mantine/core';

/** Props of {@link GenerateButton}. */
export interface GenerateButtonProps {
  /** Called on click; the caller ignores clicks the machine no longer accepts. */
  onGenerate: () => void;
  /** Disabled while the run holds the form (sent, in the foreground). @default false */
  busy?: boolean;
}

const defaultProps = { busy: false } satisfies Partial<GenerateButtonProps>;

/**
 * The `Generate` button. While busy it is disabled at once and marked aria-busy; its name stays
 * "Generate" so it can always be found.
 */
export function GenerateButton(props: GenerateButtonProps) {
  const { onGenerate, busy } = useProps('GenerateButton', defaultProps, props);
  return (
    <Button
      fullWidth
      size="sm"
      onClick={onGenerate}
      disabled={busy}
      aria-busy={busy}
      data-busy={busy || undefined}
    >
      Generate
    </Button>
  );
}
