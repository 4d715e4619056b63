import { useMemo } from 'react';
import {
  amountIn,
  type CostItem,
  convertMicros,
  type Currency,
  formatMoney,
  type FxSnapshot,
} from '../../domain/index.ts';
import { selectCurrency } from '../../machines/billing/billing.selectors.ts';
import { useFxRates } from './fx-rates-context.ts';
import { usePanelSelector } from '../actors/panel-context.ts';

/** Money display in the panel's display currency; every input amount is integer micro-USD. */
export interface Money {
  /** The display currency chosen in the billing actor. */
  currency: Currency;
  /** The rates conversions use (FxRatesContext). */
  rates: FxSnapshot;
  /** Integer micro-USD → integer micro-units of the display currency (rounded once, half away from 0). */
  convert: (usdMicros: number) => number;
  /** Integer micro-USD → text in the display currency: `$1.23`, `€1.06`, `11.6 kr` (SEK: one decimal). */
  format: (usdMicros: number) => string;
  /** Micro-units already in the display currency (e.g. totals built with amountIn) → text. */
  formatDisplay: (displayMicros: number) => string;
  /** One cost item in the display currency: as recorded when it was recorded in it, else at its stored rates. */
  formatItem: (item: CostItem) => string;
}

/**
 * Formats micro-USD in the display currency: the currency comes from the billing actor
 * (BillingActorContext), the rates from FxRatesContext. Stable while neither changes.
 */
export function useMoney(): Money {
  const currency = usePanelSelector('billing', selectCurrency);
  const rates = useFxRates();
  return useMemo(() => {
    const convert = (usdMicros: number) => convertMicros(usdMicros, currency, rates);
    const itemAmount = amountIn(currency);
    return {
      currency,
      rates,
      convert,
      format: (usdMicros: number) => formatMoney(convert(usdMicros), currency),
      formatDisplay: (displayMicros: number) => formatMoney(displayMicros, currency),
      formatItem: (item: CostItem) => formatMoney(itemAmount(item), currency),
    };
  }, [currency, rates]);
}
