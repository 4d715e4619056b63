import { type Currency, parseDecimalToMicros } from '../../domain/index.ts';

const SYMBOLS: readonly [RegExp, Currency][] = [
  [/\$|\bUSD\b|\bUS\$/i, 'USD'],
  [/€|\bEUR\b/i, 'EUR'],
  [/\bkr\b|\bSEK\b/i, 'SEK'],
];

/** An amount in integer micro-units, with the currency its text names (symbol or code), if any. */
export type ParsedAmount =
  { ok: true; micros: number; currency: Currency | null } | { ok: false; reason: string };

/**
 * Reads an amount as people's exports write it: `12.50`, `12,50`, `1 234,50`, `1.234,56`, `1'234.50`,
 * `$12.50`, `12,50 €`, `-3.00` (a refund), `(3.00)` (accounting negative). The decimal rules are
 * parseDecimalToMicros's.
 */
export function parseImportAmount(text: string): ParsedAmount {
  let t = text.trim();
  if (t === '') return { ok: false, reason: 'the amount is empty' };
  let currency: Currency | null = null;
  for (const [pattern, code] of SYMBOLS) {
    if (!pattern.test(t)) continue;
    if (currency && currency !== code) return { ok: false, reason: `"${text}" names two currencies` };
    currency = code;
    t = t.replace(pattern, ' ');
  }
  const accounting = /^\((.*)\)$/.exec(t.trim());
  if (accounting) t = `-${(accounting[1] ?? '').trim()}`;
  t = t.trim().replace(/^([+\-\u2212])\s+/, '$1');
  t = t.replace(/(\d)['’](?=\d{3})/g, '$1 ');
  const micros = parseDecimalToMicros(t);
  return micros === null
    ? { ok: false, reason: `"${text}" is not an amount` }
    : { ok: true, micros, currency };
}
