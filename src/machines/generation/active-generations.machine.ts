import { type ActorRefFrom, assertEvent, enqueueActions, not, setup, stopChild } from 'xstate';
import {
  type ActiveEntry,
  type ActiveRow,
  type Notice,
  noticesBetween,
  withNotices,
  withRows,
} from './active-generations.notices.ts';
import {
  type DualGenerationInput,
  type DualGenerationSnapshot,
  dualGenerationMachine,
} from './dual-generation.machine.ts';
import { type GenerationInput, generationMachine } from './generation.machine.ts';
import { type GenerationSnapshot, phaseOf } from './generation.selectors.ts';

/** Context: spawned entries (refs), one row per generation, and the open notices. Persisted as a whole. */
export interface ActiveGenerationsContext {
  entries: ActiveEntry[];
  rows: ActiveRow[];
  notices: Notice[];
}

/** A spawned child's snapshot, forwarded by XState (children are spawned with `syncSnapshot`). */
export type ChildSnapshotEvent = {
  type: `xstate.snapshot.${string}`;
  snapshot: GenerationSnapshot | DualGenerationSnapshot;
};

/** Events from the Generate tab and the Active generations panel. */
export type ActiveGenerationsEvent =
  | { type: 'ADD'; input: GenerationInput }
  | { type: 'ADD_DUAL'; input: DualGenerationInput }
  | { type: 'DISMISS'; id: string }
  | { type: 'DISMISS_NOTICE'; noticeId: string }
  | { type: 'NOTICE_EXPIRED'; noticeId: string }
  | ChildSnapshotEvent;

/** Emitted: `persist` when rows changed (save `getPersistedSnapshot()`), `notice` for a chime or toast. */
export type ActiveGenerationsEmitted = { type: 'persist' } | { type: 'notice'; notice: Notice };

/** Tags: `empty` hides the panel (modelbridge-docs.md §5: it hides when there are no rows). */
export type ActiveGenerationsTag = 'empty';

const ENDED = ['done', 'failed', 'cancelled', 'stillRunning', 'editing', null];

function rowsOf(entry: ActiveEntry, snapshot: ChildSnapshotEvent['snapshot']): ActiveRow[] {
  if (entry.kind === 'single') {
    const s = snapshot as GenerationSnapshot;
    const row = { genId: entry.id, entryId: entry.id, slot: null, phase: phaseOf(s) };
    return [{ ...row, modelName: s.context.model.display_name }];
  }
  const { slots, phases } = (snapshot as DualGenerationSnapshot).context;
  return (['primary', 'secondary'] as const).map((slot) => ({
    genId: slots[slot].genId,
    entryId: entry.id,
    slot,
    phase: phases[slot],
    modelName: slots[slot].model?.display_name ?? '',
  }));
}

/**
 * The Active generations panel: spawns generations and Dual Mode pairs under their ids, keeps one row per
 * generation, raises completion notices (success auto-dismisses after 7 s) and emits `persist`.
 */
