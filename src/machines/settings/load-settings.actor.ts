import { fromPromise, type PromiseActorLogic } from 'xstate';
import type { BackendInfoPort, SettingsLoadOutput, SettingsPort } from './settings-ports.ts';

/** Dependencies of `loadSettings`: the backend's settings and health endpoints. */
export interface LoadSettingsDeps {
  settings: Pick<SettingsPort, 'getSettings'>;
  backend: BackendInfoPort;
}

/**
 * Reads the settings and what the backend says about itself (Sandbox mode, data dir) in parallel.
 * Rejects with the port's own error (retryable unless it says `retryable: false`).
 */
export function defineLoadSettingsActor(deps: LoadSettingsDeps): PromiseActorLogic<SettingsLoadOutput, void> {
  return fromPromise<SettingsLoadOutput, void>(async () => {
    const [settings, health] = await Promise.all([deps.settings.getSettings(), deps.backend.health()]);
    const { sandbox, dataDir, version, readOnly } = health;
    return { settings, backend: { sandbox, dataDir, version, readOnly } };
  });
}
