import { type Context, Hono } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import {
  type AppendResponse,
  type EventProblem,
  type LedgerResponse,
  MAX_BATCH_EVENTS,
  MAX_LEDGER_PAGE_EVENTS,
  NDJSON_MEDIA_TYPE,
  resetRequestSchema,
} from '../../contract/index.ts';
import { type LedgerEvent, ledgerEventSchema } from '../../domain/ledger/events.ts';
import type { LedgerJournal, ServerContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { issueLines, parseJsonBody, readJsonBody } from './json-body.ts';

/** Validates a batch; throws 400 `INVALID_EVENTS` listing every bad event with its reasons. */
export function validateBatch(body: unknown): LedgerEvent[] {
  const raw = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(raw)) {
    throw new ApiError(400, 'INVALID_EVENTS', 'Send a JSON object `{ "events": [ … ] }` with ledger events.');
  }
  if (raw.length > MAX_BATCH_EVENTS) {
    throw new ApiError(400, 'BATCH_TOO_LARGE', `Send at most ${MAX_BATCH_EVENTS} events per batch.`);
  }
  const problems: EventProblem[] = [];
  const events: LedgerEvent[] = [];
  raw.forEach((item, index) => {
    const parsed = ledgerEventSchema.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else problems.push({ index, id: idOf(item), reasons: issueLines(parsed.error) });
  });
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new ApiError(
      400,
      'INVALID_EVENTS',
      `${problems.length} of ${raw.length} events are invalid, so none were saved ` +
        `(first: event ${first.index}: ${first.reasons[0]}).`,
      problems,
    );
  }
  return events;
}

/**
 * Refuses what only the backend may decide: a new `ledger.reset` (resets go through the typed-DELETE
 * `/reset`, which backs up first) and events stamped with an epoch this ledger never reached (a later
 * reset would not hide them). Known ids pass: re-sending an acknowledged event is harmless. Reads the
 * journal's id set and epoch, never a copy of the whole ledger, so a batch costs the same at 100k events.
 */
export function refuseForeignEpochs(
  events: readonly LedgerEvent[],
  stored: Pick<LedgerJournal, 'has' | 'epoch'>,
): void {
  const problems: EventProblem[] = [];
  events.forEach((event, index) => {
    if (stored.has(event.id)) return;
    if (event.type === 'ledger.reset') {
      problems.push({
        index,
        id: event.id,
        reasons: ['A reset is made only with Reset cost history (type DELETE).'],
      });
    } else if (event.epoch > stored.epoch) {
      problems.push({
        index,
        id: event.id,
        reasons: [`It belongs to reset epoch ${event.epoch}, but this ledger is at epoch ${stored.epoch}.`],
      });
    }
  });
  if (problems.length > 0) {
    throw new ApiError(
      400,
      'INVALID_EVENTS',
      `${problems.length} of ${events.length} events cannot be recorded, so none were saved ` +
        `(first: event ${problems[0]!.index}: ${problems[0]!.reasons[0]})`,
      problems,
    );
  }
}

function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

/** Ledger API: read (optionally after an id), idempotent batch append, and the typed-DELETE reset. */
export function createLedgerRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  // Writes run one at a time so change notifications go out in the order the journal wrote them.
  let writes: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = writes.then(job);
    writes = run.catch(() => undefined);
    return run;
  };

  app.get('/', (c) => {
    const { after, limit } = parsePageQuery(c);
    if ((c.req.header('accept') ?? '').includes(NDJSON_MEDIA_TYPE)) return streamEvents(c, ctx, after);
    return c.json<LedgerResponse>(eventsAfter(ctx.journal.all(), after, limit));
  });

  app.post('/events', async (c) => {
    const events = validateBatch(await readJsonBody(c));
    refuseWhenReadOnly(ctx);
    // The journal skips known ids and pre-reset epochs; only what it newly wrote is broadcast.
    const { appended: fresh, superseded } = await serial(() => {
      refuseForeignEpochs(events, ctx.journal);
      return diskWrite(() => ctx.journal.append(events));
    });
    ctx.bus.publish(fresh);
    const moot = new Set(superseded);
    const acknowledged = [...new Set(events.map((e) => e.id))].filter((id) => !moot.has(id));
    return c.json<AppendResponse>({ acknowledged, superseded: [...moot], appended: fresh.length });
  });

  app.post('/reset', async (c) => {
    await parseJsonBody(c, resetRequestSchema, 'CONFIRMATION_REQUIRED');
    refuseWhenReadOnly(ctx);
    const result = await serial(() => ctx.journal.reset()).catch((err: unknown) => {
      throw resetFailure(err);
    });
    ctx.bus.publish([result.event]);
    return c.json({ backupPath: result.backupPath, event: result.event });
  });
  return app;
}

