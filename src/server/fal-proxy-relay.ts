/** Response headers the panel needs from fal; everything else (cookies, caching, encoding) stays behind. */
export const RELAYED_HEADERS = [
  'content-type',
  'x-fal-billable-units',
  'x-fal-bill-as',
  'x-fal-request-id',
  'x-fal-error-type',
  'x-fal-request-timeout-type',
  'x-fal-retryable',
] as const;

/**
 * Passes fal's answer back with its status, body and the relayed headers. Event streams are streamed
 * as they come; other bodies are buffered so a key echoed by the upstream can be redacted.
 */
export async function relayResponse(upstream: Response, key: string | null): Promise<Response> {
  const headers = new Headers();
  for (const name of RELAYED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, key ? redact(value, key) : value);
  }
  const contentType = headers.get('content-type') ?? '';
  if (upstream.status === 204 || upstream.status === 304 || upstream.body === null) {
    return new Response(null, { status: upstream.status, headers });
  }
  if (contentType.startsWith('text/event-stream')) {
    headers.set('cache-control', 'no-cache');
    return new Response(upstream.body, { status: upstream.status, headers });
  }
  const bytes = await upstream.arrayBuffer();
  if (!key) return new Response(bytes, { status: upstream.status, headers });
  // Scan every buffered body, whatever its declared type: an upstream could echo the key as text/HTML
  // or octet-stream. The key is ASCII, so a latin1 view finds it byte for byte without re-encoding.
  const view = Buffer.from(bytes);
  if (view.indexOf(key, 0, 'latin1') < 0) return new Response(bytes, { status: upstream.status, headers });
  return new Response(Buffer.from(redact(view.toString('latin1'), key), 'latin1'), {
    status: upstream.status,
    headers: withoutLength(headers),
  });
}

function withoutLength(headers: Headers): Headers {
  headers.delete('content-length');
  return headers;
}

function redact(text: string, key: string): string {
  return text.split(key).join('[redacted]');
}
