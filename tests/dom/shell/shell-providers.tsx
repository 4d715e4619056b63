import type { ReactNode } from 'react';
import { emptyScenario, type Scenario } from '../../../stories/fixtures/generate-scenarios.ts';
import { type ActorsParameters, PanelFixture } from '../../../stories/fixtures/panel-fixture.tsx';
import { type SettingsSetup, withSettingsLogic } from '../settings/settings-providers.tsx';

/** How the shell's actors start: settings, the Active generations scenario, and the other app-level actors. */
export interface ShellSetup {
  settings?: SettingsSetup;
  scenario?: Scenario;
  actors?: ActorsParameters;
}

/** Every app-level actor the shell reads, over fakes: settings, persistence, billing, reset, Active generations. */
export function ShellProviders({ setup = {}, children }: { setup?: ShellSetup; children: ReactNode }) {
  const fixture = {
    settings: withSettingsLogic(setup.settings),
    scenario: setup.scenario ?? emptyScenario(),
    ...(setup.actors ? { actors: setup.actors } : {}),
  };
  return <PanelFixture setup={fixture}>{children}</PanelFixture>;
}
