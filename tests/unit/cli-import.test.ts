import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createActor, toPromise } from 'xstate';
import { afterAll, describe, expect, test } from 'vitest';
import { parseImportArgs } from '../../src/cli-import.ts';
import type { ExternalPreviewResponse } from '../../src/contract/index.ts';
import {
  DEFAULT_FX,
  type LedgerEvent,
  type LedgerEventOf,
  ledgerEventSchema,
} from '../../src/domain/index.ts';
import { defineExternalImportActors } from '../../src/machines/imports/external-import.actors.ts';
import type { LedgerEventDraft } from '../../src/machines/ports.ts';
import { openJournal } from '../../src/persistence/index.ts';
import { MAX_IMPORT_ROWS, previewExternalCsv } from '../../src/reports/import/index.ts';
import { runCli } from '../fixtures/cli/run-cli.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../fixtures/server/harness.ts';

/** `modelbridge import` as a child process over real data dirs, and through a real backend holding one. */

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url));
const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

async function dataDir(): Promise<string> {
  const dir = await tempDir('mb-cli-import-');
  dirs.push(dir);
  return dir;
}

type Imported = LedgerEventOf<'external.imported'>;

/** The events in the data dir's ledger.jsonl, read as the disk holds them. */
async function journalEvents(dir: string): Promise<LedgerEvent[]> {
  const text = await readFile(join(dir, 'ledger.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('{"base":'))
    .map((line) => JSON.parse(line) as LedgerEvent);
}

const imports = async (dir: string) =>
  (await journalEvents(dir)).filter((e): e is Imported => e.type === 'external.imported');

/** The bytes of the journal, to prove a command wrote nothing. */
const journalBytes = (dir: string) => readFile(join(dir, 'ledger.jsonl'), 'utf8').catch(() => null);

/** What the panel would record for the same file (its actor, through a ledger port that keeps the drafts). */
async function panelEvent(preview: ExternalPreviewResponse): Promise<LedgerEventDraft> {
  const drafts: LedgerEventDraft[] = [];
  const record = async (events: readonly LedgerEventDraft[]) => void drafts.push(...events);
  const actors = defineExternalImportActors({
    previews: { previewExternal: async () => preview },
    ledger: { record, recordDurably: record },
    clock: { now: () => '2026-12-07T12:00:00.000Z' },
    newId: () => 'panel',
  });
  await toPromise(createActor(actors.recordImport, { input: preview }).start());
  return drafts[0] as LedgerEventDraft;
}

const previewOf = async (name: string): Promise<ExternalPreviewResponse> => ({
  ...previewExternalCsv(await readFile(fixture(name), 'utf8'), {
    knownKeys: new Set(),
    fx: DEFAULT_FX,
    displayCurrency: 'USD',
  }),
  fileName: name,
  fx: DEFAULT_FX,
});

describe('modelbridge import', { timeout: 60_000 }, () => {
  test.each([
    [
      'midjourney.csv',
      3,
      { amountMicros: 30_000_000, currency: 'USD', category: 'Midjourney Standard Plan' },
    ],
    ['runway.csv', 3, { amountMicros: -5_000_000, currency: 'USD', date: '2026-11-05' }],
    [
      'elevenlabs.csv',
      3,
      { description: 'Voice-over narration, take 2 (pick-ups)', amountMicros: 1_200_000 },
    ],
    ['sek-semicolon.csv', 3, { amountMicros: 1_234_500_000, currency: 'SEK', date: '2026-11-03' }],
  ])('%s is recorded as one external.imported event, as the panel records it', async (name, count, fact) => {
    const dir = await dataDir();
    const result = await runCli(['import', fixture(name), '--data-dir', dir]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(`${name}: ${count} valid rows, total `);
    expect(result.out).toMatch(/Recorded 3 rows \(.+\) as import-[0-9a-f-]+ in /);
    const [event, ...more] = await imports(dir);
    expect(more).toEqual([]);
    expect(ledgerEventSchema.parse(event)).toEqual(event);
    expect(event?.batchId).toBe(event?.id);
    expect(event?.epoch).toBe(0);
    expect(event?.rows).toHaveLength(count);
    expect(event?.rows).toContainEqual(expect.objectContaining(fact));
    const panel = await panelEvent(await previewOf(name));
    const { id: _a, batchId: _b, at: _c, epoch: _d, ...cli } = event as Imported;
    const { id: _e, batchId: _f, at: _g, ...fromPanel } = panel as Omit<Imported, 'epoch'>;
    expect(cli).toEqual(fromPanel);
  });

  test('a file with invalid rows records nothing and names each bad row by line and reason', async () => {
    const dir = await dataDir();
    const before = await journalBytes(dir);
    const result = await runCli(['import', fixture('invalid-rows.csv'), '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('invalid-rows.csv: 2 valid rows, total $12.50');
    expect(result.out).toContain('line 3: "03/04/2026" could be 2026-04-03 or 2026-03-04');
    expect(result.out).toContain('line 4: "abc" is not an amount');
    expect(result.out).toContain('line 6: the currency "GBP" is not USD, EUR or SEK');
    expect(result.err).toMatch(/^Nothing recorded: 3 rows are invalid .*--skip-invalid/);
    expect(await imports(dir)).toEqual([]);
    expect(await journalBytes(dir)).toBe(before ?? '');
  });

  test('--skip-invalid records the valid rows and lists the skipped ones', async () => {
    const dir = await dataDir();
    const result = await runCli(['import', fixture('invalid-rows.csv'), '--skip-invalid', '--data-dir', dir]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Skipped 3 invalid rows: lines 3, 4, 6.');
    const [event] = await imports(dir);
    expect(event?.rows.map((r) => r.description)).toEqual(['Good row', 'Second good row']);
  });

  test('--dry-run shows the preview and records nothing', async () => {
    const dir = await dataDir();
    const before = await journalBytes(dir);
    const result = await runCli(['import', fixture('runway.csv'), '--dry-run', '--data-dir', dir]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('runway.csv: 3 valid rows, total $7.50');
    expect(result.out).toContain('Dry run: nothing recorded');
    expect(await imports(dir)).toEqual([]);
    expect(await journalBytes(dir)).toBe(before ?? '');
  });

  test('re-importing the same file reports the duplicates and adds nothing', async () => {
    const dir = await dataDir();
    expect((await runCli(['import', fixture('midjourney.csv'), '--data-dir', dir])).code).toBe(0);
    const before = await journalBytes(dir);
    const again = await runCli(['import', fixture('midjourney.csv'), '--data-dir', dir]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('3 duplicates of earlier imports, not added again (lines 2, 3, 4)');
    expect(again.out).toContain('Nothing new: every row is already recorded.');
    expect(await journalBytes(dir)).toBe(before);
    expect(await imports(dir)).toHaveLength(1);
  });

  test('files over 10 MB or 100,000 rows are refused in one line; so are bad arguments', async () => {
    const dir = await dataDir();
    const big = join(dir, 'big.csv');
    await writeFile(big, `date,description,amount,category\n${'x'.repeat(10 * 1024 * 1024)}\n`);
    const tooBig = await runCli(['import', big, '--data-dir', dir]);
    expect(tooBig.code).toBe(1);
    expect(tooBig.err).toMatch(
      /^modelbridge: .*big\.csv is 10\.5 MB; at most 10 MB can be imported at once\./,
    );
    expect(tooBig.err.trim().split('\n')).toHaveLength(1);
    const many = join(dir, 'many.csv');
    await writeFile(
      many,
      `date,description,amount,category\n${'2026-11-01,x,1,y\n'.repeat(MAX_IMPORT_ROWS + 1)}`,
    );
    expect((await stat(many)).size).toBeLessThan(10 * 1024 * 1024);
    const tooMany = await runCli(['import', many, '--data-dir', dir]);
    expect(tooMany.code).toBe(1);
    expect(tooMany.err.trim()).toMatch(/many\.csv: The file has 100001 rows; at most 100000 can be imported/);
    expect(await imports(dir)).toEqual([]);
    const missing = await runCli(['import', join(dir, 'nope.csv'), '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.csv does not exist/);
    expect(() => parseImportArgs([])).toThrow(/needs the CSV file/);
    expect(() => parseImportArgs(['a.csv', 'b.csv'])).toThrow(/one file/);
    const unknown = await runCli(['import', fixture('runway.csv'), '--force']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Usage: modelbridge import FILE');
  });
});

describe('modelbridge import while a backend holds the data dir', { timeout: 60_000 }, () => {
  test('goes through its API: preview, duplicates and the one event, which the backend writes', async () => {
    const dir = await dataDir();
    const server = await startTestServer(dir, { sandbox: true });
    try {
      const dry = await runCli(['import', fixture('sek-semicolon.csv'), '--dry-run', '--data-dir', dir]);
      expect(dry.code).toBe(0);
      expect(dry.out).toContain('Dry run: nothing recorded');
      const result = await runCli(['import', fixture('sek-semicolon.csv'), '--data-dir', dir]);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toContain(`in the backend at ${server.url}.`);
      const ledger = (await new ApiClient(server).get('/api/ledger')).json as { events: LedgerEvent[] };
      const recorded = ledger.events.filter((e) => e.type === 'external.imported');
      expect(recorded).toHaveLength(1);
      expect(await imports(dir)).toEqual(recorded);
      const again = await runCli(['import', fixture('sek-semicolon.csv'), '--data-dir', dir]);
      expect(again.code).toBe(0);
      expect(again.out).toContain('3 duplicates of earlier imports');
      expect(again.out).toContain('Nothing new');
      expect(await imports(dir)).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('a holder that says nowhere where it listens is named, and nothing is written beside it', async () => {
    const dir = await dataDir();
    const holder = await openJournal(dir);
    try {
      await holder.load();
      const before = await journalBytes(dir);
      const result = await runCli(['import', fixture('runway.csv'), '--data-dir', dir]);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`a backend is using ${dir} (process ${process.pid} on `);
      expect(result.err).toContain('nothing was recorded');
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(await journalBytes(dir)).toBe(before);
    } finally {
      await holder.close();
    }
  });
});
