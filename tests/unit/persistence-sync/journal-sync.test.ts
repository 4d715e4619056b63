import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { waitFor } from 'xstate';
import { selectStatus } from '../../../src/machines/persistence/persistence.selectors.ts';
import { type Journal, openJournal } from '../../../src/persistence/index.ts';
import { generation, resetBuilders, submitted } from '../../fixtures/ledger-builders.ts';
import { journalDisk } from '../../fixtures/machines-persistence/journal-disk.ts';
import {
  freshCache,
  type PanelActor,
  settled,
  shownGenIds,
  startPanel,
  typedDeleteReset,
} from '../../fixtures/machines-persistence/panels.ts';
import { faultyFs } from '../../fixtures/persistence/faulty-fs.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs('mb-sync-');
const open: Array<{ close(): Promise<void> }> = [];
const panels: PanelActor[] = [];

async function journalIn(dir: string, options: Parameters<typeof openJournal>[1] = {}): Promise<Journal> {
  const journal = await openJournal(dir, options);
  await journal.load();
  open.push(journal);
  return journal;
}

function panel(...args: Parameters<typeof startPanel>): PanelActor {
  const actor = startPanel(...args);
  panels.push(actor);
  return actor;
}

beforeEach(() => resetBuilders());
afterEach(async () => {
  for (const actor of panels.splice(0)) actor.stop();
  await Promise.all(open.splice(0).map((j) => j.close()));
  await dirs.cleanup();
});

describe('reset against a real journal and real caches', () => {
  test('a stale cache from before the reset does not bring old rows back', async () => {
    // Arrange: two panels on one journal; both show a recorded generation.
    const disk = journalDisk(await journalIn(await dirs.make()));
    const [cacheA, cacheB] = [freshCache(), freshCache()];
    const a = panel(disk, cacheA);
    const b = panel(disk, cacheB);
    await Promise.all([settled(a), settled(b)]);
    a.send({ type: 'RECORD', events: generation() });
    await settled(a);
    await waitFor(b, () => shownGenIds(b).length === 1);
    // The cache write is queued behind the render: wait for it, so B really leaves a stale cache behind.
    await vi.waitFor(async () => expect((await cacheB.load())?.events).toHaveLength(2), { timeout: 5000 });
    b.stop();

    // Act: reset from panel A, then panel B comes back with its stale cache.
    const backupPath = await typedDeleteReset(a, { disk, cache: cacheA });
    const b2 = panel(disk, cacheB);
    await settled(b2);

    // Assert
    expect(backupPath).toMatch(/backups/);
    expect(shownGenIds(a)).toEqual([]);
    expect(shownGenIds(b2)).toEqual([]);
    expect((await disk.loadWorkingSet()).events.map((e) => e.type)).toEqual(['ledger.reset']);
    expect((await cacheB.load())?.events.map((e) => e.type)).toEqual(['ledger.reset']);
  });

  test('events a stale panel recorded before the reset, never saved, are not written after it', async () => {
    const journal = await journalIn(await dirs.make());
    const disk = journalDisk(journal);
    const staleCache = freshCache();
    const unsaved = generation();
    await staleCache.addPending(unsaved);
    const a = panel(disk, freshCache());
    await settled(a);

    await typedDeleteReset(a, { disk, cache: freshCache() });
    const stale = panel(disk, staleCache);
    await settled(stale);

    expect(shownGenIds(stale)).toEqual([]);
    expect(journal.all().map((e) => e.id)).not.toContain(unsaved[0]!.id);
    expect((await staleCache.load())?.pending).toEqual([]);
  });

  test('a panel recording after the reset records into the new epoch, and both panels agree', async () => {
    const disk = journalDisk(await journalIn(await dirs.make()));
    const a = panel(disk, freshCache());
    const b = panel(disk, freshCache());
    await Promise.all([settled(a), settled(b)]);
    a.send({ type: 'RECORD', events: generation() });
    await settled(a);

    await typedDeleteReset(a, { disk, cache: freshCache() });
    await waitFor(b, (s) => s.context.epoch === 1);
    b.send({ type: 'RECORD', events: generation() });
    await settled(b);
    await waitFor(a, () => shownGenIds(a).length === 1);

    expect(shownGenIds(a)).toEqual(['gen-0003']);
    expect(shownGenIds(b)).toEqual(['gen-0003']);
  });
});

describe('disk faults', () => {
  test('disk full: Offline with N unsaved, then saved with every event on disk exactly once', async () => {
    // Arrange: a journal whose writes fail with ENOSPC.
    const dir = await dirs.make();
    const faulty = faultyFs();
    const journal = await journalIn(dir, { fs: faulty.fs });
    const a = panel(journalDisk(journal), freshCache());
    await settled(a);
    faulty.fail({ op: 'write', code: 'ENOSPC' });
    const events = [...generation(), submitted()];

    // Act
    a.send({ type: 'RECORD', events });
    await waitFor(a, (s) => s.matches('offline'), { timeout: 5_000 });
    const offline = selectStatus(a.getSnapshot());
    faulty.clear();
    await settled(a, 15_000);

    // Assert: status said what happened; after reopening, each id is on disk once.
    expect(offline).toMatchObject({ kind: 'offline', unsaved: 3 });
    expect(offline.reason).toMatch(/ENOSPC|full/);
    expect(selectStatus(a.getSnapshot())).toEqual({ kind: 'saved', unsaved: 0 });
    await journal.close();
    const reopened = await journalIn(dir);
    const ids = (await reopened.load()).events.map((e) => e.id);
    expect(ids.sort()).toEqual(events.map((e) => e.id).sort());
  });
});
