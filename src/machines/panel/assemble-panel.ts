import { fromPromise, type InputFrom, type Snapshot } from 'xstate';
import { billingMachine } from '../billing/billing.machine.ts';
import type { billingQueryMachine } from '../billing/billing-query.machine.ts';
import { defineActiveGenerationsLogic } from '../generation/active-generations-logic.ts';
import { checkSavedActive } from '../generation/active-generations.snapshot.ts';
import type { GenerationDeps } from '../generation/generation-logic.ts';
import { defineSettlementLogic, type SettlementDeps } from '../generation/settlement-logic.ts';
import { ledgerInPanel } from '../persistence/ledger-port.ts';
import type { DiskPort } from '../persistence/persistence-ports.ts';
import type { persistenceMachine } from '../persistence/persistence.machine.ts';
import type { SnapshotStorePort } from '../ports.ts';
import type { resetMachine } from '../reset/reset.machine.ts';
import { csvExportMachine } from '../reports/csv-export.machine.ts';
import { htmlReportMachine } from '../reports/html-report.machine.ts';
import { defineExternalImportActors } from '../imports/external-import.actors.ts';
import type { ImportPreviewPort } from '../imports/external-import-ports.ts';
import { externalImportMachine } from '../imports/external-import.machine.ts';
import { definePoolEditorActors } from '../pools/pool-editor.actors.ts';
import type { PoolListPort } from '../pools/pool-editor-ports.ts';
import { poolEditorMachine } from '../pools/pool-editor.machine.ts';
import type { SettingsInput, settingsMachine } from '../settings/settings.machine.ts';
import type { PanelSettings } from '../settings/settings-ports.ts';
import { defineFollowLedgerActor } from './follow-ledger.actor.ts';
import { defineWatchFormInputsActor } from './watch-form-inputs.actor.ts';
import { DEFAULT_FORM_MODEL, type FormSource } from '../generation/form-draft.ts';
import { toGenerationSettings } from '../settings/settings.selectors.ts';
import type { CatalogModel, ModelLicence } from '../../domain/index.ts';
import { type PanelResume, panelMachine } from './panel.machine.ts';
import { resumable } from './resumable.ts';
import { defineSaveActiveActor } from './save-active.actor.ts';

/**
 * What a panel is made of: each app-level machine with its I/O actors provided, and the ports whose
 * use needs the panel's system (the ledger a run writes to is the panel's persistence actor).
 * src/ui/wiring.ts builds the real one; stories and tests build one over fakes.
 */
export interface PanelParts {
  /** The settings machine with loadSettings / saveSettings provided. */
  settings: typeof settingsMachine;
  /** Boot values: the cached settings (rendered at once) and Sandbox mode from the page. */
  settingsInput: SettingsInput;
  /** Where the last confirmed settings are kept for the next boot (read before the first render). */
  settingsCache: { write(settings: PanelSettings): void };
  /** The persistence machine with its cache, disk and live-stream actors provided. */
  persistence: typeof persistenceMachine;
  /** The disk journal's append, for the write-ahead record of a run (acknowledged means on disk). */
  ledgerDisk: Pick<DiskPort, 'appendEvents'>;
  /** The reset machine with resetLedger provided. */
  reset: typeof resetMachine;
  /** The CSV export machine with saveCostCsv provided. @default csvExportMachine (its actor refuses) */
  csvExport?: typeof csvExportMachine;
  /** The HTML report machine with saveHtmlReport provided. @default htmlReportMachine (its actor refuses) */
  htmlReport?: typeof htmlReportMachine;
  /** The backend's preview of external-cost files; without it the import refuses (tools, tests). */
  imports?: ImportPreviewPort;
  /** The backend's pools with their shares; without it the pools dialog cannot read them (tools, tests). */
  pools?: PoolListPort;
  /** The billing machine. @default billingMachine */
  billing?: typeof billingMachine;
  /**
   * The billing query machine with its actors provided: the backend's read model (rows, totals, tags)
   * and the cache of the first screen Billing shows (defineBillingQueryActors).
   */
  billingQuery: typeof billingQueryMachine;
  /** What generations need, except the ledger (the panel's persistence actor). */
  generation: Omit<GenerationDeps, 'ledger'>;
  /** What settlement needs, except the ledger. */
  settlement: Omit<SettlementDeps, 'ledger'>;
  /**
   * The stored Active generations envelope (untrusted; null when none), where to save it, and how to
   * drop it (synchronous) when it was discarded or broke a render, so the next start is clean.
   */
  activeGenerations: { stored: unknown; store: SnapshotStorePort; clear(): void };
  /** Told about problems that need no action (a discarded saved snapshot, a failed cache write). */
  report(problem: string): void;
  /** A new unique id: the root of the Generate form's generation and group ids this start. */
  newId(): string;
  /** The model of the very first draft. @default DEFAULT_FORM_MODEL */
  defaultModel?: CatalogModel;
  /**
   * The backend's resolved licences of the models (`GET /api/models`), read once at the start; a
   * rejection is reported and the catalog's licences stay. @default none read (the catalog's)
   */
  licences?: () => Promise<readonly ModelLicence[]>;
  /** Where other children start (stories and tests start them in a chosen state). */
  resume?: Omit<PanelResume, 'activeGenerations'>;
}

