import { MantineProvider } from '@mantine/core';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { theme } from '../../../src/ui/theme.ts';
import { type ShellSetup, ShellProviders } from './shell-providers.tsx';

/** Renders `ui` in the dark theme inside ShellProviders. */
export function renderShell(ui: ReactElement, setup: ShellSetup = {}): RenderResult {
  return render(
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      <ShellProviders setup={setup}>{ui}</ShellProviders>
    </MantineProvider>,
  );
}
