import { type CallbackActorLogic, type EventObject, fromCallback } from 'xstate';
import { pollFailure, toRunFailure } from './generation-failure.ts';
import type { PollFailedEvent, RequestRef, StatusEvent } from './generation-run.contract.ts';
import type { ClockPort, FalPort } from '../ports.ts';
import { withTimeout } from './with-timeout.ts';

/** Dependencies of `watchStatus`: fal's queue (only `status`), the clock and the polling rhythm. */
export interface WatchStatusDeps {
  fal: Pick<FalPort, 'status'>;
  clock: ClockPort;
  /** Pause between polls in ms (the product polls about every few seconds; 30 s in recovery). */
  intervalMs: number;
  /** Deadline of one poll in ms; default 30 s. */
  requestTimeoutMs?: number;
  /** Consecutive retryable failures tolerated before giving up; default 5. */
  maxFailures?: number;
}

/**
 * Polls fal's status of one request until COMPLETED, sending back STATUS (with the clock's time) after
 * every poll, or POLL_FAILED once a failure is not retryable or keeps happening. Stops on cleanup.
 */
export function defineWatchStatusActor(deps: WatchStatusDeps): CallbackActorLogic<EventObject, RequestRef> {
  return fromCallback<EventObject, RequestRef>(({ input, sendBack }) => {
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      if (!stopped) timer = setTimeout(poll, deps.intervalMs);
    };
    const poll = async () => {
      try {
        const call = deps.fal.status(input.endpointId, input.requestId);
        const reply = await withTimeout(call, deps.requestTimeoutMs ?? 30_000, 'a status check');
        if (stopped) return;
        failures = 0;
        sendBack({ type: 'STATUS', ...reply, at: deps.clock.now() } satisfies StatusEvent);
        if (reply.status !== 'COMPLETED') next();
      } catch (error) {
        if (stopped) return;
        const failure = toRunFailure(error, deps.clock.now());
        failures += 1;
        if (failure.retryable && failures < (deps.maxFailures ?? 5)) return next();
        sendBack({ type: 'POLL_FAILED', failure: pollFailure(failure) } satisfies PollFailedEvent);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  });
}
