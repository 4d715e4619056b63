import type { InspectionEvent } from 'xstate';
import { callHost, isInCep } from '../cep/bridge.ts';
import { createHostSkinSource } from '../cep/host-skin.ts';
import { type CepNode, returnToLoader, watchForLostBackend } from './lost-backend.ts';
import { localIsoTimestamp } from '../domain/index.ts';
import { createFalGateway } from '../fal/index.ts';
import { API_ROUTES, loaderPageOf, TOKEN_HEADER, timeoutSignal } from '../contract/index.ts';
import { createBackendApi } from '../persistence/backend-api.ts';
import { createLedgerCache } from '../persistence/cache.ts';
import { createFirstScreenCache } from '../persistence/first-screen-cache.ts';
import { defineLoadCacheActor } from '../machines/persistence/load-cache.actor.ts';
import { defineLoadLedgerActor } from '../machines/persistence/load-ledger.actor.ts';
import { defineLoadSettingsActor } from '../machines/settings/load-settings.actor.ts';
import { defineResetLedgerActor } from '../machines/reset/reset-ledger.actor.ts';
import { defineSaveEventsActor } from '../machines/persistence/save-events.actor.ts';
import { defineSaveSettingsActor } from '../machines/settings/save-settings.actor.ts';
import { defineSyncCacheActor } from '../machines/persistence/sync-cache.actor.ts';
import { defineSyncRemoteEventsActor } from '../machines/persistence/sync-remote-events.actor.ts';
import { persistenceMachine } from '../machines/persistence/persistence.machine.ts';
import { defineBillingQueryActors } from '../machines/billing/billing-query.actors.ts';
import { billingQueryMachine } from '../machines/billing/billing-query.machine.ts';
import type { ClockPort, HostImportPort } from '../machines/ports.ts';
import { resetMachine } from '../machines/reset/reset.machine.ts';
import { csvExportMachine } from '../machines/reports/csv-export.machine.ts';
import { defineSaveCostCsvActor, defineSaveHtmlReportActor } from '../machines/reports/save-report.actors.ts';
import { htmlReportMachine } from '../machines/reports/html-report.machine.ts';
import { settingsMachine } from '../machines/settings/settings.machine.ts';
import { parsePanelSettings } from '../machines/settings/settings-ports.ts';
import { DEFAULT_GENERATE_FORM_DEPS } from './actors/generation-context.ts';
import type { PanelWiring } from './views/shell/panel-wiring.ts';

/**
 * The panel's composition root, kept in one file so that the adapters stay swappable: the only UI
 * file that imports src/fal, src/persistence and src/cep (the layering check says so). It reads the
 * token and Sandbox flag the backend put in the page, builds the backend client, the browser cache and
 * the fal gateway (through the backend's proxy), and gives every machine its real actors; the panel
 * machine (src/machines/panel) puts them together in one actor system.
 */

/** Names of the `<meta>` tags the backend injects into the served page. */
export const PANEL_META = { token: 'modelbridge-token', sandbox: 'modelbridge-sandbox' } as const;

/** What the page says, or why the panel cannot start (opened without the backend). */
export type PanelMeta = { ok: true; token: string; sandbox: boolean } | { ok: false; problem: string };

/** Reads the token and Sandbox flag from the page; a missing token means the page was not served by us. */
export function readPanelMeta(doc: Pick<Document, 'querySelector'>): PanelMeta {
  const content = (name: string) =>
    doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
  const token = content(PANEL_META.token);
  if (!token) {
    return {
      ok: false,
      problem:
        'This page was not opened through the modelBridge backend, so it cannot reach your cost history. ' +
        'Open the panel through npm start (or modelbridge serve) and use the address it prints.',
    };
  }
  return { ok: true, token, sandbox: content(PANEL_META.sandbox) === 'true' };
}

/** Keys of the synchronous boot cache in localStorage (read before the first render). */
export const BOOT_KEYS = {
  settings: 'modelBridge.settings.v1',
  activeGenerations: 'modelBridge.activeGenerations.v1',
} as const;

