import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

/**
 * Where the ledger lives (ARCHITECTURE.md § Persistence): `MODELBRIDGE_DATA_DIR` when set, else the
 * per-user app-data folder of the OS, outside the extension folder so it survives Premiere updates,
 * CEP cache clears and reinstalls. Pure: creates nothing (see ensureDataDir).
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const path = platform === 'win32' ? win32 : posix;
  const override = env.MODELBRIDGE_DATA_DIR?.trim();
  if (override) return path.isAbsolute(override) ? override : resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'modelBridge');
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim();
    return path.join(appData || path.join(home, 'AppData', 'Roaming'), 'modelBridge');
  }
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME?.trim();
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share');
  return path.join(base, 'modelbridge');
}

/** mkdir -p of the data dir; folders it creates are user-only (mode 0700), existing ones are left as they are. */
export async function ensureDataDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}
