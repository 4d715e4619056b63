/**
 * Ledger read-model targets (issue 12), at 1k, 10k and 100k generations of the seeded ledger in
 * bench/ledger-fixture.ts, each beside a baseline measured in the same run:
 * 1. backend cold start, from spawning `startServer` in a child process to its first answered
 *    `GET /api/ledger/rows?limit=4`, at most 1.5× a JSON.parse of the data dir's ledger bytes; and the
 *    child's RSS at that moment at most 2× snapshot.json;
 * 2. bytes the Billing tab receives before its first rows (`summary?currency=USD` + `rows?limit=4`) ≤ 100 kB;
 * 3. a chip change (project filter: rows + summary) ≤ 5 ms in process (createLedgerView), and View more
 *    (the next 10 rows by cursor) ≤ 50 ms over HTTP;
 * 4. appending one event, acknowledged (`POST /api/ledger/events`), at the largest size ≤ 1.5× at 1k.
 * `MODELBRIDGE_BENCH_SMOKE=1` (or `--smoke`) runs 1k only and enforces nothing: CI checks that it runs.
 * Medians of 5 or more; bench/RESULTS.md has the figures and how they were taken.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { SummaryResponse } from '../src/contract/index.ts';
import { DEFAULT_FX, type LedgerEvent } from '../src/domain/index.ts';
import { createLedgerView, type LedgerView } from '../src/ledger-view/index.ts';
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../src/persistence/index.ts';
import {
  cachedLedgerFixture,
  copyLedgerFixture,
  FIXTURE_END,
  type LedgerFixtureDir,
} from './ledger-fixture.ts';
import { collectGarbage, formatMb, formatMs, median } from './report.ts';

const SMOKE = process.env.MODELBRIDGE_BENCH_SMOKE === '1' || process.argv.includes('--smoke');
const SIZES = SMOKE ? [1_000] : [1_000, 10_000, 100_000];
/** Cold starts and parse baselines per size. */
const RUNS = 5;
/** Chip changes (a project not asked for before each time) and View more pages per size. */
const QUERY_RUNS = 25;
/** Appends per backend, after WARMUP untimed ones. */
const APPENDS = 100;
const WARMUP = 10;
const LIMITS = { coldStart: 1.5, rss: 2, firstBytes: 100_000, chipMs: 5, viewMoreMs: 50, append: 1.5 };
const START_URL = pathToFileURL(new URL('../src/server/start.ts', import.meta.url).pathname).href;

/**
 * The backend's child process: the real startServer (port 0, Sandbox mode, no fal key) on a data dir.
 * It prints its port and token once listening (startServer listens only after the journal is read),
 * answers a `memory` line with its memory after a full GC, and closes cleanly (releasing the journal
 * lock) when its stdin ends.
 */
const SERVE_SCRIPT = `
const { createInterface } = await import('node:readline');
const { startServer } = await import(process.env.MB_BENCH_START_URL);
const dataDir = process.env.MB_BENCH_DATA_DIR;
const server = await startServer({ dataDir, port: 0, strictPort: true, sandbox: true, env: {}, panelDir: dataDir, heartbeatMs: 60000 });
process.stdout.write(JSON.stringify({ port: server.port, token: server.token }) + '\\n');
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line !== 'memory') return;
  // Large buffers are freed a moment after the GC that finds them dead: collect, wait, collect.
  globalThis.gc?.();
  setTimeout(() => {
    globalThis.gc?.();
    process.stdout.write(JSON.stringify(process.memoryUsage()) + '\\n');
  }, 500);
});
commands.on('close', () => server.close().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); }));
`;

interface Reply {
  status: number;
  body: Buffer;
  /** Status line and headers as sent. */
  headerBytes: number;
  ms: number;
}

