import { afterAll, describe, expect, test } from 'vitest';
import {
  FIXTURE_END,
  FIXTURE_START,
  generateLedgerEvents,
  writeLedgerDataDir,
} from '../../../bench/ledger-fixture.ts';
import { catalog, compareEvents, type LedgerEvent, ledgerEventSchema } from '../../../src/domain/index.ts';
import { openJournal } from '../../../src/persistence/index.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

/**
 * The read-model bench's seeded ledger (issue 12): valid events in ledger order, the same for a seed,
 * and the mix the bench is specified with (tags, models, Dual pairs, failures, externals, pools).
 */

const GENERATIONS = 2_000;
const events = generateLedgerEvents({ generations: GENERATIONS, seed: 7 });
const dirs = tempDirs('mb-bench-fixture-');
afterAll(() => dirs.cleanup());

type Of<T extends LedgerEvent['type']> = Extract<LedgerEvent, { type: T }>;
function ofType<T extends LedgerEvent['type']>(type: T): Of<T>[] {
  return events.filter((event): event is Of<T> => event.type === type);
}

describe('generateLedgerEvents', () => {
  test('every event is a valid ledger event with a unique id, in ledger order', () => {
    const invalid = events.filter((event) => !ledgerEventSchema.safeParse(event).success);
    expect(invalid).toEqual([]);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const outOfOrder = events.filter((event, i) => i > 0 && compareEvents(events[i - 1]!, event) > 0);
    expect(outOfOrder).toEqual([]);
  });

  test('the same seed gives the same ledger, another seed another', () => {
    const again = generateLedgerEvents({ generations: GENERATIONS, seed: 7 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(events));
    const other = generateLedgerEvents({ generations: GENERATIONS, seed: 8 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(events));
  });

  test('each generation runs requested → submitted → completed or failed, most completed ones settled', () => {
    const requested = ofType('generation.requested');
    expect(requested).toHaveLength(GENERATIONS);
    expect(ofType('generation.submitted')).toHaveLength(GENERATIONS);
    const failed = ofType('generation.failed').length;
    const completed = ofType('generation.completed').length;
    expect(failed + completed).toBe(GENERATIONS);
    expect(failed / GENERATIONS).toBeGreaterThan(0.035);
    expect(failed / GENERATIONS).toBeLessThan(0.065);
    const completedIds = new Set(ofType('generation.completed').map((event) => event.genId));
    const settled = ofType('generation.settled').filter((event) => completedIds.has(event.genId));
    expect(settled.length / completed).toBeGreaterThan(0.95);
    expect(settled.every((event) => event.basis === 'metered' && event.billableUnits > 0)).toBe(true);
    const unsettled = ofType('generation.unsettled').length;
    expect(unsettled).toBeGreaterThan(0);
    // Some runs are left open: finished, but settlement has not heard from fal yet.
    expect(completed - settled.length - unsettled).toBeGreaterThan(0);
  });

  test('a fifth of generations are Dual Mode pairs sharing a group, one primary and one secondary', () => {
    const duals = ofType('generation.requested').filter((event) => event.dual);
    expect(duals.length / GENERATIONS).toBeGreaterThan(0.17);
    expect(duals.length / GENERATIONS).toBeLessThan(0.23);
    const groups = new Map<string, string[]>();
    for (const event of duals) {
      const slots = groups.get(event.dual!.groupId) ?? [];
      groups.set(event.dual!.groupId, [...slots, event.dual!.slot]);
    }
    expect([...groups.values()].every((slots) => slots.sort().join() === 'primary,secondary')).toBe(true);
  });

  test('tags come from 40 clients, 200 projects and 600 deliverables; models from all 30 catalog entries', () => {
    const runs = ofType('generation.requested');
    expect(new Set(runs.map((event) => event.tags.client)).size).toBe(40);
    expect(new Set(runs.map((event) => event.tags.project)).size).toBe(200);
    expect(new Set(runs.map((event) => event.tags.deliverable)).size).toBe(600);
    const endpoints = new Set(runs.map((event) => event.endpointId));
    expect(endpoints).toEqual(new Set(catalog.map((model) => model.endpoint_id)));
    expect(catalog).toHaveLength(30);
  });

  test('10k external rows in import batches and 12 pools with the even, usage and weights rules', () => {
    const imports = ofType('external.imported');
    expect(imports.length).toBeGreaterThan(1);
    expect(imports.reduce((sum, event) => sum + event.rows.length, 0)).toBe(10_000);
    const pools = ofType('pool.defined');
    expect(pools).toHaveLength(12);
    expect(new Set(pools.map((event) => event.rule.kind))).toEqual(new Set(['even', 'usage', 'weights']));
  });

  test('the ledger spans at least 12 months of the fixed calendar', () => {
    const first = Date.parse(events[0]!.at);
    const last = Date.parse(events.at(-1)!.at);
    expect(first).toBeGreaterThanOrEqual(Date.parse(FIXTURE_START));
    expect(last).toBeLessThanOrEqual(Date.parse(FIXTURE_END));
    expect(last - first).toBeGreaterThan(365 * 24 * 60 * 60 * 1000);
  });
});

test('writeLedgerDataDir writes a data dir the journal loads back event for event', async () => {
  const small = generateLedgerEvents({ generations: 120, externalRows: 300, seed: 3 });
  const dir = await dirs.make();
  await writeLedgerDataDir(dir, small, 100);
  const journal = await openJournal(dir);
  const { events: loaded, recovery } = await journal.load();
  await journal.close();
  expect(recovery.snapshotProblem).toBeNull();
  expect(loaded.map((event) => event.id)).toEqual(small.map((event) => event.id));
  expect(loaded).toEqual(small);
});
