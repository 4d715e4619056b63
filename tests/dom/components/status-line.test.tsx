import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { PersistenceStatus } from '../../../src/ui/components/PersistenceStatus/PersistenceStatus.tsx';
import { StatusDot } from '../../../src/ui/components/StatusDot/StatusDot.tsx';
import { renderUi } from './render.tsx';

describe('PersistenceStatus', () => {
  test.each([
    ['saved', 'Saved'],
    ['saving', 'Saving…'],
    ['offline', 'Offline, 3 unsaved (retrying)'],
    ['error', 'Error: the data folder is read-only (3 unsaved)'],
  ] as const)('%s reads "%s"', (status, text) => {
    renderUi(
      <PersistenceStatus
        status={status}
        unsaved={3}
        reason="the data folder is read-only"
        onRetry={() => {}}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(text);
  });

  test('Retry appears only in the error state and calls onRetry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { rerender } = renderUi(<PersistenceStatus status="offline" unsaved={2} onRetry={onRetry} />);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    rerender(<PersistenceStatus status="error" reason="disk full" onRetry={onRetry} />);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('StatusDot', () => {
  test.each([
    ['running', 'Running'],
    ['queued', 'Queued'],
    ['done', 'Done'],
    ['failed', 'Failed'],
  ] as const)('%s is an image labelled "%s"', (status, label) => {
    renderUi(<StatusDot status={status} />);
    expect(screen.getByRole('img', { name: label }).getAttribute('data-status')).toBe(status);
  });

  test('a custom label replaces the default', () => {
    renderUi(<StatusDot status="failed" label="Failed, not charged" />);
    expect(screen.getByRole('img', { name: 'Failed, not charged' })).toBeTruthy();
  });
});