/** One running backend and a keep-alive HTTP client for it (the panel's browser keeps its connection). */
class Backend {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly child: ChildProcess,
    private readonly lines: Interface,
    readonly port: number,
    readonly token: string,
  ) {}

  /** One request; `extra` headers e.g. `accept-encoding: gzip` (the body is then as sent, compressed). */
  call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Reply> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = {
      host: `127.0.0.1:${this.port}`,
      'x-modelbridge-token': this.token,
      ...extra,
    };
    if (payload)
      Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
    const options = { host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent };
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const ms = performance.now() - started;
          const raw = res.rawHeaders;
          let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n\r\n`.length;
          for (let i = 0; i < raw.length; i += 2) headerBytes += `${raw[i]}: ${raw[i + 1]}\r\n`.length;
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headerBytes, ms });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The child's resident memory (VmRSS) in bytes, from /proc (Linux only; null elsewhere). */
  async rssBytes(): Promise<number | null> {
    try {
      const status = await readFile(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      return kb === undefined ? null : Number(kb) * 1024;
    } catch {
      return null;
    }
  }

  /** The child's memory after a full GC: what it keeps, without garbage the load left behind. */
  memoryAfterGc(): Promise<NodeJS.MemoryUsage> {
    const answer = new Promise<NodeJS.MemoryUsage>((resolve) =>
      this.lines.once('line', (line) => resolve(JSON.parse(line) as NodeJS.MemoryUsage)),
    );
    this.child.stdin?.write('memory\n');
    return answer;
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Spawns a backend on `dataDir`; resolves once it printed its port (it may still be folding the ledger). */
function spawnBackend(dataDir: string): Promise<Backend> {
  const args = ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', SERVE_SCRIPT];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, MB_BENCH_START_URL: START_URL, MB_BENCH_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  return new Promise((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`the backend on ${dataDir} exited (${code})`));
    child.once('exit', early);
    lines.once('line', (line) => {
      child.off('exit', early);
      const { port, token } = JSON.parse(line) as { port: number; token: string };
      resolve(new Backend(child, lines, port, token));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the first Billing page until it is answered (503 LEDGER_LOADING while the ledger folds). */
async function firstPage(backend: Backend): Promise<Reply> {
  for (;;) {
    const reply = await backend.call('GET', '/api/ledger/rows?limit=4');
    if (reply.status === 200) return reply;
    if (reply.status !== 503) throw new Error(`GET /api/ledger/rows answered ${reply.status}: ${reply.body}`);
    await sleep(5);
  }
}

/** One cold start: spawn → listening (journal read) → first page answered (ledger folded). */
interface ColdStart {
  ms: number;
  listenMs: number;
  rss: number | null;
  backend: Backend;
}

/** Times a cold start and reads the child's RSS right after; the backend keeps running. */
async function coldStart(dataDir: string): Promise<ColdStart> {
  const started = performance.now();
  const backend = await spawnBackend(dataDir);
  const listenMs = performance.now() - started;
  await firstPage(backend);
  const ms = performance.now() - started;
  return { ms, listenMs, rss: await backend.rssBytes(), backend };
}

/** `runs` cold starts on `dir` (after `warmups` discarded ones), leaving the last backend running. */
async function coldStarts(dir: string, runs: number, warmups = 0) {
  const ms: number[] = [];
  const listenMs: number[] = [];
  const rss: number[] = [];
  let backend: Backend | null = null;
  for (let i = 0; i < warmups + runs; i++) {
    await backend?.stop();
    const run = await coldStart(dir);
    backend = run.backend;
    if (i < warmups) continue;
    ms.push(run.ms);
    listenMs.push(run.listenMs);
    if (run.rss !== null) rss.push(run.rss);
  }
  return { ms, listenMs, rss, backend: backend as Backend };
}

/**
 * The baseline: JSON.parse of the data dir's ledger bytes, already in memory (snapshot.json whole,
 * ledger.jsonl line by line), keeping the parsed values as any reader must.
 */
async function parseBaseline(dir: string): Promise<{ ms: number[]; bytes: number; events: LedgerEvent[] }> {
  const snapshot = await readFile(join(dir, SNAPSHOT_FILE));
  const journal = await readFile(join(dir, JOURNAL_FILE));
  const ms: number[] = [];
  let kept: unknown[] = [];
  for (let i = 0; i < RUNS; i++) {
    kept = [];
    collectGarbage();
    const started = performance.now();
    kept.push(JSON.parse(snapshot.toString('utf8')));
    for (const line of journal.toString('utf8').split('\n')) if (line) kept.push(JSON.parse(line));
    ms.push(performance.now() - started);
  }
  // The ledger as the journal loads it: the snapshot's events, then ledger.jsonl's (its base line is none).
  const [doc, ...lines] = kept as [{ events: LedgerEvent[] }, ...Partial<LedgerEvent>[]];
  const events = [...doc.events, ...(lines.filter((line) => 'type' in line) as LedgerEvent[])];
  return { ms, bytes: snapshot.length + journal.length, events };
}

/** Projects in order of first use, so each chip change below asks for a filter not asked for before. */
function projectsOf(events: readonly LedgerEvent[]): string[] {
  const seen = new Set<string>();
  for (const event of events) if (event.type === 'generation.requested') seen.add(event.tags.project);
  return [...seen];
}

/** Chip changes in process: a new project filter's first page and summary, timed together. */
function timeChipChanges(view: LedgerView, events: readonly LedgerEvent[]) {
  view.rows({ currency: 'USD', limit: 4 });
  view.summary({ currency: 'USD' });
  const projects = projectsOf(events);
  const chip: number[] = [];
  const scan: number[] = [];
  for (let k = 0; k < QUERY_RUNS; k++) {
    const project = projects[(k * 37) % projects.length] as string;
    collectGarbage();
    const started = performance.now();
    view.rows({ project, currency: 'USD', limit: 4 });
    view.summary({ project, currency: 'USD' });
    chip.push(performance.now() - started);
    // Reference for a few: one plain pass over the journal's events picking the project's runs.
    if (k >= RUNS) continue;
    const scanStarted = performance.now();
    const runs = events.filter((e) => e.type === 'generation.requested' && e.tags.project === project);
    scan.push(performance.now() - scanStarted);
    if (runs.length === 0) throw new Error(`no generations for ${project}`);
  }
  return { chip, scan, projects };
}

/** View more in process: the 10 rows after the first page's cursor. */
function timeViewMore(view: LedgerView): number[] {
  const cursor = view.rows({ currency: 'USD', limit: 4 }).nextCursor ?? undefined;
  const ms: number[] = [];
  for (let k = 0; k < QUERY_RUNS; k++) {
    const started = performance.now();
    view.rows({ currency: 'USD', cursor, limit: 10 });
    ms.push(performance.now() - started);
  }
  return ms;
}

/** In process: the ledger folded once (createLedgerView), then chip changes and View more. */
function inProcess(events: readonly LedgerEvent[]) {
  collectGarbage();
  const started = performance.now();
  const view = createLedgerView(events);
  const foldMs = performance.now() - started;
  return { foldMs, ...timeChipChanges(view, events), viewMore: timeViewMore(view) };
}

/** Body bytes of each part of a summary: which breakdowns and tag lists make its size. */
function summaryParts(body: Buffer): string {
  const summary = JSON.parse(body.toString('utf8')) as SummaryResponse;
  const size = (value: unknown) => formatKb(Buffer.byteLength(JSON.stringify(value)));
  const breakdowns = Object.entries(summary.breakdowns).map(
    ([d, rows]) => `${d} ${rows.length} ${size(rows)}`,
  );
  const tags = Object.entries(summary.tags).map(
    ([d, list]) => `${d} ${(list as unknown[]).length} ${size(list)}`,
  );
  return `breakdowns ${breakdowns.join(', ')}; tags ${tags.join(', ')}`;
}

/** Over HTTP: the Billing tab's first requests (bytes), View more, and a chip change for reference. */
async function overHttp(backend: Backend, projects: readonly string[]) {
  const summary = await backend.call('GET', '/api/ledger/summary?currency=USD');
  const rows = await backend.call('GET', '/api/ledger/rows?limit=4');
  if (summary.status !== 200 || rows.status !== 200) throw new Error('the first Billing requests failed');
  const { nextCursor } = JSON.parse(rows.body.toString('utf8')) as { nextCursor: string | null };
  const more = `/api/ledger/rows?limit=10&cursor=${encodeURIComponent(nextCursor ?? '')}`;
  const viewMore: number[] = [];
  const chip: number[] = [];
  for (let k = 0; k < QUERY_RUNS; k++) {
    const page = await backend.call('GET', more);
    if (page.status !== 200) throw new Error(`View more answered ${page.status}: ${page.body}`);
    viewMore.push(page.ms);
    // Other projects than in process: the backend's view has not been asked for these either.
    const project = encodeURIComponent(projects[(k * 41 + 7) % projects.length] as string);
    const filtered = await backend.call('GET', `/api/ledger/rows?limit=4&project=${project}`);
    const totals = await backend.call('GET', `/api/ledger/summary?currency=USD&project=${project}`);
    chip.push(filtered.ms + totals.ms);
  }
  // What a browser receives: it asks for gzip, and the read model's JSON answers are gzipped.
  const gzip = { 'accept-encoding': 'gzip, deflate, br' };
  const wire = await Promise.all(
    ['/api/ledger/summary?currency=USD', '/api/ledger/rows?limit=4'].map((path) =>
      backend.call('GET', path, undefined, gzip),
    ),
  );
  return {
    summaryBytes: summary.body.length,
    summaryParts: summaryParts(summary.body),
    rowsBytes: rows.body.length,
    firstBytes: wire.reduce((sum, reply) => sum + reply.body.length + reply.headerBytes, 0),
    viewMore,
    chip,
  };
}

/** A backend on an empty ledger: the floor of any cold start and RSS (node, tsx, the server's modules). */
interface EmptyFloor {
  coldMs: number;
  listenMs: number;
  rss: number | null;
}

async function emptyFloor(root: string): Promise<EmptyFloor> {
  const dir = join(root, 'data-empty');
  await mkdir(dir, { recursive: true });
  // The first start also fills tsx's transform cache: discarded.
  const { ms, listenMs, rss, backend } = await coldStarts(dir, RUNS, 1);
  await backend.stop();
  return { coldMs: median(ms), listenMs: median(listenMs), rss: rss.length > 0 ? median(rss) : null };
}

interface SizeFigures {
  generations: number;
  events: number;
  snapshotBytes: number;
  /** Bytes JSON.parse read: snapshot.json and ledger.jsonl. */
  ledgerBytes: number;
  coldMs: number;
  /** Spawn → listening: node, tsx, the server's modules and reading the journal. */
  listenMs: number;
  parseMs: number;
  rss: number | null;
  afterGc: NodeJS.MemoryUsage;
  summaryBytes: number;
  summaryParts: string;
  rowsBytes: number;
  firstBytes: number;
  foldMs: number;
  chipMs: number;
  scanMs: number;
  chipHttpMs: number;
  viewMoreMs: number;
  viewMoreInProcessMs: number;
}

/** Every figure of one size, on a copy of the cached fixture; the last backend is left running. */
async function measureSize(root: string, fixture: LedgerFixtureDir) {
  const dir = await copyLedgerFixture(fixture, join(root, `data-${fixture.generations}`));
  const baseline = await parseBaseline(dir);
  const local = inProcess(baseline.events);
  collectGarbage();
  const starts = await coldStarts(dir, RUNS);
  const http = await overHttp(starts.backend, local.projects);
  const figures: SizeFigures = {
    generations: fixture.generations,
    events: fixture.events,
    snapshotBytes: fixture.snapshotBytes,
    ledgerBytes: baseline.bytes,
    coldMs: median(starts.ms),
    listenMs: median(starts.listenMs),
    parseMs: median(baseline.ms),
    rss: starts.rss.length > 0 ? median(starts.rss) : null,
    afterGc: await starts.backend.memoryAfterGc(),
    summaryBytes: http.summaryBytes,
    summaryParts: http.summaryParts,
    rowsBytes: http.rowsBytes,
    firstBytes: http.firstBytes,
    foldMs: local.foldMs,
    chipMs: median(local.chip),
    scanMs: median(local.scan),
    chipHttpMs: median(http.chip),
    viewMoreMs: median(http.viewMore),
    viewMoreInProcessMs: median(local.viewMore),
  };
  return { figures, backend: starts.backend };
}

/**
 * One figure against its limit: prints PASS/FAIL as reportRatio does and fails the run on FAIL; a
 * smoke run prints INFO and never fails (the panel's bench does the same).
 */
function reportLimit(check: {
  name: string;
  value: number;
  limit: number;
  show: (value: number) => string;
  detail: string;
}): boolean {
  const pass = check.value <= check.limit;
  const verdict = `${check.show(check.value)} (limit ${check.show(check.limit)})`;
  console.log(`  ${SMOKE ? 'INFO' : pass ? 'PASS' : 'FAIL'}  ${check.name}: ${verdict}`);
  console.log(`        ${check.detail}`);
  if (!pass && !SMOKE) process.exitCode = 1;
  return pass;
}

const times = (ratio: number) => `${ratio.toFixed(2)}×`;
const formatKb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** PASS/FAIL of targets 1–3 at one size. */
function reportSize(f: SizeFigures, floor: EmptyFloor): void {
  const size = `${f.generations / 1000}k generations`;
  reportLimit({
    name: `cold start to the first page, ${size}, vs JSON.parse of the ledger's bytes`,
    value: f.coldMs / f.parseMs,
    limit: LIMITS.coldStart,
    show: times,
    detail:
      `median of ${RUNS}: spawn → first rows ${formatMs(f.coldMs)} vs JSON.parse ${formatMs(f.parseMs)} ` +
      `(${formatMb(f.ledgerBytes)}, ${f.events} events). Listening after ${formatMs(f.listenMs)} (empty ` +
      `ledger ${formatMs(floor.listenMs)}: the rest is reading the journal), then the fold took ` +
      `${formatMs(f.coldMs - f.listenMs)} (in process ${formatMs(f.foldMs)})`,
  });
  if (f.rss === null) console.log(`  SKIP  server RSS, ${size}: /proc/<pid>/status is not readable here`);
  else {
    reportLimit({
      name: `server RSS after load, ${size}, vs snapshot.json on disk`,
      value: f.rss / f.snapshotBytes,
      limit: LIMITS.rss,
      show: times,
      detail:
        `median of ${RUNS}: VmRSS ${formatMb(f.rss)} vs snapshot.json ${formatMb(f.snapshotBytes)}; after a full ` +
        `GC ${formatMb(f.afterGc.rss)} (JS heap ${formatMb(f.afterGc.heapUsed)} used of ` +
        `${formatMb(f.afterGc.heapTotal)}, buffers ${formatMb(f.afterGc.external)}); an empty ledger's ` +
        `backend holds ${floor.rss === null ? '?' : formatMb(floor.rss)}`,
    });
  }
  reportLimit({
    name: `bytes before the first rows, ${size}`,
    value: f.firstBytes,
    limit: LIMITS.firstBytes,
    show: formatKb,
    detail:
      `with headers; bodies: summary?currency=USD ${formatKb(f.summaryBytes)} (${f.summaryParts}), ` +
      `rows?limit=4 ${formatKb(f.rowsBytes)}`,
  });
  reportLimit({
    name: `chip change in process (project filter: rows + summary), ${size}`,
    value: f.chipMs,
    limit: LIMITS.chipMs,
    show: formatMs,
    detail:
      `median of ${QUERY_RUNS} projects, each asked for the first time; over HTTP ${formatMs(f.chipHttpMs)}; ` +
      `one pass over the journal's events for a project ${formatMs(f.scanMs)}`,
  });
  reportLimit({
    name: `View more (next 10 rows by cursor) over HTTP, ${size}`,
    value: f.viewMoreMs,
    limit: LIMITS.viewMoreMs,
    show: formatMs,
    detail: `median of ${QUERY_RUNS}; the same page in process ${formatMs(f.viewMoreInProcessMs)}`,
  });
}

