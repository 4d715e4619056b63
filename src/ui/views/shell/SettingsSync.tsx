import { useEffect } from 'react';
import { BillingActorContext } from '../../actors/billing-context.ts';
import { SettingsActorContext } from '../../actors/settings-context.ts';
import type { PanelWiring } from './panel-wiring.ts';

/**
 * Keeps the display currency in one place: the billing actor holds it (both Currency selects send
 * there); a change is saved through the settings actor, and settings loaded from the backend set it.
 * Confirmed settings are also kept for the next boot. Forwards outside changes as events only.
 */
export function SettingsSync({ cache }: { cache: PanelWiring['settingsCache'] }) {
  const settings = SettingsActorContext.useActorRef();
  const billing = BillingActorContext.useActorRef();
  useEffect(() => {
    let currency = billing.getSnapshot().context.currency;
    const fromBilling = billing.subscribe((snapshot) => {
      const next = snapshot.context.currency;
      if (next === currency) return;
      currency = next;
      const saved = settings.getSnapshot().context.settings?.currency;
      if (next !== saved) settings.send({ type: 'SAVE', patch: { currency: next } });
    });
    let wasLoading = settings.getSnapshot().matches('loading');
    let kept = settings.getSnapshot().context.settings;
    const fromSettings = settings.subscribe((snapshot) => {
      const loaded = wasLoading && snapshot.matches('ready');
      wasLoading = snapshot.matches('loading');
      const value = snapshot.context.settings;
      // After a load (not a save: the user may have changed it since), the saved currency wins.
      if (loaded && value && value.currency !== billing.getSnapshot().context.currency) {
        billing.send({ type: 'SET_CURRENCY', currency: value.currency });
      }
      if (value && value !== kept && !snapshot.context.fromCache) cache.write(value);
      kept = value;
    });
    return () => {
      fromBilling.unsubscribe();
      fromSettings.unsubscribe();
    };
  }, [settings, billing, cache]);
  return null;
}
