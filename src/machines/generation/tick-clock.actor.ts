import { type CallbackActorLogic, type EventObject, fromCallback } from 'xstate';
import type { ClockPort } from '../ports.ts';

/** Dependencies of `tickClock`: the clock and how often to tick. */
export interface TickClockDeps {
  clock: ClockPort;
  /** Milliseconds between ticks; 30 s is plenty for a 1-minute backoff. */
  intervalMs: number;
}

/** Sends TICK with the clock's time at once and then every `intervalMs`, until cleanup. */
export function defineTickClockActor(
  deps: TickClockDeps,
): CallbackActorLogic<EventObject, Record<string, never>> {
  return fromCallback<EventObject, Record<string, never>>(({ sendBack }) => {
    const tick = () => sendBack({ type: 'TICK', at: deps.clock.now() });
    tick();
    const timer = setInterval(tick, deps.intervalMs);
    return () => clearInterval(timer);
  });
}