/** A new run's write-ahead intent, the newest event of the ledger. */
function appendEvent(i: number, label: string): LedgerEvent {
  const genId = `bench-${label}-${i}`;
  return {
    id: `${genId}:requested`,
    type: 'generation.requested',
    at: new Date(Date.parse(FIXTURE_END) + (i + 1) * 1000).toISOString(),
    epoch: 0,
    v: 1,
    genId,
    endpointId: 'fal-ai/flux-1/dev',
    modelName: 'FLUX.1 [dev]',
    category: 'text-to-image',
    params: { image_size: 'landscape_16_9', num_images: 1 },
    prompt: `a lighthouse on a basalt cliff, blue hour, take ${i}`,
    estimate: { usdMicros: 25_000, tier: 'estimated', priceRef: 'bench' },
    tags: { client: 'Acme', project: 'Acme Brand Film', deliverable: 'Hero Film 01' },
    licence: 'commercial',
    fx: { ...DEFAULT_FX, rates: { ...DEFAULT_FX.rates } },
  };
}

interface AppendFigures {
  small: number;
  large: number;
  smallPage: number;
  largePage: number;
}

/**
 * Appends alternate between the backend on the smallest and the one on the largest ledger, so disk
 * noise hits both alike. Each is one POST timed until acknowledged (fsync and the read model's fold
 * included); the first page asked right after it (the panel refreshes on the change) is timed apart.
 */
