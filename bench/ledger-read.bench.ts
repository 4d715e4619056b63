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
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { DEFAULT_FX, type LedgerEvent } from '../src/domain/index.ts';
import { createLedgerView, type LedgerView } from '../src/ledger-view/index.ts';
import { JOURNAL_FILE, openJournal, SNAPSHOT_FILE } from '../src/persistence/index.ts';
import {
  cachedLedgerFixture,
  copyLedgerFixture,
  FIXTURE_END,
  type LedgerFixtureDir,
} from './ledger-fixture.ts';
import { collectGarbage, formatMb, formatMs, median } from './report.ts';

const SMOKE = process.env.MODELBRIDGE_BENCH_SMOKE === '1' || process.argv.includes('--smoke');
const SIZES = SMOKE ? [1_000] : [1_000, 10_000, 100_000];
/** Cold starts (after one discarded warm-up) and parse baselines per size. */
const RUNS = 5;
/** Chip changes and View more pages per size (a different project each chip change). */
const QUERY_RUNS = 25;
const APPENDS = 100;
const WARMUP = 10;
const LIMITS = { coldStart: 1.5, rss: 2, firstBytes: 100_000, chipMs: 5, viewMoreMs: 50, append: 1.5 };
const START_URL = pathToFileURL(new URL('../src/server/start.ts', import.meta.url).pathname).href;

/**
 * The backend's child process: the real startServer (port 0, Sandbox mode, no fal key) on a data dir.
 * It prints its port and token once listening and closes cleanly (releasing the journal lock) when
 * its stdin ends.
 */
const SERVE_SCRIPT = `
const { startServer } = await import(process.env.MB_BENCH_START_URL);
const dataDir = process.env.MB_BENCH_DATA_DIR;
const server = await startServer({ dataDir, port: 0, strictPort: true, sandbox: true, env: {}, panelDir: dataDir, heartbeatMs: 60000 });
process.stdout.write(JSON.stringify({ port: server.port, token: server.token }) + '\\n');
process.stdin.on('end', () => server.close().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); }));
process.stdin.resume();
`;

interface Reply {
  status: number;
  body: Buffer;
  /** Status line and headers as sent. */
  headerBytes: number;
  ms: number;
}

