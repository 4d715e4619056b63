/**
 * Query parameter of the panel's address inside Premiere: the file URL of the extension's loader page,
 * where the panel goes back when its backend is lost (the loader finds or restarts it, maybe on a new
 * port, and opens the panel there). Absent in a plain browser.
 */
export const LOADER_QUERY = 'loader';

/**
 * The loader page named in a panel address's query, or null. Only a `file:` URL of a
 * `…/loader/index.html` is taken: a crafted link cannot send the panel to another site.
 */
export function loaderPageOf(search: string): string | null {
  const named = new URLSearchParams(search).get(LOADER_QUERY);
  if (!named) return null;
  try {
    const url = new URL(named);
    return url.protocol === 'file:' && url.pathname.endsWith('/loader/index.html') && !url.search && !url.hash
      ? url.href
      : null;
  } catch {
    return null;
  }
}
