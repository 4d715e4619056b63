import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type LedgerEvent, isLiveIn, learnedEstimate, learnedSamples } from '../../../src/domain/index.ts';
import { createLedgerView } from '../../../src/ledger-view/index.ts';
import {
  DEFAULT_SETTLEMENT_POLICY,
  rebuildQueue,
} from '../../../src/machines/generation/settlement-queue.ts';
import { completed, reset, resetBuilders, settled, submitted } from '../../fixtures/ledger-builders.ts';
import { fold, viewInPieces } from './oracle.ts';
import { arbViewEvents } from './view-arbitraries.ts';

/**
 * The working set is what the panel's machines rebuild from instead of the history: settlement's queue
 * from its events is the queue of the whole ledger, it holds no run settlement is done with, and its
 * learned samples give the same learned estimates as every metered run.
 */

const DAY = 24 * 60 * 60 * 1000;
const queueOf = (events: readonly LedgerEvent[]) => rebuildQueue(events, DEFAULT_SETTLEMENT_POLICY);

/** Checks the working set of a view against the events folded into it. */
function expectWorkingSet(
  events: readonly LedgerEvent[],
  set: ReturnType<ReturnType<typeof createLedgerView>['workingSet']>,
) {
  const whole = queueOf(events);
  const fromSet = queueOf(set.events);
  expect(fromSet.entries).toEqual(whole.entries);
  expect(fromSet.epoch).toBe(whole.epoch);
  const { epoch } = fold(events);
  expect(set.epoch).toBe(epoch);
  // Only open runs, each with every event the fold counts, in journal order, plus the epoch's reset.
  const open = new Set(Object.keys(whole.entries));
  const expected = events.filter(
    (e) =>
      isLiveIn(e, epoch) &&
      (e.type === 'ledger.reset' ? e.newEpoch === epoch : 'genId' in e && open.has(e.genId)),
  );
  const resets = set.events.filter((e) => e.type === 'ledger.reset');
  expect(resets.length).toBeLessThanOrEqual(1);
  expect(set.events.filter((e) => e.type !== 'ledger.reset')).toEqual(
    expected.filter((e) => e.type !== 'ledger.reset'),
  );
  if (expected.some((e) => e.type === 'ledger.reset')) expect(resets).toHaveLength(1);
  const positions = set.events.map((e) => events.indexOf(e));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe('the working set', () => {
  test('rebuilds the settlement queue of the whole ledger, holds only open runs, and follows appends', () => {
    fc.assert(
      fc.property(arbViewEvents(60), fc.array(fc.nat(), { maxLength: 5 }), (events, cuts) => {
        // From an empty view: what was kept of nothing must not stay.
        viewInPieces(createLedgerView, events, [0, ...cuts], (view, folded) => {
          const now = new Date('2025-12-20T00:00:00Z');
          const set = view.workingSet(now);
          expectWorkingSet(folded, set);
          const window = learnedSamples(fold(folded)).filter(
            (s) => Date.parse(s.at) >= now.getTime() - 61 * DAY,
          );
          expect(set.learned).toEqual(window);
        });
      }),
      { numRuns: 150 },
    );
  });

  test('its learned samples give every learned estimate the whole ledger gives, at any time', () => {
    fc.assert(
      fc.property(
        arbViewEvents(60),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.integer({ min: -10 * DAY, max: 120 * DAY }),
        (events, cuts, offset) => {
          const view = viewInPieces(createLedgerView, events, cuts);
          const now = new Date(Date.parse(events.at(-1)?.at ?? '2025-11-01T08:00:00.000Z') + offset);
          const set = view.workingSet(now);
          const all = learnedSamples(fold(events));
          for (const key of new Set(all.map((sample) => sample.configKey))) {
            expect(learnedEstimate(set.learned, key, now)).toEqual(learnedEstimate(all, key, now));
          }
          // The domain's samples, in its order, from the window and a day before `now` on.
          const window = all.filter((s) => Date.parse(s.at) >= now.getTime() - 61 * DAY);
          expect(set.learned).toEqual(window);
        },
      ),
      { numRuns: 120 },
    );
  });

  test('a settled run leaves it; a run settlement still waits for stays with all its events', () => {
    resetBuilders();
    const done = submitted();
    const waiting = submitted();
    const events = [
      done,
      waiting,
      completed(done.genId),
      completed(waiting.genId),
      settled(done.genId, 40_000),
    ];
    const set = createLedgerView(events).workingSet(new Date('2025-11-04T00:00:00Z'));
    expect(set.events).toEqual([waiting, events[3]]);
    expect(set.version).toBe('0:5');
  });

  test('facts timed before the epoch’s reset are left out as settlement leaves them out', () => {
    resetBuilders();
    const cleared = reset(1);
    // Written after the reset in the journal, but with the reset's time and an id that sorts first.
    const early = { ...submitted({ epoch: 1 }), at: cleared.at, id: 'a-early' };
    const later = submitted({ epoch: 1 });
    const events: LedgerEvent[] = [cleared, early, later];
    const set = createLedgerView(events).workingSet(new Date('2025-11-04T00:00:00Z'));
    expect(Object.keys(queueOf(set.events).entries)).toEqual([later.genId]);
    expect(queueOf(set.events).entries).toEqual(queueOf(events).entries);
    expect(set.events[0]).toBe(cleared);
  });
});
