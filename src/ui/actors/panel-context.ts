import { createActorContext, useSelector } from '@xstate/react';
import type { AnyActorRef, SnapshotFrom } from 'xstate';
import { type PanelChildKey, type PanelContext, panelMachine } from '../../machines/panel/panel.machine.ts';

/**
 * The panel's one actor: `Provider` (the composition root passes the panel logic with its actors
 * provided, and its input), `useSelector`, `useActorRef`. Views read its children through the hooks
 * below and send them events; no component forwards events between actors.
 */
export const PanelActorContext = createActorContext(panelMachine);

/** The panel's children a view can read and talk to. */
export type PanelChild = PanelChildKey;

/** The child actor `key` of the panel (a new ref after Active generations were cleared). */
export function usePanelActor<K extends PanelChild>(key: K): PanelContext[K] {
  return PanelActorContext.useSelector((snapshot) => snapshot.context[key] as PanelContext[K]);
}

/** A value selected from the panel child `key`'s snapshot; re-renders only when it changes. */
export function usePanelSelector<K extends PanelChild, T>(
  key: K,
  selector: (snapshot: SnapshotFrom<PanelContext[K]>) => T,
  compare?: (a: T, b: T) => boolean,
): T {
  // The snapshot type follows K; TypeScript cannot see that through the generic, the signature says it.
  const actor: Pick<AnyActorRef, 'subscribe' | 'getSnapshot'> = usePanelActor(key);
  return useSelector(actor, selector as (snapshot: unknown) => T, compare);
}
