import type { ReactNode } from 'react';
import {
  type ActorsParameters,
  PanelFixture,
  type SettingsSetup as Setup,
} from '../../../stories/fixtures/panel-fixture.tsx';
import { settingsLogic } from './settings-fixtures.ts';

/** How the settings actor starts: a state to restore (static), or the logic and input to run. */
export type SettingsSetup = Setup;

/** The settings child as the tests run it: the real actors over a memory backend unless `logic` says. */
export function withSettingsLogic(settings: SettingsSetup = {}): SettingsSetup {
  return { ...settings, logic: settings.logic ?? settingsLogic() };
}

/** The panel over fakes (with-actors) with the settings child and the FX rates it provides. */
export function SettingsProviders({
  settings = {},
  actors,
  children,
}: {
  settings?: SettingsSetup;
  actors?: ActorsParameters;
  children: ReactNode;
}) {
  const setup = {
    settings: withSettingsLogic(settings),
    fxFromSettings: true,
    ...(actors ? { actors } : {}),
  };
  return <PanelFixture setup={setup}>{children}</PanelFixture>;
}