const pageQuerySchema = z.object({
  after: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LEDGER_PAGE_EVENTS).default(MAX_LEDGER_PAGE_EVENTS),
});

function parsePageQuery(c: Context): z.infer<typeof pageQuerySchema> {
  const parsed = pageQuerySchema.safeParse(c.req.query());
  if (parsed.success) return parsed.data;
  const lines = issueLines(parsed.error);
  throw new ApiError(400, 'INVALID_QUERY', `The query was refused: ${lines.join('; ')}.`, lines);
}

/** Where the events after `after` start (0 when absent or unknown, flagged). */
function startAfter(
  all: readonly LedgerEvent[],
  after: string | undefined,
): { start: number; found: boolean } {
  if (!after) return { start: 0, found: true };
  const index = all.findIndex((e) => e.id === after);
  return index < 0 ? { start: 0, found: false } : { start: index + 1, found: true };
}

/**
 * One page of the events after the one with id `after` (from the start when absent or unknown,
 * flagged), at most `limit`: a tool reads 146 MB of history as pages, never as one body.
 */
export function eventsAfter(
  all: readonly LedgerEvent[],
  after: string | undefined,
  limit: number = MAX_LEDGER_PAGE_EVENTS,
): LedgerResponse {
  const { start, found } = startAfter(all, after);
  const events = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return { events, afterNotFound: !found, next: more ? (events.at(-1)?.id ?? null) : null };
}

/** Every event after `after` as NDJSON, written in slices so a large ledger streams at a steady pace. */
function streamEvents(c: Context, ctx: ServerContext, after: string | undefined): Response {
  const all = ctx.journal.all();
  const { start, found } = startAfter(all, after);
  c.header('content-type', `${NDJSON_MEDIA_TYPE}; charset=utf-8`);
  if (!found) c.header('x-modelbridge-after-not-found', '1');
  return stream(c, async (out) => {
    for (let i = start; i < all.length; i += 1_000) {
      const lines = all.slice(i, i + 1_000).map((event) => `${JSON.stringify(event)}\n`);
      await out.write(lines.join(''));
    }
  });
}

/** 409 with the journal's own reason: a fixed text here once blamed a newer modelBridge for every cause. */
function refuseWhenReadOnly(ctx: ServerContext): void {
  const reason = ctx.journal.readOnlyReason;
  if (reason === null) return;
  throw new ApiError(409, 'READ_ONLY', `${ctx.dataDir} is open read-only, so nothing was saved: ${reason}`);
}

/** A reset the disk refused is a 503 with its reason; there is nothing pending for the panel to retry. */
function resetFailure(err: unknown): Error {
  if (err instanceof Error && (err.name === 'JournalWriteError' || err.name === 'JournalUnavailableError')) {
    return new ApiError(503, 'DISK_WRITE_FAILED', err.message);
  }
  return journalFailure(err);
}

async function diskWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw journalFailure(err);
  }
}

/** Maps the journal's errors (src/persistence/errors.ts) to HTTP answers; their messages are for people. */
function journalFailure(err: unknown): Error {
  if (err instanceof ApiError || !(err instanceof Error)) return err as Error;
  switch (err.name) {
    case 'InvalidLedgerEventError':
      return new ApiError(400, 'INVALID_EVENTS', err.message);
    case 'JournalConflictError':
      return new ApiError(409, 'ID_CONFLICT', err.message, { ids: (err as { ids?: unknown }).ids });
    case 'JournalReadOnlyError':
      return new ApiError(409, 'READ_ONLY', err.message);
    case 'JournalWriteError':
    case 'JournalUnavailableError':
      return new ApiError(
        503,
        'DISK_WRITE_FAILED',
        `${err.message} Nothing was lost: the panel keeps these events and retries.`,
      );
    default:
      return err;
  }
}
