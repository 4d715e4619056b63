/**
 * The Billing tab in Chromium over the backend's read model (issue 12): a real backend on a fixture
 * data dir (bench/ledger-fixture.ts), the built panel, Debian's Chromium. Figures, medians of 5:
 * first Billing rows cold (empty browser cache) and warm (the cached first screen), bytes of the
 * ledger API before the first rows, a chip click until its rows show, View more until 14 rows, the
 * largest bundle chunk gzipped; and that the panel never asks for the whole journal.
 * `--smoke` (or MODELBRIDGE_BENCH_SMOKE=1): 1k generations, 2 runs, no targets (CI).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../src/server/start.ts';
import { chromiumArgs, chromiumPath } from '../tests/setup/chromium.ts';
import { ensurePanelBuilt, PANEL_DIR } from '../tests/fixtures/e2e/build.ts';
import { cachedLedgerFixture, copyLedgerFixture } from './ledger-fixture.ts';
import { formatMs, median } from './report.ts';

const smoke = process.argv.includes('--smoke') || process.env.MODELBRIDGE_BENCH_SMOKE === '1';
// MODELBRIDGE_BENCH_SIZES=100000 reruns one size (comma-separated generations).
const SIZES = process.env.MODELBRIDGE_BENCH_SIZES
  ? process.env.MODELBRIDGE_BENCH_SIZES.split(',').map(Number)
  : smoke
    ? [1_000]
    : [1_000, 10_000, 100_000];
const RUNS = smoke ? 2 : 5;
const TARGETS = { coldMs: 1_000, warmMs: 300, bytes: 100_000, chipMs: 50, moreMs: 50, chunkGzip: 500_000 };

let failed = false;
function check(name: string, value: number, limit: number, format: (v: number) => string): void {
  const pass = smoke || value <= limit;
  if (!pass) failed = true;
  console.log(
    `  ${smoke ? 'INFO' : pass ? 'PASS' : 'FAIL'}  ${name}: ${format(value)} (target ≤ ${format(limit)})`,
  );
}

const rows = (page: Page) => page.getByRole('list', { name: 'Cost history' }).getByRole('listitem');

/**
 * Runs `act` and times, inside the page, from the click event it causes to the next frame after the
 * DOM first satisfies `done` (what the user sees): Playwright's own actionability checks and its
 * polling are not the panel's latency. A MutationObserver checks `done` after every change.
 */
async function timeClick<A>(
  page: Page,
  act: () => Promise<void>,
  done: (arg: A) => boolean,
  arg: A,
): Promise<number> {
  // A string, not a function: the panel's CSP forbids eval, and `done` must run in the page. tsx
  // compiles with keepNames, so the sources may call esbuild's `__name`: the page gets a stand-in.
  await page.evaluate(
    `var __name = (f) => f; (${installTimer.toString()})(${done.toString()}, ${JSON.stringify(arg)})`,
  );
  await act();
  return page.evaluate(() => (window as unknown as { benchTimed: Promise<number> }).benchTimed);
}

/** Runs in the page: resolves `window.benchTimed` with the ms from the next click to the frame after `done`. */
function installTimer(done: (arg: unknown) => boolean, arg: unknown): void {
  const w = window as unknown as { benchTimed: Promise<number> };
  w.benchTimed = new Promise<number>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('the page never showed the change (60 s)')), 60_000);
    document.addEventListener(
      'click',
      (event) => {
        const started = event.timeStamp;
        const observer = new MutationObserver(() => check());
        const check = () => {
          if (!done(arg)) return false;
          observer.disconnect();
          clearTimeout(timeout);
          requestAnimationFrame(() => resolve(performance.now() - started));
          return true;
        };
        if (!check()) {
          observer.observe(document.body, {
            childList: true,
            subtree: true,
            characterData: true,
            attributes: true,
          });
        }
      },
      { capture: true, once: true },
    );
  });
}

/** Waits until the page has asked the backend nothing for QUIET_MS (SSE stays open; it is one request); ms waited. */
async function untilQuiet(page: Page, last: () => number): Promise<number> {
  const started = performance.now();
  while (performance.now() - last() < QUIET_MS) await page.waitForTimeout(100);
  return performance.now() - started;
}
const QUIET_MS = 1_000;

const hasRows = (min: number) => document.querySelectorAll('[aria-label="Cost history"] li').length >= min;

