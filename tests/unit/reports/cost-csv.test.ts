import fc from 'fast-check';
import Papa from 'papaparse';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  type Currency,
  foldLedger,
  listRows,
  parseDecimalToMicros,
  totals,
} from '../../../src/domain/index.ts';
import {
  COST_CSV_COLUMNS,
  type CostCsvColumn,
  CostCsvFormatError,
  costCsv,
  costCsvRecord,
  NUMERIC_COLUMNS,
  neutraliseCell,
  parseCostCsv,
  restoreCell,
} from '../../../src/reports/csv/index.ts';
import { arbLedgerEvents } from '../../fixtures/ledger-arbitraries.ts';
import {
  externalRow,
  generation,
  imported,
  poolDefined,
  resetBuilders,
  type submitted,
  tags,
} from '../../fixtures/ledger-builders.ts';

const CURRENCIES: Currency[] = ['USD', 'EUR', 'SEK'];

/** The raw cells of a CSV as a spreadsheet sees them (no restoring), header row first. */
const rawCells = (text: string) => Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;

beforeEach(() => resetBuilders());

describe('cost CSV', () => {
  test('parses back to the same records, and its counted amounts add up to the combined total', () => {
    fc.assert(
      fc.property(arbLedgerEvents(30), fc.constantFrom(...CURRENCIES), (events, currency) => {
        const state = foldLedger(events);
        const rows = listRows(state);
        const records = parseCostCsv(costCsv(rows, currency));
        expect(records).toEqual(rows.map((row) => costCsvRecord(row, currency)));
        const counted = records.reduce((sum, r) => sum + (parseDecimalToMicros(r.cost_usd) ?? NaN), 0);
        expect(counted).toBe(totals(state).combinedUsdMicros);
      }),
    );
  });

  test('RFC 4180 with a UTF-8 BOM: CRLF lines, the header in order, quotes only where a cell needs them', () => {
    const events = [
      ...generation({
        prompt: 'a "quoted", two-line\nprompt',
        tags: tags('Acme, Inc.', 'Hero Film', 'Teaser'),
      }),
    ];
    const text = costCsv(listRows(foldLedger(events)), 'USD');
    expect(text.startsWith('\ufeffdate,type,client,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const header = text.slice(1, text.indexOf('\r\n'));
    expect(header.split(',')).toEqual([...COST_CSV_COLUMNS]);
    expect(text).toContain('"Acme, Inc."');
    expect(text).toContain('"a ""quoted"", two-line\nprompt"');
    expect(parseCostCsv(text)[0]?.description).toBe('a "quoted", two-line\nprompt');
  });

  test('a generation row carries its model, request, units, estimate and actual as exact decimals', () => {
    const events = generation({ tags: tags('Acme', 'Hero Film', 'Teaser') }, 421_134);
    const [record] = parseCostCsv(costCsv(listRows(foldLedger(events)), 'SEK'));
    const run = events[0] as ReturnType<typeof submitted>;
    expect(record).toMatchObject({
      type: 'internal',
      client: 'Acme',
      project: 'Hero Film',
      deliverable: 'Teaser',
      model_or_tool: 'FLUX.1 [dev]',
      estimate_usd: '0.025000',
      actual_usd: '0.421134',
      cost_usd: '0.421134',
      currency: 'SEK',
      fx_rate: String(run.fx.rates.SEK),
      fx_as_of: run.fx.asOf,
      request_id: run.requestId,
    });
    expect(record?.billable_units).not.toBe('');
  });

  test('text a spreadsheet would run is neutralised; numbers, negative ones too, stay numbers', () => {
    const events = [
      imported([
        externalRow({
          description: '=HYPERLINK("http://evil","x")',
          category: '+cmd',
          amountMicros: -1_500_000,
        }),
        externalRow({
          description: '@SUM(A1:A9)',
          category: '-2+3',
          tags: tags('Acme', 'Hero Film', "'=quoted"),
        }),
        externalRow({ description: '\tTabbed\rCR', category: 'Runway' }),
      ]),
      poolDefined({ name: '=1+1' }),
      ...generation({
        prompt: '-10% off',
        tags: tags('Acme', 'Hero Film', 'Teaser'),
        at: '2025-11-03T10:00:00.000Z',
      }),
    ];
    const rows = listRows(foldLedger(events));
    const text = costCsv(rows, 'USD');
    const [header = [], ...lines] = rawCells(text);
    const column = (name: string) => header.indexOf(name);
    for (const cells of lines) {
      for (const [k, cell] of cells.entries()) {
        const numeric = NUMERIC_COLUMNS.has(header[k] as CostCsvColumn);
        if (numeric) expect(cell === '' || /^-?\d+(\.\d+)?$/.test(cell), `${header[k]}: ${cell}`).toBe(true);
        else expect(/^[=+\-@\t\r]/.test(cell), `${header[k]}: ${JSON.stringify(cell)}`).toBe(false);
      }
    }
    expect(lines.some((cells) => cells[column('cost_usd')] === '-1.500000')).toBe(true);
    // Restored on reading: exactly what was recorded, the apostrophe-led text included.
    const records = parseCostCsv(text);
    expect(records).toEqual(rows.map((row) => costCsvRecord(row, 'USD')));
    expect(records.map((r) => r.description)).toContain('=HYPERLINK("http://evil","x")');
    expect(records.map((r) => r.description)).toContain('\tTabbed\rCR');
    expect(records.map((r) => r.deliverable)).toContain("'=quoted");
  });

  test('neutralising is reversible for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ') }),
        (text) => {
          const cell = neutraliseCell(text);
          expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
          expect(restoreCell(cell)).toBe(text);
        },
      ),
    );
  });

  test('a file that is not a cost CSV is refused with its line', () => {
    expect(() => parseCostCsv('\ufeffname,amount\r\nx,1\r\n')).toThrow(CostCsvFormatError);
    const good = costCsv(listRows(foldLedger(generation({}, 10_000))), 'USD');
    expect(() => parseCostCsv(`${good}only,three,cells\r\n`)).toThrow(/Line 3 has 3 cells/);
  });
});
