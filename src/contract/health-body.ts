import type { LedgerLoadProgress } from './ledger-query-bodies.ts';

/** Body of `GET /api/health` (part of the HTTP contract between panel and backend). */
export interface HealthResponse {
  ok: true;
  version: string;
  sandbox: boolean;
  dataDir: string;
  /** Files from a newer schema: readable, never written. */
  readOnly: boolean;
  /** Whether a write would be accepted right now (not read-only, lock still held). */
  writable: boolean;
  /** Why not, for people; null when writable. */
  notWritableReason: string | null;
  recovery: unknown;
  /** The read model's load at start: queries answer 503 `LEDGER_LOADING` until `phase` is `ready`. */
  ledger: LedgerLoadProgress;
}
