import type { Currency } from './ledger/events.ts';
import { MICROS_PER_UNIT, roundDiv } from './money.ts';

/**
 * Chart axes over money: "nice" tick steps (1, 2 or 5 × a power of ten, in whole micro-units) and tick
 * labels precise enough for that step. formatMoney rounds to cents, which turns small axes into
 * "$0.00 $0.01 $0.01 $0.03"; here the step decides the decimals, so two ticks never read the same.
 */

const SYMBOLS: Record<Currency, { prefix: string; suffix: string; decimals: number }> = {
  USD: { prefix: '$', suffix: '', decimals: 2 },
  EUR: { prefix: '€', suffix: '', decimals: 2 },
  SEK: { prefix: '', suffix: ' kr', decimals: 1 },
};

const GROUPING = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const MULTIPLIERS = [1, 2, 5, 10] as const;

function assertMicros(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name}: ${value} is not an integer amount of micro-units (1 unit = 1,000,000)`);
  }
}

/**
 * The smallest nice step (1, 2 or 5 × 10^k micro-units, at least 1) that covers `spanMicros` in at
 * most `maxTicks` intervals. A zero span (no costs yet) gets 10,000 micro-units (one cent).
 */
export function niceAxisStep(spanMicros: number, maxTicks = 4): number {
  assertMicros('niceAxisStep', spanMicros);
  if (!Number.isInteger(maxTicks) || maxTicks < 1) {
    throw new RangeError(`niceAxisStep: maxTicks ${maxTicks} must be a whole number of at least 1`);
  }
  const span = Math.abs(spanMicros);
  if (span === 0) return MICROS_PER_UNIT / 100;
  const raw = Math.max(1, span / maxTicks);
  let magnitude = 10 ** Math.floor(Math.log10(raw));
  // log10 of an exact power of ten can land a hair low: correct the magnitude with exact integers.
  if (magnitude * 10 <= raw) magnitude *= 10;
  const multiplier = MULTIPLIERS.find((m) => m * magnitude >= raw) ?? 10;
  return multiplier * magnitude;
}

/**
 * Evenly spaced ticks in micro-units, multiples of a nice step, from at or below min(0, minMicros) to
 * at or above maxMicros; at most `maxTicks` intervals plus one when the range straddles a step.
 */
export function axisTicks(minMicros: number, maxMicros: number, maxTicks = 4): number[] {
  assertMicros('axisTicks', minMicros);
  assertMicros('axisTicks', maxMicros);
  const low = Math.min(0, minMicros);
  const high = Math.max(0, maxMicros);
  const step = niceAxisStep(high - low, maxTicks);
  const first = Math.floor(low / step);
  const last = Math.max(first + 1, Math.ceil(high / step));
  return Array.from({ length: last - first + 1 }, (_, i) => (first + i) * step);
}

/**
 * Decimals that show every multiple of `stepMicros` exactly (up to 6), and never fewer than the
 * currency shows everywhere else (SEK one decimal, "5.1 kr"; USD and EUR two), so an axis reads like
 * every other amount in the panel.
 */
function axisDecimals(stepMicros: number, currency: Currency): number {
  let decimals = 6;
  for (let s = stepMicros; decimals > 0 && s % 10 === 0; s /= 10) decimals -= 1;
  return Math.max(decimals, SYMBOLS[currency].decimals);
}

/**
 * Formats a tick of a money axis: `$0.005`, `$0.50`, `$10.00`, `€1,200.00`, `2.5 kr`, `0.0 kr`, with the
 * decimals the step needs and at least the currency's own. Ticks that are multiples of `stepMicros` always get
 * distinct labels. Both arguments are integer micro-units; `stepMicros` must be positive.
 */
export function formatAxisMoney(valueMicros: number, currency: Currency, stepMicros: number): string {
  assertMicros('formatAxisMoney', valueMicros);
  assertMicros('formatAxisMoney', stepMicros);
  if (stepMicros <= 0) throw new RangeError(`formatAxisMoney: step ${stepMicros} must be positive`);
  const { prefix, suffix } = SYMBOLS[currency];
  const decimals = axisDecimals(stepMicros, currency);
  const units = roundDiv(BigInt(Math.abs(valueMicros)), 10n ** BigInt(6 - decimals));
  const sign = valueMicros < 0 && units !== 0n ? '-' : '';
  const scale = 10n ** BigInt(decimals);
  const whole = GROUPING.format(units / scale);
  const fraction = decimals === 0 ? '' : `.${(units % scale).toString().padStart(decimals, '0')}`;
  return `${sign}${prefix}${whole}${fraction}${suffix}`;
}
