import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeJournalFile, writeSnapshotFile } from '../../../bench/fixture-files.ts';
import { makeEvent, makeEvents } from '../../../bench/fixtures.ts';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import {
  JournalReadOnlyError,
  listBackups,
  nodeJournalFs,
  openJournal,
  SnapshotUnrecoverableError,
} from '../../../src/persistence/index.ts';
import { readBackupDoc, readJournalFile } from '../../fixtures/persistence/data-files.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const now = () => new Date('2025-03-02T12:00:00.000Z');
const ids = (events: readonly LedgerEvent[]) => events.map((event) => event.id);
const read = (dir: string, name: string) => readFile(join(dir, name), 'utf8');

async function reopen(dir: string) {
  const journal = await openJournal(dir, { now });
  const loaded = await journal.load();
  await journal.close();
  return loaded;
}

describe('journal damage', () => {
  test('a torn last line is moved aside, reported, and cut off so appends continue cleanly', async () => {
    const dir = await dirs.make();
    await writeJournalFile(dir, makeEvents(5));
    const clean = await read(dir, 'ledger.jsonl');
    await appendFile(join(dir, 'ledger.jsonl'), '{"id":"evt-5","type":"generation.compl');
    const journal = await openJournal(dir, { now });
    const { events, recovery } = await journal.load();
    expect(events).toEqual(makeEvents(5));
    expect(recovery.tornLines).toBe(1);
    expect(recovery.corruptFile).toBe(join(dir, 'ledger.jsonl.2025-03-02T12-00-00-000Z.corrupt'));
    expect(await readFile(recovery.corruptFile!, 'utf8')).toBe('{"id":"evt-5","type":"generation.compl\n');
    expect(await read(dir, 'ledger.jsonl')).toBe(clean);
    await journal.append([makeEvent(5)]);
    await journal.close();
    const again = await reopen(dir);
    expect(again.events).toEqual(makeEvents(6));
    expect(again.recovery.tornLines).toBe(0);
  });

  test('several corrupt lines at the end are all set aside', async () => {
    const dir = await dirs.make();
    await writeJournalFile(dir, makeEvents(2));
    await appendFile(join(dir, 'ledger.jsonl'), 'not json\n{"id":"x","type":"t"}\n{"id":');
    const { events, recovery } = await reopen(dir);
    expect(events).toEqual(makeEvents(2));
    expect(recovery.tornLines).toBe(3);
    expect(await readFile(recovery.corruptFile!, 'utf8')).toBe('not json\n{"id":"x","type":"t"}\n{"id":\n');
    expect((await reopen(dir)).recovery.tornLines).toBe(0);
  });

  test('a corrupt line in the middle is set aside and the files are rewritten without it', async () => {
    const dir = await dirs.make();
    const [a, b] = makeEvents(2).map((event) => JSON.stringify(event));
    await writeFile(join(dir, 'ledger.jsonl'), `${a}\n{"garbage\n${b}\n`);
    const { events, recovery } = await reopen(dir);
    expect(ids(events)).toEqual(['evt-0', 'evt-1']);
    expect(recovery.tornLines).toBe(1);
    expect((await readJournalFile(dir)).ids).toEqual([]);
    expect(ids(JSON.parse(await read(dir, 'snapshot.json')).events)).toEqual(['evt-0', 'evt-1']);
    expect((await reopen(dir)).recovery).toMatchObject({ tornLines: 0, corruptFile: null });
  });

  test('events in both snapshot and journal (crash mid-compaction) load once; stray temp files go', async () => {
    const dir = await dirs.make();
    await writeSnapshotFile(dir, makeEvents(4));
    await writeJournalFile(dir, makeEvents(6, { from: 2 }));
    await writeFile(join(dir, 'snapshot.json.tmp'), '{"v":1,"epo');
    const { events } = await reopen(dir);
    expect(events).toEqual(makeEvents(8));
    expect(await readdir(dir)).not.toContain('snapshot.json.tmp');
  });

  test('a reset interrupted before its snapshot was written still hides every older event', async () => {
    const dir = await dirs.make();
    await writeSnapshotFile(dir, makeEvents(3));
    const reset = {
      id: 'r',
      type: 'ledger.reset',
      at: now().toISOString(),
      epoch: 1,
      v: 1,
      newEpoch: 1,
    } as const;
    await writeJournalFile(dir, [reset]);
    expect((await reopen(dir)).events).toEqual([reset]);
  });
});

