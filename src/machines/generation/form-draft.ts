import {
  type CatalogModel,
  catalog,
  findModel,
  type LearnedRuns,
  type ModelLicence,
  relicensedModel,
  type Tags,
} from '../../domain/index.ts';
import type { ActiveEntry } from './active-generations.notices.ts';
import type { DualGenerationInput, DualGenerationSnapshot } from './dual-generation.machine.ts';
import type { GenerationInput } from './generation.machine.ts';
import type { GenerationSettings } from './generation-settings.ts';

/**
 * The Generate form's draft, kept by the Active generations machine: the newest entry is the form;
 * once it was sent and ended or moved to the background, a copy of it (model, inputs, prompt, tags)
 * with new ids becomes the form. Ids derive from a per-panel root and a counter the machine holds, so
 * a restored list goes on with its own sequence and ids are never reused.
 */

/** What new drafts are made from; the panel attaches it. */
export interface FormSource {
  /** Unique per panel start: new generation and group ids are `<idRoot>-<n>`. */
  idRoot: string;
  /** Thresholds, FX, windows and polling cap of new drafts (the current draft gets changes too). */
  settings: GenerationSettings;
  /** The model of the very first draft. */
  defaultModel: CatalogModel;
  /**
   * The backend's resolved licences once read (fal's live answer, else the seed); absent or null until
   * then, or when they could not be read: drafts keep the licence their model came with.
   */
  licences?: readonly ModelLicence[] | null;
}

/** The form's state in the Active generations context (null: no form, the list alone). */
export interface FormState extends FormSource {
  /** The number of the next id. */
  nextId: number;
  /** The user's metered runs for learned estimates, as last sent; new drafts start with them. */
  learned: LearnedRuns | null;
}

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

/** The model of the very first draft: FLUX.1 [dev] (cheap), else the catalog's first. */
export const DEFAULT_FORM_MODEL: CatalogModel =
  findModel('fal-ai/flux-1/dev') ?? (catalog[0] as CatalogModel);

/** The form's entry: the newest generation or pair (a draft, or the run it became). */
export function formEntryOf(entries: readonly ActiveEntry[]): ActiveEntry | null {
  return entries[entries.length - 1] ?? null;
}

/** True while the pair holds the form: running, and not every slot has moved to the background. */
export function isPairForegroundBusy(s: DualGenerationSnapshot): boolean {
  if (!s.hasTag('busy')) return false;
  const refs = Object.values(s.context.refs);
  return !refs.every((ref) => ref?.getSnapshot().context.background === true);
}

/**
 * True when the form entry no longer holds the form, so a new draft may be made: it was sent and has
 * ended or moved to the background. Reads the entry's live snapshot (a pair's slots included).
 */
export function isEntryFree(entry: ActiveEntry | null): boolean {
  if (entry === null) return true;
  if (isEntryUnsent(entry)) return false;
  if (entry.kind === 'single') {
    const s = entry.ref.getSnapshot();
    return s.hasTag('finished') || s.context.background;
  }
  const s = entry.ref.getSnapshot();
  return s.hasTag('finished') || !isPairForegroundBusy(s);
}

/** True while nothing of the entry was sent: a draft being edited or waiting in its dialog. */
export function isEntryUnsent(entry: ActiveEntry): boolean {
  const s = entry.ref.getSnapshot();
  return s.hasTag('editable') || s.hasTag('confirming');
}

/** True while the entry is a draft the user edits (nothing sent). */
export function isEntryEditable(entry: ActiveEntry | null): boolean {
  return entry?.ref.getSnapshot().hasTag('editable') === true;
}

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
export function firstFields(form: FormSource): DraftFields {
  return { model: form.defaultModel, params: {}, prompt: '', tags: NO_TAGS };
}

/**
 * The fields after switching Dual Mode: on keeps the model as the primary slot with no second model
 * yet; off keeps the primary slot as the single model.
 */
export function switchedFields(fields: DraftFields, dual: boolean): DraftFields {
  const { secondary: _secondary, ...single } = fields;
  return dual ? { ...single, secondary: { model: null, params: {} } } : single;
}

/** The counter after every id `<idRoot>-<n>` the entries already use (a restored list, a fixture's). */
export function nextIdAfter(idRoot: string, entries: readonly ActiveEntry[]): number {
  let next = 1;
  const ids = entries.flatMap((entry) =>
    entry.kind === 'single'
      ? [entry.id]
      : [entry.id, ...Object.values(entry.ref.getSnapshot().context.slots).map((slot) => slot.genId)],
  );
  for (const id of ids) {
    if (!id.startsWith(`${idRoot}-`)) continue;
    const n = Number(id.slice(idRoot.length + 1));
    if (Number.isInteger(n) && n >= next) next = n + 1;
  }
  return next;
}

/** An entry to spawn: one generation or a Dual Mode pair. */
export type EntrySpawn =
  { kind: 'single'; input: GenerationInput } | { kind: 'dual'; input: DualGenerationInput };

/** A draft to spawn, and the form with its counter moved on. */
export type DraftSpawn = EntrySpawn & { form: FormState };

/**
 * The draft with `fields`, new ids from `form`, its settings and learned runs, and its models under the
 * licences the form knows (a copy of a run sent before they arrived takes the live one).
 */
export function draftOf(fields: DraftFields, form: FormState): DraftSpawn {
  const id = (offset: number) => `${form.idRoot}-${form.nextId + offset}`;
  const { params, prompt, tags } = fields;
  const licences = form.licences ?? null;
  const model = relicensedModel(fields.model, licences);
  const secondary = fields.secondary && {
    ...fields.secondary,
    model: relicensedModel(fields.secondary.model, licences),
  };
  const { settings, learned } = form;
  if (secondary === undefined) {
    const input = { genId: id(0), model, params, prompt, tags, settings, learned };
    return { kind: 'single', input, form: { ...form, nextId: form.nextId + 1 } };
  }
  const input: DualGenerationInput = {
    groupId: id(0),
    primary: { genId: id(1), model, params },
    secondary: { genId: id(2), model: secondary.model, params: secondary.params },
    prompt,
    tags,
    settings,
    learned,
  };
  return { kind: 'dual', input, form: { ...form, nextId: form.nextId + 3 } };
}