/** A JSON value in Web Storage; unreadable or missing values read as null (stored data is untrusted). */
function storageSlot(storage: Storage | null, key: string) {
  return {
    read(): unknown {
      try {
        const text = storage?.getItem(key);
        return text ? (JSON.parse(text) as unknown) : null;
      } catch {
        return null;
      }
    },
    write(value: unknown): void {
      storage?.setItem(key, JSON.stringify(value));
    },
    clear(): void {
      storage?.removeItem(key);
    },
  };
}

/** A media file to save through the backend (`POST /api/media/save`). */
export interface MediaSaveRequest {
  url: string;
  fileName: string;
  /**
   * The open Premiere project file (absolute `.prproj` path): the backend saves into `modelBridge_Media`
   * beside it. Omitted: the data dir's `media/` folder.
   */
  projectPath?: string;
}

/** Saves media through the backend, which downloads it (fal or Sandbox hosts only); resolves with the path. */
export function createMediaSaver(
  baseUrl: string,
  token: string,
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
): (request: MediaSaveRequest) => Promise<{ path: string }> {
  return async (request) => {
    const response = await doFetch(new URL(`${API_ROUTES.media}/save`, baseUrl), {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: timeoutSignal(10 * 60_000),
    }).catch(() => {
      throw new Error(
        'The modelBridge backend could not be reached to save the media. Check that npm start is running, then retry.',
      );
    });
    const json = (await response.json().catch(() => null)) as {
      path?: string;
      error?: { message?: string };
    } | null;
    if (response.ok && typeof json?.path === 'string') return { path: json.path };
    throw new Error(json?.error?.message ?? 'The media file could not be saved. Try again.');
  };
}

/** The Premiere bridge as the host import uses it (real one by default; tests pass a fake). */
export interface HostBridge {
  isInCep: () => boolean;
  callHost: typeof callHost;
}

/**
 * The host import: inside Premiere, the media is saved into `<project dir>/modelBridge_Media` and imported
 * into the project; in a plain browser it is saved into the data dir's `media/` folder and its path reported.
 */
export function createHostImport(
  save: (request: MediaSaveRequest) => Promise<{ path: string }>,
  bridge: HostBridge = { isInCep: () => isInCep(), callHost },
): HostImportPort {
  return {
    importMedia: async ({ url, fileName }) => {
      if (!bridge.isInCep()) return save({ url, fileName });
      const project = await bridge.callHost('projectInfo', []);
      const { path } = await save({ url, fileName, projectPath: project.path });
      await bridge.callHost('importMedia', [path]);
      return { path };
    },
  };
}

/**
 * A check that our backend answers at `origin` within 3 s: its health body, not just any answer, since
 * another program may have taken the port after the backend died.
 */
export function backendAnswers(origin: string, token: string): () => Promise<boolean> {
  return async () => {
    const response = await fetch(`${origin}${API_ROUTES.health}`, {
      headers: { [TOKEN_HEADER]: token },
      signal: timeoutSignal(3_000),
    });
    if (!response.ok) return false;
    const body = (await response.json().catch(() => null)) as { ok?: unknown } | null;
    return body?.ok === true;
  };
}

/**
 * Inside Premiere (the launcher put its loader page in the address): when the backend stays away,
 * back to the launcher, which finds it again, maybe on a new port. Returns the stop, or null elsewhere.
 */
export function followLostBackend(
  token: string,
  page: Pick<Location, 'search' | 'origin' | 'replace'> = globalThis.location,
  cepNode: CepNode | undefined = (globalThis as { cep_node?: CepNode }).cep_node,
): (() => void) | null {
  const loaderPage = loaderPageOf(page.search);
  if (!loaderPage) return null;
  return watchForLostBackend({
    check: backendAnswers(page.origin, token),
    onLost: () => returnToLoader(loaderPage, { cepNode, replace: (url) => page.replace(url) }),
  });
}

/** Options of {@link createPanelWiring}. */
export interface WiringOptions {
  /** The backend's origin; default the page's. */
  origin?: string;
  /** Web Storage for the boot cache; default localStorage (null: none). */
  storage?: Storage | null;
  /** Log every actor event to the console (dev builds only: see inspectionWanted). */
  inspect?: boolean;
}

/**
 * True in a dev build opened with `?inspect` in the address: inspection stays out of the machines,
 * and out of production.
 */
