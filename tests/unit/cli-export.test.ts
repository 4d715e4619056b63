import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseExportArgs } from '../../src/cli-export.ts';
import { foldLedger, type LedgerEvent, listRows } from '../../src/domain/index.ts';
import { openJournal } from '../../src/persistence/index.ts';
import { costCsvRecord, parseCostCsv } from '../../src/reports/csv/index.ts';
import { externalRow, generation, imported, resetBuilders, tags } from '../fixtures/ledger-builders.ts';
import { removeDirs, startTestServer, tempDir } from '../fixtures/server/harness.ts';

/** `modelbridge export`, `report` and `--help` as child processes over a real data dir (and its backend). */

const BIN = fileURLToPath(new URL('../../bin/modelbridge.js', import.meta.url));
const dirs: string[] = [];
let dataDir: string;
const journal: LedgerEvent[] = [];

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, MODELBRIDGE_DATA_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  resetBuilders();
  dataDir = await tempDir();
  dirs.push(dataDir);
  journal.push(
    ...generation({ tags: tags('Acme', 'Hero Film', 'Teaser'), prompt: '+1 take' }, 250_000),
    ...generation({ tags: tags('Globex', 'BTS Reel', 'Cut') }, 75_000),
    imported([externalRow({ tags: tags('Acme', 'Hero Film', '') })]),
  );
  const disk = await openJournal(dataDir);
  await disk.load();
  await disk.append(journal);
  await disk.close();
});

afterAll(() => removeDirs(dirs));

describe('modelbridge export csv', { timeout: 30_000 }, () => {
  test('writes the filtered cost CSV to --out, as the domain lists it', async () => {
    const out = join(dataDir, 'hero.csv');
    const result = await run([
      'export',
      'csv',
      '--data-dir',
      dataDir,
      '--project',
      'Hero Film',
      '--currency',
      'EUR',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/2 rows written to /);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const expected = listRows(foldLedger(journal), { project: 'Hero Film' }).map((row) =>
      costCsvRecord(row, 'EUR'),
    );
    expect(parseCostCsv(text)).toEqual(expected);
    expect(text).toContain("'+1 take");
  });

  test('writes everything to standard output without --out', async () => {
    const result = await run(['export', 'csv', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    expect(parseCostCsv(result.out)).toHaveLength(listRows(foldLedger(journal)).length);
  });

  test('a backend holding the data dir makes the file and the CLI copies it; one it cannot reach is named', async () => {
    const server = await startTestServer(dataDir, { sandbox: true });
    try {
      const out = join(dataDir, 'through-backend.csv');
      const result = await run(['export', '--data-dir', dataDir, '--project', 'Hero Film', '--out', out]);
      expect(result.code).toBe(0);
      expect(result.err).toMatch(/2 rows written to .* \(made by the backend at http:\/\/127\.0\.0\.1:/);
      const expected = listRows(foldLedger(journal), { project: 'Hero Film' }).map((row) =>
        costCsvRecord(row, 'USD'),
      );
      expect(parseCostCsv(await readFile(out, 'utf8'))).toEqual(expected);
      // Without its address file the backend cannot be asked: nothing is read beside it.
      await rm(join(dataDir, 'backend.json'));
      const refused = await run(['export', 'csv', '--data-dir', dataDir]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('GET /api/reports/costs.csv');
      expect(refused.out).toBe('');
    } finally {
      await server.close();
    }
  });

  test('bad options are refused with the usage', async () => {
    expect(() => parseExportArgs(['csv', '--currency', 'GBP'])).toThrow(/--currency/);
    expect(() => parseExportArgs(['pdf'])).toThrow(/csv/);
    expect(() => parseExportArgs(['csv', '--from', 'yesterday'])).toThrow(/--from/);
    const result = await run(['export', 'csv', '--colour', 'red']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: modelbridge export [csv]');
  });
});

describe('modelbridge report', { timeout: 60_000 }, () => {
  test('writes the HTML report of the filter: one file, no script, its rows and tags escaped', async () => {
    const out = join(dataDir, 'hero.html');
    const result = await run(['report', '--data-dir', dataDir, '--project', 'Hero Film', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/rows written to .*hero\.html/);
    const html = await readFile(out, 'utf8');
    expect(html.toLowerCase().startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src (&#x27;|')none/);
    expect(html).toContain('Hero Film');
    expect(html).not.toContain('BTS Reel');
  });

  test('through the backend that holds the data dir; --out is required; a reversed range is refused', async () => {
    const server = await startTestServer(dataDir, { sandbox: true });
    try {
      const out = join(dataDir, 'all.html');
      const result = await run(['report', '--data-dir', dataDir, '--currency', 'SEK', '--out', out]);
      expect(result.code).toBe(0);
      expect(result.err).toContain('made by the backend');
      expect(await readFile(out, 'utf8')).toContain('BTS Reel');
    } finally {
      await server.close();
    }
    const noOut = await run(['report', '--data-dir', dataDir]);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('report needs --out FILE');
    const reversed = await run(['report', '--from', '2026-02-01', '--to', '2026-01-01', '--out', 'x.html']);
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain('--to 2026-01-01 is before --from 2026-02-01');
  });
});

describe('modelbridge --help', { timeout: 30_000 }, () => {
  test('lists every command; each command explains itself; an unknown one points to --help', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'export', 'report', 'import', 'doctor', 'cep']) {
      expect(help.out).toContain(`modelbridge ${command}`);
    }
    const serve = await run(['serve', '--help']);
    expect(serve.code).toBe(0);
    expect(serve.out).toMatch(/^Usage: modelbridge serve/);
    const exportHelp = await run(['help', 'export']);
    expect(exportHelp.out).toMatch(/^Usage: modelbridge export \[csv\]/);
    expect((await run(['report', '--help'])).out).toMatch(/^Usage: modelbridge report /);
    const importHelp = await run(['import', '--help']);
    expect(importHelp.code).toBe(0);
    expect(importHelp.out).toMatch(/^Usage: modelbridge import FILE \[--dry-run\] \[--skip-invalid\]/);
    const doctorHelp = await run(['help', 'doctor']);
    expect(doctorHelp.out).toMatch(/^Usage: modelbridge doctor \[--data-dir DIR\] \[--json\]/);
    const unknown = await run(['frob']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('modelbridge --help');
  });
});
