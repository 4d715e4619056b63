/**
 * The Sandbox serves its files from the panel's own origin, and anyone may upload to it (fal's storage
 * protocol has no token). These rules keep every such file inert there: no file is ever a page that
 * could read the panel's token.
 */

/** The policy every Sandbox answer carries: a document of it gets an opaque origin and runs no script. */
export const SANDBOX_CSP = 'sandbox';

/**
 * Media a page may show inline (`<img>`, `<video>`, `<audio>`): raster images, video and audio, none of
 * which a browser runs as a document. Everything else (HTML, SVG, XML, PDF, text…) is a download.
 */
const INLINE_MEDIA_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'audio/wav',
  'audio/wave',
  'audio/x-wav',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/ogg',
  'audio/flac',
  'audio/webm',
]);

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/**
 * The bare MIME type of a declared content type (lower case, parameters dropped), or
 * `application/octet-stream` when it is not one: it becomes a response header, so nothing else passes.
 */
export function storedContentType(declared: unknown): string {
  if (typeof declared !== 'string') return 'application/octet-stream';
  const essence = (declared.split(';')[0] ?? '').trim().toLowerCase();
  return MIME_TYPE.test(essence) ? essence : 'application/octet-stream';
}

/** Headers of a served file: its type, never sniffed, sandboxed, and a download unless it is inline media. */
export function inertFileHeaders(contentType: string, fileName: string): Record<string, string> {
  const type = storedContentType(contentType);
  const headers: Record<string, string> = {
    'content-type': type,
    'content-security-policy': SANDBOX_CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, max-age=3600',
  };
  if (!INLINE_MEDIA_TYPES.has(type)) {
    headers['content-disposition'] = `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`;
  }
  return headers;
}
