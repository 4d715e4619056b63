import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { foldLedger, type LedgerEvent, listRows, mergeEvents, totals } from '../../../src/domain/index.ts';
import { createLedgerView } from '../../../src/ledger-view/index.ts';
import { openJournal } from '../../../src/persistence/index.ts';
import { arbStores } from '../../fixtures/ledger-arbitraries.ts';
import { journalDisk } from '../../fixtures/machines-persistence/journal-disk.ts';
import { freshCache, settled, startPanel } from '../../fixtures/machines-persistence/panels.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const dirs = tempDirs('mb-two-panels-');
afterAll(() => dirs.cleanup());

/**
 * The journal writes a reset in its new epoch (epoch = newEpoch) and skips appended events older than
 * its epoch, so a reset recorded the builders' way (epoch = newEpoch - 1) could never reach it from a
 * cache. Use the journal's convention for resets that travel through it.
 */
function asJournalWrites(events: LedgerEvent[]): LedgerEvent[] {
  return events.map((e) => (e.type === 'ledger.reset' ? { ...e, epoch: e.newEpoch } : e));
}

type Order = 'a-then-b' | 'b-then-a' | 'together';

async function run(
  stores: [LedgerEvent[], LedgerEvent[], LedgerEvent[]],
  pendingShare: number,
  order: Order,
) {
  const [onDisk, inA, inB] = stores.map(asJournalWrites) as [LedgerEvent[], LedgerEvent[], LedgerEvent[]];
  const journal = await openJournal(await dirs.make());
  try {
    await journal.load();
    if (onDisk.length > 0) await journal.append(onDisk);
    const disk = journalDisk(journal);
    // Each cache holds some events as already saved, the rest as pending (recorded while offline).
    const [cacheA, cacheB] = [freshCache(), freshCache()];
    for (const [cache, events] of [
      [cacheA, inA],
      [cacheB, inB],
    ] as const) {
      const cut = Math.floor(events.length * pendingShare);
      await cache.save({ state: null, events: events.slice(0, cut), pending: events.slice(cut) });
    }
    const a = order === 'b-then-a' ? null : startPanel(disk, cacheA);
    const b = startPanel(disk, cacheB);
    if (order === 'a-then-b') await settled(a!);
    await settled(b);
    const first = a ?? startPanel(disk, cacheA);
    await settled(first);
    const expected = foldLedger(mergeEvents(mergeEvents(onDisk, inA), inB));
    // Panels hold only their working set now; what they show is the backend's read model of the disk.
    const unsaved = [first, b].map((panel) => panel.getSnapshot().context.pending.length);
    const view = createLedgerView(journal.all());
    const shown = [view.summary({ currency: 'USD' }), view.rows({ currency: 'USD', limit: 200 })];
    // The read model folds in journal order (the backend's truth), as the domain fold of it does.
    const journalFold = foldLedger(journal.all());
    first.stop();
    b.stop();
    return { shown, unsaved, expected, journalFold, onDiskNow: foldLedger(mergeEvents(journal.all(), [])) };
  } finally {
    await journal.close();
  }
}

/** `lastEventId` names the last event folded, which depends on each store's order, not on content. */
function withoutCursor(state: unknown): unknown {
  return { ...(state as object), lastEventId: null };
}

test('two panels with different caches save everything: disk and what both are shown are the merge of all stores, in any order', async () => {
  await fc.assert(
    fc.asyncProperty(
      arbStores(14),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom<Order>('a-then-b', 'b-then-a', 'together'),
      async (stores, pendingShare, order) => {
        const { shown, unsaved, expected, journalFold, onDiskNow } = await run(stores, pendingShare, order);
        // Nothing is left unsaved, and disk converged to the union: no panel's cost went missing.
        expect(unsaved).toEqual([0, 0]);
        expect(withoutCursor(onDiskNow)).toEqual(withoutCursor(expected));
        // What both panels are shown is the read model over that disk: the fold of the journal.
        expect(shown[0]).toMatchObject({ totals: totals(journalFold) });
        expect((shown[1] as { rows: { item: { id: string } }[] }).rows.map((r) => r.item.id)).toEqual(
          listRows(journalFold).map((r) => r.item.id),
        );
      },
    ),
    { numRuns: 60 },
  );
}, 120_000);
