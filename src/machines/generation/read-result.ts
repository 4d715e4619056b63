import type { ClockPort, FalPort } from '../ports.ts';
import type { RequestRef } from './generation-run.contract.ts';
import { withTimeout } from './with-timeout.ts';

/** Dependencies of an actor that reads a request's result: fal's queue (only `result`) and the clock. */
export interface ReadResultDeps {
  fal: Pick<FalPort, 'result'>;
  clock: ClockPort;
  /** Deadline of the result fetch in ms; default 30 s. */
  requestTimeoutMs?: number;
}

/**
 * Calls fal's `result` for a request within the deadline; `what` names the call in the timeout's
 * message ("fal did not answer <what> within 30 s"). Rejects with fal's error or the timeout.
 */
export function readResult(
  deps: ReadResultDeps,
  { endpointId, requestId }: RequestRef,
  what: string,
): ReturnType<FalPort['result']> {
  return withTimeout(deps.fal.result(endpointId, requestId), deps.requestTimeoutMs ?? 30_000, what);
}
