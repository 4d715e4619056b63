import { manualFx, parseDecimalToMicros } from '../../domain/index.ts';
import type { PanelSettingsPatch } from './settings-ports.ts';

/**
 * The Settings forms' text → a validated patch (pure). Bad input gives one sentence per problem (what,
 * why, what to do) and changes nothing (ARCHITECTURE.md principle 6).
 */

/** The Settings forms that validate typed text. */
export type SettingsForm = 'rates' | 'thresholds' | 'windows';

/** A validated patch, or the form's problems as sentences for people. */
export type FormResult = { ok: true; patch: PanelSettingsPatch } | { ok: false; errors: string[] };

/** FX rates as typed: how many EUR and SEK 1 USD buys ("0,86" allowed), and their as-of day (blank: today). */
export interface RatesForm {
  eur: string;
  sek: string;
  asOf: string;
}

/** Confirmation thresholds as typed, in dollars ("5", "5.00", "8,50"). */
export interface ThresholdsForm {
  single: string;
  dual: string;
}

/** Foreground windows as typed, in whole seconds. */
export interface WindowsForm {
  image: string;
  video: string;
  audio: string;
}

/**
 * Rates form → `fx` patch; rejects non-positive, implausible or unreadable rates and impossible days.
 * A blank as-of day is left out, so the backend dates the rates today.
 */
function ratesPatch(form: RatesForm): FormResult {
  const asOf = form.asOf.trim();
  // Any real day validates the rates alone; the backend supplies today's date for a blank one.
  const fx = manualFx({ EUR: form.eur.trim(), SEK: form.sek.trim(), asOf: asOf || '2000-01-01' });
  if (!fx.ok) return fx;
  const { EUR, SEK } = fx.value.rates;
  return { ok: true, patch: { fx: { rates: { EUR, SEK }, ...(asOf ? { asOf } : {}) } } };
}

/** Largest threshold accepted: $100,000 (above that the dialog would never show; surely a typo). */
const MAX_THRESHOLD_USD_MICROS = 100_000 * 1_000_000;

function dollars(label: string, text: string, errors: string[]): number {
  const micros = parseDecimalToMicros(text);
  if (micros === null) {
    errors.push(`The ${label} threshold "${text}" is not an amount: enter dollars, e.g. 5.00.`);
  } else if (micros < 0) {
    errors.push(`The ${label} threshold cannot be negative: enter 0 to confirm every priced run.`);
  } else if (micros > MAX_THRESHOLD_USD_MICROS) {
    errors.push(`The ${label} threshold is above $100,000: enter the amount in dollars, e.g. 8.00.`);
  }
  return micros ?? 0;
}

/** Thresholds form (dollars) → `thresholds` patch in integer micro-USD. */
function thresholdsPatch(form: ThresholdsForm): FormResult {
  const errors: string[] = [];
  const singleUsdMicros = dollars('single-run', form.single, errors);
  const dualUsdMicros = dollars('Dual Mode', form.dual, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, patch: { thresholds: { singleUsdMicros, dualUsdMicros } } };
}

function seconds(label: string, text: string, errors: string[]): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 3600) {
    errors.push(`The ${label} window "${text}" is not usable: enter whole seconds from 1 to 3600.`);
  }
  return value;
}

/** Foreground windows form (seconds) → `foregroundWindowsSec` patch. */
function windowsPatch(form: WindowsForm): FormResult {
  const errors: string[] = [];
  const image = seconds('image', form.image, errors);
  const video = seconds('video', form.video, errors);
  const audio = seconds('audio', form.audio, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, patch: { foregroundWindowsSec: { image, video, audio } } };
}

/** Two patches as one (the later wins field by field); null when both are null. */
export function mergePatches(
  a: PanelSettingsPatch | null,
  b: PanelSettingsPatch | null,
): PanelSettingsPatch | null {
  if (a === null) return b;
  if (b === null) return a;
  const merged: PanelSettingsPatch = { ...a, ...b };
  if (a.fx && b.fx) merged.fx = { ...a.fx, ...b.fx, rates: { ...a.fx.rates, ...b.fx.rates } };
  if (a.thresholds && b.thresholds) merged.thresholds = { ...a.thresholds, ...b.thresholds };
  if (a.foregroundWindowsSec && b.foregroundWindowsSec) {
    merged.foregroundWindowsSec = { ...a.foregroundWindowsSec, ...b.foregroundWindowsSec };
  }
  return merged;
}

/** Saves any subset of settings (currency, confirm-unpriced, …) as they are. */
export type SaveSettingsEvent = { type: 'SAVE'; patch: PanelSettingsPatch };
/** Saves typed FX rates (EUR and SEK per 1 USD) and their as-of day, after validating them. */
export type SaveRatesEvent = { type: 'SAVE_RATES'; form: RatesForm };
/** Saves typed confirmation thresholds in dollars (stored as micro-USD), after validating them. */
export type SaveThresholdsEvent = { type: 'SAVE_THRESHOLDS'; form: ThresholdsForm };
/** Saves typed foreground windows in seconds, after validating them. */
export type SaveWindowsEvent = { type: 'SAVE_WINDOWS'; form: WindowsForm };
/** Every settings event that carries a change to save. */
export type FormEvent = SaveSettingsEvent | SaveRatesEvent | SaveThresholdsEvent | SaveWindowsEvent;

const FORM_OF: Record<FormEvent['type'], SettingsForm | null> = {
  SAVE: null,
  SAVE_RATES: 'rates',
  SAVE_THRESHOLDS: 'thresholds',
  SAVE_WINDOWS: 'windows',
};

/** The form an event comes from; null for a plain SAVE (nothing typed to validate). */
function formOf(event: FormEvent): SettingsForm | null {
  return FORM_OF[event.type];
}

/** The event's validated patch, or its problems. */
function formResult(event: FormEvent): FormResult {
  if (event.type === 'SAVE') return { ok: true, patch: event.patch };
  if (event.type === 'SAVE_RATES') return ratesPatch(event.form);
  if (event.type === 'SAVE_THRESHOLDS') return thresholdsPatch(event.form);
  return windowsPatch(event.form);
}

/** The event's validated patch, or null when its text has problems. */
export function patchOf(event: FormEvent): PanelSettingsPatch | null {
  const result = formResult(event);
  return result.ok ? result.patch : null;
}

/** Null for a patch with no field (nothing to send again). */
export function nonEmpty(patch: PanelSettingsPatch | null): PanelSettingsPatch | null {
  return patch !== null && Object.keys(patch).length > 0 ? patch : null;
}

/** The form errors without those of the event's form (its text was valid). */
export function formErrorsWithout(
  errors: Partial<Record<SettingsForm, string[]>>,
  event: FormEvent,
): Partial<Record<SettingsForm, string[]>> {
  const form = formOf(event);
  if (form === null) return errors;
  const { [form]: _cleared, ...rest } = errors;
  return rest;
}

/** The form errors with the event's problems set on its form (unchanged when its text is valid). */
export function formErrorsWith(
  errors: Partial<Record<SettingsForm, string[]>>,
  event: FormEvent,
): Partial<Record<SettingsForm, string[]>> {
  const result = formResult(event);
  const form = formOf(event);
  return result.ok || form === null ? errors : { ...errors, [form]: result.errors };
}
