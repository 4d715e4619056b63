import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { jsonError } from './errors.ts';
import { isCepOrigin } from './security.ts';

/** Options of {@link createPanelRoutes}. */
export interface PanelOptions {
  /** Folder of the built panel (`dist/panel`, from `npx vite build`). */
  panelDir: string;
  /** The per-data-dir API token embedded in the page. */
  token: string;
  /** Whether the backend is in Sandbox mode right now (no key, or `--sandbox`). */
  isSandbox: () => boolean;
  /** The bound port, for the CSP's loopback sources. */
  port: () => number;
}

/** Escapes a string for an HTML attribute value (the token is base64url, but never trust that). */
export function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * Adds the token and sandbox `<meta>` tags right after `<head>` (or at the top when there is none),
 * so the panel's first script can read them before it calls the API.
 */
export function injectPanelMeta(html: string, token: string, sandbox: boolean): string {
  const meta =
    `<meta name="modelbridge-token" content="${escapeAttribute(token)}" />` +
    `<meta name="modelbridge-sandbox" content="${sandbox ? 'true' : 'false'}" />`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return meta + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/**
 * Content-Security-Policy of the panel: scripts, styles and connections from the backend only. Styles
 * allow inline because Mantine writes its CSS variables into a `<style>` tag; images and media also
 * allow the two loopback origins (Sandbox results are served from 127.0.0.1 even when the page was
 * opened as localhost) and fal's media CDN, where real results live.
 */
export function panelCsp(port: number): string {
  const loopback = `http://127.0.0.1:${port} http://localhost:${port}`;
  const media = `'self' data: blob: ${loopback} https://fal.media https://*.fal.media`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${media}`,
    `media-src ${media}`,
    `connect-src 'self' ${loopback}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Serves the built panel: the index page with the token injected, and the static assets beside it. */
export function createPanelRoutes(options: PanelOptions): Hono {
  const app = new Hono();
  const index = (c: Context) => servePanelIndex(c, options);
  app.get('/', index);
  app.get('/index.html', index);
  if (existsSync(options.panelDir)) {
    const assets = serveStatic({ root: options.panelDir });
    app.get('*', async (c, next) => {
      // Only the panel's own files: API and Sandbox paths never fall through to the disk.
      if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/sandbox/')) return next();
      c.header('Content-Security-Policy', panelCsp(options.port()));
      return assets(c, next);
    });
  }
  return app;
}

async function servePanelIndex(c: Context, options: PanelOptions): Promise<Response> {
  const origin = c.req.header('origin');
  if (isCepOrigin(origin)) {
    // The CEP loader page (file://) probes whether the backend runs before navigating to it. That
    // cross-origin read gets a token-free answer it may read; the navigation itself sends no Origin
    // and gets the real page. Any page can send `Origin: null`, so the token never goes this way.
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true, app: 'modelbridge' });
  }
  let html: string;
  try {
    html = await readFile(join(options.panelDir, 'index.html'), 'utf8');
  } catch {
    return jsonError(
      c,
      503,
      'PANEL_NOT_BUILT',
      `The panel is not built (${join(options.panelDir, 'index.html')} is missing). Run \`npx vite build\`, ` +
        'or start with `modelbridge serve --build-if-needed`.',
    );
  }
  // The page carries the token: never cache it, so a new token or mode is picked up on reload.
  c.header('Cache-Control', 'no-store');
  c.header('Content-Security-Policy', panelCsp(options.port()));
  return c.html(injectPanelMeta(html, options.token, options.isSandbox()));
}
