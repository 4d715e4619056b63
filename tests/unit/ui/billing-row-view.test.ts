import { describe, expect, it } from 'vitest';
import { formatPeriod } from '../../../src/ui/views/billing/billing-row-view.ts';

describe('formatPeriod', () => {
  it('names both ends, or the open one, and never reads "Invalid Date"', () => {
    expect(formatPeriod({ from: '2026-03-01', to: '2026-03-31' })).toBe('1 Mar 2026 – 31 Mar 2026');
    expect(formatPeriod({ from: '2026-03-01', to: '' })).toBe('from 1 Mar 2026');
    expect(formatPeriod({ from: '', to: '2026-03-31' })).toBe('until 31 Mar 2026');
    expect(formatPeriod({ from: '', to: '' })).toBe('any date');
  });
});
