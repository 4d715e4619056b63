import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonAtomic } from './atomic-file.ts';

/** File of cached fal list prices in the data dir. */
export const PRICING_CACHE_FILE = 'pricing-cache.json';

/** A cached fal price is reused for this long before asking fal again (milliseconds, one day). */
export const PRICING_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

const priceSchema = z.object({ unitPrice: z.number().nonnegative(), unit: z.string(), currency: z.string() });

const entrySchema = z.object({ price: priceSchema.nullable(), fetchedAt: z.iso.datetime() });
/** One cached answer of fal's pricing API (`price: null` = fal has no price) and when it was fetched. */
export type PricingCacheEntry = z.infer<typeof entrySchema>;

const fileSchema = z.object({ v: z.literal(1), entries: z.record(z.string(), entrySchema) });

/** fal list prices cached on disk per endpoint id, so the panel can price unknown models offline. */
export interface PricingCache {
  get(endpointId: string): PricingCacheEntry | undefined;
  put(endpointId: string, entry: PricingCacheEntry): Promise<void>;
}

/** Opens the cache of a data dir; a missing or unreadable file starts an empty cache. */
export async function openPricingCache(dataDir: string): Promise<PricingCache> {
  const path = join(dataDir, PRICING_CACHE_FILE);
  const raw = await readJsonFile(path).catch(() => null);
  const parsed = fileSchema.safeParse(raw);
  const entries = new Map(Object.entries(parsed.success ? parsed.data.entries : {}));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get: (endpointId) => entries.get(endpointId),
    put(endpointId, entry) {
      entries.set(endpointId, entry);
      // Writes are serialised; each writes the whole (small) map atomically.
      const run = queue.then(() =>
        writeJsonAtomic(path, { v: 1, entries: Object.fromEntries(entries) }, 0o600),
      );
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
