import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { writeJournalFile, writeSnapshotFile } from '../../../bench/fixture-files.ts';
import { makeEvent, makeEvents } from '../../../bench/fixtures.ts';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import { BACKUPS_KEPT, listBackups, nodeJournalFs, openJournal } from '../../../src/persistence/index.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs('mb-backups-');
afterEach(() => dirs.cleanup());

const now = () => new Date('2025-03-02T12:00:00.000Z');
const ids = (events: readonly LedgerEvent[]) => events.map((event) => event.id);
const sizeOf = async (path: string) => (await stat(path)).size;

async function reopen(dir: string) {
  const journal = await openJournal(dir, { now });
  const loaded = await journal.load();
  await journal.close();
  return loaded;
}

describe('compressed backups', () => {
  test('a backup is a gzip copy of the ledger, a small fraction of the snapshot’s size', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir, { now });
    await journal.append(makeEvents(2000));
    await journal.compact();
    await journal.close();
    const [backup] = await listBackups(nodeJournalFs, dir);
    expect(basename(backup!)).toBe('backup-000001-2025-03-02T12-00-00-000Z-compact.json.gz');
    const bytes = await readFile(backup!);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const doc = JSON.parse(gunzipSync(bytes).toString('utf8'));
    expect(doc).toMatchObject({ v: 1, epoch: 0 });
    expect(doc.events).toEqual(makeEvents(2000));
    expect(bytes.length).toBeLessThan((await sizeOf(join(dir, 'snapshot.json'))) / 5);
  });

  test('after many compactions all backups together stay smaller than the ledger itself', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir, { now, compactEvery: 150 });
    for (let from = 0; from < 3000; from += 50) await journal.append(makeEvents(50, { from }));
    await journal.close();
    const backups = await listBackups(nodeJournalFs, dir);
    expect(backups).toHaveLength(BACKUPS_KEPT.compact);
    let total = 0;
    for (const path of backups) total += await sizeOf(path);
    expect(total).toBeLessThan(await sizeOf(join(dir, 'snapshot.json')));
  });

  test(`only the newest ${BACKUPS_KEPT.compact} compaction backups are kept; a reset’s backup outlives later compactions`, async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir, { now, newId: () => 'reset-1' });
    await journal.append(makeEvents(5));
    const { backupPath } = await journal.reset();
    for (let round = 0; round < BACKUPS_KEPT.compact + 3; round++) {
      await journal.append([makeEvent(10 + round, { epoch: 1 })]);
      await journal.compact();
    }
    await journal.close();
    const backups = await listBackups(nodeJournalFs, dir);
    expect(backups.filter((path) => path.endsWith('-compact.json.gz'))).toHaveLength(BACKUPS_KEPT.compact);
    expect(backups).toContain(backupPath);
    expect(backups).toHaveLength(BACKUPS_KEPT.compact + 1);
    expect(ids(JSON.parse(gunzipSync(await readFile(backupPath)).toString('utf8')).events)).toEqual(
      ids(makeEvents(5)),
    );
  });
});

test('a reset is undone as the README says: journal and snapshot aside, the backup decompressed into place', async () => {
  const dir = await dirs.make();
  const journal = await openJournal(dir, { now });
  await journal.append(makeEvents(30));
  await journal.compact();
  await journal.append(makeEvents(3, { from: 30 }));
  const { backupPath } = await journal.reset();
  await journal.close();
  await rename(join(dir, 'ledger.jsonl'), join(dir, 'ledger.jsonl.aside'));
  await rename(join(dir, 'snapshot.json'), join(dir, 'snapshot.json.aside'));
  await writeFile(join(dir, 'snapshot.json'), gunzipSync(await readFile(backupPath)));
  const { events, recovery } = await reopen(dir);
  expect(events).toEqual(makeEvents(33));
  expect(recovery).toMatchObject({ snapshotFallback: null, snapshotProblem: null });
});

describe('backups from before compression', () => {
  /** An uncompressed backup as earlier builds wrote it. */
  async function writeOldBackup(dir: string, seq: number, events: LedgerEvent[]): Promise<string> {
    await mkdir(join(dir, 'backups'), { recursive: true });
    const name = `backup-${String(seq).padStart(6, '0')}-2025-03-01T10-00-00-000Z-compact.json`;
    const body = { v: 1, epoch: 0, reason: 'compact', takenAt: '2025-03-01T10:00:00.000Z', events };
    await writeFile(join(dir, 'backups', name), JSON.stringify(body));
    return join(dir, 'backups', name);
  }

  test('are listed in order with new ones, which continue their numbering', async () => {
    const dir = await dirs.make();
    const old = await writeOldBackup(dir, 7, makeEvents(3));
    await writeSnapshotFile(dir, makeEvents(3));
    const journal = await openJournal(dir, { now });
    await journal.append(makeEvents(1, { from: 3 }));
    await journal.compact();
    await journal.close();
    const backups = await listBackups(nodeJournalFs, dir);
    expect(backups.map((path) => basename(path))).toEqual([
      expect.stringMatching(/^backup-000009-.*-compact\.json\.gz$/),
      // 000008: the upgrade of the old snapshot to a checksummed one, backed up first.
      expect.stringMatching(/^backup-000008-.*-compact\.json\.gz$/),
      basename(old),
    ]);
  });

  test('are still read when the snapshot is damaged', async () => {
    const dir = await dirs.make();
    const old = await writeOldBackup(dir, 1, makeEvents(4));
    await writeFile(join(dir, 'snapshot.json'), '{"v":1,"epoch":0,"events":[{"id":');
    await writeJournalFile(dir, makeEvents(2, { from: 4 }));
    const { events, recovery } = await reopen(dir);
    expect(events).toEqual(makeEvents(6));
    expect(recovery.snapshotFallback).toBe(old);
  });
});
