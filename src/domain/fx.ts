import dayjs from 'dayjs';
import { type Currency, type FxSnapshot, fxSnapshotSchema } from './ledger/events.ts';
import { formatMoney, parseDecimalToMicros, roundDiv } from './money.ts';

/**
 * Currencies and exchange rates. fal bills in USD and the ledger stores micro-USD; EUR and SEK are
 * display currencies (and the currency of some imported costs). A rate says how many units of a
 * currency one USD buys. Every recorded cost keeps the snapshot it was recorded with, so changing
 * rates later never rewrites history (ARCHITECTURE.md principle 4).
 */

/** Built-in rates used until the user sets their own: 1 USD = 0.86 EUR = 9.4 SEK as of 2025-10-01. */
export const DEFAULT_FX: FxSnapshot = Object.freeze({
  base: 'USD',
  rates: Object.freeze({ USD: 1, EUR: 0.86, SEK: 9.4 }),
  asOf: '2025-10-01',
  source: 'default',
}) as FxSnapshot;

/** Every supported currency, in the order the currency picker lists them. */
export const CURRENCIES: readonly Currency[] = ['USD', 'EUR', 'SEK'];

/** The rate as an exact fraction of its shortest decimal spelling (0.86 → 86/100), so maths is exact. */
function rateFraction(rate: number): { num: bigint; den: bigint } {
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new RangeError(`Exchange rate ${rate} is not usable: a rate must be a positive number`);
  }
  const [mantissa = '0', exp = '0'] = String(rate).toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const shift = Number(exp) - fraction.length;
  const digits = BigInt(whole + fraction);
  return shift >= 0
    ? { num: digits * 10n ** BigInt(shift), den: 1n }
    : { num: digits, den: 10n ** BigInt(-shift) };
}

/**
 * Converts integer micro-USD to integer micro-units of `currency` with the snapshot's rate, rounding
 * half away from zero once. USD is returned unchanged.
 */
export function convertMicros(usdMicros: number, currency: Currency, rates: FxSnapshot): number {
  if (currency === 'USD') return usdMicros;
  const { num, den } = rateFraction(rates.rates[currency]);
  return Number(roundDiv(BigInt(usdMicros) * num, den));
}

/**
 * Converts integer micro-units of `currency` (an imported EUR or SEK cost) to integer micro-USD with
 * the snapshot's rate, rounding half away from zero once. USD is returned unchanged.
 */
export function toUsdMicros(amountMicros: number, currency: Currency, rates: FxSnapshot): number {
  if (currency === 'USD') return amountMicros;
  const { num, den } = rateFraction(rates.rates[currency]);
  return Number(roundDiv(BigInt(amountMicros) * den, num));
}

/** Formats a micro-USD amount in the display currency with the given rates, e.g. `5.1 kr`. */
export function formatUsdIn(usdMicros: number, currency: Currency, rates: FxSnapshot): string {
  return formatMoney(convertMicros(usdMicros, currency, rates), currency);
}

/** Outcome of validating rates: the snapshot, or every problem as a sentence for people. */
export type FxResult = { ok: true; value: FxSnapshot } | { ok: false; errors: string[] };

/** Rates outside these bounds are almost surely a typo (e.g. SEK per EUR swapped, or cents). */
export const PLAUSIBLE_RATES: Readonly<Record<'EUR' | 'SEK', { min: number; max: number }>> = {
  EUR: { min: 0.1, max: 10 },
  SEK: { min: 1, max: 100 },
};

/** Checks stored or received rates against the ledger schema; errors name the field and the fix. */
export function parseFxSnapshot(value: unknown): FxResult {
  const parsed = fxSnapshotSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.map(
    (i) => `Exchange rates field "${i.path.join('.') || '(root)'}" is invalid: ${i.message}.`,
  );
  return { ok: false, errors };
}

/** True when `text` is a real calendar day written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dayjs(text).format('YYYY-MM-DD') === text;
}

function rateFrom(label: 'EUR' | 'SEK', input: number | string, errors: string[]): number {
  const rate = typeof input === 'number' ? input : (parseDecimalToMicros(input) ?? Number.NaN) / 1e6;
  const { min, max } = PLAUSIBLE_RATES[label];
  if (!Number.isFinite(rate) || rate <= 0) {
    errors.push(`The ${label} rate "${input}" is not a positive number: enter how many ${label} 1 USD buys.`);
  } else if (rate < min || rate > max) {
    errors.push(
      `The ${label} rate ${rate} is outside ${min}–${max} ${label} per USD: check it is ${label} per 1 USD.`,
    );
  }
  return rate;
}

/**
 * Builds a `manual` snapshot from rates typed in Settings (numbers, or text like "0,86") and their
 * as-of day; rejects non-positive, implausible (see PLAUSIBLE_RATES) or unreadable values and
 * impossible dates, listing every problem.
 */
export function manualFx(input: { EUR: number | string; SEK: number | string; asOf: string }): FxResult {
  const errors: string[] = [];
  const EUR = rateFrom('EUR', input.EUR, errors);
  const SEK = rateFrom('SEK', input.SEK, errors);
  if (!isIsoDay(input.asOf)) {
    errors.push(`The date "${input.asOf}" is not a real day: write it as YYYY-MM-DD, e.g. 2025-10-01.`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return parseFxSnapshot({ base: 'USD', rates: { USD: 1, EUR, SEK }, asOf: input.asOf, source: 'manual' });
}
