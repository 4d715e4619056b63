import { type ActorRefFrom, and, assertEvent, assign, type SnapshotFrom, sendTo, setup } from 'xstate';
import {
  type Estimate,
  type LearnedRuns,
  needsConfirmation,
  runBlockers,
  type Tags,
} from '../../domain/index.ts';
import { type CatalogModel, defaultParams, relicensedModel } from '../../domain/pricing/index.ts';
import { combinedEstimate, pairError, slotForm } from './dual-generation.context.ts';
import {
  type GenerationActorRef,
  generationMachine,
  type ModelsLicensedEvent,
} from './generation.machine.ts';
import { type GenerationPhase, type GenerationSnapshot, phaseOf } from './generation.selectors.ts';
import type { GenerationSettings } from './generation-settings.ts';

/** Which half of a Dual Mode pair. */
export type DualSlot = 'primary' | 'secondary';

/** One slot of the form: its generation id, model (null until chosen) and fal inputs. */
export interface DualSlotForm {
  genId: string;
  model: CatalogModel | null;
  params: Record<string, unknown>;
}

/** Input: the group id, both slots' ids and models, and the shared prompt, tags and settings. */
export interface DualGenerationInput {
  groupId: string;
  primary: { genId: string; model: CatalogModel; params?: Record<string, unknown> };
  secondary: { genId: string; model: CatalogModel | null; params?: Record<string, unknown> };
  prompt?: string;
  tags?: Tags;
  settings: GenerationSettings;
  /** The user's metered runs and the window's end, for learned estimates; none by default. */
  learned?: LearnedRuns | null;
}

/** Context: the form, the combined estimate (micro-USD), the pair error, and the two running slots. */
export interface DualGenerationContext {
  groupId: string;
  slots: Record<DualSlot, DualSlotForm>;
  prompt: string;
  tags: Tags;
  settings: GenerationSettings;
  /** Samples for the learned layer of both estimates (null: none yet); handed to the slots at spawn. */
  learned: LearnedRuns | null;
  /** Sum of both estimates; tier `none` (null amount) when either has no price. */
  combined: Estimate | null;
  /** Why the pair cannot be generated (shown before anything is sent), else null. */
  error: string | null;
  refs: Record<DualSlot, GenerationActorRef | null>;
  phases: Record<DualSlot, GenerationPhase | null>;
}

/** A slot's snapshot, forwarded by XState because the slots are spawned with `syncSnapshot`. */
export type SlotSnapshotEvent = { type: `xstate.snapshot.${string}`; snapshot: GenerationSnapshot };

/** Events from the Dual Mode form and the result cards. */
export type DualGenerationEvent =
  | { type: 'SET_MODEL'; slot: DualSlot; model: CatalogModel; params?: Record<string, unknown> }
  | { type: 'SET_PARAMS'; slot: DualSlot; params: Record<string, unknown> }
  | { type: 'SET_PROMPT'; prompt: string }
  | { type: 'SET_TAGS'; tags: Tags }
  | { type: 'SET_SETTINGS'; settings: GenerationSettings }
  | ({ type: 'SET_LEARNED' } & LearnedRuns)
  | ModelsLicensedEvent
  | { type: 'GENERATE' }
  | { type: 'CONTINUE' }
  | { type: 'CANCEL' }
  | { type: 'CANCEL_SLOT'; slot: DualSlot }
  | { type: 'RETRY_SLOT'; slot: DualSlot }
  | { type: 'BACKGROUND' }
  | SlotSnapshotEvent;

/** Tags: `editable`, `confirming`, `busy` (a slot runs), `finished` (both slots ended). */
export type DualGenerationTag = 'editable' | 'confirming' | 'busy' | 'finished';

const SLOTS: readonly DualSlot[] = ['primary', 'secondary'];

/** What the pair forwards to a slot's generation. */
type SlotCommand = 'RETRY' | 'CANCEL' | 'BACKGROUND';
const ENDED: readonly (GenerationPhase | null)[] = ['done', 'failed', 'cancelled', 'stillRunning'];

function slotOf(context: DualGenerationContext, type: string): DualSlot | null {
  const id = type.slice('xstate.snapshot.'.length);
  return SLOTS.find((slot) => context.slots[slot].genId === id) ?? null;
}

