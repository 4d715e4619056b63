import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { bundleBackend } from '../../../src/cep/bundle-backend.ts';
import { createLauncher, type Launcher, type LauncherStatus } from '../../../src/cep/launcher.ts';

// The launcher against real processes: the real bundled backend, run by a runtime at an absolute
// path. Here the runtime is this test's own Node (a symlink in runtime/), so the unit suite needs no
// download; tests/e2e/cep-build.test.ts runs the same launcher on a real built folder.

let extensionDir: string;
const dirs: string[] = [];
const launchers: Launcher[] = [];
const servers: Server[] = [];

beforeAll(async () => {
  extensionDir = await mkdtemp(join(tmpdir(), 'mb-ext-'));
  dirs.push(extensionDir);
  await bundleBackend(resolve('.'), join(extensionDir, 'backend', 'modelbridge.mjs'));
  await mkdir(join(extensionDir, 'runtime'));
  await symlink(process.execPath, join(extensionDir, 'runtime', 'node'));
  await mkdir(join(extensionDir, 'panel'));
  await writeFile(join(extensionDir, 'panel', 'index.html'), '<!doctype html><head></head><p>test panel</p>');
}, 60_000);

afterEach(async () => {
  await Promise.all(launchers.splice(0).map((l) => l.stop()));
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mb-data-'));
  dirs.push(dir);
  return dir;
}

/** A launcher whose statuses are recorded; PATH is emptied so only the absolute runtime path can work. */
function launcher(data: string, extension = extensionDir, restartDelaysMs = [200, 200, 200]) {
  const statuses: LauncherStatus[] = [];
  const l = createLauncher({
    extensionDir: extension,
    dataDir: data,
    env: { PATH: '/nonexistent', HOME: data, FAL_KEY: '' },
    onStatus: (s) => statuses.push(s),
    restartDelaysMs,
    startTimeoutMs: 20_000,
  });
  launchers.push(l);
  return { l, statuses };
}

function fetchText(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    }).on('error', fail);
  });
}

async function health(url: string, data: string) {
  const token = (await readFile(join(data, 'server-token'), 'utf8')).trim();
  const answer = await fetchText(`${url}api/health`, { 'x-modelbridge-token': token });
  return { status: answer.status, body: JSON.parse(answer.body) as { ok: boolean; dataDir: string } };
}

async function until(check: () => boolean, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const portOf = (url: string) => Number(new URL(url).port);

function listen(port = 0): Promise<number> {
  const server = createServer((_req, res) => res.end('{"ok":true}'));
  servers.push(server);
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
  });
}

