import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { prebundledDeps } from './prebundle.config.ts';
import { chromiumArgs, chromiumPath } from './tests/setup/chromium.ts';

/** One browser block per project: a shared object gives "Cannot define a nested project" (STACK.md). */
function browser() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } }),
    instances: [{ browser: 'chromium' as const }],
  };
}

const wantsBrowser = process.argv.some((a) => ['browser', 'storybook', 'e2e'].includes(a));

export default defineConfig({
  plugins: [react()],
  optimizeDeps: { include: prebundledDeps },
  test: {
    reporters: [
      'default',
      ['json', { outputFile: process.env.VITEST_JSON_REPORT ?? '.vitest-reports/report.json' }],
    ],
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/setup/unit.ts'],
        },
      },
      {
        extends: true as const,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/dom.ts'],
        },
      },
      {
        extends: true as const,
        test: { name: 'model', environment: 'node', include: ['tests/model/**/*.test.{ts,tsx}'] },
      },
      ...(wantsBrowser
        ? [
            {
              extends: true as const,
              test: { name: 'browser', include: ['tests/browser/**/*.test.{ts,tsx}'], browser: browser() },
            },
            {
              extends: true as const,
              test: {
                name: 'e2e',
                environment: 'node',
                include: ['tests/e2e/**/*.test.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
                fileParallelism: false,
              },
            },
            {
              extends: true as const,
              plugins: [storybookTest({ configDir: '.storybook' })],
              test: { name: 'storybook', browser: browser() },
            },
          ]
        : []),
    ],
  },
});