export function inspectionWanted(search: string, dev: boolean = import.meta.env.DEV): boolean {
  return dev && new URLSearchParams(search).has('inspect');
}

function logInspection(event: InspectionEvent): void {
  if (event.type === '@xstate.event') console.debug('[modelBridge]', event.actorRef.sessionId, event.event);
}

// Local offset, not Z: a cost's day is read from its timestamp as written (src/domain/local-time.ts).
const clock: ClockPort = { now: () => localIsoTimestamp(new Date()) };

type Backend = ReturnType<typeof createBackendApi>;
type Cache = ReturnType<typeof createLedgerCache>;

/** The persistence machine over the backend (disk, live stream) and the browser cache. */
function persistenceLogic(api: Backend, cache: Cache): typeof persistenceMachine {
  return persistenceMachine.provide({
    actors: {
      loadCache: defineLoadCacheActor({ cache }),
      loadLedger: defineLoadLedgerActor({ disk: api }),
      saveEvents: defineSaveEventsActor({ disk: api }),
      syncCache: defineSyncCacheActor({ cache }),
      syncRemoteEvents: defineSyncRemoteEventsActor({ remote: api }),
    },
  });
}

/** The settings machine over the backend's settings and health endpoints. */
function settingsLogic(api: Backend): typeof settingsMachine {
  const deps = { settings: api, backend: api };
  return settingsMachine.provide({
    actors: { loadSettings: defineLoadSettingsActor(deps), saveSettings: defineSaveSettingsActor(deps) },
  });
}

/** Builds every machine and port of the panel over the real backend, cache, fal gateway and Premiere bridge. */
export function createPanelWiring(
  meta: { token: string; sandbox: boolean },
  options: WiringOptions = {},
): PanelWiring {
  const origin = options.origin ?? globalThis.location.origin;
  const storage = options.storage === undefined ? globalThis.localStorage : options.storage;
  const api = createBackendApi({ baseUrl: origin, token: meta.token });
  const cache = createLedgerCache();
  const firstScreen = createFirstScreenCache();
  // A reset forgets the drawn first screens too, so no old total is shown on the next start.
  const resetCaches = { clear: async () => void (await Promise.all([cache.clear(), firstScreen.clear()])) };
  const headers = { [TOKEN_HEADER]: meta.token };
  const fal = createFalGateway({ proxyUrl: `${origin}${API_ROUTES.falProxy}`, headers });
  const host = createHostImport(createMediaSaver(origin, meta.token));
  const settingsSlot = storageSlot(storage, BOOT_KEYS.settings);
  const activeSlot = storageSlot(storage, BOOT_KEYS.activeGenerations);
  return {
    settings: settingsLogic(api),
    settingsInput: { cached: parsePanelSettings(settingsSlot.read()), sandbox: meta.sandbox },
    settingsCache: { write: (settings) => settingsSlot.write(settings) },
    persistence: persistenceLogic(api, cache),
    ledgerDisk: api,
    billingQuery: billingQueryMachine.provide({
      actors: defineBillingQueryActors({ queries: api, firstScreen }),
    }),
    reset: resetMachine.provide({
      actors: { resetLedger: defineResetLedgerActor({ disk: api, cache: resetCaches }) },
    }),
    imports: api,
    pools: api,
    csvExport: csvExportMachine.provide({ actors: { saveCostCsv: defineSaveCostCsvActor(api) } }),
    htmlReport: htmlReportMachine.provide({ actors: { saveHtmlReport: defineSaveHtmlReportActor(api) } }),
    generation: { fal, host, clock },
    settlement: { fal, clock },
    activeGenerations: {
      stored: activeSlot.read(),
      store: { read: async () => activeSlot.read(), write: async (value) => activeSlot.write(value) },
      clear: () => activeSlot.clear(),
    },
    // randomUUID needs a secure context; the Generate form's default falls back to getRandomValues.
    newId: DEFAULT_GENERATE_FORM_DEPS.newId,
    report: (problem) => console.warn(`modelBridge: ${problem}`),
    licences: () => api.modelLicences(),
    skin: createHostSkinSource(),
    ...(options.inspect ? { inspect: logInspection } : {}),
  };
}
