import {
  type CallbackActorLogic,
  type EventObject,
  fromCallback,
  fromPromise,
  type NonReducibleUnknown,
  type PromiseActorLogic,
} from 'xstate';

/**
 * Typed placeholders for the I/O actors declared in `setup`: the machine stays pure and
 * a missing wire fails loudly. Real actors come from src/machines/actors through `.provide()`.
 */

/** The message every placeholder fails with; tests match on it. */
export function notProvidedMessage(name: string): string {
  return `Actor "${name}" not provided: supply with .provide() (see src/machines/actors).`;
}

/** A promise actor that rejects at once with the not-provided message. */
export function placeholderPromise<TOutput, TInput extends NonReducibleUnknown>(
  name: string,
): PromiseActorLogic<TOutput, TInput> {
  return fromPromise<TOutput, TInput>(async () => {
    throw new Error(notProvidedMessage(name));
  });
}

/** A callback actor that throws at start with the not-provided message. */
export function placeholderCallback<TEvent extends EventObject, TInput extends NonReducibleUnknown>(
  name: string,
): CallbackActorLogic<TEvent, TInput> {
  return fromCallback<TEvent, TInput>(() => {
    throw new Error(notProvidedMessage(name));
  });
}
