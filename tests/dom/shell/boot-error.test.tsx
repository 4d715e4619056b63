import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { BootError } from '../../../src/ui/views/shell/BootError.tsx';
import { readPanelMeta } from '../../../src/ui/wiring.ts';

test('a page opened without the backend shows what to do instead of the panel', () => {
  const meta = readPanelMeta(document.implementation.createHTMLDocument('no meta'));
  if (meta.ok) throw new Error('expected no token');
  render(<BootError problem={meta.problem} />);
  const alert = screen.getByRole('alert');
  expect(alert.textContent).toMatch(/^Open the panel through npm start/);
  expect(alert.textContent).toMatch(/cannot reach your cost history/);
  expect(screen.queryByRole('tab')).toBeNull();
});
