import { useCallback, useEffect } from 'react';
import { type CatalogModel, relicensedModel } from '../../../domain/index.ts';
import type { ActiveEntry } from '../../../machines/generation/active-generations.notices.ts';
import { formEntryOf } from '../../../machines/generation/form-draft.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

/**
 * The Generate form's entry: the newest generation or pair in the Active generations actor, which
 * keeps it a draft (a copy with new ids once the last one was sent and left the foreground); null
 * only before the panel attached the form.
 */
export function useFormEntry(): ActiveEntry | null {
  return usePanelSelector('activeGenerations', (s) => formEntryOf(s.context.entries));
}

/** Switches the draft between one model and a Dual Mode pair (the machine ignores it once sent). */
export function useDualModeSwitch(): (dual: boolean) => void {
  const active = usePanelActor('activeGenerations');
  return useCallback((dual: boolean) => active.send({ type: 'FORM_DUAL', dual }), [active]);
}

/**
 * Forwards licences that arrived after the draft chose its model (fal's live answer, read by the
 * backend after the panel started): while `editable`, the draft's model takes the offered model's
 * licence with its inputs kept, so the badge and the recorded licence follow it.
 */
export function useLiveLicence(
  model: CatalogModel | null,
  offered: readonly CatalogModel[],
  editable: boolean,
  setModel: (model: CatalogModel) => void,
): void {
  useEffect(() => {
    if (!editable) return;
    const fresh = relicensedModel(model, offered);
    if (fresh !== null) setModel(fresh);
  }, [model, offered, editable, setModel]);
}
