import { MantineProvider } from '@mantine/core';
import { PanelShell } from './PanelShell.tsx';
import { theme } from './theme.ts';
import { AppProviders } from './views/shell/AppProviders.tsx';
import type { PanelWiring } from './views/shell/panel-wiring.ts';

/** Props of {@link App}. */
export interface AppProps {
  /** The composition root's machines and ports (src/ui/wiring.ts `createPanelWiring`). */
  wiring: PanelWiring;
}

/** The panel's root: the dark theme, every app-level actor from `wiring`, and the tabbed shell. */
export function App({ wiring }: AppProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="dark" forceColorScheme="dark">
      <AppProviders wiring={wiring}>
        <PanelShell />
      </AppProviders>
    </MantineProvider>
  );
}
