import { type ActorRefFrom, assertEvent, assign, setup } from 'xstate';
import type { PoolView } from '../../contract/index.ts';
import {
  type Currency,
  draftOfPool,
  emptyPoolDraft,
  type FxSnapshot,
  type PoolBody,
  type PoolDraft,
  type PoolDraftProblems,
  readPoolDraft,
} from '../../domain/index.ts';
import { placeholderPromise } from '../generation/generation-placeholders.ts';
import { describeFailure } from '../persistence/persistence-ports.ts';

/** What recording a pool change writes: a new or changed pool with its rates, or a removal. */
export type PoolChange =
  | { kind: 'define'; body: PoolBody; fx: FxSnapshot }
  | { kind: 'change'; poolId: string; body: PoolBody; fx: FxSnapshot }
  | { kind: 'remove'; poolId: string };

/** What the pools dialog shows: the list, the form being edited, a removal to confirm, what failed. */
export interface PoolEditorContext {
  pools: PoolView[];
  /** The pool being changed (null: a new one); meaningful while editing or saving. */
  editingId: string | null;
  draft: PoolDraft | null;
  problems: PoolDraftProblems;
  /** The change being recorded, or last refused. */
  change: PoolChange | null;
  /** The pool whose removal waits for confirmation. */
  removingId: string | null;
  problem: string | null;
}

export type PoolEditorEvent =
  /** Opens the dialog (reads the pools); the currency is a new pool's default. */
  | { type: 'OPEN'; currency: Currency }
  | { type: 'ADD' }
  | { type: 'EDIT'; poolId: string }
  /** Saves the form, with the rates a new or changed pool is converted with (today's). */
  | { type: 'SAVE'; draft: PoolDraft; fx: FxSnapshot }
  | { type: 'REMOVE'; poolId: string }
  | { type: 'CONFIRM' }
  /** Back to the list without saving, or closing the dialog from the list. */
  | { type: 'CANCEL' }
  | { type: 'CLOSE' }
  | { type: 'RETRY' };

export type PoolEditorTag = 'busy' | 'error';

const poolEditorSetup = setup({
  types: {
    context: {} as PoolEditorContext,
    events: {} as PoolEditorEvent,
    tags: {} as PoolEditorTag,
  },
  actors: {
    loadPools: placeholderPromise<PoolView[], void>('loadPools'),
    /** Records the change as one `pool.*` event; resolves once disk has it. */
    recordPool: placeholderPromise<void, PoolChange>('recordPool'),
  },
  guards: {
    draftReadable: ({ event }) => {
      assertEvent(event, 'SAVE');
      return readPoolDraft(event.draft).ok;
    },
    knownPool: ({ context, event }) => {
      assertEvent(event, ['EDIT', 'REMOVE']);
      return context.pools.some((view) => view.pool.poolId === event.poolId);
    },
  },
  actions: {
    openWith: assign(({ event }) => {
      assertEvent(event, 'OPEN');
      return { draft: emptyPoolDraft(event.currency), problem: null };
    }),
    assignPools: assign((_, pools: PoolView[]) => ({ pools, problem: null })),
    startNew: assign(({ context }) => ({
      editingId: null,
      draft: emptyPoolDraft(context.draft?.currency ?? 'USD'),
      problems: {},
      problem: null,
    })),
    startEdit: assign(({ context, event }) => {
      assertEvent(event, 'EDIT');
      const view = context.pools.find((v) => v.pool.poolId === event.poolId) as PoolView;
      return { editingId: event.poolId, draft: draftOfPool(view.pool), problems: {}, problem: null };
    }),
    assignProblems: assign(({ event }) => {
      assertEvent(event, 'SAVE');
      const read = readPoolDraft(event.draft);
      return { draft: event.draft, problems: read.ok ? {} : read.problems };
    }),
    assignSave: assign(({ context, event }) => {
      assertEvent(event, 'SAVE');
      const read = readPoolDraft(event.draft);
      if (!read.ok) return {};
      const change: PoolChange =
        context.editingId === null
          ? { kind: 'define', body: read.body, fx: event.fx }
          : { kind: 'change', poolId: context.editingId, body: read.body, fx: event.fx };
      return { draft: event.draft, problems: {}, change, problem: null };
    }),
    askRemove: assign(({ event }) => {
      assertEvent(event, 'REMOVE');
      return { removingId: event.poolId, problem: null };
    }),
    assignRemove: assign(({ context }) => ({
      change: { kind: 'remove', poolId: context.removingId as string } as PoolChange,
    })),
    assignProblem: assign((_, params: { error: unknown }) => ({ problem: describeFailure(params.error) })),
    clearEdit: assign({ editingId: null, problems: {}, change: null, removingId: null, problem: null }),
    clear: assign({
      pools: [],
      editingId: null,
      draft: null,
      problems: {},
      change: null,
      removingId: null,
      problem: null,
    }),
  },
});

