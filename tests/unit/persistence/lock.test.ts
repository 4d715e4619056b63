import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { JournalLockedError, openJournal } from '../../../src/persistence/index.ts';
import { tempDirs } from '../../fixtures/persistence/temp-dir.ts';

const holderScript = fileURLToPath(new URL('../../fixtures/persistence/lock-holder.ts', import.meta.url));
const dirs = tempDirs('mb-lock-');
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await dirs.cleanup();
});

/** Starts lock-holder.ts on `dir`; resolves once it printed that it holds the lock. */
function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout!.on('data', (chunk) => {
      if (String(chunk).startsWith('locked')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited (${code}): ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('close', () => resolve()));
}

test('a second opener in the same process gets JournalLockedError naming this process', async () => {
  const dir = await dirs.make();
  const first = await openJournal(dir);
  const second = openJournal(dir);
  await expect(second).rejects.toBeInstanceOf(JournalLockedError);
  await expect(second).rejects.toThrow(
    new RegExp(`in use by process ${process.pid} \\(this process\\) on .* since \\d{4}-`),
  );
  await first.close();
  const third = await openJournal(dir);
  await third.close();
  expect(await readdir(dir)).not.toContain('journal.lock');
});

test('another live process holding the dir is named; once it is SIGKILLed its lock is taken over at once', async () => {
  const dir = await dirs.make();
  const child = await holdInChild(dir);
  const refused = await openJournal(dir).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(JournalLockedError);
  expect((refused as JournalLockedError).holder).toMatch(
    new RegExp(`^process ${child.pid} on ${hostname()} since `),
  );
  expect((refused as Error).message).toMatch(/Only one modelBridge backend may write it at a time/);
  child.kill('SIGKILL');
  await exited(child);
  // No 10 s wait: the holder's pid is gone, so the lock counts as stale immediately.
  const journal = await openJournal(dir);
  await journal.close();
}, 30_000);

test('a holder on another machine keeps the lock until its mtime goes stale (10 s)', async () => {
  const dir = await dirs.make();
  const lockDir = join(dir, 'journal.lock');
  await mkdir(lockDir);
  const since = '2025-03-02T12:00:00.000Z';
  await writeFile(join(lockDir, 'holder.json'), JSON.stringify({ pid: 1, hostname: 'edit-bay-2', since }));
  await expect(openJournal(dir)).rejects.toThrow(`in use by process 1 on edit-bay-2 since ${since}`);
  const old = new Date(Date.now() - 60_000);
  await utimes(lockDir, old, old);
  const journal = await openJournal(dir);
  await journal.close();
});

test('a lock folder without a holder file is reported as held by an unnamed process', async () => {
  const dir = await dirs.make();
  await mkdir(join(dir, 'journal.lock'));
  await expect(openJournal(dir)).rejects.toThrow(/in use by another process \(it did not record who it is/);
});
