import { createActorContext } from '@xstate/react';
import { settingsMachine } from '../../machines/settings/settings.machine.ts';

/**
 * The app-level settings actor (fal key status, Sandbox mode, rates, thresholds, windows, data dir):
 * `Provider`, `useSelector`, `useActorRef`. The composition root passes
 * `logic={settingsMachine.provide({ actors })}` and `options={{ input: { cached, sandbox } }}`.
 */
export const SettingsActorContext = createActorContext(settingsMachine, { input: {} });
