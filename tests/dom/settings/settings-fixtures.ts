import { DEFAULT_FX } from '../../../src/domain/index.ts';
import { defineLoadSettingsActor } from '../../../src/machines/settings/load-settings.actor.ts';
import { defineSaveSettingsActor } from '../../../src/machines/settings/save-settings.actor.ts';
import { type SettingsContext, settingsMachine } from '../../../src/machines/settings/settings.machine.ts';
import type {
  BackendInfo,
  BackendInfoPort,
  PanelSettings,
  PanelSettingsPatch,
  SettingsPort,
} from '../../../src/machines/settings/settings-ports.ts';

/**
 * Settings fixtures shared by the machine tests, the DOM tests and the stories: a memory backend that
 * answers like `GET|PUT /api/settings` and `GET /api/health` (only I/O is faked; the real actor factories
 * run over it), and machine states for `resolveState`.
 */

/** A fresh data dir's settings: USD, built-in rates, $5.00 / $8.00, confirm unpriced, 20/90/30 s, no key. */
export const DEFAULT_PANEL_SETTINGS: PanelSettings = {
  currency: 'USD',
  fx: DEFAULT_FX,
  thresholds: { singleUsdMicros: 5_000_000, dualUsdMicros: 8_000_000 },
  confirmUnpriced: true,
  foregroundWindowsSec: { image: 20, video: 90, audio: 30 },
  falKey: 'none',
  falKeySource: 'none',
};

/** The day the fixture backend dates rates saved without one (the real backend uses today). */
export const FIXTURE_TODAY = '2026-03-01';

/** Where the fixture backend keeps its data. */
export const FIXTURE_DATA_DIR = '/home/editor/.local/share/modelbridge';

/** The key the fixture backend's fal check accepts; any other key is rejected as invalid. */
export const GOOD_KEY = 'key-id-123:secret-abc';

/** Backend info of a Sandbox backend over FIXTURE_DATA_DIR. */
export const SANDBOX_BACKEND: BackendInfo = {
  sandbox: true,
  dataDir: FIXTURE_DATA_DIR,
  version: '0.1.0',
  readOnly: false,
};

/** A failure the way the backend client throws it: a message, and `retryable` (false = refused). */
export function portFailure(message: string, retryable: boolean): Error {
  return Object.assign(new Error(message), { retryable });
}

/** The fixture backend: ports plus what it received, and switches to take it offline or refuse. */
export interface MemorySettingsBackend {
  port: SettingsPort & BackendInfoPort;
  /** Every patch received by putSettings, in order. */
  patches: PanelSettingsPatch[];
  current(): PanelSettings;
  /** When set, every call rejects with this failure. */
  failWith: Error | null;
  /** Whether the backend was started with `--sandbox` (a saved key does not end Sandbox mode then). */
  forcedSandbox: boolean;
}

function applyPatch(current: PanelSettings, patch: PanelSettingsPatch): PanelSettings {
  const next: PanelSettings = {
    ...current,
    thresholds: { ...current.thresholds, ...patch.thresholds },
    foregroundWindowsSec: { ...current.foregroundWindowsSec, ...patch.foregroundWindowsSec },
  };
  if (patch.currency) next.currency = patch.currency;
  if (patch.confirmUnpriced !== undefined) next.confirmUnpriced = patch.confirmUnpriced;
  if (patch.fx) {
    const rates = { ...current.fx.rates, ...patch.fx.rates };
    next.fx = { base: 'USD', rates, asOf: patch.fx.asOf ?? FIXTURE_TODAY, source: 'manual' };
  }
  if (patch.falKey === null) Object.assign(next, { falKey: 'none', falKeySource: 'none' });
  if (typeof patch.falKey === 'string') {
    Object.assign(next, { falKey: patch.falKey === GOOD_KEY ? 'valid' : 'invalid', falKeySource: 'saved' });
  }
  return next;
}

/** A backend in memory that applies patches like the real one (manual rates, key checked against GOOD_KEY). */
export function memorySettingsBackend(
  initial: PanelSettings = DEFAULT_PANEL_SETTINGS,
): MemorySettingsBackend {
  let settings = initial;
  const backend: MemorySettingsBackend = {
    patches: [],
    current: () => settings,
    failWith: null,
    forcedSandbox: false,
    port: {
      getSettings: async () => {
        if (backend.failWith) throw backend.failWith;
        return settings;
      },
      putSettings: async (patch) => {
        if (backend.failWith) throw backend.failWith;
        backend.patches.push(patch);
        settings = applyPatch(settings, patch);
        return settings;
      },
      health: async () => {
        if (backend.failWith) throw backend.failWith;
        const sandbox = backend.forcedSandbox || settings.falKeySource === 'none';
        return { ...SANDBOX_BACKEND, dataDir: FIXTURE_DATA_DIR, version: '0.1.0', sandbox };
      },
    },
  };
  return backend;
}

/** The settings machine with the real load/save actors over `backend`'s ports. */
export function settingsLogic(
  backend: MemorySettingsBackend = memorySettingsBackend(),
): typeof settingsMachine {
  const deps = { settings: backend.port, backend: backend.port };
  return settingsMachine.provide({
    actors: { loadSettings: defineLoadSettingsActor(deps), saveSettings: defineSaveSettingsActor(deps) },
  });
}

/** The visible states of the Settings tab. */
export type SettingsStateValue = 'loading' | 'ready' | 'saving' | 'error';

/** A settings state for `resolveState`: loaded (or from `overrides`) over the Sandbox fixture backend. */
export function settingsState(
  value: SettingsStateValue,
  overrides: Partial<SettingsContext> = {},
): { value: SettingsStateValue; context: SettingsContext } {
  return {
    value,
    context: {
      settings: DEFAULT_PANEL_SETTINGS,
      fromCache: false,
      backend: SANDBOX_BACKEND,
      saving: null,
      keyChange: null,
      queued: null,
      failed: null,
      reason: null,
      saveError: null,
      keyError: null,
      formErrors: {},
      ...overrides,
    },
  };
}