const toList = { target: 'list', actions: 'clearEdit' } as const;
const failedWith = (target: string) =>
  ({
    target,
    actions: {
      type: 'assignProblem',
      params: ({ event }: { event: { error: unknown } }) => ({ error: event.error }),
    },
  }) as const;

/** Records the change (a save or a removal), then reads the list again; `failed` keeps the step to retry. */
const recording = (failed: 'saveFailed' | 'removeFailed') =>
  ({
    tags: 'busy',
    invoke: {
      id: 'recordPool',
      src: 'recordPool',
      input: ({ context }: { context: PoolEditorContext }) => context.change as PoolChange,
      onDone: { target: 'loading', actions: 'clearEdit' },
      onError: failedWith(failed),
    },
  }) as const;

/**
 * Pool costs (issue 13): a dialog lists the pools with their shares; a pool is defined, changed or
 * removed by recording one `pool.*` event through the panel's outbox, confirmed on disk, after which
 * the list is read again (the read model computes the shares, the panel never splits a pool itself).
 * The form is checked by the domain's readPoolDraft before anything is recorded; a failed recording
 * keeps the form as typed, to try again.
 */
export const poolEditorMachine = poolEditorSetup.createMachine({
  id: 'poolEditor',
  context: {
    pools: [],
    editingId: null,
    draft: null,
    problems: {},
    change: null,
    removingId: null,
    problem: null,
  },
  initial: 'closed',
  states: {
    closed: {
      on: { OPEN: { target: 'loading', actions: 'openWith' } },
    },
    loading: {
      tags: 'busy',
      invoke: {
        id: 'loadPools',
        src: 'loadPools',
        onDone: { target: 'list', actions: { type: 'assignPools', params: ({ event }) => event.output } },
        onError: failedWith('failed'),
      },
      on: { CLOSE: { target: 'closed', actions: 'clear' } },
    },
    /** The pools and their shares; from here one is added, changed or removed. */
    list: {
      on: {
        ADD: { target: 'editing', actions: 'startNew' },
        EDIT: { guard: 'knownPool', target: 'editing', actions: 'startEdit' },
        REMOVE: { guard: 'knownPool', target: 'confirmingRemoval', actions: 'askRemove' },
        CLOSE: { target: 'closed', actions: 'clear' },
      },
    },
    /** The form: Save checks it and records it, or shows what is wrong per field. */
    editing: {
      on: {
        SAVE: [
          { guard: 'draftReadable', target: 'saving', actions: 'assignSave' },
          { actions: 'assignProblems' },
        ],
        CANCEL: toList,
        CLOSE: { target: 'closed', actions: 'clear' },
      },
    },
    saving: recording('saveFailed'),
    /** Recording the form failed: it stays as typed; Try again records the same change. */
    saveFailed: {
      tags: 'error',
      on: {
        RETRY: 'saving',
        SAVE: [
          { guard: 'draftReadable', target: 'saving', actions: 'assignSave' },
          { target: 'editing', actions: 'assignProblems' },
        ],
        CANCEL: toList,
        CLOSE: { target: 'closed', actions: 'clear' },
      },
    },
    confirmingRemoval: {
      on: {
        CONFIRM: { target: 'removing', actions: 'assignRemove' },
        CANCEL: toList,
        CLOSE: { target: 'closed', actions: 'clear' },
      },
    },
    removing: recording('removeFailed'),
    removeFailed: {
      tags: 'error',
      on: {
        RETRY: 'removing',
        CANCEL: toList,
        CLOSE: { target: 'closed', actions: 'clear' },
      },
    },
    /** The list could not be read. */
    failed: {
      tags: 'error',
      on: {
        RETRY: 'loading',
        CLOSE: { target: 'closed', actions: 'clear' },
      },
    },
  },
});

/** A running pool editor actor. */
export type PoolEditorActorRef = ActorRefFrom<typeof poolEditorMachine>;
