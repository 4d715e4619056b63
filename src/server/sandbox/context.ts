import type { FileStore } from './file-store.ts';
import { type SandboxFile, renderFiles } from './outputs.ts';
import type { SandboxRequest, SandboxStore } from './store.ts';

/** What every sandbox route shares. */
export interface SandboxContext {
  store: SandboxStore;
  files: FileStore;
  /** Public base URL of the sandbox, e.g. http://127.0.0.1:PORT/sandbox (no trailing slash). */
  base: () => string;
  /** Milliseconds between events of a status stream. */
  streamIntervalMs: number;
  /** `license_type` wording the fake model API states per endpoint id instead of the catalog's licence. */
  licenceWording: Readonly<Record<string, string>>;
}

/** Largest JSON body the sandbox reads (submit input, upload initiation), in bytes. */
export const SANDBOX_JSON_LIMIT = 10 * 1024 * 1024;

/** A JSON answer with fal's `x-fal-request-id` header when a request is involved. */
export function falJson(
  body: unknown,
  status: number,
  requestId?: string,
  extra: Record<string, string> = {},
): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
  if (requestId) headers['x-fal-request-id'] = requestId;
  return new Response(JSON.stringify(body), { status, headers });
}

/** Reads a JSON object body (≤ SANDBOX_JSON_LIMIT); null when it is not one. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > SANDBOX_JSON_LIMIT) return null;
  const text = await request.text();
  if (text.length > SANDBOX_JSON_LIMIT) return null;
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The output files of a finished request, rendered once and kept in the file store. */
export function outputFiles(ctx: SandboxContext, req: SandboxRequest): SandboxFile[] {
  const rendered = renderFiles(req);
  for (const file of rendered) ctx.files.put(`out/${req.id}/${file.name}`, file);
  return rendered;
}

/** The queue URLs fal returns for a request (`owner/app` only, as the real queue does). */
export function requestUrls(ctx: SandboxContext, req: SandboxRequest) {
  const responseUrl = `${ctx.base()}/queue/${req.appPath}/requests/${req.id}`;
  return {
    response_url: responseUrl,
    status_url: `${responseUrl}/status`,
    cancel_url: `${responseUrl}/cancel`,
  };
}
