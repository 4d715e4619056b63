import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { checkFalKey } from '../fal/index.ts';
import { ensureDataDir, openJournal, resolveDataDir } from '../persistence/index.ts';
import { createApp } from './app.ts';
import { advertiseBackend } from './backend-address.ts';
import type { ServerContext } from './context.ts';
import { createFalRoutes } from './fal-routes.ts';
import { createLedgerBus } from './ledger-bus.ts';
import { startLedgerReadModel } from './ledger-read-model.ts';
import { listenLoopback } from './listen.ts';
import { openSettingsStore, type SettingsStore } from './settings-store.ts';
import { loadOrCreateToken } from './token.ts';

/** Port `modelbridge serve` tries first. */
export const DEFAULT_PORT = 4321;

/** SSE heartbeat interval in production (milliseconds). */
export const HEARTBEAT_MS = 15_000;

/** The version in package.json, read only when the caller does not say (the bundled backend does). */
const packageVersion = () =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;

/** Options of {@link startServer}; everything is optional. */
export interface StartServerOptions {
  /** Data dir (journal, settings, token); default `resolveDataDir()` (MODELBRIDGE_DATA_DIR or app data). */
  dataDir?: string;
  /** Port to listen on (127.0.0.1 only); 0 picks a free one. Default 4321. */
  port?: number;
  /** When true, a taken port fails with PortInUseError; when false, the next free port is used. */
  strictPort?: boolean;
  /** Force Sandbox mode even with a fal key. Without a key the server is always in Sandbox mode. */
  sandbox?: boolean;
  /** Sandbox timing multiplier (2 = twice as fast); default the sandbox's own. */
  speed?: number;
  /** Sandbox randomness seed, for reproducible runs. */
  seed?: number;
  /** Folder of the built panel; default `<package>/dist/panel`. */
  panelDir?: string;
  /** Environment to read `FAL_KEY` (and the default data dir) from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** fetch used for calls to fal.ai (key check, pricing, proxy); default global fetch. */
  fetch?: typeof fetch;
  /** Base URL of fal's Platform API (tests point it at a local fake); default fal's own. */
  falApiBaseUrl?: string;
  /** SSE heartbeat interval in ms; default 15 000. */
  heartbeatMs?: number;
  /** Version reported by /api/health; default package.json's (read beside the sources). */
  version?: string;
}

/** A running backend. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT/`, the panel's address. */
  url: string;
  port: number;
  dataDir: string;
  /** The API token (also embedded in the served page); tests send it as `x-modelbridge-token`. */
  token: string;
  /** Sandbox mode right now. */
  sandbox(): boolean;
  /** Number of open `/api/events` streams. */
  eventStreams(): number;
  /** Ends event streams, stops listening, closes connections, closes the journal (releases the lock). */
  close(): Promise<void>;
}

/**
 * Starts the local backend: opens (and locks) the data dir's journal, loads settings and the token,
 * and listens on 127.0.0.1. Throws JournalLockedError when another process holds the data dir and
 * PortInUseError when no port could be bound; the journal is closed again on any failure.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const dataDir = options.dataDir ?? resolveDataDir(env);
  await ensureDataDir(dataDir);
  const journal = await openJournal(dataDir);
  try {
    return await startWithJournal(options, env, dataDir, journal);
  } catch (err) {
    await journal.close();
    throw err;
  }
}

type Journal = Awaited<ReturnType<typeof openJournal>>;

interface ContextParts {
  options: StartServerOptions;
  dataDir: string;
  journal: Journal;
  recovery: unknown;
  settings: SettingsStore;
  fetchImpl: typeof fetch;
  /** Filled in once the server is listening. */
  bound: { port: number };
  shutdown: AbortSignal;
}

function buildContext(parts: ContextParts): ServerContext {
  const { options, settings, bound } = parts;
  const readModel = startLedgerReadModel(parts.journal);
  const bus = createLedgerBus(readModel.follow);
  return {
    version: options.version ?? packageVersion(),
    dataDir: parts.dataDir,
    journal: parts.journal,
    recovery: parts.recovery,
    settings,
    bus,
    readModel,
    isSandbox: () => options.sandbox === true || settings.falKey() === null,
    sandboxBaseUrl: () => `http://127.0.0.1:${bound.port}/sandbox`,
    fetch: parts.fetchImpl,
    falApiBaseUrl: options.falApiBaseUrl,
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
    shutdown: parts.shutdown,
  };
}

async function startWithJournal(
  options: StartServerOptions,
  env: NodeJS.ProcessEnv,
  dataDir: string,
  journal: Journal,
): Promise<RunningServer> {
  const { recovery } = await journal.load();
  const token = await loadOrCreateToken(dataDir);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const checkKey = (key: string) => checkFalKey(key, fetchImpl, options.falApiBaseUrl);
  const settings = await openSettingsStore({ dataDir, env, checkKey });
  const bound = { port: 0 };
  const shutdown = new AbortController();
  const parts = {
    options,
    dataDir,
    journal,
    recovery,
    settings,
    fetchImpl,
    bound,
    shutdown: shutdown.signal,
  };
  const ctx = buildContext(parts);
  const panelDir = options.panelDir ?? fileURLToPath(new URL('../../dist/panel', import.meta.url));
  const fal = createFalRoutes(ctx, options);
  const app = createApp({ ctx, token, panelDir, port: () => bound.port, ...fal });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  bound.port = await listenLoopback(server, options.port ?? DEFAULT_PORT, options.strictPort ?? false);
  const unadvertise = await advertiseBackend(dataDir, bound.port);
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${bound.port}/`,
    port: bound.port,
    dataDir,
    token,
    sandbox: ctx.isSandbox,
    eventStreams: () => ctx.bus.size(),
    close: () => {
      closing ??= stop(server, shutdown, async () => {
        await unadvertise();
        await ctx.readModel.ready;
        await journal.close();
      });
      return closing;
    },
  };
}

async function stop(server: Server, shutdown: AbortController, closeJournal: () => Promise<void>) {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  shutdown.abort();
  // Ended event streams and finished requests leave idle keep-alive sockets that would hold close()
  // open; sweep them until it resolves, and cut whatever is still busy after two seconds.
  const sweep = setInterval(() => server.closeIdleConnections(), 20);
  const force = setTimeout(() => server.closeAllConnections(), 2_000);
  server.closeIdleConnections();
  await closed;
  clearInterval(sweep);
  clearTimeout(force);
  await closeJournal();
}
