import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import dayjs from 'dayjs';
import type { FalKeyStatus, SettingsPatch, SettingsView } from '../contract/index.ts';
import { manualFx } from '../domain/fx.ts';
import { readJsonFile, writeJsonAtomic } from './atomic-file.ts';
import { ApiError } from './errors.ts';
import { SETTINGS_VERSION, type StoredSettings, storedSettingsSchema } from './settings-schema.ts';
import { defaultPublicSettings } from './settings-defaults.ts';

/** File name of the settings in the data dir (mode 0600: it may hold the fal key). */
export const SETTINGS_FILE = 'settings.json';

/** Checks a fal key against fal.ai (the real adapter is `checkFalKey` from src/fal). */
export type FalKeyChecker = (key: string) => Promise<'valid' | 'invalid' | 'unreachable'>;

/** Options of {@link openSettingsStore}. */
export interface SettingsStoreOptions {
  dataDir: string;
  /** Environment to read `FAL_KEY` from; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  checkKey: FalKeyChecker;
  /** Today's date as `YYYY-MM-DD` (injected so tests are deterministic). */
  today?: () => string;
}

/** Settings of one data dir: read from memory, every change written through to settings.json first. */
export interface SettingsStore {
  /** Public settings plus the key's status and source; never the key. */
  view(): SettingsView;
  /** The fal key in use: `FAL_KEY` from the environment wins over the saved one; null when none. */
  falKey(): string | null;
  /** Applies a validated patch, checks a new key against fal, saves, and returns the new view. */
  update(patch: SettingsPatch): Promise<SettingsView>;
  /**
   * fal answered 401 to the key in use: its status becomes `invalid` (saved for a saved key, in memory
   * for `FAL_KEY`), so the panel says the key was refused instead of failing run after run in silence.
   */
  markKeyRefused(): Promise<void>;
}

/**
 * Opens the settings of a data dir. A missing file gives the defaults; an unreadable or invalid file is
 * moved aside to `settings.json.corrupt-<time>` (so it can be inspected) and the defaults are used.
 */
export async function openSettingsStore(options: SettingsStoreOptions): Promise<SettingsStore> {
  const path = join(options.dataDir, SETTINGS_FILE);
  const env = options.env ?? process.env;
  const today = options.today ?? (() => dayjs().format('YYYY-MM-DD'));
  let stored = await loadStored(path);
  let queue: Promise<unknown> = Promise.resolve();

  const envKey = (): string | null => {
    const key = env.FAL_KEY?.trim();
    return key ? key : null;
  };

  // fal refused the FAL_KEY of this process; never written (the key is not ours to store).
  let envKeyRefused = false;
  const view = (): SettingsView => {
    const current = viewOf(stored, envKey() !== null);
    return envKeyRefused && current.falKeySource === 'env' ? { ...current, falKey: 'invalid' } : current;
  };

  const apply = async (patch: SettingsPatch): Promise<SettingsView> => {
    const next = applyPatch(stored, patch, today());
    if (typeof patch.falKey === 'string')
      next.falKeyStatus = await checkStatus(options.checkKey, patch.falKey);
    await writeJsonAtomic(path, next, 0o600);
    stored = next;
    return view();
  };

  // One change at a time, so two panels saving at once cannot interleave read-modify-write.
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    view,
    falKey: () => envKey() ?? stored.falKey ?? null,
    update: (patch) => serial(() => apply(patch)),
    markKeyRefused: () =>
      serial(async () => {
        if (envKey() !== null) {
          envKeyRefused = true;
          return;
        }
        if (!stored.falKey || stored.falKeyStatus === 'invalid') return;
        const next: StoredSettings = { ...stored, falKeyStatus: 'invalid' };
        await writeJsonAtomic(path, next, 0o600);
        stored = next;
      }),
  };
}

/** The public view of stored settings: the key's status and source, never the key. */
function viewOf(stored: StoredSettings, hasEnvKey: boolean): SettingsView {
  const { v: _v, falKey, falKeyStatus, ...pub } = stored;
  const source = hasEnvKey ? 'env' : falKey ? 'saved' : 'none';
  // An env key is never checked or stored by us; a saved key reports its last check.
  const status: SettingsView['falKey'] =
    source === 'none' ? 'none' : source === 'env' ? 'unchecked' : (falKeyStatus ?? 'unchecked');
  return { ...pub, falKey: status, falKeySource: source };
}

async function checkStatus(check: FalKeyChecker, key: string): Promise<FalKeyStatus> {
  const result = await check(key).catch(() => 'unreachable' as const);
  return result === 'unreachable' ? 'unchecked' : result;
}

function applyPatch(current: StoredSettings, patch: SettingsPatch, today: string): StoredSettings {
  const next: StoredSettings = {
    ...current,
    thresholds: { ...current.thresholds, ...patch.thresholds },
    foregroundWindowsSec: { ...current.foregroundWindowsSec, ...patch.foregroundWindowsSec },
  };
  if (patch.currency) next.currency = patch.currency;
  if (patch.confirmUnpriced !== undefined) next.confirmUnpriced = patch.confirmUnpriced;
  if (patch.fx) {
    // Rates typed by the user are recorded as manual, dated today unless a date is given.
    const rates = { ...current.fx.rates, ...patch.fx.rates };
    const fx = manualFx({ EUR: rates.EUR, SEK: rates.SEK, asOf: patch.fx.asOf ?? today });
    if (!fx.ok) throw new ApiError(400, 'INVALID_SETTINGS', fx.errors.join(' '));
    next.fx = fx.value;
  }
  if (patch.falKey === null) {
    delete next.falKey;
    delete next.falKeyStatus;
  } else if (typeof patch.falKey === 'string') {
    next.falKey = patch.falKey;
  }
  return next;
}

async function loadStored(path: string): Promise<StoredSettings> {
  const defaults: StoredSettings = { v: SETTINGS_VERSION, ...defaultPublicSettings() };
  let raw: unknown;
  try {
    raw = await readJsonFile(path);
  } catch {
    raw = undefined;
  }
  if (raw === null) return defaults;
  const withDefaults = typeof raw === 'object' && raw ? { ...defaults, ...(raw as object) } : raw;
  const parsed = storedSettingsSchema.safeParse(withDefaults);
  if (parsed.success) return parsed.data;
  const aside = `${path}.corrupt-${dayjs().format('YYYYMMDD-HHmmss')}`;
  await rename(path, aside);
  console.warn(
    `modelbridge: ${path} was unreadable; moved it to ${aside} and started from default settings.`,
  );
  return defaults;
}
