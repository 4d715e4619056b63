import { createActor, fromCallback, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../src/domain/index.ts';
import { defineRecordLedgerActor } from '../../src/machines/generation/record-ledger.actor.ts';
import type { RequestRef } from '../../src/machines/generation/generation-run.contract.ts';
import {
  type RereadResultOutput,
  settlementMachine,
} from '../../src/machines/generation/settlement.machine.ts';
import { completed, resetBuilders, settled, submitted } from '../fixtures/ledger-builders.ts';
import { controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import { memoryLedger } from '../fixtures/machines/ports.ts';
import { expectLedger } from '../fixtures/machines/oracles/ledger-totals.ts';
import {
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';
import {
  expectSettlementRow,
  linesOf,
  SETTLEMENT_ROWS,
  settlementOracle,
  settlementTotals,
} from '../fixtures/machines/oracles/settlement.oracle.ts';

type Snap = SnapshotFrom<typeof settlementMachine>;
type AnyEvent = { type: string; [key: string]: unknown };
type Step = { event: AnyEvent };

resetBuilders();
const first = submitted();
const done = completed(first.genId);
const second = submitted();
const secondDone = completed(second.genId);
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const INPUT = { events: [first, done] as LedgerEvent[], now: done.at };

// TICKs before and after the first due time take `hasDueEntry` both ways; results with and without
// units take `hasUnits` both ways.
const EVENTS: AnyEvent[] = [
  { type: 'TICK', at: plus(done.at, 30_000) },
  { type: 'TICK', at: plus(done.at, 3 * 60_000) },
  { type: 'LEDGER_APPENDED', events: [second, secondDone] },
  { type: 'LEDGER_APPENDED', events: [settled(first.genId, 25_000)] },
  { type: 'LEDGER_FAILED', message: 'cache full' },
  {
    type: 'xstate.done.actor.rereadResult',
    output: { billableUnits: 2, billAs: null, at: plus(done.at, 3 * 60_000) },
  },
  {
    type: 'xstate.done.actor.rereadResult',
    output: { billableUnits: null, billAs: null, at: plus(done.at, 3 * 60_000) },
  },
  {
    type: 'xstate.error.actor.rereadResult',
    error: { kind: 'NETWORK', charged: 'maybe', message: 'offline' },
  },
  { type: 'xstate.error.actor.ledger', error: new Error('ledger writer crashed') },
  { type: 'xstate.error.actor.clock', error: new Error('clock crashed') },
];

const key = (s: Snap) =>
  JSON.stringify([
    s.value,
    s.context.now,
    Object.values(s.context.queue.entries).map((e) => [e.genId, e.attempts]),
    Object.keys(s.context.queue.finished),
    s.context.problem,
  ]);
const model = createTestModel(asTestModel(settlementMachine), {
  events: EVENTS as never,
  serializeState: key,
});
const oracle = settlementOracle(INPUT.events, INPUT.now, EVENTS);

describe('settlement machine (model)', () => {
  it('every shortest path holds in the real machine', { timeout: 30_000 }, async () => {
    const paths = model.getShortestPaths({ input: INPUT });
    expect(paths.length).toBeGreaterThan(6);
    for (const path of paths) {
      const ledger = memoryLedger();
      const reread = controlledPromise<RereadResultOutput, RequestRef>('rereadResult');
      const machine = settlementMachine.provide({
        actors: {
          rereadResult: reread.logic,
          tickClock: fromCallback(() => () => {}),
          recordLedger: defineRecordLedgerActor({ ledger }),
        },
      });
      // The ledger holds what settlement booted from; appended facts are written to it as they arrive.
      ledger.write(INPUT.events);
      const actor = createActor(machine, { input: INPUT }).start();
      const direct = ({ event }: Step) => actor.send(event as never);
      const appended = ({ event }: Step) => {
        ledger.write(event.events as LedgerEvent[]);
        actor.send(event as never);
      };
      const settle = async ({ event }: Step) => {
        if (event.type.startsWith('xstate.done')) reread.last().resolve(event.output as RereadResultOutput);
        else reread.last().reject(event.error);
        await flush();
      };
      const executors: Array<[string, (step: Step) => unknown]> = [
        ['TICK', direct],
        ['LEDGER_APPENDED', appended],
        ['LEDGER_FAILED', direct],
        ['xstate.error.actor.ledger', direct],
        ['xstate.error.actor.clock', direct],
        ['xstate.done.actor.rereadResult', settle],
        ['xstate.error.actor.rereadResult', settle],
      ];
      const want = factsAlong(oracle, path.steps as never);
      let at = 0;
      await path.test({
        events: Object.fromEntries(executors) as never,
        states: {
          '*': async (expected: Snap) => {
            const actual = actor.getSnapshot();
            expect(key(actual)).toBe(key(expected));
            // The independent statement: the state the event must lead to, the queue, and the ledger.
            const f = want[at]!;
            at += 1;
            expect(stateKeyOf(actual.value), 'state the oracle expects').toBe(f.value);
            expectSettlementRow(actual, f);
            if (f.value === 'rereading') {
              const entry = [first, second].find((e) => e.genId === f.current);
              expect(reread.last().input.requestId, 'the result re-read').toBe(entry?.requestId);
            }
            await flush();
            expectLedger(ledger.events, linesOf(f), settlementTotals(f), `in ${f.value}`);
          },
        },
      });
      expect(at).toBe(path.steps.length);
      await flush();
      const end = want.at(-1)!;
      expectLedger(ledger.events, linesOf(end), settlementTotals(end), `at the end of ${path.description}`);
      // A settled entry always left its fact in the ledger.
      const snapshot = actor.getSnapshot();
      const recorded = ledger.events.filter((e) => e.type === 'generation.settled').map((e) => e.genId);
      for (const genId of recorded) expect(snapshot.context.queue.finished[genId]).toBe(true);
      actor.stop();
    }
  });

  it('reaches every state node', () => {
    const reached = reachedStateIds(model.getShortestPaths({ input: INPUT }));
    expect(reached).toEqual(allStateIds(asTestModel(settlementMachine)));
  });

  it('the oracle has a row for every state of the machine', () => {
    expectRowPerState(SETTLEMENT_ROWS, settlementMachine);
    // Booted over a completed run: it waits, re-read 1 minute after its outcome.
    expect(oracle.initial.entries.map((e) => [e.genId, new Date(e.dueAt).toISOString()])).toEqual([
      [first.genId, plus(done.at, 60_000)],
    ]);
  });

  it(
    'every edge leads where the oracle says, and the queue it states holds there',
    { timeout: 60_000 },
    () => {
      const reached = checkEveryEdge(asTestModel(settlementMachine), INPUT, oracle, (s, f) =>
        expectSettlementRow(s as Snap, f),
      );
      expect(reached).toEqual(Object.keys(SETTLEMENT_ROWS).sort());
    },
  );
});
