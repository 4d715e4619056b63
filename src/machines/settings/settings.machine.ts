import { type ActorRefFrom, assertEvent, assign, setup } from 'xstate';
import { placeholderPromise } from '../generation/generation-placeholders.ts';
import { isRetryableFailure } from '../persistence/persistence-ports.ts';
import { afterLoad, afterRefusal, afterUnreachable, initialSettingsContext } from './settings.context.ts';
import {
  type FormEvent,
  formErrorsWith,
  formErrorsWithout,
  mergePatches,
  patchOf,
  type SaveRatesEvent,
  type SaveSettingsEvent,
  type SaveThresholdsEvent,
  type SaveWindowsEvent,
  type SettingsForm,
} from './settings-forms.ts';
import type {
  BackendInfo,
  PanelSettings,
  PanelSettingsPatch,
  SaveSettingsInput,
  SettingsLoadOutput,
} from './settings-ports.ts';

/** Settings state: what the backend last confirmed, what is in flight, and why something failed. */
export interface SettingsContext {
  /** The backend's settings; the boot cache's copy until the first load (`fromCache`); null when neither. */
  settings: PanelSettings | null;
  fromCache: boolean;
  backend: BackendInfo;
  /** The patch in flight (never a key: a new key travels only in the SET_KEY event and the actor input). */
  saving: PanelSettingsPatch | null;
  /** A key change in flight: `set` while fal checks a new key, `remove` while the saved one is deleted. */
  keyChange: 'set' | 'remove' | null;
  /** Changes made while loading or saving, sent next (merged, the later wins). */
  queued: PanelSettingsPatch | null;
  /** Changes that could not be sent (backend offline); RETRY sends them again. */
  failed: PanelSettingsPatch | null;
  /** Why loading or saving failed (error state). */
  reason: string | null;
  /** The backend refused a change (it stays unchanged): shown in red by the form. */
  saveError: string | null;
  /** The key was refused (empty, malformed) or could not be checked. */
  keyError: string | null;
  /** Problems of each form's typed text; the form's values were not sent. */
  formErrors: Partial<Record<SettingsForm, string[]>>;
}

/** A pasted fal key: the backend checks it with fal and saves it (write-only: never read back). */
export type SetKeyEvent = { type: 'SET_KEY'; key: string };
/** Removes the saved fal key (the status returns to No key). */
export type RemoveKeyEvent = { type: 'REMOVE_KEY' };
/** Loads again, or sends the changes that failed again. */
export type SettingsRetryEvent = { type: 'RETRY' };

/** Every event the settings machine accepts. */
export type SettingsEvent =
  | SaveSettingsEvent
  | SaveRatesEvent
  | SaveThresholdsEvent
  | SaveWindowsEvent
  | SetKeyEvent
  | RemoveKeyEvent
  | SettingsRetryEvent;

/** Start-up: the boot cache's settings (shown at once) and Sandbox mode as the served page says. */
export interface SettingsInput {
  cached?: PanelSettings | null;
  sandbox?: boolean;
}

/** Tags: `busy` while loading or saving, `error` when the backend could not be reached. */
export type SettingsTag = 'busy' | 'error';

const settingsSetup = setup({
  types: {
    context: {} as SettingsContext,
    events: {} as SettingsEvent,
    input: {} as SettingsInput,
    tags: {} as SettingsTag,
  },
  actors: {
    loadSettings: placeholderPromise<SettingsLoadOutput, void>('loadSettings'),
    saveSettings: placeholderPromise<SettingsLoadOutput, SaveSettingsInput>('saveSettings'),
  },
  guards: {
    isValidForm: ({ event }) => patchOf(event as FormEvent) !== null,
    hasKeyText: ({ event }) => {
      assertEvent(event, 'SET_KEY');
      return event.key.trim().length > 0;
    },
    hasQueued: ({ context }) => context.queued !== null,
    hasFailed: ({ context }) => context.failed !== null,
    isRetryable: (_, params: { error: unknown }) => isRetryableFailure(params.error),
  },
  actions: {
    startSave: assign(({ context, event }) => {
      const form = event as FormEvent;
      return {
        saving: mergePatches(context.failed, patchOf(form)),
        failed: null,
        saveError: null,
        formErrors: formErrorsWithout(context.formErrors, form),
      };
    }),
    startKeyChange: assign(({ context, event }) => ({
      saving: context.failed ?? {},
      failed: null,
      keyChange: event.type === 'SET_KEY' ? ('set' as const) : ('remove' as const),
      keyError: null,
    })),
    queueSave: assign(({ context, event }) => {
      const form = event as FormEvent;
      return {
        queued: mergePatches(context.queued, patchOf(form)),
        formErrors: formErrorsWithout(context.formErrors, form),
      };
    }),
    assignFormErrors: assign(({ context, event }) => ({
      formErrors: formErrorsWith(context.formErrors, event as FormEvent),
    })),
    assignEmptyKeyError: assign({
      keyError: 'Paste your fal key (key id, a colon, then the secret) from fal.ai → API keys.',
    }),
    takeQueued: assign(({ context }) => ({ saving: context.queued, queued: null, keyChange: null })),
    takeFailed: assign(({ context }) => ({ saving: context.failed, failed: null, reason: null })),
    assignLoaded: assign(({ context }, params: SettingsLoadOutput) => afterLoad(context, params)),
    assignUnreachable: assign(({ context }, params: { error: unknown }) =>
      afterUnreachable(context, params.error),
    ),
    assignRefusal: assign(({ context }, params: { error: unknown }) => afterRefusal(context, params.error)),
  },
});

