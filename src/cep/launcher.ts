import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT_PORT_IN_USE } from './backend-exit.ts';
import { probeBackend, readAdvertisedBackend } from './backend-probe.ts';

/** What the launcher is doing, for the loader page's status line. */
export type LauncherStatus =
  | { state: 'checking' }
  | { state: 'starting' }
  | { state: 'ready'; url: string; startedHere: boolean }
  | { state: 'restarting'; reason: string; inMs: number }
  | { state: 'failed'; reason: string };

/** Where the extension and the ledger are, and how patient to be. */
export interface LauncherOptions {
  /** Absolute path of the installed extension folder (holds `runtime/` and `backend/`). */
  extensionDir: string;
  /** Absolute path of the user's data dir, passed to the backend as `--data-dir`. */
  dataDir: string;
  /** OS of this machine, which names the runtime binary. @default process.platform */
  platform?: NodeJS.Platform;
  /** Environment of the backend. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Called on every status change. */
  onStatus?: (status: LauncherStatus) => void;
  /** How long a freshly spawned backend may take to answer /api/health (ms). @default 30 000 */
  startTimeoutMs?: number;
  /** Waits before each restart after the backend died (ms); when used up, the launcher gives up. */
  restartDelaysMs?: number[];
  /** A backend that stayed up this long has its restart count reset (ms). @default 60 000 */
  stableAfterMs?: number;
}

/** Starts (or finds) the backend for one panel and keeps it running. */
export interface Launcher {
  /** Resolves with the backend's URL once it answers; rejects with a reason for people. */
  start(): Promise<string>;
  /** Stops the backend if this launcher started it; a backend someone else started is left alone. */
  stop(): Promise<void>;
  /** The last status. */
  status(): LauncherStatus;
  /** Pid of the backend this launcher runs, or null when it uses someone else's (or none). */
  childPid(): number | null;
}

const DEFAULT_RESTART_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 16_000];
const POLL_MS = 100;

/** The runtime carried by the extension: always run by absolute path, never `node` from PATH. */
export function runtimePath(extensionDir: string, platform: NodeJS.Platform = process.platform): string {
  return join(extensionDir, 'runtime', platform === 'win32' ? 'node.exe' : 'node');
}

