import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JournalLockedError } from './persistence/index.ts';
import { PortInUseError } from './server/listen.ts';
import { DEFAULT_PORT, type RunningServer, startServer } from './server/start.ts';

/** Synopsis of `modelbridge serve`. */
export const SERVE_USAGE =
  'Usage: modelbridge serve [--port N] [--data-dir DIR] [--sandbox] [--speed X] [--build-if-needed]';

/** Parsed `serve` options; `port` is undefined when not given (then 4321 or the next free port). */
export interface ServeArgs {
  port: number | undefined;
  dataDir: string | undefined;
  sandbox: boolean;
  speed: number | undefined;
  buildIfNeeded: boolean;
}

/** Parses the arguments of `modelbridge serve`; throws an Error with a message for people on bad input. */
export function parseServeArgs(args: string[]): ServeArgs {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      sandbox: { type: 'boolean', default: false },
      speed: { type: 'string' },
      'build-if-needed': { type: 'boolean', default: false },
    },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new Error(
      `--port must be a whole number from 0 to 65535 (0 picks a free port), not "${values.port}".`,
    );
  }
  const speed = values.speed === undefined ? undefined : Number(values.speed);
  if (speed !== undefined && !(Number.isFinite(speed) && speed > 0)) {
    throw new Error(`--speed must be a positive number (2 = twice as fast), not "${values.speed}".`);
  }
  return {
    port,
    dataDir: values['data-dir'] === undefined ? undefined : resolve(values['data-dir']),
    sandbox: values.sandbox,
    speed,
    buildIfNeeded: values['build-if-needed'],
  };
}

/** Starts the backend for parsed `serve` options, or says why it could not (the error is also returned). */
export async function startServe(
  args: ServeArgs,
  panelDir: string,
  version?: string,
): Promise<{ server: RunningServer } | { error: unknown }> {
  try {
    const server = await startServer({
      port: args.port ?? DEFAULT_PORT,
      strictPort: args.port !== undefined,
      sandbox: args.sandbox,
      panelDir,
      ...(version ? { version } : {}),
      ...(args.dataDir ? { dataDir: args.dataDir } : {}),
      ...(args.speed ? { speed: args.speed } : {}),
    });
    console.log(`modelBridge panel: ${server.url}`);
    if (server.sandbox())
      console.log('Sandbox: no real charges (simulated fal.ai; set FAL_KEY or add a key in Settings).');
    console.log(`Data folder: ${server.dataDir}`);
    return { server };
  } catch (error) {
    console.error(`modelbridge: ${startFailure(error)}`);
    return { error };
  }
}

/** One line for people on why the backend did not start. */
export function startFailure(err: unknown): string {
  if (err instanceof JournalLockedError) {
    return (
      `another modelBridge backend is already using this data folder (held by ${err.holder}). ` +
      'Open its panel, or stop it and start again.'
    );
  }
  if (err instanceof PortInUseError) return err.message;
  return `could not start: ${(err as Error).message}`;
}

/** Resolves on the first SIGINT or SIGTERM (Ctrl-C, or the CEP launcher stopping the backend). */
export function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      console.log('modelBridge: shutting down…');
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