/** One running backend and a keep-alive HTTP client for it (as the panel's browser keeps its connection). */
class Backend {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly token: string,
  ) {}

  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = {
      host: `127.0.0.1:${this.port}`,
      'x-modelbridge-token': this.token,
    };
    if (payload)
      Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const raw = res.rawHeaders;
            let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n\r\n`.length;
            for (let i = 0; i < raw.length; i += 2) headerBytes += `${raw[i]}: ${raw[i + 1]}\r\n`.length;
            const ms = performance.now() - started;
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headerBytes, ms });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  async json<T>(path: string): Promise<T> {
    const reply = await this.call('GET', path);
    if (reply.status !== 200) throw new Error(`GET ${path} answered ${reply.status}: ${reply.body}`);
    return JSON.parse(reply.body.toString('utf8')) as T;
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

  async stop(): Promise<void> {
    this.agent.destroy();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Spawns a backend on `dataDir`; resolves once it printed its port (it may still be folding the ledger). */
function spawnBackend(dataDir: string): Promise<Backend> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SERVE_SCRIPT], {
    env: { ...process.env, MB_BENCH_START_URL: START_URL, MB_BENCH_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      const { port, token } = JSON.parse(line) as { port: number; token: string };
      resolve(new Backend(child, port, token));
    });
    child.once('exit', (code) =>
      reject(new Error(`the backend on ${dataDir} exited (${code}) before listening`)),
    );
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

/** Spawn → first page answered, and the child's RSS at that moment; the backend keeps running. */
async function coldStart(dataDir: string): Promise<{ ms: number; rss: number | null; backend: Backend }> {
  const started = performance.now();
  const backend = await spawnBackend(dataDir);
  await firstPage(backend);
  const ms = performance.now() - started;
  return { ms, rss: await backend.rssBytes(), backend };
}

/**
 * The baseline: JSON.parse of the data dir's ledger bytes, already in memory (snapshot.json whole,
 * ledger.jsonl line by line), keeping the parsed values as any reader must.
 */
async function parseBaseline(dir: string): Promise<{ ms: number[]; bytes: number }> {
  const snapshot = await readFile(join(dir, SNAPSHOT_FILE));
  const journal = await readFile(join(dir, JOURNAL_FILE));
  const ms: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    collectGarbage();
    const started = performance.now();
    const kept: unknown[] = [JSON.parse(snapshot.toString('utf8'))];
    for (const line of journal.toString('utf8').split('\n')) if (line) kept.push(JSON.parse(line));
    // The first parse warms up the JIT, as the first cold start warms up tsx's cache.
    if (i > 0) ms.push(performance.now() - started);
    if (kept.length === 0) throw new Error('nothing parsed');
  }
  return { ms, bytes: snapshot.length + journal.length };
}

/** One figure against an absolute limit: prints PASS/FAIL like reportRatio and fails the run on FAIL. */
function reportLimit(check: {
  name: string;
  value: number;
  limit: number;
  show: (v: number) => string;
  detail: string;
}): boolean {
  const pass = check.value <= check.limit;
  console.log(
    `  ${pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.show(check.value)} (limit ${check.show(check.limit)})`,
  );
  console.log(`        ${check.detail}`);
  if (!pass) process.exitCode = 1;
  return pass;
}

/** A ratio against its limit, printed the same way as reportLimit. */
function reportRatioOf(check: { name: string; ratio: number; limit: number; detail: string }): boolean {
  return reportLimit({ ...check, value: check.ratio, show: (v) => `${v.toFixed(2)}×` });
}

const formatKb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The journal's events, loaded in this process the way the backend loads them. */
async function loadEvents(dir: string): Promise<LedgerEvent[]> {
  const journal = await openJournal(dir);
  try {
    return (await journal.load()).events;
  } finally {
    await journal.close();
  }
}

/** Projects in order of first use, so the chip changes below each ask for a filter not asked before. */
function projectsOf(events: readonly LedgerEvent[]): string[] {
  const seen = new Set<string>();
  for (const event of events) if (event.type === 'generation.requested') seen.add(event.tags.project);
  return [...seen];
}

/** Chip changes in process: a new project filter's first page and summary, timed together. */
function timeChipChanges(
  view: LedgerView,
  events: readonly LedgerEvent[],
): { chip: number[]; scan: number[] } {
  view.rows({ currency: 'USD', limit: 4 });
  view.summary({ currency: 'USD' });
  const projects = projectsOf(events);
  const chip: number[] = [];
  const scan: number[] = [];
  for (let k = 0; k < QUERY_RUNS; k++) {
    const project = projects[(k * 37) % projects.length] as string;
    collectGarbage();
    let started = performance.now();
    view.rows({ project, currency: 'USD', limit: 4 });
    view.summary({ project, currency: 'USD' });
    chip.push(performance.now() - started);
    // Reference: one plain pass over the journal's events picking the project's generations.
    started = performance.now();
    const found = events.filter(
      (event) => event.type === 'generation.requested' && event.tags.project === project,
    );
    scan.push(performance.now() - started);
    if (found.length === 0) throw new Error(`no generations for ${project}`);
  }
  return { chip, scan };
}

/** View more in process: the 10 rows after the first page's cursor. */
function timeViewMoreInProcess(view: LedgerView): number[] {
  const cursor = view.rows({ currency: 'USD', limit: 4 }).nextCursor ?? undefined;
  const ms: number[] = [];
  for (let k = 0; k < QUERY_RUNS; k++) {
    const started = performance.now();
    view.rows({ currency: 'USD', cursor, limit: 10 });
    ms.push(performance.now() - started);
  }
  return ms;
}

/** The in-process figures: fold the journal once, then chip changes and View more pages. */
async function inProcess(dir: string) {
  const events = await loadEvents(dir);
  collectGarbage();
  const started = performance.now();
  const view = createLedgerView(events);
  const foldMs = performance.now() - started;
  const { chip, scan } = timeChipChanges(view, events);
  return { foldMs, chip, scan, viewMore: timeViewMoreInProcess(view), projects: projectsOf(events) };
}

/** Over HTTP: the Billing tab's first requests (bytes), View more, and a chip change for reference. */
async function overHttp(backend: Backend, projects: readonly string[]) {
  const summary = await backend.call('GET', '/api/ledger/summary?currency=USD');
  const rows = await backend.call('GET', '/api/ledger/rows?limit=4');
  const first = [summary, rows];
  const firstBytes = first.reduce((sum, reply) => sum + reply.body.length + reply.headerBytes, 0);
  const { nextCursor } = JSON.parse(rows.body.toString('utf8')) as { nextCursor: string | null };
  const viewMore: number[] = [];
  const chip: number[] = [];
  for (let k = 0; k < QUERY_RUNS; k++) {
    const more = await backend.call(
      'GET',
      `/api/ledger/rows?limit=10&cursor=${encodeURIComponent(nextCursor ?? '')}`,
    );
    if (more.status !== 200) throw new Error(`View more answered ${more.status}: ${more.body}`);
    viewMore.push(more.ms);
    const project = encodeURIComponent(projects[(k * 41 + 7) % projects.length] as string);
    const page = await backend.call('GET', `/api/ledger/rows?limit=4&project=${project}`);
    const totals = await backend.call('GET', `/api/ledger/summary?currency=USD&project=${project}`);
    chip.push(page.ms + totals.ms);
  }
  return { summaryBytes: summary.body.length, rowsBytes: rows.body.length, firstBytes, viewMore, chip };
}

/** Cold starts of a backend on `dir` (one discarded warm-up), leaving the last one running. */
async function coldStarts(
  dir: string,
  runs: number,
): Promise<{ ms: number[]; rss: number[]; backend: Backend }> {
  const ms: number[] = [];
  const rss: number[] = [];
  let backend: Backend | null = null;
  for (let i = 0; i <= runs; i++) {
    await backend?.stop();
    const run = await coldStart(dir);
    backend = run.backend;
    // The first start also fills tsx's transform cache and the page cache: discarded, like the first parse.
    if (i === 0) continue;
    ms.push(run.ms);
    if (run.rss !== null) rss.push(run.rss);
  }
  return { ms, rss, backend: backend as Backend };
}

/** A backend with an empty ledger: the floor of any cold start and RSS (node, tsx, the server's modules). */
interface EmptyFloor {
  coldMs: number;
  rss: number | null;
}

async function emptyFloor(root: string): Promise<EmptyFloor> {
  const dir = join(root, 'data-empty');
  await mkdir(dir, { recursive: true });
  const { ms, rss, backend } = await coldStarts(dir, 3);
  await backend.stop();
  return { coldMs: median(ms), rss: rss.length > 0 ? median(rss) : null };
}

interface SizeFigures {
  generations: number;
  events: number;
  snapshotBytes: number;
  /** Bytes JSON.parse read: snapshot.json and ledger.jsonl. */
  ledgerBytes: number;
  coldMs: number;
  parseMs: number;
  rss: number | null;
  summaryBytes: number;
  rowsBytes: number;
  firstBytes: number;
  foldMs: number;
  chipMs: number;
  scanMs: number;
  chipHttpMs: number;
  viewMoreMs: number;
  viewMoreInProcessMs: number;
}

/** Every figure of one size; the data dir copy is kept for the append bench. */
async function measureSize(
  root: string,
  fixture: LedgerFixtureDir,
): Promise<{ figures: SizeFigures; dir: string }> {
  const dir = await copyLedgerFixture(fixture, join(root, `data-${fixture.generations}`));
  const baseline = await parseBaseline(dir);
  const local = await inProcess(dir);
  collectGarbage();
  const starts = await coldStarts(dir, RUNS);
  const http = await overHttp(starts.backend, local.projects);
  await starts.backend.stop();
  const figures: SizeFigures = {
    generations: fixture.generations,
    events: fixture.events,
    snapshotBytes: fixture.snapshotBytes,
    ledgerBytes: baseline.bytes,
    coldMs: median(starts.ms),
    parseMs: median(baseline.ms),
    rss: starts.rss.length > 0 ? median(starts.rss) : null,
    summaryBytes: http.summaryBytes,
    rowsBytes: http.rowsBytes,
    firstBytes: http.firstBytes,
    foldMs: local.foldMs,
    chipMs: median(local.chip),
    scanMs: median(local.scan),
    chipHttpMs: median(http.chip),
    viewMoreMs: median(http.viewMore),
    viewMoreInProcessMs: median(local.viewMore),
  };
  return { figures, dir };
}

/** PASS/FAIL of targets 1–3 at one size. */
function reportSize(f: SizeFigures, floor: EmptyFloor): void {
  const size = `${f.generations / 1000}k generations`;
  reportRatioOf({
    name: `cold start to the first page, ${size}, vs JSON.parse of the ledger's bytes`,
    ratio: f.coldMs / f.parseMs,
    limit: LIMITS.coldStart,
    detail:
      `median of ${RUNS}: spawn → first rows ${formatMs(f.coldMs)} vs JSON.parse ${formatMs(f.parseMs)} ` +
      `(${formatMb(f.ledgerBytes)}, ${f.events} events); an empty ledger starts in ${formatMs(floor.coldMs)}`,
  });
  if (f.rss === null) console.log(`  SKIP  server RSS, ${size}: /proc/<pid>/status is not readable here`);
  else {
    reportRatioOf({
      name: `server RSS after load, ${size}, vs snapshot.json on disk`,
      ratio: f.rss / f.snapshotBytes,
      limit: LIMITS.rss,
      detail:
        `median of ${RUNS}: VmRSS ${formatMb(f.rss)} vs snapshot.json ${formatMb(f.snapshotBytes)}; ` +
        `an empty ledger's backend holds ${floor.rss === null ? '?' : formatMb(floor.rss)}`,
    });
  }
  reportLimit({
    name: `bytes before the first rows, ${size}`,
    value: f.firstBytes,
    limit: LIMITS.firstBytes,
    show: formatKb,
    detail:
      `GET summary?currency=USD ${formatKb(f.summaryBytes)} + GET rows?limit=4 ${formatKb(f.rowsBytes)} ` +
      '(bodies; the total adds status lines and headers)',
  });
  reportLimit({
    name: `chip change in process (project filter: rows + summary), ${size}`,
    value: f.chipMs,
    limit: LIMITS.chipMs,
    show: formatMs,
    detail:
      `median of ${QUERY_RUNS} projects, each asked for the first time; over HTTP ${formatMs(f.chipHttpMs)}; ` +
      `one pass over the events for a project ${formatMs(f.scanMs)}; first fold ${formatMs(f.foldMs)}`,
  });
  reportLimit({
    name: `View more (next 10 rows by cursor) over HTTP, ${size}`,
    value: f.viewMoreMs,
    limit: LIMITS.viewMoreMs,
    show: formatMs,
    detail: `median of ${QUERY_RUNS}; the same page in process ${formatMs(f.viewMoreInProcessMs)}`,
  });
}

