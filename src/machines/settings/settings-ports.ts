import { z } from 'zod';
import { type Currency, currencySchema, type FxSnapshot, fxSnapshotSchema } from '../../domain/index.ts';

/**
 * Ports and plain-JSON shapes of the settings machine. They mirror the backend's
 * `GET|PUT /api/settings` and `GET /api/health` bodies structurally, so `createBackendApi` satisfies
 * SettingsPort and BackendInfoPort without either side importing the other.
 */

/** The fal key's state as the backend reports it: never the key itself. */
export type FalKeyState = 'none' | 'valid' | 'invalid' | 'unchecked';

/** The settings the panel shows and edits; thresholds in integer micro-USD, windows in seconds. */
export interface PanelSettings {
  currency: Currency;
  fx: FxSnapshot;
  thresholds: { singleUsdMicros: number; dualUsdMicros: number };
  confirmUnpriced: boolean;
  foregroundWindowsSec: { image: number; video: number; audio: number };
  /** `none` with no key (Sandbox); otherwise the last check's result. */
  falKey: FalKeyState;
  /** Where the key in use comes from: the `FAL_KEY` environment variable wins over a saved key. */
  falKeySource: 'env' | 'saved' | 'none';
}

/** A change to send: any subset; `falKey` a new key to check and save, or null to remove the saved one. */
export interface PanelSettingsPatch {
  currency?: Currency;
  fx?: { rates?: { EUR?: number; SEK?: number }; asOf?: string };
  thresholds?: { singleUsdMicros?: number; dualUsdMicros?: number };
  confirmUnpriced?: boolean;
  foregroundWindowsSec?: { image?: number; video?: number; audio?: number };
  falKey?: string | null;
}

/** What the backend says about itself: Sandbox mode, the data dir (absolute path), version, read-only. */
export interface BackendInfo {
  sandbox: boolean;
  /** Absolute path of the data dir; null until the backend has answered. */
  dataDir: string | null;
  version: string | null;
  /** True when the data dir was written by a newer modelBridge: nothing can be saved. */
  readOnly: boolean;
}

/** The backend's settings endpoints; failures carry `retryable: false` when retrying cannot help. */
export interface SettingsPort {
  getSettings(): Promise<PanelSettings>;
  putSettings(patch: PanelSettingsPatch): Promise<PanelSettings>;
}

/** The backend's health endpoint (`GET /api/health`). */
export interface BackendInfoPort {
  health(): Promise<{ sandbox: boolean; dataDir: string; version: string; readOnly: boolean }>;
}

/** What `loadSettings` and `saveSettings` resolve with; `backend` is omitted when it was not re-read. */
export interface SettingsLoadOutput {
  settings: PanelSettings;
  backend?: BackendInfo;
}

/** Input of the `saveSettings` actor: the patch to send (a new key only ever travels here, never in context). */
export interface SaveSettingsInput {
  patch: PanelSettingsPatch;
}

const windowSchema = z.number().int().min(1).max(3600);

/** Validates settings read from an untrusted place (the browser's boot cache); unknown fields dropped. */
export const panelSettingsSchema = z.object({
  currency: currencySchema,
  fx: fxSnapshotSchema,
  thresholds: z.object({
    singleUsdMicros: z.number().int().nonnegative(),
    dualUsdMicros: z.number().int().nonnegative(),
  }),
  confirmUnpriced: z.boolean(),
  foregroundWindowsSec: z.object({ image: windowSchema, video: windowSchema, audio: windowSchema }),
  falKey: z.enum(['none', 'valid', 'invalid', 'unchecked']),
  falKeySource: z.enum(['env', 'saved', 'none']),
});

/** The settings in `raw` when it is a valid PanelSettings (e.g. from the boot cache), else null. */
export function parsePanelSettings(raw: unknown): PanelSettings | null {
  const parsed = panelSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
