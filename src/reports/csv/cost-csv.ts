import Papa from 'papaparse';
import type { Currency, ListRow } from '../../domain/index.ts';
import {
  COST_CSV_COLUMNS,
  type CostCsvColumn,
  type CostCsvRecord,
  NUMERIC_COLUMNS,
} from './cost-csv-columns.ts';
import { costCsvCells } from './cost-csv-record.ts';
import { restoreCell } from './neutralise-cell.ts';

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\ufeff';

/**
 * The cost CSV of `rows` in `currency`: RFC 4180 (CRLF, quotes where needed), UTF-8 with BOM, a
 * header row, one row per generation, external cost and pool share in the order given; text cells
 * neutralised against formula injection, numbers written as numbers.
 */
export function costCsv(rows: Iterable<ListRow>, currency: Currency): string {
  const data = Array.from(rows, (row) => costCsvCells(row, currency));
  const body = Papa.unparse({ fields: [...COST_CSV_COLUMNS], data }, { newline: '\r\n' });
  return `${UTF8_BOM}${body}\r\n`;
}

/** A cost CSV that is not one this module wrote. */
export class CostCsvFormatError extends Error {
  override name = 'CostCsvFormatError';
}

/** Reads a cost CSV back to its records, neutralised cells restored (the inverse of costCsv). */
export function parseCostCsv(text: string): CostCsvRecord[] {
  const parsed = Papa.parse<string[]>(text.startsWith(UTF8_BOM) ? text.slice(1) : text, {
    newline: '\r\n',
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new CostCsvFormatError(`Line ${(first?.row ?? 0) + 1}: ${first?.message ?? 'unreadable'}.`);
  }
  const [header = [], ...lines] = parsed.data;
  if (header.join(',') !== COST_CSV_COLUMNS.join(',')) {
    throw new CostCsvFormatError(`The header is not the cost CSV's: ${header.join(', ')}.`);
  }
  return lines.map((cells, i) => {
    if (cells.length !== COST_CSV_COLUMNS.length) {
      throw new CostCsvFormatError(
        `Line ${i + 2} has ${cells.length} cells, not ${COST_CSV_COLUMNS.length}.`,
      );
    }
    const record = {} as CostCsvRecord;
    COST_CSV_COLUMNS.forEach((column: CostCsvColumn, k) => {
      const cell = cells[k] ?? '';
      record[column] = NUMERIC_COLUMNS.has(column) ? cell : restoreCell(cell);
    });
    return record;
  });
}
