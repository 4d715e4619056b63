import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, get } from 'node:http';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST_CHROME88_APIS, removePost88ApisScript } from '../fixtures/chromium88.ts';
import { returnToLoader, watchForLostBackend } from '../../src/ui/lost-backend.ts';
import { backendAnswers } from '../../src/ui/wiring.ts';
import { launchBrowser } from '../fixtures/e2e/panel.ts';
import { seededRuns } from '../fixtures/e2e/seed.ts';
import { billingRegion, billingRows, openTab } from '../fixtures/e2e/ui.ts';

// The real `npm run build:cep -- --platform linux-x64`, then the built folder copied elsewhere and
// started with no Node on PATH: what CI can prove of the Premiere packaging on Linux. The runtime
// download is cached in node_modules/.cache, so only the first run fetches it.

const root = resolve('.');
const run = promisify(execFile);
const ID = 'com.modelbridge.panel';
let work: string;
let built: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mb-cep-e2e-'));
  built = join(work, 'out', ID);
  await run('npm', ['run', 'build:cep', '--', '--platform', 'linux-x64', '--out', built], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function fetchText(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; type: string }>((ok, fail) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }),
      );
    }).on('error', fail);
  });
}

async function until<T>(check: () => Promise<T | null> | T | null, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** What the launcher module of a built extension exports (loader/launcher.cjs). */
interface LauncherModule {
  openPanel(o: object): Promise<void>;
  closePanel(): Promise<void>;
}

/**
 * The built folder copied to `<work>/<name>`, its launcher loaded with Node's require and asked to open
 * the panel on its own data dir with no node on PATH; `navigated` collects every address it opens.
 */
async function openCopiedPanel(name: string) {
  const copy = join(work, name, ID);
  await cp(built, copy, { recursive: true });
  const data = join(work, `data-${name}`);
  const env = { PATH: '/nonexistent', MODELBRIDGE_DATA_DIR: data, HOME: work, FAL_KEY: '' };
  const nodeRequire = createRequire(import.meta.url);
  const launcherModule = nodeRequire(join(copy, 'loader', 'launcher.cjs')) as LauncherModule;
  const navigated: string[] = [];
  await launcherModule.openPanel({
    extensionDir: copy,
    env,
    show() {},
    navigate: (u: string) => navigated.push(u),
  });
  return { data, nodeRequire, launcherModule, navigated };
}

describe('npm run build:cep -- --platform linux-x64', () => {
  test('writes the whole extension: manifest, icons, loader, panel, host, one-file backend, runtime', async () => {
    const listing = (await files(built)).map((f) => relative(built, f)).sort();
    expect(listing).toEqual(
      expect.arrayContaining([
        'CSXS/manifest.xml',
        'backend/modelbridge.mjs',
        'build.json',
        'host/modelbridge.jsx',
        'icons/icon-dark.png',
        'icons/icon-light.png',
        'loader/index.html',
        'loader/launcher.cjs',
        'panel/index.html',
        'runtime/node',
      ]),
    );
    expect(listing.filter((f) => f.startsWith('backend/'))).toEqual(['backend/modelbridge.mjs']);
    expect(listing.some((f) => /^panel\/assets\/.+\.js$/.test(f))).toBe(true);
    const { version } = JSON.parse(await readFile('package.json', 'utf8'));
    expect(await readFile(join(built, 'CSXS', 'manifest.xml'), 'utf8')).toContain(
      `ExtensionBundleId="${ID}" ExtensionBundleVersion="${version}"`,
    );
    expect(execFileSync(join(built, 'runtime', 'node'), ['--version'], { encoding: 'utf8' }).trim()).toBe(
      'v22.23.3',
    );
    expect(await readFile(join(built, 'host', 'modelbridge.jsx'))).toEqual(
      await readFile(join(root, 'src', 'cep', 'host', 'modelbridge.jsx')),
    );
  });

  test('no file names the checkout, the output folder or the home folder', async () => {
    const all = await files(built);
    expect(all.length).toBeGreaterThan(10);
    for (const file of all) {
      const bytes = await readFile(file);
      expect(bytes.includes(root), file).toBe(false);
      expect(bytes.includes(built), file).toBe(false);
      // Node's own binary carries its build machine's compiler paths (/root/usr/lib/gcc…); it is
      // Adobe-independent third-party bytes checked by integrity, so only our files are searched.
      if (!file.endsWith(join('runtime', 'node'))) expect(bytes.includes(homedir()), file).toBe(false);
    }
  });

  test('copied elsewhere, with no node on PATH, the loader page starts the backend and opens the served panel', async () => {
    const copy = join(work, 'elsewhere', ID);
    await cp(built, copy, { recursive: true });
    const data = join(work, 'data-loader');
    const env = { PATH: '/nonexistent', MODELBRIDGE_DATA_DIR: data, HOME: work, FAL_KEY: '' };
    // CEP's Node context: the loader page's script with CEP's `cep_node.require`, in a vm window.
    const html = await readFile(join(copy, 'loader', 'index.html'), 'utf8');
    const script = html.match(/<script>([\s\S]*)<\/script>/)![1]!;
    const status = { textContent: '' };
    const retry = { hidden: true, onclick: null as unknown };
    const navigated: string[] = [];
    const launcherModule = createRequire(import.meta.url)(
      join(copy, 'loader', 'launcher.cjs'),
    ) as LauncherModule;
    const window = {
      cep_node: {
        require: (path: string) => ({
          openPanel: (o: object) => launcherModule.openPanel({ ...o, env }),
          path,
        }),
      },
    };
    const location = {
      pathname: `${copy}/loader/index.html`,
      replace: (url: string) => navigated.push(url),
      reload() {},
    };
    const document = { getElementById: (id: string) => (id === 'status' ? status : retry) };
    runInContext(script, createContext({ window, location, document }));
    const opened = await until(() => navigated[0] ?? null, 'the loader to navigate');
    // The panel knows its way back to the loader, should its backend move.
    expect(new URL(opened).searchParams.get('loader')).toBe(
      pathToFileURL(join(copy, 'loader', 'index.html')).href,
    );
    const url = new URL('/', opened).href;
    try {
      const token = (await readFile(join(data, 'server-token'), 'utf8')).trim();
      const health = await fetchText(`${url}api/health`, { 'x-modelbridge-token': token });
      expect(JSON.parse(health.body)).toMatchObject({ ok: true, dataDir: data });
      const page = await fetchText(url);
      expect(page.status).toBe(200);
      expect(page.body).toContain(`<meta name="modelbridge-token" content="${token}" />`);
      const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)![1]!;
      expect((await fetchText(`${url}${asset}`)).status).toBe(200);
      // The HTML report is rendered with React on the server: JSX survived the bundle.
      const report = await fetchText(`${url}api/reports/report.html`, { 'x-modelbridge-token': token });
      expect(report.status).toBe(200);
      expect(report.body).toMatch(/<!DOCTYPE html>/i);
    } finally {
      await launcherModule.closePanel();
    }
    await expect(fetchText(url)).rejects.toThrow(/ECONNREFUSED/);
  });

  test('when the panel process that started the backend dies, the backend stops by itself', async () => {
    const copy = join(work, 'elsewhere', ID);
    const data = join(work, 'data-orphan');
    const driver = `require(process.argv[1]).openPanel({ extensionDir: process.argv[2], show() {}, navigate(u) { console.log(u); } })`;
    const panel = spawn(process.execPath, ['-e', driver, join(copy, 'loader', 'launcher.cjs'), copy], {
      env: { PATH: '/nonexistent', MODELBRIDGE_DATA_DIR: data, HOME: work, FAL_KEY: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(panel);
    let out = '';
    panel.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const url = await until(() => /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0] ?? null, 'the panel URL');
    const { pid } = JSON.parse(await readFile(join(data, 'backend.json'), 'utf8')) as { pid: number };
    expect((await fetchText(url)).status).toBe(200);
    panel.kill('SIGKILL'); // Premiere quitting or crashing: no goodbye from the panel
    await until(async () => {
      try {
        process.kill(pid, 0);
        return null;
      } catch {
        return true;
      }
    }, 'the orphaned backend to exit');
    await expect(readFile(join(data, 'backend.json'))).rejects.toThrow(/ENOENT/);
  });

  test('the built panel, in a Chromium without the post-88 APIs and with a light Premiere skin, reaches the Billing rows', async () => {
    const { data, launcherModule, navigated } = await openCopiedPanel('elsewhere-88');
    const browser = await launchBrowser();
    try {
      const opened = await until(() => navigated[0] ?? null, 'the launcher to open the panel');
      const url = new URL('/', opened).href;
      const token = (await readFile(join(data, 'server-token'), 'utf8')).trim();
      const events = seededRuns([{ project: 'Hero Film' }, { project: 'Hero Film' }, { project: 'Teaser' }]);
      const seeded = await fetch(`${url}api/ledger/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-modelbridge-token': token },
        body: JSON.stringify({ events }),
      });
      expect(seeded.status).toBe(200);

      const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      await page.addInitScript(removePost88ApisScript());
      // CEP's runtime as Premiere injects it: the host environment with the lightest skin.
      await page.addInitScript(() => {
        const skin = { panelBackgroundColor: { color: { red: 184, green: 184, blue: 184, alpha: 255 } } };
        (window as unknown as Record<string, unknown>).__adobe_cep__ = {
          evalScript: (_s: string, done: (r: string) => void) => done('{"ok":false,"error":"no host"}'),
          getHostEnvironment: () => JSON.stringify({ appName: 'PPRO', appSkinInfo: skin }),
          addEventListener() {},
          removeEventListener() {},
        };
      });
      await page.goto(opened);
      expect((await page.evaluate('window.__removedPost88Apis')) as string[]).toEqual(
        Object.keys(POST_CHROME88_APIS),
      );
      await openTab(page, 'Billing');
      await expect.poll(() => billingRows(page).count(), { timeout: 15_000 }).toBe(3);
      expect(await billingRegion(page).textContent()).toContain('Hero Film');
      expect(await page.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('light');
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        'rgb(184, 184, 184)',
      );
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
      await launcherModule.closePanel();
    }
  }, 60_000);

  test('a backend restarted on another port is found again: the open panel goes back through the launcher', async () => {
    const { data, nodeRequire, launcherModule, navigated } = await openCopiedPanel('elsewhere-moved');
    const blocker = createServer((_req, res) => res.end());
    try {
      const opened = await until(() => navigated[0] ?? null, 'the panel');
      const loaderPage = new URL(opened).searchParams.get('loader')!;
      const token = (await readFile(join(data, 'server-token'), 'utf8')).trim();
      const { pid, port } = JSON.parse(await readFile(join(data, 'backend.json'), 'utf8')) as {
        pid: number;
        port: number;
      };
      // The backend dies and another program takes its port before the restart (at least 500 ms later):
      // it comes back elsewhere. The port is taken as soon as the kernel frees it (tried every 100 ms).
      process.kill(pid, 'SIGKILL');
      await until(
        () =>
          new Promise<true | null>((ok) => {
            const retry = () => {
              blocker.off('listening', taken);
              ok(null);
            };
            const taken = () => {
              blocker.off('error', retry);
              ok(true);
            };
            blocker.once('error', retry);
            blocker.once('listening', taken);
            blocker.listen(port, '127.0.0.1');
          }),
        'the old port to be free',
        10_000,
      );
      // What the open panel runs (src/ui/wiring.ts followLostBackend), with CEP's Node `require`.
      const stop = watchForLostBackend({
        check: backendAnswers(new URL(opened).origin, token),
        onLost: () =>
          returnToLoader(loaderPage, {
            cepNode: { require: nodeRequire },
            replace: (u) => navigated.push(u),
          }),
        intervalMs: 200,
      });
      const moved = await until(() => navigated[1] ?? null, 'the panel to be reopened', 90_000);
      stop();
      expect(Number(new URL(moved).port)).not.toBe(port);
      expect(new URL(moved).searchParams.get('loader')).toBe(loaderPage);
      const health = await fetchText(new URL('/api/health', moved).href, { 'x-modelbridge-token': token });
      expect(JSON.parse(health.body)).toMatchObject({ ok: true, dataDir: data });
    } finally {
      blocker.close();
      await launcherModule.closePanel();
    }
  }, 120_000);
});
