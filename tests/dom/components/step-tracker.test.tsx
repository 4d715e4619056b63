import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { StepTracker } from '../../../src/ui/components/StepTracker/StepTracker.tsx';
import { stepStates } from '../../../src/ui/components/StepTracker/steps.ts';
import { renderUi } from './render.tsx';

function items() {
  return within(screen.getByRole('list', { name: 'Generation progress' })).getAllByRole('listitem');
}

describe('StepTracker', () => {
  test('lists the five steps in order', () => {
    renderUi(<StepTracker current="sent" />);
    const names = ['Sent', 'Queued', 'Generating', 'Downloading', 'Importing'];
    expect(items()).toHaveLength(5);
    items().forEach((li, i) => {
      expect(within(li).getByText(names[i]!)).toBeTruthy();
    });
  });

  test('while queued the Queued step is current, grey, and shows the position', () => {
    renderUi(<StepTracker current="queued" queuePosition={3} />);
    const queued = items()[1]!;
    expect(queued.getAttribute('aria-current')).toBe('step');
    expect(queued.getAttribute('data-state')).toBe('waiting');
    expect(within(queued).getByText('Queued #3')).toBeTruthy();
    expect(items()[0]!.getAttribute('data-state')).toBe('done');
  });

  test('generating: earlier steps done, Generating active (pulsing), later pending', () => {
    renderUi(<StepTracker current="generating" queuePosition={3} />);
    expect(items().map((li) => li.getAttribute('data-state'))).toEqual([
      'done',
      'done',
      'active',
      'pending',
      'pending',
    ]);
    expect(items().filter((li) => li.getAttribute('aria-current') === 'step')).toHaveLength(1);
    // The queue position belongs to the waiting state only.
    expect(screen.queryByText('Queued #3')).toBeNull();
  });

  test('a failed step is red and current; later steps stay pending', () => {
    renderUi(<StepTracker current="downloading" failedStep="downloading" />);
    const states = items().map((li) => li.getAttribute('data-state'));
    expect(states).toEqual(['done', 'done', 'done', 'failed', 'pending']);
    expect(items()[3]!.getAttribute('aria-current')).toBe('step');
    expect(within(items()[3]!).getByText(/failed/)).toBeTruthy();
  });

  test('done: all five green, none current', () => {
    renderUi(<StepTracker current="done" />);
    expect(items().every((li) => li.getAttribute('data-state') === 'done')).toBe(true);
    expect(items().some((li) => li.hasAttribute('aria-current'))).toBe(false);
  });

  test('step start times show as <time> with the ISO value', () => {
    renderUi(<StepTracker current="generating" stepStartedAt={{ sent: '2026-03-01T10:00:00Z' }} />);
    const time = items()[0]!.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-03-01T10:00:00Z');
    expect(time?.textContent).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  });

  test('stepStates: a failure before queueing leaves everything after it pending', () => {
    expect(stepStates({ current: 'generating', failedStep: 'sent' })).toEqual([
      'failed',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
  });
});
