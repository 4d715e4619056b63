import { type ReactNode, useMemo } from 'react';
import { selectCurrency } from '../../../machines/billing/billing.selectors.ts';
import { selectSettings, toGenerationSettings } from '../../../machines/settings/settings.selectors.ts';
import { BillingActorContext } from '../../actors/billing-context.ts';
import { DEFAULT_GENERATE_FORM_DEPS, GenerateFormContext } from '../../actors/generation-context.ts';
import { SettingsActorContext } from '../../actors/settings-context.ts';

/**
 * Gives the Generate form the user's settings (thresholds in micro-USD, rates, windows) and the display
 * currency from the billing actor, and the composition root's id source.
 */
export function GenerateFormProvider({ newId, children }: { newId: () => string; children: ReactNode }) {
  const settings = SettingsActorContext.useSelector(selectSettings);
  const currency = BillingActorContext.useSelector(selectCurrency);
  const deps = useMemo(
    () => ({ ...DEFAULT_GENERATE_FORM_DEPS, newId, settings: toGenerationSettings(settings, currency) }),
    [settings, currency, newId],
  );
  return <GenerateFormContext.Provider value={deps}>{children}</GenerateFormContext.Provider>;
}
