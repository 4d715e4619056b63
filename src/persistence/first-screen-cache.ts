import localforage from 'localforage';
import type { RowsResponse, SummaryResponse } from '../contract/index.ts';
import type { Currency } from '../domain/ledger/events.ts';
import { toCacheError } from './cache-errors.ts';

/** What Billing drew last, unfiltered, in one currency: drawn at once on the next start, marked stale. */
export interface CachedFirstScreen {
  summary: SummaryResponse;
  rows: RowsResponse;
}

/** The first screens per currency in localforage, beside (never inside) the ledger's outbox. */
export interface FirstScreenCache {
  load(currency: Currency): Promise<CachedFirstScreen | null>;
  save(currency: Currency, screen: CachedFirstScreen): Promise<void>;
  /** Forgets every first screen (after a reset, so no old total is drawn again). */
  clear(): Promise<void>;
}

/** Bump when the stored shape changes; other versions are ignored on load. */
const FIRST_SCREEN_VERSION = 1;

interface StoredFirstScreen {
  v: number;
  screen: CachedFirstScreen;
}

// Stored data is untrusted and only ever drawn as a placeholder: a shape check is enough.
function isFirstScreen(value: unknown): value is StoredFirstScreen {
  const stored = value as Partial<StoredFirstScreen> | null;
  const screen = stored?.screen as Partial<CachedFirstScreen> | undefined;
  return (
    stored?.v === FIRST_SCREEN_VERSION &&
    typeof screen?.summary?.totals === 'object' &&
    Array.isArray(screen?.rows?.rows)
  );
}

/** Creates the cache over its own localforage store (`firstScreen`) of the panel's database `name`. */
export function createFirstScreenCache(
  name = 'modelBridge',
  options: { driver?: string | string[] } = {},
): FirstScreenCache {
  const store = localforage.createInstance({ name, storeName: 'firstScreen', ...options });
  const guard = async <T>(action: string, task: () => Promise<T>): Promise<T> => {
    try {
      return await task();
    } catch (error) {
      throw toCacheError(error, action);
    }
  };
  return {
    load: (currency) =>
      guard('read the first screen', async () => {
        const stored = await store.getItem<unknown>(currency);
        return isFirstScreen(stored) ? stored.screen : null;
      }),
    save: (currency, screen) =>
      guard('keep the first screen', async () => {
        await store.setItem<StoredFirstScreen>(currency, { v: FIRST_SCREEN_VERSION, screen });
      }),
    clear: () => guard('clear the first screens', () => store.clear()),
  };
}
