import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Premiere 2023–2024 run panels in CEP 11, which is Chromium 88: the oldest browser the panel must
 * start in. Syntax and CSS are lowered to it here; runtime APIs newer than it are polyfilled in
 * src/ui/polyfills.ts, and tests/unit/build/panel-target.test.ts checks the built output stays within it.
 */
export const PANEL_BROWSER_TARGET = 'chrome88';

/**
 * Rewrites the dynamic viewport unit `dvh` (Chrome 108; Mantine sizes modals and the app shell with it)
 * as `vh`. Chromium 88 drops a declaration it cannot parse, which would leave a modal taller than the
 * panel; a CEP panel has no collapsing browser toolbar, so there the two units are the same height.
 */
function dynamicViewportAsVh(): Plugin {
  return {
    name: 'modelbridge:dvh-as-vh',
    transform(code, id) {
      return /\.css($|\?)/.test(id) ? code.replace(/(\d)dvh\b/g, '$1vh') : null;
    },
  };
}

/** Builds the panel (src/ui) into dist/panel; the backend serves it and CEP loads it. */
export default defineConfig({
  plugins: [react(), dynamicViewportAsVh()],
  base: './',
  build: {
    outDir: 'dist/panel',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    target: PANEL_BROWSER_TARGET,
    cssTarget: PANEL_BROWSER_TARGET,
  },
});
