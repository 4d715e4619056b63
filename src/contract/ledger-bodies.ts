import { z } from 'zod';
import type { LedgerEvent, ledgerResetSchema } from '../domain/ledger/events.ts';

/**
 * The ledger part of the HTTP contract (`/api/ledger…` and the `/api/events` stream): request and
 * response bodies, the batch limit, and the stream's event names. Routes: API_ROUTES in ./http.ts.
 */

/** Most events accepted in one `POST /api/ledger/events` batch. */
export const MAX_BATCH_EVENTS = 500;

/** Most events one page of `GET /api/ledger` holds (`?limit=` may ask for fewer). */
export const MAX_LEDGER_PAGE_EVENTS = 5_000;

/** Media type of `GET /api/ledger` as a stream: one event per line (`Accept: application/x-ndjson`). */
export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/**
 * Body of `GET /api/ledger`: one page of events in journal order; `afterNotFound` when `after` named no
 * event (the page then starts at the beginning); `next` is the `after` of the next page, null at the end.
 */
export interface LedgerResponse {
  events: LedgerEvent[];
  afterNotFound: boolean;
  next: string | null;
}

/** Request body of `POST /api/ledger/events` (at most MAX_BATCH_EVENTS events). */
export interface AppendRequest {
  events: readonly LedgerEvent[];
}

/**
 * Body of `POST /api/ledger/events`: `acknowledged` ids are on disk with exactly the content sent (new or
 * already there); `superseded` ids are from before the current reset epoch, so they are never written
 * (the reset removed them) and the panel may forget them.
 */
export interface AppendResponse {
  acknowledged: string[];
  superseded: string[];
  appended: number;
}

/** One refused event of a batch and every reason it was refused (the `details` of `INVALID_EVENTS`). */
export interface EventProblem {
  index: number;
  id: string | null;
  reasons: string[];
}

/** Request body of `POST /api/ledger/reset`: the typed confirmation. */
export const resetRequestSchema = z.strictObject({
  confirm: z.literal('DELETE', 'Type DELETE exactly (capital letters) to confirm the reset.'),
});
export type ResetRequest = z.infer<typeof resetRequestSchema>;

/** Body of `POST /api/ledger/reset`: where the backup went and the `ledger.reset` event written. */
export interface ResetResponse {
  backupPath: string;
  event: z.infer<typeof ledgerResetSchema>;
}

/**
 * Server-sent events of `GET /api/events`: `ready` once the subscription is live, then `ledger` with a
 * LedgerStreamMessage for every appended batch and every reset.
 */
export const LEDGER_STREAM_EVENTS = { ready: 'ready', ledger: 'ledger' } as const;

/** `data` of a `ledger` stream event. */
export interface LedgerStreamMessage {
  events: readonly LedgerEvent[];
}
