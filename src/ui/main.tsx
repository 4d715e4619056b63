// First, so that every API the libraries need exists before any of them is evaluated (CEP 11 is Chromium 88).
import './polyfills.ts';
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './chromium88.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { BootError } from './views/shell/BootError.tsx';
import { createPanelWiring, followLostBackend, inspectionWanted, readPanelMeta } from './wiring.ts';

const root = document.getElementById('root');
if (!root) throw new Error('modelBridge: #root element missing from the panel page');
const meta = readPanelMeta(document);
if (meta.ok) followLostBackend(meta.token);
createRoot(root).render(
  <StrictMode>
    {meta.ok ? (
      <App wiring={createPanelWiring(meta, { inspect: inspectionWanted(location.search) })} />
    ) : (
      <BootError problem={meta.problem} />
    )}
  </StrictMode>,
);