async function benchAppend(backends: { small: Backend; large: Backend }): Promise<AppendFigures> {
  const ms = { small: [] as number[], large: [] as number[] };
  const pages = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < WARMUP + APPENDS; i++) {
    for (const key of i % 2 ? (['small', 'large'] as const) : (['large', 'small'] as const)) {
      const events = [appendEvent(i, key)];
      const reply = await backends[key].call('POST', '/api/ledger/events', { events });
      if (reply.status !== 200) throw new Error(`append answered ${reply.status}: ${reply.body}`);
      const page = await backends[key].call('GET', '/api/ledger/rows?limit=4');
      if (i < WARMUP) continue;
      ms[key].push(reply.ms);
      pages[key].push(page.ms);
    }
  }
  const [small, large] = [median(ms.small), median(ms.large)];
  return { small, large, smallPage: median(pages.small), largePage: median(pages.large) };
}

/** The figures as a Markdown table (for bench/RESULTS.md), one column per size. */
function printTable(all: readonly SizeFigures[], floor: EmptyFloor, append: AppendFigures): void {
  const line = (name: string, cell: (f: SizeFigures) => string) =>
    console.log(`| ${[name, ...all.map(cell)].join(' | ')} |`);
  const rss = (f: SizeFigures, show: (rss: number) => string) => (f.rss === null ? '–' : show(f.rss));
  console.log('');
  line('Generations', (f) => `${f.generations / 1000}k`);
  line('---', () => '---:');
  line('events', (f) => String(f.events));
  line('snapshot.json', (f) => formatMb(f.snapshotBytes));
  line('cold start → first rows', (f) => formatMs(f.coldMs));
  line('JSON.parse baseline', (f) => formatMs(f.parseMs));
  line(`cold start / parse (≤ ${LIMITS.coldStart}×)`, (f) => times(f.coldMs / f.parseMs));
  line('spawn → listening (journal read)', (f) => formatMs(f.listenMs));
  line('listening → first rows (fold)', (f) => formatMs(f.coldMs - f.listenMs));
  line('first fold, in process', (f) => formatMs(f.foldMs));
  line('server RSS at first rows', (f) => rss(f, formatMb));
  line(`RSS / snapshot.json (≤ ${LIMITS.rss}×)`, (f) => rss(f, (bytes) => times(bytes / f.snapshotBytes)));
  line('RSS after a full GC', (f) => formatMb(f.afterGc.rss));
  line('JS heap used after a full GC', (f) => formatMb(f.afterGc.heapUsed));
  line('bytes before first rows, gzip (≤ 100 kB)', (f) => formatKb(f.firstBytes));
  line('chip change, in process (≤ 5 ms)', (f) => formatMs(f.chipMs));
  line('chip change, over HTTP', (f) => formatMs(f.chipHttpMs));
  line('View more, over HTTP (≤ 50 ms)', (f) => formatMs(f.viewMoreMs));
  console.log('');
  const floorRss = floor.rss === null ? '–' : formatMb(floor.rss);
  console.log(
    `Empty ledger: listening after ${formatMs(floor.listenMs)}, first rows after ${formatMs(floor.coldMs)}, ` +
      `RSS ${floorRss}.`,
  );
  console.log(
    `Append 1 event, acknowledged: ${formatMs(append.large)} (largest) vs ${formatMs(append.small)} (1k), ` +
      `${times(append.large / append.small)}; first page after it ${formatMs(append.largePage)} vs ` +
      `${formatMs(append.smallPage)}.`,
  );
}