describe('snapshot damage', () => {
  test('a corrupt snapshot falls back to the newest good backup plus the journal, then is repaired', async () => {
    const dir = await dirs.make();
    const journal = await openJournal(dir, { now });
    await journal.load();
    await journal.append(makeEvents(10));
    await journal.compact();
    await journal.append(makeEvents(3, { from: 10 }));
    await journal.close();
    const [backup] = await listBackups(nodeJournalFs, dir);
    await writeFile(join(dir, 'snapshot.json'), '{"v":1,"epoch":0,"events":[{"id":');
    const { events, recovery } = await reopen(dir);
    expect(events).toEqual(makeEvents(13));
    expect(recovery.snapshotFallback).toBe(backup);
    expect(recovery.corruptFile).toBe(join(dir, 'snapshot.json.2025-03-02T12-00-00-000Z.corrupt'));
    expect(await readFile(recovery.corruptFile!, 'utf8')).toBe('{"v":1,"epoch":0,"events":[{"id":');
    const again = await reopen(dir);
    expect(again.events).toEqual(makeEvents(13));
    expect(again.recovery.snapshotFallback).toBeNull();
  });

  test('a corrupt snapshot with no readable backup is not loaded as if the journal were all, and nothing is touched', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, 'snapshot.json'), 'garbage');
    await writeJournalFile(dir, makeEvents(2));
    const journal = await openJournal(dir, { now });
    const refused = await journal.load().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SnapshotUnrecoverableError);
    expect((refused as Error).message).toMatch(
      new RegExp(
        `^${join(dir, 'snapshot.json')} cannot be read as a ledger.*No backup in .* can be read`,
        's',
      ),
    );
    await expect(journal.append([makeEvent(2)])).rejects.toBeInstanceOf(SnapshotUnrecoverableError);
    await journal.close();
    expect(await read(dir, 'snapshot.json')).toBe('garbage');
    expect((await readdir(dir)).sort()).toEqual(['ledger.jsonl', 'snapshot.json']);
  });
});

describe('schema versions', () => {
  test('files from a newer schema version open read-only and are never overwritten', async () => {
    const dir = await dirs.make();
    await writeFile(
      join(dir, 'snapshot.json'),
      JSON.stringify({ v: 2, epoch: 0, events: [{ ...makeEvent(0), v: 2 }] }),
    );
    await writeJournalFile(dir, [makeEvent(1), { ...makeEvent(2), v: 2 } as unknown as LedgerEvent]);
    const before = { snapshot: await read(dir, 'snapshot.json'), journal: await read(dir, 'ledger.jsonl') };
    const journal = await openJournal(dir, { now });
    const { events, recovery } = await journal.load();
    expect(journal.readOnly).toBe(true);
    expect(recovery.readOnlyReason).toMatch(
      /schema version 2.*up to version 1.*read-only.*update modelBridge/s,
    );
    expect(ids(events)).toEqual(['evt-1']);
    for (const write of [
      () => journal.append([makeEvent(3)]),
      () => journal.compact(),
      () => journal.reset(),
    ]) {
      await expect(write()).rejects.toThrow(
        /is read-only, nothing was written: the ledger files were written by/,
      );
    }
    await journal.close();
    expect({ snapshot: await read(dir, 'snapshot.json'), journal: await read(dir, 'ledger.jsonl') }).toEqual(
      before,
    );
    expect((await readdir(dir)).sort()).toEqual(['ledger.jsonl', 'snapshot.json']);
  });

  test('a newer event in the journal alone is enough to open read-only', async () => {
    const dir = await dirs.make();
    await writeJournalFile(dir, [makeEvent(0), { ...makeEvent(1), v: 3 } as unknown as LedgerEvent]);
    const journal = await openJournal(dir);
    const { recovery } = await journal.load();
    expect(recovery.readOnlyReason).toMatch(/schema version 3/);
    await expect(journal.append([makeEvent(2)])).rejects.toBeInstanceOf(JournalReadOnlyError);
    await journal.close();
  });

  test('v0 files are backed up before the v0 → v1 migration runs, then rewritten as v1', async () => {
    const dir = await dirs.make();
    const v0 = makeEvents(5).map((event) => ({ ...event, v: 0 }) as unknown as LedgerEvent);
    await writeFile(join(dir, 'snapshot.json'), JSON.stringify({ v: 0, epoch: 0, events: v0.slice(0, 3) }));
    await writeJournalFile(dir, v0.slice(3));
    const { events, recovery } = await reopen(dir);
    expect(recovery.migratedFrom).toBe(0);
    expect(events).toEqual(makeEvents(5));
    // The migration's backup holds the files as they were; the compaction after it has its own.
    const backups = await listBackups(nodeJournalFs, dir);
    expect(backups.map((path) => path.replace(/.*-/, ''))).toEqual(['compact.json.gz', 'migrate.json.gz']);
    expect(await readBackupDoc(backups[1]!)).toMatchObject({ v: 0, events: v0 });
    expect(JSON.parse(await read(dir, 'snapshot.json'))).toMatchObject({ v: 1, events: makeEvents(5) });
    expect((await reopen(dir)).recovery.migratedFrom).toBeNull();
  });
});
