import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RuntimePackage } from './runtimes.ts';

const run = promisify(execFile);

/** The runtime tarball in the cache does not match its pinned integrity: it is removed, never used. */
export class RuntimeIntegrityError extends Error {
  constructor(file: string, expected: string, actual: string) {
    super(`${file} does not match its integrity (expected ${expected}, got ${actual}); it was removed.`);
    this.name = 'RuntimeIntegrityError';
  }
}

/** Subresource-integrity string (`sha512-…`) of a file's bytes, as npm computes it. */
export function integrityOf(bytes: Buffer): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Returns the path of the runtime binary in `cacheDir`, fetching it first when missing: `npm pack`
 * of the exact version (the ordinary npm client, so a configured registry or proxy applies), the
 * tarball checked against the pinned integrity before anything is extracted, then the binary alone
 * taken out with `tar`. A later build reuses the cached binary without any network.
 */
export async function fetchRuntime(runtime: RuntimePackage, cacheDir: string): Promise<string> {
  const dir = join(cacheDir, `${runtime.name}-${runtime.version}`);
  const binary = join(dir, runtime.binary);
  if (await exists(binary)) return binary;
  await mkdir(cacheDir, { recursive: true });
  const tarball = join(cacheDir, `${runtime.name}-${runtime.version}.tgz`);
  if (!(await exists(tarball))) {
    // npm is a .cmd script on Windows, which Node only starts through a shell.
    await run('npm', ['pack', `${runtime.name}@${runtime.version}`, '--pack-destination', cacheDir], {
      shell: process.platform === 'win32',
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  const actual = integrityOf(await readFile(tarball));
  if (actual !== runtime.integrity) {
    await rm(tarball, { force: true });
    throw new RuntimeIntegrityError(tarball, runtime.integrity, actual);
  }
  // Extract into a temporary folder and rename, so an interrupted build never leaves half a binary.
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', partial, runtime.binary]);
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return binary;
}