const root = await mkdtemp(join(tmpdir(), 'mb-bench-ledger-read-'));
const running: Backend[] = [];
try {
  if (SMOKE) console.log('  smoke run: 1k generations only; figures are printed, targets are not enforced');
  const floor = await emptyFloor(root);
  const measured: SizeFigures[] = [];
  for (const [i, generations] of SIZES.entries()) {
    const fixture = await cachedLedgerFixture(generations);
    const made = fixture.createdMs === null ? 'cached' : `created in ${formatMs(fixture.createdMs)}`;
    console.log(`  ${generations / 1000}k generations: ${fixture.events} events (${made})`);
    const { figures, backend } = await measureSize(root, fixture);
    reportSize(figures, floor);
    measured.push(figures);
    // The smallest and largest backends stay up for the append bench; the others are done.
    if (i === 0 || i === SIZES.length - 1) running.push(backend);
    else await backend.stop();
  }
  if (running.length === 1) {
    // A smoke run has one size: a second backend on a second copy, so the code path still runs.
    const twin = await copyLedgerFixture(await cachedLedgerFixture(SIZES[0] as number), join(root, 'twin'));
    running.push((await coldStart(twin)).backend);
  }
  const append = await benchAppend({ small: running[0] as Backend, large: running[1] as Backend });
  const [smallest, largest] = [measured[0], measured.at(-1)] as SizeFigures[];
  reportLimit({
    name: `append 1 event, acknowledged: ${largest!.generations / 1000}k vs ${smallest!.generations / 1000}k generations`,
    value: append.large / append.small,
    limit: LIMITS.append,
    show: times,
    detail:
      `median of ${APPENDS} POST /api/ledger/events each, fsync and fold included: ${formatMs(append.large)} vs ` +
      `${formatMs(append.small)}; the first page right after ${formatMs(append.largePage)} vs ${formatMs(append.smallPage)}`,
  });
  printTable(measured, floor, append);
} finally {
  await Promise.all(running.map((backend) => backend.stop()));
  await rm(root, { recursive: true, force: true });
}
