import dayjs from 'dayjs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isCalendarDay } from '../../../src/domain/index.ts';

/** The check the import made before: the day dayjs reads back is the day written. */
function dayjsAgrees(year: number, month: number, day: number): boolean {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = dayjs(text);
  return date.isValid() && date.format('YYYY-MM-DD') === text;
}

const years = fc.oneof(
  fc.integer({ min: 0, max: 9999 }),
  fc.constantFrom(0, 1, 99, 100, 101, 1600, 1700, 1900, 2000, 2024, 2026, 2100, 2400, 9996, 9999),
);

describe('isCalendarDay', () => {
  test('agrees with dayjs for every four-digit year, month 0–13 and day 0–32', () => {
    fc.assert(
      fc.property(years, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        expect(isCalendarDay(y, m, d)).toBe(dayjsAgrees(y, m, d));
      }),
      { numRuns: 5_000 },
    );
  });

  test.each([
    [2024, 2, 29, true],
    [2026, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [99, 12, 31, false],
    [0, 1, 1, false],
    [100, 1, 1, true],
  ])('%i-%i-%i is a day: %s', (year, month, day, real) => {
    expect(isCalendarDay(year, month, day)).toBe(real);
  });
});
