import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import type { Preview } from '@storybook/react-vite';
import { theme } from '../src/ui/theme.ts';

const preview: Preview = {
  decorators: [
    (Story) => (
      <MantineProvider theme={theme} defaultColorScheme="dark" forceColorScheme="dark">
        <Story />
      </MantineProvider>
    ),
  ],
  parameters: { layout: 'padded' },
};
export default preview;
