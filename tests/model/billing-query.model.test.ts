import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { RowsResponse } from '../../src/contract/index.ts';
import {
  type BillingViewWanted,
  billingQueryMachine,
  CHANGE_DELAY_MS,
  type FetchedView,
  type FetchRowsInput,
} from '../../src/machines/billing/billing-query.machine.ts';
import type { FirstScreen } from '../../src/machines/billing/billing-query-ports.ts';
import {
  selectCanRetryQuery,
  selectIsStale,
  selectQueryProblem,
  selectRows,
} from '../../src/machines/billing/billing-query.selectors.ts';
import type { Currency } from '../../src/domain/index.ts';
import { controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import {
  PAGE,
  QUERY_EVENTS,
  QUERY_ROWS,
  type QueryFacts,
  queryOracle,
} from '../fixtures/machines/oracles/billing-query.oracle.ts';
import {
  type AnyEvent,
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';

type Snap = SnapshotFrom<typeof billingQueryMachine>;

function expectRow(snapshot: Snap, facts: QueryFacts): void {
  const row = QUERY_ROWS[stateKeyOf(snapshot.value)];
  expect(row, `a row for ${stateKeyOf(snapshot.value)}`).toBeDefined();
  expect([...snapshot.tags].sort()).toEqual([...row!.tags].sort());
  expect(selectCanRetryQuery(snapshot)).toBe(row!.retry);
  expect(selectRows(snapshot)).toHaveLength(facts.rows);
  expect(snapshot.context.nextCursor).toBe(facts.cursor);
  expect(selectIsStale(snapshot)).toBe(facts.stale);
  expect(selectQueryProblem(snapshot) !== null).toBe(facts.problem);
  expect(snapshot.context.summary?.version ?? null).toBe(facts.summary);
  expect(snapshot.context.want.visibleCount).toBe(facts.visible);
  expect(snapshot.context.changed).toBe(facts.changed);
}

const model = createTestModel(asTestModel(billingQueryMachine), {
  events: QUERY_EVENTS as never,
  serializeState: (s) =>
    JSON.stringify([
      s.value,
      s.context.want,
      s.context.rows.length,
      s.context.stale,
      s.context.problem !== null,
      s.context.changed,
    ]),
});
const paths = model.getShortestPaths({ input: {} });

describe('billing query machine (model)', () => {
  it('the oracle has a row for every state of the machine', () => {
    expectRowPerState(QUERY_ROWS, billingQueryMachine);
  });

  it('every event in every state leads where the oracle says, with what it says shown', () => {
    const reached = checkEveryEdge(billingQueryMachine, {}, queryOracle, (snapshot, facts) =>
      expectRow(snapshot as Snap, facts),
    );
    expect(reached).toEqual(Object.keys(QUERY_ROWS).sort());
  });

  it('every shortest path holds in the real actor, asking the backend for what the view wants', async () => {
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const clock = new SimulatedClock();
      const load = controlledPromise<FirstScreen | null, { currency: Currency }>('loadFirstScreen');
      const view = controlledPromise<FetchedView, BillingViewWanted>('fetchView');
      const more = controlledPromise<RowsResponse, FetchRowsInput>('fetchRows');
      const save = controlledPromise<void, { currency: Currency; screen: FirstScreen | null }>(
        'saveFirstScreen',
      );
      const machine = billingQueryMachine.provide({
        actors: {
          loadFirstScreen: load.logic,
          fetchView: view.logic,
          fetchRows: more.logic,
          saveFirstScreen: save.logic,
        },
      });
      const actor = createActor(machine, { input: {}, clock }).start();
      const controls = { loadFirstScreen: load, fetchView: view, fetchRows: more, saveFirstScreen: save };
      const settle = async ({ event }: { event: AnyEvent }) => {
        const [, kind, name] = /^xstate\.(done|error)\.actor\.(.+)$/.exec(event.type)!;
        const control = controls[name as keyof typeof controls];
        if (kind === 'done') control.last().resolve(event.output as never);
        else control.last().reject(event.error);
        await flush();
      };
      const send = async ({ event }: { event: AnyEvent }) => {
        actor.send(event as never);
        await flush();
      };
      const want = factsAlong(queryOracle, path.steps as never);
      let at = 0;
      await path.test({
        events: {
          VIEW: send,
          LEDGER_CHANGED: send,
          RETRY: send,
          'xstate.after.retryDelay.billingQuery.waiting': async () => {
            clock.increment(30_000);
            await flush();
          },
          'xstate.after.changeDelay.billingQuery.due': async () => {
            clock.increment(CHANGE_DELAY_MS);
            await flush();
          },
          ...Object.fromEntries(
            QUERY_EVENTS.filter(
              (e) => e.type.startsWith('xstate.done') || e.type.startsWith('xstate.error'),
            ).map((e) => [e.type, settle]),
          ),
        } as never,
        states: {
          '*': () => {
            const actual = actor.getSnapshot();
            const facts = want[at]!;
            const arrivedBy = path.steps[at]!.event.type;
            const stayed = at > 0 && want[at - 1]!.value === facts.value;
            at += 1;
            expect(stateKeyOf(actual.value), `in ${path.description}`).toBe(facts.value);
            expectRow(actual, facts);
            const { want: wanted, rows } = actual.context;
            // What is asked of the backend is what the view wants: the filter, the currency, the page.
            // A VIEW that keeps the query, and a ledger change while an answer is on its way, leave
            // the request in flight as it was asked.
            if (arrivedBy === 'VIEW' || (arrivedBy === 'LEDGER_CHANGED' && stayed)) return;
            if (actual.matches('fetching')) {
              expect(view.last().input).toEqual({ ...wanted, visibleCount: wanted.visibleCount });
            }
            if (actual.matches('more')) {
              expect(more.last().input).toEqual({
                filter: wanted.filter,
                currency: wanted.currency,
                cursor: actual.context.nextCursor,
                limit: wanted.visibleCount - rows.length,
              });
            }
            // Only an unfiltered answer is kept as the next start's first screen.
            if (actual.matches('ready')) {
              expect(save.last().input.screen !== null).toBe(Object.keys(wanted.filter).length === 0);
            }
          },
        },
      });
      expect(at).toBe(path.steps.length);
      actor.stop();
    }
  });

  it('a stream of ledger changes never starves the view: each answer shows, then one more is asked', async () => {
    const load = controlledPromise<FirstScreen | null, { currency: Currency }>('loadFirstScreen');
    const view = controlledPromise<FetchedView, BillingViewWanted>('fetchView');
    const machine = billingQueryMachine.provide({
      actors: { loadFirstScreen: load.logic, fetchView: view.logic },
    });
    const actor = createActor(machine, { input: {} }).start();
    load.last().resolve(null);
    await flush();
    expect(actor.getSnapshot().matches('fetching')).toBe(true);
    for (let i = 0; i < 20; i += 1) actor.send({ type: 'LEDGER_CHANGED' });
    await flush();
    expect(view.calls).toHaveLength(1);
    view.last().resolve(PAGE);
    await flush();
    expect(selectRows(actor.getSnapshot())).toHaveLength(PAGE.rows.rows.length);
    expect(selectIsStale(actor.getSnapshot())).toBe(true);
    expect(view.calls).toHaveLength(2);
    view.last().resolve(PAGE);
    await flush();
    expect(actor.getSnapshot().value).toBe('ready');
    expect(selectIsStale(actor.getSnapshot())).toBe(false);
    expect(view.calls).toHaveLength(2);
    actor.stop();
  });

  it('the paths reach every state node', () => {
    expect(reachedStateIds(paths)).toEqual(allStateIds(billingQueryMachine));
  });
});
