import { mkdtemp, readFile, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cepExtensionsDir } from '../../../src/cep/extensions-dir.ts';
import { cepCommand } from '../../../src/cli-cep.ts';
import { panelBuildReason } from '../../../src/panel-build-state.ts';

const root = resolve('.');

describe('modelbridge cep', () => {
  test('build writes the extension with the chosen backend port', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mb-cep-out-'));
    expect(await cepCommand(['build', '--out', out, '--port', '4500'], { root })).toBe(0);
    expect(await readFile(join(out, 'CSXS', 'manifest.xml'), 'utf8')).toContain('com.modelbridge.panel');
    expect(await readFile(join(out, 'panel', 'index.html'), 'utf8')).toContain('"port":4500');
  });

  test('install writes into the per-user Adobe folder on macOS, and refuses where Premiere cannot run', async () => {
    const home = await mkdtemp(join(tmpdir(), 'mb-home-'));
    expect(await cepCommand(['install'], { root, platform: 'darwin', env: { HOME: home } })).toBe(0);
    const installed = join(home, 'Library/Application Support/Adobe/CEP/extensions/com.modelbridge.panel');
    expect(await readFile(join(installed, 'host', 'modelbridge.jsx'), 'utf8')).toContain('importMedia');
    expect(await cepCommand(['install'], { root, platform: 'linux', env: { HOME: home } })).toBe(1);
  });

  test('bad input is refused with a usage line', async () => {
    expect(await cepCommand(['publish'], { root })).toBe(2);
    expect(await cepCommand(['build', '--port', 'x'], { root })).toBe(2);
  });

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