/** A new valid run's write-ahead intent, newest in the ledger. */
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
  smallRows: number;
  largeRows: number;
}

/**
 * Appends alternate between a backend on the smallest and one on the largest ledger, so disk noise hits
 * both alike. Each append is one POST, timed until acknowledged (fsync and the read model's fold
 * included); the first page asked right after it (the panel refreshes on the change) is timed apart.
 */
async function benchAppend(
  small: { dir: string; label: string },
  large: { dir: string; label: string },
): Promise<AppendFigures> {
  const backends = {
    small: (await coldStart(small.dir)).backend,
    large: (await coldStart(large.dir)).backend,
  };
  const labels = { small: small.label, large: large.label };
  const times = { small: [] as number[], large: [] as number[] };
  const pages = { small: [] as number[], large: [] as number[] };
  try {
    for (let i = 0; i < WARMUP + APPENDS; i++) {
      for (const key of i % 2 ? (['small', 'large'] as const) : (['large', 'small'] as const)) {
        const reply = await backends[key].call('POST', '/api/ledger/events', {
          events: [appendEvent(i, labels[key])],
        });
        if (reply.status !== 200) throw new Error(`append answered ${reply.status}: ${reply.body}`);
        const page = await backends[key].call('GET', '/api/ledger/rows?limit=4');
        if (i < WARMUP) continue;
        times[key].push(reply.ms);
        pages[key].push(page.ms);
      }
    }
  } finally {
    await Promise.all([backends.small.stop(), backends.large.stop()]);
  }
  return {
    small: median(times.small),
    large: median(times.large),
    smallRows: median(pages.small),
    largeRows: median(pages.large),
  };
}

