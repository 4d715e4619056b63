import { useCallback, useMemo } from 'react';
import { type CatalogModel, overlayLicences } from '../../../domain/index.ts';
import type { ActiveEntry } from '../../../machines/generation/active-generations.notices.ts';
import { selectFormLicences } from '../../../machines/generation/active-generations.selectors.ts';
import { formEntryOf } from '../../../machines/generation/form-draft.ts';
import { useGenerateFormDeps } from '../../actors/generation-context.ts';
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
 * The models the pickers offer: the form deps' models with the licences the form knows laid over them
 * (the catalog's until the backend's are read). The draft's own model takes them in its machine.
 */
export function useOfferedModels(): readonly CatalogModel[] {
  const { models } = useGenerateFormDeps();
  const licences = usePanelSelector('activeGenerations', selectFormLicences);
  return useMemo(() => overlayLicences(models, licences), [models, licences]);
}
