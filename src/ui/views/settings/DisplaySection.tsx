import { CurrencySelect } from '../billing/BillingFilters.tsx';
import { SettingsSection } from './SettingsSection.tsx';

/**
 * The display currency: the same `Currency` select as in Billing (both send to the billing actor, which
 * holds it; the composition root saves every change to settings and restores it at boot).
 */
export function DisplaySection() {
  return (
    <SettingsSection
      title="Display"
      description="Every amount in the panel, estimates included, uses this currency."
    >
      <CurrencySelect />
    </SettingsSection>
  );
}
