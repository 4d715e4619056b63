import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXIT_PORT_IN_USE } from './cep/backend-exit.ts';
import { parseServeArgs, startServe, untilSignal } from './cli-serve.ts';
import { PortInUseError } from './server/listen.ts';
import type { RunningServer } from './server/start.ts';
// Imported, not read at run time: the bundle carries its version and needs no package.json beside it.
import packageJson from '../package.json' with { type: 'json' };

/** How often a backend whose parent panel is gone checks whether any panel still listens to it (ms). */
const ORPHAN_CHECK_MS = 1_000;

/**
 * Entry point of the backend bundled into the Premiere extension (`backend/modelbridge.mjs`): the
 * `serve` options plus `--stop-with-parent`. It serves the panel folder that sits beside the bundle,
 * never a checkout, so the extension folder can be copied anywhere.
 */
async function runBundledBackend(argv: string[]): Promise<number> {
  let stopWithParent: boolean;
  let serveArgs: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      strict: false,
      options: { 'stop-with-parent': { type: 'boolean', default: false } },
    });
    stopWithParent = parsed.values['stop-with-parent'] === true;
    serveArgs = argv.filter((a) => a !== '--stop-with-parent');
    const args = parseServeArgs(serveArgs);
    const panelDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'panel');
    const started = await startServe(args, panelDir, packageJson.version);
    if (!('server' in started)) return started.error instanceof PortInUseError ? EXIT_PORT_IN_USE : 1;
    await (stopWithParent ? untilOrphaned(started.server) : untilSignal());
    await started.server.close();
    return 0;
  } catch (err) {
    console.error(`modelbridge: ${(err as Error).message}`);
    return 2;
  }
}

/**
 * Resolves on a signal, or once the panel that started this backend is gone (its end of our stdin
 * closed, which also happens when Premiere crashes) and no other panel has an event stream open:
 * the backend then stops with the last panel, and only when a panel started it.
 */
function untilOrphaned(server: RunningServer): Promise<void> {
  return new Promise((done) => {
    void untilSignal().then(done);
    const whenIdle = () => {
      const timer = setInterval(() => {
        if (server.eventStreams() > 0) return;
        clearInterval(timer);
        done();
      }, ORPHAN_CHECK_MS);
    };
    process.stdin.on('end', whenIdle);
    process.stdin.on('error', whenIdle);
    process.stdin.resume();
  });
}

process.exitCode = await runBundledBackend(process.argv.slice(2));
