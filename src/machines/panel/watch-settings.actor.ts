import { type CallbackActorLogic, type EventObject, fromCallback } from 'xstate';
import type { Currency } from '../../domain/index.ts';
import type { BillingActorRef } from '../billing/billing.machine.ts';
import type { SettingsActorRef } from '../settings/settings.machine.ts';
import type { PanelSettings } from '../settings/settings-ports.ts';
import { SYSTEM_IDS } from './system-ids.ts';

/** The user chose another display currency in Billing (or anywhere Billing's currency is set). */
export type CurrencyChosenEvent = { type: 'CURRENCY_CHOSEN'; currency: Currency };
/** The backend's settings arrived (a load, not a save: the user may have changed them since). */
export type SettingsLoadedEvent = { type: 'SETTINGS_LOADED'; settings: PanelSettings };
/** The backend confirmed new settings (loaded or saved; never the boot cache's copy). */
export type SettingsConfirmedEvent = { type: 'SETTINGS_CONFIRMED'; settings: PanelSettings };

/**
 * Tells the panel about changes between Billing's currency and the saved settings, so that the panel
 * decides what follows: Billing holds the display currency (both Currency selects send there), the
 * backend keeps it. Reports only.
 */
export function defineWatchSettingsActor(): CallbackActorLogic<EventObject, Record<string, never>> {
  return fromCallback<EventObject, Record<string, never>>(({ system, sendBack }) => {
    const billing: BillingActorRef | undefined = system.get(SYSTEM_IDS.billing);
    const settings: SettingsActorRef | undefined = system.get(SYSTEM_IDS.settings);
    if (!billing || !settings) return () => {};
    let currency = billing.getSnapshot().context.currency;
    const fromBilling = billing.subscribe((snapshot) => {
      const next = snapshot.context.currency;
      if (next === currency) return;
      currency = next;
      sendBack({ type: 'CURRENCY_CHOSEN', currency: next } satisfies CurrencyChosenEvent);
    });
    let wasLoading = settings.getSnapshot().matches('loading');
    let kept = settings.getSnapshot().context.settings;
    const fromSettings = settings.subscribe((snapshot) => {
      const loaded = wasLoading && snapshot.matches('ready');
      wasLoading = snapshot.matches('loading');
      const value = snapshot.context.settings;
      if (loaded && value)
        sendBack({ type: 'SETTINGS_LOADED', settings: value } satisfies SettingsLoadedEvent);
      if (value && value !== kept && !snapshot.context.fromCache) {
        sendBack({ type: 'SETTINGS_CONFIRMED', settings: value } satisfies SettingsConfirmedEvent);
      }
      kept = value;
    });
    return () => {
      fromBilling.unsubscribe();
      fromSettings.unsubscribe();
    };
  });
}