/** The bundled backend inside the extension. */
export function backendPath(extensionDir: string): string {
  return join(extensionDir, 'backend', 'modelbridge.mjs');
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Last non-empty line of a process's stderr: the backend prints its reason there in one line. */
const lastLine = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();

/**
 * A launcher: health first (a backend already serving this data dir is used as it is); otherwise the
 * bundled runtime runs the bundled backend on a free port, tied to this process through its stdin so
 * it stops with the last panel when this one started it; when it dies it is restarted with backoff,
 * on its old port first so an open panel reconnects.
 */
export function createLauncher(options: LauncherOptions): Launcher {
  const platform = options.platform ?? process.platform;
  const delays = options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS;
  let status: LauncherStatus = { state: 'checking' };
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let lastPort = 0;
  // Panels that opened while a backend was starting or between restarts: they get its URL when it is up.
  let waiting: { ok: (url: string) => void; fail: (error: Error) => void }[] = [];
  const say = (next: LauncherStatus) => {
    status = next;
    options.onStatus?.(next);
    if (next.state !== 'ready' && next.state !== 'failed') return;
    const settled = waiting;
    waiting = [];
    for (const w of settled) {
      if (next.state === 'ready') w.ok(next.url);
      else w.fail(new Error(next.reason));
    }
  };
  const nextReady = () => new Promise<string>((ok, fail) => waiting.push({ ok, fail }));

  /** Spawns the backend on `port` and resolves with its URL once healthy; rejects with the reason. */
  async function spawnBackend(port: number): Promise<string> {
    const runtime = runtimePath(options.extensionDir, platform);
    try {
      await access(runtime, platform === 'win32' ? constants.F_OK : constants.X_OK);
    } catch {
      throw new Error(
        `modelBridge's Node runtime is missing or not executable (${runtime}). Reinstall the extension.`,
      );
    }
    const args = [backendPath(options.extensionDir), '--port', String(port), '--data-dir', options.dataDir];
    const proc = spawn(runtime, [...args, '--stop-with-parent'], {
      env: { ...(options.env ?? process.env), NODE_ENV: 'production' },
      stdio: ['pipe', 'ignore', 'pipe'],
      windowsHide: true,
    });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
    });
    let exited: { code: number | null; error?: Error } | null = null;
    proc.on('error', (error) => {
      exited = { code: null, error };
    });
    proc.on('exit', (code) => {
      exited ??= { code };
      if (child === proc) child = null;
      onExit(proc, code, lastLine(stderr));
    });
    const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
    for (;;) {
      const gone = exited as { code: number | null; error?: Error } | null;
      if (gone) {
        if (gone.code === EXIT_PORT_IN_USE && port !== 0) return spawnBackend(0);
        const why = gone.error?.message ?? lastLine(stderr) ?? `it exited with code ${gone.code}`;
        throw new Error(`The modelBridge backend did not start: ${why}`);
      }
      const advertised = await readAdvertisedBackend(options.dataDir);
      if (advertised && advertised.pid === proc.pid) {
        const url = await probeBackend(options.dataDir);
        if (url) {
          lastPort = advertised.port;
          return url;
        }
      }
      if (Date.now() > deadline) {
        proc.kill();
        throw new Error('The modelBridge backend did not answer in time. Close and reopen the panel.');
      }
      await sleep(POLL_MS);
    }
  }

  let upSince = 0;
  let ready = false;

  function onExit(proc: ChildProcess, code: number | null, reason: string | undefined) {
    // Only a backend that had come up is restarted here; a failed start is reported by spawnBackend.
    if (stopping || !ready || child !== null) return;
    ready = false;
    if (Date.now() - upSince >= (options.stableAfterMs ?? 60_000)) restarts = 0;
    scheduleRestart(reason ?? `it exited (${code === null ? 'killed' : `code ${code}`}, pid ${proc.pid})`);
  }

  function scheduleRestart(why: string) {
    const delay = delays[restarts];
    if (delay === undefined) {
      say({ state: 'failed', reason: `The modelBridge backend keeps stopping: ${why}` });
      return;
    }
    restarts += 1;
    say({ state: 'restarting', reason: `The modelBridge backend stopped: ${why}`, inMs: delay });
    setTimeout(() => {
      if (stopping) return;
      void launchOwn(lastPort).catch((err: Error) => scheduleRestart(err.message));
    }, delay);
  }

  async function launchOwn(port: number): Promise<string> {
    say({ state: 'starting' });
    const url = await spawnBackend(port);
    ready = true;
    upSince = Date.now();
    say({ state: 'ready', url, startedHere: true });
    return url;
  }

  return {
    async start() {
      // A panel reopened (the loader page after a lost backend) joins a start or restart under way
      // instead of spawning a second backend beside it.
      if (!stopping && (status.state === 'starting' || status.state === 'restarting')) return nextReady();
      stopping = false;
      say({ state: 'checking' });
      const existing = await probeBackend(options.dataDir);
      if (existing) {
        say({ state: 'ready', url: existing, startedHere: false });
        return existing;
      }
      try {
        return await launchOwn(0);
      } catch (err) {
        say({ state: 'failed', reason: (err as Error).message });
        throw err;
      }
    },
    async stop() {
      stopping = true;
      const proc = child;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
      // Closing its stdin is the polite stop (the backend closes the journal); a kill follows if it hangs.
      proc.stdin?.end();
      // On Windows a "SIGTERM" is a hard kill: there the closed stdin alone asks it to stop.
      if (platform !== 'win32') proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
    status: () => status,
    childPid: () => child?.pid ?? null,
  };
}
