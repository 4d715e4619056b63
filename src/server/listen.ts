import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How many ports above the default to try when the default is taken and no port was asked for. */
export const PORT_ATTEMPTS = 20;

/** The requested port is taken by another program (only thrown when that exact port was asked for). */
export class PortInUseError extends Error {
  readonly port: number;

  constructor(port: number, tried = 1) {
    super(
      tried > 1
        ? `Ports ${port}–${port + tried - 1} on 127.0.0.1 are all in use. Stop the program using them, or ` +
            'choose a port with --port N.'
        : `Port ${port} on 127.0.0.1 is already in use (another modelBridge backend or another program). ` +
            'Stop that program, or choose another port with --port N.',
    );
    this.name = 'PortInUseError';
    this.port = port;
  }
}

function listenOnce(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    // Loopback only: the backend holds the fal key and the ledger, never reachable from the network.
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Listens on 127.0.0.1: on `port` exactly when `strict` (or when port is 0, which picks a free one),
 * else on the first free port of `port … port + PORT_ATTEMPTS - 1`. Resolves with the bound port.
 */
export async function listenLoopback(server: Server, port: number, strict: boolean): Promise<number> {
  const attempts = strict || port === 0 ? 1 : PORT_ATTEMPTS;
  for (let i = 0; i < attempts; i += 1) {
    try {
      return await listenOnce(server, port + i);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new PortInUseError(port, attempts);
}
