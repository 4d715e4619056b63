import { createContext, useContext } from 'react';
import { type CatalogModel, catalog, localIsoTimestamp } from '../../domain/index.ts';
import { DEFAULT_FORM_MODEL } from '../../machines/generation/form-draft.ts';
import {
  DEFAULT_GENERATION_SETTINGS,
  type GenerationSettings,
} from '../../machines/generation/generation-settings.ts';

/**
 * What the Generate form is made of. The form is not an actor of its own: it is the newest draft
 * generation (or Dual Mode pair) in the Active generations actor, which keeps it, so the actor the
 * user confirmed is the one that runs, is persisted and shows as a row (no hand-off between actors).
 * Views read only `models` (what the pickers offer); the panel's fixtures start the form from the rest
 * (the app's panel takes ids, settings and the clock from the composition root).
 */
export interface GenerateFormDeps {
  /** A new unique id for a generation or a Dual Mode group (the ledger's genId; never reused). */
  newId: () => string;
  /** Thresholds (micro-USD), FX snapshot, foreground windows and polling cap from Settings. */
  settings: GenerationSettings;
  /** The models the pickers offer, grouped by category in the view. @default the shipped catalog */
  models: readonly CatalogModel[];
  /** The model of the very first draft. @default FLUX.1 [dev] (cheap), else the first model */
  defaultModel: CatalogModel;
  /** The current time as ISO: where the learned estimates' 60-day window ends. @default the wall clock */
  now: () => string;
}

/** A random v4-style id; randomUUID needs a secure context, so fall back to getRandomValues. */
function randomId(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0'));
  return `${hex.slice(0, 4).join('')}-${hex.slice(4, 6).join('')}-${hex.slice(6, 8).join('')}-${hex.slice(8, 10).join('')}-${hex.slice(10).join('')}`;
}

/** Default deps: random UUID ids, default settings, the shipped catalog, the wall clock. */
export const DEFAULT_GENERATE_FORM_DEPS: GenerateFormDeps = Object.freeze({
  newId: randomId,
  settings: DEFAULT_GENERATION_SETTINGS,
  models: catalog,
  defaultModel: DEFAULT_FORM_MODEL,
  now: () => localIsoTimestamp(new Date()),
});

/** Generate-form deps for the views; the composition root provides the user's settings. */
export const GenerateFormContext = createContext<GenerateFormDeps>(DEFAULT_GENERATE_FORM_DEPS);

/** The Generate form's deps from GenerateFormContext (defaults when no Provider is above). */
export function useGenerateFormDeps(): GenerateFormDeps {
  return useContext(GenerateFormContext);
}
