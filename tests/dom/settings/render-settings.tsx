import { MantineProvider } from '@mantine/core';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { theme } from '../../../src/ui/theme.ts';
import type { ActorsParameters } from '../../../stories/fixtures/with-actors.tsx';
import { type SettingsSetup, SettingsProviders } from './settings-providers.tsx';

/** Renders `ui` in the dark theme inside SettingsProviders. */
export function renderWithSettings(
  ui: ReactElement,
  settings: SettingsSetup = {},
  actors?: ActorsParameters,
): RenderResult {
  return render(
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      <SettingsProviders settings={settings} actors={actors}>
        {ui}
      </SettingsProviders>
    </MantineProvider>,
  );
}
