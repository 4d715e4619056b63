import type { Tags } from '../../../domain/index.ts';
import type { CatalogModel } from '../../../domain/index.ts';
import type { ActiveGenerationsEvent } from '../../../machines/generation/active-generations.machine.ts';
import type { ActiveEntry } from '../../../machines/generation/active-generations.notices.ts';
import type { GenerateFormDeps } from '../../actors/generation-context.ts';

/**
 * How the Generate form's drafts are made: the first from the default model, each next one as a copy of
 * the form it follows (model, inputs, prompt, tags), and the switch between a single draft and a Dual
 * Mode pair. Pure: ids and settings come from GenerateFormDeps.
 */

/** The fields a draft carries over: one model's form, or a pair's. */
export interface DraftFields {
  model: CatalogModel;
  params: Record<string, unknown>;
  prompt: string;
  tags: Tags;
  /** The second model of a pair (null until chosen), or undefined for a single draft. */
  secondary?: { model: CatalogModel | null; params: Record<string, unknown> };
}

const NO_TAGS: Tags = { client: '', project: '', deliverable: '' };

/** The fields of an entry as it is now (a pair's primary slot always has a model). */
export function fieldsOf(entry: ActiveEntry): DraftFields {
  if (entry.kind === 'single') {
    const { model, params, prompt, tags } = entry.ref.getSnapshot().context;
    return { model, params, prompt, tags };
  }
  const { slots, prompt, tags } = entry.ref.getSnapshot().context;
  return {
    model: slots.primary.model as CatalogModel,
    params: slots.primary.params,
    prompt,
    tags,
    secondary: { model: slots.secondary.model, params: slots.secondary.params },
  };
}

/** The fields of the very first draft: the default model with its documented defaults. */
export function firstFields(deps: GenerateFormDeps): DraftFields {
  return { model: deps.defaultModel, params: {}, prompt: '', tags: NO_TAGS };
}

/** The event that adds a draft with `fields`: ADD for a single model, ADD_DUAL for a pair. */
export function draftEvent(fields: DraftFields, deps: GenerateFormDeps): ActiveGenerationsEvent {
  const { model, params, prompt, tags, secondary } = fields;
  const { settings } = deps;
  if (secondary === undefined) {
    return { type: 'ADD', input: { genId: deps.newId(), model, params, prompt, tags, settings } };
  }
  return {
    type: 'ADD_DUAL',
    input: {
      groupId: deps.newId(),
      primary: { genId: deps.newId(), model, params },
      secondary: { genId: deps.newId(), model: secondary.model, params: secondary.params },
      prompt,
      tags,
      settings,
    },
  };
}

/** The next draft after `entry` (or the first draft): same fields, new ids. */
export function nextDraftEvent(entry: ActiveEntry | null, deps: GenerateFormDeps): ActiveGenerationsEvent {
  return draftEvent(entry === null ? firstFields(deps) : fieldsOf(entry), deps);
}

/**
 * The fields after switching Dual Mode: on keeps the model as the primary slot with no second model
 * yet; off keeps the primary slot as the single model.
 */
export function switchedFields(fields: DraftFields, dual: boolean): DraftFields {
  const { secondary: _secondary, ...single } = fields;
  return dual ? { ...single, secondary: { model: null, params: {} } } : single;
}