/** The figures as a Markdown table (for bench/RESULTS.md), one column per size. */
function printTable(
  all: readonly SizeFigures[],
  floor: EmptyFloor,
  append: AppendFigures,
  labels: [string, string],
): void {
  const row = (name: string, cells: string[]) => console.log(`| ${[name, ...cells].join(' | ')} |`);
  console.log('');
  row(
    'Figure',
    all.map((f) => `${f.generations / 1000}k`),
  );
  row(
    '---',
    all.map(() => '---:'),
  );
  row(
    'events / snapshot.json',
    all.map((f) => `${f.events} / ${formatMb(f.snapshotBytes)}`),
  );
  row(
    'cold start → first rows',
    all.map((f) => formatMs(f.coldMs)),
  );
  row(
    'JSON.parse baseline',
    all.map((f) => formatMs(f.parseMs)),
  );
  row(
    `ratio (≤ ${LIMITS.coldStart}×)`,
    all.map((f) => `${(f.coldMs / f.parseMs).toFixed(2)}×`),
  );
  row(
    'server RSS',
    all.map((f) => (f.rss === null ? '–' : formatMb(f.rss))),
  );
  row(
    `RSS / snapshot (≤ ${LIMITS.rss}×)`,
    all.map((f) => (f.rss === null ? '–' : `${(f.rss / f.snapshotBytes).toFixed(2)}×`)),
  );
  row(
    'bytes before first rows (≤ 100 kB)',
    all.map((f) => formatKb(f.firstBytes)),
  );
  row(
    'first fold in process',
    all.map((f) => formatMs(f.foldMs)),
  );
  row(
    'chip change in process (≤ 5 ms)',
    all.map((f) => formatMs(f.chipMs)),
  );
  row(
    'chip change over HTTP',
    all.map((f) => formatMs(f.chipHttpMs)),
  );
  row(
    'View more over HTTP (≤ 50 ms)',
    all.map((f) => formatMs(f.viewMoreMs)),
  );
  console.log('');
  console.log(
    `Empty ledger: cold start ${formatMs(floor.coldMs)}, RSS ${floor.rss === null ? '–' : formatMb(floor.rss)}.`,
  );
  console.log(
    `Append 1 event, acknowledged: ${labels[1]} ${formatMs(append.large)} vs ${labels[0]} ${formatMs(append.small)} ` +
      `(${(append.large / append.small).toFixed(2)}×, ≤ ${LIMITS.append}×); first page after it ` +
      `${formatMs(append.largeRows)} vs ${formatMs(append.smallRows)}.`,
  );
}

