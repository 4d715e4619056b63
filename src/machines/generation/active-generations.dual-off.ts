import { createActor } from 'xstate';
import type { CatalogModel, LearnedRuns, Tags } from '../../domain/index.ts';
import { type GenerationInput, generationMachine } from './generation.machine.ts';
import type { GenerationSettings } from './generation-settings.ts';

/**
 * Dual Mode is on when the Generate form's entry (the newest one) is a pair, and that entry is saved with
 * the Active generations snapshot. A reload must never bring back, unseen, a setting that sends the next
 * run to two models, so a restored snapshot always opens the form on a single-model draft with the
 * pair's first model, inputs, prompt and tags. The second model is not kept: turning Dual Mode on again
 * asks for it, so doubling the cost is a fresh, visible choice.
 */

/** The parts of a saved snapshot this reads and rewrites (validated before by the persistence schemas). */
export interface SavedRoot {
  context: {
    entries: Array<{ kind: 'single' | 'dual'; id: string; ref: Record<string, unknown> }>;
    rows: Array<Record<string, unknown> & { genId: string; entryId: string }>;
    notices: unknown[];
  };
  children: Record<string, { src: string; snapshot: Record<string, unknown> }>;
}

/** A saved pair's form, as the Dual Mode machine keeps it. */
interface SavedPair {
  value: unknown;
  context: {
    groupId: string;
    slots: { primary: { genId: string; model: CatalogModel; params: Record<string, unknown> } };
    prompt: string;
    tags: Tags;
    settings: GenerationSettings;
    learned?: LearnedRuns | null;
  };
}

// A pair in these states has sent nothing: it is only the form's draft.
const UNSENT = ['editing', 'confirming'];

/** The saved child of a fresh single-model draft, as getPersistedSnapshot() writes it. */
function draftChild(input: GenerationInput) {
  const snapshot = createActor(generationMachine, { input }).getPersistedSnapshot();
  return { snapshot: snapshot as unknown as Record<string, unknown>, src: 'generation', syncSnapshot: true };
}

/**
 * The saved snapshot with Dual Mode off: an unsent pair draft becomes a single draft under its first
 * slot's id (never sent, so never in the ledger); a sent pair keeps running and a single draft is added
 * after it, so the form is free of it. A snapshot whose form entry is a single model is returned as is.
 */
export function withDualModeOff<T extends SavedRoot>(root: T): T {
  const last = root.context.entries[root.context.entries.length - 1];
  if (last === undefined || last.kind !== 'dual') return root;
  const pair = root.children[last.id]?.snapshot as unknown as SavedPair | undefined;
  if (pair === undefined) return root;
  const unsent = UNSENT.includes(String(pair.value));
  const { groupId, slots, prompt, tags, settings, learned } = pair.context;
  const { model, params } = slots.primary;
  // A sent pair's first slot id is in the ledger; the draft after it gets one derived from the pair's.
  const genId = unsent ? slots.primary.genId : `${groupId}-single`;
  const input = { genId, model, params, prompt, tags, settings, learned: learned ?? null };
  const entry = { kind: 'single' as const, id: genId, ref: { ...last.ref, id: genId } };
  const row = { genId, entryId: genId, slot: null, phase: 'editing', modelName: model.display_name };
  const keep = <E extends { entryId?: string; id?: string }>(list: E[], key: 'entryId' | 'id') =>
    unsent ? list.filter((item) => item[key] !== last.id) : list;
  const { [last.id]: _draftPair, ...others } = root.children;
  const children = unsent ? others : root.children;
  return {
    ...root,
    context: {
      ...root.context,
      entries: [...keep(root.context.entries, 'id'), entry],
      rows: [...keep(root.context.rows, 'entryId'), row],
    },
    children: { ...children, [genId]: draftChild(input) },
  };
}
