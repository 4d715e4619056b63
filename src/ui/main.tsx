import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('modelBridge: #root element missing from the panel page');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
