import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeEvent, makeEvents } from '../../../bench/fixtures.ts';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import {
  BACKUPS_KEPT,
  InvalidLedgerEventError,
  JournalUnavailableError,
  listBackups,
  nodeJournalFs,
  openJournal,
} from '../../../src/persistence/index.ts';
import { readBackupDoc, readJournalFile } from '../../fixtures/persistence/data-files.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const fixedNow = () => new Date('2025-03-02T12:00:00.000Z');
const ids = (events: readonly LedgerEvent[]) => events.map((event) => event.id);

async function reopen(dir: string) {
  const journal = await openJournal(dir);
  const loaded = await journal.load();
  await journal.close();
  return loaded;
}

describe('append and load', () => {
  test('appended events survive a reopen, in order, each line one JSON event', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir);
    expect((await journal.load()).events).toEqual([]);
    await journal.append(makeEvents(3));
    await journal.append(makeEvents(2, { from: 3 }));
    expect(ids(journal.all())).toEqual(['evt-0', 'evt-1', 'evt-2', 'evt-3', 'evt-4']);
    await journal.close();
    const lines = (await readFile(join(dir, 'ledger.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(['evt-0', 'evt-1', 'evt-2', 'evt-3', 'evt-4']);
    const { events, recovery } = await reopen(dir);
    expect(events).toEqual(makeEvents(5));
    expect(recovery).toEqual({
      tornLines: 0,
      corruptFile: null,
      snapshotFallback: null,
      snapshotProblem: null,
      readOnlyReason: null,
      migratedFrom: null,
    });
  });

  test('append is idempotent by id: known ids and repeats within a batch are skipped', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir);
    await journal.load();
    expect(ids((await journal.append(makeEvents(3))).appended)).toEqual(['evt-0', 'evt-1', 'evt-2']);
    const again = await journal.append([
      makeEvent(1),
      makeEvent(3),
      makeEvent(3),
      makeEvent(2),
      makeEvent(4),
    ]);
    expect(ids(again.appended)).toEqual(['evt-3', 'evt-4']);
    expect((await journal.append(makeEvents(5))).appended).toEqual([]);
    await journal.close();
    expect(ids((await reopen(dir)).events)).toEqual(['evt-0', 'evt-1', 'evt-2', 'evt-3', 'evt-4']);
  });

  test('an invalid event refuses the whole batch with a readable reason and writes nothing', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir);
    await journal.load();
    const bad = { ...makeEvent(1), durationMs: 1.5 } as LedgerEvent;
    const refused = journal.append([makeEvent(0), bad]);
    await expect(refused).rejects.toBeInstanceOf(InvalidLedgerEventError);
    await expect(refused).rejects.toThrow(/Event 2 of the batch \(id "evt-1"\).*nothing was written/s);
    expect(journal.all()).toEqual([]);
    await journal.close();
    expect(await readFile(join(dir, 'ledger.jsonl'), 'utf8')).toBe('');
  });

  test('append loads first when load() was not called', async () => {
    const dir = await dirs.make();
    const first = await openJournal(dir);
    await first.append(makeEvents(2));
    await first.close();
    const second = await openJournal(dir);
    expect(ids((await second.append(makeEvents(3))).appended)).toEqual(['evt-2']);
    await second.close();
  });

  test('a closed journal refuses every call with a clear error', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir);
    await journal.close();
    await journal.close();
    await expect(journal.append(makeEvents(1))).rejects.toBeInstanceOf(JournalUnavailableError);
    await expect(journal.load()).rejects.toThrow(/closed; open it again/);
  });
});

