import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fetchRuntime, integrityOf, RuntimeIntegrityError } from '../../../src/cep/fetch-runtime.ts';
import { currentCepPlatform, parseCepPlatform, RUNTIMES } from '../../../src/cep/runtimes.ts';

/** A tarball shaped like the node-* packages (package/bin/node), built with tar in a temp dir. */
async function fakeRuntimeTarball(cacheDir: string, name: string, version: string, body: string) {
  const src = await mkdtemp(join(tmpdir(), 'mb-rt-src-'));
  await mkdir(join(src, 'package', 'bin'), { recursive: true });
  await writeFile(join(src, 'package', 'bin', 'node'), body);
  await mkdir(cacheDir, { recursive: true });
  const tgz = join(cacheDir, `${name}-${version}.tgz`);
  execFileSync('tar', ['-czf', tgz, '-C', src, 'package']);
  await rm(src, { recursive: true });
  return { tgz, integrity: integrityOf(await readFile(tgz)) };
}

describe('runtime per platform', () => {
  test('every platform has a Node 22 runtime pinned by sha512; Apple Silicon uses the x64 build', () => {
    for (const runtime of Object.values(RUNTIMES)) {
      expect(runtime.version).toMatch(/^22\.\d+\.\d+$/);
      expect(runtime.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    }
    expect(RUNTIMES['mac-arm64']).toBe(RUNTIMES['mac-x64']);
    expect(RUNTIMES['win-x64']).toMatchObject({ fileName: 'node.exe', binary: 'package/bin/node.exe' });
  });

  test('an unknown --platform gets one line naming the valid ones', () => {
    expect(() => parseCepPlatform('mac-ppc')).toThrow(
      /^unknown --platform "mac-ppc": use one of linux-x64, mac-x64, mac-arm64, win-x64\.$/,
    );
    expect(parseCepPlatform('win-x64')).toBe('win-x64');
  });

  test.each([
    ['darwin', 'arm64', 'mac-arm64'],
    ['darwin', 'x64', 'mac-x64'],
    ['win32', 'x64', 'win-x64'],
    ['linux', 'x64', 'linux-x64'],
    ['linux', 'arm64', null],
  ] as const)('%s %s builds %s by default', (platform, arch, expected) => {
    expect(currentCepPlatform(platform, arch)).toBe(expected);
  });
});

describe('fetchRuntime', () => {
  test('extracts the binary of a tarball that matches its integrity, then reuses it without the tarball', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'mb-rt-cache-'));
    const { tgz, integrity } = await fakeRuntimeTarball(cache, 'node-fake', '1.0.0', 'binary bytes');
    const runtime = {
      name: 'node-fake',
      version: '1.0.0',
      integrity,
      binary: 'package/bin/node',
      fileName: 'node',
    } as const;
    const binary = await fetchRuntime(runtime, cache);
    expect(await readFile(binary, 'utf8')).toBe('binary bytes');
    await rm(tgz);
    // No tarball and no package named node-fake on any registry: only the cache can answer.
    expect(await fetchRuntime(runtime, cache)).toBe(binary);
  });

  test('refuses and removes a tarball that does not match its integrity, extracting nothing', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'mb-rt-cache-'));
    const { tgz } = await fakeRuntimeTarball(cache, 'node-fake', '1.0.0', 'tampered');
    const runtime = { ...RUNTIMES['linux-x64'], name: 'node-fake', version: '1.0.0' };
    await expect(fetchRuntime(runtime, cache)).rejects.toBeInstanceOf(RuntimeIntegrityError);
    await expect(readFile(tgz)).rejects.toThrow(/ENOENT/);
    await expect(readFile(join(cache, 'node-fake-1.0.0', 'package', 'bin', 'node'))).rejects.toThrow(
      /ENOENT/,
    );
  });
});