/** Opens the panel, then Billing, and times from the click until the first rows are on screen. */
async function firstRows(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const tab = page.getByRole('tab', { name: 'Billing' });
  await tab.waitFor();
  const ms = await timeClick(page, () => tab.click(), hasRows, 1);
  await rows(page).first().waitFor({ state: 'visible', timeout: 60_000 });
  return ms;
}

async function largestChunkGzip(): Promise<number> {
  const dir = join(PANEL_DIR, 'assets');
  const sizes = await Promise.all(
    (await readdir(dir))
      .filter((f) => f.endsWith('.js'))
      .map(async (f) => gzipSync(await readFile(join(dir, f))).length),
  );
  return Math.max(...sizes);
}

ensurePanelBuilt();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
try {
  for (const generations of SIZES) {
    const fixture = await cachedLedgerFixture(generations);
    const dataDir = await copyLedgerFixture(fixture, await mkdtemp(join(tmpdir(), 'mb-bench-panel-')));
    const server = await startServer({ dataDir, port: 0, sandbox: true, env: {}, panelDir: PANEL_DIR });
    try {
      const cold: number[] = [];
      const warm: number[] = [];
      const chip: number[] = [];
      const more: number[] = [];
      const settledMs: number[] = [];
      let bytes = 0;
      let wholeJournal = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        // Every ledger request asked before the first rows counts in full, as it travels (gzip
        // included), also when it lands after them: an upper bound, never an undercount.
        let counted = true;
        let lastRequest = performance.now();
        const sent: Promise<number>[] = [];
        page.on('request', (request) => {
          const path = new URL(request.url()).pathname;
          if (path.startsWith('/api/')) lastRequest = performance.now();
          if (path === '/api/ledger') wholeJournal += 1;
          if (!counted || !path.startsWith('/api/ledger')) return;
          sent.push(
            request
              .response()
              .then(() => request.sizes())
              .then((s) => s.responseBodySize + s.responseHeadersSize)
              .catch(() => 0),
          );
        });
        cold.push(await firstRows(page, server.url));
        counted = false;
        bytes = Math.max(
          bytes,
          (await Promise.all(sent)).reduce((a, b) => a + b, 0),
        );
        // At rest: the fixture leaves its last runs completed but not settled (an editor who closed
        // the panel mid-run), and settlement records them one by one after the start, each change
        // answered anew. Chip and View more are timed once the panel is idle (how long that took
        // is printed), so they measure the click, not the catch-up.
        settledMs.push(await untilQuiet(page, () => lastRequest));
        // A chip click: until the list shows only that project's rows.
        const chips = page.getByRole('group', { name: 'Projects' }).getByRole('button');
        const project = (await chips.nth(1).textContent()) ?? '';
        chip.push(
          await timeClick(
            page,
            () => chips.nth(1).click(),
            (name) => {
              const items = document.querySelectorAll('[aria-label="Cost history"] li');
              return items.length > 0 && [...items].every((li) => li.textContent?.includes(name));
            },
            project,
          ),
        );
        await chips.nth(0).click();
        await rows(page).nth(3).waitFor();
        await page.getByRole('button', { name: 'View more' }).waitFor();
        more.push(
          await timeClick(page, () => page.getByRole('button', { name: 'View more' }).click(), hasRows, 14),
        );
        // Warm: the same browser profile again, the first screen drawn from the cache.
        warm.push(await firstRows(page, server.url));
        await context.close();
      }
      console.log(`\n  ${generations} generations (${fixture.events} events), ${RUNS} runs`);
      check('first Billing rows, cold', median(cold), TARGETS.coldMs, formatMs);
      check('first Billing rows, warm', median(warm), TARGETS.warmMs, formatMs);
      check(
        'ledger API bytes before the first rows',
        bytes,
        TARGETS.bytes,
        (v) => `${(v / 1000).toFixed(1)} kB`,
      );
      console.log(
        `  INFO  settlement catch-up after the first rows (until idle): ${formatMs(median(settledMs))}`,
      );
      check('chip click → rows updated', median(chip), TARGETS.chipMs, formatMs);
      check('View more → 14 rows', median(more), TARGETS.moreMs, formatMs);
      check('requests for the whole journal (GET /api/ledger)', wholeJournal, 0, String);
      if (wholeJournal > 0) failed = true;
    } finally {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  check(
    'largest panel chunk, gzip',
    await largestChunkGzip(),
    TARGETS.chunkGzip,
    (v) => `${(v / 1000).toFixed(0)} kB`,
  );
} finally {
  await browser.close();
}
if (failed) process.exitCode = 1;
