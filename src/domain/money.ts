import type { Currency } from './ledger/events.ts';
import { plainDecimalMicros } from './plain-decimal.ts';

/**
 * Money is integer micro-units (1 USD = 1,000,000 micro-USD; the same for EUR and SEK). Everything is
 * summed as integers; rounding happens once, at display (ARCHITECTURE.md principle 3).
 */

/** Micro-units per whole unit of any currency. */
export const MICROS_PER_UNIT = 1_000_000;

/**
 * Divides two integers and rounds half away from zero (2.5 → 3, -2.5 → -3); exact for any size.
 * Throws a RangeError when the divisor is zero.
 */
export function roundDiv(numerator: bigint, divisor: bigint): bigint {
  if (divisor === 0n) throw new RangeError('roundDiv: cannot divide by zero');
  const negative = numerator < 0n !== divisor < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = divisor < 0n ? -divisor : divisor;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

interface CurrencyFormat {
  decimals: 1 | 2;
  prefix: string;
  suffix: string;
}

// SEK shows one decimal with the symbol after ("5.1 kr"): modelbridge-docs.md §10 and the spec.
const FORMATS: Record<Currency, CurrencyFormat> = {
  USD: { decimals: 2, prefix: '$', suffix: '' },
  EUR: { decimals: 2, prefix: '€', suffix: '' },
  SEK: { decimals: 1, prefix: '', suffix: ' kr' },
};

const GROUPING = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Formats integer micro-units of `currency` for people: `$1,234.56`, `€1.23`, `1,234.5 kr`.
 * Rounds half away from zero to the shown precision (cents; tenths for SEK). Never shows a zero for
 * a non-zero amount: it shows `<$0.01`, `<€0.01`, `<0.1 kr` instead, and for tiny negative amounts
 * (credits) the minus sign followed by that form, `-<$0.01` ("a credit of less than a cent").
 * Negative amounts keep their minus sign in front of the symbol: `-$1.23`, `-5.1 kr`.
 */
export function formatMoney(micros: number, currency: Currency): string {
  if (!Number.isSafeInteger(micros)) {
    throw new RangeError(`formatMoney: ${micros} is not an integer amount of micro-units`);
  }
  const { decimals, prefix, suffix } = FORMATS[currency];
  const sign = micros < 0 ? '-' : '';
  const step = 10n ** BigInt(6 - decimals);
  const units = roundDiv(BigInt(Math.abs(micros)), step);
  if (units === 0n && micros !== 0) {
    return `${sign}<${prefix}0.${'0'.repeat(decimals - 1)}1${suffix}`;
  }
  const scale = 10n ** BigInt(decimals);
  const whole = GROUPING.format(units / scale);
  const fraction = (units % scale).toString().padStart(decimals, '0');
  return `${sign}${prefix}${whole}.${fraction}${suffix}`;
}

/**
 * Converts a dollar figure (e.g. a catalog rate of 0.0035 USD) to integer micro-USD, rounded to the
 * nearest micro. Throws a RangeError for NaN, infinities or amounts beyond safe integers.
 */
export function usdToMicros(usd: number): number {
  const micros = Math.round(usd * MICROS_PER_UNIT);
  if (!Number.isSafeInteger(micros)) {
    throw new RangeError(`usdToMicros: ${usd} is not a finite dollar amount`);
  }
  return micros;
}

const GROUPED_INT = /^\d{1,3}( \d{3})+$/;
const PLAIN_INT = /^\d+$/;
const DIGITS = /^\d+$/;

/** Splits a sign-less number into whole and fraction digits, or null when it is not a decimal. */
function splitDecimal(s: string): { whole: string; fraction: string } | null {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let decimalMark: '.' | ',' | null = null;
  if (dots > 0 && commas > 0) decimalMark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (dots === 1) decimalMark = '.';
  else if (commas === 1) decimalMark = ',';
  const at = decimalMark === null ? -1 : s.lastIndexOf(decimalMark);
  const rawWhole = at < 0 ? s : s.slice(0, at);
  const fraction = at < 0 ? '' : s.slice(at + 1);
  if (at >= 0 && !DIGITS.test(fraction)) return null;
  if (decimalMark !== null && rawWhole.includes(decimalMark)) return null;
  const whole = rawWhole.replace(/[.,]/g, ' ');
  if (whole === '' && fraction !== '') return { whole: '0', fraction };
  if (!PLAIN_INT.test(whole) && !GROUPED_INT.test(whole)) return null;
  return { whole: whole.replaceAll(' ', ''), fraction };
}

/**
 * Parses a decimal amount typed by people or found in a CSV into integer micro-units:
 * `1.23`, `1,23` (decimal comma), `1 234,50`, `1,234.56`, `1.234,56`, `-2.5`, `+3`. Spaces (also
 * no-break spaces) group thousands. With both `.` and `,` the last one is the decimal mark; a single
 * `.` or `,` is the decimal mark (so `1,234` is 1.234); repeated ones group thousands. Digits beyond
 * the sixth decimal round half away from zero. Returns null for anything else (empty text, letters,
 * currency symbols, exponents, bad grouping, amounts beyond safe integers).
 */
export function parseDecimalToMicros(text: string): number | null {
  return plainDecimalMicros(text) ?? exactDecimalToMicros(text);
}

/** parseDecimalToMicros for every spelling it reads, with BigInt: the exact path the plain one must match. */
export function exactDecimalToMicros(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
  const negative = s.startsWith('-') || s.startsWith('\u2212');
  if (negative || s.startsWith('+')) s = s.slice(1);
  const parts = splitDecimal(s);
  if (parts === null) return null;
  const kept = parts.fraction.slice(0, 6).padEnd(6, '0');
  const roundUp = (parts.fraction[6] ?? '0') >= '5' ? 1n : 0n;
  const magnitude = BigInt(parts.whole) * 1_000_000n + BigInt(kept) + roundUp;
  const micros = Number(negative ? -magnitude : magnitude);
  return Number.isSafeInteger(micros) ? micros : null;
}

/**
 * Integer micro-units as an exact plain decimal with all six places (`0.421134`, `-5.000000`): what
 * files for accountants carry, so they read back to the same micro-units (parseDecimalToMicros).
 */
export function microsToDecimal(micros: number): string {
  if (!Number.isSafeInteger(micros)) {
    throw new RangeError(`microsToDecimal: ${micros} is not an integer amount of micro-units`);
  }
  const magnitude = Math.abs(micros);
  const whole = Math.floor(magnitude / MICROS_PER_UNIT);
  const fraction = String(magnitude % MICROS_PER_UNIT).padStart(6, '0');
  return `${micros < 0 ? '-' : ''}${whole}.${fraction}`;
}
