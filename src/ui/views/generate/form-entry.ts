import { useCallback } from 'react';
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
