import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeJournalFile, writeSnapshotFile } from '../../../bench/fixture-files.ts';
import { makeEvents } from '../../../bench/fixtures.ts';
import type { LedgerEvent } from '../../../src/domain/ledger/events.ts';
import { checkLedgerFiles, listBackups, nodeJournalFs, openJournal } from '../../../src/persistence/index.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs('mb-checksum-');
afterEach(() => dirs.cleanup());

const now = () => new Date('2025-03-02T12:00:00.000Z');
const snapshotPath = (dir: string) => join(dir, 'snapshot.json');

async function reopen(dir: string) {
  const journal = await openJournal(dir, { now });
  const loaded = await journal.load();
  await journal.close();
  return loaded;
}

/** A compacted ledger of 20 events plus 2 in the journal. */
async function compactedLedger(dir: string): Promise<LedgerEvent[]> {
  const journal = await openJournal(dir, { now });
  await journal.append(makeEvents(20));
  await journal.compact();
  await journal.append(makeEvents(2, { from: 20 }));
  await journal.close();
  return makeEvents(22);
}

type Doc = { events: Record<string, unknown>[] } & Record<string, unknown>;

/** Rewrites snapshot.json through `edit` as valid JSON, the way a person with a text editor might. */
async function editSnapshot(dir: string, edit: (doc: Doc) => string): Promise<string> {
  const doc = JSON.parse(await readFile(snapshotPath(dir), 'utf8')) as Doc;
  const text = edit(doc);
  await writeFile(snapshotPath(dir), text);
  return text;
}

const edits: [string, (doc: Doc) => string][] = [
  [
    'a charged amount lowered',
    (doc) =>
      JSON.stringify({
        ...doc,
        events: doc.events.map((e) => (e.type === 'generation.settled' ? { ...e, actualUsdMicros: 1 } : e)),
      }),
  ],
  ['an event removed', (doc) => JSON.stringify({ ...doc, events: doc.events.slice(1) })],
  [
    'its checksum removed along with an event',
    ({ checksum: _, ...doc }) => JSON.stringify({ ...doc, events: doc.events.slice(1) }),
  ],
  // Same events, other bytes: a snapshot is trusted byte for byte, so this counts as changed too.
  ['the same content pretty-printed', (doc) => JSON.stringify(doc, null, 2)],
];

describe.each(edits)('a snapshot edited into other valid JSON (%s)', (_name, edit) => {
  test('is detected on load, set aside, and the ledger is taken from the backup', async () => {
    const dir = await dirs.make();
    const events = await compactedLedger(dir);
    const [backup] = await listBackups(nodeJournalFs, dir);
    const edited = await editSnapshot(dir, edit);
    const { events: loaded, recovery } = await reopen(dir);
    expect(loaded).toEqual(events);
    expect(recovery.snapshotFallback).toBe(backup);
    expect(recovery.snapshotProblem).toMatch(
      /^snapshot\.json (was changed after it was written|has no checksum)/,
    );
    expect(await readFile(recovery.corruptFile!, 'utf8')).toBe(edited);
    expect((await reopen(dir)).recovery.snapshotProblem).toBeNull();
  });
});

describe('checkLedgerFiles (for a doctor command)', () => {
  test('reports a sound data dir as ok, with what each file holds', async () => {
    const dir = await dirs.make();
    await compactedLedger(dir);
    const check = await checkLedgerFiles(dir);
    expect(check.ok).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.snapshot).toMatchObject({ path: snapshotPath(dir), state: 'ok', events: 20, isBase: true });
    expect(check.journal).toMatchObject({
      path: join(dir, 'ledger.jsonl'),
      events: 2,
      badLines: 0,
      base: { count: 20, lastId: 'evt-19' },
    });
    expect(check.backups).toEqual([
      { path: expect.stringMatching(/-compact\.json\.gz$/), state: 'ok', events: 20 },
    ]);
  });

  test('names an edited snapshot and the backup load would use, without writing anything', async () => {
    const dir = await dirs.make();
    await compactedLedger(dir);
    const [backup] = await listBackups(nodeJournalFs, dir);
    await editSnapshot(dir, (doc) => JSON.stringify({ ...doc, events: doc.events.slice(1) }));
    const before = { names: await readdir(dir), snapshot: await readFile(snapshotPath(dir), 'utf8') };
    const check = await checkLedgerFiles(dir);
    expect(check.ok).toBe(false);
    expect(check.snapshot).toMatchObject({ state: 'checksum-mismatch', isBase: false });
    expect(check.problems).toEqual([
      `snapshot.json was changed after it was written (its checksum does not match its content); ` +
        `the next start uses ${backup} instead.`,
    ]);
    expect({ names: await readdir(dir), snapshot: await readFile(snapshotPath(dir), 'utf8') }).toEqual(
      before,
    );
  });

  test('says when the next start would refuse, and why', async () => {
    const dir = await dirs.make();
    await compactedLedger(dir);
    const [backup] = await listBackups(nodeJournalFs, dir);
    await writeFile(backup!, 'not gzip');
    await editSnapshot(dir, (doc) => JSON.stringify({ ...doc, events: [] }));
    const check = await checkLedgerFiles(dir);
    expect(check.ok).toBe(false);
    expect(check.backups).toEqual([{ path: backup, state: 'unreadable', events: null }]);
    expect(check.problems).toEqual([
      expect.stringMatching(/^The next start refuses: .*snapshot\.json was changed after it was written/s),
      `${backup} cannot be read as a ledger.`,
    ]);
  });

  test('a snapshot from before checksums is reported as unchecked, not as damage', async () => {
    const dir = await dirs.make();
    await writeSnapshotFile(dir, makeEvents(3));
    await writeJournalFile(dir, makeEvents(1, { from: 3 }));
    const check = await checkLedgerFiles(dir);
    expect(check.ok).toBe(true);
    expect(check.snapshot).toMatchObject({ state: 'legacy', events: 3, isBase: true });
    expect(check.journal.base).toBeNull();
  });
});
