import { LEDGER_SCHEMA_VERSION } from '../domain/ledger/events.ts';
import type { StoredEvent } from './stored-event.ts';

/** Upgrades one stored event from schema version `n` to `n + 1`. */
export type EventMigration = (event: StoredEvent) => StoredEvent;

/**
 * Migrations by source version. v0 → v1 is a placeholder (v0 existed only in pre-release builds and had
 * the same shape); the journal backs up before any migration runs and then rewrites the files as v1.
 */
export const eventMigrations: Readonly<Record<number, EventMigration>> = {
  0: (event) => ({ ...event, v: 1 }),
};

/** Brings an event up to LEDGER_SCHEMA_VERSION; throws naming the version when no migration exists. */
export function migrateEvent(event: StoredEvent): StoredEvent {
  let current = event;
  while (current.v < LEDGER_SCHEMA_VERSION) {
    const step = eventMigrations[current.v];
    if (!step) throw new Error(`No migration from ledger schema v${current.v} (event ${current.id}).`);
    current = step(current);
  }
  return current;
}
