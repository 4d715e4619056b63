import { createHash } from 'node:crypto';
import type { ReportContent } from './report-data-types.ts';

/** Adds every object key used anywhere in `value` to `into`. */
function collectKeys(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectKeys(item, into);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      into.add(key);
      const field = record[key];
      if (field !== null && typeof field === 'object') collectKeys(field, into);
    }
  }
}

/** True when every object in `value` already lists its keys in sorted order (then JSON.stringify is canonical). */
function isSorted(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (!isSorted(item)) return false;
    return true;
  }
  if (value === null || typeof value !== 'object') return true;
  const record = value as Record<string, unknown>;
  let previous: string | null = null;
  for (const key in record) {
    if (previous !== null && !(previous < key)) return false;
    previous = key;
    const field = record[key];
    if (field === undefined || (field !== null && typeof field === 'object' && !isSorted(field)))
      return false;
  }
  return true;
}

/**
 * JSON with object keys sorted at every level and no spaces: the same data always gives the same
 * text, whatever order its fields were built in, so anyone can recompute the hash from the data.
 * Data already in sorted order (the report's rows are built so) is written by JSON.stringify as it
 * is; otherwise JSON.stringify gets the sorted list of the keys used, which it writes in that order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (isSorted(value)) return JSON.stringify(value) ?? 'null';
    const keys = new Set<string>();
    collectKeys(value, keys);
    return JSON.stringify(value, [...keys].sort()) ?? 'null';
  }
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${fields.join(',')}}`;
}

/** What the footer says the hash covers. */
export const HASH_SCOPE =
  'SHA-256 of the canonical JSON (keys sorted, no spaces) of everything this report shows: filters, ' +
  'currency, rates, totals, breakdowns, licences and every row listed. The time it was made is left ' +
  'out, so the same ledger and filter always give the same hash.';

/** Items per piece of a long array: each piece is one short string to the hash, not one 20 MB text. */
const PIECE_ITEMS = 1_000;

/**
 * Feeds canonicalJson(value) to `write` in pieces, the same characters in the same order: a long
 * array goes a thousand items at a time (a piece's key list holds every key its items use, so each
 * item is written as it would be in the whole), which spares building and re-encoding one huge string.
 */
function writeCanonicalJson(value: unknown, write: (text: string) => void): void {
  if (Array.isArray(value) && value.length > PIECE_ITEMS) {
    write('[');
    for (let start = 0; start < value.length; start += PIECE_ITEMS) {
      if (start > 0) write(',');
      write(canonicalJson(value.slice(start, start + PIECE_ITEMS)).slice(1, -1));
    }
    write(']');
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    write(canonicalJson(value));
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  write('{');
  keys.forEach((key, i) => {
    write(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`);
    writeCanonicalJson(record[key], write);
  });
  write('}');
}

/** The SHA-256 (hex) of a report's content: see HASH_SCOPE. */
export function reportHash(content: ReportContent): string {
  const hash = createHash('sha256');
  writeCanonicalJson(content, (text) => hash.update(text, 'utf8'));
  return hash.digest('hex');
}
