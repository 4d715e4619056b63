import { PanelShell } from './PanelShell.tsx';
import { AppProviders } from './views/shell/AppProviders.tsx';
import { PanelTheme } from './views/shell/PanelTheme.tsx';
import type { PanelWiring } from './views/shell/panel-wiring.ts';

/** Props of {@link App}. */
export interface AppProps {
  /** The composition root's machines and ports (src/ui/wiring.ts `createPanelWiring`). */
  wiring: PanelWiring;
}

/** The panel's root: the host's skin (dark outside Premiere), every app-level actor from `wiring`, and the tabbed shell. */
export function App({ wiring }: AppProps) {
  return (
    <PanelTheme skin={wiring.skin}>
      <AppProviders wiring={wiring}>
        <PanelShell />
      </AppProviders>
    </PanelTheme>
  );
}
