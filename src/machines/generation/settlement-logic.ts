import type { ClockPort, FalPort, LedgerSource } from '../ports.ts';
import { settlementMachine } from './settlement.machine.ts';
import { defineRecordLedgerActor } from './record-ledger.actor.ts';
import { defineRereadResultActor } from './reread-result.actor.ts';
import { defineTickClockActor } from './tick-clock.actor.ts';

/** What settlement needs from outside: fal (result re-reads), the ledger and the clock. */
export interface SettlementDeps {
  fal: Pick<FalPort, 'result'>;
  ledger: LedgerSource;
  clock: ClockPort;
  /** Milliseconds between clock ticks; default 30 s. */
  tickMs?: number;
  requestTimeoutMs?: number;
}

/** The settlement machine with its actors wired to real ports (composition root, integration tests). */
export function defineSettlementLogic(deps: SettlementDeps): typeof settlementMachine {
  return settlementMachine.provide({
    actors: {
      rereadResult: defineRereadResultActor(deps),
      tickClock: defineTickClockActor({ clock: deps.clock, intervalMs: deps.tickMs ?? 30_000 }),
      recordLedger: defineRecordLedgerActor(deps),
    },
  });
}
