/** What the loader page needs to know to find or start the backend. */
export interface LoaderOptions {
  /** Backend port the panel uses inside Premiere. */
  port: number;
  /** Absolute path of the installed project (where bin/modelbridge.js lives). */
  projectRoot: string;
  /** How long to wait for a freshly started backend, in milliseconds. */
  startTimeoutMs: number;
}

/**
 * The script of the CEP panel's first page: if the backend does not answer, start it with the user's
 * Node (through CEP's `cep_node`), wait until it answers, then navigate to the panel it serves, which
 * carries the API token. Modern JS is fine here: CEP 11 runs Chromium 88+.
 */
export function loaderScript(options: LoaderOptions): string {
  // Bundlers that keep function names (tsx, esbuild) wrap inner functions in `__name(...)`: define it.
  return `(() => { const __name = (f) => f; return (${loader.toString()})(window, ${JSON.stringify(options)}); })();`;
}

/** The loader page HTML: a status line for people and the loader script. */
export function renderLoaderPage(options: LoaderOptions): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>modelBridge</title>
<style>body{background:#232323;color:#ccc;font:13px system-ui,sans-serif;padding:16px}</style></head>
<body><p id="status" role="status">Starting modelBridge…</p>
<script>${loaderScript(options)}</script></body></html>
`;
}

interface LoaderWindow {
  fetch: typeof fetch;
  location: { replace(url: string): void };
  document: { getElementById(id: string): { textContent: string | null } | null };
  setTimeout: (fn: () => void, ms: number) => unknown;
  cep_node?: {
    require(name: 'child_process'): {
      spawn: (cmd: string, args: string[], opts: object) => { unref(): void };
    };
  };
}

// Serialised with toString() into the page: it must not reference anything outside its own body.
async function loader(win: LoaderWindow, opts: LoaderOptions): Promise<void> {
  const url = `http://127.0.0.1:${opts.port}/`;
  const say = (text: string) => {
    const el = win.document.getElementById('status');
    if (el) el.textContent = text;
  };
  // Only our backend counts: it answers this cross-origin probe with {app:'modelbridge'}. Anything else
  // on the port must not get a Node-enabled panel navigated to it.
  const answers = async () => {
    try {
      const response = await win.fetch(url, { cache: 'no-store' });
      const body = response.ok ? await response.json() : null;
      return body?.app === 'modelbridge';
    } catch {
      return false;
    }
  };
  const sleep = (ms: number) => new Promise<void>((ok) => win.setTimeout(ok, ms));
  if (!(await answers())) {
    if (!win.cep_node) {
      say('modelBridge could not start its backend: Node is not enabled for this panel.');
      return;
    }
    const script = `${opts.projectRoot}/bin/modelbridge.js`;
    const child = win.cep_node
      .require('child_process')
      .spawn('node', [script, 'serve', '--port', String(opts.port)], { detached: true, stdio: 'ignore' });
    child.unref();
    say('Starting the modelBridge backend…');
    const deadline = Date.now() + opts.startTimeoutMs;
    while (!(await answers())) {
      if (Date.now() > deadline) {
        say('The modelBridge backend did not start. Check that Node 20 is installed, then reopen the panel.');
        return;
      }
      await sleep(250);
    }
  }
  win.location.replace(url);
}
