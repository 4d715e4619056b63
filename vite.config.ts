import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the panel (src/ui) into dist/panel; the backend serves it and CEP loads it. */
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { outDir: 'dist/panel', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
