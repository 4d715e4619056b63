import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import type { Preview } from '@storybook/react-vite';
import { DOCK_EXPANDED_KEY } from '../src/ui/views/active/ActiveGenerations.tsx';
import { PanelTheme, type PanelSkinSource } from '../src/ui/views/shell/PanelTheme.tsx';

const preview: Preview = {
  decorators: [
    // A story may set `parameters.skin` (a fake Premiere skin); the rest show the panel's dark default.
    (Story, context) => (
      <PanelTheme skin={context.parameters.skin as PanelSkinSource | undefined}>
        <Story />
      </PanelTheme>
    ),
  ],
  // Every story starts as a new editor sees the panel, whatever an earlier story's play collapsed.
  beforeEach: () => localStorage.removeItem(DOCK_EXPANDED_KEY),
  parameters: { layout: 'padded' },
};
export default preview;
