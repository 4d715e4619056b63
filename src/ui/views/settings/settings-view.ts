import { formatMoney, type FxSnapshot } from '../../../domain/index.ts';
import type { KeyStatus } from '../../../machines/settings/settings.selectors.ts';

/** Pure helpers of the Settings tab: status words and colours, amounts as typed text. */

/** How the fal key's status reads and looks (modelbridge-docs.md §15: green Connected, red Invalid, neutral). */
export interface KeyStatusLook {
  label: string;
  color: string;
  /** One sentence on what it means and what to do. */
  hint: string;
}

const KEY_LOOKS: Record<KeyStatus, KeyStatusLook> = {
  connected: {
    label: 'Connected',
    color: 'green',
    hint: 'fal.ai accepted the key: generations are charged to your fal account.',
  },
  invalid: {
    label: 'Invalid key',
    color: 'red',
    hint: 'fal.ai rejected the key: remove it and paste a fresh one (no spaces), or create a new key on fal.ai.',
  },
  none: {
    label: 'No key',
    color: 'gray',
    hint: 'Paste a fal key to run real generations; until then the Sandbox runs them.',
  },
  unchecked: {
    label: 'Not checked',
    color: 'yellow',
    hint: 'fal.ai could not be reached to check the key; it is checked again when you paste it.',
  },
  checking: { label: 'Checking…', color: 'blue', hint: 'Asking fal.ai whether the key works.' },
  removing: { label: 'Removing…', color: 'gray', hint: 'Deleting the saved key.' },
};

/** The look of a key status. */
export function keyStatusLook(status: KeyStatus): KeyStatusLook {
  return KEY_LOOKS[status];
}

/** Integer micro-USD as the dollars a user types back, e.g. 5_000_000 → "5.00" (no symbol, no grouping). */
export function dollarsText(usdMicros: number): string {
  return formatMoney(usdMicros, 'USD').replace('$', '').replaceAll(',', '');
}

/** Where the rates come from, in words. */
export function ratesSourceText(fx: FxSnapshot): string {
  if (fx.source === 'manual') return 'Entered by you';
  if (fx.source === 'default') return 'Built-in rates';
  return 'European Central Bank';
}
