import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { listenLoopback, PortInUseError } from '../../../src/server/listen.ts';

const open: Server[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function occupy(port = 0): Promise<number> {
  const server = createServer();
  open.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

test('without an exact port, a taken port moves on to the next free one on 127.0.0.1', async () => {
  const taken = await occupy();
  const server = createServer();
  open.push(server);
  const port = await listenLoopback(server, taken, false);
  expect(port).toBeGreaterThan(taken);
  expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
});

test('an exact port that is taken fails with PortInUseError naming it', async () => {
  const taken = await occupy();
  const server = createServer();
  open.push(server);
  const error = await listenLoopback(server, taken, true).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PortInUseError);
  expect((error as PortInUseError).port).toBe(taken);
  expect((error as Error).message).toContain(`Port ${taken}`);
});
