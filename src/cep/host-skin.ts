import { z } from 'zod';
import type { CepRuntime } from './bridge.ts';

/** CEP's event when the user changes Premiere's brightness (Preferences › Appearance). */
export const THEME_COLOR_CHANGED_EVENT = 'com.adobe.csxs.events.ThemeColorChanged';

/** Premiere's panel colour and whether it reads as a dark or a light skin. */
export interface HostSkin {
  /** The host's panel background as `#rrggbb`. */
  background: string;
  scheme: 'dark' | 'light';
}

const channel = z.number().min(0).max(255);
// Only the part we read: CEP sends much more, and versions differ in the rest.
const hostEnvironment = z.object({
  appSkinInfo: z.object({
    panelBackgroundColor: z.object({ color: z.object({ red: channel, green: channel, blue: channel }) }),
  }),
});

const hex = (value: number) => Math.round(value).toString(16).padStart(2, '0');

/**
 * The skin in CEP's host environment JSON (`__adobe_cep__.getHostEnvironment()`), or null when the
 * JSON does not carry a panel colour. Light means a perceived brightness (ITU-R 601 weights) above
 * the middle: Premiere's brightness slider runs from near black to a light grey, and dark text only
 * reads on the upper part of it.
 */
export function skinFromEnvironment(json: string): HostSkin | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = hostEnvironment.safeParse(raw);
  if (!parsed.success) return null;
  const { red, green, blue } = parsed.data.appSkinInfo.panelBackgroundColor.color;
  const brightness = 0.299 * red + 0.587 * green + 0.114 * blue;
  return {
    background: `#${hex(red)}${hex(green)}${hex(blue)}`,
    scheme: brightness > 127.5 ? 'light' : 'dark',
  };
}

/** The host skin as a store the panel's theme subscribes to (React's useSyncExternalStore shape). */
export interface HostSkinSource {
  /** The skin now; the same object until the host environment changes. */
  current(): HostSkin | null;
  /** Calls `onChange` after each ThemeColorChanged; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

/**
 * Premiere's skin, live: read from the host environment and re-read on each ThemeColorChanged. Null
 * outside CEP (a plain browser keeps the panel's dark theme).
 */
export function createHostSkinSource(
  runtime: CepRuntime | undefined = globalThis.window?.__adobe_cep__,
): HostSkinSource | null {
  const readEnvironment = runtime?.getHostEnvironment?.bind(runtime);
  if (!readEnvironment) return null;
  let lastJson: string | undefined;
  let last: HostSkin | null = null;
  return {
    current() {
      const json = readEnvironment();
      if (json !== lastJson) {
        lastJson = json;
        last = skinFromEnvironment(json);
      }
      return last;
    },
    subscribe(onChange) {
      const listener = () => onChange();
      runtime?.addEventListener?.(THEME_COLOR_CHANGED_EVENT, listener);
      return () => runtime?.removeEventListener?.(THEME_COLOR_CHANGED_EVENT, listener);
    },
  };
}
