import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeEvent, makeEvents } from '../../../bench/fixtures.ts';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import { JournalWriteError, openJournal } from '../../../src/persistence/index.ts';
import { type Fault, faultyFs } from '../../fixtures/persistence/faulty-fs.ts';
import { readJournalFile } from '../../fixtures/persistence/data-files.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs('mb-faults-');
afterEach(() => dirs.cleanup());

const ids = (events: readonly LedgerEvent[]) => events.map((event) => event.id);

async function reopen(dir: string) {
  const journal = await openJournal(dir);
  const loaded = await journal.load();
  await journal.close();
  return loaded;
}

const appendFaults: [string, Fault, RegExp][] = [
  [
    'ENOSPC, half the line written',
    { op: 'write', code: 'ENOSPC', partial: true },
    /the disk is full \(ENOSPC\)/,
  ],
  ['EIO on fsync after the bytes were written', { op: 'sync', code: 'EIO' }, /I\/O error \(EIO\)/],
  [
    'EACCES opening the journal',
    { op: 'open', code: 'EACCES', path: 'ledger.jsonl' },
    /permission denied \(EACCES\)/,
  ],
];

describe.each(appendFaults)('append with %s', (_name, fault, reason) => {
  test('rejects clearly, loses nothing acknowledged, and a retry after recovery writes once', async () => {
    const dir = await dirs.make();
    const earlier = await openJournal(dir);
    await earlier.append(makeEvents(3));
    await earlier.close();
    const disk = faultyFs();
    const journal = await openJournal(dir, { fs: disk.fs });
    await journal.load();
    disk.fail(fault);
    const pending = makeEvents(2, { from: 3 });
    const refused = await journal.append(pending).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(JournalWriteError);
    expect((refused as JournalWriteError).code).toBe(fault.code);
    expect((refused as Error).message).toMatch(/Could not save 2 ledger event\(s\) to .*ledger\.jsonl: /);
    expect((refused as Error).message).toMatch(reason);
    expect((refused as Error).message).toMatch(
      /Nothing of this batch was acknowledged; keep it pending and retry/,
    );
    expect(ids(journal.all())).toEqual(['evt-0', 'evt-1', 'evt-2']);
    // Still failing: the retry is refused again and nothing changes.
    await expect(journal.append(pending)).rejects.toBeInstanceOf(JournalWriteError);
    disk.clear();
    expect(ids((await journal.append([...makeEvents(2), ...pending])).appended)).toEqual(['evt-3', 'evt-4']);
    await journal.close();
    // Written once on disk too, not just de-duplicated on load.
    const lines = (await readFile(join(dir, 'ledger.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(ids(makeEvents(5)));
    const { events, recovery } = await reopen(dir);
    expect(events).toEqual(makeEvents(5));
    expect(recovery.tornLines).toBe(0);
  });
});

test('when cutting a partial write off fails too, the next append cuts it before writing', async () => {
  const dir = await dirs.make();
  const disk = faultyFs();
  const journal = await openJournal(dir, { fs: disk.fs });
  await journal.append(makeEvents(1));
  disk.fail({ op: 'write', code: 'EIO', partial: true });
  disk.fail({ op: 'truncate', code: 'EIO' });
  await expect(journal.append(makeEvents(2, { from: 1 }))).rejects.toThrow(/EIO/);
  // The half line is still in the file at this point.
  expect((await readFile(join(dir, 'ledger.jsonl'), 'utf8')).split('\n')).toHaveLength(3);
  disk.clear();
  await journal.append(makeEvents(3));
  await journal.close();
  const { events, recovery } = await reopen(dir);
  expect(events).toEqual(makeEvents(3));
  expect(recovery.tornLines).toBe(0);
});

test('a failing automatic compaction does not fail the append that triggered it, and is retried', async () => {
  const dir = await dirs.make();
  const disk = faultyFs();
  const journal = await openJournal(dir, { fs: disk.fs, compactEvery: 3 });
  await journal.load();
  disk.fail({ op: 'rename', code: 'ENOSPC', path: 'snapshot.json' });
  expect((await journal.append(makeEvents(4))).appended).toHaveLength(4);
  expect(disk.failures).toBe(1);
  expect((await readFile(join(dir, 'ledger.jsonl'), 'utf8')).trimEnd().split('\n')).toHaveLength(4);
  disk.clear();
  await journal.append(makeEvents(1, { from: 4 }));
  expect(await readJournalFile(dir)).toEqual({ base: expect.objectContaining({ count: 5 }), ids: [] });
  await journal.close();
  expect((await reopen(dir)).events).toEqual(makeEvents(5));
});

test('an explicit compact() that fails rejects and leaves every event loadable', async () => {
  const dir = await dirs.make();
  const disk = faultyFs();
  const journal = await openJournal(dir, { fs: disk.fs });
  await journal.append(makeEvents(4));
  disk.fail({ op: 'write', code: 'ENOSPC', path: 'snapshot.json' });
  const refused = journal.compact();
  await expect(refused).rejects.toBeInstanceOf(JournalWriteError);
  await expect(refused).rejects.toThrow(/^Could not compact the ledger in .*: the disk is full \(ENOSPC\)/);
  await journal.close();
  expect((await reopen(dir)).events).toEqual(makeEvents(4));
});

test('a reset whose snapshot write fails still holds: old events never come back', async () => {
  const dir = await dirs.make();
  const disk = faultyFs();
  const journal = await openJournal(dir, { fs: disk.fs, newId: () => 'reset-1' });
  await journal.append(makeEvents(4));
  await journal.compact();
  disk.fail({ op: 'rename', code: 'EIO', path: 'snapshot.json' });
  const { event } = await journal.reset();
  disk.clear();
  await journal.close();
  expect((await reopen(dir)).events).toEqual([event]);
});

test('a reset that cannot write its backup fails and leaves the data untouched', async () => {
  const dir = await dirs.make();
  const disk = faultyFs();
  const journal = await openJournal(dir, { fs: disk.fs });
  await journal.append(makeEvents(4));
  disk.fail({ op: 'open', code: 'ENOSPC', path: 'backups' });
  const refused = await journal.reset().catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(JournalWriteError);
  expect((refused as JournalWriteError).code).toBe('ENOSPC');
  expect((refused as Error).message).toBe(
    `Could not reset the ledger in ${dir}: the disk is full (ENOSPC): free some space. ` +
      'Nothing was reset: the cost history is as it was.',
  );
  expect(journal.all()).toEqual(makeEvents(4));
  await journal.close();
  expect((await reopen(dir)).events).toEqual(makeEvents(4));
});

test('random faults over many appends with retries: acknowledged events are all there, exactly once', async () => {
  const dir = await dirs.make();
  const disk = faultyFs();
  const journal = await openJournal(dir, { fs: disk.fs, compactEvery: 7 });
  await journal.load();
  const ops = ['open', 'write', 'sync', 'truncate', 'rename', 'close'] as const;
  const codes = ['ENOSPC', 'EIO', 'EACCES'] as const;
  const acked = new Set<string>();
  let pending: LedgerEvent[] = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let step = 0; step < 150; step++) {
    disk.clear();
    if (next() < 0.4) {
      disk.fail({
        op: ops[Math.floor(next() * ops.length)]!,
        code: codes[step % 3]!,
        partial: next() < 0.5,
        times: 1,
      });
    }
    pending = [...pending, makeEvent(step)];
    try {
      await journal.append(pending);
      for (const event of pending) acked.add(event.id);
      pending = [];
    } catch (error) {
      expect(error).toBeInstanceOf(JournalWriteError);
    }
  }
  disk.clear();
  expect(disk.failures).toBeGreaterThan(20);
  await journal.close();
  const { events } = await reopen(dir);
  const stored = ids(events);
  expect(new Set(stored).size).toBe(stored.length);
  expect([...acked].filter((id) => !stored.includes(id))).toEqual([]);
  expect(stored).toEqual(ids(makeEvents(150)).filter((id) => stored.includes(id)));
});
