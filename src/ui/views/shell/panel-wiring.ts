import type { InspectionEvent, Observer } from 'xstate';
import type { GenerationDeps } from '../../../machines/generation/generation-logic.ts';
import type { SettlementDeps } from '../../../machines/generation/settlement-logic.ts';
import type { DiskPort } from '../../../machines/persistence/persistence-ports.ts';
import type { persistenceMachine } from '../../../machines/persistence/persistence.machine.ts';
import type { SnapshotStorePort } from '../../../machines/ports.ts';
import type { resetMachine } from '../../../machines/reset/reset.machine.ts';
import type { SettingsInput, settingsMachine } from '../../../machines/settings/settings.machine.ts';
import type { PanelSettings } from '../../../machines/settings/settings-ports.ts';

/**
 * Everything the panel's providers need from the composition root (src/ui/wiring.ts builds the real
 * one; stories and tests can build one over fakes): machines with their I/O actors provided, and the
 * ports whose wiring needs a running actor (the ledger port is linked to the persistence actor here).
 */
export interface PanelWiring {
  /** The settings machine with loadSettings / saveSettings provided. */
  settings: typeof settingsMachine;
  /** Boot values: the cached settings (rendered at once) and Sandbox mode from the page. */
  settingsInput: SettingsInput;
  /** Where the last settings are kept for the next boot (synchronous, so the first render has them). */
  settingsCache: { write(settings: PanelSettings): void };
  /** The persistence machine with its cache, disk and live-stream actors provided. */
  persistence: typeof persistenceMachine;
  /** The disk journal's append, for the write-ahead record of a run (acknowledged means on disk). */
  ledgerDisk: Pick<DiskPort, 'appendEvents'>;
  /** The reset machine with resetLedger provided. */
  reset: typeof resetMachine;
  /** What generations need, except the ledger (linked to the persistence actor by the providers). */
  generation: Omit<GenerationDeps, 'ledger'>;
  /** What settlement needs, except the ledger. */
  settlement: Omit<SettlementDeps, 'ledger'>;
  /**
   * The stored Active generations envelope (untrusted; null when none), where to save it, and how to drop
   * it (synchronous) when it was discarded or broke a render, so the next start is clean.
   */
  activeGenerations: { stored: unknown; store: SnapshotStorePort; clear(): void };
  /** A new unique id for a generation or a Dual Mode group. */
  newId(): string;
  /** Told about problems that need no action (a discarded saved snapshot, a failed cache write). */
  report(problem: string): void;
  /** Dev-only inspection of every root actor; undefined in production. */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}