/** The panel's logic with every child provided, and the input it starts with. */
export interface AssembledPanel {
  logic: typeof panelMachine;
  input: InputFrom<typeof panelMachine>;
}

/**
 * Puts a panel together: every child's logic, the ledger of runs and settlement found in the panel's
 * own system, the stored Active generations checked before the start (restored, or discarded with the
 * reason the user is told), and what the panel does for the world outside (the boot cache, the save).
 */
export function assemblePanel(parts: PanelParts): AssembledPanel {
  const ledger = ledgerInPanel(parts.ledgerDisk);
  const active = defineActiveGenerationsLogic({ ...parts.generation, ledger });
  const saved = checkSavedActive(active, parts.activeGenerations.stored);
  const logic = panelMachine.provide({
    actors: {
      persistence: resumable(parts.persistence),
      settings: resumable(parts.settings),
      billing: resumable(parts.billing ?? billingMachine),
      billingQuery: resumable(parts.billingQuery),
      reset: resumable(parts.reset),
      csvExport: resumable(parts.csvExport ?? csvExportMachine),
      htmlReport: resumable(parts.htmlReport ?? htmlReportMachine),
      externalImport: resumable(
        parts.imports
          ? externalImportMachine.provide({
              actors: defineExternalImportActors({
                previews: parts.imports,
                ledger,
                clock: parts.generation.clock,
                newId: parts.newId,
              }),
            })
          : externalImportMachine,
      ),
      poolEditor: resumable(
        parts.pools
          ? poolEditorMachine.provide({
              actors: definePoolEditorActors({
                pools: parts.pools,
                ledger,
                clock: parts.generation.clock,
                newId: parts.newId,
              }),
            })
          : poolEditorMachine,
      ),
      activeGenerations: resumable(active),
      settlement: defineSettlementLogic({ ...parts.settlement, ledger }),
      followLedger: defineFollowLedgerActor(parts.settlement.clock),
      watchFormInputs: defineWatchFormInputsActor(parts.generation.clock),
      readLicences: fromPromise(async () => (parts.licences ? parts.licences() : [])),
      saveActiveGenerations: defineSaveActiveActor({
        store: parts.activeGenerations.store,
        report: parts.report,
      }),
    },
    actions: {
      keepSettingsForBoot: (_, { settings }) => parts.settingsCache.write(settings),
      forgetSavedActive: () => parts.activeGenerations.clear(),
      tellLicencesUnread: (_, { error }) =>
        parts.report(`the models' licences could not be read, so the catalog's are shown (${String(error)})`),
      tellRestoreProblem: (_, { problem }) => {
        if (problem === null) return;
        parts.activeGenerations.clear();
        parts.report(problem);
      },
    },
  });
  const currency = parts.settingsInput.cached?.currency ?? 'USD';
  const form: FormSource = {
    idRoot: parts.newId(),
    settings: toGenerationSettings(parts.settingsInput.cached ?? null, currency),
    defaultModel: parts.defaultModel ?? DEFAULT_FORM_MODEL,
  };
  const resume: PanelResume = {
    ...parts.resume,
    activeGenerations: saved.snapshot as Snapshot<unknown> | null,
  };
  return {
    logic,
    input: {
      settings: parts.settingsInput,
      billing: { currency: parts.settingsInput.cached?.currency },
      resume,
      restoreProblem: saved.problem,
      form,
    },
  };
}
