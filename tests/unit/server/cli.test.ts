import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { parseServeArgs } from '../../../src/cli.ts';
import { TOKEN_FILE } from '../../../src/server/token.ts';
import { removeDirs, startTestServer, tempDir, waitUntil } from '../../fixtures/server/harness.ts';
import { rawHttp } from '../../fixtures/server/http.ts';

const BIN = fileURLToPath(new URL('../../../bin/modelbridge.js', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await removeDirs(dirs);
});

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

function runServe(args: string[]): Run {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { ...process.env, FAL_KEY: '', MODELBRIDGE_DATA_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

describe('modelbridge serve (child process)', () => {
  test('prints the URL and the Sandbox label, answers /api/health, and shuts down on SIGTERM', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const run = runServe(['--port', '0', '--sandbox', '--data-dir', dataDir]);
    // The start-up banner is several writes; "Data folder" is its last line.
    await waitUntil(
      () => /Data folder: /.test(run.out()) || run.child.exitCode !== null,
      'the banner',
      20_000,
    );
    expect(run.err()).toBe('');
    const port = Number(/127\.0\.0\.1:(\d+)\//.exec(run.out())![1]);
    expect(run.out()).toContain(`modelBridge panel: http://127.0.0.1:${port}/`);
    expect(run.out()).toContain('Sandbox: no real charges');
    // The token is read from the data dir: the served page depends on whether dist/panel is built.
    const token = (await readFile(join(dataDir, TOKEN_FILE), 'utf8')).trim();
    const health = await rawHttp({
      port,
      path: '/api/health',
      headers: { host: `127.0.0.1:${port}`, 'x-modelbridge-token': token },
    });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true, sandbox: true, dataDir, readOnly: false });
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    // The lock was released: a new backend can open the same data dir at once.
    const next = await startTestServer(dataDir);
    await next.close();
  }, 30_000);

  test('a taken --port is a clear message and exit code 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    const dataDir = await tempDir();
    dirs.push(dataDir);
    try {
      const run = runServe(['--port', String(port), '--data-dir', dataDir]);
      expect(await run.exit).toBe(1);
      expect(run.err()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(run.err()).toContain('--port');
    } finally {
      blocker.close();
    }
  }, 30_000);

  test('a data dir held by another backend is a clear message naming the holder', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const holder = await startTestServer(dataDir);
    try {
      const run = runServe(['--port', '0', '--data-dir', dataDir]);
      expect(await run.exit).toBe(1);
      expect(run.err()).toContain('already using this data folder');
      expect(run.err()).toContain(`process ${process.pid}`);
    } finally {
      await holder.close();
    }
  }, 30_000);
});

describe('serve arguments', () => {
  test('flags are parsed; bad values are refused with a reason', () => {
    expect(
      parseServeArgs(['--port', '5000', '--sandbox', '--speed', '4', '--build-if-needed']),
    ).toMatchObject({
      port: 5000,
      sandbox: true,
      speed: 4,
      buildIfNeeded: true,
      dataDir: undefined,
    });
    expect(parseServeArgs([]).port).toBeUndefined();
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow(/--port must be a whole number/);
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseServeArgs(['--speed', '0'])).toThrow(/--speed must be a positive number/);
    expect(() => parseServeArgs(['--bogus'])).toThrow();
  });
});
