import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { ensureDataDir, resolveDataDir } from '../../../src/persistence/index.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs('mb-datadir-');
afterEach(() => dirs.cleanup());

test.each([
  ['darwin', {}, '/Users/ana', '/Users/ana/Library/Application Support/modelBridge'],
  [
    'win32',
    { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
    'C:\\Users\\ana',
    'C:\\Users\\ana\\AppData\\Roaming\\modelBridge',
  ],
  ['win32', {}, 'C:\\Users\\ana', 'C:\\Users\\ana\\AppData\\Roaming\\modelBridge'],
  ['linux', { XDG_DATA_HOME: '/data/ana' }, '/home/ana', '/data/ana/modelbridge'],
  ['linux', {}, '/home/ana', '/home/ana/.local/share/modelbridge'],
  ['linux', { XDG_DATA_HOME: 'relative/ignored' }, '/home/ana', '/home/ana/.local/share/modelbridge'],
  ['darwin', { MODELBRIDGE_DATA_DIR: '/Volumes/Work/ledger' }, '/Users/ana', '/Volumes/Work/ledger'],
  ['win32', { MODELBRIDGE_DATA_DIR: 'D:\\ledger', APPDATA: 'C:\\x' }, 'C:\\Users\\ana', 'D:\\ledger'],
] as const)('%s %j → %s', (platform, env, home, expected) => {
  expect(resolveDataDir(env, platform, home)).toBe(expected);
});

test('resolveDataDir creates nothing', async () => {
  const root = await dirs.make();
  const dir = resolveDataDir({ XDG_DATA_HOME: root }, 'linux', '/nowhere');
  await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
});

test('ensureDataDir creates the folder and its parents, user-only (0700)', async () => {
  const root = await dirs.make();
  const dir = join(root, 'share', 'modelbridge');
  await ensureDataDir(dir);
  await ensureDataDir(dir);
  expect((await stat(dir)).mode & 0o777).toBe(0o700);
});
