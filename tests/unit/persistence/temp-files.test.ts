import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeEvents } from '../../../bench/fixtures.ts';
import { openJournal } from '../../../src/persistence/index.ts';
import { type Fault, faultyFs } from '../../fixtures/persistence/faulty-fs.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs('mb-temps-');
afterEach(() => dirs.cleanup());

/** Every `*.tmp` left in the data dir and in its backups folder. */
async function strayTemps(dir: string): Promise<string[]> {
  const top = await readdir(dir);
  const backups = await readdir(join(dir, 'backups')).catch(() => [] as string[]);
  return [...top, ...backups.map((name) => `backups/${name}`)].filter((name) => name.endsWith('.tmp'));
}

async function reopen(dir: string) {
  const journal = await openJournal(dir);
  const loaded = await journal.load();
  await journal.close();
  return loaded;
}

const fullDisk: [string, Fault][] = [
  ['the snapshot, half written', { op: 'write', code: 'ENOSPC', partial: true, path: 'snapshot.json' }],
  ['the snapshot, at fsync', { op: 'sync', code: 'ENOSPC', path: 'snapshot.json' }],
  ['the snapshot, at rename', { op: 'rename', code: 'ENOSPC', path: 'snapshot.json' }],
  ['the backup, half written', { op: 'write', code: 'ENOSPC', partial: true, path: 'backups' }],
  ['the emptied journal, at fsync', { op: 'sync', code: 'ENOSPC', path: 'ledger.jsonl.tmp' }],
];

describe.each(fullDisk)('a compaction that hits a full disk writing %s', (_name, fault) => {
  test('removes its temp file at once and keeps every event loadable', async () => {
    const dir = await dirs.make();
    const disk = faultyFs();
    const journal = await openJournal(dir, { fs: disk.fs });
    await journal.append(makeEvents(40));
    disk.fail(fault);
    await expect(journal.compact()).rejects.toThrow(/ENOSPC/);
    expect(disk.failures).toBe(1);
    expect(await strayTemps(dir)).toEqual([]);
    disk.clear();
    await journal.close();
    expect((await reopen(dir)).events).toEqual(makeEvents(40));
  });
});

test('an automatic compaction failing on a full disk leaves no temp file behind either', async () => {
  const dir = await dirs.make();
  const disk = faultyFs();
  const journal = await openJournal(dir, { fs: disk.fs, compactEvery: 10 });
  await journal.load();
  disk.fail({ op: 'write', code: 'ENOSPC', partial: true, path: 'snapshot.json' });
  expect((await journal.append(makeEvents(12))).appended).toHaveLength(12);
  expect(disk.failures).toBe(1);
  expect(await strayTemps(dir)).toEqual([]);
  await journal.close();
});

test('temp files a killed process left behind are removed at start', async () => {
  const dir = await dirs.make();
  const first = await openJournal(dir);
  await first.append(makeEvents(3));
  await first.compact();
  await first.close();
  await mkdir(join(dir, 'backups'), { recursive: true });
  await writeFile(join(dir, 'snapshot.json.tmp'), '{"v":1,"epo');
  await writeFile(join(dir, 'ledger.jsonl.tmp'), '');
  await writeFile(join(dir, 'backups', 'backup-000009-2025-03-02T12-00-00-000Z-compact.json.gz.tmp'), 'x');
  expect(await strayTemps(dir)).toHaveLength(3);
  expect((await reopen(dir)).events).toEqual(makeEvents(3));
  expect(await strayTemps(dir)).toEqual([]);
});
