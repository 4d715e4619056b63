import { type CallbackActorLogic, type EventObject, fromCallback } from 'xstate';
import type { BillingActorRef } from '../billing/billing.machine.ts';
import type { BillingViewWanted } from '../billing/billing-query.machine.ts';
import { type BillingSnapshot, selectCostFilter } from '../billing/billing.selectors.ts';
import { SYSTEM_IDS } from './system-ids.ts';

/** Billing's filter, currency or page size changed (and once at start). */
export type BillingViewChangedEvent = { type: 'BILLING_VIEW_CHANGED'; view: BillingViewWanted };

function viewOf(snapshot: BillingSnapshot): BillingViewWanted {
  return {
    filter: selectCostFilter(snapshot),
    currency: snapshot.context.currency,
    visibleCount: snapshot.context.visibleCount,
  };
}

const sameView = (a: BillingViewWanted, b: BillingViewWanted) =>
  a.filter === b.filter && a.currency === b.currency && a.visibleCount === b.visibleCount;

/**
 * Tells the panel what the Billing view wants to show, so the panel can have it asked of the
 * backend's read model. Reports only. The cost filter keeps its identity while the filter does.
 */
export function defineWatchBillingActor(): CallbackActorLogic<EventObject, Record<string, never>> {
  return fromCallback<EventObject, Record<string, never>>(({ system, sendBack }) => {
    const billing: BillingActorRef | undefined = system.get(SYSTEM_IDS.billing);
    if (!billing) return () => {};
    let shown = viewOf(billing.getSnapshot());
    sendBack({ type: 'BILLING_VIEW_CHANGED', view: shown } satisfies BillingViewChangedEvent);
    const subscription = billing.subscribe((snapshot) => {
      const next = viewOf(snapshot);
      if (sameView(next, shown)) return;
      shown = next;
      sendBack({ type: 'BILLING_VIEW_CHANGED', view: next } satisfies BillingViewChangedEvent);
    });
    return () => subscription.unsubscribe();
  });
}
