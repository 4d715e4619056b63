import type { LedgerEvent } from '../../../src/domain/index.ts';
import type { PanelSettings } from '../../../src/machines/settings/settings-ports.ts';
import type { PanelWiring } from '../../../src/ui/views/shell/panel-wiring.ts';
import { billingQueryLogic, persistenceLogic, resetLogic } from '../../../stories/fixtures/billing-fakes.ts';
import {
  type FalScript,
  type GenerateFakes,
  falImageResult,
  falStatus,
  generateFakes,
} from '../../../stories/fixtures/generate-fakes.ts';
import { sequentialIds } from '../../../stories/fixtures/generate-scenarios.ts';
import {
  DEFAULT_PANEL_SETTINGS,
  type MemorySettingsBackend,
  memorySettingsBackend,
  settingsLogic,
} from '../settings/settings-fixtures.ts';

/**
 * A PanelWiring over fakes (the same shape src/ui/wiring.ts builds over the real backend): a memory
 * settings backend, an in-memory disk, scripted fal, a fake host, and recorders for the boot cache,
 * the Active generations store and reported problems.
 */
export interface FakeWiring {
  wiring: PanelWiring;
  backend: MemorySettingsBackend;
  fakes: GenerateFakes;
  /** Settings written to the boot cache, in order. */
  cacheWrites: PanelSettings[];
  /** Envelopes written to the Active generations store, in order. */
  activeWrites: unknown[];
  /** Problems the providers reported. */
  reports: string[];
  /** How many times the stored Active generations were dropped. */
  activeCleared: () => number;
}

/** Options of {@link fakeWiring}. */
export interface FakeWiringOptions {
  /** What the backend holds. @default DEFAULT_PANEL_SETTINGS */
  backendSettings?: PanelSettings;
  /** The boot cache's settings (rendered before the backend answers). */
  cached?: PanelSettings | null;
  /** Events on the fake disk. */
  events?: LedgerEvent[];
  /** The stored Active generations envelope. */
  storedActive?: unknown;
  /** fal's script. @default COMPLETING_FAL (accepted, done, one billed image) */
  script?: FalScript;
}

/** A fal that accepts at once, reports COMPLETED and returns one image billed as 1 unit. */
export const COMPLETING_FAL: FalScript = {
  submit: { ok: { queuePosition: null } },
  status: { ok: falStatus('COMPLETED') },
  result: { ok: falImageResult(1) },
};

/** Builds the fake wiring. */
export function fakeWiring(options: FakeWiringOptions = {}): FakeWiring {
  const backend = memorySettingsBackend(options.backendSettings ?? DEFAULT_PANEL_SETTINGS);
  const fakes = generateFakes(options.script ?? COMPLETING_FAL);
  const cacheWrites: PanelSettings[] = [];
  const activeWrites: unknown[] = [];
  const reports: string[] = [];
  let cleared = 0;
  const wiring: PanelWiring = {
    settings: settingsLogic(backend),
    settingsInput: { cached: options.cached ?? null, sandbox: true },
    settingsCache: { write: (settings) => cacheWrites.push(settings) },
    persistence: persistenceLogic(options.events ?? []),
    ledgerDisk: { appendEvents: async (events) => ({ acknowledged: events.map((e) => e.id) }) },
    billingQuery: billingQueryLogic(),
    reset: resetLogic(),
    generation: { fal: fakes.fal, host: fakes.host, clock: fakes.clock, pollIntervalMs: 20 },
    settlement: { fal: fakes.fal, clock: fakes.clock },
    activeGenerations: {
      stored: options.storedActive ?? null,
      store: {
        read: async () => activeWrites.at(-1) ?? null,
        write: async (value) => {
          activeWrites.push(value);
        },
      },
      clear: () => {
        cleared += 1;
      },
    },
    newId: sequentialIds('run'),
    report: (problem) => reports.push(problem),
  };
  return { wiring, backend, fakes, cacheWrites, activeWrites, reports, activeCleared: () => cleared };
}

/** The boot cache's settings in a given display currency. */
export function cachedIn(currency: PanelSettings['currency']): PanelSettings {
  return { ...DEFAULT_PANEL_SETTINGS, currency };
}