export const activeGenerationsMachine = setup({
  types: {
    context: {} as ActiveGenerationsContext,
    events: {} as ActiveGenerationsEvent,
    emitted: {} as ActiveGenerationsEmitted,
    tags: {} as ActiveGenerationsTag,
  },
  actors: { generation: generationMachine, dualGeneration: dualGenerationMachine },
  guards: {
    isNewId: ({ context }, params: { id: string }) =>
      !context.entries.some((entry) => entry.id === params.id),
    // A running generation cannot be dropped (cancel it first); ended and unsent ones can.
    canDismiss: ({ context }, params: { id: string }) =>
      context.entries.some((entry) => entry.id === params.id) &&
      context.rows.filter((row) => row.entryId === params.id).every((row) => ENDED.includes(row.phase)),
    hasRows: ({ context }) => context.entries.length > 0,
  },
  actions: {
    spawnGeneration: enqueueActions(({ context, enqueue, event }) => {
      assertEvent(event, ['ADD', 'ADD_DUAL']);
      enqueue.assign({
        entries: ({ spawn }) => {
          const entry: ActiveEntry =
            event.type === 'ADD'
              ? {
                  kind: 'single',
                  id: event.input.genId,
                  ref: spawn('generation', { id: event.input.genId, input: event.input, syncSnapshot: true }),
                }
              : {
                  kind: 'dual',
                  id: event.input.groupId,
                  ref: spawn('dualGeneration', {
                    id: event.input.groupId,
                    input: event.input,
                    syncSnapshot: true,
                  }),
                };
          return [...context.entries, entry];
        },
      });
      enqueue.emit({ type: 'persist' });
    }),
    trackChild: enqueueActions(({ context, enqueue, event }) => {
      const id = event.type.slice('xstate.snapshot.'.length);
      const entry = context.entries.find((e) => e.id === id);
      const { snapshot } = event as Partial<ChildSnapshotEvent>;
      // Only a generation's or pair's snapshot (with its context) says anything about the rows.
      if (!entry || !snapshot?.context) return;
      const fresh = rowsOf(entry, snapshot);
      const notices = noticesBetween(context.rows, fresh);
      const changed = fresh.some(
        (row) => context.rows.find((r) => r.genId === row.genId)?.phase !== row.phase,
      );
      enqueue.assign({
        rows: withRows(context.rows, id, fresh),
        notices: withNotices(context.notices, notices),
      });
      for (const notice of notices) {
        enqueue.emit({ type: 'notice', notice });
        // Success notices auto-dismiss after 7 s; failures stay until dismissed (modelbridge-docs.md §5).
        if (notice.kind === 'success') {
          enqueue.raise(
            { type: 'NOTICE_EXPIRED', noticeId: notice.id },
            { delay: 'successNotice', id: notice.id },
          );
        }
      }
      if (changed) enqueue.emit({ type: 'persist' });
    }),
    dropEntry: enqueueActions(({ context, enqueue }, params: { id: string }) => {
      const genIds = new Set(context.rows.filter((row) => row.entryId === params.id).map((row) => row.genId));
      enqueue(stopChild(params.id));
      enqueue.assign({
        entries: context.entries.filter((entry) => entry.id !== params.id),
        rows: context.rows.filter((row) => row.entryId !== params.id),
        notices: context.notices.filter((notice) => !genIds.has(notice.genId)),
      });
      enqueue.emit({ type: 'persist' });
    }),
    dropNotice: enqueueActions(({ context, enqueue }, params: { noticeId: string }) => {
      enqueue.assign({ notices: context.notices.filter((notice) => notice.id !== params.noticeId) });
    }),
  },
  delays: { successNotice: 7_000 },
}).createMachine({
  id: 'activeGenerations',
  context: { entries: [], rows: [], notices: [] },
  on: {
    ADD: {
      guard: { type: 'isNewId', params: ({ event }) => ({ id: event.input.genId }) },
      actions: 'spawnGeneration',
    },
    ADD_DUAL: {
      guard: { type: 'isNewId', params: ({ event }) => ({ id: event.input.groupId }) },
      actions: 'spawnGeneration',
    },
    DISMISS: {
      guard: { type: 'canDismiss', params: ({ event }) => event },
      actions: { type: 'dropEntry', params: ({ event }) => event },
    },
    DISMISS_NOTICE: { actions: { type: 'dropNotice', params: ({ event }) => event } },
    NOTICE_EXPIRED: { actions: { type: 'dropNotice', params: ({ event }) => event } },
    'xstate.snapshot.*': { actions: 'trackChild' },
  },
  initial: 'empty',
  states: {
    empty: { tags: ['empty'], always: { guard: 'hasRows', target: 'tracking' } },
    tracking: { always: { guard: not('hasRows'), target: 'empty' } },
  },
});

/** The Active generations panel's actor. */
export type ActiveGenerationsActorRef = ActorRefFrom<typeof activeGenerationsMachine>;
