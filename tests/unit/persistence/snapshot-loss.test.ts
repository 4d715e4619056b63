import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeJournalFile, writeSnapshotFile } from '../../../bench/fixture-files.ts';
import { makeEvent, makeEvents } from '../../../bench/fixtures.ts';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import {
  listBackups,
  nodeJournalFs,
  openJournal,
  SnapshotUnrecoverableError,
} from '../../../src/persistence/index.ts';
import { startTestServer } from '../../fixtures/server/harness.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs('mb-snapshot-loss-');
afterEach(() => dirs.cleanup());

const now = () => new Date('2025-03-02T12:00:00.000Z');
const snapshotPath = (dir: string) => join(dir, 'snapshot.json');

async function reopen(dir: string) {
  const journal = await openJournal(dir, { now });
  const loaded = await journal.load();
  await journal.close();
  return loaded;
}

/** Everything a test can see of a data dir: names and bytes of every file, backups included. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const bytes = await readFile(join(dir, name)).catch(() => null);
    if (bytes) files[name] = bytes.toString('base64');
  }
  return files;
}

/** The ledger: 5,504 events in batches of 500, so the default compaction ran once at 5,000. */
async function ledgerOf5504(dir: string): Promise<LedgerEvent[]> {
  const events = makeEvents(5504);
  const journal = await openJournal(dir, { now });
  for (let from = 0; from < events.length; from += 500) await journal.append(events.slice(from, from + 500));
  await journal.close();
  return events;
}

describe('a deleted snapshot.json', () => {
  test('after a compaction is recovered from the newest backup, not served as a 504-event ledger', async () => {
    const dir = await dirs.make();
    const events = await ledgerOf5504(dir);
    const [newest] = await listBackups(nodeJournalFs, dir);
    await rm(snapshotPath(dir));
    const { events: loaded, recovery } = await reopen(dir);
    expect(loaded).toHaveLength(5504);
    expect(loaded).toEqual(events);
    expect(recovery).toMatchObject({
      snapshotFallback: newest,
      snapshotProblem: 'snapshot.json is missing',
    });
    // Repaired: the snapshot is back, and the next start needs no backup.
    const again = await reopen(dir);
    expect(again.events).toEqual(events);
    expect(again.recovery).toMatchObject({ snapshotFallback: null, snapshotProblem: null });
  });

  test('from an earlier build (no checksum, no base line, uncompressed backup) is recovered too', async () => {
    const dir = await dirs.make();
    await writeSnapshotFile(dir, makeEvents(40));
    await writeJournalFile(dir, makeEvents(4, { from: 40 }));
    await mkdir(join(dir, 'backups'));
    const backup = join(dir, 'backups', 'backup-000003-2025-03-01T10-00-00-000Z-compact.json');
    const body = { v: 1, epoch: 0, reason: 'compact', takenAt: '2025-03-01T10:00:00.000Z' };
    await writeFile(backup, JSON.stringify({ ...body, events: makeEvents(40) }));
    await rm(snapshotPath(dir));
    const { events, recovery } = await reopen(dir);
    expect(events).toEqual(makeEvents(44));
    expect(recovery).toMatchObject({ snapshotFallback: backup, snapshotProblem: 'snapshot.json is missing' });
  });

  test('with no backup left refuses to load, names the file, and changes nothing', async () => {
    const dir = await dirs.make();
    await ledgerOf5504(dir);
    await rm(snapshotPath(dir));
    await rm(join(dir, 'backups'), { recursive: true });
    const before = await filesOf(dir);
    const journal = await openJournal(dir, { now });
    const refused = await journal.load().catch((error: unknown) => error);
    await journal.close();
    expect(refused).toBeInstanceOf(SnapshotUnrecoverableError);
    expect((refused as SnapshotUnrecoverableError).snapshotPath).toBe(snapshotPath(dir));
    expect((refused as SnapshotUnrecoverableError).backupPath).toBeNull();
    expect((refused as Error).message).toMatch(
      new RegExp(
        `^${snapshotPath(dir)} is missing, and ledger\\.jsonl continues from a snapshot of 5000 event\\(s\\), ` +
          'the last one evt-4999\\. No backup in .*backups can be read in its place\\. Nothing was changed',
      ),
    );
    expect(await filesOf(dir)).toEqual(before);
  });

  test('when only an older backup is left, the backend refuses to start and names that backup', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir, { now });
    await journal.append(makeEvents(30));
    await journal.compact();
    await journal.append(makeEvents(30, { from: 30 }));
    await journal.compact();
    await journal.append([makeEvent(60)]);
    await journal.close();
    const [newest, older] = await listBackups(nodeJournalFs, dir);
    await rm(newest!);
    await rm(snapshotPath(dir));
    const refused = await startTestServer(dir).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SnapshotUnrecoverableError);
    expect((refused as SnapshotUnrecoverableError).backupPath).toBe(older);
    expect((refused as Error).message).toContain(
      `The newest readable backup, ${older}, is not that snapshot: starting from it could leave events out.`,
    );
    expect((refused as Error).message).toContain(`gunzip -c "${older}" > "${snapshotPath(dir)}"`);
    // The refusal released the data dir: it opens again once the snapshot is back.
    await expect(openJournal(dir).then((j) => j.close())).resolves.toBeUndefined();
  });

  test('after a reset needs no snapshot: the journal holds everything since', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir, { now, newId: () => 'reset-1' });
    await journal.append(makeEvents(6));
    await journal.compact();
    const { event } = await journal.reset();
    await journal.append([makeEvent(9, { epoch: 1 })]);
    await journal.close();
    await rm(snapshotPath(dir));
    expect((await reopen(dir)).events).toEqual([event, makeEvent(9, { epoch: 1 })]);
  });
});
