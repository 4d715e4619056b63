import { type ActorRefFrom, assign, type EventObject, type Snapshot, sendTo, setup, stopChild } from 'xstate';
import { localIsoTimestamp, type ModelLicence } from '../../domain/index.ts';
import { type BillingInput, billingMachine } from '../billing/billing.machine.ts';
import { billingQueryMachine } from '../billing/billing-query.machine.ts';
import { activeGenerationsMachine } from '../generation/active-generations.machine.ts';
import { type SettlementActorRef, settlementMachine } from '../generation/settlement.machine.ts';
import { persistenceMachine } from '../persistence/persistence.machine.ts';
import { resetMachine } from '../reset/reset.machine.ts';
import { csvExportMachine } from '../reports/csv-export.machine.ts';
import { htmlReportMachine } from '../reports/html-report.machine.ts';
import { externalImportMachine } from '../imports/external-import.machine.ts';
import { poolEditorMachine } from '../pools/pool-editor.machine.ts';
import { type SettingsInput, settingsMachine } from '../settings/settings.machine.ts';
import type { PanelSettings } from '../settings/settings-ports.ts';
import {
  defineFollowLedgerActor,
  type LedgerAppendedEvent,
  type LedgerReadyEvent,
  type LedgerSavedEvent,
} from './follow-ledger.actor.ts';
import { type BillingViewChangedEvent, defineWatchBillingActor } from './watch-billing.actor.ts';
import { type Resumable, resumable } from './resumable.ts';
import type { SaveActiveInput } from './save-active.actor.ts';
import { SYSTEM_IDS } from './system-ids.ts';
import {
  defineWatchFormInputsActor,
  type FormSettingsChangedEvent,
  type LearnedChangedEvent,
} from './watch-form-inputs.actor.ts';
import type { FormSource } from '../generation/form-draft.ts';
import { toGenerationSettings } from '../settings/settings.selectors.ts';
import {
  type CurrencyChosenEvent,
  defineWatchSettingsActor,
  type SettingsConfirmedEvent,
  type SettingsLoadedEvent,
} from './watch-settings.actor.ts';
import { placeholderCallback, placeholderPromise } from '../generation/generation-placeholders.ts';

/** The panel's app-level children: what views read and talk to, and what can start from a snapshot. */
export type PanelChildKey =
  | 'persistence'
  | 'settings'
  | 'billing'
  | 'billingQuery'
  | 'reset'
  | 'csvExport'
  | 'htmlReport'
  | 'externalImport'
  | 'poolEditor'
  | 'activeGenerations';

/** The children a panel can start from a saved snapshot instead of their initial state. */
export type PanelResume = Partial<Record<PanelChildKey, Snapshot<unknown> | null>>;

/** How a panel starts. */
export interface PanelInput {
  /** The boot cache's settings (rendered at once) and Sandbox mode. */
  settings?: SettingsInput;
  /** Billing's start: the cached settings' display currency. */
  billing?: BillingInput;
  /** Saved snapshots to start children from: Active generations after a reload (and stories' states). */
  resume?: PanelResume;
  /** Why the saved Active generations were discarded before the start (told once); null when not. */
  restoreProblem?: string | null;
  /** What the Generate form's drafts are made from; absent: the list without a form (tools, tests). */
  form?: FormSource;
}

/** The panel's children (refs) and what the panel tells the user about its own start. */
export interface PanelContext {
  persistence: ActorRefFrom<Resumable<typeof persistenceMachine>>;
  settings: ActorRefFrom<Resumable<typeof settingsMachine>>;
  billing: ActorRefFrom<Resumable<typeof billingMachine>>;
  billingQuery: ActorRefFrom<Resumable<typeof billingQueryMachine>>;
  reset: ActorRefFrom<Resumable<typeof resetMachine>>;
  csvExport: ActorRefFrom<Resumable<typeof csvExportMachine>>;
  htmlReport: ActorRefFrom<Resumable<typeof htmlReportMachine>>;
  externalImport: ActorRefFrom<Resumable<typeof externalImportMachine>>;
  poolEditor: ActorRefFrom<Resumable<typeof poolEditorMachine>>;
  activeGenerations: ActorRefFrom<Resumable<typeof activeGenerationsMachine>>;
  /** Started once the ledger is known; null until then. */
  settlement: SettlementActorRef | null;
  /** Why the saved Active generations were discarded this session; null when restored or none. */
  restoreProblem: string | null;
  /** What the form's drafts are made from, with the settings as they are now; null: no form. */
  form: FormSource | null;
  /** How often Active generations were cleared: a new list gets a new id root, so ids never repeat. */
  clears: number;
}

