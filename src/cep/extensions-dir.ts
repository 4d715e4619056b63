import { join } from 'node:path';

/**
 * Adobe's per-user CEP extensions folder, where an unsigned panel is installed for development
 * (Premiere also needs PlayerDebugMode=1 for unsigned panels). Null on systems Premiere does not run on.
 */
export function cepExtensionsDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = env.HOME ?? env.USERPROFILE ?? '',
): string | null {
  if (platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Adobe', 'CEP', 'extensions');
  if (platform === 'win32') {
    const appData = env.APPDATA ?? join(home, 'AppData', 'Roaming');
    return join(appData, 'Adobe', 'CEP', 'extensions');
  }
  return null;
}
