import { useSelector } from '@xstate/react';
import { useCallback, useSyncExternalStore } from 'react';
import type { AnyActorRef, EventObject } from 'xstate';
import type { ActiveRow } from '../../../machines/generation/active-generations.notices.ts';
import type { DualGenerationActorRef } from '../../../machines/generation/dual-generation.machine.ts';
import type { GenerationActorRef } from '../../../machines/generation/generation.machine.ts';
import { selectCanCancel } from './active-selectors.ts';
import { usePanelActor } from '../../actors/panel-context.ts';

/** What a row's buttons may do now, asked of the machines (`can()`, tags), and how to do it. */
export interface RowCommands {
  canCancel: boolean;
  canRetry: boolean;
  canDismiss: boolean;
  cancel: () => void;
  retry: () => void;
  dismiss: () => void;
}

/** `ref.getSnapshot().can(event)`, followed as the actor changes. */
export function useCan(ref: AnyActorRef, event: EventObject): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = ref.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    [ref],
  );
  return useSyncExternalStore(subscribe, () => ref.getSnapshot().can(event));
}

function sendIfAccepted(ref: AnyActorRef, event: EventObject): void {
  if (ref.getSnapshot().can(event)) ref.send(event);
}

/**
 * The row's Cancel, Retry and Dismiss. A single generation gets CANCEL / RETRY itself; a Dual Mode slot
 * goes through its pair (CANCEL_SLOT / RETRY_SLOT), which tracks the slot; Dismiss drops the entry
 * (a pair as a whole) from the Active generations actor.
 */
export function useRowCommands(
  row: ActiveRow,
  generation: GenerationActorRef,
  pair: DualGenerationActorRef | null,
): RowCommands {
  const active = usePanelActor('activeGenerations');
  const slot = row.slot ?? 'primary';
  const target: AnyActorRef = pair ?? generation;
  const retryEvent = pair ? { type: 'RETRY_SLOT', slot } : { type: 'RETRY' };
  const cancelEvent = pair ? { type: 'CANCEL_SLOT', slot } : { type: 'CANCEL' };
  const dismissEvent = { type: 'DISMISS', id: row.entryId };
  const canCancel = useSelector(generation, selectCanCancel);
  const canRetry = useCan(target, retryEvent);
  const canDismiss = useCan(active, dismissEvent);
  return {
    canCancel,
    canRetry,
    canDismiss,
    cancel: () => {
      if (generation.getSnapshot().hasTag('cancellable')) target.send(cancelEvent);
    },
    retry: () => sendIfAccepted(target, retryEvent),
    dismiss: () => sendIfAccepted(active, dismissEvent),
  };
}
