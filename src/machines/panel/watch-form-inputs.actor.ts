import { type CallbackActorLogic, type EventObject, fromCallback } from 'xstate';
import type { Currency, LearnedSample } from '../../domain/index.ts';
import type { BillingActorRef } from '../billing/billing.machine.ts';
import { sameSamples, selectLearnedSamples } from '../persistence/learned-runs.selectors.ts';
import type { PersistenceActorRef } from '../persistence/persistence.machine.ts';
import type { ClockPort } from '../ports.ts';
import { selectSettings } from '../settings/settings.selectors.ts';
import type { SettingsActorRef } from '../settings/settings.machine.ts';
import type { PanelSettings } from '../settings/settings-ports.ts';
import { SYSTEM_IDS } from './system-ids.ts';

/** The user's settings (null until known) or the display currency changed: drafts decide with them. */
export type FormSettingsChangedEvent = {
  type: 'FORM_SETTINGS_CHANGED';
  settings: PanelSettings | null;
  currency: Currency;
};
/** The user's metered runs changed (and when): the learned tier of the estimate. */
export type LearnedChangedEvent = { type: 'LEARNED_CHANGED'; samples: LearnedSample[]; now: string };

/**
 * Tells the panel what the Generate form's drafts decide with, when it changes: the settings and
 * display currency (after the start; the panel starts the form with them), and the metered runs
 * (also at the start). Reports only.
 */
export function defineWatchFormInputsActor(
  clock: ClockPort,
): CallbackActorLogic<EventObject, Record<string, never>> {
  return fromCallback<EventObject, Record<string, never>>(({ system, sendBack }) => {
    const settings: SettingsActorRef | undefined = system.get(SYSTEM_IDS.settings);
    const billing: BillingActorRef | undefined = system.get(SYSTEM_IDS.billing);
    const persistence: PersistenceActorRef | undefined = system.get(SYSTEM_IDS.persistence);
    if (!settings || !billing || !persistence) return () => {};
    let shown = {
      settings: selectSettings(settings.getSnapshot()),
      currency: billing.getSnapshot().context.currency,
    };
    const look = () => {
      const next = {
        settings: selectSettings(settings.getSnapshot()),
        currency: billing.getSnapshot().context.currency,
      };
      if (next.settings === shown.settings && next.currency === shown.currency) return;
      shown = next;
      sendBack({ type: 'FORM_SETTINGS_CHANGED', ...next } satisfies FormSettingsChangedEvent);
    };
    let samples: LearnedSample[] | null = null;
    const learn = () => {
      const next = selectLearnedSamples(persistence.getSnapshot());
      if (samples !== null && sameSamples(samples, next)) return;
      samples = next;
      sendBack({ type: 'LEARNED_CHANGED', samples: next, now: clock.now() } satisfies LearnedChangedEvent);
    };
    learn();
    const subscriptions = [settings.subscribe(look), billing.subscribe(look), persistence.subscribe(learn)];
    return () => {
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  });
}
