import {
  type ActorRef,
  type ActorRefFrom,
  type Snapshot,
  assertEvent,
  assign,
  enqueueActions,
  fromPromise,
  setup,
} from 'xstate';
import { type LedgerResetReceivedEvent, PERSISTENCE_SYSTEM_ID } from '../persistence/persistence.machine.ts';
import type { LedgerResetEvent } from '../persistence/persistence-ports.ts';

/** The exact word that arms the reset (case-sensitive; outer spaces are ignored). */
export const RESET_CONFIRM_TEXT = 'DELETE';

/** What the reset modal shows: the typed text and, after a run, the backup path or the failure reason. */
export interface ResetContext {
  /** The text as typed (untrimmed, so the textbox shows exactly what the user typed). */
  text: string;
  /** Absolute path of the backup written before the reset; set in `done`. */
  backupPath: string | null;
  /** Why the last reset failed (data untouched); set in `failed`. */
  reason: string | null;
  /** Set when the reset succeeded but clearing the browser cache did not (harmless: the epoch rule holds). */
  cacheWarning: string | null;
}

/** Opens the typed-DELETE modal. */
export type ResetOpenEvent = { type: 'OPEN' };
/** The confirmation textbox changed. */
export type ResetTypeEvent = { type: 'TYPE'; text: string };
/** "Delete cost history" (only accepted while armed). */
export type ResetConfirmEvent = { type: 'CONFIRM' };
/** Try a failed reset again. */
export type ResetRetryEvent = { type: 'RETRY' };
/** Closes the modal (not while a reset is running). */
export type ResetCloseEvent = { type: 'CLOSE' };

/** Every event the reset machine accepts. */
export type ResetEvent =
  ResetOpenEvent | ResetTypeEvent | ResetConfirmEvent | ResetRetryEvent | ResetCloseEvent;

/** Tags: `busy` while resetting, `error` after a failure. */
export type ResetTag = 'busy' | 'error';

/** What the `resetLedger` actor resolves with. */
export interface ResetLedgerOutput {
  backupPath: string;
  event: LedgerResetEvent;
  /** Null when the cache was cleared; else why clearing it failed (the reset itself succeeded). */
  cacheWarning: string | null;
}

/** True when `text` arms the reset: exactly `DELETE` once outer whitespace is trimmed. */
export function isResetConfirmText(text: string): boolean {
  return text.trim() === RESET_CONFIRM_TEXT;
}

const resetSetup = setup({
  types: {
    context: {} as ResetContext,
    events: {} as ResetEvent,
    tags: {} as ResetTag,
  },
  actors: {
    resetLedger: fromPromise<ResetLedgerOutput, void>(async () => {
      throw new Error('resetLedger actor not provided: supply with .provide()');
    }),
  },
  guards: {
    isConfirmText: ({ event }) => event.type === 'TYPE' && isResetConfirmText(event.text),
  },
  actions: {
    assignText: assign({
      text: ({ event }) => {
        assertEvent(event, 'TYPE');
        return event.text;
      },
    }),
    clearForm: assign({ text: '', backupPath: null, reason: null, cacheWarning: null }),
    clearReason: assign({ reason: null }),
    assignResult: assign((_, params: { backupPath: string; cacheWarning: string | null }) => ({
      backupPath: params.backupPath,
      cacheWarning: params.cacheWarning,
      reason: null,
    })),
    assignReason: assign((_, params: { error: unknown }) => ({ reason: describeResetFailure(params.error) })),
    // Tells the persistence actor (if it shares this system) to adopt the new epoch at once.
    announceLedgerReset: enqueueActions(({ system, enqueue }, params: { event: LedgerResetEvent }) => {
      const persistence: ActorRef<Snapshot<unknown>, LedgerResetReceivedEvent> | undefined =
        system.get(PERSISTENCE_SYSTEM_ID);
      if (persistence) enqueue.sendTo(persistence, { type: 'LEDGER_RESET', event: params.event });
    }),
  },
});

function describeResetFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return message || 'The reset failed for an unknown reason. Nothing was deleted; try again.';
}

/**
 * The typed-DELETE reset (issue 3): idle → typing → armed (text is exactly `DELETE`) → resetting →
 * done (shows the backup path) · failed (data untouched; retry or close).
 */
export const resetMachine = resetSetup.createMachine({
  id: 'reset',
  context: { text: '', backupPath: null, reason: null, cacheWarning: null },
  initial: 'idle',
  states: {
    idle: {
      on: { OPEN: { target: 'typing', actions: 'clearForm' } },
    },
    typing: {
      on: {
        TYPE: [{ guard: 'isConfirmText', target: 'armed', actions: 'assignText' }, { actions: 'assignText' }],
        CLOSE: { target: 'idle', actions: 'clearForm' },
      },
    },
    armed: {
      on: {
        TYPE: [
          { guard: 'isConfirmText', actions: 'assignText' },
          { target: 'typing', actions: 'assignText' },
        ],
        CONFIRM: 'resetting',
        CLOSE: { target: 'idle', actions: 'clearForm' },
      },
    },
    resetting: {
      tags: 'busy',
      // A retry must not keep showing the previous failure while it runs.
      entry: 'clearReason',
      invoke: {
        id: 'resetLedger',
        src: 'resetLedger',
        onDone: {
          target: 'done',
          actions: [
            {
              type: 'assignResult',
              params: ({ event }) => ({
                backupPath: event.output.backupPath,
                cacheWarning: event.output.cacheWarning,
              }),
            },
            { type: 'announceLedgerReset', params: ({ event }) => ({ event: event.output.event }) },
          ],
        },
        onError: {
          target: 'failed',
          actions: { type: 'assignReason', params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    done: {
      on: { CLOSE: { target: 'idle', actions: 'clearForm' } },
    },
    failed: {
      tags: 'error',
      on: {
        RETRY: 'resetting',
        CLOSE: { target: 'idle', actions: 'clearForm' },
      },
    },
  },
});

/** A running reset machine, as the modal receives it. */
export type ResetActorRef = ActorRefFrom<typeof resetMachine>;
