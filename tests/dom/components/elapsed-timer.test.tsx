import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ElapsedTimer } from '../../../src/ui/components/ElapsedTimer/ElapsedTimer.tsx';
import { formatElapsed } from '../../../src/ui/components/ElapsedTimer/format-elapsed.ts';
import { renderUi } from './render.tsx';

afterEach(() => {
  vi.useRealTimers();
});

describe('ElapsedTimer', () => {
  test.each([
    [0, '0:00'],
    [999, '0:00'],
    [65_000, '1:05'],
    [4_500_000, '75:00'],
    [-3_000, '0:00'],
  ])('formatElapsed(%i) = %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  test('a fixed now shows the elapsed time and an accessible label', () => {
    renderUi(<ElapsedTimer startedAt="2026-03-01T10:00:00Z" now="2026-03-01T10:02:07Z" />);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('2:07');
    expect(timer.getAttribute('aria-label')).toBe('Elapsed 2 minutes 7 seconds');
  });

  test('ticks every second while live', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T10:00:05Z'));
    renderUi(<ElapsedTimer startedAt="2026-03-01T10:00:00Z" />);
    expect(screen.getByRole('timer').textContent).toBe('0:05');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByRole('timer').textContent).toBe('0:06');
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByRole('timer').textContent).toBe('1:06');
  });

  test('stops at endedAt and clears its interval', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T10:10:00Z'));
    renderUi(<ElapsedTimer startedAt="2026-03-01T10:00:00Z" endedAt="2026-03-01T10:01:30Z" />);
    expect(vi.getTimerCount()).toBe(0);
    expect(screen.getByRole('timer').textContent).toBe('1:30');
  });
});
