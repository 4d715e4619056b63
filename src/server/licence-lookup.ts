import type { Licence } from '../domain/ledger/events.ts';
import { fetchFalLicences } from '../fal/index.ts';
import type { ServerContext } from './context.ts';
import type { SettingsStore } from './settings-store.ts';

/** fal's licences are reused for this long before asking again (milliseconds, one day). */
export const LICENCE_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

/** After fal could not be heard, the seed is served this long before asking again (five minutes). */
export const LICENCE_RETRY_MS = 5 * 60 * 1000;

/** The licences fal's model API names right now, read once and kept in memory. */
export interface LicenceLookup {
  /** Endpoint id → the licence fal names; empty when fal names none or cannot be reached (never throws). */
  liveLicences(): Promise<ReadonlyMap<string, Licence>>;
}

/** What the lookup needs of the server: the mode, where each fal lives, and the key. */
type LookupContext = Pick<ServerContext, 'isSandbox' | 'sandboxBaseUrl' | 'fetch' | 'falApiBaseUrl'> & {
  settings: Pick<SettingsStore, 'falKey'>;
};

interface Held {
  /** The mode the answer was read in: switching between the Sandbox and real fal asks again. */
  sandbox: boolean;
  until: number;
  licences: Promise<ReadonlyMap<string, Licence>>;
}

/**
 * Reads fal's licences for `endpointIds` from the Sandbox fal or from fal itself (the key is sent when
 * there is one: fal's model API works without but limits it harder). Concurrent callers share one read.
 */
export function createLicenceLookup(
  ctx: LookupContext,
  endpointIds: readonly string[],
  now: () => number = Date.now,
): LicenceLookup {
  let held: Held | null = null;
  const read = async (into: Held): Promise<ReadonlyMap<string, Licence>> => {
    const base = into.sandbox ? `${ctx.sandboxBaseUrl()}/api/v1` : ctx.falApiBaseUrl;
    const key = into.sandbox ? null : ctx.settings.falKey();
    try {
      return await fetchFalLicences(endpointIds, key, ctx.fetch, base);
    } catch {
      // Unheard is not "no licence": serve the seed for a while, then try again.
      into.until = now() + LICENCE_RETRY_MS;
      return new Map();
    }
  };
  return {
    liveLicences() {
      const sandbox = ctx.isSandbox();
      if (held === null || held.sandbox !== sandbox || now() >= held.until) {
        const next: Held = {
          sandbox,
          until: now() + LICENCE_CACHE_TTL_MS,
          licences: Promise.resolve(new Map()),
        };
        next.licences = read(next);
        held = next;
      }
      return held.licences;
    },
  };
}
