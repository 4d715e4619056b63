import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { createTestModel, getStateNodes } from 'xstate/graph';
import type { Currency } from '../../src/domain/index.ts';
import { type BillingEvent, billingMachine } from '../../src/machines/billing/billing.machine.ts';
import {
  selectActiveClient,
  selectActiveProject,
  selectCanHide,
  selectCanViewMore,
  selectCurrency,
  selectShownCount,
  selectVisibleCount,
} from '../../src/machines/billing/billing.selectors.ts';
import { expectRowPerState, stateKeyOf } from '../fixtures/machines/oracles/oracle.ts';

const events: BillingEvent[] = [
  { type: 'SELECT_PROJECT', project: 'Hero Film' },
  { type: 'SELECT_PROJECT', project: ' hero film ' },
  { type: 'SELECT_PROJECT', project: 'Teaser' },
  { type: 'SELECT_CLIENT', client: 'Acme' },
  { type: 'CLEAR_FILTER' },
  { type: 'VIEW_MORE' },
  { type: 'HIDE' },
  { type: 'SET_CURRENCY', currency: 'SEK' },
];

// Past 24 rows nothing new can happen, so the traversal treats 24, 34, … as one state.
const model = createTestModel(billingMachine, {
  events,
  serializeState: (s) =>
    JSON.stringify({ value: s.value, ...s.context, visibleCount: Math.min(s.context.visibleCount, 24) }),
});
const paths = model.getShortestPaths({ input: {} });
const seen = new Set<string>();

interface Seen {
  visible: number;
  project: string | null;
  client: string | null;
  currency: Currency;
}

/** State → what the list offers there (the first 4 rows, or more with Hide). Every state has a row. */
const ROWS: Record<string, { canHide: boolean; expanded: boolean }> = {
  collapsed: { canHide: false, expanded: false },
  expanded: { canHide: true, expanded: true },
};

/** The seed's rules, restated on their own: what the Billing view must show after `history`. */
function oracle(history: BillingEvent[]): Seen {
  const view: Seen = { visible: 4, project: null, client: null, currency: 'USD' };
  const same = (a: string | null, b: string) => a?.trim().toLowerCase() === b.trim().toLowerCase();
  for (const event of history) {
    if (event.type === 'VIEW_MORE') view.visible += 10;
    if (event.type === 'HIDE') view.visible = 4;
    if (event.type === 'SET_CURRENCY') view.currency = event.currency;
    if (event.type === 'CLEAR_FILTER') [view.project, view.client] = [null, null];
    if (event.type === 'SELECT_PROJECT')
      view.project = same(view.project, event.project) ? null : event.project;
    if (event.type === 'SELECT_CLIENT') view.client = same(view.client, event.client) ? null : event.client;
    if (event.type.startsWith('SELECT_') || event.type === 'CLEAR_FILTER') view.visible = 4;
  }
  return view;
}

describe('billing machine model', () => {
  test.each(paths.map((p) => [p.description, p] as const))('%s', async (_, path) => {
    const actor = createActor(billingMachine, { input: {} }).start();
    actor.subscribe((s) => {
      for (const node of s._nodes) seen.add(node.id);
    });
    const history: BillingEvent[] = [];
    const send = ({ event }: { event: unknown }) => {
      history.push(event as BillingEvent);
      actor.send(event as BillingEvent);
    };
    await path.test({
      events: {
        SELECT_PROJECT: send,
        SELECT_CLIENT: send,
        CLEAR_FILTER: send,
        VIEW_MORE: send,
        HIDE: send,
        SET_CURRENCY: send,
      },
      states: {
        '*': () => {
          const snapshot = actor.getSnapshot();
          const want = oracle(history);
          expect(selectVisibleCount(snapshot)).toBe(want.visible);
          expect(selectActiveProject(snapshot)?.toLowerCase() ?? null).toBe(
            want.project?.trim().toLowerCase() ?? null,
          );
          expect(selectActiveClient(snapshot)).toBe(want.client);
          expect(selectCurrency(snapshot)).toBe(want.currency);
          expect(selectCanHide(snapshot)).toBe(want.visible > 4);
          // With 15 matching rows: View more until all are shown.
          expect(selectCanViewMore(snapshot, 15)).toBe(want.visible < 15);
          expect(selectShownCount(snapshot, 15)).toBe(Math.min(15, want.visible));
          // The state the history must lead to: expanded while more than the first 4 rows show.
          const state = want.visible > 4 ? 'expanded' : 'collapsed';
          expect(stateKeyOf(snapshot.value)).toBe(state);
          expect(selectCanHide(snapshot)).toBe(ROWS[state]?.canHide);
        },
      },
    });
    actor.stop();
  });

  test('the oracle has a row for every state of the billing machine', () => {
    expectRowPerState(ROWS, billingMachine);
  });

  test('the paths visited every state node of the billing machine', () => {
    const all = getStateNodes(billingMachine).map((n) => n.id);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((id) => !seen.has(id))).toEqual([]);
  });
});
