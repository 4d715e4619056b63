import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import type { Preview } from '@storybook/react-vite';
import { theme } from '../src/ui/theme.ts';
import { DOCK_EXPANDED_KEY } from '../src/ui/views/active/ActiveGenerations.tsx';

const preview: Preview = {
  decorators: [
    (Story) => (
      <MantineProvider theme={theme} defaultColorScheme="dark" forceColorScheme="dark">
        <Story />
      </MantineProvider>
    ),
  ],
  // Every story starts as a new editor sees the panel, whatever an earlier story's play collapsed.
  beforeEach: () => localStorage.removeItem(DOCK_EXPANDED_KEY),
  parameters: { layout: 'padded' },
};
export default preview;
