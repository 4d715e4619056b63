import { billingMachine } from '../../../machines/billing/billing.machine.ts';
import type { ReactNode } from 'react';
import { BillingActorContext } from '../../actors/billing-context.ts';
import { PersistenceActorContext } from '../../actors/persistence-context.ts';
import { LinkedResetProvider } from '../../actors/reset-context.ts';
import { SettingsActorContext } from '../../actors/settings-context.ts';
import { GenerateFormProvider } from './GenerateFormProvider.tsx';
import { LinkedActiveProvider } from './LinkedActiveProvider.tsx';
import type { PanelWiring } from './panel-wiring.ts';
import { SettingsFxProvider } from './SettingsFxProvider.tsx';
import { SettingsSync } from './SettingsSync.tsx';
import { SettlementRunner } from './SettlementRunner.tsx';

/**
 * Every app-level actor of the panel, from `wiring`: settings (and the FX rates it provides),
 * persistence (renders from the cache at once, then syncs), billing (starting in the saved currency),
 * reset, the Generate form's deps, Active generations (restored) and settlement.
 */
export function AppProviders({ wiring, children }: { wiring: PanelWiring; children: ReactNode }) {
  const inspect = wiring.inspect ? { inspect: wiring.inspect } : {};
  const currency = wiring.settingsInput.cached?.currency;
  return (
    <SettingsActorContext.Provider
      logic={wiring.settings}
      options={{ input: wiring.settingsInput, ...inspect }}
    >
      <SettingsFxProvider>
        <PersistenceActorContext.Provider logic={wiring.persistence} options={inspect}>
          <BillingActorContext.Provider logic={billingMachine} options={{ input: { currency }, ...inspect }}>
            <LinkedResetProvider logic={wiring.reset} options={inspect}>
              <GenerateFormProvider newId={wiring.newId}>
                <LinkedActiveProvider wiring={wiring}>
                  <SettingsSync cache={wiring.settingsCache} />
                  <SettlementRunner deps={wiring.settlement} disk={wiring.ledgerDisk} />
                  {children}
                </LinkedActiveProvider>
              </GenerateFormProvider>
            </LinkedResetProvider>
          </BillingActorContext.Provider>
        </PersistenceActorContext.Provider>
      </SettingsFxProvider>
    </SettingsActorContext.Provider>
  );
}
