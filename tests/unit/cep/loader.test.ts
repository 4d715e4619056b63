import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { afterEach, describe, expect, test } from 'vitest';
import { buildExtension } from '../../../src/cep/build-extension.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

/** A stand-in backend answering the loader's probe as the real one does (tests/unit/server covers that). */
function listen(port = 0, body = '{"ok":true,"app":"modelbridge"}'): Promise<number> {
  const server = createServer((_req, res) => res.end(body));
  servers.push(server);
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => ok((server.address() as AddressInfo).port)),
  );
}

async function freePort(): Promise<number> {
  const port = await listen();
  await new Promise((ok) => servers.pop()!.close(ok));
  return port;
}

/** Builds the real extension and runs its loader page script against a fake CEP window. */
async function runLoader(port: number, cepNode: unknown, startTimeoutMs?: number) {
  const outDir = await mkdtemp(join(tmpdir(), 'mb-cep-'));
  await buildExtension({ outDir, projectRoot: resolve('.'), port });
  let html = await readFile(join(outDir, 'panel', 'index.html'), 'utf8');
  if (startTimeoutMs) html = html.replace('"startTimeoutMs":20000', `"startTimeoutMs":${startTimeoutMs}`);
  const script = html.match(/<script>([\s\S]*)<\/script>/)![1]!;
  const status = { textContent: '' as string | null };
  const navigated: string[] = [];
  const window = {
    fetch,
    setTimeout,
    location: { replace: (url: string) => navigated.push(url) },
    document: { getElementById: () => status },
    cep_node: cepNode,
  };
  const done = runInContext(script, createContext({ window, Date, Promise, JSON, String }));
  await done;
  return { navigated, status: status.textContent, outDir };
}

describe('CEP loader page', () => {
  test('goes straight to a backend that already answers', async () => {
    const port = await listen();
    const { navigated } = await runLoader(port, undefined);
    expect(navigated).toEqual([`http://127.0.0.1:${port}/`]);
  });

  test('starts the backend with Node when it does not answer, then navigates', async () => {
    const port = await freePort();
    const spawned: string[][] = [];
    const cepNode = {
      require: () => ({
        spawn: (cmd: string, args: string[]) => {
          spawned.push([cmd, ...args]);
          setTimeout(() => void listen(port), 300); // a backend that takes a moment to come up
          return { unref() {} };
        },
      }),
    };
    const { navigated } = await runLoader(port, cepNode);
    expect(spawned).toEqual([
      ['node', `${resolve('.')}/bin/modelbridge.js`, 'serve', '--port', String(port)],
    ]);
    expect(navigated).toEqual([`http://127.0.0.1:${port}/`]);
  });

  test('says why when Node is not enabled', async () => {
    const { navigated, status } = await runLoader(await freePort(), undefined);
    expect(navigated).toEqual([]);
    expect(status).toMatch(/Node is not enabled/);
  });

  test('gives up with a clear message when the backend never answers', async () => {
    const cepNode = { require: () => ({ spawn: () => ({ unref() {} }) }) };
    const { navigated, status } = await runLoader(await freePort(), cepNode, 600);
    expect(navigated).toEqual([]);
    expect(status).toMatch(/did not start/);
  });

  test('the page also works when generated under tsx, as the CLI does', async () => {
    const { execFileSync } = await import('node:child_process');
    const code =
      "import('./src/cep/loader-page.ts').then((m) => process.stdout.write(m.loaderScript({ port: 1, projectRoot: '/x', startTimeoutMs: 1 })))";
    const script = execFileSync(process.execPath, ['--import', 'tsx', '-e', code], { encoding: 'utf8' });
    const status = { textContent: '' as string | null };
    const window = {
      fetch: async () => {
        throw new Error('down');
      },
      setTimeout,
      location: { replace() {} },
      document: { getElementById: () => status },
    };
    await runInContext(script, createContext({ window, Date, Promise, JSON, String }));
    expect(status.textContent).toMatch(/Node is not enabled/);
  });

  test('does not navigate to some other program answering on the port', async () => {
    const cepNode = { require: () => ({ spawn: () => ({ unref() {} }) }) };
    const port = await listen(0, '<html>not modelBridge</html>');
    const { navigated, status } = await runLoader(port, cepNode, 600);
    expect(navigated).toEqual([]);
    expect(status).toMatch(/did not start/);
  });

  test('writes the manifest and the host script, and no debugger file unless asked', async () => {
    const { outDir } = await runLoader(await listen(), undefined);
    await expect(readFile(join(outDir, 'CSXS', 'manifest.xml'), 'utf8')).resolves.toContain('PPRO');
    await expect(readFile(join(outDir, '.debug'), 'utf8')).rejects.toThrow(/ENOENT/);
    await buildExtension({ outDir, projectRoot: resolve('.'), debug: true });
    await expect(readFile(join(outDir, '.debug'), 'utf8')).resolves.toContain('Port="8860"');
    await expect(readFile(join(outDir, 'host', 'modelbridge.jsx'), 'utf8')).resolves.toContain('importMedia');
  });
});
