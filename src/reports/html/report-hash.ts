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

/** The SHA-256 (hex) of a report's content: see HASH_SCOPE. */
export function reportHash(content: ReportContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
