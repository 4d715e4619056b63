import { createContext, useContext } from 'react';
import { DEFAULT_FX, type FxSnapshot } from '../../domain/index.ts';

/**
 * The exchange rates every displayed amount is converted with (1 USD = rate units). Defaults to the
 * built-in DEFAULT_FX; the Settings work provides the user's rates through its Provider.
 */
export const FxRatesContext = createContext<FxSnapshot>(DEFAULT_FX);

/** The current display rates from FxRatesContext (DEFAULT_FX when no Provider is above). */
export function useFxRates(): FxSnapshot {
  return useContext(FxRatesContext);
}
