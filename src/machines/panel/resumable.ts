import type {
  ActorLogic,
  ActorSystem,
  ActorSystemInfo,
  AnyStateMachine,
  EmittedFrom,
  EventFromLogic,
  InputFrom,
  Snapshot,
  SnapshotFrom,
} from 'xstate';
import { copyJson } from '../../domain/index.ts';

/** A child's input in the panel: where it resumes from (a saved snapshot), or its own input. */
export interface ResumeInput<TInput> {
  /** A persisted snapshot to start from instead of the initial state; null or absent: start fresh. */
  resume?: Snapshot<unknown> | null;
  input?: TInput;
}

/** `logic` whose first snapshot can be a saved one, chosen by whoever spawns it. */
export type Resumable<TLogic extends AnyStateMachine> = ActorLogic<
  SnapshotFrom<TLogic>,
  EventFromLogic<TLogic>,
  ResumeInput<InputFrom<TLogic>>,
  ActorSystem<ActorSystemInfo>,
  EmittedFrom<TLogic>
>;

/**
 * Lets a parent spawn `logic` from a saved snapshot. XState restores children only with their parent,
 * and `spawn` takes no snapshot; the panel must restore one child (Active generations after a reload)
 * while its siblings start fresh, so the logic itself starts from the snapshot its input names.
 * Restoring revives actor refs inside the object it is given, hence the copy.
 */
export function resumable<TLogic extends AnyStateMachine>(logic: TLogic): Resumable<TLogic> {
  return Object.create(logic, {
    getInitialSnapshot: {
      value: (
        scope: Parameters<TLogic['getInitialSnapshot']>[0],
        wrapped?: ResumeInput<InputFrom<TLogic>>,
      ) =>
        wrapped?.resume
          ? logic.restoreSnapshot(copyJson(wrapped.resume), scope)
          : logic.getInitialSnapshot(scope, wrapped?.input),
    },
  }) as Resumable<TLogic>;
}
