import dayjs from 'dayjs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { foldLedger } from '../../../../src/domain/ledger/fold.ts';
import { breakdown } from '../../../../src/domain/ledger/selectors.ts';
import { byWeek, weekOf } from '../../../../src/domain/ledger/weekly.ts';
import { arbDay, arbLedgerEvents } from '../../../fixtures/ledger-arbitraries.ts';

test('a day falls in the week of its Monday, the Monday itself included', () => {
  expect(weekOf('2026-11-30')).toBe('2026-11-30'); // a Monday
  expect(weekOf('2026-12-06')).toBe('2026-11-30'); // the Sunday after
  expect(weekOf('2026-12-07')).toBe('2026-12-07');
  expect(weekOf('2027-01-01')).toBe('2026-12-28'); // across the year's end
  fc.assert(
    fc.property(arbDay, (day) => {
      const monday = dayjs(weekOf(day));
      expect(monday.day()).toBe(1);
      const days = dayjs(day).diff(monday, 'day');
      expect(days).toBeGreaterThanOrEqual(0);
      expect(days).toBeLessThan(7);
    }),
  );
});

test('weeks sum their days exactly: amounts, estimated parts and counts, oldest first', () => {
  fc.assert(
    fc.property(arbLedgerEvents(40), (events) => {
      const days = breakdown(foldLedger(events), 'day');
      const weeks = byWeek(days);
      const total = (rows: typeof days, pick: (r: (typeof days)[number]) => number) =>
        rows.reduce((sum, row) => sum + pick(row), 0);
      expect(total(weeks, (r) => r.usdMicros)).toBe(total(days, (r) => r.usdMicros));
      expect(total(weeks, (r) => r.estimatedUsdMicros)).toBe(total(days, (r) => r.estimatedUsdMicros));
      expect(total(weeks, (r) => r.count)).toBe(total(days, (r) => r.count));
      for (const week of weeks) {
        const inWeek = days.filter((d) => weekOf(d.key) === week.key);
        expect(week.usdMicros).toBe(total(inWeek, (r) => r.usdMicros));
      }
      expect(weeks.map((w) => w.key)).toEqual([...new Set(days.map((d) => weekOf(d.key)))].sort());
    }),
  );
});
