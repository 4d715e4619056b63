import { bodyLimit } from 'hono/body-limit';
import { Hono } from 'hono';
import { falJson, outputFiles, readJsonObject, type SandboxContext } from './context.ts';
import { inertFileHeaders, storedContentType } from './inert-file.ts';

/** Largest single upload the sandbox keeps (bytes); fal's own multipart path starts at 90 MB. */
export const SANDBOX_UPLOAD_LIMIT = 25 * 1024 * 1024;
const MAX_PENDING = 200;

type Pending = Map<string, { contentType: string; fileName: string }>;

/**
 * fal storage: `POST /rest/storage/upload/initiate` returns `{upload_url, file_url}` on the sandbox,
 * the raw `PUT` stores the bytes, and `GET /files/…` serves uploads and generated outputs, inert
 * (inert-file.ts): anyone may upload, and the files are served from the panel's own origin.
 */
export function createStorageRoutes(ctx: SandboxContext): { rest: Hono; storage: Hono; files: Hono } {
  const pending: Pending = new Map();
  return { rest: restRoutes(ctx, pending), storage: uploadRoutes(ctx, pending), files: fileRoutes(ctx) };
}

function restRoutes(ctx: SandboxContext, pending: Pending): Hono {
  const rest = new Hono();
  rest.post('/storage/upload/initiate', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const contentType = storedContentType(body?.content_type);
    const fileName = safeName(typeof body?.file_name === 'string' ? body.file_name : 'upload.bin');
    const token = crypto.randomUUID();
    pending.set(token, { contentType, fileName });
    for (const oldest of pending.keys()) {
      if (pending.size <= MAX_PENDING) break;
      pending.delete(oldest);
    }
    const base = ctx.base();
    return falJson(
      { upload_url: `${base}/storage/upload/${token}`, file_url: `${base}/files/up/${token}/${fileName}` },
      200,
    );
  });
  rest.post('/storage/upload/initiate-multipart', () =>
    falJson(
      {
        detail: `The sandbox keeps files up to ${SANDBOX_UPLOAD_LIMIT / 1024 / 1024} MB; multipart uploads are not simulated.`,
      },
      413,
    ),
  );
  return rest;
}

function uploadRoutes(ctx: SandboxContext, pending: Pending): Hono {
  const storage = new Hono();
  // bodyLimit counts chunked bodies as they stream; the sandbox has no token, so no local process may
  // make it buffer an endless upload.
  const limit = bodyLimit({
    maxSize: SANDBOX_UPLOAD_LIMIT,
    onError: () => falJson({ detail: 'File too large' }, 413),
  });
  storage.put('/upload/:token', limit, async (c) => {
    const token = c.req.param('token');
    const target = pending.get(token);
    if (!target) return falJson({ detail: 'Unknown or expired upload URL' }, 404);
    if (Number(c.req.header('content-length') ?? '0') > SANDBOX_UPLOAD_LIMIT)
      return falJson({ detail: 'File too large' }, 413);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length > SANDBOX_UPLOAD_LIMIT) return falJson({ detail: 'File too large' }, 413);
    pending.delete(token);
    ctx.files.put(`up/${token}/${target.fileName}`, { contentType: target.contentType, bytes });
    return new Response(null, { status: 200 });
  });
  return storage;
}

function fileRoutes(ctx: SandboxContext): Hono {
  const files = new Hono();
  files.get('/:area/:id/:name', (c) => {
    const { area, id, name } = c.req.param();
    let file = ctx.files.get(`${area}/${id}/${name}`);
    if (!file && area === 'out') {
      // Evicted or never fetched: outputs are deterministic, so rebuild them from the request.
      const req = ctx.store.byIds([id])[0];
      file = req ? outputFiles(ctx, req).find((f) => f.name === name) : undefined;
    }
    if (!file) return falJson({ detail: 'File not found' }, 404);
    return new Response(file.bytes, { headers: inertFileHeaders(file.contentType, name) });
  });
  return files;
}

function safeName(name: string): string {
  const cleaned = name.replace(/[^\w.-]+/g, '_').slice(0, 100);
  return cleaned || 'upload.bin';
}