/** Drops the Active generations (a render error under them) and starts them again, empty. */
export type ClearActiveEvent = { type: 'ACTIVE_CLEAR' };

/** Every event the panel handles: its sensors' reports and the view's one command. */
export type PanelEvent =
  | LedgerReadyEvent
  | LedgerAppendedEvent
  | LedgerSavedEvent
  | BillingViewChangedEvent
  | CurrencyChosenEvent
  | SettingsLoadedEvent
  | SettingsConfirmedEvent
  | FormSettingsChangedEvent
  | LearnedChangedEvent
  | ClearActiveEvent;

/**
 * The panel: one actor system whose children are the app-level actors (persistence, settings,
 * billing, reset, Active generations, and settlement once the ledger is known), each under its
 * systemId. What used to be coordinated in React is routed here as events: the ledger's changes go to
 * settlement, the display currency goes between Billing and Settings, confirmed settings are kept for
 * the next boot, Active generations are saved on every change and can be cleared after a render error.
 * A reset reaches persistence directly (`system.get`), and runs record through it the same way.
 */
export const panelMachine = setup({
  types: {
    context: {} as PanelContext,
    events: {} as PanelEvent,
    input: {} as PanelInput,
  },
  actors: {
    persistence: resumable(persistenceMachine),
    settings: resumable(settingsMachine),
    billing: resumable(billingMachine),
    billingQuery: resumable(billingQueryMachine),
    reset: resumable(resetMachine),
    csvExport: resumable(csvExportMachine),
    htmlReport: resumable(htmlReportMachine),
    externalImport: resumable(externalImportMachine),
    poolEditor: resumable(poolEditorMachine),
    activeGenerations: resumable(activeGenerationsMachine),
    settlement: settlementMachine,
    followLedger: defineFollowLedgerActor({ now: () => localIsoTimestamp(new Date()) }),
    watchSettings: defineWatchSettingsActor(),
    watchBilling: defineWatchBillingActor(),
    watchFormInputs: defineWatchFormInputsActor({ now: () => localIsoTimestamp(new Date()) }),
    saveActiveGenerations: placeholderCallback<EventObject, SaveActiveInput>('saveActiveGenerations'),
    /** The backend's resolved licences of the models (fal's live answer, else the seed), read once. */
    readLicences: placeholderPromise<readonly ModelLicence[], Record<string, never>>('readLicences'),
  },
  actions: {
    /** Keeps confirmed settings where the next boot reads them before the backend answers. */
    keepSettingsForBoot: (_, _params: { settings: PanelSettings }) => {},
    /** Drops the saved Active generations, so the next start does not meet a damaged save again. */
    forgetSavedActive: () => {},
    /**
     * When the saved Active generations were discarded before the start: drops the save (so the next
     * start does not meet it again) and tells the user; finished costs live in the ledger.
     */
    tellRestoreProblem: (_, _params: { problem: string | null }) => {},
    /** The models' licences could not be read, so the catalog's stay: told where problems are reported. */
    tellLicencesUnread: (_, _params: { error: unknown }) => {},
    spawnSettlement: assign({
      settlement: ({ spawn }, params: { events: LedgerReadyEvent['events']; now: string }) =>
        spawn('settlement', { id: 'settlement', systemId: SYSTEM_IDS.settlement, input: params }),
    }),
    // After a clear the list starts again from 1, so its ids get a root of their own.
    /** The ledger changed on disk: Billing asks the backend again for what it shows. */
    refreshBilling: sendTo(
      ({ context }) => context.billingQuery,
      ({ event }) => ({
        type: 'LEDGER_CHANGED' as const,
        reset: event.type === 'LEDGER_APPENDED' && event.events.some((e) => e.type === 'ledger.reset'),
      }),
    ),
    attachForm: sendTo(
      ({ context }) => context.activeGenerations,
      ({ context }) => ({
        type: 'FORM_ATTACH' as const,
        source:
          context.form === null
            ? null
            : {
                ...context.form,
                idRoot:
                  context.clears === 0 ? context.form.idRoot : `${context.form.idRoot}~${context.clears}`,
              },
      }),
    ),
    // Known settings decide; before they are known, drafts keep theirs in the shown currency.
    assignFormSettings: assign({
      form: ({ context, event }) => {
        if (event.type !== 'FORM_SETTINGS_CHANGED' || context.form === null) return context.form;
        const settings = event.settings
          ? toGenerationSettings(event.settings, event.currency)
          : { ...context.form.settings, displayCurrency: event.currency };
        return { ...context.form, settings };
      },
    }),
    forwardFormSettings: sendTo(
      ({ context }) => context.activeGenerations,
      ({ context }) => ({ type: 'FORM_SETTINGS' as const, settings: (context.form as FormSource).settings }),
    ),
    assignFormLicences: assign({
      form: ({ context }, params: { licences: readonly ModelLicence[] }) =>
        context.form && { ...context.form, licences: params.licences },
    }),
    forwardLicences: sendTo(
      ({ context }) => context.activeGenerations,
      (_, params: { licences: readonly ModelLicence[] }) => ({
        type: 'FORM_LICENCES' as const,
        licences: params.licences,
      }),
    ),
    forwardLearned: sendTo(
      ({ context }) => context.activeGenerations,
      ({ event }) => {
        const { samples, now } = event as LearnedChangedEvent;
        return { type: 'FORM_LEARNED' as const, samples, now };
      },
    ),
    stopActiveGenerations: stopChild(({ context }) => context.activeGenerations),
    spawnActiveGenerations: assign({
      activeGenerations: ({ spawn }) =>
        spawn('activeGenerations', {
          id: 'activeGenerations',
          systemId: SYSTEM_IDS.activeGenerations,
          input: {},
        }),
      restoreProblem: null,
      clears: ({ context }) => context.clears + 1,
    }),
  },
  guards: {
    // Saving only a real change: the loaded currency arriving in Billing must not be saved back.
    isNewCurrency: ({ context }, params: { currency: string }) =>
      context.settings.getSnapshot().context.settings?.currency !== params.currency,
    // After a load the saved currency wins, unless Billing already shows it.
    isOtherCurrency: ({ context }, params: { currency: string }) =>
      context.billing.getSnapshot().context.currency !== params.currency,
    hasForm: ({ context }) => context.form !== null,
  },
}).createMachine({
  id: 'panel',
  context: ({ input, spawn }) => ({
    // Persistence first: the others find it by systemId.
    persistence: spawn('persistence', {
      id: 'persistence',
      systemId: SYSTEM_IDS.persistence,
      input: { resume: input.resume?.persistence },
    }),
    settings: spawn('settings', {
      id: 'settings',
      systemId: SYSTEM_IDS.settings,
      input: { resume: input.resume?.settings, input: input.settings ?? {} },
    }),
    billing: spawn('billing', {
      id: 'billing',
      systemId: SYSTEM_IDS.billing,
      input: { resume: input.resume?.billing, input: input.billing ?? {} },
    }),
    billingQuery: spawn('billingQuery', {
      id: 'billingQuery',
      systemId: SYSTEM_IDS.billingQuery,
      input: {
        resume: input.resume?.billingQuery,
        input: { want: { currency: input.billing?.currency ?? 'USD' } },
      },
    }),
    reset: spawn('reset', {
      id: 'reset',
      systemId: SYSTEM_IDS.reset,
      input: { resume: input.resume?.reset },
    }),
    csvExport: spawn('csvExport', {
      id: 'csvExport',
      systemId: SYSTEM_IDS.csvExport,
      input: { resume: input.resume?.csvExport },
    }),
    htmlReport: spawn('htmlReport', {
      id: 'htmlReport',
      systemId: SYSTEM_IDS.htmlReport,
      input: { resume: input.resume?.htmlReport },
    }),
    externalImport: spawn('externalImport', {
      id: 'externalImport',
      systemId: SYSTEM_IDS.externalImport,
      input: { resume: input.resume?.externalImport },
    }),
    poolEditor: spawn('poolEditor', {
      id: 'poolEditor',
      systemId: SYSTEM_IDS.poolEditor,
      input: { resume: input.resume?.poolEditor },
    }),
    activeGenerations: spawn('activeGenerations', {
      id: 'activeGenerations',
      systemId: SYSTEM_IDS.activeGenerations,
      input: { resume: input.resume?.activeGenerations },
    }),
    settlement: null,
    restoreProblem: input.restoreProblem ?? null,
    form: input.form ?? null,
    clears: 0,
  }),
  entry: [
    { type: 'tellRestoreProblem', params: ({ context }) => ({ problem: context.restoreProblem }) },
    'attachForm',
  ],
  invoke: [
    { id: 'followLedger', src: 'followLedger', input: {} },
    { id: 'watchSettings', src: 'watchSettings', input: {} },
    { id: 'watchBilling', src: 'watchBilling', input: {} },
    { id: 'watchFormInputs', src: 'watchFormInputs', input: {} },
    {
      id: 'readLicences',
      src: 'readLicences',
      input: {},
      // Kept in the form (a cleared list's new form starts with them) and forwarded to its draft.
      onDone: {
        guard: 'hasForm',
        actions: [
          { type: 'assignFormLicences', params: ({ event }) => ({ licences: event.output }) },
          { type: 'forwardLicences', params: ({ event }) => ({ licences: event.output }) },
        ],
      },
      // Not read: the drafts keep the catalog's licences (what they showed); the user is not troubled.
      onError: { actions: { type: 'tellLicencesUnread', params: ({ event }) => ({ error: event.error }) } },
    },
  ],
  on: {
    CURRENCY_CHOSEN: {
      guard: { type: 'isNewCurrency', params: ({ event }) => event },
      actions: sendTo(
        ({ context }) => context.settings,
        ({ event }) => ({ type: 'SAVE' as const, patch: { currency: event.currency } }),
      ),
    },
    SETTINGS_LOADED: {
      guard: { type: 'isOtherCurrency', params: ({ event }) => event.settings },
      actions: sendTo(
        ({ context }) => context.billing,
        ({ event }) => ({ type: 'SET_CURRENCY' as const, currency: event.settings.currency }),
      ),
    },
    BILLING_VIEW_CHANGED: {
      actions: sendTo(
        ({ context }) => context.billingQuery,
        ({ event }) => ({ type: 'VIEW' as const, view: event.view }),
      ),
    },
    LEDGER_SAVED: { actions: 'refreshBilling' },
    SETTINGS_CONFIRMED: { actions: { type: 'keepSettingsForBoot', params: ({ event }) => event } },
    FORM_SETTINGS_CHANGED: { guard: 'hasForm', actions: ['assignFormSettings', 'forwardFormSettings'] },
    LEARNED_CHANGED: { guard: 'hasForm', actions: 'forwardLearned' },
  },
  type: 'parallel',
  states: {
    ledger: {
      initial: 'booting',
      states: {
        /** Cache and disk are being read; settlement waits for the whole ledger. */
        booting: {
          on: {
            LEDGER_READY: {
              target: 'settling',
              actions: { type: 'spawnSettlement', params: ({ event }) => event },
            },
          },
        },
        /** Settlement runs; every newly merged event is forwarded to it. */
        settling: {
          on: {
            LEDGER_APPENDED: {
              actions: [
                sendTo(
                  ({ context }) => context.settlement ?? '',
                  ({ event }) => ({ type: 'LEDGER_APPENDED' as const, events: event.events }),
                ),
                'refreshBilling',
              ],
            },
          },
        },
      },
    },
    activeGenerations: {
      initial: 'saving',
      states: {
        /** Saved on every change; re-entered after a clear so the saver follows the new actor. */
        saving: {
          invoke: {
            id: 'saveActiveGenerations',
            src: 'saveActiveGenerations',
            input: ({ context }) => ({ active: context.activeGenerations }),
          },
          on: {
            ACTIVE_CLEAR: {
              target: 'saving',
              reenter: true,
              actions: ['stopActiveGenerations', 'forgetSavedActive', 'spawnActiveGenerations', 'attachForm'],
            },
          },
        },
      },
    },
  },
});

/** The panel's actor. */
export type PanelActorRef = ActorRefFrom<typeof panelMachine>;
