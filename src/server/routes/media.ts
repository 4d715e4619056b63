import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { parseJsonBody } from './json-body.ts';
import { ensurePlainFolder, mediaFolderFor, publishExclusive } from './media-file.ts';

export { MEDIA_DIR, PROJECT_MEDIA_FOLDER } from './media-file.ts';

/** Largest media file saved, in bytes (1 GiB: long 4K videos fit, a runaway stream does not). */
export const MAX_MEDIA_BYTES = 1024 * 1024 * 1024;

const MAX_REDIRECTS = 3;
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

const mediaSaveSchema = z
  .object({
    url: z.string().min(1).max(4096),
    fileName: z.string().min(1).max(255),
    projectPath: z.string().min(1).max(4096).optional(),
  })
  .strict();

/** Body of the answer to `POST /api/media/save`: where the file now is (absolute path). */
export interface MediaSaveResponse {
  path: string;
}

/**
 * `POST /api/media/save {url, fileName, projectPath?}`: downloads a generation's media file into
 * `modelBridge_Media` beside the Premiere project file `projectPath`, or into the data dir's `media/`
 * folder. The backend picks the folder (the caller names only the project) and refuses one that is a
 * link; a file is never overwritten or written through a link (media-file.ts). Never an open fetcher:
 * only the Sandbox's own files or https fal media hosts (`fal.media`, `*.fal.media`, `*.fal.ai`),
 * redirects checked the same way, a sanitised file name, and a size limit in bytes (`maxBytes`,
 * default MAX_MEDIA_BYTES).
 */
export function createMediaRoutes(ctx: ServerContext, maxBytes = MAX_MEDIA_BYTES): Hono {
  const app = new Hono();
  app.post('/save', async (c) => {
    const body = await parseJsonBody(c, mediaSaveSchema, 'INVALID_MEDIA_REQUEST');
    const dir = await mediaFolderFor(ctx.dataDir, body.projectPath);
    const source = mediaSource(ctx, body.url);
    if (!source) throw notAllowed();
    const path = await saveMedia(ctx, source, dir, safeFileName(body.fileName), maxBytes);
    return c.json<MediaSaveResponse>({ path });
  });
  return app;
}

const notAllowed = () =>
  new ApiError(
    400,
    'MEDIA_URL_NOT_ALLOWED',
    'This address is not a fal media file: modelBridge only saves results from fal.ai or its own Sandbox. Generate again to get a fresh result.',
  );

/** A checked download source: the URL to fetch and the fetch to use (loopback for the Sandbox). */
export interface MediaSource {
  url: string;
  fetch: typeof fetch;
}

const isFalMediaHost = (host: string) =>
  host === 'fal.media' || host.endsWith('.fal.media') || host.endsWith('.fal.ai');

/**
 * The source for `raw` when it is allowed, else null: an https fal media host (default port, no
 * credentials), or this server's own Sandbox files (`http://127.0.0.1|localhost:PORT/sandbox/files/…`).
 */
export function mediaSource(
  ctx: Pick<ServerContext, 'sandboxBaseUrl' | 'fetch'>,
  raw: string,
): MediaSource | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:' && url.port === '' && isFalMediaHost(url.hostname)) {
    return { url: url.href, fetch: ctx.fetch };
  }
  const sandbox = new URL(ctx.sandboxBaseUrl());
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  // URL has already resolved any `..` (also `%2e%2e`), so the prefix check sees the real path.
  if (
    url.protocol === 'http:' &&
    loopback &&
    url.port === sandbox.port &&
    url.pathname.startsWith('/sandbox/files/')
  ) {
    const rest = url.pathname.slice('/sandbox'.length);
    return {
      url: `${sandbox.origin}${sandbox.pathname.replace(/\/+$/, '')}${rest}${url.search}`,
      fetch: globalThis.fetch,
    };
  }
  return null;
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name safe on macOS, Windows and Linux: the last path segment only, no control or reserved
 * characters, no leading dots, at most 120 characters (extension kept); `media` when nothing is left.
 */
export function safeFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') name = 'media';
  const ext = extname(name).slice(0, 12);
  let stem = ext ? name.slice(0, -extname(name).length) : name;
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return `${stem.slice(0, 120 - ext.length)}${ext}`;
}

/** Fetches with redirects followed by hand, each hop checked like the first address. */
async function fetchChecked(ctx: ServerContext, source: MediaSource, signal: AbortSignal): Promise<Response> {
  let current = source;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await current.fetch(current.url, { redirect: 'manual', signal });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    const next = mediaSource(ctx, new URL(location, current.url).href);
    if (!next) throw notAllowed();
    current = next;
  }
  throw downloadFailed('its address redirected too many times');
}

const tooLarge = (maxBytes: number) =>
  new ApiError(
    413,
    'MEDIA_TOO_LARGE',
    `The media file is larger than ${(maxBytes / 1048576).toFixed(1)} MiB, so it was not saved. Download it from fal.ai directly.`,
  );

/** Streams the body into a temp file (counting bytes), fsyncs it; throws when it exceeds `maxBytes`. */
async function writeBody(response: Response, temp: string, maxBytes: number): Promise<void> {
  const handle = await open(temp, 'wx', 0o644);
  try {
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const downloadFailed = (why: string) =>
  new ApiError(502, 'MEDIA_DOWNLOAD_FAILED', `The media file could not be downloaded: ${why}. Try again.`);

/** The checked, successful response for `source`, its announced size within the limit. */
async function openDownload(ctx: ServerContext, source: MediaSource, maxBytes: number): Promise<Response> {
  const signal = AbortSignal.any([AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), ctx.shutdown]);
  const response = await fetchChecked(ctx, source, signal).catch((err: unknown) => {
    throw err instanceof ApiError ? err : downloadFailed('the file server did not answer');
  });
  const refused =
    !response.ok && downloadFailed('the file server refused it (results stay on fal for a while)');
  const large = Number(response.headers.get('content-length') ?? 0) > maxBytes && tooLarge(maxBytes);
  if (refused || large) {
    await response.body?.cancel();
    throw refused || large;
  }
  return response;
}

/** Downloads into a temp file in the plain folder `dir`, then gives it a fresh name there; the path it landed at. */
async function saveMedia(
  ctx: ServerContext,
  source: MediaSource,
  dir: string,
  name: string,
  maxBytes: number,
): Promise<string> {
  await ensurePlainFolder(dir).catch((err: unknown) => {
    throw err instanceof ApiError ? err : writeFailed(dir, err);
  });
  const response = await openDownload(ctx, source, maxBytes);
  const temp = join(dir, `.${randomBytes(6).toString('hex')}.part`);
  try {
    await writeBody(response, temp, maxBytes);
    return await publishExclusive(temp, dir, name);
  } catch (err) {
    await rm(temp, { force: true });
    if (err instanceof ApiError) throw err;
    if (!(err as NodeJS.ErrnoException).code) throw downloadFailed('the connection broke off');
    throw writeFailed(dir, err);
  }
}

const writeFailed = (dir: string, err: unknown) =>
  new ApiError(
    507,
    'MEDIA_SAVE_FAILED',
    `The media file could not be written to ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'}). ` +
      'Check that the folder is writable and the disk has space.',
  );
