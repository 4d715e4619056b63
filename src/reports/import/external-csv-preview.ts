import Papa from 'papaparse';
import type { ImportPreview } from '../../contract/index.ts';
import {
  convertMicros,
  type Currency,
  type ExternalRow,
  type FxSnapshot,
  normaliseTag,
  toUsdMicros,
} from '../../domain/index.ts';
import { externalRowKey } from './external-row-key.ts';
import { dayOrderOf, parseImportDate } from './import-dates.ts';
import { parseImportAmount } from './import-amounts.ts';
import { currencyNamed, type ImportField, matchHeaders } from './import-headers.ts';

/** Files larger than this are refused before reading (10 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Files with more data rows than this are refused. */
export const MAX_IMPORT_ROWS = 100_000;

export interface PreviewOptions {
  /** Keys of the external rows the ledger holds already. */
  knownKeys: ReadonlySet<string>;
  /** The rates recorded with the import (and used for its total). */
  fx: FxSnapshot;
  displayCurrency: Currency;
}

const refusedPreview = (reason: string, currency: Currency): ImportPreview => ({
  refused: reason,
  rows: [],
  errors: [],
  duplicates: [],
  totalMicros: 0,
  currency,
});

/**
 * Reads an external-cost CSV (Midjourney, RunwayML, ElevenLabs… exports) into what an import would
 * record: delimiters `,` `;` and tab detected; headers matched case-insensitively with common aliases;
 * amounts with decimal commas and thousands separators; ISO or unambiguous day/month dates (an
 * ambiguous one is an error with its line); rows already imported, or repeated, are duplicates.
 */
export function previewExternalCsv(text: string, options: PreviewOptions): ImportPreview {
  const currency = options.displayCurrency;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) {
    return refusedPreview(
      `The file is ${(bytes / 1e6).toFixed(1)} MB; at most 10 MB can be imported at once.`,
      currency,
    );
  }
  // Blank rows are kept while reading, so every reported line is the row a spreadsheet shows.
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t'],
  });
  const [header, ...rowsRead] = parsed.data;
  const blank = (cells: string[]) => cells.every((cell) => cell.trim() === '');
  const data = rowsRead.map((cells, i) => ({ cells, line: i + 2 })).filter(({ cells }) => !blank(cells));
  if (!header || header.length < 2) return refusedPreview('The file has no header row of columns.', currency);
  if (data.length > MAX_IMPORT_ROWS) {
    return refusedPreview(
      `The file has ${data.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once.`,
      currency,
    );
  }
  const match = matchHeaders(header);
  if (match.missing.length > 0) {
    return refusedPreview(
      `Required columns missing: ${match.missing.join(', ')}. Found: ${header.map((h) => h.trim()).join(', ')}.`,
      currency,
    );
  }
  const cell = (cells: string[], field: ImportField) => {
    const at = match.index[field];
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  const order = dayOrderOf(data.map(({ cells }) => cell(cells, 'date')));
  const preview: ImportPreview = { ...refusedPreview('', currency), refused: null };
  const seen = new Map<string, number>();
  for (const { cells, line } of data) {
    const problems: string[] = [];
    const date = parseImportDate(cell(cells, 'date'), order);
    if (!date.ok) problems.push(date.reason);
    const amount = parseImportAmount(cell(cells, 'amount'));
    if (!amount.ok) problems.push(amount.reason);
    const named = cell(cells, 'currency');
    const column = named === '' ? null : (currencyNamed(named) ?? undefined);
    if (column === undefined)
      problems.push(`the currency "${cell(cells, 'currency')}" is not USD, EUR or SEK`);
    const description = normaliseTag(cell(cells, 'description'));
    if (description === '') problems.push('the description is empty');
    if (description.length > 500) problems.push('the description is over 500 characters');
    const tool = normaliseTag(cell(cells, 'tool'));
    const category = normaliseTag([cell(cells, 'category'), tool].filter(Boolean).join(' · '));
    if (category === '') problems.push('the category is empty');
    if (amount.ok && column && amount.currency && amount.currency !== column) {
      problems.push(`the amount says ${amount.currency} but the currency column says ${column}`);
    }
    if (problems.length > 0 || !date.ok || !amount.ok) {
      preview.errors.push({ line, reason: problems.join('; ') });
      continue;
    }
    const rowCurrency = column ?? amount.currency ?? match.amountCurrency ?? 'USD';
    const tags = {
      client: normaliseTag(cell(cells, 'client')),
      project: normaliseTag(cell(cells, 'project')),
      deliverable: normaliseTag(cell(cells, 'deliverable')),
    };
    const facts = {
      day: date.day,
      description,
      amountMicros: amount.micros,
      currency: rowCurrency,
      category,
      tags,
    };
    const key = externalRowKey(facts);
    if (options.knownKeys.has(key)) {
      preview.duplicates.push({ line, of: 'earlier import' });
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      preview.duplicates.push({ line, of: first });
      continue;
    }
    seen.set(key, line);
    const row: ExternalRow = {
      key,
      date: date.day,
      description,
      amountMicros: amount.micros,
      currency: rowCurrency,
      category,
      tags,
    };
    preview.rows.push({ line, row });
    // As totals show a cost: as recorded in its own currency, else converted at the import's rates.
    preview.totalMicros +=
      row.currency === currency
        ? row.amountMicros
        : convertMicros(toUsdMicros(row.amountMicros, row.currency, options.fx), currency, options.fx);
  }
  return preview;
}
