import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { AnyActorRef } from 'xstate';
import type { ActiveEntry } from '../../../machines/generation/active-generations.notices.ts';
import { ActiveGenerationsActorContext } from '../../actors/active-generations-context.ts';
import { useGenerateFormDeps } from '../../actors/generation-context.ts';
import { draftEvent, fieldsOf, nextDraftEvent, switchedFields } from './draft.ts';
import { isEntryFree, selectFormEntry } from './generate-selectors.ts';

/** The Generate form's entry (newest generation or pair in the Active generations actor), or null. */
export function useFormEntry(): ActiveEntry | null {
  return ActiveGenerationsActorContext.useSelector(selectFormEntry);
}

const never = () => () => {};

/** True when the entry no longer holds the form (see isEntryFree); follows the entry's snapshots. */
export function useEntryFree(entry: ActiveEntry | null): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (entry === null) return never();
      // Both kinds of entry are actors; a pair also changes when one of its slots does (syncSnapshot).
      const subscription = (entry.ref as AnyActorRef).subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    [entry],
  );
  return useSyncExternalStore(subscribe, () => isEntryFree(entry));
}

/**
 * Keeps a draft in the form: when there is no entry, or the newest one was sent and ended or moved to
 * the background, it forwards that as ADD / ADD_DUAL of a copy with new ids (the form is free again,
 * modelbridge-docs.md §5). Idempotent: it checks the live snapshot, so StrictMode's second run adds nothing.
 */
export function useDraftKeeper(): void {
  const active = ActiveGenerationsActorContext.useActorRef();
  const deps = useGenerateFormDeps();
  const free = useEntryFree(useFormEntry());
  useEffect(() => {
    if (!free) return;
    const entry = selectFormEntry(active.getSnapshot());
    if (entry !== null && !isEntryFree(entry)) return;
    active.send(nextDraftEvent(entry, deps));
  }, [free, active, deps]);
}

/**
 * Switches the draft between one model and a Dual Mode pair: adds the other kind of draft with the same
 * fields, then drops the old draft (nothing was sent, so nothing is recorded). Ignored unless editable.
 */
export function useDualModeSwitch(): (dual: boolean) => void {
  const active = ActiveGenerationsActorContext.useActorRef();
  const deps = useGenerateFormDeps();
  return useCallback(
    (dual: boolean) => {
      const entry = selectFormEntry(active.getSnapshot());
      if (entry === null || (entry.kind === 'dual') === dual) return;
      if (!entry.ref.getSnapshot().hasTag('editable')) return;
      active.send(draftEvent(switchedFields(fieldsOf(entry), dual), deps));
      active.send({ type: 'DISMISS', id: entry.id });
    },
    [active, deps],
  );
}
