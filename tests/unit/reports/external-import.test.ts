import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { DEFAULT_FX, ledgerEventSchema, microsToDecimal } from '../../../src/domain/index.ts';
import {
  dayOrderOf,
  MAX_IMPORT_ROWS,
  parseImportAmount,
  parseImportDate,
  previewExternalCsv,
} from '../../../src/reports/import/index.ts';

const options = { knownKeys: new Set<string>(), fx: DEFAULT_FX, displayCurrency: 'USD' as const };

describe('amounts', () => {
  test.each([
    ['12.50', 12_500_000, null],
    ['12,50', 12_500_000, null],
    ['1 234,50', 1_234_500_000, null],
    ['1.234,56', 1_234_560_000, null],
    ['1,234.56', 1_234_560_000, null],
    ["1'234.50", 1_234_500_000, null],
    ['$12.50', 12_500_000, 'USD'],
    ['12,50 €', 12_500_000, 'EUR'],
    ['99 kr', 99_000_000, 'SEK'],
    ['(3.00)', -3_000_000, null],
    ['-$3.00', -3_000_000, 'USD'],
  ])('%s reads %i micro-units (%s)', (text, micros, currency) => {
    expect(parseImportAmount(text)).toEqual({ ok: true, micros, currency });
  });

  test.each(['', 'abc', '12.5.0', '$12 €', '1e3'])('%j is refused with a reason', (text) => {
    const parsed = parseImportAmount(text);
    expect(parsed.ok).toBe(false);
  });
});

describe('dates', () => {
  test.each([
    ['2026-11-03', '2026-11-03'],
    ['2026-11-03T23:30:00+01:00', '2026-11-03'],
    ['31/12/2026', '2026-12-31'],
    ['12/31/2026', '2026-12-31'],
    ['31.12.2026', '2026-12-31'],
    ['03.11.2026', '2026-11-03'],
    ['3 Nov 2026', '2026-11-03'],
    ['Nov 3, 2026', '2026-11-03'],
    ['03/03/2026', '2026-03-03'],
  ])('%s reads %s', (text, day) => {
    expect(parseImportDate(text, null)).toEqual({ ok: true, day });
  });

  test('a date that reads both ways is reported unless the file proves its order', () => {
    const ambiguous = parseImportDate('03/04/2026', null);
    expect(ambiguous).toEqual({ ok: false, reason: expect.stringContaining('2026-04-03 or 2026-03-04') });
    expect(dayOrderOf(['03/04/2026', '25/04/2026'])).toBe('day-first');
    expect(dayOrderOf(['03/04/2026', '04/25/2026'])).toBe('month-first');
    expect(dayOrderOf(['25/04/2026', '04/25/2026'])).toBeNull();
    expect(parseImportDate('03/04/2026', 'day-first')).toEqual({ ok: true, day: '2026-04-03' });
    expect(parseImportDate('03/04/2026', 'month-first')).toEqual({ ok: true, day: '2026-03-04' });
  });

  test.each(['31/02/2026', '2026-13-01', 'yesterday', ''])('%j is refused', (text) => {
    expect(parseImportDate(text, 'day-first').ok).toBe(false);
  });
});

