import { spawnSync } from 'node:child_process';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { DoctorReport } from '../../src/cli-doctor.ts';
import { parseDoctorArgs } from '../../src/cli-doctor.ts';
import { openJournal } from '../../src/persistence/index.ts';
import { runCli } from '../fixtures/cli/run-cli.ts';
import { generation, imported, externalRow, resetBuilders } from '../fixtures/ledger-builders.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../fixtures/server/harness.ts';

/** `modelbridge doctor` as a child process over real data dirs, damaged the way disks and people damage them. */

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

/** A data dir with a compacted snapshot (and its backup) and two more events in the journal. */
async function healthyDir(): Promise<string> {
  resetBuilders();
  const dir = await tempDir('mb-cli-doctor-');
  dirs.push(dir);
  const journal = await openJournal(dir);
  await journal.load();
  await journal.append([...generation({}, 250_000), ...generation({}, 75_000)]);
  await journal.compact();
  await journal.append([imported([externalRow()]), imported([externalRow({ description: 'Other' })])]);
  await journal.close();
  return dir;
}

/** Every file name and its bytes under the data dir, to prove doctor changed nothing. */
async function contents(dir: string): Promise<Record<string, string>> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of names) {
    const path = join(entry.parentPath, entry.name);
    files[path] = entry.isFile() ? (await readFile(path)).toString('base64') : 'folder';
  }
  return files;
}

const report = (out: string) => JSON.parse(out) as DoctorReport;

describe('modelbridge doctor', { timeout: 60_000 }, () => {
  test('a healthy data dir: every fact, exit 0, and nothing written', async () => {
    const dir = await healthyDir();
    const before = await contents(dir);
    const result = await runCli(['doctor', '--data-dir', dir]);
    expect(result.code).toBe(0);
    const lines = result.out.trim().split('\n');
    expect(lines[0]).toBe(`Data folder: ${dir}`);
    expect(result.out).toContain('Lock: free (no backend holds it)');
    expect(result.out).toMatch(
      /Journal: 2 events, 0 torn at the end, 0 damaged \(continues a snapshot of \d+\)/,
    );
    expect(result.out).toMatch(/Snapshot: checksum ok, \d+ events/);
    expect(result.out).toContain('Schema version: 1 (this build writes 1)');
    expect(result.out).toMatch(/Backups: 1, newest .*backup-000001-.*-compact\.json\.gz \(ok\)/);
    expect(lines.at(-1)).toBe('Healthy: nothing to repair.');
    const json = await runCli(['doctor', '--data-dir', dir, '--json']);
    expect(json.code).toBe(0);
    expect(report(json.out)).toMatchObject({
      ok: true,
      dataDir: dir,
      lock: { state: 'free' },
      journal: { events: 2, tornAtTail: 0, invalidLines: 0 },
      snapshot: { state: 'ok', isBase: true },
      schema: { current: 1, oldest: 1, newest: 1 },
      backups: { count: 1 },
      problems: [],
    });
    expect(await contents(dir)).toEqual(before);
  });

  test('a torn last line (a crash mid-write) is reported, and left for the next start to set aside', async () => {
    const dir = await healthyDir();
    await appendFile(join(dir, 'ledger.jsonl'), '{"id":"evt-torn","type":"external.imp');
    const before = await contents(dir);
    const result = await runCli(['doctor', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Journal: 2 events, 1 torn at the end, 0 damaged');
    expect(result.out).toContain('ledger.jsonl ends in 1 torn line(s)');
    expect(await contents(dir)).toEqual(before);
  });

  test('a damaged line with events after it is told apart from a torn tail', async () => {
    const dir = await healthyDir();
    const path = join(dir, 'ledger.jsonl');
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines.splice(2, 0, 'not json at all');
    await writeFile(path, lines.join('\n'));
    const result = await runCli(['doctor', '--data-dir', dir, '--json']);
    expect(result.code).toBe(1);
    expect(report(result.out).journal).toMatchObject({ events: 2, tornAtTail: 0, invalidLines: 1 });
    expect(report(result.out).problems).toEqual([
      expect.stringContaining('1 damaged line(s) with events after'),
    ]);
  });

  test('a snapshot whose checksum no longer matches (an amount edited) is a mismatch, file untouched', async () => {
    const dir = await healthyDir();
    const path = join(dir, 'snapshot.json');
    const text = await readFile(path, 'utf8');
    const edited = text.replace('"actualUsdMicros":250000', '"actualUsdMicros":1');
    expect(edited).not.toBe(text);
    await writeFile(path, edited);
    const before = await contents(dir);
    const result = await runCli(['doctor', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Snapshot: CHECKSUM MISMATCH (changed after it was written)');
    expect(result.out).toMatch(
      /snapshot\.json was changed after it was written .*the next start uses .*backup-/,
    );
    expect(await contents(dir)).toEqual(before);
  });

  test('a lock held by a running backend names its process and address; doctor takes nothing', async () => {
    const dir = await healthyDir();
    const server = await startTestServer(dir, { sandbox: true });
    try {
      const result = await runCli(['doctor', '--data-dir', dir]);
      expect(result.code).toBe(0);
      expect(result.out).toContain(`Lock: held by process ${process.pid} on `);
      expect(result.out).toContain(`serving ${server.url}`);
      const json = report((await runCli(['doctor', '--data-dir', dir, '--json'])).out);
      expect(json.lock).toMatchObject({ state: 'held', holder: { pid: process.pid } });
      expect(json.backendUrl).toBe(server.url);
      // The backend still holds its lock: a write through it works after doctor ran.
      const write = await new ApiClient(server).post('/api/ledger/events', {
        events: [imported([externalRow({ description: 'After doctor' })])],
      });
      expect(write.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test('a lock left by a process that is gone is stale: reported, not removed', async () => {
    const dir = await healthyDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    await mkdir(join(dir, 'journal.lock'));
    const holder = { pid: gone, hostname: hostname(), since: '2026-12-01T10:00:00.000Z' };
    await writeFile(join(dir, 'journal.lock', 'holder.json'), JSON.stringify(holder));
    const before = await contents(dir);
    const result = await runCli(['doctor', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`Lock: stale: process ${gone} on ${hostname()}`);
    expect(result.out).toContain('the next start takes it over');
    expect(await contents(dir)).toEqual(before);
  });

  test('a missing data dir or bad options: one line and a non-zero exit', async () => {
    const dir = join(await healthyDir(), 'nothing-here');
    const result = await runCli(['doctor', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${dir} does not exist`);
    expect(() => parseDoctorArgs(['--fix'])).toThrow(/--fix/);
    const bad = await runCli(['doctor', '--repair']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Usage: modelbridge doctor');
  });
});
