/**
 * Disk journal targets (issue 3): (1) appending one event to a 100k-event journal costs at most 1.5× appending
 * to a 1k-event one (appends never rewrite the file); (2) a cold load of 100k events takes at most 2× a
 * JSON.parse of the same bytes, measured in the same run.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournal } from '../src/persistence/index.ts';
import { writeJournalFile, writeSnapshotFile } from './fixture-files.ts';
import { makeEvent, makeEvents } from './fixtures.ts';
import { collectGarbage, formatMb, formatMs, median, reportRatio } from './report.ts';

const LARGE = 100_000;
const SMALL = 1_000;
const APPENDS = 200;
const LOADS = 5;

async function freshDir(root: string, name: string): Promise<string> {
  return mkdtemp(join(root, `${name}-`));
}

/** Alternates appends to both journals so disk noise hits both equally; returns per-append ms lists. */
async function timeAppends(
  smallDir: string,
  largeDir: string,
): Promise<{ small: number[]; large: number[] }> {
  // Compaction off: every timed append goes to the end of the big ledger.jsonl itself.
  const options = { compactEvery: Number.POSITIVE_INFINITY };
  const journals = {
    small: await openJournal(smallDir, options),
    large: await openJournal(largeDir, options),
  };
  await journals.small.load();
  await journals.large.load();
  const times = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < APPENDS + 10; i++) {
    for (const key of i % 2 ? (['small', 'large'] as const) : (['large', 'small'] as const)) {
      const event = makeEvent(LARGE + i, { prefix: 'bench-' });
      const started = performance.now();
      await journals[key].append([event]);
      // The first 10 rounds warm up the JIT and the file handles.
      if (i >= 10) times[key].push(performance.now() - started);
    }
  }
  await journals.small.close();
  await journals.large.close();
  return times;
}

async function benchAppend(root: string): Promise<void> {
  const smallDir = await freshDir(root, 'small');
  const largeDir = await freshDir(root, 'large');
  await writeJournalFile(smallDir, makeEvents(SMALL));
  const largeBytes = await writeJournalFile(largeDir, makeEvents(LARGE));
  const { small, large } = await timeAppends(smallDir, largeDir);
  reportRatio({
    name: `append 1 event: ${LARGE / 1000}k-event journal vs ${SMALL / 1000}k-event journal`,
    detail:
      `median of ${APPENDS} appends each, fsync included: ${formatMs(median(large))} (ledger.jsonl ` +
      `${formatMb(largeBytes)}) vs ${formatMs(median(small))}`,
    ratio: median(large) / median(small),
    limit: 1.5,
  });
}

/**
 * Baseline: JSON.parse of the file's bytes, already in memory, keeping the parsed values as any reader
 * must (a .jsonl is parsed line by line; JSON.parse of a whole snapshot keeps its tree anyway).
 */
function parseBaseline(bytes: Buffer, jsonl: boolean): number {
  const started = performance.now();
  const text = bytes.toString('utf8');
  const kept: unknown[] = [];
  if (jsonl) for (const line of text.split('\n')) line && kept.push(JSON.parse(line));
  else kept.push(JSON.parse(text));
  const elapsed = performance.now() - started;
  if (kept.length === 0) throw new Error('nothing parsed');
  return elapsed;
}

async function timeLoad(dir: string): Promise<number> {
  const started = performance.now();
  const journal = await openJournal(dir);
  const { events } = await journal.load();
  await journal.close();
  const elapsed = performance.now() - started;
  if (events.length !== LARGE) throw new Error(`loaded ${events.length} events, expected ${LARGE}`);
  return elapsed;
}

async function benchLoad(root: string, layout: 'snapshot.json' | 'ledger.jsonl'): Promise<void> {
  const dir = await freshDir(root, 'load');
  const events = makeEvents(LARGE);
  if (layout === 'snapshot.json') await writeSnapshotFile(dir, events);
  else await writeJournalFile(dir, events);
  const bytes = await readFile(join(dir, layout));
  const loads: number[] = [];
  const parses: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    collectGarbage();
    parses.push(parseBaseline(bytes, layout === 'ledger.jsonl'));
    collectGarbage();
    loads.push(await timeLoad(dir));
  }
  reportRatio({
    name: `cold load of ${LARGE / 1000}k events from ${layout} vs JSON.parse of the same bytes`,
    detail:
      `median of ${LOADS}: openJournal + load() + close ${formatMs(median(loads))} (reads ${formatMb(bytes.length)} ` +
      `from disk) vs JSON.parse ${formatMs(median(parses))}`,
    ratio: median(loads) / median(parses),
    limit: 2,
  });
}

const root = await mkdtemp(join(tmpdir(), 'mb-bench-journal-'));
try {
  await benchAppend(root);
  await benchLoad(root, 'snapshot.json');
  await benchLoad(root, 'ledger.jsonl');
} finally {
  await rm(root, { recursive: true, force: true });
}
