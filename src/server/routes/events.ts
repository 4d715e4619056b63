import { Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import { LEDGER_STREAM_EVENTS, type LedgerStreamMessage } from '../../contract/index.ts';
import type { LedgerEvent } from '../../domain/ledger/events.ts';
import type { ServerContext } from '../context.ts';

/**
 * `GET /api/events`: a server-sent event stream. First `event: ready` (the subscription is live), then
 * `event: ledger` with `{ "events": [...] }` for every appended batch and every reset, and a comment
 * line as heartbeat every `ctx.heartbeatMs`. The subscription ends when the client disconnects or the
 * server shuts down. Browsers must read it with `fetch` (EventSource cannot send the token header).
 */
export function createEventRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/', (c) => streamSSE(c, (stream) => runStream(ctx, stream)));
  return app;
}

async function runStream(ctx: ServerContext, stream: SSEStreamingApi): Promise<void> {
  // Writes go through one chain so batches reach the client in the order they were made durable.
  let chain: Promise<unknown> = Promise.resolve();
  const send = (write: () => Promise<unknown>) => {
    chain = chain.then(write).catch(() => undefined);
  };
  const unsubscribe = ctx.bus.subscribe((events: readonly LedgerEvent[]) => {
    const message: LedgerStreamMessage = { events };
    send(() => stream.writeSSE({ event: LEDGER_STREAM_EVENTS.ledger, data: JSON.stringify(message) }));
  });
  const heartbeat = setInterval(() => send(() => stream.write(': heartbeat\n\n')), ctx.heartbeatMs);
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  stream.onAbort(finish);
  ctx.shutdown.addEventListener('abort', finish);
  if (ctx.shutdown.aborted) finish();
  try {
    send(() => stream.writeSSE({ event: LEDGER_STREAM_EVENTS.ready, data: '{}', retry: 2000 }));
    await finished;
  } finally {
    clearInterval(heartbeat);
    unsubscribe();
    ctx.shutdown.removeEventListener('abort', finish);
  }
}
