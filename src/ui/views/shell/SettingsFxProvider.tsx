import type { ReactNode } from 'react';
import { selectFx } from '../../../machines/settings/settings.selectors.ts';
import { FxRatesContext } from '../../hooks/fx-rates-context.ts';
import { usePanelSelector } from '../../actors/panel-context.ts';

/**
 * Provides the user's exchange rates (from the settings actor) to every amount below it through the
 * Billing view's FxRatesContext; the built-in rates until settings are known.
 */
export function SettingsFxProvider({ children }: { children: ReactNode }) {
  const fx = usePanelSelector('settings', selectFx);
  return <FxRatesContext.Provider value={fx}>{children}</FxRatesContext.Provider>;
}
