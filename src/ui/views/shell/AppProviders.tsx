import { type ReactNode, useState } from 'react';
import { assemblePanel } from '../../../machines/panel/assemble-panel.ts';
import { PanelActorContext } from '../../actors/panel-context.ts';
import { ActiveErrorBoundary } from './ActiveErrorBoundary.tsx';
import type { PanelWiring } from './panel-wiring.ts';
import { SettingsFxProvider } from './SettingsFxProvider.tsx';

/** Shows an alert instead of a blank panel when Active generations break a render; clearing is the panel's. */
function ActiveBoundary({ report, children }: { report: (problem: string) => void; children: ReactNode }) {
  const panel = PanelActorContext.useActorRef();
  return (
    <ActiveErrorBoundary onClear={() => panel.send({ type: 'ACTIVE_CLEAR' })} onError={report}>
      {children}
    </ActiveErrorBoundary>
  );
}

/**
 * The panel's one actor, assembled from `wiring` once, at mount: settings, persistence (renders from
 * the cache at once, then syncs), billing (in the saved currency), reset, Active generations
 * (restored, keeping the Generate form's draft) and settlement. Below it, views only read what the
 * actors hold (the FX rates are a selection of the settings actor) and send them the user's events.
 */
export function AppProviders({ wiring, children }: { wiring: PanelWiring; children: ReactNode }) {
  const [panel] = useState(() => assemblePanel(wiring));
  const inspect = wiring.inspect ? { inspect: wiring.inspect } : {};
  return (
    <PanelActorContext.Provider logic={panel.logic} options={{ input: panel.input, ...inspect }}>
      <SettingsFxProvider>
        <ActiveBoundary report={wiring.report}>{children}</ActiveBoundary>
      </SettingsFxProvider>
    </PanelActorContext.Provider>
  );
}
