import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildInfo } from './build-extension.ts';
import type { CepPlatform } from './runtimes.ts';

/** The OS a built platform runs on. */
const OS_OF: Record<CepPlatform, NodeJS.Platform> = {
  'linux-x64': 'linux',
  'mac-x64': 'darwin',
  'mac-arm64': 'darwin',
  'win-x64': 'win32',
};

/** Reads a built folder's build.json; throws a one-line message when the folder is not a build. */
export async function readBuildInfo(folder: string): Promise<BuildInfo> {
  try {
    return JSON.parse(await readFile(join(folder, 'build.json'), 'utf8')) as BuildInfo;
  } catch {
    throw new Error(`${folder} is not a built extension (no build.json): run \`npm run build:cep\` first.`);
  }
}

/**
 * Copies a built extension folder to `<extensionsDir>/<id>`, replacing an older copy. Refuses a
 * folder built for another OS when `platform` is given (its runtime would not start there).
 * Resolves with the installed folder.
 */
export async function installExtension(
  folder: string,
  extensionsDir: string,
  platform?: NodeJS.Platform,
): Promise<string> {
  const info = await readBuildInfo(folder);
  if (platform && OS_OF[info.platform] !== platform) {
    throw new Error(
      `${folder} was built for ${info.platform}; build it for this machine with \`npm run build:cep -- --platform …\`.`,
    );
  }
  const target = join(extensionsDir, info.id);
  await rm(target, { recursive: true, force: true });
  await cp(folder, target, { recursive: true });
  return target;
}
