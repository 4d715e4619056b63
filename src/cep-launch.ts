import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOADER_QUERY } from './contract/loader-query.ts';
import { createLauncher, type Launcher, type LauncherStatus } from './cep/launcher.ts';
import { resolveDataDir } from './persistence/data-dir.ts';

/** What the loader page gives the launcher: where the extension is, and how to talk to people. */
export interface OpenPanelOptions {
  /** Absolute path of the extension folder, worked out by the page from its own file URL. */
  extensionDir: string;
  /** Shows one status line; `error` lines get the Retry button. */
  show(text: string, error: boolean): void;
  /** Opens the panel the backend serves (the page's `location.replace`). */
  navigate(url: string): void;
  /** Environment of the backend (and of the data dir choice). @default process.env */
  env?: NodeJS.ProcessEnv;
}

/** The status line for people. */
export function describeStatus(status: LauncherStatus): string {
  switch (status.state) {
    case 'checking':
      return 'Looking for the modelBridge backend…';
    case 'starting':
      return 'Starting the modelBridge backend…';
    case 'ready':
      return 'Opening modelBridge…';
    case 'restarting':
      return `${status.reason}. Restarting in ${Math.ceil(status.inMs / 1000)} s…`;
    case 'failed':
      return status.reason;
  }
}

interface Held {
  launcher: Launcher;
  view: Pick<OpenPanelOptions, 'show'>;
}

// One launcher per CEP Node process, kept on `process` (which outlives page loads), so reopening the
// loader page finds the backend it already runs instead of starting a second one.
const HELD = Symbol.for('modelbridge.cep.launcher');

/**
 * Entry of `loader/launcher.cjs`, called by the extension's first page: finds or starts the backend
 * for the user's data dir, shows what happens, and navigates to the panel once it answers.
 */
export async function openPanel(options: OpenPanelOptions): Promise<void> {
  const env = options.env ?? process.env;
  const holder = process as unknown as Record<symbol, Held | undefined>;
  let held = holder[HELD];
  if (!held) {
    const view: Held['view'] = { show: options.show };
    const launcher = createLauncher({
      extensionDir: options.extensionDir,
      dataDir: resolveDataDir(env),
      env,
      onStatus: (status) => view.show(describeStatus(status), status.state === 'failed'),
    });
    held = { launcher, view };
    holder[HELD] = held;
  }
  held.view.show = options.show;
  // The panel goes back to this page when it loses its backend (a restart may have moved its port).
  const loader = pathToFileURL(join(options.extensionDir, 'loader', 'index.html')).href;
  try {
    const url = new URL(await held.launcher.start());
    url.searchParams.set(LOADER_QUERY, loader);
    options.navigate(url.href);
  } catch {
    // start() has already shown the reason through onStatus.
  }
}

/** Stops the backend if this process started it (tests, and a panel that wants to quit it). */
export async function closePanel(): Promise<void> {
  const holder = process as unknown as Record<symbol, Held | undefined>;
  await holder[HELD]?.launcher.stop();
  holder[HELD] = undefined;
}
