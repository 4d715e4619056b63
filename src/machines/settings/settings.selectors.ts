import type { SnapshotFrom } from 'xstate';
import { type Currency, DEFAULT_FX, type FxSnapshot } from '../../domain/index.ts';
import { DEFAULT_GENERATION_SETTINGS, type GenerationSettings } from '../generation/generation-settings.ts';
import type { settingsMachine } from './settings.machine.ts';
import type { SettingsForm } from './settings-forms.ts';
import type { BackendInfo, PanelSettings } from './settings-ports.ts';

/** A settings machine snapshot, as `useSelector` passes it. */
export type SettingsSnapshot = SnapshotFrom<typeof settingsMachine>;

/**
 * The fal key's status line: Connected (fal accepted it), Invalid key (fal rejected it), No key, Not
 * checked (fal could not be reached, or the key comes from FAL_KEY), or a change in progress.
 */
export type KeyStatus = 'connected' | 'invalid' | 'none' | 'unchecked' | 'checking' | 'removing';

/** What the Settings tab shows about loading and saving. */
export type SettingsPhase = 'loading' | 'ready' | 'saving' | 'error';

/** The settings to show: the backend's, or the boot cache's until it answers; null when neither. */
export function selectSettings(snapshot: SettingsSnapshot): PanelSettings | null {
  return snapshot.context.settings;
}

/** The current phase (state name). */
export function selectPhase(snapshot: SettingsSnapshot): SettingsPhase {
  if (snapshot.matches('loading')) return 'loading';
  if (snapshot.matches('saving')) return 'saving';
  if (snapshot.matches('error')) return 'error';
  return 'ready';
}

/** The fal key's status, a change in flight first. */
export function selectKeyStatus(snapshot: SettingsSnapshot): KeyStatus {
  const { keyChange, settings } = snapshot.context;
  if (keyChange === 'set') return 'checking';
  if (keyChange === 'remove') return 'removing';
  switch (settings?.falKey) {
    case 'valid':
      return 'connected';
    case 'invalid':
      return 'invalid';
    case 'unchecked':
      return 'unchecked';
    default:
      return 'none';
  }
}

/** Where the key in use comes from (`env`: FAL_KEY, which Remove cannot delete). */
export function selectKeySource(snapshot: SettingsSnapshot): PanelSettings['falKeySource'] {
  return snapshot.context.settings?.falKeySource ?? 'none';
}

/** Sandbox mode, data dir, version, read-only: what the backend said (the page's meta until then). */
export function selectBackend(snapshot: SettingsSnapshot): BackendInfo {
  return snapshot.context.backend;
}

/** True in Sandbox mode (simulated fal, no real charges). */
export function selectIsSandbox(snapshot: SettingsSnapshot): boolean {
  return snapshot.context.backend.sandbox;
}

/** The display rates every amount converts with; the built-in rates until settings are known. */
export function selectFx(snapshot: SettingsSnapshot): FxSnapshot {
  return snapshot.context.settings?.fx ?? DEFAULT_FX;
}

/** True while the values shown come from the boot cache (the backend has not answered yet). */
export function selectIsFromCache(snapshot: SettingsSnapshot): boolean {
  return snapshot.context.fromCache;
}

/** Why loading or saving failed (error state), else null. */
export function selectReason(snapshot: SettingsSnapshot): string | null {
  return snapshot.matches('error') ? snapshot.context.reason : null;
}

/** The backend's refusal of the last change, else null. */
export function selectSaveError(snapshot: SettingsSnapshot): string | null {
  return snapshot.context.saveError;
}

/** Why the key was not accepted for saving, else null. */
export function selectKeyError(snapshot: SettingsSnapshot): string | null {
  return snapshot.context.keyError;
}

const NO_ERRORS: readonly string[] = Object.freeze([]);

/** The problems of one form's typed text (same empty array when none). */
export function selectFormErrors(form: SettingsForm): (snapshot: SettingsSnapshot) => readonly string[] {
  return (snapshot) => snapshot.context.formErrors[form] ?? NO_ERRORS;
}

/** True when RETRY does something (error state). */
export function selectCanRetry(snapshot: SettingsSnapshot): boolean {
  return snapshot.can({ type: 'RETRY' });
}

/** True when a key can be set or removed now (not while loading or saving). */
export function selectCanChangeKey(snapshot: SettingsSnapshot): boolean {
  return snapshot.can({ type: 'REMOVE_KEY' });
}

/**
 * The settings a generation runs with, from panel settings (or the defaults before they are known):
 * thresholds in micro-USD, the display currency and rates for the dialog, windows in milliseconds.
 */
export function toGenerationSettings(
  settings: PanelSettings | null,
  displayCurrency: Currency,
): GenerationSettings {
  if (settings === null) return { ...DEFAULT_GENERATION_SETTINGS, displayCurrency };
  const { image, video, audio } = settings.foregroundWindowsSec;
  return {
    thresholds: {
      singleUsdMicros: settings.thresholds.singleUsdMicros,
      dualUsdMicros: settings.thresholds.dualUsdMicros,
      confirmUnpriced: settings.confirmUnpriced,
    },
    displayCurrency,
    fx: settings.fx,
    foregroundMs: { image: image * 1000, video: video * 1000, audio: audio * 1000 },
    pollCapMs: DEFAULT_GENERATION_SETTINGS.pollCapMs,
  };
}