describe('previewExternalCsv', () => {
  test('semicolons, decimal commas and aliased headers (Service → category); nothing refused', () => {
    const csv =
      'Datum;Service;Cost;Description;Project\r\n03.11.2026;Midjourney;30,00;Standard plan;Hero Film\r\n';
    const preview = previewExternalCsv(`\ufeff${csv}`, options);
    expect(preview.refused).toBeNull();
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      row: {
        date: '2026-11-03',
        category: 'Midjourney',
        amountMicros: 30_000_000,
        currency: 'USD',
        description: 'Standard plan',
        tags: { client: '', project: 'Hero Film', deliverable: '' },
      },
    });
    expect(preview.totalMicros).toBe(30_000_000);
  });

  test('tabs, a currency in the amount header, a tool column, and the total in the display currency', () => {
    const csv =
      'date\tdescription\tamount (EUR)\tcategory\ttool\n2026-11-01\tVoices\t10,00\tAudio\tElevenLabs\n';
    const preview = previewExternalCsv(csv, { ...options, displayCurrency: 'EUR' });
    expect(preview.rows[0]?.row).toMatchObject({ currency: 'EUR', category: 'Audio · ElevenLabs' });
    expect(preview.totalMicros).toBe(10_000_000);
    const inUsd = previewExternalCsv(csv, options);
    expect(inUsd.totalMicros).toBe(Math.round(10_000_000 / DEFAULT_FX.rates.EUR));
  });

  test('each bad row is reported with its line and every reason; the good ones still count', () => {
    const csv = [
      'date,description,amount,category,currency',
      '2026-11-01,Good,5.00,Runway,',
      '03/04/2026,Ambiguous date,5.00,Runway,',
      '2026-11-02,,abc,Runway,GBP',
      '2026-11-03,Conflict,€5.00,Runway,USD',
    ].join('\n');
    const preview = previewExternalCsv(csv, options);
    expect(preview.rows.map((r) => r.line)).toEqual([2]);
    expect(preview.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(preview.errors[0]?.reason).toContain('YYYY-MM-DD');
    expect(preview.errors[1]?.reason.split('; ')).toEqual([
      '"abc" is not an amount',
      'the currency "GBP" is not USD, EUR or SEK',
      'the description is empty',
    ]);
    expect(preview.errors[2]?.reason).toContain('says EUR but the currency column says USD');
  });

  test('re-importing the same file adds nothing; repeats inside a file and respellings are duplicates', () => {
    const csv =
      'date,description,amount,category\n2026-11-01,Standard plan,30,Midjourney\n2026-11-02,Credits,5,Runway\n';
    const first = previewExternalCsv(csv, options);
    const knownKeys = new Set(first.rows.map((r) => r.row.key));
    const again = previewExternalCsv(csv, { ...options, knownKeys });
    expect(again.rows).toEqual([]);
    expect(again.duplicates).toEqual([
      { line: 2, of: 'earlier import' },
      { line: 3, of: 'earlier import' },
    ]);
    const repeated = previewExternalCsv(`${csv}2026-11-01,  standard   PLAN ,30.00,midjourney\n`, options);
    expect(repeated.rows).toHaveLength(2);
    expect(repeated.duplicates).toEqual([{ line: 4, of: 2 }]);
  });

  test('lines are the rows a spreadsheet shows: blank rows count, and are not errors', () => {
    const csv =
      'date,description,amount,category\n\n2026-11-01,Plan,30,Midjourney\n,,,\n2026-11-02,Broken,x,Runway\n';
    const preview = previewExternalCsv(csv, options);
    expect(preview.rows.map((r) => r.line)).toEqual([3]);
    expect(preview.errors.map((e) => e.line)).toEqual([5]);
  });

  test('a file without the required columns, or too large, is refused with a clear message', () => {
    expect(previewExternalCsv('when,what\n2026-11-01,x\n', options).refused).toMatch(
      /Required columns missing: date, description, amount, category/,
    );
    const rows = `date,description,amount,category\n${'2026-11-01,x,1,y\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(previewExternalCsv(rows, options).refused).toMatch(/at most 100000 can be imported/);
    const big = `date,description,amount,category\n2026-11-01,${'x'.repeat(11 * 1024 * 1024)},1,y\n`;
    expect(previewExternalCsv(big, options).refused).toMatch(/at most 10 MB/);
  });

  test('what a preview would record is a valid external.imported event', () => {
    const csv = 'date,description,amount,category,client\n2026-11-01,Plan,30,Midjourney,Acme\n';
    const rows = previewExternalCsv(csv, options).rows.map((r) => r.row);
    const event = {
      id: 'e-1',
      at: '2026-12-07T10:00:00.000Z',
      epoch: 0,
      v: 1,
      type: 'external.imported',
      batchId: 'b-1',
      fileName: 'midjourney.csv',
      rows,
      fx: DEFAULT_FX,
    };
    expect(ledgerEventSchema.safeParse(event).success).toBe(true);
  });

  test('any rows written with any delimiter and decimal mark read back to the same costs', () => {
    const arbRow = fc.record({
      day: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
      description: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
      micros: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
      category: fc.constantFrom('Midjourney', 'Runway', 'ElevenLabs'),
    });
    fc.assert(
      fc.property(
        fc.array(arbRow, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', ';', '\t'),
        (rows, delimiter) => {
          const comma = delimiter !== ',';
          const data = rows.map((r) => [
            r.day.toISOString().slice(0, 10),
            r.description,
            comma ? microsToDecimal(r.micros).replace('.', ',') : microsToDecimal(r.micros),
            r.category,
          ]);
          const csv = Papa.unparse(
            { fields: ['Date', 'Description', 'Amount', 'Category'], data },
            { delimiter },
          );
          const preview = previewExternalCsv(csv, options);
          expect(preview.errors).toEqual([]);
          const read = [...preview.rows.map((r) => r.line), ...preview.duplicates.map((d) => d.line)].sort(
            (a, b) => a - b,
          );
          expect(read).toEqual(rows.map((_, i) => i + 2));
          for (const { line, row } of preview.rows) {
            const r = rows[line - 2]!;
            expect(row.amountMicros).toBe(r.micros);
            expect(row.date).toBe(r.day.toISOString().slice(0, 10));
            expect(row.description).toBe(r.description.trim().replace(/\s+/g, ' '));
          }
        },
      ),
    );
  });
});