describe('CEP launcher with a real spawned backend', () => {
  test('starts the bundled backend on a free port; it answers /api/health and serves the panel', async () => {
    const data = await dataDir();
    const { l, statuses } = launcher(data);
    const url = await l.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(statuses.map((s) => s.state)).toEqual(['checking', 'starting', 'ready']);
    expect(statuses.at(-1)).toEqual({ state: 'ready', url, startedHere: true });
    expect(await health(url, data)).toMatchObject({ status: 200, body: { ok: true, dataDir: data } });
    const backendJson = JSON.parse(await readFile(join(data, 'backend.json'), 'utf8'));
    expect(backendJson).toMatchObject({ pid: l.childPid(), port: portOf(url) });
    expect((await fetchText(url)).body).toContain('test panel');
  });

  test('killed, it is restarted on the same port so an open panel reconnects', async () => {
    const data = await dataDir();
    const { l, statuses } = launcher(data);
    const url = await l.start();
    const first = l.childPid()!;
    process.kill(first, 'SIGKILL');
    await until(() => statuses.filter((s) => s.state === 'ready').length === 2, 'the restart');
    expect(statuses.map((s) => s.state)).toEqual([
      'checking',
      'starting',
      'ready',
      'restarting',
      'starting',
      'ready',
    ]);
    expect(statuses[3]).toMatchObject({ state: 'restarting', inMs: 200 });
    expect((statuses[3] as { reason: string }).reason).toMatch(/^The modelBridge backend stopped: /);
    expect(l.childPid()).not.toBe(first);
    expect(await health(url, data)).toMatchObject({ status: 200, body: { dataDir: data } });
  });

  test('when its old port was taken meanwhile, the restart moves to another port', async () => {
    const data = await dataDir();
    const { l, statuses } = launcher(data, extensionDir, [400]);
    const url = await l.start();
    const pid = l.childPid()!;
    process.kill(pid, 'SIGKILL');
    await until(() => statuses.at(-1)?.state === 'restarting', 'the restart to be scheduled');
    await listen(portOf(url)); // another program grabs the port during the backoff
    await until(() => statuses.filter((s) => s.state === 'ready').length === 2, 'the restart');
    const moved = (statuses.at(-1) as { url: string }).url;
    expect(portOf(moved)).not.toBe(portOf(url));
    expect(await health(moved, data)).toMatchObject({ status: 200, body: { dataDir: data } });
  });

  test('a panel reopened during the backoff joins the restart: one backend, on its new port', async () => {
    const data = await dataDir();
    const { l, statuses } = launcher(data, extensionDir, [600]);
    const url = await l.start();
    process.kill(l.childPid()!, 'SIGKILL');
    await until(() => statuses.at(-1)?.state === 'restarting', 'the restart to be scheduled');
    await listen(portOf(url));
    const reopened = await l.start();
    expect(portOf(reopened)).not.toBe(portOf(url));
    expect(statuses.filter((s) => s.state === 'starting')).toHaveLength(2);
    expect(statuses.filter((s) => s.state === 'checking')).toHaveLength(1);
    expect(await health(reopened, data)).toMatchObject({ status: 200, body: { dataDir: data } });
  });

  test('a stale backend.json naming a port another program holds is not trusted: it starts its own', async () => {
    const data = await dataDir();
    const foreign = await listen();
    await writeFile(
      join(data, 'backend.json'),
      JSON.stringify({ pid: 1, port: foreign, url: `http://127.0.0.1:${foreign}/`, since: 'x' }),
    );
    await writeFile(join(data, 'server-token'), `${'a'.repeat(43)}\n`, { mode: 0o600 });
    const { l } = launcher(data);
    const url = await l.start();
    expect(portOf(url)).not.toBe(foreign);
    expect(await health(url, data)).toMatchObject({ status: 200 });
  });

  test('a backend another panel started is used as it is, and left running when this one stops', async () => {
    const data = await dataDir();
    const owner = launcher(data).l;
    const url = await owner.start();
    const guest = launcher(data);
    expect(await guest.l.start()).toBe(url);
    expect(guest.statuses.at(-1)).toEqual({ state: 'ready', url, startedHere: false });
    expect(guest.l.childPid()).toBeNull();
    await guest.l.stop();
    expect((await health(url, data)).status).toBe(200);
    await owner.stop();
    await expect(fetchText(url)).rejects.toThrow(/ECONNREFUSED/);
    // A clean stop: the journal lock is released and the address withdrawn.
    await expect(readFile(join(data, 'backend.json'))).rejects.toThrow(/ENOENT/);
  });

  test('a missing runtime is a clear message, not a blank page', async () => {
    const bare = await mkdtemp(join(tmpdir(), 'mb-ext-bare-'));
    dirs.push(bare);
    const { l, statuses } = launcher(await dataDir(), bare);
    await expect(l.start()).rejects.toThrow(
      `modelBridge's Node runtime is missing or not executable (${join(bare, 'runtime', 'node')}). Reinstall the extension.`,
    );
    expect(statuses.at(-1)).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/runtime is missing/),
    });
  });

  test('a backend that cannot start says why (its own last line on stderr)', async () => {
    const data = await dataDir();
    await writeFile(join(data, 'ledger.jsonl'), ''); // a data dir that is a file's child cannot be created
    const { l } = launcher(join(data, 'ledger.jsonl', 'nested'));
    await expect(l.start()).rejects.toThrow(
      /^The modelBridge backend did not start: modelbridge: could not start: /,
    );
  });
});
