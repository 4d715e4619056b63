import { fromPromise, type PromiseActorLogic } from 'xstate';
import type {
  BackendInfoPort,
  SaveSettingsInput,
  SettingsLoadOutput,
  SettingsPort,
} from './settings-ports.ts';

/** Dependencies of `saveSettings`: the backend's settings and health endpoints. */
export interface SaveSettingsDeps {
  settings: Pick<SettingsPort, 'putSettings'>;
  backend: BackendInfoPort;
}

/**
 * Sends a patch and resolves with the settings the backend now holds. After a key change the backend is
 * asked again whether it runs in Sandbox mode (a saved key ends it unless `--sandbox` forces it); a
 * failure of that second read keeps the old answer rather than failing a save that succeeded.
 */
export function defineSaveSettingsActor(
  deps: SaveSettingsDeps,
): PromiseActorLogic<SettingsLoadOutput, SaveSettingsInput> {
  return fromPromise<SettingsLoadOutput, SaveSettingsInput>(async ({ input }) => {
    const settings = await deps.settings.putSettings(input.patch);
    if (input.patch.falKey === undefined) return { settings };
    try {
      const { sandbox, dataDir, version, readOnly } = await deps.backend.health();
      return { settings, backend: { sandbox, dataDir, version, readOnly } };
    } catch {
      return { settings };
    }
  });
}
