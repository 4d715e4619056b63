import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { useShownAfter } from '../../../src/ui/hooks/use-shown-after.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('true only after the flag held for the delay; false at once; a short blip is never shown', () => {
  const { result, rerender } = renderHook(({ flag }) => useShownAfter(flag, 200), {
    initialProps: { flag: false },
  });
  expect(result.current).toBe(false);
  rerender({ flag: true });
  act(() => void vi.advanceTimersByTime(199));
  expect(result.current).toBe(false);
  act(() => void vi.advanceTimersByTime(1));
  expect(result.current).toBe(true);
  rerender({ flag: false });
  expect(result.current).toBe(false);
  // A blip shorter than the delay: never shown, and no timer fires later to show it.
  rerender({ flag: true });
  act(() => void vi.advanceTimersByTime(150));
  rerender({ flag: false });
  act(() => void vi.advanceTimersByTime(500));
  expect(result.current).toBe(false);
});
