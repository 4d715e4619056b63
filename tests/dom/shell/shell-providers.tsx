import type { ReactNode } from 'react';
import { GenerateProviders } from '../../../stories/fixtures/generate-providers.tsx';
import { emptyScenario, type Scenario } from '../../../stories/fixtures/generate-scenarios.ts';
import type { ActorsParameters } from '../../../stories/fixtures/with-actors.tsx';
import { type SettingsSetup, SettingsRoot } from '../settings/settings-providers.tsx';

/** How the shell's actors start: settings, the Active generations scenario, and the other app-level actors. */
export interface ShellSetup {
  settings?: SettingsSetup;
  scenario?: Scenario;
  actors?: ActorsParameters;
}

/** Every app-level actor the shell reads, over fakes: settings, persistence, billing, reset, Active generations. */
export function ShellProviders({ setup = {}, children }: { setup?: ShellSetup; children: ReactNode }) {
  return (
    <SettingsRoot settings={setup.settings}>
      <GenerateProviders scenario={setup.scenario ?? emptyScenario()} actors={setup.actors}>
        {children}
      </GenerateProviders>
    </SettingsRoot>
  );
}
