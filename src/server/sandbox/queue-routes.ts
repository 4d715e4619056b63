import { Hono } from 'hono';
import { falJson, outputFiles, readJsonObject, requestUrls, type SandboxContext } from './context.ts';
import { CANCELLED_RESULT, failureAnswer, statusError } from './failures.ts';
import { outputJson } from './outputs.ts';
import { readScenario } from './scenarios.ts';
import type { SandboxRequest } from './store.ts';
import { logsAt, phaseAt } from './timeline.ts';

const ENDPOINT_ID = /^[\w.-]+(\/[\w.-]+)+$/;
const REQUEST_PATH = /^(.+)\/requests\/([^/]+)(\/status(\/stream)?|\/cancel)?$/;

/** fal's queue protocol under `/queue`: submit on the full id; status, result and cancel on `owner/app`. */
export function createQueueRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.post('/:path{.+}', (c) => submit(ctx, c.req.param('path'), c.req.raw));
  app.on(['GET', 'PUT'], '/:path{.+}', (c) => {
    const match = REQUEST_PATH.exec(c.req.param('path'));
    const method = c.req.method;
    const req = match ? ctx.store.get(match[1] ?? '', match[2] ?? '') : undefined;
    const suffix = match?.[3] ?? '';
    if (method === 'PUT' && suffix === '/cancel')
      return req ? cancel(ctx, req) : falJson({ status: 'NOT_FOUND' }, 404);
    if (!match || method !== 'GET' || !req) return falJson({ detail: 'Request not found' }, 404);
    const withLogs = c.req.query('logs') === '1';
    if (suffix === '/status/stream') return statusStream(ctx, req, withLogs);
    if (suffix === '/status') return status(ctx, req, withLogs);
    return result(ctx, req);
  });
  return app;
}

async function submit(ctx: SandboxContext, endpointId: string, request: Request): Promise<Response> {
  if (!ENDPOINT_ID.test(endpointId) || endpointId.includes('/requests/')) {
    return falJson({ detail: `Application '${endpointId}' not found` }, 404);
  }
  const input = await readJsonObject(request);
  if (!input) {
    return falJson(
      { detail: [{ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type' }] },
      422,
    );
  }
  const scenario = readScenario(input);
  if (scenario.failAt === 'submit' && scenario.failure) {
    const answer = failureAnswer(scenario.failure);
    const extra: Record<string, string> = answer.errorType ? { 'x-fal-error-type': answer.errorType } : {};
    return falJson(answer.body, answer.status, undefined, extra);
  }
  const req = ctx.store.create(endpointId, input);
  const body = {
    status: 'IN_QUEUE',
    request_id: req.id,
    ...requestUrls(ctx, req),
    queue_position: req.startPosition,
  };
  return falJson(body, 200, req.id);
}

function statusBody(
  ctx: SandboxContext,
  req: SandboxRequest,
  withLogs: boolean,
): { body: Record<string, unknown>; done: boolean } {
  const now = ctx.store.now();
  const phase = phaseAt(req, now);
  const body: Record<string, unknown> = {
    status: phase.status,
    request_id: req.id,
    ...requestUrls(ctx, req),
  };
  body.logs = withLogs ? logsAt(req, now) : null;
  if (phase.status === 'IN_QUEUE') body.queue_position = phase.position;
  if (phase.status === 'COMPLETED') {
    body.metrics = { inference_time: phase.outcome === 'success' ? Math.round(req.runMs) / 1000 : null };
    if (phase.outcome === 'cancelled') Object.assign(body, statusError('cancelled'));
    if (phase.outcome === 'failed' && req.scenario.failure)
      Object.assign(body, statusError(req.scenario.failure));
  }
  return { body, done: phase.status === 'COMPLETED' };
}

function status(ctx: SandboxContext, req: SandboxRequest, withLogs: boolean): Response {
  const { body, done } = statusBody(ctx, req, withLogs);
  // fal answers 202 while queued or running and 200 once COMPLETED (fal-api.md § Status).
  return falJson(body, done ? 200 : 202, req.id);
}

function result(ctx: SandboxContext, req: SandboxRequest): Response {
  const phase = phaseAt(req, ctx.store.now());
  if (phase.status !== 'COMPLETED') return falJson({ detail: 'Request is still in progress' }, 400, req.id);
  if (phase.outcome === 'cancelled') return falJson(CANCELLED_RESULT, 400, req.id);
  if (phase.outcome === 'failed' && req.scenario.failure) {
    const answer = failureAnswer(req.scenario.failure);
    const extra: Record<string, string> = answer.errorType ? { 'x-fal-error-type': answer.errorType } : {};
    return falJson(answer.body, answer.status, req.id, extra);
  }
  const files = outputFiles(ctx, req);
  const data = outputJson(req, files, (name) => `${ctx.base()}/files/out/${req.id}/${name}`);
  const headers: Record<string, string> = {};
  // Units come only with the result fetch, never with status polls (modelbridge-docs.md §9).
  req.resultReads += 1;
  const metered = !req.scenario.noUnits && req.resultReads > req.scenario.unitsAfterReads;
  if (metered) headers['x-fal-billable-units'] = String(req.shape.units);
  const billAs = req.scenario.billAs ?? req.model.canonicalId;
  if (billAs) headers['x-fal-bill-as'] = billAs;
  return falJson(data, 200, req.id, headers);
}

function cancel(ctx: SandboxContext, req: SandboxRequest): Response {
  const phase = phaseAt(req, ctx.store.now());
  if (phase.status === 'COMPLETED') return falJson({ status: 'ALREADY_COMPLETED' }, 400, req.id);
  req.cancelledAt ??= ctx.store.now();
  // A queued request is simply removed; a running one is asked to stop (the app decides).
  return falJson({ status: phase.status === 'IN_QUEUE' ? 'OK' : 'CANCELLATION_REQUESTED' }, 202, req.id);
}

/** Server-sent status events until COMPLETED (bounded: at most 10 minutes of events). */
function statusStream(ctx: SandboxContext, req: SandboxRequest, withLogs: boolean): Response {
  const encoder = new TextEncoder();
  const maxEvents = Math.ceil(600_000 / ctx.streamIntervalMs);
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let sent = 0;
      const tick = () => {
        const { body, done } = statusBody(ctx, req, withLogs);
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(body)}\n\n`));
        if (done || ++sent >= maxEvents) {
          clearInterval(timer);
          controller.close();
        }
      };
      timer = setInterval(tick, ctx.streamIntervalMs);
      tick();
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'x-fal-request-id': req.id },
  });
}
