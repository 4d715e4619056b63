import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Pre-bundle up front: a dependency discovered mid-run makes Vite re-optimise and load a second
  // React, which fails the first cold story run on a fresh clone ("reading 'useRef'").
  viteFinal: (vite) => ({
    ...vite,
    optimizeDeps: {
      ...vite.optimizeDeps,
      include: [
        ...(vite.optimizeDeps?.include ?? []),
        'react',
        'react-dom',
        'react-dom/client',
        '@mantine/core',
        '@mantine/hooks',
        '@mantine/charts',
        '@xstate/react',
        'xstate',
        'dayjs',
        'zod',
        'recharts',
      ],
    },
  }),
};
export default config;
