import {
  type ActorRefFrom,
  assertEvent,
  assign,
  enqueueActions,
  not,
  raise,
  sendTo,
  setup,
  stopChild,
} from 'xstate';
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
import {
  draftOf,
  type EntrySpawn,
  fieldsOf,
  type FormSource,
  type FormState,
  firstFields,
  formEntryOf,
  isEntryEditable,
  isEntryFree,
  isEntryUnsent,
  nextIdAfter,
  switchedFields,
} from './form-draft.ts';
import { type GenerationInput, generationMachine } from './generation.machine.ts';
import { type GenerationSnapshot, phaseOf } from './generation.selectors.ts';
import type { GenerationSettings } from './generation-settings.ts';
import type { LearnedRuns, ModelLicence } from '../../domain/index.ts';

/** Context: spawned entries (refs), one row per generation, and the open notices. Persisted as a whole. */
export interface ActiveGenerationsContext {
  entries: ActiveEntry[];
  rows: ActiveRow[];
  notices: Notice[];
  /** The Generate form (its draft is the newest entry); absent until the panel attaches it. */
  form?: FormState | null;
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
  | FormEvent
  | ChildSnapshotEvent;

/**
 * The Generate form: attached by the panel (what drafts are made from), the user's settings and
 * metered runs as they change, the backend's resolved licences once read, and the Dual Mode switch. FORM_CHECK is raised after every change.
 */
export type FormEvent =
  | { type: 'FORM_ATTACH'; source: FormSource | null }
  | { type: 'FORM_SETTINGS'; settings: GenerationSettings }
  | ({ type: 'FORM_LEARNED' } & LearnedRuns)
  | { type: 'FORM_LICENCES'; licences: readonly ModelLicence[] }
  | { type: 'FORM_DUAL'; dual: boolean }
  | { type: 'FORM_BACKGROUND' }
  | { type: 'FORM_CHECK' };

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
    // The form's entry was sent and still holds the form (in its foreground window).
    isFormRunning: ({ context }) => {
      const entry = formEntryOf(context.entries);
      return !!context.form && entry !== null && !isEntryFree(entry) && !isEntryUnsent(entry);
    },
    // The form needs a new draft when there is none, or its entry was sent and ended or left the foreground.
    needsDraft: ({ context }) => !!context.form && isEntryFree(formEntryOf(context.entries)),
    canSwitchDual: ({ context }, params: { dual: boolean }) => {
      const entry = formEntryOf(context.entries);
      return (
        !!context.form && entry !== null && (entry.kind === 'dual') !== params.dual && isEntryEditable(entry)
      );
    },
  },
  actions: {
    spawnEntry: enqueueActions(({ context, enqueue }, params: { spawn: EntrySpawn; form?: FormState }) => {
      const { spawn: what } = params;
      enqueue.assign({
        ...(params.form ? { form: params.form } : {}),
        entries: ({ spawn }) => {
          const entry: ActiveEntry =
            what.kind === 'single'
              ? {
                  kind: 'single',
                  id: what.input.genId,
                  ref: spawn('generation', { id: what.input.genId, input: what.input, syncSnapshot: true }),
                }
              : {
                  kind: 'dual',
                  id: what.input.groupId,
                  ref: spawn('dualGeneration', {
                    id: what.input.groupId,
                    input: what.input,
                    syncSnapshot: true,
                  }),
                };
          return [...context.entries, entry];
        },
      });
      enqueue.emit({ type: 'persist' });
    }),
    attachForm: assign({
      form: ({ context, event }) => {
        assertEvent(event, 'FORM_ATTACH');
        const source = event.source as FormSource;
        return {
          ...source,
          nextId: nextIdAfter(source.idRoot, context.entries),
          learned: context.form?.learned ?? null,
          licences: source.licences ?? null,
        };
      },
    }),
    // A draft still deciding takes the new settings; a request already sent keeps the ones it was sent with.
    forwardSettings: enqueueActions(({ context, enqueue, event }) => {
      assertEvent(event, 'FORM_SETTINGS');
      if (!context.form) return;
      enqueue.assign({ form: { ...context.form, settings: event.settings } });
      const entry = formEntryOf(context.entries);
      const set = { type: 'SET_SETTINGS' as const, settings: event.settings };
      if (entry?.kind === 'single' && entry.ref.getSnapshot().hasTag('editable'))
        enqueue.sendTo(entry.ref, set);
      if (entry?.kind === 'dual' && entry.ref.getSnapshot().can(set)) enqueue.sendTo(entry.ref, set);
    }),
    forwardLearned: enqueueActions(({ context, enqueue, event }) => {
      assertEvent(event, 'FORM_LEARNED');
      if (!context.form) return;
      const learned = { samples: event.samples, now: event.now };
      enqueue.assign({ form: { ...context.form, learned } });
      const entry = formEntryOf(context.entries);
      if (entry && isEntryEditable(entry)) enqueue.sendTo(entry.ref, { type: 'SET_LEARNED', ...learned });
    }),
    // A draft not yet sent (editing, or its cost dialog open) takes them; a sent request keeps its licence.
    forwardLicences: enqueueActions(({ context, enqueue, event }) => {
      assertEvent(event, 'FORM_LICENCES');
      if (!context.form) return;
      enqueue.assign({ form: { ...context.form, licences: event.licences } });
      const entry = formEntryOf(context.entries);
      const licensed = { type: 'MODELS_LICENSED' as const, licences: event.licences };
      if (entry?.ref.getSnapshot().can(licensed)) enqueue.sendTo(entry.ref, licensed);
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
      if (context.form) enqueue.raise({ type: 'FORM_CHECK' });
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
      if (context.form) enqueue.raise({ type: 'FORM_CHECK' });
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
      actions: {
        type: 'spawnEntry',
        params: ({ event }) => ({ spawn: { kind: 'single', input: event.input } }),
      },
    },
    ADD_DUAL: {
      guard: { type: 'isNewId', params: ({ event }) => ({ id: event.input.groupId }) },
      actions: {
        type: 'spawnEntry',
        params: ({ event }) => ({ spawn: { kind: 'dual', input: event.input } }),
      },
    },
    FORM_ATTACH: {
      guard: ({ event }) => Boolean(event.source),
      actions: ['attachForm', raise({ type: 'FORM_CHECK' })],
    },
    FORM_SETTINGS: { actions: 'forwardSettings' },
    FORM_LEARNED: { actions: 'forwardLearned' },
    FORM_LICENCES: { actions: 'forwardLicences' },
    FORM_CHECK: {
      guard: 'needsDraft',
      actions: {
        type: 'spawnEntry',
        params: ({ context }) => {
          const entry = formEntryOf(context.entries);
          const form = context.form as FormState;
          const draft = draftOf(entry ? fieldsOf(entry) : firstFields(form), form);
          return { spawn: draft, form: draft.form };
        },
      },
    },
    // "Start another run": the running entry goes on in the list; its snapshot change makes the new draft.
    FORM_BACKGROUND: {
      guard: 'isFormRunning',
      actions: sendTo(({ context }) => (formEntryOf(context.entries) as ActiveEntry).ref, {
        type: 'BACKGROUND',
      }),
    },
    // The other kind of draft with the same fields, then the old draft goes (nothing was sent).
    FORM_DUAL: {
      guard: { type: 'canSwitchDual', params: ({ event }) => event },
      actions: [
        {
          type: 'spawnEntry',
          params: ({ context, event }) => {
            const entry = formEntryOf(context.entries) as ActiveEntry;
            const draft = draftOf(switchedFields(fieldsOf(entry), event.dual), context.form as FormState);
            return { spawn: draft, form: draft.form };
          },
        },
        // The old draft is now the one before the new.
        {
          type: 'dropEntry',
          params: ({ context }) => ({ id: context.entries[context.entries.length - 2]?.id ?? '' }),
        },
      ],
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