describe('compaction', () => {
  test('after compactEvery events the snapshot holds everything and the journal only names it', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir, { compactEvery: 4 });
    await journal.load();
    await journal.append(makeEvents(3));
    expect(await readFile(join(dir, 'snapshot.json'), 'utf8').catch(() => null)).toBeNull();
    await journal.append(makeEvents(2, { from: 3 }));
    const snapshot = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8'));
    expect(snapshot).toMatchObject({ v: 1, epoch: 0 });
    expect(ids(snapshot.events)).toEqual(ids(makeEvents(5)));
    expect(await readJournalFile(dir)).toEqual({
      base: { count: 5, lastId: 'evt-4', epoch: 0, checksum: snapshot.checksum },
      ids: [],
    });
    await journal.append(makeEvents(1, { from: 5 }));
    await journal.close();
    expect((await reopen(dir)).events).toEqual(makeEvents(6));
  });

  test(`every compaction backs up first and only the newest ${BACKUPS_KEPT.compact} of those backups are kept`, async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir, { now: fixedNow });
    await journal.load();
    for (let round = 0; round < 13; round++) {
      await journal.append(makeEvents(1, { from: round }));
      await journal.compact();
    }
    await journal.close();
    const backups = await listBackups(nodeJournalFs, dir);
    expect(backups).toHaveLength(BACKUPS_KEPT.compact);
    expect(backups[0]).toMatch(/backup-000013-2025-03-02T12-00-00-000Z-compact\.json\.gz$/);
    const oldest = String(14 - BACKUPS_KEPT.compact).padStart(6, '0');
    expect(backups.at(-1)).toMatch(new RegExp(`backup-${oldest}-`));
    // The newest backup holds the state of the last compaction: 13 events.
    expect((await readBackupDoc(backups[0]!)).events).toHaveLength(13);
  });
});

describe('reset', () => {
  test('backs up first, records ledger.reset with epoch + 1, and keeps only later events', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir, { now: fixedNow, newId: () => 'reset-1' });
    await journal.load();
    await journal.append(makeEvents(4));
    const { backupPath, event } = await journal.reset();
    expect(event).toEqual({
      id: 'reset-1',
      type: 'ledger.reset',
      at: '2025-03-02T12:00:00.000Z',
      epoch: 1,
      v: 1,
      newEpoch: 1,
    });
    expect((await stat(backupPath)).isFile()).toBe(true);
    expect(backupPath).toMatch(/-reset\.json\.gz$/);
    const backup = await readBackupDoc(backupPath);
    expect(backup).toMatchObject({ epoch: 0 });
    expect(ids(backup.events)).toEqual(ids(makeEvents(4)));
    expect(journal.all()).toEqual([event]);
    expect(journal.epoch).toBe(1);
    expect([journal.has('reset-1'), journal.has('evt-0')]).toEqual([true, false]);
    await journal.append([makeEvent(10, { epoch: 1 })]);
    // A stale panel still on epoch 0 cannot bring old rows back, not even new ones from that epoch.
    expect((await journal.append([makeEvent(2), makeEvent(11)])).appended).toEqual([]);
    await journal.close();
    expect(ids((await reopen(dir)).events)).toEqual(['reset-1', 'evt-10']);
  });

  test('a reset from another store is kept whichever epoch it was stamped with', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir);
    await journal.load();
    await journal.append(makeEvents(2));
    // Stamped in the epoch it ends (as a panel that saw epoch 0 would write it) yet starting epoch 1.
    const reset = {
      id: 'remote-reset',
      type: 'ledger.reset',
      at: '2025-03-02T12:00:00.000Z',
      epoch: 0,
      v: 1,
      newEpoch: 1,
    };
    const { appended } = await journal.append([reset as LedgerEvent, makeEvent(5, { epoch: 1 })]);
    expect(ids(appended)).toEqual(['remote-reset', 'evt-5']);
    await journal.close();
    expect(ids((await reopen(dir)).events)).toEqual(['remote-reset', 'evt-5']);
  });

  test('a second reset moves to epoch 2', async () => {
    const dir = await dirs.make();
    let n = 0;
    const journal = await openJournal(dir, { newId: () => `reset-${++n}` });
    await journal.load();
    await journal.reset();
    await journal.append([makeEvent(1, { epoch: 1 })]);
    const second = await journal.reset();
    expect(second.event).toMatchObject({ epoch: 2, newEpoch: 2 });
    const backup = await readBackupDoc(second.backupPath);
    expect(ids(backup.events)).toEqual(['reset-1', 'evt-1']);
    await journal.close();
    expect(ids((await reopen(dir)).events)).toEqual(['reset-2']);
  });
});
