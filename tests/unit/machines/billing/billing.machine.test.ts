import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import {
  type BillingEvent,
  type BillingInput,
  billingMachine,
} from '../../../../src/machines/billing/billing.machine.ts';
import {
  selectActiveProject,
  selectCanHide,
  selectCanViewMore,
  selectCostFilter,
  selectCurrency,
  selectFilter,
  selectIsFiltered,
  selectShownCount,
  selectVisibleCount,
} from '../../../../src/machines/billing/billing.selectors.ts';

function start(input: BillingInput = {}) {
  return createActor(billingMachine, { input }).start();
}

function sendAll(actor: ReturnType<typeof start>, events: BillingEvent[]) {
  for (const event of events) actor.send(event);
}

describe('pagination', () => {
  test('4 rows first, View more adds 10 each time, Hide returns to 4', () => {
    const actor = start();
    expect(selectVisibleCount(actor.getSnapshot())).toBe(4);
    expect(selectCanHide(actor.getSnapshot())).toBe(false);

    actor.send({ type: 'VIEW_MORE' });
    expect(selectVisibleCount(actor.getSnapshot())).toBe(14);
    actor.send({ type: 'VIEW_MORE' });
    expect(selectVisibleCount(actor.getSnapshot())).toBe(24);
    expect(selectCanHide(actor.getSnapshot())).toBe(true);

    actor.send({ type: 'HIDE' });
    expect(selectVisibleCount(actor.getSnapshot())).toBe(4);
    expect(actor.getSnapshot().can({ type: 'HIDE' })).toBe(false);
  });

  test.each<[BillingEvent]>([
    [{ type: 'SELECT_PROJECT', project: 'Hero Film' }],
    [{ type: 'SELECT_CLIENT', client: 'Acme' }],
    [{ type: 'CLEAR_FILTER' }],
  ])('a filter change (%j) returns to 4 rows', (change) => {
    const actor = start({ filter: { project: 'Teaser' } });
    sendAll(actor, [{ type: 'VIEW_MORE' }, { type: 'VIEW_MORE' }]);

    actor.send(change);

    expect(selectVisibleCount(actor.getSnapshot())).toBe(4);
    expect(actor.getSnapshot().matches('collapsed')).toBe(true);
  });

  test('changing the currency keeps the rows shown', () => {
    const actor = start();
    actor.send({ type: 'VIEW_MORE' });

    actor.send({ type: 'SET_CURRENCY', currency: 'SEK' });

    expect(selectVisibleCount(actor.getSnapshot())).toBe(14);
    expect(selectCurrency(actor.getSnapshot())).toBe('SEK');
  });

  test.each([
    [0, 4, false, 0],
    [4, 4, false, 4],
    [5, 4, true, 4],
    [14, 14, false, 14],
    [15, 14, true, 14],
    [10_000, 24, true, 24],
  ])('%i matching rows with %i visible: View more %s, %i shown', (total, visible, more, shown) => {
    const actor = start();
    while (selectVisibleCount(actor.getSnapshot()) < visible) actor.send({ type: 'VIEW_MORE' });

    expect(selectCanViewMore(actor.getSnapshot(), total)).toBe(more);
    expect(selectShownCount(actor.getSnapshot(), total)).toBe(shown);
  });
});

describe('filter', () => {
  test('clicking a project chip filters; clicking it again (any case, any spacing) clears', () => {
    const actor = start();

    actor.send({ type: 'SELECT_PROJECT', project: 'Hero Film' });
    expect(selectActiveProject(actor.getSnapshot())).toBe('Hero Film');
    expect(selectIsFiltered(actor.getSnapshot())).toBe(true);

    actor.send({ type: 'SELECT_PROJECT', project: ' hero  film ' });
    expect(selectActiveProject(actor.getSnapshot())).toBeNull();
    expect(selectIsFiltered(actor.getSnapshot())).toBe(false);
  });

  test('clicking another project switches the filter to it', () => {
    const actor = start();
    sendAll(actor, [
      { type: 'SELECT_PROJECT', project: 'Hero Film' },
      { type: 'SELECT_PROJECT', project: 'Teaser' },
    ]);
    expect(selectActiveProject(actor.getSnapshot())).toBe('Teaser');
  });

  test('client and project filters combine; CLEAR_FILTER ("All") clears both', () => {
    const actor = start();
    sendAll(actor, [
      { type: 'SELECT_CLIENT', client: 'Acme' },
      { type: 'SELECT_PROJECT', project: 'Hero Film' },
    ]);
    expect(selectFilter(actor.getSnapshot())).toEqual({ client: 'Acme', project: 'Hero Film' });
    expect(selectCostFilter(actor.getSnapshot())).toEqual({ client: 'Acme', project: 'Hero Film' });

    actor.send({ type: 'CLEAR_FILTER' });

    expect(selectFilter(actor.getSnapshot())).toEqual({ client: null, project: null });
    expect(selectCostFilter(actor.getSnapshot())).toEqual({});
  });

  test('an empty tag clears instead of filtering to nothing', () => {
    const actor = start({ filter: { project: 'Hero Film' } });
    actor.send({ type: 'SELECT_PROJECT', project: '   ' });
    expect(selectActiveProject(actor.getSnapshot())).toBeNull();
  });

  test('selectCostFilter is stable while the filter does not change', () => {
    const actor = start({ filter: { client: 'Acme' } });
    const first = selectCostFilter(actor.getSnapshot());
    actor.send({ type: 'VIEW_MORE' });
    expect(selectCostFilter(actor.getSnapshot())).toBe(first);
  });

  test('input restores the currency and filter; defaults are USD and no filter', () => {
    expect(selectCurrency(start().getSnapshot())).toBe('USD');
    expect(selectFilter(start().getSnapshot())).toEqual({ client: null, project: null });
    const restored = start({ currency: 'EUR', filter: { client: ' Acme ' } }).getSnapshot();
    expect(selectCurrency(restored)).toBe('EUR');
    expect(selectFilter(restored)).toEqual({ client: 'Acme', project: null });
  });
});

describe('input', () => {
  test('starts without any input: all rows, 4 visible, USD', () => {
    const actor = createActor(billingMachine, { input: undefined }).start();
    expect(actor.getSnapshot().context).toEqual({
      filter: { client: null, project: null },
      visibleCount: 4,
      currency: 'USD',
    });
    actor.stop();
  });
});
