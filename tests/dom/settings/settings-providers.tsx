import { type ReactNode, useState } from 'react';
import type { ActorOptions } from 'xstate';
import type { settingsMachine, SettingsInput } from '../../../src/machines/settings/settings.machine.ts';
import { SettingsActorContext } from '../../../src/ui/actors/settings-context.ts';
import { SettingsFxProvider } from '../../../src/ui/views/shell/SettingsFxProvider.tsx';
import { type ActorsParameters, ActorProviders } from '../../../stories/fixtures/with-actors.tsx';
import { settingsLogic, type settingsState } from './settings-fixtures.ts';

/** How the settings actor starts: a state to restore (static), or the logic and input to run. */
export interface SettingsSetup {
  /** The state to restore with `resolveState` (nothing runs: loading or saving stays as it is). */
  state?: ReturnType<typeof settingsState>;
  /** The logic (default: the real actors over a memory backend). */
  logic?: typeof settingsMachine;
  input?: SettingsInput;
}

function optionsFor(
  logic: typeof settingsMachine,
  setup: SettingsSetup,
): ActorOptions<typeof settingsMachine> {
  if (setup.state) return { snapshot: logic.getPersistedSnapshot(logic.resolveState(setup.state)) };
  return { input: setup.input ?? {} };
}

/** The settings actor alone, started from `settings` once, at mount (stories wrap other providers in it). */
export function SettingsRoot({ settings = {}, children }: { settings?: SettingsSetup; children: ReactNode }) {
  const [started] = useState(() => {
    const logic = settings.logic ?? settingsLogic();
    return { logic, options: optionsFor(logic, settings) };
  });
  return (
    <SettingsActorContext.Provider logic={started.logic} options={started.options}>
      {children}
    </SettingsActorContext.Provider>
  );
}

/** The app-level actors (with-actors) plus the settings actor and the FX rates it provides. */
export function SettingsProviders({
  settings = {},
  actors,
  children,
}: {
  settings?: SettingsSetup;
  actors?: ActorsParameters;
  children: ReactNode;
}) {
  return (
    <ActorProviders actors={actors}>
      <SettingsRoot settings={settings}>
        <SettingsFxProvider>{children}</SettingsFxProvider>
      </SettingsRoot>
    </ActorProviders>
  );
}