const outputParams = ({ event }: { event: { output: SettingsLoadOutput } }) => event.output;
const errorParams = ({ event }: { event: { error: unknown } }) => ({ error: event.error });

// Typed form text is validated first: problems are shown at once and nothing is queued or sent.
const queueValid = [{ guard: 'isValidForm', actions: 'queueSave' }, { actions: 'assignFormErrors' }] as const;
const sendValid = [
  { guard: 'isValidForm', target: 'saving', actions: 'startSave' },
  { actions: 'assignFormErrors' },
] as const;

/** While loading or saving, changes wait their turn (merged). */
const queueing = {
  SAVE: { actions: 'queueSave' },
  SAVE_RATES: queueValid,
  SAVE_THRESHOLDS: queueValid,
  SAVE_WINDOWS: queueValid,
} as const;

/** When idle (or after a failure), a change is sent at once; a failed change rides along with it. */
const sending = {
  SAVE: { target: 'saving', actions: 'startSave' },
  SAVE_RATES: sendValid,
  SAVE_THRESHOLDS: sendValid,
  SAVE_WINDOWS: sendValid,
  SET_KEY: [
    { guard: 'hasKeyText', target: 'saving', actions: 'startKeyChange' },
    { actions: 'assignEmptyKeyError' },
  ],
  REMOVE_KEY: { target: 'saving', actions: 'startKeyChange' },
} as const;

/**
 * The Settings tab's state (issue 6): `loading` → `ready` ⇄ `saving`, `error` (reason + RETRY). Shows the
 * boot cache's copy at once, then the backend's. Changes while busy are queued and merged; a change the
 * backend refuses leaves it unchanged with the reason; an unreachable backend keeps the change for RETRY.
 * The fal key is write-only: SET_KEY / REMOVE_KEY, and only its status (valid / invalid / none) comes back.
 */
export const settingsMachine = settingsSetup.createMachine({
  id: 'settings',
  context: ({ input }) => initialSettingsContext(input),
  initial: 'loading',
  states: {
    loading: {
      tags: 'busy',
      on: queueing,
      invoke: {
        id: 'loadSettings',
        src: 'loadSettings',
        onDone: [
          {
            guard: 'hasQueued',
            target: 'saving',
            actions: [{ type: 'assignLoaded', params: outputParams }, 'takeQueued'],
          },
          { target: 'ready', actions: { type: 'assignLoaded', params: outputParams } },
        ],
        onError: { target: 'error', actions: { type: 'assignUnreachable', params: errorParams } },
      },
    },
    ready: { on: sending },
    saving: {
      tags: 'busy',
      on: queueing,
      invoke: {
        id: 'saveSettings',
        src: 'saveSettings',
        input: ({ context, event }) => ({
          patch: {
            ...context.saving,
            // The key comes straight from the event and is never stored in context.
            ...(event.type === 'SET_KEY' ? { falKey: event.key.trim() } : {}),
            ...(context.keyChange === 'remove' ? { falKey: null } : {}),
          },
        }),
        onDone: [
          {
            guard: 'hasQueued',
            target: 'saving',
            reenter: true,
            actions: [{ type: 'assignLoaded', params: outputParams }, 'takeQueued'],
          },
          { target: 'ready', actions: { type: 'assignLoaded', params: outputParams } },
        ],
        onError: [
          {
            guard: { type: 'isRetryable', params: errorParams },
            target: 'error',
            actions: { type: 'assignUnreachable', params: errorParams },
          },
          {
            guard: 'hasQueued',
            target: 'saving',
            reenter: true,
            actions: [{ type: 'assignRefusal', params: errorParams }, 'takeQueued'],
          },
          { target: 'ready', actions: { type: 'assignRefusal', params: errorParams } },
        ],
      },
    },
    error: {
      tags: 'error',
      on: {
        ...sending,
        RETRY: [{ guard: 'hasFailed', target: 'saving', actions: 'takeFailed' }, { target: 'loading' }],
      },
    },
  },
});

/** A running settings machine. */
export type SettingsActorRef = ActorRefFrom<typeof settingsMachine>;
