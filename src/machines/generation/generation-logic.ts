import { generationFetchMachine } from './generation-fetch.machine.ts';
import { generationMachine } from './generation.machine.ts';
import { generationRunMachine } from './generation-run.machine.ts';
import type { ClockPort, FalPort, HostImportPort, LedgerSource } from '../ports.ts';
import { defineCancelRequestActor } from './cancel-request.actor.ts';
import { defineFetchResultActor } from './fetch-result.actor.ts';
import { defineImportMediaActor } from './import-media.actor.ts';
import { defineRecordIntentActor } from './record-intent.actor.ts';
import { defineRecordLedgerActor } from './record-ledger.actor.ts';
import { defineSubmitRequestActor } from './submit-request.actor.ts';
import { defineWatchStatusActor } from './watch-status.actor.ts';

/** Everything a generation needs from outside: fal, the ledger, the host import and the clock. */
export interface GenerationDeps {
  fal: FalPort;
  ledger: LedgerSource;
  host: HostImportPort;
  clock: ClockPort;
  /** Pause between status polls in ms; default 2 s. */
  pollIntervalMs?: number;
  /** Deadline of one fal call in ms; default 30 s (modelbridge-docs.md §5). */
  requestTimeoutMs?: number;
}

/**
 * The generation machine with every actor wired to real ports: what the composition root (and the
 * Dual Mode and Active generations machines, through their `generation` actor) runs.
 */
export function defineGenerationLogic(deps: GenerationDeps): typeof generationMachine {
  const { fal, clock, requestTimeoutMs } = deps;
  const recordLedger = defineRecordLedgerActor(deps);
  const run = generationRunMachine.provide({
    actors: {
      recordIntent: defineRecordIntentActor(deps),
      submitRequest: defineSubmitRequestActor(deps),
      watchStatus: defineWatchStatusActor({
        fal,
        clock,
        intervalMs: deps.pollIntervalMs ?? 2_000,
        requestTimeoutMs,
      }),
      cancelRequest: defineCancelRequestActor(deps),
      recordLedger,
    },
  });
  const fetch = generationFetchMachine.provide({
    actors: {
      fetchResult: defineFetchResultActor({ fal, clock, requestTimeoutMs }),
      importMedia: defineImportMediaActor(deps),
      recordLedger,
    },
  });
  return generationMachine.provide({ actors: { generationRun: run, generationFetch: fetch } });
}
