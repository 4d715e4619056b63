import type { ActorSystem, ActorSystemInfo } from 'xstate';
import type { LedgerEvent } from '../domain/index.ts';

/**
 * Ports: the small interfaces the generation machines' actors need from the outside world. Adapters in
 * src/fal, src/persistence, src/cep and src/ui/wiring.ts satisfy them structurally and never import from
 * src/machines, so a machine can be run over fakes. Tests pass fakes from tests/fixtures/machines.
 */

/** One fal queue status poll; `error` is fal's text when a COMPLETED run failed, else null. */
export interface FalStatusReply {
  status: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED';
  /** Requests ahead of this one while IN_QUEUE, else null. */
  queuePosition: number | null;
  /** Log lines so far (fal sends the full list on each poll). */
  logs: string[];
  error: string | null;
}

/** What fal answered to a cancel; ALREADY_COMPLETED means the run finished and is billed. */
export type FalCancelReply = 'OK' | 'CANCELLATION_REQUESTED' | 'ALREADY_COMPLETED' | 'NOT_FOUND';

/**
 * fal's queue as the machines use it; mirrors `FalGateway` from src/fal structurally. Failures are thrown
 * as classified errors carrying `kind`, `charged` and `retryable` (src/fal FalError).
 */
export interface FalPort {
  /** `intentId`: the generation whose `generation.requested` is on disk (the backend refuses others). */
  submit(
    endpointId: string,
    input: Record<string, unknown>,
    intentId: string,
  ): Promise<{ requestId: string; queuePosition: number | null }>;
  status(endpointId: string, requestId: string): Promise<FalStatusReply>;
  /** Re-readable for days; `billableUnits` is fal's `x-fal-billable-units`, null when not reported. */
  result(
    endpointId: string,
    requestId: string,
  ): Promise<{ data: unknown; billableUnits: number | null; billAs: string | null }>;
  cancel(endpointId: string, requestId: string): Promise<FalCancelReply>;
}

/** A ledger event before the store stamps the current reset epoch on it. */
export type LedgerEventDraft = LedgerEvent extends infer E
  ? E extends unknown
    ? Omit<E, 'epoch'>
    : never
  : never;

/**
 * Appends facts to the ledger. Idempotent by event id (the machines derive ids from the generation id,
 * so recording the same fact twice after a restore adds nothing). Resolves once the events are queued
 * for disk (the persistence machine owns retries); rejects only when they could not even be queued.
 */
export interface LedgerPort {
  record(events: readonly LedgerEventDraft[]): Promise<void>;
  /**
   * Write-ahead for money: resolves only once the disk acknowledged every event (an acknowledgement
   * means "on disk"); rejects with the reason when it could not be written or was refused.
   */
  recordDurably(events: readonly LedgerEventDraft[]): Promise<void>;
}

/** Where imported media goes: Premiere's project in CEP, a saved file in the browser. */
export interface HostImportPort {
  /** Downloads `url` and imports it; resolves with the local path (or file name) it was saved as. */
  importMedia(request: { url: string; fileName: string; category: string }): Promise<{ path: string }>;
}

/** The wall clock, injected so machines stay deterministic; ISO 8601 with offset. */
export interface ClockPort {
  now(): string;
}

/** Cache slot for the persisted Active generations snapshot (localforage in the panel). */
export interface SnapshotStorePort {
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

/**
 * Where a run's facts go: a ledger port, or one found in the actor system the run lives in. The panel
 * uses the second, so a run writes through the panel's own persistence actor (one system, no wiring in
 * React); tests and tools pass a port.
 */
export type LedgerSource = LedgerPort | { inSystem(system: ActorSystem<ActorSystemInfo>): LedgerPort };

/** The ledger port of `source` for an actor running in `system`. */
export function ledgerIn(source: LedgerSource, system: ActorSystem<ActorSystemInfo>): LedgerPort {
  return 'inSystem' in source ? source.inSystem(system) : source;
}
