/**
 * Which targets the fal proxy may forward to, and where each fal host lives inside the Sandbox fal.
 * The proxy is never an open relay: only https on the default port, to fal.ai / fal.run or a
 * subdomain of either, with no credentials in the URL.
 */

/** Sandbox path prefix for each fal host; other fal hosts map to `/host/<hostname>` (answered 404). */
export const SANDBOX_HOST_PREFIX: Readonly<Record<string, string>> = {
  'queue.fal.run': '/queue',
  'fal.run': '/run',
  'rest.fal.ai': '/rest',
  'api.fal.ai': '/api',
  'fal.ai': '/web',
};

/** Parses and checks a proxy target; returns the URL when it is a fal host, else null. */
export function allowedFalTarget(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  // URL lower-cases the host; a trailing dot ("fal.ai.") would otherwise slip past endsWith checks.
  const host = url.hostname;
  const isFal = ['fal.ai', 'fal.run'].some((root) => host === root || host.endsWith(`.${root}`));
  return isFal ? url : null;
}

/** Rewrites an allowed fal URL onto the sandbox, e.g. https://queue.fal.run/a/b → <base>/queue/a/b. */
export function sandboxTarget(target: URL, sandboxBase: string): string {
  const prefix = SANDBOX_HOST_PREFIX[target.hostname] ?? `/host/${target.hostname}`;
  return `${sandboxBase.replace(/\/+$/, '')}${prefix}${target.pathname}${target.search}`;
}
