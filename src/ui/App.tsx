import { MantineProvider } from '@mantine/core';
import { theme } from './theme.ts';
import { PanelShell } from './PanelShell.tsx';

/** The panel's root: theme provider and the tabbed shell. */
export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="dark" forceColorScheme="dark">
      <PanelShell />
    </MantineProvider>
  );
}
