import { Alert, Code, MantineProvider, Stack, Text } from '@mantine/core';
import { theme } from '../../theme.ts';

/** Props of {@link BootError}. */
export interface BootErrorProps {
  /** Why the panel cannot start, in words for people (what happened, why, what to do). */
  problem: string;
}

/**
 * The screen shown instead of the panel when it cannot start (opened without the backend): what
 * happened and the one command that fixes it. Has its own theme provider (it renders without App).
 */
export function BootError({ problem }: BootErrorProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="dark" forceColorScheme="dark">
      <Stack p="sm" maw={560}>
        <Alert
          color="yellow"
          variant="light"
          role="alert"
          title={
            <>
              Open the panel through <Code>npm start</Code>
            </>
          }
        >
          <Stack gap={6}>
            <Text size="sm">{problem}</Text>
            <Code block>npm start</Code>
          </Stack>
        </Alert>
      </Stack>
    </MantineProvider>
  );
}