const root = await mkdtemp(join(tmpdir(), 'mb-bench-ledger-read-'));
try {
  if (SMOKE) console.log('  smoke run: 1k generations only; figures are printed, targets are not enforced');
  const floor = await emptyFloor(root);
  const measured: { figures: SizeFigures; dir: string }[] = [];
  for (const generations of SIZES) {
    const fixture = await cachedLedgerFixture(generations);
    const made = fixture.createdMs === null ? 'cached' : `created in ${formatMs(fixture.createdMs)}`;
    console.log(
      `  ${generations / 1000}k generations: ${fixture.events} events, ${formatMb(fixture.snapshotBytes)} (${made})`,
    );
    const size = await measureSize(root, fixture);
    reportSize(size.figures, floor);
    measured.push(size);
  }
  const [smallest, largest] = [measured[0], measured.at(-1)] as { figures: SizeFigures; dir: string }[];
  const labels: [string, string] = [
    `${smallest!.figures.generations / 1000}k`,
    `${largest!.figures.generations / 1000}k`,
  ];
  // In a smoke run both are 1k: a second copy, so the two backends do not share a data dir.
  const largeDir =
    smallest === largest
      ? await copyLedgerFixture(await cachedLedgerFixture(SIZES[0] as number), join(root, 'data-twin'))
      : largest!.dir;
  const append = await benchAppend({ dir: smallest!.dir, label: 'small' }, { dir: largeDir, label: 'large' });
  reportRatioOf({
    name: `append 1 event, acknowledged: ${labels[1]} vs ${labels[0]} generations`,
    ratio: append.large / append.small,
    limit: LIMITS.append,
    detail:
      `median of ${APPENDS} POST /api/ledger/events each, fsync and fold included: ${formatMs(append.large)} vs ` +
      `${formatMs(append.small)}; the first page right after ${formatMs(append.largeRows)} vs ${formatMs(append.smallRows)}`,
  });
  printTable(
    measured.map((m) => m.figures),
    floor,
    append,
    labels,
  );
  if (SMOKE) process.exitCode = 0;
} finally {
  await rm(root, { recursive: true, force: true });
}