/**
 * A Dual Mode pair: one form for two models of the same category, the combined estimate and its $8.00
 * confirmation, then two generations spawned under one group id that end, retry and cancel on their own.
 */
export const dualGenerationMachine = setup({
  types: {
    context: {} as DualGenerationContext,
    events: {} as DualGenerationEvent,
    input: {} as DualGenerationInput,
    tags: {} as DualGenerationTag,
  },
  actors: { generation: generationMachine },
  guards: {
    isInvalidPair: ({ context }) => pairError(context.slots) !== null,
    // Both slots share the prompt; each one's content must be recordable (selectPairSendBlockers says why).
    isSendable: ({ context }) =>
      Object.values(context.slots).every(
        (slot) => runBlockers({ prompt: context.prompt, params: slot.params }).length === 0,
      ),
    // Dual Mode asks when the combined estimate exceeds $8.00 (strictly), or is unknown with confirm-unpriced.
    isOverThreshold: ({ context }) =>
      context.combined !== null && needsConfirmation(context.combined, 'dual', context.settings.thresholds),
    haveBothEnded: ({ context }) => SLOTS.every((slot) => ENDED.includes(context.phases[slot])),
    hasSlotFailed: ({ context }, params: { slot: DualSlot }) => context.phases[params.slot] === 'failed',
  },
  actions: {
    assignSlot: assign(({ context, event }) => {
      assertEvent(event, ['SET_MODEL', 'SET_PARAMS']);
      const old = context.slots[event.slot];
      const form =
        event.type === 'SET_MODEL'
          ? { ...old, model: event.model, params: { ...defaultParams(event.model), ...event.params } }
          : { ...old, params: { ...old.params, ...event.params } };
      const slots = { ...context.slots, [event.slot]: form };
      return { slots, combined: combinedEstimate(slots, context.learned), error: null };
    }),
    assignLearned: assign(({ context, event }) => {
      assertEvent(event, 'SET_LEARNED');
      const learned = { samples: event.samples, now: event.now };
      return { learned, combined: combinedEstimate(context.slots, learned) };
    }),
    // Both slots take their model's resolved licence; the slots spawned at GENERATE record it.
    assignLicences: assign(({ context, event }) => {
      assertEvent(event, 'MODELS_LICENSED');
      const licensed = (slot: DualSlot) => ({
        ...context.slots[slot],
        model: relicensedModel(context.slots[slot].model, event.licences),
      });
      return { slots: { primary: licensed('primary'), secondary: licensed('secondary') } };
    }),
    // The slot will leave `failed` on RETRY; until its next snapshot arrives it counts as running.
    assignSlotRestarted: assign(({ context }, params: { slot: DualSlot }) => ({
      phases: { ...context.phases, [params.slot]: null },
    })),
    assignPairError: assign(({ context }) => ({ error: pairError(context.slots) })),
    spawnSlots: assign(({ context, spawn }) => {
      const start = (slot: DualSlot) => {
        const { genId, model, params } = context.slots[slot];
        const input = {
          genId,
          model: model as CatalogModel,
          params,
          prompt: context.prompt,
          tags: context.tags,
          learned: context.learned ?? null,
        };
        const dual = { groupId: context.groupId, slot };
        // autoStart: the pair was confirmed as a whole, so each slot sends at once with the same prompt and tags.
        const full = { ...input, dual, settings: context.settings, autoStart: true };
        return spawn('generation', { id: genId, input: full, syncSnapshot: true });
      };
      return {
        refs: { primary: start('primary'), secondary: start('secondary') },
        phases: { primary: null, secondary: null },
      };
    }),
    assignSlotPhase: assign(({ context, event }) => {
      const { snapshot } = event as Partial<SlotSnapshotEvent>;
      const slot = slotOf(context, event.type);
      // Only a slot's generation snapshot (with its context) says anything about its phase.
      if (slot === null || !snapshot?.context) return {};
      return { phases: { ...context.phases, [slot]: phaseOf(snapshot) } };
    }),
    sendToSlot: sendTo(
      ({ context }, params: { slot: DualSlot; type: SlotCommand }) =>
        context.refs[params.slot] as GenerationActorRef,
      (_, params: { slot: DualSlot; type: SlotCommand }) => ({ type: params.type }),
    ),
  },
}).createMachine({
  id: 'dualGeneration',
  context: ({ input }) => {
    const slots = { primary: slotForm(input.primary), secondary: slotForm(input.secondary) };
    const learned = input.learned ?? null;
    return {
      groupId: input.groupId,
      slots,
      prompt: input.prompt ?? '',
      tags: input.tags ?? { client: '', project: '', deliverable: '' },
      settings: input.settings,
      learned,
      combined: combinedEstimate(slots, learned),
      error: null,
      refs: { primary: null, secondary: null },
      phases: { primary: null, secondary: null },
    };
  },
  on: { 'xstate.snapshot.*': { actions: 'assignSlotPhase' } },
  initial: 'editing',
  states: {
    editing: {
      tags: ['editable'],
      on: {
        SET_MODEL: { actions: 'assignSlot' },
        SET_PARAMS: { actions: 'assignSlot' },
        SET_PROMPT: { actions: assign({ prompt: ({ event }) => event.prompt }) },
        SET_TAGS: { actions: assign({ tags: ({ event }) => event.tags }) },
        // Thresholds and confirm-unpriced saved in Settings count for the next GENERATE (slots get them at spawn).
        SET_SETTINGS: { actions: assign({ settings: ({ event }) => event.settings }) },
        SET_LEARNED: { actions: 'assignLearned' },
        MODELS_LICENSED: { actions: 'assignLicences' },
        GENERATE: [
          // A clear error before anything is sent: same model twice, or two kinds of media.
          { guard: 'isInvalidPair', actions: 'assignPairError' },
          { guard: and(['isSendable', 'isOverThreshold']), target: 'confirming' },
          { guard: 'isSendable', target: 'running', actions: 'spawnSlots' },
        ],
      },
    },
    confirming: {
      tags: ['confirming'],
      on: {
        CONTINUE: { target: 'running', actions: 'spawnSlots' },
        CANCEL: 'editing',
        // Nothing is sent yet, so the pair still follows Settings; once sent (running) it keeps what it was sent with.
        SET_SETTINGS: { actions: assign({ settings: ({ event }) => event.settings }) },
        MODELS_LICENSED: { actions: 'assignLicences' },
      },
    },
    running: {
      tags: ['busy'],
      always: { guard: 'haveBothEnded', target: 'finished' },
      on: {
        // Both slots leave the foreground together (an ended one too), so the pair frees the form.
        BACKGROUND: {
          actions: [
            { type: 'sendToSlot', params: { slot: 'primary', type: 'BACKGROUND' } },
            { type: 'sendToSlot', params: { slot: 'secondary', type: 'BACKGROUND' } },
          ],
        },
        CANCEL_SLOT: {
          actions: { type: 'sendToSlot', params: ({ event }) => ({ slot: event.slot, type: 'CANCEL' }) },
        },
        RETRY_SLOT: {
          guard: { type: 'hasSlotFailed', params: ({ event }) => event },
          actions: [
            { type: 'assignSlotRestarted', params: ({ event }) => event },
            { type: 'sendToSlot', params: ({ event }) => ({ slot: event.slot, type: 'RETRY' }) },
          ],
        },
      },
    },
    finished: {
      tags: ['finished'],
      on: {
        // Retry one failed slot: the other keeps its result; the pair runs again until that slot ends.
        RETRY_SLOT: {
          guard: { type: 'hasSlotFailed', params: ({ event }) => event },
          target: 'running',
          actions: [
            { type: 'assignSlotRestarted', params: ({ event }) => event },
            { type: 'sendToSlot', params: ({ event }) => ({ slot: event.slot, type: 'RETRY' }) },
          ],
        },
      },
    },
  },
});

/** A Dual Mode pair. */
export type DualGenerationActorRef = ActorRefFrom<typeof dualGenerationMachine>;

/** A Dual Mode pair's snapshot. */
export type DualGenerationSnapshot = SnapshotFrom<typeof dualGenerationMachine>;
